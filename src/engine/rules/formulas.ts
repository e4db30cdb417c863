// A formula that breaks the pattern of its column (a rate computed from the row above, a hard-typed number
// among formulas). Compared in relative R1C1 form among the unit rows of a column.
import { cellAt, columnNumber } from "../grid";
import type { Finding } from "../report";
import { COUNT_ROLES, RATE_ROLES } from "../vocabulary";
import { type TableContext, makeFinding } from "../context";

const A1_REF = /(?<![A-Za-z_\d$])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(A-Za-z_])/g;

/** "=ROUND(D8/C8*100,2)" in row 8, col E → "=ROUND(RC[-1]/RC[-2]*100,2)". */
export function toRelative(formula: string, row: number, col: number): string {
  return formula.replace(A1_REF, (_m, absC: string, letters: string, absR: string, digits: string) => {
    const r = Number(digits);
    const c = columnNumber(letters);
    const rp = absR ? `R${r}` : r === row ? "R" : `R[${r - row}]`;
    const cp = absC ? `C${c}` : c === col ? "C" : `C[${c - col}]`;
    return rp + cp;
  });
}

export function formulaFindings(ctx: TableContext): Finding[] {
  const out: Finding[] = [];
  const units = ctx.table.rows.filter((r) => r.kind === "unit");
  for (const c of ctx.table.columns) {
    if (!COUNT_ROLES.has(c.role) && !RATE_ROLES.has(c.role)) continue;
    const patterns = new Map<string, number>();
    let formulas = 0;
    for (const r of units) {
      const cell = cellAt(ctx.grid, r.row, c.col);
      if (!cell?.formula) continue;
      formulas++;
      const p = toRelative(cell.formula, r.row, c.col);
      patterns.set(p, (patterns.get(p) ?? 0) + 1);
    }
    if (formulas < 3) continue;
    let best = "";
    let bestCount = 0;
    for (const [p, n] of patterns) if (n > bestCount) [best, bestCount] = [p, n];
    if (bestCount < Math.max(2, Math.ceil(formulas / 2))) continue;
    const example = units.find((r) => {
      const f = cellAt(ctx.grid, r.row, c.col)?.formula;
      return f && toRelative(f, r.row, c.col) === best;
    });
    const patternText = example ? cellAt(ctx.grid, example.row, c.col)!.formula! : best;
    for (const r of units) {
      const cell = cellAt(ctx.grid, r.row, c.col);
      const ref = { row: r.row, col: c.col };
      if (cell?.formula) {
        if (toRelative(cell.formula, r.row, c.col) !== best) {
          out.push(
            makeFinding(ctx, "inconsistent-formula", "warning", ref, null, [], {
              formula: cell.formula,
              pattern: patternText,
            }),
          );
        }
      } else if (cell && cell.value !== null && formulas >= Math.ceil(units.length * 0.75)) {
        out.push(makeFinding(ctx, "inconsistent-formula", "info", ref, null, [], { pattern: patternText }));
      }
    }
  }
  return out;
}
