// What a table holds, row by row, as the official reads it: the number each cell shows (a rate under a percent
// format as its percentage), keyed by column role and period so that tables of different layouts line up.
import { type Grid, a1, cellAt } from "../grid";
import type { Column, Table } from "../model";
import { decimalsOf, formatDecimals, readNumber } from "../numbers";
import { isPercentFormat } from "../context";
import { COUNT_ROLES, RATE_ROLES } from "../vocabulary";
import type { ColumnRole, RowKind } from "../report";

export type PeriodKind = "start" | "end" | "plan" | "estimate" | "year" | "";

/** A column as consolidation and comparison see it: its role and its period, not its position. */
export interface ValueColumn {
  /** role|kind|year offset from the table's year ("" when the header names no year). */
  key: string;
  role: ColumnRole;
  kind: PeriodKind;
  year?: number;
  col: number;
  letter: string;
  header: string;
  rate: boolean;
}

export interface ValueRow {
  row: number;
  kind: RowKind;
  label: string;
  number: string;
  /** By column key: the number shown, or null when the cell is empty or unreadable. */
  values: Map<string, number | null>;
  /** Decimals shown, by column key (rates). */
  decimals: Map<string, number>;
  /** Text of the cells that are not numbers (a typed "Đạt"), by column letter. */
  texts: Map<string, string>;
}

export interface TableValues {
  year?: number;
  columns: ValueColumn[];
  rows: ValueRow[];
}

/** "start 2023" → { kind: "start", year: 2023 }; "2024" → { kind: "year", year: 2024 }; "" → { kind: "" }. */
function parsePeriod(period: string): { kind: PeriodKind; year?: number } {
  const m = /^(start|end|plan|estimate)?\s*((?:19|20)\d\d)?$/.exec(period.trim());
  if (!m) return { kind: "" };
  const year = m[2] ? Number(m[2]) : undefined;
  const kind: PeriodKind = (m[1] as PeriodKind | undefined) ?? (year !== undefined ? "year" : "");
  return year !== undefined ? { kind, year } : { kind };
}

/** The year a table speaks of: the first year of its title, else the latest year its headers name. */
export function tableYear(table: Table): number | undefined {
  const inTitle = /\b((?:19|20)\d\d)\b/.exec(table.title);
  if (inTitle) return Number(inTitle[1]);
  const years = table.columns.map((c) => parsePeriod(c.period).year).filter((y): y is number => !!y);
  return years.length ? Math.max(...years) : undefined;
}

function keyOf(
  role: ColumnRole,
  kind: PeriodKind,
  year: number | undefined,
  base: number | undefined,
): string {
  const offset = year !== undefined && base !== undefined ? String(year - base) : "";
  return `${role}|${kind}|${offset}`;
}

/** Number columns only (counts and rates); a second column of the same key gets "#2". */
function valueColumns(table: Table, year = tableYear(table)): ValueColumn[] {
  const out: ValueColumn[] = [];
  const seen = new Set<string>();
  for (const c of table.columns) {
    const rate = RATE_ROLES.has(c.role);
    if (!rate && !COUNT_ROLES.has(c.role)) continue;
    const p = parsePeriod(c.period);
    let key = keyOf(c.role, p.kind, p.year, year);
    for (let k = 2; seen.has(key); k++) key = `${keyOf(c.role, p.kind, p.year, year)}#${k}`;
    seen.add(key);
    out.push({
      key,
      role: c.role,
      kind: p.kind,
      ...(p.year !== undefined ? { year: p.year } : {}),
      col: c.col,
      letter: c.letter,
      header: c.header,
      rate,
    });
  }
  return out;
}

/** The number a cell shows: counts as read ("1.518" text → 1518), rates as percentages (0.0579 under % → 5.79). */
export function shownNumber(grid: Grid, row: number, column: Pick<Column, "col">, rate: boolean) {
  const cell = cellAt(grid, row, column.col);
  const reading = readNumber(cell?.value, rate ? "rate" : "count");
  if (reading.status !== "ok") return { value: null as number | null, decimals: 0 };
  let value = reading.value;
  const percent = rate && !reading.fromText && isPercentFormat(cell?.numberFormat);
  if (percent) value = Number((value * 100).toPrecision(12));
  const fromFormat = formatDecimals(cell?.numberFormat);
  const decimals =
    reading.fromText && reading.textDecimals !== undefined
      ? reading.textDecimals
      : fromFormat !== undefined
        ? Math.max(0, fromFormat - (percent ? 2 : 0))
        : decimalsOf(value);
  return { value, decimals };
}

/** Every body row of the table with the numbers it shows. */
export function tableValues(table: Table, grid: Grid): TableValues {
  const year = tableYear(table);
  const columns = valueColumns(table, year);
  const textCols = table.columns.filter((c) => c.role === "other" || c.role === "note");
  const rows: ValueRow[] = table.rows.map((r) => {
    const values = new Map<string, number | null>();
    const decimals = new Map<string, number>();
    for (const c of columns) {
      const shown = shownNumber(grid, r.row, c, c.rate);
      values.set(c.key, shown.value);
      if (c.rate) decimals.set(c.key, shown.decimals);
    }
    const texts = new Map<string, string>();
    for (const c of textCols) {
      const v = cellAt(grid, r.row, c.col)?.value;
      if (typeof v === "string" && v.trim()) texts.set(c.letter, v.trim());
    }
    return { row: r.row, kind: r.kind, label: r.label, number: r.number, values, decimals, texts };
  });
  return { ...(year !== undefined ? { year } : {}), columns, rows };
}

export function cellOf(row: number, column: { col: number }): string {
  return a1(row, column.col);
}
