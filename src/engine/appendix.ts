// An appendix table as a host-neutral layout; the ExcelJS and Office.js adapters both render it.
// (Placeholder contract: the appendix issue fills in buildAppendix.)
import type { CellRange } from "./grid";

export interface AppendixCellStyle {
  bold?: boolean;
  italic?: boolean;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle" | "bottom";
  wrap?: boolean;
  numberFormat?: string;
  border?: boolean;
  fontSize?: number;
}

export interface AppendixCell {
  row: number;
  col: number;
  value: number | string | null;
  formula?: string;
  style?: AppendixCellStyle;
}

export interface AppendixLayout {
  sheetName: string;
  cells: AppendixCell[];
  merges: CellRange[];
  /** Widths in Excel character units, column 1 first. */
  columnWidths: number[];
  /** First and last sheet rows of the header, repeated on every printed page. */
  printTitleRows: [number, number];
  page: { paper: "A4"; orientation: "portrait" | "landscape"; fitToWidth: true };
  fontName: string;
}
