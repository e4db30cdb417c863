// fix keeps a column's scale and a cell's look (issue 18.7): in a column of fractions shown with a percent format,
// a converted or corrected rate is a fraction under that format; a corrected count keeps its cell's format.
import { analyzeGrid, fixPlan } from "../../src/engine";
import { gridFromRows } from "../../src/engine/grid";

const rows = (e3: unknown, c4: unknown = 288) => [
  ["STT", "Thôn", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ hộ nghèo"],
  [1, "Thôn Đông", 412, 20, 0.0485],
  [2, "Thôn Tây", 1200, 101, e3],
  [3, "Thôn Nam", c4, 15, 0.0521],
  [4, "Thôn Bắc", 530, 31, 0.0585],
  [null, "Tổng cộng", 2430, 167, 0.0687],
];
const formats = (extra: Record<string, string> = {}) => ({
  E2: "0.00%",
  E4: "0.00%",
  E5: "0.00%",
  E6: "0.00%",
  C2: "#,##0;[Red]-#,##0",
  C3: "#,##0;[Red]-#,##0",
  C4: "#,##0;[Red]-#,##0",
  C5: "#,##0;[Red]-#,##0",
  ...extra,
});

test('a rate typed as text "8.42%" among fractions becomes 0.0842 shown 8,42 %, not 8.42 under "0.00"', () => {
  const grid = gridFromRows("S", rows("8.42%"), { formats: formats() });
  const [a] = analyzeGrid(grid);
  expect(a.findings.map((f) => [f.cell, f.rule])).toEqual([["E3", "number-as-text"]]);
  const w = fixPlan([a]).writes.find((x) => x.cell === "E3");
  // 101 / 1200 = 8,4167 % → shown 8,42 %: the fraction 0.0842 (four decimals) under the column's own format.
  expect(w?.numberFormat).toBe("0.00%");
  expect(w?.value).toBeCloseTo(0.0842, 12);
  expect(w?.formula === undefined || /^=ROUND\(D3\/C3,4\)$/.test(w.formula)).toBe(true);
});

test("a wrong rate typed as text among fractions is rewritten as a fraction formula under the column's format", () => {
  const grid = gridFromRows("S", rows("9.99%"), { formats: formats() });
  const [a] = analyzeGrid(grid);
  const w = fixPlan([a]).writes.find((x) => x.cell === "E3");
  expect(w).toMatchObject({ formula: "=ROUND(D3/C3,4)", numberFormat: "0.00%" });
  expect(w?.value).toBeCloseTo(0.0842, 12);
});

test("a corrected count (1.288 typed for 1288) keeps its cell's own whole-number format", () => {
  const r = rows(0.0842, 1.288);
  r[1][2] = 1412;
  r[5][2] = 1412 + 1200 + 1288 + 530;
  r[1][4] = 0.0142;
  r[3][4] = 0.0116;
  r[5][4] = 0.039;
  const grid = gridFromRows("S", r, { formats: formats({ E3: "0.00%", C4: "#,##0.000" }) });
  const [a] = analyzeGrid(grid);
  expect(a.corrections?.map((c) => [c.cell, c.value])).toEqual([["C4", 1288]]);
  // C4 was shown with decimals (#,##0.000): a count's format replaces it. A cell shown whole keeps its own.
  expect(fixPlan([a]).writes.find((x) => x.cell === "C4")?.numberFormat).toBe("#,##0");
  const g2 = gridFromRows("S", r, { formats: formats({ E3: "0.00%", C4: "#,##0;[Red]-#,##0" }) });
  const [b] = analyzeGrid(g2);
  const w = fixPlan([b]).writes.find((x) => x.cell === "C4");
  expect(w?.value).toBe(1288);
  expect(w?.numberFormat).toBeUndefined();
});
