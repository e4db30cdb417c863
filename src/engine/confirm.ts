// The data confirms the reading. Vocabulary proposes column roles, row kinds and relations; here the values
// decide. A guessed relation that fails in more than a third of the rows where it applies (and at least three)
// means the table was misread, not that every row is wrong: the next reading of that column is tried (a rate
// stored as a fraction, another numerator or base), and if none holds the relation is dropped and one doubt is
// recorded on the column's header. Relations stated by the numbering row, and columns the user set, are never
// second-guessed.
import { a1 } from "./grid";
import type { Overrides } from "./model";
import { checkRelation } from "./check";
import { relationValue } from "./recompute";
import type { TableContext } from "./context";
import type { Ref, Relation } from "./relations";
import { COUNT_ROLES, RATE_ROLES } from "./vocabulary";
import { type CopyExplanation, type Explanation, findAlternative, findCopy, headerCell } from "./explain";
import { impliedPairs, refKey, shareOfTotal } from "./relations";

/** A reading the data did not confirm: the relations of one column that were dropped. */
export interface Doubt {
  /** The header cell of the column the engine could not understand (A1). */
  cell: string;
  /** Column letter. */
  column: string;
  header: string;
  /** What was assumed and dropped: a rate over a base, a total of rows, a reduction start − end. */
  relation: "rate" | "sum" | "reduction" | "linear";
  /** Rows where the dropped relation failed, and rows where it applied. */
  failed: number;
  applied: number;
  /** The assumed relation, as written in a message ("D/C×100"). */
  assumed: string;
  /** The reading that holds instead ("F/C×100"), when one does: it is checked, but nothing is written. */
  holds?: string;
}

interface Tally {
  applied: number;
  failed: number;
  /** The relations that failed. */
  failing: Relation[];
  /** Distinct discrepancies of the failed sums: one wrong cell repeats its difference up the hierarchy. */
  gaps: Set<number>;
}

function tally(rels: Relation[], ctx: TableContext): Tally {
  const t: Tally = { applied: 0, failed: 0, failing: [], gaps: new Set() };
  for (const rel of rels) {
    const check = checkRelation(rel, ctx.value, ctx.decimals);
    if (check.status === "skip") continue;
    t.applied++;
    if (check.status === "violated") {
      t.failed++;
      t.failing.push(rel);
      if (rel.kind !== "rate") {
        const actual = ctx.value(rel.target) ?? 0;
        const expected = relationValue(rel, ctx.value, ctx.decimals(rel.target)) ?? 0;
        t.gaps.add(Number(Math.abs(actual - expected).toPrecision(9)));
      }
    }
  }
  return t;
}

/** More than a third of the rows, and at least three, and (for sums) not one difference carried upward. */
function misread(t: Tally, kind: Relation["kind"]): boolean {
  if (t.failed < 3 || t.failed * 3 <= t.applied) return false;
  if (kind === "sum" || kind === "linear") return t.gaps.size >= 3;
  return true;
}

/** One reading per column and kind of relation: a misread column fails on every kind of row alike. */
function groupKey(rel: Relation): string {
  if (rel.kind === "rate") return `rate|${rel.target.col}`;
  return `${rel.kind}|${rel.rule}|${rel.target.col}`;
}

/** Other readings of a rate column, most likely first: a fraction (0.0579), another numerator, another base. */
function rateAlternatives(ctx: TableContext, group: Relation[]): ((rel: Relation) => Relation)[] {
  const first = group[0];
  if (first.kind !== "rate") return [];
  const alts: ((rel: Relation) => Relation)[] = [];
  const scaled = first.scale === 100 ? 1 : 100;
  alts.push((rel) => ({ ...(rel as Extract<Relation, { kind: "rate" }>), scale: scaled }));
  const numCols = new Set(first.numerator.map((n) => n.col));
  // Other counts, nearest first (a rate usually sits right after its count).
  const counts = ctx.table.columns
    .filter((c) => COUNT_ROLES.has(c.role) && c.role !== "households" && c.role !== "persons")
    .sort((a, b) => Math.abs(a.col - first.target.col) - Math.abs(b.col - first.target.col));
  const bases = ctx.table.columns.filter((c) => c.role === "households" || c.role === "persons");
  for (const n of counts) {
    if (numCols.has(n.col) || n.col === first.base.col) continue;
    alts.push((rel) => ({
      ...(rel as Extract<Relation, { kind: "rate" }>),
      numerator: [{ row: rel.target.row, col: n.col }],
    }));
  }
  for (const b of bases) {
    if (b.col === first.base.col) continue;
    alts.push((rel) => ({
      ...(rel as Extract<Relation, { kind: "rate" }>),
      base: { row: (rel as Extract<Relation, { kind: "rate" }>).base.row, col: b.col },
    }));
  }
  return alts;
}

function linearAlternatives(group: Relation[]): ((rel: Relation) => Relation)[] {
  const first = group[0];
  if (first.kind !== "linear" || first.terms.length !== 2) return [];
  // start − end read as end − start: an "increase" column.
  return [
    (rel) => ({
      ...(rel as Exclude<Relation, { kind: "rate" }>),
      terms: (rel as Exclude<Relation, { kind: "rate" }>).terms.map((t) => ({ ...t, coef: -t.coef })),
    }),
  ];
}

function assumedText(rel: Relation): string {
  const letter = (r: Ref) => a1(r.row, r.col).replace(/\d+$/, "");
  if (rel.kind === "rate")
    return `${rel.numerator.map(letter).join("+")}/${rel.base.row === rel.target.row ? letter(rel.base) : a1(rel.base.row, rel.base.col)}${rel.scale === 100 ? "×100" : ""}`;
  if (rel.kind === "sum") return "";
  return rel.terms.map((t, i) => `${t.coef < 0 ? "−" : i === 0 ? "" : "+"}${letter(t.ref)}`).join("");
}

/**
 * The relations the data confirms, and the doubts about the others. `confirmed` lists columns (letters) the user
 * set in the pane or on the command line: their relations are kept as they are.
 */
export function confirmRelations(
  ctx: TableContext,
  relations: Relation[],
  overrides?: Overrides,
): { relations: Relation[]; doubts: Doubt[]; explanations: Explanation[] } {
  const userColumns = new Set(
    Object.entries(overrides?.columns ?? {})
      .filter(([, o]) => o.role !== undefined)
      .map(([letter]) => letter),
  );
  const groups = new Map<string, Relation[]>();
  for (const rel of relations) {
    // Stated relations are never re-read, but a copy may still explain why they fail.
    const key = (rel.stated ? "stated|" : "") + groupKey(rel);
    const list = groups.get(key);
    if (list) list.push(rel);
    else groups.set(key, [rel]);
  }
  const replaced = new Map<Relation, Relation | null>();
  const doubts: Doubt[] = [];
  const explanations: Explanation[] = [];
  // First the copies: a column copied from another keeps its reading, and what it was copied from is known
  // before other columns are re-read (a reading through a copied column is the weaker one).
  const misreadGroups: { group: Relation[]; t: Tally }[] = [];
  const copied = new Set<number>();
  const noteCopy = (copy: CopyExplanation) => {
    if (!explanations.some((e) => e.kind === "copy" && e.targets.includes(copy.column)))
      explanations.push(copy);
    for (const c of copy.cells) copied.add(refKey(c));
  };
  const failingGroups: { group: Relation[]; t: Tally }[] = [];
  for (const group of groups.values()) {
    const first = group[0];
    const column = ctx.table.columns.find((c) => c.col === first.target.col);
    if (!column || userColumns.has(column.letter)) continue;
    const t = tally(group, ctx);
    if (!misread(t, first.kind)) continue;
    const copy = findCopy(ctx, group, t.failing);
    if (copy) noteCopy(copy);
    else failingGroups.push({ group, t });
  }
  // Then another relation that holds in every row as the data stands; then a copy among the columns the failing
  // one is computed from (a reduction failing because the end count was copied from the start).
  for (const { group, t } of failingGroups) {
    const first = group[0];
    const holds = first.stated || first.kind === "sum" ? undefined : findAlternative(ctx, group, copied);
    if (holds && !(first.kind === "rate" && fractionHolds(ctx, group))) {
      group.forEach((rel, i) => replaced.set(rel, holds.relations[i]));
      explanations.push(holds.explanation);
      continue;
    }
    const copy = findCopy(ctx, group, t.failing, { inputs: true });
    if (copy) noteCopy(copy);
    else if (!first.stated) misreadGroups.push({ group, t });
  }
  for (const { group, t } of misreadGroups) {
    const first = group[0];
    const column = ctx.table.columns.find((c) => c.col === first.target.col)!;
    // A share of the total row the data do not confirm: only a fraction may read it; else it is said unchecked,
    // never re-read over the row's households nor flagged row by row.
    const share = first.kind === "rate" && shareOfTotal(column.header);
    const alternatives =
      first.kind === "rate"
        ? rateAlternatives(ctx, group).slice(0, share ? 1 : undefined)
        : linearAlternatives(group);
    let best: { rels: Relation[]; failed: number; index: number } | undefined;
    alternatives.forEach((alt, index) => {
      const rels = group.map(alt);
      const ta = tally(rels, ctx);
      if (ta.applied === 0 || misread(ta, first.kind) || ta.failed * 3 > ta.applied) return;
      if (!best || ta.failed < best.failed) best = { rels, failed: ta.failed, index };
    });
    const found = best as { rels: Relation[]; failed: number; index: number } | undefined;
    if (found) group.forEach((rel, i) => replaced.set(rel, found.rels[i]));
    else for (const rel of group) replaced.set(rel, null);
    if (share && !found) {
      explanations.push({
        kind: "unchecked",
        column: column.letter,
        cell: headerCell(ctx, first.target.col),
        header: column.header,
        rows: t.applied,
      });
      continue;
    }
    // A rate stored as a fraction means the same thing: read silently. Any other reading that holds (another
    // count, another base, the opposite sign) may as well be a column copied from elsewhere: it is used for the
    // check, and the doubt is still reported, so nothing is written until the user confirms.
    if (found && first.kind === "rate" && found.index === 0) continue;
    doubts.push({
      cell: headerCell(ctx, first.target.col),
      column: column.letter,
      header: column.header,
      relation:
        first.kind === "rate"
          ? "rate"
          : first.kind === "sum"
            ? "sum"
            : first.rule === "sum-mismatch"
              ? "linear"
              : "reduction",
      failed: t.failed,
      applied: t.applied,
      assumed: assumedText(first),
      ...(found ? { holds: assumedText(found.rels[0]) } : {}),
    });
  }
  const kept: Relation[] = [];
  for (const rel of relations) {
    const r = replaced.has(rel) ? replaced.get(rel) : rel;
    if (r) kept.push(r);
  }
  const doubted = new Set([
    ...doubts.flatMap((d) => d.column.split(", ")),
    ...explanations.filter((e) => e.kind === "unchecked").map((e) => e.column),
  ]);
  kept.push(...readUncheckedColumns(ctx, kept, new Set([...userColumns, ...doubted]), explanations));
  return {
    relations: replaced.size === 0 && kept.length === relations.length ? relations : kept,
    doubts: replaced.size === 0 ? doubts : mergeDoubts(doubts),
    explanations,
  };
}

/**
 * A rate column that no relation checks (a "tỷ lệ giảm" with no projected rate beside it, a share whose base the
 * header does not name): the relation that holds in every row is searched for and adopted, said once; when none
 * holds, the column is said to be unchecked. Tables without households are the implied family's (rules/implied.ts).
 */
function readUncheckedColumns(
  ctx: TableContext,
  relations: Relation[],
  userColumns: ReadonlySet<string>,
  explanations: Explanation[],
): Relation[] {
  // Rates with no count beside them (start and end rates only) cannot be checked by any relation: nothing to say.
  if (
    !ctx.table.columns.some((c) => COUNT_ROLES.has(c.role) && c.role !== "households" && c.role !== "persons")
  )
    return [];
  // Without households, two or more (count, rate) pairs check each other (rules/implied.ts); a rate outside them
  // has no base to be checked over, and is said so rather than passed in silence.
  const implied = new Set(impliedPairs(ctx.table).map((p) => p.rate.col));
  const targeted = new Set(relations.map((r) => r.target.col));
  const out: Relation[] = [];
  for (const column of ctx.table.columns) {
    if (!RATE_ROLES.has(column.role) || targeted.has(column.col) || userColumns.has(column.letter)) continue;
    if (implied.has(column.col)) continue;
    const group: Relation[] = ctx.table.rows
      .filter((r) => r.kind !== "part" && ctx.value({ row: r.row, col: column.col }) !== undefined)
      .map((r) => ({
        kind: "linear",
        rule: "rate-mismatch",
        target: { row: r.row, col: column.col },
        terms: [],
        rateTarget: true,
      }));
    if (group.length < 3) continue;
    const holds = findAlternative(ctx, group, new Set());
    if (holds) {
      out.push(...holds.relations);
      explanations.push({ ...holds.explanation, assumed: "" });
    } else
      explanations.push({
        kind: "unchecked",
        column: column.letter,
        cell: headerCell(ctx, column.col),
        header: column.header,
        rows: group.length,
      });
  }
  return out;
}

/**
 * One doubt per thing not understood: several dropped relations of one column are one doubt, and totals that do
 * not add up in several columns are one misread of the rows (put on the first column's header).
 */
function mergeDoubts(doubts: Doubt[]): Doubt[] {
  const byCell = new Map<string, Doubt>();
  const sums = doubts.filter((d) => d.relation === "sum");
  for (const d of doubts) {
    const key = d.relation === "sum" ? sums[0].cell : d.cell;
    const seen = byCell.get(key);
    if (seen && d.relation === "sum" && seen.relation === "sum" && seen !== d) {
      if (!seen.column.split(", ").includes(d.column)) seen.column += `, ${d.column}`;
      seen.failed += d.failed;
      seen.applied += d.applied;
      continue;
    }
    if (seen === undefined) byCell.set(key, { ...d });
    else {
      seen.failed += d.failed;
      seen.applied += d.applied;
    }
  }
  return [...byCell.values()];
}

/** A rate stored as a fraction (0.0579) reads the same relation: it is not another reading to announce. */
function fractionHolds(ctx: TableContext, group: Relation[]): boolean {
  const alt = rateAlternatives(ctx, group)[0];
  if (!alt) return false;
  const t = tally(group.map(alt), ctx);
  return t.applied > 0 && !misread(t, group[0].kind) && t.failed * 3 <= t.applied;
}
