// The pipeline: grid → tables → context → rule families (rules/) → corrections, derived cells and report.
import { type Grid, a1, cellAt, parseA1, rangeA1 } from "./grid";
import { formatDecimals } from "./numbers";
import type { AnalyzeOptions, Table } from "./model";
import type { CellWrite, Finding, TableReport, WritePlan } from "./report";
import {
  type Ref,
  type Relation,
  buildRelations,
  cellKey,
  keyCol,
  keyRow,
  refKey,
  relationCells,
} from "./relations";
import { compressRefs, computeDerived, relationFormula } from "./recompute";
import { detectTables as detectLayout } from "./detect/layout";
import { type RuleRun, buildContext, rawActual } from "./context";
import { correctionWrite, decideCorrections } from "./corrections";
import type { Blame } from "./locate";
import { confirmRelations } from "./confirm";
import { decodeGrid, detectLegacyEncoding } from "./legacy";
import { runRules } from "./rules";
import { ruleFamily, rulePriority } from "./rules/registry";
import type { TableAnalysis } from "./index";

export function detectTables(grid: Grid, options: AnalyzeOptions = {}): Table[] {
  return detectLayout(grid, options.overrides);
}

/** One error per cell: the most specific; a relation's expected value fills in a value rule's missing one. */
function dedupe(findings: Finding[]): Finding[] {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byCell.get(f.cell) ?? [];
    list.push(f);
    byCell.set(f.cell, list);
  }
  const out: Finding[] = [];
  for (const list of byCell.values()) {
    const errors = list.filter((f) => f.severity === "error");
    errors.sort((a, b) => rulePriority(a.rule) - rulePriority(b.rule));
    const keep: Finding[] = [];
    if (errors.length) {
      const first = { ...errors[0] };
      const withExpected = errors.find((e) => e.expected !== null);
      if (first.expected === null && withExpected) first.expected = withExpected.expected;
      if (!first.fix) first.fix = errors.find((e) => e.fix)?.fix;
      if (!first.fix) delete first.fix;
      first.related = [...new Set(errors.flatMap((e) => e.related))];
      keep.push(first);
    }
    const seen = new Set<string>();
    for (const f of list) {
      if (f.severity === "error") continue;
      if (errors.length && f.rule === "rate-rounding") continue;
      if (errors.length && f.rule === "missing-value") continue;
      if (seen.has(f.rule)) continue;
      seen.add(f.rule);
      keep.push(f);
    }
    for (const f of keep) out.push(f);
  }
  return out;
}

function compareCells(a: string, b: string): number {
  const pa = parseA1(a);
  const pb = parseA1(b);
  return pa.row - pb.row || pa.col - pb.col;
}

export function analyzeTable(grid: Grid, table: Table, options: AnalyzeOptions = {}): TableAnalysis {
  const ctx = buildContext(grid, table, options);
  // The data confirms the reading: guessed relations that fail in most rows are re-read or dropped (confirm.ts).
  const filled = (row: number, col: number) => ctx.readings.get(cellKey(row, col))?.status === "ok";
  // With trustStructure the user accepts the reading as it is: every guessed relation is kept.
  const built = buildRelations(table, options.rounding, filled);
  const { relations, doubts, explanations } = options.trustStructure
    ? { relations: built, doubts: [], explanations: [] }
    : confirmRelations(ctx, built, options.overrides);
  // The relation that defines each derived cell's formula: the first one built (stated, then sums, then rows).
  const primary = new Map<number, Relation>();
  for (const rel of relations) {
    const key = refKey(rel.target);
    if (!primary.has(key)) primary.set(key, rel);
  }

  // Cells the user confirmed: never blamed, never corrected (an address that does not parse is ignored).
  const confirmed = new Set<number>();
  for (const cell of options.overrides?.confirmedCells ?? []) {
    if (!/^\$?[A-Za-z]{1,3}\$?\d+$/.test(cell.trim())) continue;
    confirmed.add(refKey(parseA1(cell)));
  }
  const run: RuleRun & { located: Blame[] } = {
    relations,
    confirmed,
    primary,
    findings: [],
    blamed: [],
    located: [],
    doubts,
    explanations,
    legacy: options.legacy,
  };
  const findings = runRules(ctx, run);

  // The one decision to change an input (corrections.ts): fix, appendix, plan and pane read this list.
  const corrections = decideCorrections(
    { sheet: grid.sheet, raw: (r) => rawActual(grid, r), isCount: (k) => ctx.kindOf.get(k) === "count" },
    run.located,
  ).filter((c) => !confirmed.has(refKey(parseA1(c.cell))));
  const correctedValue = new Map(corrections.map((c) => [refKey(parseA1(c.cell)), c.value]));
  const inputValue = (r: Ref): number | undefined => correctedValue.get(refKey(r)) ?? ctx.value(r);

  // Open suspicions: input cells with an error the engine did not correct. Nothing is recomputed from the value
  // they hold, so a fix never hides the suspicion by making its neighbours agree with it.
  const suspected = new Set<number>();
  for (const f of findings) {
    if (f.severity !== "error" || ruleFamily(f.rule) === "structure") continue;
    const key = refKey(parseA1(f.cell));
    if (primary.has(key) || correctedValue.has(key) || confirmed.has(key)) continue;
    suspected.add(key);
    if (f.params?.variant === "input-typo") f.certainty = "suggested";
  }
  // A unit listed twice (duplicate-unit) inside an aggregate that does not add up: the second row may have been
  // pasted over another unit, so the sum of the rows as they stand is no correction of the aggregate. The pasted
  // row's cells in that sum are in doubt; the aggregate's finding names it and nothing is written from it.
  const duplicates = new Map<number, Finding>();
  for (const f of findings) if (f.rule === "duplicate-unit") duplicates.set(parseA1(f.cell).row, f);
  if (duplicates.size)
    for (const f of findings) {
      if (f.rule !== "sum-mismatch" || f.severity !== "error") continue;
      const rel = primary.get(refKey(parseA1(f.cell)));
      if (!rel || rel.kind !== "sum") continue;
      const doubted = relationCells(rel).filter((r) => r.row !== rel.target.row && duplicates.has(r.row));
      if (!doubted.length) continue;
      for (const r of doubted) suspected.add(refKey(r));
      const dup = duplicates.get(doubted[0].row)!;
      f.params = { ...f.params, duplicateCell: dup.cell, duplicateOf: String(dup.params?.otherCell ?? "") };
    }
  const taintMemo = new Map<number, boolean>();
  const tainted = (key: number, depth = 0): boolean => {
    if (suspected.has(key)) return true;
    const rel = primary.get(key);
    if (!rel || depth > 64) return false;
    const memo = taintMemo.get(key);
    if (memo !== undefined) return memo;
    taintMemo.set(key, false);
    const out = relationCells(rel).some((r) => refKey(r) !== key && tainted(refKey(r), depth + 1));
    taintMemo.set(key, out);
    return out;
  };

  // A derived cell's right value computed from a suspected input is itself only suggested.
  if (suspected.size)
    for (const f of findings) {
      const key = refKey(parseA1(f.cell));
      if (!suspected.has(key) && primary.has(key) && f.severity === "error" && tainted(key))
        f.certainty = "suggested";
    }

  // Derived cells: formula and value computed from the inputs, lazily (a check needs only the flagged ones).
  const derivedValue = computeDerived(primary, inputValue, ctx.decimals);
  const writeFor = (rel: Relation): CellWrite | undefined => {
    const ref = rel.target;
    if (suspected.size && tainted(refKey(ref))) return undefined;
    const v = derivedValue(ref);
    if (v === undefined || !Number.isFinite(v)) return undefined;
    // Never an impossible value: a negative rate or count is not a correction (a reduction may be negative).
    if (v < 0 && (rel.kind === "rate" || rel.kind === "sum")) return undefined;
    const d = ctx.decimals(ref);
    const baseIsZero = rel.kind === "rate" && inputValue(rel.base) === 0;
    // A percent-formatted cell keeps its convention: a fraction, =ROUND(D8/C8,4) for two shown decimals. A cell
    // of such a column typed otherwise (text "8.43%", a plain number) takes its column's convention and format.
    const cell = cellAt(grid, ref.row, ref.col);
    const columnPercent =
      rel.kind === "rate" &&
      !ctx.isPercentCell(ref) &&
      (!cell?.numberFormat || typeof cell.value === "string")
        ? ctx.columnPercentFormat(ref.col)
        : undefined;
    const percent = ctx.isPercentCell(ref) || columnPercent !== undefined;
    const asFraction: Relation = percent && rel.kind === "rate" ? { ...rel, scale: rel.scale / 100 } : rel;
    const write: CellWrite = {
      sheet: grid.sheet,
      cell: a1(ref.row, ref.col),
      value: percent ? Number((v / 100).toPrecision(12)) : v,
      formula: relationFormula(asFraction, percent ? d + 2 : d, baseIsZero),
    };
    if (columnPercent) write.numberFormat = columnPercent;
    else if (!cell?.numberFormat || cell.numberFormat === "@" || typeof cell.value === "string") {
      write.numberFormat =
        rel.kind === "rate" || (rel.kind !== "sum" && rel.rateTarget)
          ? `0.${"0".repeat(d)}`.replace(/\.$/, "")
          : "#,##0";
    }
    return write;
  };
  const derivedAt = (cell: string): CellWrite | undefined => {
    const rel = primary.get(refKey(parseA1(cell)));
    return rel ? writeFor(rel) : undefined;
  };

  // A derived cell's fix is its formula with the value computed from the inputs.
  for (const f of findings) {
    // Only a relation's finding is mended by the cell's formula (not a note on the column it sits in).
    if (ruleFamily(f.rule) === "structure") continue;
    const w = derivedAt(f.cell);
    if (w)
      f.fix = {
        value: w.value,
        formula: w.formula,
        ...(w.numberFormat ? { numberFormat: w.numberFormat } : {}),
      };
  }
  // Decided corrections, then text numbers in input cells: written back as numbers.
  // Sets and maps, not a search per finding: 200,000 text numbers would make it quadratic.
  const conversions: CellWrite[] = corrections.map((c) => {
    const w = correctionWrite(c);
    // A corrected count keeps its cell's look when that look shows a whole number (only "1.518" shown with
    // decimals needs a count's format).
    const format = cellAt(grid, parseA1(c.cell).row, parseA1(c.cell).col)?.numberFormat;
    if (format && format !== "@" && formatDecimals(format) === 0) delete w.numberFormat;
    return w;
  });
  const converted = new Set(conversions.map((w) => w.cell));
  const correctionAt = new Map(corrections.map((c) => [c.cell, c]));
  for (const f of findings) {
    const c = correctionAt.get(f.cell);
    if (c && f.severity === "error") {
      f.expected = c.value;
      const w = conversions.find((x) => x.cell === c.cell);
      f.fix = { value: c.value, ...(w?.numberFormat ? { numberFormat: w.numberFormat } : {}) };
    }
  }
  for (const f of findings) {
    if (f.rule !== "number-as-text" || f.expected === null || derivedAt(f.cell)) continue;
    if (converted.has(f.cell)) continue;
    // A suspected cell stays as typed, text included, until the user settles it: nothing is written to it.
    if (suspected.has(refKey(parseA1(f.cell)))) continue;
    converted.add(f.cell);
    const ref = parseA1(f.cell);
    const kind = ctx.kindOf.get(refKey(ref));
    // A rate typed as text in a column of fractions shown as percentages becomes a fraction under that format.
    const columnPercent = kind === "rate" ? ctx.columnPercentFormat(ref.col) : undefined;
    const write: CellWrite = {
      sheet: grid.sheet,
      cell: f.cell,
      value: columnPercent ? Number((f.expected / 100).toPrecision(12)) : f.expected,
      numberFormat: columnPercent ?? (kind === "rate" ? "0.00" : "#,##0"),
    };
    f.fix = { value: write.value, numberFormat: write.numberFormat };
    conversions.push(write);
  }

  const final = dedupe(findings).sort((a, b) => compareCells(a.cell, b.cell) || a.rule.localeCompare(b.rule));
  // Built on demand: a check of 100,000 rows needs the findings, not a report object per row. The CLI validates
  // the report with the zod schema before printing it.
  const makeReport = (): TableReport => ({
    sheet: grid.sheet,
    range: rangeA1(table.range),
    columns: table.columns.map((c) => ({
      column: c.letter,
      role: c.role,
      period: c.period,
      header: c.header,
    })),
    rows: table.rows.map((r) => ({ row: r.row, kind: r.kind, label: r.label })),
    findings: final,
  });
  let derived: CellWrite[] | undefined;
  let report: TableReport | undefined;
  return {
    table,
    findings: final,
    conversions,
    corrections,
    options,
    unsure: doubts.length > 0,
    ...(suspected.size
      ? {
          suspected: [...suspected].sort((x, y) => x - y).map((k) => a1(keyRow(k), keyCol(k))),
        }
      : {}),
    ...(options.legacy ? { legacyEncoding: options.legacy.encoding } : {}),
    get report(): TableReport {
      return (report ??= makeReport());
    },
    get derived(): CellWrite[] {
      if (!derived) {
        derived = [];
        for (const rel of primary.values()) {
          // A cell the user confirmed keeps what they typed: fix never writes it.
          if (confirmed.has(refKey(rel.target))) continue;
          const w = writeFor(rel);
          if (w) derived.push(w);
        }
      }
      return derived;
    },
  };
}

export function analyzeGrid(grid: Grid, options: AnalyzeOptions = {}): TableAnalysis[] {
  // Text typed in TCVN3 or VNI is decoded for reading; the cells keep their addresses and numbers.
  const legacy = options.legacy ?? detectLegacyEncoding(grid);
  const read = legacy ? decodeGrid(grid, legacy.encoding) : grid;
  const opts = legacy ? { ...options, legacy } : options;
  return detectLayout(read, options.overrides).map((t) => analyzeTable(read, t, opts));
}

/**
 * What a fix writes: every derived cell's formula and correct value, and text numbers as numbers. Input cells
 * with a likely typo are not changed: they are listed as undecided.
 */
export function fixPlan(analyses: TableAnalysis[]): WritePlan {
  const writes: CellWrite[] = [];
  const undecided: Finding[] = [];
  const refused: { sheet: string; range: string; cells: string[] }[] = [];
  for (const a of analyses) {
    // A table only checked (years as columns): nothing to write, and its findings are not the plan's business.
    if (a.readOnly) continue;
    // In doubt, write nothing: a table whose reading the data did not confirm waits for the user.
    if (a.unsure) {
      refused.push({
        sheet: a.table.sheet,
        range: rangeA1(a.table.range),
        cells: a.findings.filter((f) => f.rule === "structure-unsure").map((f) => f.cell),
      });
      continue;
    }
    const derivedCells = new Set([...a.derived, ...a.conversions].map((w) => w.cell));
    // Not push(...): 400,000 derived cells of a 200,000-row table overflow the call stack.
    for (const w of a.conversions) writes.push(w);
    for (const w of a.derived) writes.push(w);
    for (const f of a.findings) {
      if (f.severity === "error" && !derivedCells.has(f.cell) && f.rule !== "number-as-text")
        undecided.push(f);
    }
  }
  // Built here from engine-made writes and findings (their shapes are the schemas' types); hosts that store or
  // print a plan validate it with WritePlanSchema.
  return refused.length ? { writes, undecided, refused } : { writes, undecided };
}

export { relationCells, compressRefs };
