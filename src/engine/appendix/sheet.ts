// The sheet an appendix is built on: cells, merges and row heights kept together, its name, and how much room a
// text takes (widths in Excel character units, heights of wrapped rows).
import type { CellRange } from "../grid";
import type { Row } from "../model";
import { toRoman } from "../vocabulary";
import { BODY_ROW_HEIGHT, TABLE_FONT_SIZE } from "./style";
import type { AppendixCell, AppendixCellStyle } from "./types";

const INVALID_SHEET_CHARS = /[\\/?*[\]:]/g;

/** A sheet name Excel accepts (31 characters, no \ / ? * [ ] :) that no existing sheet has (case-insensitive). */
export function uniqueSheetName(base: string, existing: readonly string[]): string {
  const clean =
    base
      .replace(INVALID_SHEET_CHARS, " ")
      .replace(/^'+|'+$/g, "")
      .trim() || "Phụ lục";
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const fit = (name: string, suffix: string) => name.slice(0, 31 - suffix.length).trimEnd() + suffix;
  let name = fit(clean, "");
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = fit(clean, ` (${k})`);
  return name;
}

/** Length a text takes in Excel character units (Vietnamese diacritics do not widen a letter). */
export function textWidth(text: string): number {
  return [...text.normalize("NFC")].length;
}

export function longestWord(text: string): number {
  return Math.max(0, ...text.split(/\s+/).map(textWidth));
}

/** Estimated height in points of a row whose cells wrap, from the text length and the width it has. */
export function wrappedHeight(text: string, width: number, fontSize: number): number {
  const perLine = Math.max(1, Math.floor(width * (12 / fontSize) * 1.05) - 1);
  let lines = 0;
  for (const part of text.split("\n")) {
    let current = 0;
    lines++;
    for (const word of part.split(/\s+/).filter(Boolean)) {
      const w = textWidth(word);
      if (current === 0) current = w;
      else if (current + 1 + w <= perLine) current += 1 + w;
      else {
        lines++;
        current = w;
      }
      while (current > perLine) {
        lines++;
        current -= perLine;
      }
    }
  }
  return Math.ceil(lines * fontSize * 1.3 + 4);
}

/** Builder that keeps cells, merges and row heights together. */
export class Sheet {
  cells = new Map<string, AppendixCell>();
  merges: CellRange[] = [];
  heights: Record<number, number> = {};
  set(
    row: number,
    col: number,
    value: number | string | null,
    style: AppendixCellStyle,
    formula?: string,
  ): void {
    const cell: AppendixCell = { row, col, value, style };
    if (formula) cell.formula = formula;
    this.cells.set(`${row}:${col}`, cell);
  }
  merge(r: CellRange): void {
    if (r.top === r.bottom && r.left === r.right) return;
    this.merges.push(r);
  }
  minHeight(row: number, h: number): void {
    this.heights[row] = Math.max(this.heights[row] ?? 0, h);
  }
  list(): AppendixCell[] {
    return [...this.cells.values()].sort((a, b) => a.row - b.row || a.col - b.col);
  }
}

/** Row heights of wrapped header cells and long labels, from the final column widths. */
export function finishHeights(sheet: Sheet, headerStart: number, headerEnd: number, widths: number[]): void {
  const mergeOf = (row: number, col: number) =>
    sheet.merges.find((m) => m.top <= row && m.bottom >= row && m.left <= col && m.right >= col);
  for (const cell of sheet.cells.values()) {
    if (typeof cell.value !== "string" || !cell.style?.wrap || cell.row < headerStart) continue;
    const m = mergeOf(cell.row, cell.col);
    const span = m ? widths.slice(m.left - 1, m.right).reduce((a, b) => a + b, 0) : widths[cell.col - 1];
    const rows = m ? m.bottom - m.top + 1 : 1;
    const h = wrappedHeight(cell.value, span, cell.style.fontSize ?? TABLE_FONT_SIZE) / rows;
    const min = cell.row <= headerEnd ? 20 : BODY_ROW_HEIGHT;
    for (let r = cell.row; r < cell.row + rows; r++) sheet.minHeight(r, Math.max(Math.ceil(h), min));
  }
  // Every body row gets an explicit height: spreadsheets do not all fit rows to a 12 pt Times New Roman on load.
  for (const cell of sheet.cells.values())
    if (cell.row >= headerStart) sheet.minHeight(cell.row, BODY_ROW_HEIGHT);
}

/** Number shown in the STT column: groups get Roman numerals when the source gave none. */
export function rowNumberText(row: Row, groupIndex: number): string {
  if (row.number) return row.number;
  if (row.kind === "group") return toRoman(groupIndex);
  return "";
}
