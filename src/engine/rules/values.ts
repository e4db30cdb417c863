// Each number on its own: unreadable, text, not whole, negative, out of range, missing where the column is filled.
import { cellAt } from "../grid";
import type { Finding } from "../report";
import { cellKey } from "../relations";
import { COUNT_ROLES, RATE_ROLES } from "../vocabulary";
import { type RuleRun, type TableContext, makeFinding } from "../context";

export function valueFindings(ctx: TableContext, run: Pick<RuleRun, "primary">): Finding[] {
  const derivedKeys = run.primary;
  const out: Finding[] = [];
  const { table, grid } = ctx;
  const units = table.rows.filter((r) => r.kind === "unit");
  const unitRows = new Set(units.map((r) => r.row));
  for (const c of table.columns) {
    const kind = COUNT_ROLES.has(c.role) ? "count" : RATE_ROLES.has(c.role) ? "rate" : undefined;
    if (!kind) continue;
    let filledUnits = 0;
    for (const row of units) {
      if (ctx.readings.get(cellKey(row.row, c.col))!.status !== "empty") filledUnits++;
    }
    const unitCount = units.length;
    for (const row of table.rows) {
      const key = cellKey(row.row, c.col);
      const reading = ctx.readings.get(key)!;
      // The common case, a plain number in range, costs nothing more.
      if (reading.status === "ok" && !reading.fromText && reading.intended === undefined) {
        const v = reading.value;
        if (
          kind === "count"
            ? (v >= 0 || allowsNegative(ctx, c.col)) && Number.isInteger(v)
            : v >= 0 && v <= 100
        )
          continue;
      }
      const ref = { row: row.row, col: c.col };
      const cell = cellAt(grid, ref.row, ref.col);
      if (reading.status === "error") {
        out.push(makeFinding(ctx, "formula-error", "error", ref, null, []));
      } else if (reading.status === "malformed") {
        out.push(makeFinding(ctx, "malformed-number", "error", ref, null, []));
      } else if (reading.status === "empty") {
        // Empty inputs of unit rows in a column that is otherwise filled. Empty derived cells are reported with
        // their computed value by the relation rules.
        if (unitRows.has(row.row) && !derivedKeys.has(key) && filledUnits >= Math.max(2, unitCount / 2)) {
          out.push(makeFinding(ctx, "missing-value", "warning", ref, null, []));
        }
      } else {
        if (reading.fromText) {
          out.push(makeFinding(ctx, "number-as-text", "info", ref, reading.value, []));
        }
        if (kind === "count") {
          if (!Number.isInteger(reading.value) && !cell?.formula) {
            out.push(makeFinding(ctx, "non-integer-count", "error", ref, reading.intended ?? null, []));
          } else if (reading.value < 0 && !allowsNegative(ctx, c.col)) {
            out.push(makeFinding(ctx, "negative-count", "error", ref, null, []));
          }
        } else if (c.role !== "rateReduction" && (reading.value < 0 || reading.value > 100)) {
          out.push(makeFinding(ctx, "rate-out-of-range", "error", ref, null, []));
        }
      }
    }
  }
  return out;
}

/** In a report of results a reduction is start − end: when the poor count rose it is negative, and that is a fact. */
function allowsNegative(ctx: TableContext, col: number): boolean {
  if (ctx.table.isPlan) return false;
  const column = ctx.table.columns.find((c) => c.col === col);
  return column?.role === "reduction" || column?.role === "nearPoorReduction";
}
