// A share of the whole table (red team 7): "Tỷ trọng so với toàn tỉnh (%)", "Cơ cấu (%)", "Tỷ lệ so với tổng số hộ
// nghèo toàn huyện" is each row's count over the TOTAL ROW's count × 100, not over the row's households. The base
// is read from the words and confirmed by the data: a clean table is silent, a wrong share is found with the share
// from the counts, and a column whose shares the data do not confirm is said unchecked, never flagged row by row.
import { analyzeGrid } from "../../src/engine";
import { gridFromRows } from "../../src/engine/grid";
import { rate } from "./fixtures";

const D = [
  ["Xã Tân Lập", 1840, 152],
  ["Xã Tân Sơn", 2210, 97],
  ["Xã Minh Đài", 1675, 203],
  ["Xã Văn Luông", 2490, 118],
  ["Xã Long Cốc", 1330, 64],
] as const;
const HH = D.reduce((s, u) => s + u[1], 0);
const PP = D.reduce((s, u) => s + u[2], 0); // 634

function read(rows: unknown[][]) {
  const findings = analyzeGrid(gridFromRows("Biểu", rows)).flatMap((a) => a.findings);
  return {
    findings,
    loud: findings.filter((f) => f.severity !== "info").map((f) => `${f.rule}@${f.cell}`),
    errors: findings.filter((f) => f.severity === "error").map((f) => [f.cell, f.expected]),
  };
}

/** The total first ("Toàn huyện") or last ("Tổng cộng"); the share column headed `header`. */
function table(header: string, totalFirst: boolean, share = (p: number) => rate(p, PP)) {
  const total = ["", totalFirst ? "Toàn huyện" : "Tổng cộng", HH, PP, rate(PP, HH), 100];
  const units = D.map(([n, h, p], i) => [i + 1, n, h, p, rate(p, h), share(p)]);
  return [
    ["STT", "Đơn vị", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ hộ nghèo (%)", header],
    ...(totalFirst ? [total, ...units] : [...units, total]),
  ];
}

const HEADERS = [
  "Tỷ trọng so với toàn tỉnh (%)",
  "Tỷ trọng (%)",
  "Cơ cấu (%)",
  "Tỷ lệ so với tổng số hộ nghèo toàn huyện",
  "Tỷ lệ hộ nghèo so với toàn huyện (%)",
];

describe.each(HEADERS)("'%s'", (header) => {
  for (const totalFirst of [true, false]) {
    const where = totalFirst ? "total first" : "total last";
    const minhDai = totalFirst ? 5 : 4; // sheet row of Xã Minh Đài
    test(`clean (${where}): silent`, () => {
      expect(read(table(header, totalFirst)).loud).toEqual([]);
    });
    test(`defective (${where}): Minh Đài's share 23,02 for 32,02 found, from its count over the total's`, () => {
      const rows = table(header, totalFirst);
      rows[minhDai - 1][5] = 23.02;
      const r = read(rows);
      // 203 / 634 = 32,02; never over the row's households (203 / 1.675 = 12,12)
      expect(r.errors).toEqual([[`F${minhDai}`, rate(203, PP)]]);
    });
  }
});

test("shares over a total not in the table (the province's 4.120 poor): the column said unchecked, no cell flagged", () => {
  const r = read(table("Tỷ trọng so với toàn tỉnh (%)", false, (p) => rate(p, 4120)));
  expect(r.errors).toEqual([]);
  expect(r.loud).toEqual(["column-unchecked@F1"]);
});

test("a share column in a table with no total row: said unchecked, not checked over the households", () => {
  const rows = table("Cơ cấu (%)", false).slice(0, 6);
  const r = read(rows);
  expect(r.errors).toEqual([]);
  expect(r.loud).toEqual(["column-unchecked@F1"]);
});

test("'so với tổng số hộ nghèo' without 'toàn': a share over the total row when the data say so, adopted and said", () => {
  const rows = table("Tỷ lệ so với tổng số hộ nghèo (%)", false);
  const clean = read(rows);
  expect(clean.loud).toEqual([]);
  expect(clean.findings.map((f) => f.rule)).toContain("reading-adopted");
  rows[2][5] = 51.3;
  expect(read(rows).errors).toEqual([["F3", rate(97, PP)]]);
});
