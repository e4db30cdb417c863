// The table context every rule reads (cells, number readings, kinds, decimals) and the one way to make a finding.
// Rules import this module, never the pipeline (analyze.ts), so the layers only call downward.
import { type Grid, a1, cellAt } from "./grid";
import type { AnalyzeOptions, Table } from "./model";
import { type NumberReading, decimalsOf, formatDecimals, readNumber } from "./numbers";
import type { Finding, RuleId, Severity } from "./report";
import { type Ref, type Relation, cellKey, keyCol, keyRow, refKey } from "./relations";
import { COUNT_ROLES, RATE_ROLES } from "./vocabulary";
import type { Blame } from "./locate";
import type { Doubt } from "./confirm";
import type { Explanation } from "./explain";

/** Per-cell storage over a table's rectangle, addressed by refKey: arrays, not maps, on the hot path. */
class CellTable<T> {
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
  readings: CellTable<NumberReading>;
  kindOf: { get(key: number): "count" | "rate" | undefined };
  decimals: (r: Ref) => number;
  value: (r: Ref) => number | undefined;
  /** A rate cell stored as a fraction under a percent format (0.0579 shown 5,79%): read ×100, written ÷100. */
  isPercentCell: (r: Ref) => boolean;
  /** The percent format most numbers of a rate column show fractions with ("0.00%"), or undefined. */
  columnPercentFormat: (col: number) => string | undefined;
}

/** What the families of one analysis share while the pipeline runs (rules/index.ts runs them in order). */
export interface RuleRun {
  relations: Relation[];
  /** The relation that defines each derived cell's formula, by refKey. */
  primary: Map<number, Relation>;
  /** Findings of the families that ran before. */
  findings: Finding[];
  /** Findings on the cells blame located (inputs and derived cells), for the corrections. */
  blamed: Finding[];
  /** What the locator decided (locate/), consequences included: the corrections list is made from it. */
  located?: Blame[];
  /** Readings the data did not confirm (confirm.ts): their relations were dropped. */
  doubts: Doubt[];
  /** Failures the data explains (explain.ts): copied columns, relations adopted instead of the header's. */
  explanations?: Explanation[];
  /** Keys (refKey) of the cells the user confirmed: the locator never changes them. */
  confirmed?: ReadonlySet<number>;
  /** The sheet's text was typed in a legacy encoding and decoded for reading. */
  legacy?: { encoding: "tcvn3" | "vni"; cell: string; text?: string };
}

const formatDecimalsCache = new Map<string, number | undefined>();
function cachedFormatDecimals(format: string | undefined): number | undefined {
  if (format === undefined) return undefined;
  if (!formatDecimalsCache.has(format)) formatDecimalsCache.set(format, formatDecimals(format));
  return formatDecimalsCache.get(format);
}

export function buildContext(grid: Grid, table: Table, options: AnalyzeOptions): TableContext {
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
      let reading = readNumber(cell?.value, kind);
      // The percentage shown, not the fraction stored: 0.0579 under "0.00%" is read 5.79 with two decimals.
      if (
        kind === "rate" &&
        reading.status === "ok" &&
        !reading.fromText &&
        isPercentFormat(cell?.numberFormat)
      )
        reading = { ...reading, value: Number((reading.value * 100).toPrecision(12)) };
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
      // Text shows exactly what was typed, trailing zeros included ("1.0", "3.0", "13,70"): it is checked at the
      // decimals it shows, as the official reads it (fewer decimals than the column is a convention, not a fault).
      return reading.textDecimals;
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
  const isPercentCell = (r: Ref): boolean =>
    kindByCol.get(r.col) === "rate" && isPercentFormat(cellAt(grid, r.row, r.col)?.numberFormat);
  // A rate column's convention: the percent format most of its numbers are shown with (fractions), if any.
  const percentFormats = new Map<number, string | undefined>();
  const columnPercentFormat = (col: number): string | undefined => {
    if (percentFormats.has(col)) return percentFormats.get(col);
    let numbers = 0;
    const counts = new Map<string, number>();
    if (kindByCol.get(col) === "rate")
      for (const row of table.rows) {
        const cell = cellAt(grid, row.row, col);
        if (typeof cell?.value !== "number") continue;
        numbers++;
        if (isPercentFormat(cell.numberFormat))
          counts.set(cell.numberFormat!, (counts.get(cell.numberFormat!) ?? 0) + 1);
      }
    let best: string | undefined;
    let most = 0;
    for (const [f, n] of counts)
      if (n > most) {
        best = f;
        most = n;
      }
    const out = most * 2 > numbers ? best : undefined;
    percentFormats.set(col, out);
    return out;
  };
  return { grid, table, readings, kindOf, decimals, value, isPercentCell, columnPercentFormat };
}

/** "0.00%", "0.0%", "0%": a number format that shows a fraction as a percentage. */
export function isPercentFormat(format: string | undefined): boolean {
  return (
    !!format &&
    /%/.test(
      format
        .split(";")[0]
        .replace(/"[^"]*"/g, "")
        .replace(/\\%/g, ""),
    )
  );
}

export function rawActual(grid: Grid, r: Ref): number | string | null {
  const cell = cellAt(grid, r.row, r.col);
  const v = cell?.value;
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string") return v;
  if (typeof v === "boolean") return String(v);
  return v.error;
}

/** What a finding's sentence is made from besides cell, actual and expected; see src/i18n/findings.ts. */
export interface FindingParams {
  /** The relation as written in a message: "D8/C8×100", "C9:C15", "C12−I12". */
  relation?: string;
  /** An input blamed for the relations whose targets are these cells ("C9, E10"). */
  targets?: string;
  formula?: string;
  pattern?: string;
  whole?: number;
  wholeCell?: string;
  [key: string]: string | number | undefined;
}

/** Findings are data: rule, cell, values, related cells, parameters. Sentences are made at the edge. */
export function makeFinding(
  ctx: TableContext,
  rule: RuleId,
  severity: Severity,
  ref: Ref,
  expected: number | null,
  related: string[],
  params: FindingParams = {},
): Finding {
  const actual = rawActual(ctx.grid, ref);
  const finding: Finding = { rule, severity, cell: a1(ref.row, ref.col), actual, expected, related };
  const kept: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined) kept[k] = v;
  if (Object.keys(kept).length) finding.params = kept;
  if (ctx.kindOf.get(refKey(ref)) === "rate") {
    finding.decimals = ctx.decimals(ref);
    // A fraction under a percent format is shown to people as the percentage they see (0.0485 → 4,85%).
    const shown = ctx.value(ref);
    if (ctx.isPercentCell(ref) && shown !== undefined) finding.params = { ...finding.params, percent: shown };
  }
  return finding;
}
