// A part cannot exceed its whole: poor ≤ households, poor persons ≤ persons, a reduction ≤ the poor at the start.
import { a1 } from "../grid";
import type { Finding } from "../report";
import { cellKey, partWholePairs } from "../relations";
import { type RuleRun, type TableContext, makeFinding } from "../context";

export function partWholeFindings(ctx: TableContext, run: Pick<RuleRun, "findings">): Finding[] {
  // A cell already blamed by a relation is not reported twice.
  const blamed = new Set(run.findings.filter((f) => f.severity === "error").map((f) => f.cell));
  const out: Finding[] = [];
  for (const { part, whole, rule } of partWholePairs(ctx.table)) {
    for (const row of ctx.table.rows) {
      const p = { row: row.row, col: part.col };
      const w = { row: row.row, col: whole.col };
      const pv = ctx.value(p);
      const wv = ctx.value(w);
      if (pv === undefined || wv === undefined || pv <= wv) continue;
      if (blamed.has(a1(p.row, p.col)) || blamed.has(a1(w.row, w.col))) continue;
      out.push(
        makeFinding(ctx, rule, "error", p, null, [a1(w.row, w.col)], {
          whole: wv,
          wholeCell: a1(w.row, w.col),
        }),
      );
    }
  }
  // "Trong đó" rows: each count is a part of the same count of the row above it.
  for (const row of ctx.table.rows) {
    if (row.kind !== "part" || row.partOf === undefined) continue;
    for (const c of ctx.table.columns) {
      if (ctx.kindOf.get(cellKey(row.row, c.col)) !== "count") continue;
      const p = { row: row.row, col: c.col };
      const w = { row: row.partOf, col: c.col };
      const pv = ctx.value(p);
      const wv = ctx.value(w);
      if (pv === undefined || wv === undefined || pv <= wv || pv < 0) continue;
      if (blamed.has(a1(p.row, p.col))) continue;
      out.push(
        makeFinding(ctx, "count-exceeds-total", "error", p, null, [a1(w.row, w.col)], {
          whole: wv,
          wholeCell: a1(w.row, w.col),
        }),
      );
    }
  }
  return out;
}
