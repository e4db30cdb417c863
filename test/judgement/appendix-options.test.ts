// The options travel with the analysis (issue 19): an appendix made from a table read with --rounding truncate
// keeps it, even where the appendix reads the table again after a correction (1.288 typed for 1288 households).
import { analyzeGrid } from "../../src/engine";
import { buildAppendix } from "../../src/engine/appendix";
import { appendixLabels } from "../../src/i18n/appendix";
import { gridFromRows } from "../../src/engine/grid";

// Rates truncated, as this commune's custom is: 20/1412 = 1,416 → 1,41; 31/1530 = 2,026 → 2,02; 66/4230 → 1,56.
const grid = () =>
  gridFromRows("KH", [
    ["STT", "Thôn", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ hộ nghèo (%)"],
    [1, "Thôn Đông", 1412, 20, 1.41],
    [2, "Thôn Tây", 1.288, 15, 1.16],
    [3, "Thôn Nam", 1530, 31, 2.02],
    [null, "Tổng cộng", 4230, 66, 1.56],
  ]);

test("an appendix re-read after a correction keeps the caller's rounding", () => {
  const [a] = analyzeGrid(grid(), { rounding: "truncate" });
  expect(a.corrections?.map((c) => [c.cell, c.value])).toEqual([["C3", 1288]]);
  const formulas = buildAppendix(a, { grid: grid(), labels: appendixLabels() })
    .cells.map((c) => c.formula)
    .filter((f): f is string => !!f && f.includes("*100"));
  expect(formulas.length).toBeGreaterThan(0);
  expect(formulas.filter((f) => !f.startsWith("=ROUNDDOWN("))).toEqual([]);
});

test("with the default rounding the same appendix rounds half-up", () => {
  const [a] = analyzeGrid(grid());
  const formulas = buildAppendix(a, { grid: grid(), labels: appendixLabels() })
    .cells.map((c) => c.formula)
    .filter((f): f is string => !!f && f.includes("*100"));
  expect(formulas.length).toBeGreaterThan(0);
  expect(formulas.filter((f) => !f.startsWith("=ROUND("))).toEqual([]);
});
