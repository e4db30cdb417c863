// What the engine could not understand, said once: a column whose guessed relations the data did not confirm
// (structure-unsure, on its header cell), and a sheet typed in a legacy encoding (legacy-encoding).
import { a1, parseA1 } from "../grid";
import { normalizeUnitName } from "../units";
import type { Finding } from "../report";
import { type RuleRun, type TableContext, makeFinding } from "../context";

export function structureFindings(ctx: TableContext, run: RuleRun): Finding[] {
  const out: Finding[] = [];
  for (const d of run.doubts) {
    out.push(
      makeFinding(ctx, "structure-unsure", "warning", parseA1(d.cell), null, [], {
        column: d.column,
        header: d.header,
        reading: d.relation,
        assumed: d.assumed,
        failed: d.failed,
        applied: d.applied,
        holds: d.holds,
      }),
    );
  }
  for (const e of run.explanations ?? []) {
    if (e.kind === "copy") {
      // One finding names the copy; each copied cell that is wrong for its own row is reported by the relations.
      const cells = [...e.cells].sort((a, b) => a.row - b.row || a.col - b.col);
      const first = cells.find((c) => a1(c.row, c.col).replace(/\d+$/, "") === e.column) ?? cells[0];
      out.push(
        makeFinding(
          ctx,
          "copied-column",
          "warning",
          first,
          null,
          cells.map((c) => a1(c.row, c.col)),
          {
            source: e.source,
            target: e.column,
            same: e.same,
            rows: e.rows,
            ...(e.targets.length > 1
              ? { columns: e.targets.join(", "), sourceColumns: e.sources.join(", ") }
              : {}),
          },
        ),
      );
    } else if (e.kind === "unchecked") {
      out.push(
        makeFinding(ctx, "column-unchecked", "warning", parseA1(e.cell), null, [], {
          column: e.column,
          header: e.header,
          rows: e.rows,
          // No households column was read: the rate has no base to be computed over.
          ...(ctx.table.columns.some((c) => c.role === "households" || c.role === "persons")
            ? {}
            : { base: "none" }),
        }),
      );
    } else {
      out.push(
        makeFinding(ctx, "reading-adopted", "info", parseA1(e.cell), null, [], {
          column: e.column,
          header: e.header,
          assumed: e.assumed,
          holds: e.holds,
          rows: e.rows,
          ...(e.of ? { of: e.of } : {}),
        }),
      );
    }
  }
  // Rows read in doubt (part rows taken for units) would make every repeated part label a duplicate.
  if (run.doubts.length === 0) out.push(...duplicateUnits(ctx));
  if (run.legacy) {
    const f = makeFinding(ctx, "legacy-encoding", "info", parseA1(run.legacy.cell), null, [], {
      encoding: run.legacy.encoding,
    });
    // The cell as the user's file holds it, not as decoded for reading.
    if (run.legacy.text !== undefined) f.actual = run.legacy.text;
    out.push(f);
  }
  return out;
}

/**
 * The same unit twice in one group (a row pasted twice, often over a unit that is then missing): a warning on the
 * second, whether or not the numbers add up. Names are compared as normalizeUnitName reads them, so "Thôn Tân
 * Long" and "TÂN LONG" are one unit; units of different groups may share a name ("Tổ 1" of two wards).
 */
function duplicateUnits(ctx: TableContext): Finding[] {
  const parentOf = new Map<number, number>();
  for (const r of ctx.table.rows)
    if (r.kind === "group" || r.kind === "subtotal")
      for (const c of r.covers) if (!parentOf.has(c)) parentOf.set(c, r.row);
  const labelCol = ctx.table.columns.find((c) => c.role === "unitName")?.col;
  const seen = new Map<string, number>();
  const out: Finding[] = [];
  for (const r of ctx.table.rows) {
    if (r.kind !== "unit") continue;
    const name = normalizeUnitName(r.label);
    if (name === "") continue;
    const key = `${parentOf.get(r.row) ?? 0}|${name}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, r.row);
      continue;
    }
    const col = labelCol ?? ctx.table.range.left;
    out.push(
      makeFinding(ctx, "duplicate-unit", "warning", { row: r.row, col }, null, [a1(first, col)], {
        name: r.label.trim(),
        otherCell: a1(first, col),
      }),
    );
  }
  return out;
}
