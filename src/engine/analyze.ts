// Grid → tables → readings → relations → findings (with the right cell blamed) and derived cells.
import { type Grid, a1, cellAt, parseA1, rangeA1 } from "./grid";
import type { AnalyzeOptions, Lang, Table } from "./model";
import { type NumberReading, decimalsOf, formatDecimals, formatNumber, readNumber } from "./numbers";
import {
  type CellWrite,
  type Finding,
  type RuleId,
  type Severity,
  type TableReport,
  type WritePlan,
  WritePlanSchema,
} from "./report";
import {
  type Ref,
  type Relation,
  buildRelations,
  cellKey,
  keyCol,
  keyRow,
  partWholePairs,
  refKey,
  relationCells,
} from "./relations";
import { compressRefs, computeDerived, relationFormula } from "./recompute";
import { COUNT_ROLES, RATE_ROLES } from "./vocabulary";
import { detectTables as detectLayout } from "./detect/layout";
import { findingMessage, type MessageParams } from "../i18n/messages";
import { evaluate } from "./rules/relations";
import { blame } from "./blame";
import { formulaFindings } from "./rules/formulas";
import { impliedBaseFindings } from "./rules/implied";
import type { TableAnalysis } from "./index";

export function detectTables(grid: Grid, options: AnalyzeOptions = {}): Table[] {
  return detectLayout(grid, options.overrides);
}

/** Per-cell storage over a table's rectangle, addressed by refKey: arrays, not maps, on the hot path. */
export class CellTable<T> {
  private readonly items: (T | undefined)[];
  constructor(
    private readonly top: number,
    private readonly left: number,
    private readonly height: number,
    private readonly width: number,
  ) {
    this.items = new Array(Math.max(0, height * width));
  }
  private index(key: number): number {
    const row = keyRow(key) - this.top;
    const col = keyCol(key) - this.left;
    return row < 0 || col < 0 || row >= this.height || col >= this.width ? -1 : row * this.width + col;
  }
  get(key: number): T | undefined {
    const i = this.index(key);
    return i < 0 ? undefined : this.items[i];
  }
  set(key: number, value: T): void {
    const i = this.index(key);
    if (i >= 0) this.items[i] = value;
  }
}

/** Everything the rules need to know about a table's cells, computed once. */
export interface TableContext {
  grid: Grid;
  table: Table;
  lang: Lang;
  readings: CellTable<NumberReading>;
  kindOf: { get(key: number): "count" | "rate" | undefined };
  decimals: (r: Ref) => number;
  value: (r: Ref) => number | undefined;
  fmt: (x: number | undefined, r?: Ref) => string;
}

const formatDecimalsCache = new Map<string, number | undefined>();
function cachedFormatDecimals(format: string | undefined): number | undefined {
  if (format === undefined) return undefined;
  if (!formatDecimalsCache.has(format)) formatDecimalsCache.set(format, formatDecimals(format));
  return formatDecimalsCache.get(format);
}

export function buildContext(grid: Grid, table: Table, options: AnalyzeOptions): TableContext {
  const lang = options.lang ?? "vi";
  const { top, left, bottom, right } = table.range;
  const height = bottom - top + 1;
  const width = right - left + 1;
  const readings = new CellTable<NumberReading>(top, left, height, width);
  const kindByCol = new Map<number, "count" | "rate">();
  const colDecimals = new Map<number, number>();
  for (const c of table.columns) {
    const kind = COUNT_ROLES.has(c.role) ? "count" : RATE_ROLES.has(c.role) ? "rate" : undefined;
    if (!kind) continue;
    kindByCol.set(c.col, kind);
    let maxDec = -1;
    for (const row of table.rows) {
      const cell = cellAt(grid, row.row, c.col);
      const reading = readNumber(cell?.value, kind);
      readings.set(cellKey(row.row, c.col), reading);
      if (kind === "rate" && reading.status === "ok" && !cell?.formula && maxDec < 6) {
        const d = reading.fromText ? (reading.textDecimals ?? 0) : decimalsOf(reading.value);
        if (d > maxDec) maxDec = Math.min(d, 6);
      }
    }
    colDecimals.set(c.col, maxDec);
  }
  const kindOf = { get: (key: number) => kindByCol.get(keyCol(key)) };
  const fallback = options.rateDecimals ?? 2;
  const decimalsCache = new CellTable<number>(top, left, height, width);
  const computeDecimals = (r: Ref): number => {
    const cell = cellAt(grid, r.row, r.col);
    const fromFormat = cachedFormatDecimals(cell?.numberFormat);
    if (fromFormat !== undefined && options.rateDecimals === undefined) return fromFormat;
    const reading = readings.get(refKey(r));
    if (
      reading?.status === "ok" &&
      reading.fromText &&
      reading.textDecimals !== undefined &&
      options.rateDecimals === undefined
    )
      return Math.max(reading.textDecimals, colDecimals.get(r.col) ?? 0);
    if (options.rateDecimals !== undefined) return options.rateDecimals;
    const col = colDecimals.get(r.col) ?? -1;
    return col >= 0 ? col : fallback;
  };
  const decimals = (r: Ref): number => {
    const key = refKey(r);
    let d = decimalsCache.get(key);
    if (d === undefined) {
      d = computeDecimals(r);
      decimalsCache.set(key, d);
    }
    return d;
  };
  const value = (r: Ref): number | undefined => {
    const reading = readings.get(cellKey(r.row, r.col));
    return reading !== undefined && reading.status === "ok" ? reading.value : undefined;
  };
  const fmt = (x: number | undefined, r?: Ref): string => {
    if (x === undefined) return "";
    const isRate = r ? kindOf.get(refKey(r)) === "rate" : false;
    return formatNumber(x, lang, isRate && r ? Math.max(decimals(r), Math.min(decimalsOf(x), 6)) : undefined);
  };
  return { grid, table, lang, readings, kindOf, decimals, value, fmt };
}

export function rawActual(grid: Grid, r: Ref): number | string | null {
  const cell = cellAt(grid, r.row, r.col);
  const v = cell?.value;
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string") return v;
  if (typeof v === "boolean") return String(v);
  return v.error;
}

export function makeFinding(
  ctx: TableContext,
  rule: RuleId,
  severity: Severity,
  ref: Ref,
  expected: number | null,
  related: string[],
  params: Partial<MessageParams> = {},
  template: RuleId | "input-typo" = rule,
): Finding {
  const actual = rawActual(ctx.grid, ref);
  const shownActual =
    typeof actual === "number" ? ctx.fmt(actual, ref) : actual === null ? "(trống)" : String(actual);
  const message = findingMessage(
    template,
    {
      cell: a1(ref.row, ref.col),
      actual: ctx.lang === "en" && actual === null ? "(empty)" : shownActual,
      expected: expected === null ? undefined : ctx.fmt(expected, ref),
      related: related.join(", "),
      ...params,
    },
    ctx.lang,
  );
  return { rule, severity, cell: a1(ref.row, ref.col), actual, expected, message, related };
}

function valueFindings(ctx: TableContext, derivedKeys: { has(key: number): boolean }): Finding[] {
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
        if (kind === "count" ? v >= 0 && Number.isInteger(v) : v >= 0 && v <= 100) continue;
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
          } else if (reading.value < 0) {
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

function partWholeFindings(ctx: TableContext, blamed: Set<string>): Finding[] {
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
          whole: ctx.fmt(wv, w),
          wholeCell: a1(w.row, w.col),
        }),
      );
    }
  }
  return out;
}

const ERROR_PRIORITY: RuleId[] = [
  "formula-error",
  "malformed-number",
  "non-integer-count",
  "negative-count",
  "sum-mismatch",
  "rate-mismatch",
  "reduction-mismatch",
  "projection-mismatch",
  "count-exceeds-total",
  "reduction-exceeds-poor",
  "rate-out-of-range",
];

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
    errors.sort((a, b) => ERROR_PRIORITY.indexOf(a.rule) - ERROR_PRIORITY.indexOf(b.rule));
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

  const findings: Finding[] = [];
  findings.push(...valueFindings(ctx, primary));

  // Relations: evaluate, then blame the fewest cells that explain every broken relation.
  const evaluation = evaluate(ctx, relations);
  findings.push(...evaluation.findings);
  const blamed = blame(ctx, relations, evaluation.violated, primary, evaluation.soft);
  findings.push(...blamed.findings);
  // A rate that looked truncated only because of a wrong input is not a rounding problem.
  for (const [rel, f] of evaluation.softFindings) if (!blamed.resolvedSoft.has(rel)) findings.push(f);
  const blamedCells = new Set(findings.filter((f) => f.severity === "error").map((f) => f.cell));
  findings.push(...partWholeFindings(ctx, blamedCells));
  findings.push(...formulaFindings(ctx, primary));
  findings.push(...impliedBaseFindings(ctx));

  // A count typed as 1.518 whose relations independently give 1518 is decided: the fix corrects it, and the
  // derived cells are computed from the corrected value. A typo the relations alone point at is left to the user.
  const corrections = new Map<number, number>();
  for (const f of findings) {
    if (f.rule !== "non-integer-count" || f.expected === null) continue;
    const confirmed = blamed.findings.some((b) => b.cell === f.cell && b.expected === f.expected);
    if (confirmed) corrections.set(refKey(parseA1(f.cell)), f.expected);
  }
  const inputValue = (r: Ref): number | undefined => corrections.get(refKey(r)) ?? ctx.value(r);

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
  // Text numbers in input cells, and decided corrections: written back as numbers.
  const conversions: CellWrite[] = [];
  for (const f of findings) {
    if (f.rule !== "non-integer-count" || f.expected === null || !corrections.has(refKey(parseA1(f.cell))))
      continue;
    const write: CellWrite = { sheet: grid.sheet, cell: f.cell, value: f.expected, numberFormat: "#,##0" };
    f.fix = { value: write.value, numberFormat: write.numberFormat };
    conversions.push(write);
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
    // Not push(...): 400,000 derived cells of a 200,000-row table overflow the call stack.
    for (const w of a.conversions) writes.push(w);
    for (const w of a.derived) writes.push(w);
    for (const f of a.findings) {
      if (f.severity === "error" && !derivedCells.has(f.cell) && f.rule !== "number-as-text")
        undecided.push(f);
    }
  }
  return WritePlanSchema.parse({ writes, undecided });
}

export { relationCells, compressRefs };
