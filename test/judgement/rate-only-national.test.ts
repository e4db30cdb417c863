// Rate-only tables (issue 18.4) with the whole on top: "Cả nước" is the first body row, above its six regions,
// with counts and rates and no households column. The national row is read as the total of the regions below: its
// count is their sum, and its implied households (an interval from each count and its rate at two decimals) must
// meet the sum of theirs. Households are invented here, the rates worked out by hand, then left out of the table.
import { analyzeGrid } from "../../src/engine";
import { gridFromRows } from "../../src/engine/grid";
import { rate } from "../engine/fixtures";

const REGIONS = [
  ["Trung du và miền núi phía Bắc", 3200000, 420000, 290000],
  ["Đồng bằng sông Hồng", 7100000, 80000, 120000],
  ["Bắc Trung Bộ và Duyên hải miền Trung", 5600000, 260000, 250000],
  ["Tây Nguyên", 1600000, 140000, 90000],
  ["Đông Nam Bộ", 5400000, 12000, 30000],
  ["Đồng bằng sông Cửu Long", 4900000, 150000, 180000],
] as const;
const H = REGIONS.reduce((s, u) => s + u[1], 0);
const P = REGIONS.reduce((s, u) => s + u[2], 0);
const N = REGIONS.reduce((s, u) => s + u[3], 0);

function national(edit: (rows: unknown[][]) => void = () => undefined) {
  const rows: unknown[][] = [
    ["Vùng", "Số hộ nghèo", "Tỷ lệ hộ nghèo (%)", "Số hộ cận nghèo", "Tỷ lệ hộ cận nghèo (%)"],
    ["Cả nước", P, rate(P, H), N, rate(N, H)],
    ...REGIONS.map(([name, h, p, n]) => [name, p, rate(p, h), n, rate(n, h)]),
  ];
  edit(rows);
  return gridFromRows("Cả nước", rows);
}

test("the national row above its regions is read as their total, and the clean table is silent", () => {
  const [a] = analyzeGrid(national());
  const top = a.table.rows.find((r) => r.row === 2);
  expect(top).toMatchObject({ kind: "total", covers: [3, 4, 5, 6, 7, 8] });
  expect(a.findings).toEqual([]);
});

test("a region's poor rate that contradicts: the national total says which of its two rates, with the interval", () => {
  // Tây Nguyên (row 6): 140.000 of 1.600.000 households is 8,75 %; typed 10,75. Its near-poor pair (90.000 at
  // 5,63 %) alone cannot say which is wrong; the national households less the other regions' can.
  const [a] = analyzeGrid(
    national((rows) => {
      rows[5][2] = 10.75;
    }),
  );
  const found = a.findings.map((f) => [f.cell, f.rule]);
  expect(found).toEqual([["C6", "rate-mismatch"]]);
  const f = a.findings[0];
  expect(f.certainty).toBe("suggested");
  // 90.000 at 5,63 % puts the households between 90.000/5,635 % = 1.597.161 and 90.000/5,625 % = 1.600.000: the
  // poor rate consistent with them is 140.000/1.600.000 = 8,75 … 140.000/1.597.161 = 8,77.
  const from = Number(f.params?.consistentFrom);
  const to = Number(f.params?.consistentTo);
  expect([from, to]).toEqual([8.75, 8.77]);
});

test("a region's near-poor rate that contradicts is found on that rate, not on the poor one", () => {
  // Đồng bằng sông Hồng (row 4): 120.000 of 7.100.000 is 1,69 %; typed 2,69.
  const [a] = analyzeGrid(
    national((rows) => {
      rows[3][4] = 2.69;
    }),
  );
  expect(a.findings.map((f) => [f.cell, f.rule])).toEqual([["E4", "rate-mismatch"]]);
  expect(a.findings[0].certainty).toBe("suggested");
});

test("the national count that is not the sum of the regions' is found on the national count", () => {
  const [a] = analyzeGrid(
    national((rows) => {
      rows[1][1] = P + 1000;
    }),
  );
  const f = a.findings.find((x) => x.cell === "B2");
  expect(f).toMatchObject({ rule: "sum-mismatch", expected: P, related: ["B3:B8"] });
  expect(a.findings.filter((x) => x.severity === "error").map((x) => x.cell)).toEqual(["B2"]);
});
