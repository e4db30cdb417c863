// Property: a clean years-as-columns table (random households and poor per year, rates rounded to two decimals,
// escapes and the rate's fall as year-on-year differences) is silent; one altered rate, escape, fall of the rate,
// or a count typed with a decimal comma is found on its own cell.
import fc from "fast-check";
import { analyzeYearsTable } from "../../src/engine";
import { a1, gridFromRows } from "../../src/engine/grid";
import { rate } from "../engine/fixtures";

const round2 = (x: number) => Math.round(x * 100) / 100;

function table(H: number[], P: number[]) {
  const R = P.map((p, i) => rate(p, H[i]));
  return [
    ["Chỉ tiêu", ...H.map((_, i) => `Năm ${2014 + i}`)],
    ["Tổng số hộ", ...H],
    ["Số hộ nghèo", ...P],
    ["Tỷ lệ hộ nghèo (%)", ...R],
    ["Số hộ thoát nghèo", null, ...P.slice(1).map((p, i) => P[i] - p)],
    ["Tỷ lệ giảm (%)", null, ...R.slice(1).map((r, i) => round2(R[i] - r))],
  ] as unknown[][];
}

const years = fc
  .integer({ min: 3, max: 8 })
  .chain((n) =>
    fc.tuple(
      fc.array(fc.integer({ min: 800, max: 60000 }), { minLength: n, maxLength: n }),
      fc.array(fc.double({ min: 0.01, max: 0.6, noNaN: true }), { minLength: n, maxLength: n }),
    ),
  )
  .map(([H, share]) => ({ H, P: H.map((h, i) => Math.max(1, Math.round(h * share[i]))) }));

test("a clean years table is silent", () => {
  fc.assert(
    fc.property(years, ({ H, P }) => {
      expect(analyzeYearsTable(gridFromRows("Năm", table(H, P)))?.findings).toEqual([]);
    }),
    { numRuns: 150 },
  );
});

test("one altered cell is found on its own cell", () => {
  fc.assert(
    fc.property(
      years,
      fc.constantFrom("rate", "escaped", "fall", "comma"),
      fc.nat(),
      fc.integer({ min: 1, max: 9 }),
      ({ H, P }, what, pick, step) => {
        const rows = table(H, P);
        // The rate, escapes and fall rows from the second year; any year for a count typed with a comma.
        const year = what === "rate" || what === "comma" ? pick % H.length : 1 + (pick % (H.length - 1));
        const col = 1 + year;
        const row = { rate: 3, escaped: 4, fall: 5, comma: 2 }[what];
        const old = rows[row][col] as number;
        if (what === "rate") rows[row][col] = round2(old + step * 1.01);
        if (what === "fall") rows[row][col] = round2(old + step * 0.37);
        if (what === "escaped") {
          rows[row][col] = old + step * 13;
          // Not the fall since the first year, which would make it a reading, not a typo.
          fc.pre(rows[row][col] !== P[0] - P[year]);
        }
        if (what === "comma") {
          fc.pre(old >= 1000 && old % 1000 !== 0);
          rows[row][col] = old / 1000; // 1.518 typed as 1,518
        }
        const findings = analyzeYearsTable(gridFromRows("Năm", rows))!.findings;
        const cell = a1(row + 1, col + 1);
        expect(findings.filter((f) => f.severity === "error").map((f) => f.cell)).toContain(cell);
      },
    ),
    { numRuns: 200 },
  );
});
