// Red team, issue 18.3: years as columns, typed by offices the authors did not design for. Expected values are
// worked out from the counts here. A years sheet goes through analyzeGrid first (as the CLI does) and, when no
// unit table is found, analyzeYearsTable.
import { analyzeGrid, analyzeYearsTable } from "../../src/engine";
import { gridFromRows } from "../../src/engine/grid";
import { rate, vnInt, vnRate } from "./helpers";

function years(rows: unknown[][], merges: string[] = []) {
  const grid = gridFromRows("Giai đoạn", rows, { merges });
  const tables = analyzeGrid(grid);
  const report = tables.length === 0 ? analyzeYearsTable(grid) : undefined;
  const findings = report?.findings ?? [];
  return {
    tables,
    report,
    loud: findings.filter((f) => f.severity !== "info").map((f) => `${f.rule}@${f.cell}`),
    errors: findings.filter((f) => f.severity === "error").map((f) => [f.cell, f.expected]),
  };
}

// ---- Y1: a commune's 2021–2025 series, numbers pasted as Vietnamese text, "ĐVT" and "Ghi chú" columns ----
const H = [2105, 2131, 2160, 2188, 2214];
const P = [187, 160, 131, 104, 83];
const N = [143, 150, 139, 128, 117];
function commune(edit: (rows: unknown[][]) => void = () => undefined) {
  const rows: unknown[][] = [
    ["UBND XÃ PHÚC SẠN"],
    ["KẾT QUẢ GIẢM NGHÈO GIAI ĐOẠN 2021 - 2025"],
    [],
    ["STT", "Nội dung", "ĐVT", "Năm 2021", "Năm 2022", "Năm 2023", "Năm 2024", "Ước TH năm 2025", "Ghi chú"],
    ["1", "Tổng số hộ", "hộ", ...H.map(vnInt), null],
    ["2", "Số hộ nghèo", "hộ", ...P, null],
    [null, "Tỷ lệ hộ nghèo", "%", ...P.map((p, i) => vnRate(rate(p, H[i]))), null],
    ["3", "Số hộ cận nghèo", "hộ", ...N, null],
    [
      null,
      "Tỷ lệ hộ cận nghèo",
      "%",
      ...N.map((n, i) => vnRate(rate(n, H[i]))),
      "Theo chuẩn giai đoạn 2022-2025",
    ],
    [],
    [null, null, null, null, null, null, "CHỦ TỊCH"],
  ];
  edit(rows);
  return years(rows);
}
describe("Y1 a commune's 2021–2025 series with text numbers, ĐVT and Ghi chú", () => {
  test("defective in the estimated 2025 column: its poor rate 3,57 for 3,75 (H7) is found", () => {
    const y = commune((rows) => {
      rows[6][7] = "3,57";
    });
    expect(y.errors).toEqual([["H7", rate(83, 2214)]]);
  });
  test("clean: five years read, silent", () => {
    const y = commune();
    expect(y.report?.rows).toHaveLength(5);
    expect(y.loud).toEqual([]);
  });
  test("defective: the 2023 poor rate 6,60 for 6,06 (F7), the 2024 near-poor rate 5,58 for 5,85 (G9)", () => {
    const y = commune((rows) => {
      rows[6][5] = "6,60";
      rows[8][6] = "5,58";
    });
    expect(y.errors).toEqual(
      expect.arrayContaining([
        ["F7", rate(131, 2160)],
        ["G9", rate(128, 2188)],
      ]),
    );
  });
});

// ---- Y2: "KH / TH" per year, the year merged over its two sub-columns, indicators abbreviated ----
const YR = [2022, 2023, 2024];
const KH_P = [540, 470, 400];
const TH_P = [552, 461, 398];
const HH = [6010, 6085, 6150];
function planActual(edit: (rows: unknown[][]) => void = () => undefined) {
  const rows: unknown[][] = [
    ["CHỈ TIÊU GIẢM NGHÈO HUYỆN YÊN CHÂU"],
    ["TT", "Chỉ tiêu", "Năm 2022", null, "Năm 2023", null, "Năm 2024", null],
    [null, null, "KH", "TH", "KH", "TH", "KH", "TH"],
    ["1", "Tổng số hộ", ...YR.flatMap((_, i) => [HH[i], HH[i]])],
    ["2", "Số hộ nghèo", ...YR.flatMap((_, i) => [KH_P[i], TH_P[i]])],
    ["3", "Tỷ lệ hộ nghèo (%)", ...YR.flatMap((_, i) => [rate(KH_P[i], HH[i]), rate(TH_P[i], HH[i])])],
  ];
  edit(rows);
  return years(rows, ["A2:A3", "B2:B3", "C2:D2", "E2:F2", "G2:H2"]);
}
describe("Y2 KH/TH per year, abbreviated", () => {
  test("clean: three years × plan and actual read, silent", () => {
    const y = planActual();
    expect(y.tables).toEqual([]);
    expect(y.report).toBeDefined();
    expect(y.loud).toEqual([]);
  });
  test("defective: TH 2023 rate 7,85 for 7,58 (F6)", () => {
    const y = planActual((rows) => {
      rows[5][5] = 7.85;
    });
    expect(y.errors).toEqual([["F6", rate(461, 6085)]]);
  });
});

// ---- Y3: a province's series with years as bare numbers in a merged "Giai đoạn" band, and the
// multidimensional rate (poor + near-poor over households) ----
const PH = [310200, 315800, 321100, 326000];
const PP = [24500, 21800, 19300, 16900];
const PN = [18200, 17600, 16400, 15100];
function multidim(edit: (rows: unknown[][]) => void = () => undefined) {
  const rows: unknown[][] = [
    ["Chỉ tiêu", "Giai đoạn 2019 - 2022", null, null, null],
    [null, 2019, 2020, 2021, 2022],
    ["Tổng số hộ", ...PH],
    ["Số hộ nghèo", ...PP],
    ["Tỷ lệ hộ nghèo (%)", ...PP.map((p, i) => rate(p, PH[i]))],
    ["Số hộ cận nghèo", ...PN],
    ["Tỷ lệ hộ cận nghèo (%)", ...PN.map((n, i) => rate(n, PH[i]))],
    ["Tỷ lệ hộ nghèo đa chiều (%)", ...PP.map((p, i) => rate(p + PN[i], PH[i]))],
  ];
  edit(rows);
  return years(rows, ["A1:A2", "B1:E1"]);
}
describe("Y3 a province series under a merged 'Giai đoạn' band, with the multidimensional rate", () => {
  test("clean: four years read, silent", () => {
    const y = multidim();
    expect(y.report?.rows).toHaveLength(4);
    expect(y.loud).toEqual([]);
  });
  test("defective: 2021's multidimensional rate 10,16 for 11,12 (D8) flagged or the row said unchecked", () => {
    const y = multidim((rows) => {
      rows[7][3] = 10.16;
    });
    const right = rate(19300 + 16400, 321100);
    const f = y.report?.findings.find((x) => x.cell === "D8");
    expect(f).toBeDefined();
    if (f?.severity === "error") expect(f.expected).toBe(right);
  });
});
