// Issue 7, "Read every official table right": for each class of real tables a defective table with its planted
// findings written by hand, and a clean twin where nothing may be flagged.
import { analyzeGrid, fixPlan, legacyTextConversions } from "../../src/engine";
import { type Grid, gridFromRows } from "../../src/engine/grid";
import type { Finding } from "../../src/engine/report";
import { describeFinding } from "../../src/i18n/findings";
import { rate, setCell } from "./fixtures";
import { type Group, nationalGroups, shapeGrid, shapeRows } from "./shapes";

const brief = (fs: Finding[]) => fs.map((f) => `${f.severity} ${f.cell} ${f.rule} ${f.expected}`);
const findingsOf = (grid: Grid) => analyzeGrid(grid).flatMap((t) => t.findings);

/** Hand-made groups: the numbers below are typed, not generated, so planted findings are known. */
const PROVINCES: Group[] = [
  {
    name: "Tỉnh Một",
    units: [
      { name: "Huyện A", households: 412, poor: 20, nearPoor: 31 },
      { name: "Huyện B", households: 288, poor: 15, nearPoor: 9 },
    ],
  },
  {
    name: "Tỉnh Hai",
    units: [
      { name: "Huyện C", households: 530, poor: 31, nearPoor: 12 },
      { name: "Huyện D", households: 197, poor: 18, nearPoor: 11 },
    ],
  },
  {
    name: "Tỉnh Ba",
    units: [
      { name: "Huyện E", households: 355, poor: 27, nearPoor: 20 },
      { name: "Huyện F", households: 1518, poor: 96, nearPoor: 40 },
    ],
  },
];

describe("1. Roman numerals of any size, read by sequence", () => {
  // 52 provinces: XLVIII, XLIX, L, LI, LII are groups; each has two districts.
  const shaped = shapeRows(nationalGroups(52, 2, 21));
  test("clean: XLIX, L, LI are groups, and nothing is flagged", () => {
    const [a] = analyzeGrid(shapeGrid(shaped));
    const byNumber = new Map(a.table.rows.map((r) => [r.number, r.kind]));
    expect(["XLVIII", "XLIX", "L", "LI", "LII"].map((n) => byNumber.get(n))).toEqual(Array(5).fill("group"));
    expect(a.table.rows.filter((r) => r.kind === "group")).toHaveLength(52);
    expect(a.findings).toEqual([]);
  });
  test("defective: a wrong subtotal of group L is blamed on L's row", () => {
    const row = shaped.groupRow[49];
    const rows = setCell(shaped.rows, `C${row}`, (shaped.rows[row - 1][2] as number) + 100);
    const fs = findingsOf(gridFromRows("Tổng hợp", rows));
    expect(brief(fs)).toEqual([`error C${row} sum-mismatch ${shaped.rows[row - 1][2]}`]);
  });
  test("letters: C after B, I after H are letter groups", () => {
    const s = shapeRows(nationalGroups(10, 2, 22), { numbering: "letter" });
    const [a] = analyzeGrid(shapeGrid(s));
    expect(a.table.rows.filter((r) => r.kind === "group").map((r) => r.style)).toEqual(
      Array(10).fill("letter"),
    );
    expect(a.findings).toEqual([]);
  });
  test("letters with Roman sub-groups: C after B (with I, II between) is a letter, each letter totals its romans", () => {
    const sub = (n: string, name: string, h: number, p: number) => [
      n,
      name,
      h,
      p,
      Math.round((p / h) * 10000) / 100,
    ];
    const grid = gridFromRows("S", [
      ["STT", "Đơn vị", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ hộ nghèo (%)"],
      sub("A", "Huyện Một", 700, 35),
      sub("I", "Xã An", 412, 20),
      sub("II", "Xã Bình", 288, 15),
      sub("B", "Huyện Hai", 727, 49),
      sub("I", "Xã Cường", 530, 31),
      sub("II", "Xã Dũng", 197, 18),
      sub("C", "Huyện Ba", 355, 27),
      sub("I", "Xã Đông", 355, 27),
      sub("", "Toàn tỉnh", 1782, 111),
    ]);
    const [a] = analyzeGrid(grid);
    expect(a.table.rows.map((r) => r.style ?? r.kind)).toEqual([
      "letter",
      "roman",
      "roman",
      "letter",
      "roman",
      "roman",
      "letter",
      "roman",
      "total",
    ]);
    expect(a.table.rows.find((r) => r.row === 8)!.covers).toEqual([9]);
    expect(a.table.rows.find((r) => r.row === 10)!.covers).toEqual([2, 5, 8]);
    expect(a.findings).toEqual([]);
  });
});

describe('2. "Trong đó" rows are parts of the row above', () => {
  const groups: Group[] = PROVINCES.map((g) => ({
    ...g,
    units: g.units.map((u) => ({
      ...u,
      part: { households: Math.floor(u.households / 3), poor: Math.floor(u.poor / 2), nearPoor: 3 },
    })),
  }));
  const shaped = shapeRows(groups);
  test("clean: parts are not added into sums, and nothing is flagged", () => {
    const [a] = analyzeGrid(shapeGrid(shaped));
    expect(a.table.rows.filter((r) => r.kind === "part")).toHaveLength(6);
    const group = a.table.rows.find((r) => r.row === shaped.groupRow[0])!;
    expect(group.covers).toEqual(shaped.unitRow[0]);
    expect(a.findings).toEqual([]);
  });
  test("defective: a part above its whole is count-exceeds-total on the part", () => {
    const part = shaped.partRow.get("1.0")!; // under Huyện C: 31 poor households
    const rows = setCell(setCell(shaped.rows, `D${part}`, 40), `E${part}`, 22.73); // 40/176, rate kept consistent
    const fs = findingsOf(gridFromRows("Tổng hợp", rows));
    expect(brief(fs)).toEqual([`error D${part} count-exceeds-total null`]);
    expect(fs[0].related).toEqual([`D${shaped.unitRow[1][0]}`]);
  });
  test("defective: a part's wrong rate is flagged on the part", () => {
    const part = shaped.partRow.get("0.0")!; // 10 of 137 households: 7,30 %
    const fs = findingsOf(gridFromRows("Tổng hợp", setCell(shaped.rows, `E${part}`, 7.5)));
    expect(brief(fs)).toEqual([`error E${part} rate-mismatch 7.3`]);
  });
  test("a part without its own households: its rate is over the households of the row above", () => {
    const grid = gridFromRows("S", [
      ["STT", "Thôn", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ hộ nghèo (%)"],
      ["1", "Thôn 1", 412, 20, 4.85],
      ["", "Trong đó: hộ không có khả năng lao động", null, 8, 1.94],
      ["2", "Thôn 2", 288, 15, 5.21],
      ["", "Riêng: hộ DTTS", null, 6, 2.08],
      ["", "Tổng cộng", 700, 35, 5],
    ]);
    expect(findingsOf(grid)).toEqual([]);
    const wrong = gridFromRows("S", [
      ["STT", "Thôn", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ hộ nghèo (%)"],
      ["1", "Thôn 1", 412, 20, 4.85],
      ["", "Trong đó: hộ không có khả năng lao động", null, 8, 2.5],
      ["2", "Thôn 2", 288, 15, 5.21],
      ["", "Riêng: hộ DTTS", null, 6, 2.08],
      ["", "Tổng cộng", 700, 35, 5],
    ]);
    expect(brief(findingsOf(wrong))).toEqual(["error E3 rate-mismatch 1.94"]);
  });
  test("unlabelled part rows counted as units: one structure-unsure, no wall of sum errors; --rows fixes it", () => {
    const groups: Group[] = nationalGroups(6, 2, 31, 1);
    const shaped = shapeRows(groups);
    // The "Trong đó" rows lose their label and get a number: they read as units and break every group's sum.
    let rows = shaped.rows;
    const parts = [...shaped.partRow.values()];
    for (const r of parts) rows = setCell(setCell(rows, `A${r}`, "3"), `B${r}`, "Hộ DTTS");
    const [a] = analyzeGrid(gridFromRows("Tổng hợp", rows));
    expect(a.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(brief(a.findings)).toEqual(["warning C3 structure-unsure null"]);
    expect(describeFinding(a.findings[0])).toMatch(
      /^Cột C, D, F \("Tổng số hộ", ô C3\): dòng tổng không bằng cộng các dòng con ở/,
    );
    const overrides = { rows: Object.fromEntries(parts.map((r) => [r, "part" as const])) };
    const [b] = analyzeGrid(gridFromRows("Tổng hợp", rows), { overrides });
    expect(b.findings).toEqual([]);
  });
});

describe("3. A total at the top covers everything below it", () => {
  for (const label of ["Toàn quốc", "Cả nước", "Toàn tỉnh", "Toàn huyện", "Toàn xã"]) {
    test(`clean: "${label}" first is the total of the groups`, () => {
      const shaped = shapeRows(PROVINCES, { totalFirst: true, totalLabel: label });
      const [a] = analyzeGrid(shapeGrid(shaped));
      const total = a.table.rows.find((r) => r.row === shaped.totalRow)!;
      expect(total.kind).toBe("total");
      expect(total.covers).toEqual(shaped.groupRow);
      expect(a.findings).toEqual([]);
    });
  }
  test("defective: a wrong national total is blamed on the total row", () => {
    const shaped = shapeRows(PROVINCES, { totalFirst: true });
    const fs = findingsOf(gridFromRows("Tổng hợp", setCell(shaped.rows, `D${shaped.totalRow}`, 217)));
    expect(brief(fs)).toEqual([`error D${shaped.totalRow} sum-mismatch 207`]);
  });
});

describe("4. Rates as people store them", () => {
  test("clean: fractions under a percent format are read as the percentage shown", () => {
    const shaped = shapeRows(PROVINCES, { rates: "percent-format" });
    const [a] = analyzeGrid(shapeGrid(shaped));
    expect(a.findings).toEqual([]);
    // A fix keeps the cell's convention: a fraction, rounded to the two shown decimals of the percentage.
    const e = a.derived.find((w) => w.cell === `E${shaped.unitRow[0][0]}`)!;
    expect(e).toMatchObject({
      value: 0.0485,
      formula: `=ROUND(D${shaped.unitRow[0][0]}/C${shaped.unitRow[0][0]},4)`,
    });
    expect(e.numberFormat).toBeUndefined();
  });
  test("defective: a wrong fraction is reported in percent, fixed as a fraction", () => {
    const shaped = shapeRows(PROVINCES, { rates: "percent-format" });
    const row = shaped.unitRow[0][1]; // 15 of 288 = 5,21 %
    const grid = gridFromRows("Tổng hợp", setCell(shaped.rows, `E${row}`, 0.0485), {
      formats: shaped.formats,
    });
    const [f] = findingsOf(grid);
    expect(brief([f])).toEqual([`error E${row} rate-mismatch 5.21`]);
    expect(f.fix).toMatchObject({ value: 0.0521, formula: `=ROUND(D${row}/C${row},4)` });
    expect(describeFinding(f)).toBe(
      `Tỷ lệ sai: ô E${row} ghi 4,85%, tính từ D${row}/C${row}×100 được 5,21%.`,
    );
  });
  test("a live =D/C formula under 0.0% is compared at the one decimal it shows", () => {
    const grid = gridFromRows(
      "S",
      [
        ["STT", "Thôn", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ hộ nghèo (%)"],
        ["1", "Thôn 1", 412, 20, "=D2/C2"],
        ["2", "Thôn 2", 288, 15, "=D3/C3"],
        ["3", "Thôn 3", 530, 31, "=D4/C4"],
      ],
      {
        cached: { E2: 20 / 412, E3: 15 / 288, E4: 31 / 530 },
        formats: { E2: "0.0%", E3: "0.0%", E4: "0.0%" },
      },
    );
    expect(findingsOf(grid)).toEqual([]);
  });
  test("clean: text with a sign (5,79%) is read as shown; only the text storage is noted", () => {
    const shaped = shapeRows(PROVINCES, { rates: "text" });
    const fs = findingsOf(shapeGrid(shaped));
    expect(fs.filter((f) => f.rule !== "number-as-text")).toEqual([]);
  });
});

describe("5. Reports beside targets", () => {
  const grid = (typedReduction: number, end: number) =>
    gridFromRows(
      "BC",
      [
        ["BÁO CÁO KẾT QUẢ GIẢM NGHÈO NĂM 2024"],
        [
          "STT",
          "Thôn",
          "Tổng số hộ",
          "Hộ nghèo đầu năm",
          null,
          "Hộ nghèo cuối năm",
          null,
          "Số hộ nghèo giảm",
          "Chỉ tiêu giảm hộ nghèo được giao",
          "Đánh giá",
        ],
        [null, null, null, "Số hộ", "Tỷ lệ (%)", "Số hộ", "Tỷ lệ (%)", null, null, "Đạt/Không đạt"],
        ["1", "Thôn 1", 412, 20, 4.85, 14, 3.4, 6, 5, "Đạt"],
        [
          "2",
          "Thôn 2",
          288,
          15,
          5.21,
          end,
          Math.round((end / 288) * 10000) / 100,
          typedReduction,
          4,
          "Không đạt",
        ],
        ["3", "Thôn 3", 530, 31, 5.85, 24, 4.53, 7, 7, "Đạt"],
        [
          "",
          "Tổng cộng",
          1230,
          66,
          5.37,
          38 + end,
          Math.round(((38 + end) / 1230) * 10000) / 100,
          13 + 15 - end,
          16,
          "",
        ],
      ],
      { merges: ["A2:A3", "B2:B3", "C2:C3", "D2:E2", "F2:G2", "H2:H3", "I2:I3"] },
    );
  test("clean: a report with targets, and a village where the poor rose (negative reduction), is silent", () => {
    const [a] = analyzeGrid(grid(-2, 17));
    expect(a.table.isPlan).toBe(false);
    expect(a.findings).toEqual([]);
  });
  test("defective: a reduction that does not follow from start − end is a report error on that cell", () => {
    expect(brief(findingsOf(grid(5, 11)))).toEqual(["error H5 reduction-mismatch 4"]);
  });
  test("the target column is an input: a target unlike the result is not an error", () => {
    const [a] = analyzeGrid(grid(4, 11));
    expect(a.findings).toEqual([]);
    expect(a.derived.map((w) => w.cell)).not.toContain("I5");
  });
});

describe("6. The national forms (Thông tư 07, Phụ lục VII)", () => {
  // Survey summary without a numbering row: persons rates are over persons.
  const survey = (poorPersonsRate2: number) =>
    gridFromRows("Biểu 1", [
      ["TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO"],
      [
        "STT",
        "Đơn vị",
        "Tổng số hộ",
        "Tổng số nhân khẩu",
        "Số hộ nghèo",
        "Tỷ lệ hộ nghèo (%)",
        "Số nhân khẩu nghèo",
        "Tỷ lệ (%)",
      ],
      ["1", "Xã An", 1000, 4100, 50, 5, 230, 5.61],
      ["2", "Xã Bình", 800, 3000, 40, 5, 170, poorPersonsRate2],
      ["3", "Xã Cường", 1200, 5000, 30, 2.5, 120, 2.4],
      ["", "Toàn huyện", 3000, 12100, 120, 4, 520, 4.3],
    ]);
  test("clean survey summary: persons rates over persons, silent", () => {
    const [a] = analyzeGrid(survey(5.67));
    expect(a.table.columns.map((c) => c.role)).toEqual([
      "rowNumber",
      "unitName",
      "households",
      "persons",
      "poorHouseholds",
      "poorRate",
      "poorPersons",
      "poorRate",
    ]);
    expect(a.findings).toEqual([]);
  });
  test("defective survey summary: a persons rate computed over households is wrong", () => {
    expect(brief(findingsOf(survey(21.25)))).toEqual(["error H4 rate-mismatch 5.67"]);
  });

  const flowHeader = [
    [
      "STT",
      "Đơn vị",
      "Số hộ nghèo đầu kỳ",
      "Giảm trong kỳ",
      null,
      null,
      "Tăng trong kỳ",
      null,
      null,
      null,
      "Số hộ nghèo cuối kỳ",
    ],
    [
      null,
      null,
      null,
      "Thoát nghèo, trở thành hộ cận nghèo",
      "Thoát nghèo vượt chuẩn cận nghèo",
      "Số hộ khác giảm",
      "Hộ cận nghèo trở thành hộ nghèo",
      "Tái nghèo",
      "Phát sinh mới",
      "Số hộ khác tăng",
      null,
    ],
    ["A", "B", "1", "2", "3", "4", "5", "6", "7", "8", "9=1-2-3-4+5+6+7+8"],
  ];
  const flow = (end2: number, total: number) =>
    gridFromRows(
      "Biểu 2",
      [
        ["BIẾN ĐỘNG HỘ NGHÈO NĂM 2024"],
        ...flowHeader,
        ["1", "Xã An", 50, 10, 5, 1, 2, 1, 3, 1, 41],
        ["2", "Xã Bình", 40, 8, 2, 0, 1, 0, 2, 0, end2],
        ["3", "Xã Cường", 30, 4, 3, 2, 0, 2, 1, 1, 25],
        ["", "Toàn huyện", 120, 22, 10, 3, 3, 3, 6, 2, total],
      ],
      { merges: ["A2:A3", "B2:B3", "C2:C3", "D2:F2", "G2:J2", "K2:K3"] },
    );
  test("clean poor-household flow: the wordings are flows, never households; the stated relation holds", () => {
    const [a] = analyzeGrid(flow(33, 99));
    expect(a.table.columns.map((c) => c.role).slice(2)).toEqual([
      "poorHouseholds",
      "escaped",
      "escaped",
      "otherDecrease",
      "otherIncrease",
      "fellBack",
      "newlyPoor",
      "otherIncrease",
      "poorHouseholds",
    ]);
    expect(a.findings).toEqual([]);
  });
  test("defective flow: an end of period that breaks 9=1-2-3-4+5+6+7+8 is blamed on that cell", () => {
    // 40 − 8 − 2 − 0 + 1 + 0 + 2 + 0 = 33; the total is right, so the end of row 6 is the one cell to blame.
    expect(brief(findingsOf(flow(35, 99)))).toEqual(["error K6 sum-mismatch 33"]);
  });
  test("clean near-poor flow", () => {
    const grid = gridFromRows("Biểu 3", [
      ["BIẾN ĐỘNG HỘ CẬN NGHÈO NĂM 2024"],
      [
        "STT",
        "Đơn vị",
        "Số hộ cận nghèo đầu kỳ",
        "Thoát cận nghèo",
        "Trở thành hộ nghèo",
        "Số hộ khác giảm",
        "Phát sinh mới",
        "Hộ nghèo trở thành hộ cận nghèo",
        "Tái cận nghèo",
        "Số hộ khác tăng",
        "Số hộ cận nghèo cuối kỳ",
      ],
      ["A", "B", "1", "2", "3", "4", "5", "6", "7", "8", "9=1-2-3-4+5+6+7+8"],
      ["1", "Xã An", 60, 12, 2, 1, 4, 10, 1, 0, 60],
      ["2", "Xã Bình", 45, 6, 1, 0, 3, 8, 0, 1, 50],
      ["", "Toàn huyện", 105, 18, 3, 1, 7, 18, 1, 1, 110],
    ]);
    const [a] = analyzeGrid(grid);
    expect(a.table.columns.filter((c) => c.role === "households")).toEqual([]);
    expect(a.findings).toEqual([]);
  });
});

describe("6b. Flow tables without a numbering row: the balance is guessed, signed by header and role", () => {
  const poorFlow = (end1: number) =>
    gridFromRows(
      "Biến động",
      [
        [
          "STT",
          "Xã",
          "Số hộ nghèo đầu năm",
          "Số hộ nghèo giảm trong năm",
          null,
          "Số hộ nghèo tăng trong năm",
          null,
          null,
          "Số hộ nghèo cuối năm",
        ],
        [null, null, null, "Thoát nghèo", "Giảm khác", "Tái nghèo", "Phát sinh mới", "Tăng khác", null],
        ["1", "Xã An", 50, 10, 1, 1, 3, 1, end1],
        ["2", "Xã Bình", 40, 8, 0, 0, 2, 0, 34],
        ["3", "Xã Cường", 30, 4, 2, 2, 1, 1, 28],
        ["", "Toàn huyện", 120, 22, 3, 3, 6, 2, 44 + 34 + 28],
      ],
      { merges: ["A1:A2", "B1:B2", "C1:C2", "D1:E1", "F1:H1", "I1:I2"] },
    );
  test("clean poor flow: silent", () => {
    expect(findingsOf(poorFlow(44))).toEqual([]);
  });
  test("defective poor flow: the end of period that breaks the balance is blamed", () => {
    // 50 − 10 − 1 + 1 + 3 + 1 = 44; the total still holds 44, so only I3 is off.
    expect(brief(findingsOf(poorFlow(45)))).toEqual(["error I3 sum-mismatch 44"]);
  });
  const nearFlow = (end2: number) =>
    gridFromRows("Cận nghèo", [
      [
        "STT",
        "Xã",
        "Số hộ cận nghèo đầu kỳ",
        "Thoát cận nghèo",
        "Trở thành hộ nghèo",
        "Số hộ khác giảm",
        "Phát sinh mới",
        "Hộ nghèo trở thành hộ cận nghèo",
        "Tái cận nghèo",
        "Số hộ khác tăng",
        "Số hộ cận nghèo cuối kỳ",
      ],
      ["1", "Xã An", 60, 12, 2, 1, 4, 10, 1, 0, 60],
      ["2", "Xã Bình", 45, 6, 1, 0, 3, 8, 0, 1, end2],
      ["3", "Xã Cường", 70, 9, 3, 2, 5, 6, 2, 1, 70],
      ["", "Toàn huyện", 175, 27, 6, 3, 12, 24, 3, 2, 130 + 50],
    ]);
  test("clean near-poor flow: becoming poor leaves the near-poor (a decrease); silent", () => {
    expect(findingsOf(nearFlow(50))).toEqual([]);
  });
  test("defective near-poor flow: the wrong end is blamed", () => {
    expect(brief(findingsOf(nearFlow(52)))).toEqual(["error K3 sum-mismatch 50"]);
  });
});

describe("7. Totals that omit rows", () => {
  const grid = (c9: string) =>
    gridFromRows(
      "S",
      [
        ["STT", "Thôn", "Tổng số hộ", "Số hộ nghèo", "Số hộ cận nghèo"],
        ["1", "Thôn 1", 412, 20, 31],
        ["2", "Thôn 2", 288, 15, 9],
        ["3", "Thôn 3", 530, 31, 12],
        ["4", "Thôn 4", 197, 18, 11],
        ["5", "Thôn 5", 355, 27, 20],
        ["6", "Thôn 6", 150, 12, 6],
        ["7", "Thôn 7", 120, 9, 4],
        ["", "Tổng cộng", c9, "=SUM(D2:D8)", "=SUM(E2:E8)"],
      ],
      { cached: { C9: c9 === "=SUM(C2:C8)" ? 2052 : 1932, D9: 132, E9: 93 } },
    );
  test("clean: every total sums all its rows", () => {
    expect(findingsOf(grid("=SUM(C2:C8)"))).toEqual([]);
  });
  test("defective: =SUM(C2:C7) is flagged on the total with the right range and value; row 8 is not blamed", () => {
    const fs = findingsOf(grid("=SUM(C2:C7)"));
    expect(brief(fs)).toEqual(["error C9 inconsistent-formula 2052"]);
    expect(fs[0].fix).toMatchObject({ value: 2052, formula: "=SUM(C2:C8)" });
    expect(describeFinding(fs[0])).toContain("=SUM(C2:C8)");
  });
});

describe("8. Legacy encodings", () => {
  const tcvn3 = (d3: number) =>
    gridFromRows("TCVN3", [
      ["STT", "Tªn ®¬n vÞ", "Tæng sè hé", "Sè hé nghÌo", "Tû lÖ hé nghÌo (%)"],
      ["1", "Th«n §«ng", 412, 20, 4.85],
      ["2", "Th«n T©y", 288, d3, 5.21],
      ["3", "Th«n Nam", 530, 31, 5.85],
      ["", "Tæng céng", 1230, 66, 5.37],
    ]);
  test("TCVN3 headers and labels are decoded: one info finding, no other", () => {
    const [a] = analyzeGrid(tcvn3(15));
    expect(a.table.columns.map((c) => c.role)).toEqual([
      "rowNumber",
      "unitName",
      "households",
      "poorHouseholds",
      "poorRate",
    ]);
    expect(a.table.rows.map((r) => r.kind)).toEqual(["unit", "unit", "unit", "total"]);
    expect(brief(a.findings)).toEqual(["info B1 legacy-encoding null"]);
    expect(a.legacyEncoding).toBe("tcvn3");
  });
  test("defects are still found in a TCVN3 table", () => {
    expect(brief(findingsOf(tcvn3(16))).filter((b) => b.startsWith("error"))).toEqual([
      "error D3 sum-mismatch 15",
    ]);
  });
  test("legacyTextConversions converts every legacy text cell to Unicode, and nothing else", () => {
    const writes = legacyTextConversions(tcvn3(15));
    expect(writes.find((w) => w.cell === "C1")?.value).toBe("Tổng số hộ");
    expect(writes.find((w) => w.cell === "B2")?.value).toBe("Thôn Đông");
    expect(writes.find((w) => w.cell === "B5")?.value).toBe("Tổng cộng");
    expect(writes.every((w) => typeof w.value === "string")).toBe(true);
    expect(writes.map((w) => w.cell)).not.toContain("A1");
  });
  test("VNI headers are decoded too", () => {
    const grid = gridFromRows("VNI", [
      ["STT", "Teân ñôn vò", "Toång soá hoä", "Soá hoä ngheøo"],
      ["1", "Thoân 1", 412, 20],
      ["2", "Thoân 2", 288, 15],
      ["", "Toång coäng", 700, 35],
    ]);
    const [a] = analyzeGrid(grid);
    expect(a.legacyEncoding).toBe("vni");
    expect(a.table.columns.map((c) => c.role)).toEqual([
      "rowNumber",
      "unitName",
      "households",
      "poorHouseholds",
    ]);
    expect(brief(a.findings)).toEqual(["info B1 legacy-encoding null"]);
  });
  test("clean Unicode twin: no legacy finding, no conversion", () => {
    const grid = gridFromRows("U", [
      ["STT", "Tên đơn vị", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ hộ nghèo (%)"],
      ["1", "Thôn Đông", 412, 20, 4.85],
      ["2", "Thôn Tây", 288, 15, 5.21],
      ["", "Tổng cộng", 700, 35, 5],
    ]);
    expect(findingsOf(grid)).toEqual([]);
    expect(legacyTextConversions(grid)).toEqual([]);
  });
});

describe("the mechanism: the data confirms the reading; in doubt, write nothing", () => {
  // The "poor rate" column really holds the multidimensional rate (poor + near-poor): no reading of it holds.
  const misleading = () =>
    shapeRows(nationalGroups(6, 3, 6), {
      poorRateOf: (u) => Math.round(((u.poor + u.nearPoor) / u.households) * 10000) / 100,
    });
  test("a misleading header gives one structure-unsure on its header cell, no error, nothing written", () => {
    const [a] = analyzeGrid(shapeGrid(misleading()));
    expect(brief(a.findings)).toEqual(["warning E3 structure-unsure null"]);
    expect(a.unsure).toBe(true);
    const plan = fixPlan([a]);
    expect(plan.writes).toEqual([]);
    expect(plan.refused).toEqual([{ sheet: "Tổng hợp", range: a.report.range, cells: ["E3"] }]);
    expect(describeFinding(a.findings[0])).toMatch(
      /^Cột E \("Tỷ lệ hộ nghèo \(%\)", ô E3\): ở \d+\/\d+ dòng, E không khớp với D\/C×100/,
    );
  });
  test("the user's reading wins: with the column's role set, the relation is checked again (and fails)", () => {
    const [a] = analyzeGrid(shapeGrid(misleading()), { overrides: { columns: { E: { role: "poorRate" } } } });
    expect(a.findings.filter((f) => f.rule === "rate-mismatch").length).toBeGreaterThan(3);
    expect(a.unsure).toBe(false);
  });
  test("with --trust-structure the table may be written", () => {
    const [a] = analyzeGrid(shapeGrid(misleading()), { trustStructure: true });
    expect(a.unsure).toBe(false);
    expect(fixPlan([a]).writes.length).toBeGreaterThan(0);
  });
  test("a rate column stored as plain fractions (0.0485, no percent format) is re-read, not flagged", () => {
    const shaped = shapeRows(PROVINCES, { poorRateOf: (u) => Number((u.poor / u.households).toFixed(4)) });
    expect(findingsOf(shapeGrid(shaped))).toEqual([]);
  });
  test("a rate column copied from the near-poor rates: the reading stays, the copy is named, every wrong cell has its value", () => {
    const shaped = shapeRows(PROVINCES, {
      poorRateOf: (u) => Math.round((u.nearPoor / u.households) * 10000) / 100,
    });
    const [a] = analyzeGrid(shapeGrid(shaped));
    const copy = a.findings.filter((f) => f.rule === "copied-column");
    expect(copy.map((f) => [f.params?.target, f.params?.source])).toEqual([["E", "G"]]);
    expect(a.unsure).toBe(false);
    // Each copied rate that is wrong for its own row is a rate-mismatch with poor / households × 100.
    const wrong = a.findings.filter((f) => f.rule === "rate-mismatch");
    const body = a.table.rows.filter((r) => r.kind !== "part");
    const expected = body
      .map((r) => {
        const get = (c: string) => shaped.rows[r.row - 1]["ABCDEFG".indexOf(c)] as number;
        return { cell: `E${r.row}`, right: rate(get("D"), get("C")), shown: get("E") };
      })
      .filter((x) => Math.abs(x.right - x.shown) > 1e-9);
    expect(wrong.map((f) => [f.cell, f.expected])).toEqual(expected.map((x) => [x.cell, x.right]));
    expect(a.findings.filter((f) => f.rule === "structure-unsure")).toEqual([]);
  });

  test("the stated relation wins over the guess", () => {
    // The numbering row states 3=2/1*100 for column E: a stated relation is never second-guessed.
    const rows = setCell(misleading().rows, "E4", "3=2/1*100");
    const fs = findingsOf(gridFromRows("Tổng hợp", rows));
    expect(fs.filter((f) => f.rule === "structure-unsure")).toEqual([]);
    expect(fs.filter((f) => f.rule === "rate-mismatch").length).toBeGreaterThan(3);
  });
});
