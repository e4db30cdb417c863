// Explaining a failing column before calling the table misread, as a reviewer would. When a guessed relation fails
// in many rows, three explanations are tested against the data, in this order:
//   1. a copy: the failing cells hold, cell for cell, what another column of the same kind holds on their rows
//      (last year's rate, the start-of-period block). The reading stays; each copied cell that is wrong for its
//      own row is reported with its value, and one finding names the copy.
//   2. a convention: a rate stored as a fraction, a rate truncated (checked as "rounding", never a failure here).
//   3. another relation that holds in every row (X/Y×100 or X−Y over the table's columns): adopted, said once.
// Only when nothing explains the failures is the reading doubted (structure-unsure, confirm.ts).
//
// Headers are a prior and the data decides: READING_WEIGHTS below is the one place that says how much a header's
// suggestion counts when two readings hold equally well.
import { a1, mergeAt } from "./grid";
import type { TableContext } from "./context";
import { checkRelation } from "./check";
import type { Column } from "./model";
import { type Ref, type Relation, SUBJECT_COUNT, refKey, shareOfTotal, totalRowOf } from "./relations";
import { COUNT_ROLES, RATE_ROLES, normalize } from "./vocabulary";

/** How much each kind of evidence weighs when readings are compared (higher wins). Data, not code paths. */
const READING_WEIGHTS = {
  /** A copy must account for at least this many failing cells ... */
  copyMinCells: 3,
  /** ... and for more than this share of the failures. */
  copyMinShare: 0.5,
  /**
   * Two columns of small whole numbers (1, 2, 3 households) agree by chance, and a group or total that repeats its
   * only unit repeats the agreement: a copy is told by at least copyMinCells DISTINCT equal values, each at least
   * this large or not whole (a rate with its decimals).
   */
  copyTellingValue: 10,
  /** An alternative relation must hold in every row where it applies, and apply in at least this many rows. */
  alternativeMinRows: 3,
  /** Prior of an alternative whose numerator is the column the header names (a reduction for a reduction rate). */
  headerNumerator: 2,
  /** Prior of an alternative whose base is the column the header's words name ("so với tổng số hộ nghèo"). */
  headerBase: 3,
  /** Prior of an alternative whose base is the table's households (not persons, not another count). */
  householdsBase: 1,
  /** Penalty of an alternative that reads through a column found to be a copy: the copy's original is preferred. */
  throughCopy: -3,
} as const;

/** A column (or a block of columns) copied from another: the reading stays, the wrong copied cells are reported. */
export interface CopyExplanation {
  kind: "copy";
  /** The failing column and the column it equals (letters). */
  column: string;
  source: string;
  /** Rows where the two columns hold the same number, and rows where both hold one. */
  same: number;
  rows: number;
  /** Every copied cell of every column of the block (right or wrong for its row). */
  cells: Ref[];
  /** Columns of the same block copied with it (F, H copied with G from C, E): letters, in sheet order. */
  targets: string[];
  sources: string[];
}

/** Another relation that holds in every row, adopted instead of the one the header suggested. */
export interface AlternativeExplanation {
  kind: "alternative";
  column: string;
  /** Header cell of the column (A1). */
  cell: string;
  header: string;
  assumed: string;
  holds: string;
  /** Rows where it holds; `of` the rows where it applies, when that is more (a base the header names). */
  rows: number;
  of?: number;
}

/** A rate column no relation explains: nothing in it was checked, and that is said on the column. */
export interface UncheckedExplanation {
  kind: "unchecked";
  column: string;
  cell: string;
  header: string;
  rows: number;
}

export type Explanation = CopyExplanation | AlternativeExplanation | UncheckedExplanation;

const EPS = 1e-9;

const letterOf = (r: Ref) => a1(r.row, r.col).replace(/\d+$/, "");

/** Count or rate: a copy keeps its kind (a rate copied from a rate). */
function kindOfColumn(c: Column): "count" | "rate" | undefined {
  if (RATE_ROLES.has(c.role) || c.role === "rateReduction") return "rate";
  if (COUNT_ROLES.has(c.role)) return "count";
  return undefined;
}

function bodyRows(ctx: TableContext): number[] {
  return ctx.table.rows.filter((r) => r.kind !== "part").map((r) => r.row);
}

/** Rows where columns a and b hold the same number, and rows where both hold one. */
function sameRows(ctx: TableContext, a: number, b: number): { same: number[]; both: number } {
  const same: number[] = [];
  let both = 0;
  for (const row of bodyRows(ctx)) {
    const x = ctx.value({ row, col: a });
    const y = ctx.value({ row, col: b });
    if (x === undefined || y === undefined) continue;
    both++;
    if (Math.abs(x - y) < EPS) same.push(row);
  }
  return { same, both };
}

/**
 * A failing group explained as a copy: most failing cells (at least three) equal another column of the same kind
 * on their rows, and the values copied are not all one number (a column of zeros matches any column of zeros).
 */
export function findCopy(
  ctx: TableContext,
  group: Relation[],
  failing: Relation[],
  /** Look at the columns the failing column is computed from, not at the column itself. */
  options: { inputs?: boolean } = {},
): CopyExplanation | undefined {
  if (failing.length < READING_WEIGHTS.copyMinCells) return undefined;
  // The failing column itself (a rate copied from last year's), or the columns it is computed from (an end count
  // copied from the start count makes the reduction fail, not the end count): confirm.ts asks for the second
  // only when no other reading of the column holds.
  const inputs = new Set<number>();
  for (const rel of failing)
    for (const r of rel.kind === "rate" ? [...rel.numerator, rel.base] : rel.terms.map((t) => t.ref))
      if (r.col !== group[0].target.col) inputs.add(r.col);
  // Later columns first: a copy is made into the later period (start → end, last year → this year).
  const cols = options.inputs ? [...inputs].sort((a, b) => b - a) : [group[0].target.col];
  for (const col of cols) {
    const found = copyOf(
      ctx,
      col,
      failing.map((rel) => ({ row: rel.target.row, col })),
    );
    if (found) return found;
  }
  return undefined;
}

function copyOf(ctx: TableContext, target: number, failingCells: Ref[]): CopyExplanation | undefined {
  const column = ctx.table.columns.find((c) => c.col === target);
  if (!column) return undefined;
  const kind = kindOfColumn(column);
  if (!kind) return undefined;
  let best: { col: Column; copies: number; same: number[]; both: number } | undefined;
  for (const c of ctx.table.columns) {
    if (c.col === target || kindOfColumn(c) !== kind) continue;
    const values = new Set<number>();
    let copies = 0;
    const telling = new Set<number>();
    for (const ref of failingCells) {
      const x = ctx.value(ref);
      const y = ctx.value({ row: ref.row, col: c.col });
      if (x === undefined || y === undefined || Math.abs(x - y) >= EPS) continue;
      copies++;
      values.add(x);
      if (Math.abs(x) >= READING_WEIGHTS.copyTellingValue || !Number.isInteger(x)) telling.add(x);
    }
    if (copies < READING_WEIGHTS.copyMinCells || copies <= failingCells.length * READING_WEIGHTS.copyMinShare)
      continue;
    if (values.size < 2 || telling.size < READING_WEIGHTS.copyMinCells) continue;
    const { same, both } = sameRows(ctx, target, c.col);
    const better =
      !best ||
      copies > best.copies ||
      (copies === best.copies && same.length > best.same.length) ||
      (copies === best.copies &&
        same.length === best.same.length &&
        Math.abs(c.col - target) < Math.abs(best.col.col - target));
    if (better) best = { col: c, copies, same, both };
  }
  if (!best) return undefined;
  const explanation: CopyExplanation = {
    kind: "copy",
    column: column.letter,
    source: best.col.letter,
    same: best.same.length,
    rows: best.both,
    cells: best.same.map((row) => ({ row, col: target })),
    targets: [column.letter],
    sources: [best.col.letter],
  };
  // The rest of the block: the columns of the failing column's period that equal, in most rows, the column of
  // the same role in the source's period (the projected households and rate copied with the projected poor).
  if (column.period !== best.col.period) {
    for (const t of ctx.table.columns) {
      if (t.col === target || t.period !== column.period || !kindOfColumn(t)) continue;
      const s = ctx.table.columns.find((c) => c.role === t.role && c.period === best!.col.period);
      if (!s) continue;
      const { same, both } = sameRows(ctx, t.col, s.col);
      // A block is copied whole or not at all: households that changed mean the period was typed anew, and
      // its counts that stayed the same are facts of life, not copies.
      if (same.length < READING_WEIGHTS.copyMinCells || same.length * 2 <= both) {
        explanation.targets = [column.letter];
        explanation.sources = [best.col.letter];
        explanation.cells = best.same.map((row) => ({ row, col: target }));
        break;
      }
      explanation.targets.push(t.letter);
      explanation.sources.push(s.letter);
      for (const row of same) explanation.cells.push({ row, col: t.col });
    }
    const order = explanation.targets
      .map((t, i) => [t, explanation.sources[i]] as const)
      .sort((x, y) => x[0].length - y[0].length || x[0].localeCompare(y[0]));
    explanation.targets = order.map((o) => o[0]);
    explanation.sources = order.map((o) => o[1]);
  }
  return explanation;
}

function describeReading(rel: Relation): string {
  if (rel.kind === "rate")
    return `${rel.numerator.map(letterOf).join("+")}/${rel.base.row === rel.target.row ? letterOf(rel.base) : a1(rel.base.row, rel.base.col)}${rel.scale === 100 ? "×100" : ""}`;
  return rel.terms.map((t, i) => `${t.coef < 0 ? "−" : i === 0 ? "" : "+"}${letterOf(t.ref)}`).join("");
}

/** The header cell that names a column (its own merged cell, else the lowest header row's). */
export function headerCell(ctx: TableContext, col: number): string {
  const rows = ctx.table.headerRows;
  for (const r of rows) {
    const m = mergeAt(ctx.grid, r, col);
    if (m && m.left === col && m.top === r && m.right === col) return a1(r, col);
  }
  const last = rows[rows.length - 1] ?? ctx.table.range.top;
  const m = mergeAt(ctx.grid, last, col);
  return m ? a1(m.top, m.left) : a1(last, col);
}

/** An alternative reading of a rate: the row's count in `col` over the base `baseAt` gives for the row. */
const rateOver =
  (col: number, baseAt: (row: number) => Ref) =>
  (rel: Relation): Relation => ({
    kind: "rate",
    rule: "rate-mismatch",
    target: rel.target,
    numerator: [{ row: rel.target.row, col }],
    base: baseAt(rel.target.row),
    scale: 100,
  });

/**
 * Another relation for a failing column that holds in every row where it applies: for a rate (or a reduction in
 * points), count / households × 100 over the table's columns; for a count, the difference of two counts. The
 * header's suggestion and the copies found weigh in only between readings that hold equally (READING_WEIGHTS).
 */
export function findAlternative(
  ctx: TableContext,
  group: Relation[],
  copied: ReadonlySet<number>,
): { relations: Relation[]; explanation: AlternativeExplanation } | undefined {
  const first = group[0];
  const column = ctx.table.columns.find((c) => c.col === first.target.col);
  if (!column) return undefined;
  const kind = kindOfColumn(column);
  if (!kind) return undefined;
  const counts = ctx.table.columns.filter((c) => COUNT_ROLES.has(c.role) && c.col !== column.col);
  const candidates: { build: (rel: Relation) => Relation; prior: number; cols: number[]; named?: boolean }[] =
    [];
  // The header names whose rate it is (poor, near-poor): that prior is kept, only the base may be re-read. A
  // poor rate that holds as near-poor / households is a column copied from elsewhere, not another reading.
  const subject = SUBJECT_COUNT[column.role];
  // "Tỷ lệ so với tổng số hộ nghèo", "so với toàn tỉnh": the words name another base; any count column may then
  // be it, the one the words name first (a share of all poor households is over the poor, not the households).
  const header = normalize(column.header);
  const against = /\bso voi\b(.*)$/.exec(header)?.[1]?.trim();
  const namesBase = (c: Column) => {
    const leaf = normalize(c.header.split(" > ").pop() ?? c.header);
    return !!against && leaf.length > 3 && against.includes(leaf);
  };
  if (kind === "rate") {
    for (const x of counts) {
      if (x.role === "households" || x.role === "persons") continue;
      if (subject && x.role !== subject && x.role !== subject.replace("Households", "Persons")) continue;
      for (const y of counts) {
        if (y.col === x.col) continue;
        if (!(y.role === "households" || y.role === "persons") && !against) continue;
        let prior = namesBase(y) ? READING_WEIGHTS.headerBase : 0;
        if (column.role === "rateReduction" && (x.role === "reduction" || x.role === "nearPoorReduction"))
          prior += READING_WEIGHTS.headerNumerator;
        if (y.role === "households") prior += READING_WEIGHTS.householdsBase;
        candidates.push({
          build: rateOver(x.col, (row) => ({ row, col: y.col })),
          prior,
          cols: [x.col, y.col],
          named: namesBase(y),
        });
      }
    }
    // "so với tổng số hộ nghèo toàn huyện": the base may be the total row's count of the same column.
    const whole = against ? totalRowOf(ctx.table) : undefined;
    if (whole !== undefined)
      for (const x of counts) {
        if (x.role === "households" || x.role === "persons") continue;
        if (subject && x.role !== subject) continue;
        candidates.push({
          build: rateOver(x.col, () => ({ row: whole, col: x.col })),
          prior: namesBase(x) || shareOfTotal(column.header) ? READING_WEIGHTS.headerBase : 0,
          cols: [x.col],
          named: namesBase(x) || shareOfTotal(column.header),
        });
      }
  } else {
    for (const x of counts)
      for (const y of counts) {
        if (x.col === y.col) continue;
        candidates.push({
          build: (rel) => ({
            kind: "linear",
            rule: first.rule,
            target: rel.target,
            terms: [
              { ref: { row: rel.target.row, col: x.col }, coef: 1 },
              { ref: { row: rel.target.row, col: y.col }, coef: -1 },
            ],
          }),
          prior: 0,
          cols: [x.col, y.col],
        });
      }
  }
  // Numbers as meant where the typed one cannot be right (1.518 households): a convention, not a failure.
  const meant = (r: Ref): number | undefined => {
    const reading = ctx.readings.get(refKey(r));
    return reading?.status === "ok" ? (reading.intended ?? reading.value) : undefined;
  };
  let best:
    { rels: Relation[]; score: number; applied: number; failed: number; distance: number } | undefined;
  for (const cand of candidates) {
    const rels = group.map(cand.build);
    let applied = 0;
    let failed = 0;
    for (const rel of rels) {
      const st = checkRelation(rel, meant, ctx.decimals).status;
      if (st === "skip") continue;
      applied++;
      if (st === "violated") failed++;
    }
    // A base the header's words name needs only most rows (the others are then wrong cells); any other reading
    // must hold in every row.
    if (applied < READING_WEIGHTS.alternativeMinRows) continue;
    if (failed > 0 && !(cand.named && failed * 3 <= applied)) continue;
    const throughCopy = cand.cols.some((col) =>
      rels.some((r) => copied.has(refKey({ row: r.target.row, col }))),
    );
    const score = cand.prior + (throughCopy ? READING_WEIGHTS.throughCopy : 0);
    const distance = cand.cols.reduce((s, c) => s + Math.abs(c - column.col), 0);
    if (!best || score > best.score || (score === best.score && distance < best.distance))
      best = { rels, score, applied, failed, distance };
  }
  if (!best) return undefined;
  return {
    relations: best.rels,
    explanation: {
      kind: "alternative",
      column: column.letter,
      cell: headerCell(ctx, column.col),
      header: column.header,
      assumed: describeReading(first),
      holds: describeReading(best.rels[0]),
      rows: best.applied - best.failed,
      ...(best.failed ? { of: best.applied } : {}),
    },
  };
}
