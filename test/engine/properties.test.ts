// Property tests: random clean tables are silent; one injected defect is found and blamed on the changed cell;
// check after fix is clean; no input crashes the engine.
import fc from "fast-check";
import { analyzeGrid, fixPlan } from "../../src/engine";
import { type Grid, type CellValue, parseA1 } from "../../src/engine/grid";
import type { CellWrite } from "../../src/engine/report";
import { GROUP_I, reportGrid, reportRows, setCell, getCell, rate, type Village } from "./fixtures";

const village = fc
  .record({
    households: fc.integer({ min: 40, max: 3000 }),
    poorShare: fc.double({ min: 0.01, max: 0.4, noNaN: true }),
    fall: fc.double({ min: 0, max: 0.9, noNaN: true }),
  })
  .map(({ households, poorShare, fall }) => {
    const poorStart = Math.max(1, Math.round(households * poorShare));
    const poorEnd = Math.round(poorStart * (1 - fall));
    return { households, poorStart, poorEnd };
  });

const table = fc
  .tuple(fc.array(village, { minLength: 1, maxLength: 6 }), fc.array(village, { minLength: 1, maxLength: 6 }))
  .map(
    ([a, b]) =>
      [
        a.map((v, i) => ({ ...v, name: `Tổ dân phố ${i + 1}` })) as Village[],
        b.map((v, i) => ({ ...v, name: `Thôn ${String.fromCharCode(65 + i)}` })) as Village[],
      ] as const,
  );

/** Applies a write plan to a grid the way a spreadsheet would hold it (formula + cached value). */
function applyWrites(grid: Grid, writes: CellWrite[]): Grid {
  const cells = grid.cells.map((row) => (row ? row.map((c) => (c ? { ...c } : c)) : row));
  for (const w of writes) {
    const { row, col } = parseA1(w.cell);
    const r = row - grid.top;
    const c = col - grid.left;
    while (cells.length <= r) cells.push([]);
    cells[r] = cells[r] ?? [];
    cells[r][c] = { value: w.value as CellValue, formula: w.formula, numberFormat: w.numberFormat };
  }
  return { ...grid, cells };
}

const RELATION_RULES = [
  "sum-mismatch",
  "rate-mismatch",
  "rate-rounding",
  "reduction-mismatch",
  "projection-mismatch",
];

describe("properties", () => {
  test("a random clean table gets no error or warning", () => {
    fc.assert(
      fc.property(table, ([a, b]) => {
        const fs = analyzeGrid(reportGrid(reportRows(a, b))).flatMap((t) => t.findings);
        expect(fs.filter((f) => f.severity !== "info")).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  test("one changed unit count is found and blamed on the changed cell, with the original value", () => {
    fc.assert(
      fc.property(
        table,
        fc.nat(),
        fc.constantFrom("C", "D", "F"),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        ([a, b], pick, column, delta, up) => {
          const rows = reportRows(a, b);
          const unitRows = [...a.map((_, i) => 10 + i), ...b.map((_, i) => 11 + a.length + i)];
          const row = unitRows[pick % unitRows.length];
          const address = `${column}${row}`;
          const original = getCell(rows, address) as number;
          const changed = up ? original + delta : original - delta;
          fc.pre(changed >= 0);
          // Identifiable only when the change moves the row's rate (otherwise another row could be the culprit).
          const h = column === "C" ? changed : (getCell(rows, `C${row}`) as number);
          const ps = column === "D" ? changed : (getCell(rows, `D${row}`) as number);
          const pe = column === "F" ? changed : (getCell(rows, `F${row}`) as number);
          fc.pre(h > 0 && ps <= h && pe <= h && pe <= ps);
          const rateCol = column === "F" ? "G" : "E";
          const movedRate = rate(column === "F" ? pe : ps, h) !== getCell(rows, `${rateCol}${row}`);
          const movedOther = column === "C" && rate(pe, h) !== getCell(rows, `G${row}`);
          fc.pre(movedRate || movedOther || column !== "C");
          const fs = analyzeGrid(reportGrid(setCell(rows, address, changed))).flatMap((t) => t.findings);
          const errors = fs.filter((f) => f.severity === "error");
          expect(errors.map((f) => [f.cell, f.expected])).toEqual([[address, original]]);
        },
      ),
      { numRuns: 200 },
    );
  });

  test("one changed rate or total is found and blamed on the changed cell", () => {
    fc.assert(
      fc.property(
        table,
        fc.nat(),
        fc.constantFrom("rate", "total", "group"),
        fc.integer({ min: 1, max: 300 }),
        ([a, b], pick, kind, delta) => {
          const rows = reportRows(a, b);
          const totalRow = 11 + a.length + b.length;
          const groupRows = [9, 10 + a.length];
          let address: string;
          if (kind === "rate") {
            const all = [
              ...groupRows,
              ...a.map((_, i) => 10 + i),
              ...b.map((_, i) => 11 + a.length + i),
              totalRow,
            ];
            address = `${pick % 2 ? "E" : "G"}${all[pick % all.length]}`;
          } else if (kind === "total") address = `${["C", "D", "F"][pick % 3]}${totalRow}`;
          else address = `${["C", "D", "F"][pick % 3]}${groupRows[pick % 2]}`;
          const original = getCell(rows, address) as number;
          const changed =
            kind === "rate" ? Math.round((original + delta / 100) * 100) / 100 : original + delta;
          fc.pre(kind !== "rate" || changed <= 100);
          // A rate lowered to its truncation would be a rounding warning; we only raise rates here.
          const fs = analyzeGrid(reportGrid(setCell(rows, address, changed))).flatMap((t) => t.findings);
          const errors = fs.filter((f) => f.severity === "error");
          expect(errors.map((f) => [f.cell, f.expected])).toEqual([[address, original]]);
        },
      ),
      { numRuns: 200 },
    );
  });

  test("check after fix reports nothing from the relation rules", () => {
    fc.assert(
      fc.property(table, fc.nat(), fc.integer({ min: 1, max: 50 }), ([a, b], pick, delta) => {
        let rows = reportRows(a, b);
        // Several defects at once: a total, a rate, a reduction and a text number.
        const totalRow = 11 + a.length + b.length;
        rows = setCell(rows, `D${totalRow}`, (getCell(rows, `D${totalRow}`) as number) + delta);
        rows = setCell(rows, `E${10 + (pick % a.length)}`, 99.99);
        rows = setCell(rows, `H${11 + a.length}`, 1000 + delta);
        rows = setCell(rows, `C${10}`, String(getCell(rows, "C10")));
        const grid = reportGrid(rows);
        const plan = fixPlan(analyzeGrid(grid));
        const fixed = applyWrites(grid, plan.writes);
        const after = analyzeGrid(fixed).flatMap((t) => t.findings);
        expect(after.filter((f) => RELATION_RULES.includes(f.rule))).toEqual([]);
        expect(after.filter((f) => f.severity === "error")).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  test("no input crashes the engine", () => {
    const cell = fc.oneof(
      fc.constant(null),
      fc.integer({ min: -1000, max: 100000 }),
      fc.double({ noNaN: true, min: -1e6, max: 1e6 }),
      fc.string({ maxLength: 12 }),
      fc.constantFrom(
        "STT",
        "Tổng số hộ",
        "Số hộ nghèo",
        "Tỷ lệ (%)",
        "Tổng cộng",
        "I",
        "II",
        "A",
        "1.518",
        "13,70",
        "0.36,6",
        "=SUM(C1:C3)",
        "(5)=(4)/(3)",
        "4=3/1*100",
      ),
      fc.constant({ error: "#DIV/0!" }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 10 }), { maxLength: 25 }), (rows) => {
        const grid = reportGrid(rows as unknown[][]);
        const analyses = analyzeGrid({ ...grid, merges: [] });
        fixPlan(analyses);
      }),
      { numRuns: 300 },
    );
    // Random cells inside a real table too.
    fc.assert(
      fc.property(fc.nat({ max: 17 }), fc.nat({ max: 8 }), cell, (r, c, v) => {
        const rows = reportRows(GROUP_I);
        const copy = rows.map((x) => [...x]);
        while (copy[r].length <= c) copy[r].push(null);
        copy[r][c] = v;
        fixPlan(analyzeGrid(reportGrid(copy)));
      }),
      { numRuns: 300 },
    );
  });
});
