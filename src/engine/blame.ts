// From a table to the locator and back: the table's relations, values and weights go in (locate/ decides which
// cells to blame, by its stated objective), findings come out. Nothing here chooses between cells.
import { a1, cellAt } from "./grid";
import type { Finding, RuleId } from "./report";
import { type Ref, type Relation, keyCol, keyRow, partWholePairs, refKey } from "./relations";
import { checkRelation, describe, relatedOf } from "./check";
import { type TableContext, makeFinding } from "./context";
import { type Blame, type Bound, type LocatorRelation, WEIGHTS, locate, plausibleReadings } from "./locate";

export interface Blamed {
  findings: Finding[];
  /** Rates that looked truncated only because of a wrong input. */
  resolvedSoft: Set<Relation>;
  /** Everything the locator said, consequences included. */
  located: Blame[];
}

/** Part ≤ whole on every row, as relations the locator can use as evidence. */
export function boundsOf(ctx: TableContext): Bound[] {
  const out: Bound[] = [];
  for (const { part, whole, rule } of partWholePairs(ctx.table))
    for (const row of ctx.table.rows)
      out.push({
        kind: "bound",
        rule,
        target: { row: row.row, col: part.col },
        whole: { row: row.row, col: whole.col },
      });
  return out;
}

/** Weights as data: derived cells cheap, typed inputs dear, a plan's assigned reductions dearer, confirmed never. */
function weightsOf(
  ctx: TableContext,
  primary: Map<number, Relation>,
  confirmed: ReadonlySet<number> = new Set(),
  copied: ReadonlySet<number> = new Set(),
): (key: number) => number {
  const assigned = new Set(
    ctx.table.isPlan
      ? ctx.table.columns
          .filter((c) => c.role === "reduction" || c.role === "nearPoorReduction")
          .map((c) => c.col)
      : [],
  );
  return (key) => {
    if (confirmed.has(key)) return WEIGHTS.confirmed;
    if (copied.has(key)) return WEIGHTS.copied;
    if (primary.has(key)) return WEIGHTS.derived;
    if (assigned.has(keyCol(key))) return WEIGHTS.target;
    return WEIGHTS.input;
  };
}

export function locateInTable(
  ctx: TableContext,
  relations: Relation[],
  primary: Map<number, Relation>,
  confirmed?: ReadonlySet<number>,
  copied?: ReadonlySet<number>,
): Blame[] {
  const all: LocatorRelation[] = [...relations, ...boundsOf(ctx)];
  return locate(
    all,
    {
      value: (key) => {
        const r = ctx.readings.get(key);
        return r !== undefined && r.status === "ok" ? r.value : undefined;
      },
      readings: (key) => {
        const r = ctx.readings.get(key);
        return r?.status === "malformed" ? plausibleReadings(r.text) : undefined;
      },
      decimals: (key) => ctx.decimals({ row: keyRow(key), col: keyCol(key) }),
      isCount: (key) => ctx.kindOf.get(key) === "count",
    },
    weightsOf(ctx, primary, confirmed, copied),
  );
}

export function blame(
  ctx: TableContext,
  relations: Relation[],
  violated: Relation[],
  primary: Map<number, Relation>,
  soft: Relation[] = [],
  confirmed?: ReadonlySet<number>,
  /** Cells of columns found copied from another (explain.ts), by refKey. */
  copied?: ReadonlySet<number>,
): Blamed {
  // A broken relation the caller set aside (a total whose formula omits rows: the formula rules report it) is
  // not the locator's to explain.
  const kept = new Set(violated);
  // (Only totals are set aside; checking the other relations again would double the cost of a clean table.)
  const usable = relations.filter(
    (r) => r.kind !== "sum" || kept.has(r) || checkRelation(r, ctx.value, ctx.decimals).status !== "violated",
  );
  const located = locateInTable(ctx, usable, primary, confirmed, copied);
  const softSet = new Set<LocatorRelation>(soft);
  const resolvedSoft = new Set<Relation>();
  const findings: Finding[] = [];
  // A cell recomputed in several components (a total under many corrected rows) ends at its last value.
  const last = new Map<number, Blame>();
  for (const b of located) last.set(refKey(b.cell), b);
  for (const b of located) {
    for (const r of b.explains) if (softSet.has(r)) resolvedSoft.add(r as Relation);
    if (b.kind === "consequence" && last.get(refKey(b.cell)) !== b) continue;
    // A consequence is recomputed by fix and needs no finding of its own, unless it is a copied cell (a rate
    // copied with its block): the copy is wrong as typed, and its right value is reported like any other.
    if (b.kind === "consequence" && !(copied?.has(refKey(b.cell)) && b.old !== undefined)) continue;
    findings.push(blameFinding(ctx, b, primary));
  }
  return { findings, resolvedSoft, located };
}

/** The cell in the same column one body row above or below holding the same value: a copy. */
export function copiedFrom(ctx: TableContext, ref: Ref): { cell: string; above: boolean } | undefined {
  const rows = ctx.table.rows;
  const i = rows.findIndex((r) => r.row === ref.row);
  const own = cellAt(ctx.grid, ref.row, ref.col)?.value;
  if (i < 0 || own === null || own === undefined || own === 0 || own === "") return undefined;
  for (const [j, above] of [
    [i - 1, true],
    [i + 1, false],
  ] as const) {
    // A sibling of the same kind (a unit's neighbour, not the subtotal above it).
    if (j < 0 || j >= rows.length || rows[j].kind !== rows[i].kind) continue;
    const other = cellAt(ctx.grid, rows[j].row, ref.col)?.value;
    if (other !== undefined && other !== null && String(other) === String(own))
      return { cell: a1(rows[j].row, ref.col), above };
  }
  return undefined;
}

function blameFinding(ctx: TableContext, b: Blame, primary: Map<number, Relation>): Finding {
  const key = refKey(b.cell);
  const own = primary.get(key);
  // A copy is named on typed inputs (a neighbour's count); a derived cell is recomputed whatever its origin.
  const copy = b.derived ? undefined : copiedFrom(ctx, b.cell);
  const copyParams = copy ? { copiedFrom: copy.cell, copiedAbove: copy.above ? "1" : "" } : {};
  if (b.kind === "aggregate" || (b.derived && own) || (b.kind === "consequence" && own)) {
    const rel: LocatorRelation =
      (own && (b.explains.includes(own) || b.kind !== "cell" || b.explains.length === 0) ? own : undefined) ??
      b.explains[0];
    const shownRel: Relation = rel.kind === "bound" ? own! : rel;
    return makeFinding(ctx, shownRel.rule, "error", b.cell, b.value, relatedOf(shownRel), {
      relation: describe(shownRel),
      ...copyParams,
    });
  }
  const bound = b.explains.find((r): r is Bound => r.kind === "bound");
  const linear = b.explains.find((r) => r.kind === "sum" || r.kind === "linear");
  const rule: RuleId = bound ? bound.rule : (linear ?? b.explains[0]).rule;
  const targets = [
    ...new Set(
      b.explains.map((r) =>
        r.kind === "bound" ? a1(r.whole.row, r.whole.col) : a1(r.target.row, r.target.col),
      ),
    ),
  ].filter((c) => c !== a1(b.cell.row, b.cell.col));
  return makeFinding(ctx, rule, "error", b.cell, b.value, targets, {
    variant: "input-typo",
    targets: targets.join(", "),
    ...copyParams,
  });
}
