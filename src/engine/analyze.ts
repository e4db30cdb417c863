// The pipeline: grid → tables → context → rule families (rules/) → corrections, derived cells and report.
import { type Grid, a1, cellAt, parseA1, rangeA1 } from "./grid";
import type { AnalyzeOptions, Table } from "./model";
import { type CellWrite, type Finding, type TableReport, type WritePlan, WritePlanSchema } from "./report";
import { type Ref, type Relation, buildRelations, refKey, relationCells } from "./relations";
import { compressRefs, computeDerived, relationFormula } from "./recompute";
import { detectTables as detectLayout } from "./detect/layout";
import { buildContext, rawActual } from "./context";
import { correctionWrite, decideCorrections } from "./corrections";
import type { Blame } from "./locate";
import { runRules } from "./rules";
import { rulePriority } from "./rules/registry";
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
    out.push(...keep);
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
  const relations = buildRelations(table, options.rounding);
  // The relation that defines each derived cell's formula: the first one built (stated, then sums, then rows).
  const primary = new Map<number, Relation>();
  for (const rel of relations) {
    const key = refKey(rel.target);
    if (!primary.has(key)) primary.set(key, rel);
  }

  const run = {
    relations,
    primary,
    findings: [] as Finding[],
    blamed: [] as Finding[],
    located: [] as Blame[],
  };
  const findings = runRules(ctx, run);

  // The one decision to change an input (corrections.ts): fix, appendix, plan and pane read this list.
  const corrections = decideCorrections(
    { sheet: grid.sheet, raw: (r) => rawActual(grid, r), isCount: (k) => ctx.kindOf.get(k) === "count" },
    run.located,
  );
  const correctedValue = new Map(corrections.map((c) => [refKey(parseA1(c.cell)), c.value]));
  const inputValue = (r: Ref): number | undefined => correctedValue.get(refKey(r)) ?? ctx.value(r);

  // Derived cells: formula and value computed from the inputs, lazily (a check needs only the flagged ones).
  const derivedValue = computeDerived(primary, inputValue, ctx.decimals);
  const writeFor = (rel: Relation): CellWrite | undefined => {
    const ref = rel.target;
    const v = derivedValue(ref);
    if (v === undefined) return undefined;
    const d = ctx.decimals(ref);
    const baseIsZero = rel.kind === "rate" && inputValue(rel.base) === 0;
    const write: CellWrite = {
      sheet: grid.sheet,
      cell: a1(ref.row, ref.col),
      value: v,
      formula: relationFormula(rel, d, baseIsZero),
    };
    const cell = cellAt(grid, ref.row, ref.col);
    if (!cell?.numberFormat || cell.numberFormat === "@" || typeof cell.value === "string") {
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
    const w = derivedAt(f.cell);
    if (w)
      f.fix = {
        value: w.value,
        formula: w.formula,
        ...(w.numberFormat ? { numberFormat: w.numberFormat } : {}),
      };
  }
  // Decided corrections, then text numbers in input cells: written back as numbers.
  const conversions: CellWrite[] = corrections.map(correctionWrite);
  for (const c of corrections) {
    for (const f of findings)
      if (f.cell === c.cell && f.severity === "error") {
        f.expected = c.value;
        f.fix = { value: c.value, numberFormat: "#,##0" };
      }
  }
  for (const f of findings) {
    if (f.rule !== "number-as-text" || f.expected === null || derivedAt(f.cell)) continue;
    if (conversions.some((w) => w.cell === f.cell)) continue;
    const kind = ctx.kindOf.get(refKey(parseA1(f.cell)));
    const write: CellWrite = {
      sheet: grid.sheet,
      cell: f.cell,
      value: f.expected,
      numberFormat: kind === "rate" ? "0.00" : "#,##0",
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
    get report(): TableReport {
      return (report ??= makeReport());
    },
    get derived(): CellWrite[] {
      if (!derived) {
        derived = [];
        for (const rel of primary.values()) {
          const w = writeFor(rel);
          if (w) derived.push(w);
        }
      }
      return derived;
    },
  };
}

export function analyzeGrid(grid: Grid, options: AnalyzeOptions = {}): TableAnalysis[] {
  return detectLayout(grid, options.overrides).map((t) => analyzeTable(grid, t, options));
}

/**
 * What a fix writes: every derived cell's formula and correct value, and text numbers as numbers. Input cells
 * with a likely typo are not changed: they are listed as undecided.
 */
export function fixPlan(analyses: TableAnalysis[]): WritePlan {
  const writes: CellWrite[] = [];
  const undecided: Finding[] = [];
  for (const a of analyses) {
    const derivedCells = new Set([...a.derived, ...a.conversions].map((w) => w.cell));
    writes.push(...a.conversions, ...a.derived);
    for (const f of a.findings) {
      if (f.severity === "error" && !derivedCells.has(f.cell) && f.rule !== "number-as-text")
        undecided.push(f);
    }
  }
  return WritePlanSchema.parse({ writes, undecided });
}

export { relationCells, compressRefs };
