// A rate whose base is not the row's households (issue 18.2): "Tỷ lệ so với tổng số hộ nghèo" is the ethnic-
// minority poor as a share of all poor households. The base is read from the words and confirmed by the data;
// a wrong cell in such a column is flagged against that base; a rate no base explains is said unchecked.
import { analyzeGrid } from "../../src/engine";
import { gridFromRows } from "../../src/engine/grid";
import { rate } from "../engine/fixtures";

const COMMUNES = [
  ["Xã Đak Pơ", 1200, 96, 41],
  ["Xã Hà Tam", 980, 77, 60],
  ["Xã An Thành", 1530, 120, 12],
  ["Xã Tân An", 760, 54, 33],
  ["Xã Cư An", 1105, 88, 70],
] as const;

function table(share: (i: number, right: number) => number) {
  return gridFromRows(
    "DTTS",
    [
      ["STT", "Xã", "Tổng số hộ", "Tổng số hộ nghèo", "Hộ nghèo dân tộc thiểu số", null],
      [null, null, null, null, "Số hộ", "Tỷ lệ so với tổng số hộ nghèo (%)"],
      ...COMMUNES.map(([n, h, p, d], i) => [i + 1, n, h, p, d, share(i, rate(d, p))]),
    ],
    { merges: ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:F1"] },
  );
}

test("the share of all poor is read over the poor households the words name, and the clean table says only that, once (info)", () => {
  const [a] = analyzeGrid(table((_, right) => right));
  expect(a.unsure).toBe(false);
  expect(a.findings.map((f) => [f.rule, f.severity, f.params?.holds])).toEqual([
    ["reading-adopted", "info", "E/D×100"],
  ]);
});

test("one wrong share is flagged with poor DTTS / all poor × 100, not the table called unsure", () => {
  // Xã Hà Tam: 60 of 77 poor households is 77,92 %; typed 7,79 (over the households it would be 6,12).
  const [a] = analyzeGrid(table((i, right) => (i === 1 ? 7.79 : right)));
  expect(a.unsure).toBe(false);
  const errors = a.findings.filter((f) => f.severity === "error");
  expect(errors.map((f) => [f.cell, f.rule, f.expected])).toEqual([["F4", "rate-mismatch", 77.92]]);
});

test("a share that no base explains is said unchecked, never passed over", () => {
  const [a] = analyzeGrid(table((i) => [12.5, 3.1, 44.0, 9.9, 27.3][i]));
  expect(a.findings.map((f) => f.rule)).toContain("structure-unsure");
  expect(a.findings.filter((f) => f.severity === "error")).toEqual([]);
});
