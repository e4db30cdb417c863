// What could not be read, said out loud: a sheet that holds numbers but no table the engine recognised, numbers
// outside every table it read, and rows inside a table's range that it did not read as rows. A checker that says
// "no errors" about a table it did not read is worse than none: the hosts print these, and `check` exits with its
// own status when nothing else is wrong.
import { type Cell, type Grid, gridRight, rangeA1 } from "./grid";
import { normalize } from "./vocabulary";
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

/** A cell holding a number: typed or pasted (isNumeric), or a formula's cached number. */
function holdsNumber(cell: Cell | undefined): boolean {
  return !!cell && (cell.formula ? typeof cell.value === "number" : isNumeric(cell.value));
}

const at = (grid: Grid, row: number, col: number) => grid.cells[row - grid.top]?.[col - grid.left];

/** Rows of the sheet with at least two numbers, each with its numeric columns. */
function numericRows(grid: Grid): Map<number, number[]> {
  const out = new Map<number, number[]>();
  grid.cells.forEach((row, i) => {
    if (!row) return;
    const cols: number[] = [];
    row.forEach((cell, j) => {
      if (holdsNumber(cell)) cols.push(grid.left + j);
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
    const hits = rows.filter((row) => holdsNumber(at(grid, row, col)));
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

/** Words of a heading that name a poverty figure ("Hộ nghèo", "Tỷ lệ giảm", "Nhân khẩu"): a column so headed that
 *  the reading could not place holds figures left unchecked. "Mã xã", "Số thôn", "Diện tích", "Năm sinh" do not. */
const FIGURE_WORDS = /\b(ho|ngheo|can ngheo|ty le|khau|thoat|giam|tai ngheo|phat sinh)\b/;

/**
 * A table read the usual way: a column whose heading names a poverty figure but was not placed (role "other") and
 * that holds numbers on the table's rows was not checked: a tick column's count, "Hộ nghèo" typed as "x". A
 * descriptive column (a code, a count of villages, an area) is not a figure the table is checked for, and is not said.
 */
function unreadOtherColumns(grid: Grid, t: Table, said: Set<string>): Unread[] {
  const out: Unread[] = [];
  for (const c of t.columns) {
    if (c.role !== "other" || !FIGURE_WORDS.test(normalize(c.header))) continue;
    const hits = t.rows.map((r) => r.row).filter((row) => holdsNumber(at(grid, row, c.col)));
    if (hits.length === 0) continue;
    for (const row of hits) said.add(`${row}:${c.col}`);
    out.push({
      sheet: grid.sheet,
      range: rangeA1({ top: Math.min(...hits), left: c.col, bottom: Math.max(...hits), right: c.col }),
      reason: "columns",
    });
  }
  return out;
}
