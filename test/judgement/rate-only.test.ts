// Rate-only tables (issue 18.4): counts and rates, no households column. The poor and near-poor pairs of one row
// share their households; a group's households are the sum of its rows'. Households are invented here and the
// rates computed from them by hand (round half-up), then the households are left out of the table.
import { analyzeGrid } from "../../src/engine";
import { gridFromRows } from "../../src/engine/grid";
import { rate } from "../engine/fixtures";

const UNITS = [
  ["Xã Phước An", 4120, 96, 131],
  ["Xã Phước Hòa", 3310, 154, 118],
  ["Xã Phước Sơn", 5275, 77, 160],
  ["Xã Phước Thuận", 2890, 212, 95],
] as const;

function table(edit: (rows: unknown[][]) => void = () => undefined) {
  const H = UNITS.reduce((s, u) => s + u[1], 0);
  const P = UNITS.reduce((s, u) => s + u[2], 0);
  const N = UNITS.reduce((s, u) => s + u[3], 0);
  const rows: unknown[][] = [
    ["STT", "Xã", "Hộ nghèo", null, "Hộ cận nghèo", null],
    [null, null, "Số hộ", "Tỷ lệ (%)", "Số hộ", "Tỷ lệ (%)"],
    ["I", "Huyện Tuy Phước", P, rate(P, H), N, rate(N, H)],
    ...UNITS.map(([name, h, p, n], i) => [i + 1, name, p, rate(p, h), n, rate(n, h)]),
  ];
  edit(rows);
  return gridFromRows("Tỷ lệ", rows, { merges: ["A1:A2", "B1:B2", "C1:D1", "E1:F1"] });
}

test("the clean table is silent", () => {
  expect(analyzeGrid(table()).flatMap((a) => a.findings)).toEqual([]);
});

test("a near-poor rate that no households shared with the poor rate explains: suggested, with the consistent interval", () => {
  // Phước Sơn (row 6): near-poor 160 of 5.275 households is 3,03 %; typed 4,03.
  const [a] = analyzeGrid(
    table((rows) => {
      rows[5][5] = 4.03;
    }),
  );
  const f = a.findings.filter((x) => x.cell.endsWith("6"));
  expect(f.map((x) => [x.cell, x.rule, x.certainty])).toEqual([["F6", "rate-mismatch", "suggested"]]);
  // The poor pair (77 at 1,46 %) puts the households between 77/1,465 % and 77/1,455 %: 5.256 … 5.292, so the
  // near-poor rate of 160 is consistent between 160/5.292 and 160/5.256, that is 3,02 … 3,04 %.
  expect([f[0].params?.consistentFrom, f[0].params?.consistentTo]).toEqual([3.02, 3.04]);
});

test("a group whose households cannot be the sum of its communes': its rate is flagged (suggested)", () => {
  // The district's poor rate typed 1,89 for 1,94 (539 of 15.595): its own pairs still agree with each other
  // within rounding? No: 539 at 1,89 gives 28.4 thousand … so the row disagrees with itself or with its communes.
  const [a] = analyzeGrid(
    table((rows) => {
      rows[2][3] = 1.89;
    }),
  );
  const onGroup = a.findings.filter((x) => x.cell.endsWith("3"));
  expect(onGroup.length).toBe(1);
  expect(onGroup[0]).toMatchObject({ rule: "rate-mismatch", certainty: "suggested" });
});
