// Years as columns (issue 18.3) as different offices type them: a district resolution with a unit-of-measure
// column, a province's 2011–2018 series with escapes and rate reductions, a "Kế hoạch / Thực hiện" table with the
// year merged over its two sub-columns. Each has a clean twin that says nothing. Expected values are worked out
// here from the counts (round half-up), never read from the engine.
import { analyzeYearsTable } from "../../src/engine";
import { gridFromRows } from "../../src/engine/grid";
import { describeFinding } from "../../src/i18n/findings";
import { rate } from "../engine/fixtures";

const errors = (report: ReturnType<typeof analyzeYearsTable>) =>
  report!.findings.filter((f) => f.severity === "error").map((f) => [f.cell, f.rule]);

// Huyện Mường Tè, Nghị quyết giai đoạn 2016–2020: "TT | Chỉ tiêu | ĐVT | Năm 2016 … Năm 2020".
const MT_H = [9850, 10020, 10190, 10350, 10480];
const MT_P = [3940, 3530, 3080, 2640, 2210];
const MT_N = [1180, 1240, 1210, 1098, 1090];
function district(edit: (rows: unknown[][]) => void = () => undefined) {
  const rows: unknown[][] = [
    ["PHỤ LỤC: KẾT QUẢ THỰC HIỆN CHỈ TIÊU GIẢM NGHÈO HUYỆN MƯỜNG TÈ GIAI ĐOẠN 2016-2020"],
    [],
    ["TT", "Chỉ tiêu", "ĐVT", "Năm 2016", "Năm 2017", "Năm 2018", "Năm 2019", "Năm 2020"],
    ["1", "Tổng số hộ", "Hộ", ...MT_H],
    ["2", "Số hộ nghèo", "Hộ", ...MT_P],
    ["3", "Tỷ lệ hộ nghèo", "%", ...MT_P.map((p, i) => rate(p, MT_H[i]))],
    ["4", "Số hộ cận nghèo", "Hộ", ...MT_N],
    ["5", "Tỷ lệ hộ cận nghèo", "%", ...MT_N.map((n, i) => rate(n, MT_H[i]))],
    ["6", "Số hộ thoát nghèo", "Hộ", null, ...MT_P.slice(1).map((p, i) => MT_P[i] - p)],
  ];
  edit(rows);
  return gridFromRows("NQ 2016-2020", rows);
}

test("district resolution 2016–2020, clean: read past its ĐVT column, five years, silent", () => {
  const report = analyzeYearsTable(district());
  expect(report?.range).toBe("B3:H9");
  expect(report?.rows).toHaveLength(5);
  expect(report?.findings).toEqual([]);
});

test("district resolution: 2018's poor rate and 2019's near-poor count typed 10,98 are found on their cells", () => {
  const report = analyzeYearsTable(
    district((rows) => {
      rows[5][5] = 32.23; // 2018: 3.080 / 10.190 = 30,2257 → 30,23
      rows[6][6] = 10.98; // 2019's near-poor 1.098 typed with a decimal comma
    }),
  );
  expect(errors(report)).toEqual(
    expect.arrayContaining([
      ["F6", "rate-mismatch"],
      ["G7", "non-integer-count"],
    ]),
  );
  expect(report!.findings.find((f) => f.cell === "F6")?.expected).toBe(30.23);
  // Nothing else of the sheet is blamed: the escapes still follow from the poor counts.
  expect(report!.findings.filter((f) => /^[D-H]9$/.test(f.cell))).toEqual([]);
  expect(report!.findings.every((f) => f.fix === undefined)).toBe(true);
});

// Tỉnh Lai Châu 2011–2018, years typed as numbers, with escapes and the fall of the rate in points.
const LC_H = [78200, 80150, 82010, 84120, 86030, 88140, 90260, 92310];
const LC_P = [31280, 28710, 26050, 23480, 21320, 18700, 16350, 13900];
const LC_R = LC_P.map((p, i) => rate(p, LC_H[i]));
function province(edit: (rows: unknown[][]) => void = () => undefined) {
  const rows: unknown[][] = [
    ["KẾT QUẢ GIẢM NGHÈO TỈNH LAI CHÂU 2011 - 2018"],
    ["Chỉ tiêu", 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018],
    ["Tổng số hộ dân cư", ...LC_H],
    ["Số hộ nghèo", ...LC_P],
    ["Tỷ lệ hộ nghèo (%)", ...LC_R],
    ["Số hộ thoát nghèo", null, ...LC_P.slice(1).map((p, i) => LC_P[i] - p)],
    [
      "Mức giảm tỷ lệ hộ nghèo (%)",
      null,
      ...LC_R.slice(1).map((r, i) => Math.round((LC_R[i] - r) * 100) / 100),
    ],
  ];
  edit(rows);
  return gridFromRows("2011-2018", rows);
}

test("province 2011–2018, clean: escapes and the rate's fall follow year on year, silent", () => {
  const report = analyzeYearsTable(province());
  expect(report?.rows).toHaveLength(8);
  expect(report?.findings).toEqual([]);
});

test("province 2011–2018: the escapes of 2015 typed wrong are found on their cell, with last year − this year", () => {
  const report = analyzeYearsTable(
    province((rows) => {
      rows[5][5] = 2610; // 2015: 23.480 − 21.320 = 2.160
    }),
  );
  expect(errors(report)).toEqual([["F6", "reduction-mismatch"]]);
  const f = report!.findings[0];
  expect(f.expected).toBe(2160);
  expect(describeFinding(f)).toBe("Số giảm không khớp: ô F6 ghi 2.610, tính từ E4−F4 được 2.160.");
});

test("province 2011–2018: a fall of the rate typed wrong is a rate reduction, in points at two decimals", () => {
  const report = analyzeYearsTable(
    province((rows) => {
      rows[6][7] = 2.9; // 2017: 21,22 − 18,11 = 3,11 (16.350 / 90.260 = 18,114)
    }),
  );
  expect(errors(report)).toEqual([["H7", "reduction-mismatch"]]);
  expect(report!.findings[0].expected).toBe(Math.round((LC_R[5] - LC_R[6]) * 100) / 100);
  expect(describeFinding(report!.findings[0])).toMatch(
    /^Tỷ lệ giảm không khớp: ô H7 ghi 2,90, tính từ G5−H5/u,
  );
});

test("escapes from a survey (new poor arise each year) are no year-on-year difference: said once, unchecked", () => {
  // What a commune reports as "thoát nghèo" is gross: more escape than the net fall, every year.
  const escaped = [3120, 3005, 2890, 2660, 2930, 2710, 2790];
  const report = analyzeYearsTable(
    province((rows) => {
      rows[5] = ["Số hộ thoát nghèo", null, ...escaped];
    }),
  );
  expect(report!.findings.map((f) => [f.cell, f.rule])).toEqual([["A6", "reduction-unchecked"]]);
  expect(describeFinding(report!.findings[0])).toContain("7/7 năm");
});

// Kế hoạch / Thực hiện per year: the year merged over its two sub-columns, households only in the actual.
function planActual(edit: (rows: unknown[][]) => void = () => undefined) {
  const rows: unknown[][] = [
    ["Chỉ tiêu", "Năm 2018", null, "Năm 2019", null, "Năm 2020", null],
    [null, "Kế hoạch", "Thực hiện", "Kế hoạch", "Thực hiện", "Kế hoạch", "Thực hiện"],
    ["Tổng số hộ", null, 12800, null, 12950, null, 13100],
    ["Số hộ nghèo", 800, 840, 700, 690, 580, 560],
    [
      "Tỷ lệ hộ nghèo (%)",
      rate(800, 12800),
      rate(840, 12800),
      rate(700, 12950),
      rate(690, 12950),
      rate(580, 13100),
      rate(560, 13100),
    ],
    ["Số hộ thoát nghèo", null, null, 840 - 700, 840 - 690, 690 - 580, 690 - 560],
  ];
  edit(rows);
  return gridFromRows("KH-TH", rows, { merges: ["A1:A2", "B1:C1", "D1:E1", "F1:G1"] });
}

test("Kế hoạch / Thực hiện, clean: plan and actual differ every year and nothing is said", () => {
  const report = analyzeYearsTable(planActual());
  expect(report?.rows.map((r) => r.label)).toEqual([
    "Năm 2018 (kế hoạch)",
    "Năm 2018 (thực hiện)",
    "Năm 2019 (kế hoạch)",
    "Năm 2019 (thực hiện)",
    "Năm 2020 (kế hoạch)",
    "Năm 2020 (thực hiện)",
  ]);
  expect(report?.findings).toEqual([]);
});

test("Kế hoạch / Thực hiện: a wrong actual rate is found over the year's households; the plan is not blamed", () => {
  const report = analyzeYearsTable(
    planActual((rows) => {
      rows[4][6] = 4.47; // 2020 actual: 560 / 13.100 = 4,2748 → 4,27
    }),
  );
  expect(errors(report)).toEqual([["G5", "rate-mismatch"]]);
  expect(report!.findings[0].expected).toBe(4.27);
});

test("Kế hoạch / Thực hiện: a wrong plan rate is checked over the year's households too", () => {
  const report = analyzeYearsTable(
    planActual((rows) => {
      rows[4][3] = 5.14; // 2019 plan: 700 / 12.950 = 5,405 → 5,41
    }),
  );
  expect(errors(report)).toEqual([["D5", "rate-mismatch"]]);
  expect(report!.findings[0].expected).toBe(5.41);
});
