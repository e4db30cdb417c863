// Property: plant a copy of one rate column into the other on random rows of a random clean table. The copy is
// found and named, every copied cell that is wrong for its own row is a rate-mismatch with poor (or near-poor) /
// households × 100 worked out here, and the reading is never called unsure. The clean table stays silent.
import fc from "fast-check";
import { analyzeGrid } from "../../src/engine";
import { rate } from "../engine/fixtures";
import { nationalGroups, shapeGrid, shapeRows } from "../engine/shapes";

const COLS = "ABCDEFG";
const at = (rows: unknown[][], r: number, c: string) => rows[r - 1][COLS.indexOf(c)] as number;

test("a copied rate column is found, every wrong copied cell flagged with its value, no structure-unsure", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 2, max: 6 }),
      fc.integer({ min: 2, max: 5 }),
      fc.integer({ min: 1, max: 1000 }),
      fc.boolean(),
      fc.integer({ min: 0, max: 2 ** 30 }),
      (provinces, districts, seed, poorFromNear, pick) => {
        const shaped = shapeRows(nationalGroups(provinces, districts, seed));
        const clean = analyzeGrid(shapeGrid(shaped));
        expect(clean.flatMap((a) => a.findings)).toEqual([]);
        const [target, source] = poorFromNear ? ["E", "G"] : ["G", "E"];
        const body = clean[0].table.rows.map((r) => r.row);
        // A copy over most rows: every row but a random few (at most a third) keeps its own rate.
        const keep = new Set(body.filter((_, i) => (pick >> (i % 30)) & 1 && i % 3 === 0));
        const rows = shaped.rows.map((r) => [...r]);
        for (const r of body)
          if (!keep.has(r)) rows[r - 1][COLS.indexOf(target)] = at(shaped.rows, r, source);
        const [a] = analyzeGrid(shapeGrid({ ...shaped, rows }));
        const right = (r: number) => rate(at(rows, r, target === "E" ? "D" : "F"), at(rows, r, "C"));
        const wrong = body.filter((r) => Math.abs(at(rows, r, target) - right(r)) > 1e-9);
        if (wrong.length < 3) return; // too few wrong cells to speak of a copy: nothing to assert here
        expect(a.findings.filter((f) => f.rule === "structure-unsure")).toEqual([]);
        expect(a.unsure).toBe(false);
        const copy = a.findings.filter((f) => f.rule === "copied-column");
        expect(copy.map((f) => [f.params?.target, f.params?.source])).toEqual([[target, source]]);
        const flagged = a.findings.filter((f) => f.rule === "rate-mismatch" && f.cell.startsWith(target));
        expect(flagged.map((f) => [f.cell, f.expected])).toEqual(
          wrong.map((r) => [`${target}${r}`, right(r)]),
        );
      },
    ),
    { numRuns: 60, seed: 20261207 },
  );
});
