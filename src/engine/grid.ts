// A sheet as the engine sees it: cells with value, formula, number format and displayed text, plus merged areas.
// Every host (Office.js, ExcelJS) reads into this shape; the engine never sees a host object.

export interface ErrorValue {
  error: string; // "#DIV/0!", "#REF!", ...
}

export type CellValue = number | string | boolean | null | ErrorValue;

export interface Cell {
  /** The typed or cached value. Text stays text: the engine decides how to read it. */
  value: CellValue;
  /** The formula with its leading "=", English function names and comma separators (Office.js `formulas`). */
  formula?: string;
  numberFormat?: string;
  /** Displayed text, when the host knows it. */
  text?: string;
  bold?: boolean;
}

/** 1-based, inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  sheet: string;
  /** Sheet row and column (1-based) of cells[0][0]. */
  top: number;
  left: number;
  /** Row-major; a missing row or cell is empty. */
  cells: (Cell | undefined)[][];
  merges: CellRange[];
}

export function isErrorValue(v: unknown): v is ErrorValue {
  return typeof v === "object" && v !== null && typeof (v as ErrorValue).error === "string";
}

export function gridBottom(grid: Grid): number {
  return grid.top + Math.max(grid.cells.length, 1) - 1;
}

export function gridRight(grid: Grid): number {
  let width = 1;
  for (const row of grid.cells) if (row && row.length > width) width = row.length;
  return grid.left + width - 1;
}

export function cellAt(grid: Grid, row: number, col: number): Cell | undefined {
  const r = grid.cells[row - grid.top];
  return r ? r[col - grid.left] : undefined;
}

/** The value shown at (row, col), taking merged areas into account (a merged area shows its top-left cell). */
export function mergedCellAt(grid: Grid, row: number, col: number): Cell | undefined {
  const m = mergeAt(grid, row, col);
  return m ? cellAt(grid, m.top, m.left) : cellAt(grid, row, col);
}

export function mergeAt(grid: Grid, row: number, col: number): CellRange | undefined {
  for (const m of grid.merges) {
    if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m;
  }
  return undefined;
}

/** Text of a cell as a person would read it: displayed text, else the value. */
export function cellText(cell: Cell | undefined): string {
  if (!cell) return "";
  if (cell.text !== undefined && cell.text !== "") return cell.text;
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (isErrorValue(v)) return v.error;
  return String(v);
}

export function columnLetter(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

export function parseA1(ref: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) throw new Error(`Not an A1 address: ${ref}`);
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}

export function rangeA1(r: CellRange): string {
  const start = a1(r.top, r.left);
  const end = a1(r.bottom, r.right);
  return start === end ? start : `${start}:${end}`;
}

export function parseRangeA1(ref: string): CellRange {
  const [s, e] = ref.split(":");
  const start = parseA1(s);
  const end = e ? parseA1(e) : start;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

export interface GridLiteralOptions {
  top?: number;
  left?: number;
  merges?: string[];
  /** A1 address → number format. */
  formats?: Record<string, string>;
  /** A1 address → cached value of a formula cell (the literal holds the formula). */
  cached?: Record<string, CellValue>;
}

/**
 * Builds a grid from rows of plain values, for tests and generators: a string starting with "=" is a formula
 * (its cached value from `options.cached`, else null), `{error: "#DIV/0!"}` an error value.
 */
export function gridFromRows(sheet: string, rows: unknown[][], options: GridLiteralOptions = {}): Grid {
  const top = options.top ?? 1;
  const left = options.left ?? 1;
  const cells: (Cell | undefined)[][] = rows.map((row, i) =>
    row.map((v, j) => {
      if (v === undefined || v === null || v === "") return undefined;
      const addr = a1(top + i, left + j);
      const numberFormat = options.formats?.[addr];
      if (typeof v === "string" && v.startsWith("=")) {
        return { value: options.cached?.[addr] ?? null, formula: v, numberFormat };
      }
      const cell: Cell = { value: v as CellValue };
      if (numberFormat) cell.numberFormat = numberFormat;
      return cell;
    }),
  );
  return { sheet, top, left, cells, merges: (options.merges ?? []).map(parseRangeA1) };
}
