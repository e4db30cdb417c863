// A formula that breaks the pattern of its column (a rate computed from the row above, a hard-typed number
// among formulas). Compared in relative R1C1 form among the unit rows of a column.
import { a1, cellAt, columnNumber } from "../grid";
import { type Relation, refKey } from "../relations";
import { relationFormula, relationValue } from "../recompute";
import type { Finding } from "../report";
import { COUNT_ROLES, RATE_ROLES } from "../vocabulary";
import { type RuleRun, type TableContext, makeFinding } from "../context";

const A1_REF = /(?<![A-Za-z_\d$])(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(A-Za-z_])/g;

/** "=ROUND(D8/C8*100,2)" in row 8, col E → "=ROUND(RC[-1]/RC[-2]*100,2)". */
function toRelative(formula: string, row: number, col: number): string {
  return formula.replace(A1_REF, (_m, absC: string, letters: string, absR: string, digits: string) => {
    const r = Number(digits);
    const c = columnNumber(letters);
    const rp = absR ? `R${r}` : r === row ? "R" : `R[${r - row}]`;
    const cp = absC ? `C${c}` : c === col ? "C" : `C[${c - col}]`;
    return rp + cp;
  });
}

/** The rows of column `col` a `=SUM(...)` formula adds ("=SUM(C8:C14,C16)" → 8..14, 16), or undefined. */
function sumFormulaRows(formula: string, col: number): number[] | undefined {
  const m = /^=\s*SUM\((.*)\)\s*$/i.exec(formula.trim());
  if (!m) return undefined;
  const rows: number[] = [];
  for (const part of m[1].split(/[,;]/)) {
    const r = /^\s*\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?\s*$/i.exec(part);
    if (!r) return undefined;
    if (columnNumber(r[1].toUpperCase()) !== col) return undefined;
    if (r[3] && columnNumber(r[3].toUpperCase()) !== col) return undefined;
    const from = Number(r[2]);
    const to = r[4] ? Number(r[4]) : from;
    for (let k = Math.min(from, to); k <= Math.max(from, to); k++) rows.push(k);
  }
  return rows;
}

/**
 * A total whose SUM covers fewer rows than it should (=SUM(C8:C14) where the rows it totals run to 15): the
 * relation is broken by the formula, not by the omitted row, so it is reported on the total and kept away from blame.
 */
export function omittingSum(ctx: TableContext, rel: Relation): boolean {
  if (rel.kind !== "sum") return false;
  const formula = cellAt(ctx.grid, rel.target.row, rel.target.col)?.formula;
  if (!formula) return false;
  const rows = sumFormulaRows(formula, rel.target.col);
  if (!rows) return false;
  const covers = new Set(rel.terms.map((t) => t.ref.row));
  const within = new Set(rows.filter((r) => covers.has(r)));
  // Every summed row belongs to the total, and some of its rows are left out.
  return within.size === rows.length && within.size < covers.size;
}

function omittedRowFindings(ctx: TableContext, run: RuleRun): Finding[] {
  const out: Finding[] = [];
  for (const rel of run.relations) {
    if (rel.kind !== "sum" || run.primary.get(refKey(rel.target)) !== rel || !omittingSum(ctx, rel)) continue;
    const formula = cellAt(ctx.grid, rel.target.row, rel.target.col)!.formula!;
    const expected = relationValue(rel, ctx.value, 0) ?? null;
    const actual = ctx.value(rel.target);
    out.push(
      makeFinding(
        ctx,
        "inconsistent-formula",
        actual !== undefined && expected !== null && actual !== expected ? "error" : "warning",
        rel.target,
        expected,
        rel.terms.map((t) => a1(t.ref.row, t.ref.col)).filter((c, i, all) => all.indexOf(c) === i),
        { formula, pattern: relationFormula(rel, 0, false), variant: "omits-rows" },
      ),
    );
  }
  return out;
}

export function formulaFindings(ctx: TableContext, run: RuleRun): Finding[] {
  const out: Finding[] = omittedRowFindings(ctx, run);
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
