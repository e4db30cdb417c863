// What could not be read, said out loud: a sheet that holds numbers but no table the engine recognised, numbers
// outside every table it read, and rows inside a table's range that it did not read as rows. A checker that says
// "no errors" about a table it did not read is worse than none: the hosts print these, and `check` exits with its
// own status when nothing else is wrong.
import { type Grid, gridRight, rangeA1 } from "./grid";
import type { Table } from "./model";

export interface Unread {
  sheet: string;
  /** The part not read (A1 range); absent when it is the whole sheet. */
  range?: string;
  /**
   * "no-table": numbers but no table; "outside": numbers outside the tables read; "rows": rows of a table skipped;
   * "columns": a column of a table holding numbers under a heading not understood (a column read as "other", a year
   * heading of a table read transposed), not read.
   */
  reason: "no-table" | "outside" | "rows" | "columns";
  /** For "rows": the table's rows read, and the rows with numbers in its range. */
  rowsRead?: number;
  rowsTotal?: number;
}

/** A number as typed or pasted: a number, or text made of digits and separators ("1.518", "5,79%"). */
function isNumeric(v: unknown): boolean {
  if (typeof v === "number") return Number.isFinite(v);
  return typeof v === "string" && /^\s*[-+]?\d[\d.,\s]*%?\s*$/.test(v);
}

/** Rows of the sheet with at least two numbers, each with its numeric columns. */
function numericRows(grid: Grid): Map<number, number[]> {
  const out = new Map<number, number[]>();
  grid.cells.forEach((row, i) => {
    if (!row) return;
    const cols: number[] = [];
    row.forEach((cell, j) => {
      if (cell && !cell.formula && isNumeric(cell.value)) cols.push(grid.left + j);
      else if (cell?.formula && typeof cell.value === "number") cols.push(grid.left + j);
    });
    if (cols.length >= 2) out.set(grid.top + i, cols);
  });
  return out;
}

export function unreadParts(grid: Grid, tables: readonly Table[]): Unread[] {
  const rows = numericRows(grid);
  if (rows.size === 0) return [];
  if (tables.length === 0) return rows.size >= 2 ? [{ sheet: grid.sheet, reason: "no-table" }] : [];
  const out: Unread[] = [];
  // Cells already said as an unread column of a transposed table: not said again as outside.
  const saidColumns = new Set<string>();
  const inTable = (row: number, col: number) =>
    saidColumns.has(`${row}:${col}`) ||
    tables.some(
      (t) => row >= t.range.top && row <= t.range.bottom && col >= t.range.left && col <= t.range.right,
    );
  for (const t of tables) out.push(...unreadColumns(grid, t, saidColumns));
  for (const t of tables) {
    const read = new Set(t.transposed ? t.transposed.rows : t.rows.map((r) => r.row));
    const skipped = new Set<number>([...t.headerRows, ...(t.skippedRows ?? [])]);
    if (t.numberingRow) skipped.add(t.numberingRow);
    let total = read.size;
    for (const row of rows.keys())
      if (row > t.range.top && row <= t.range.bottom && !read.has(row) && !skipped.has(row)) total++;
    if (total > read.size)
      out.push({
        sheet: grid.sheet,
        range: rangeA1(t.range),
        reason: "rows",
        rowsRead: read.size,
        rowsTotal: total,
      });
  }
  // Numbers outside every table: two rows or more, as one range.
  let box: { top: number; left: number; bottom: number; right: number } | undefined;
  let count = 0;
  for (const [row, cols] of rows) {
    const outside = cols.filter((c) => !inTable(row, c));
    if (outside.length < 2) continue;
    count++;
    const l = Math.min(...outside);
    const r = Math.max(...outside);
    box = box
      ? {
          top: Math.min(box.top, row),
          left: Math.min(box.left, l),
          bottom: Math.max(box.bottom, row),
          right: Math.max(box.right, r),
        }
      : { top: row, left: l, bottom: row, right: r };
  }
  if (box && count >= 2) out.push({ sheet: grid.sheet, range: rangeA1(box), reason: "outside" });
  return out;
}

/**
 * A table read transposed (years as columns): every column right of its labels that holds numbers on the rows it
 * read and is not one of the years it read (a heading not understood, "Giai đoạn 2021-2025"), one per column.
 */
function unreadColumns(grid: Grid, t: Table, said: Set<string>): Unread[] {
  if (!t.transposed) return unreadOtherColumns(grid, t, said);
  const { rows, columns, labelColumn } = t.transposed;
  const read = new Set(columns);
  const out: Unread[] = [];
  const right = gridRight(grid);
  for (let col = labelColumn + 1; col <= right; col++) {
    if (read.has(col)) continue;
    const hits = rows.filter((row) => {
      const cell = grid.cells[row - grid.top]?.[col - grid.left];
      return !!cell && (isNumeric(cell.value) || (!!cell.formula && typeof cell.value === "number"));
    });
    if (hits.length === 0) continue;
    for (const row of hits) said.add(`${row}:${col}`);
    const top = Math.min(t.range.top, ...hits);
    const bottom = Math.max(...hits);
    out.push({
      sheet: grid.sheet,
      range: rangeA1({ top, left: col, bottom, right: col }),
      reason: "columns",
    });
  }
  return out;
}

/**
 * A table read the usual way: a column whose heading was not understood (role "other") and that holds numbers on
 * the table's rows was not checked ("Năm sinh", a code, a tick column's total), one per column.
 */
function unreadOtherColumns(grid: Grid, t: Table, said: Set<string>): Unread[] {
  const out: Unread[] = [];
  for (const c of t.columns) {
    if (c.role !== "other") continue;
    // Numbers on aggregate rows only (a count of ticks or TRUE flags under "Trên 5%") are the column's total of
    // what it marks, not figures of its own.
    const holds = (row: number) => {
      const cell = grid.cells[row - grid.top]?.[c.col - grid.left];
      return !!cell && (isNumeric(cell.value) || (!!cell.formula && typeof cell.value === "number"));
    };
    if (!t.rows.some((r) => (r.kind === "unit" || r.kind === "part") && holds(r.row))) continue;
    const hits = t.rows.map((r) => r.row).filter(holds);
    for (const row of hits) said.add(`${row}:${c.col}`);
    out.push({
      sheet: grid.sheet,
      range: rangeA1({ top: Math.min(...hits), left: c.col, bottom: Math.max(...hits), right: c.col }),
      reason: "columns",
    });
  }
  return out;
}
