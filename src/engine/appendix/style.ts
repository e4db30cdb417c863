// The look of an official appendix (phụ lục) in ONE place, from Nghị định 30/2020/NĐ-CP and how appendices are
// typed: Times New Roman, 12 pt tables, 14 pt bold title, 13 pt italic "(Kèm theo ...)" line, thin black borders,
// A4, margins top/bottom 20 mm, left 30 mm, right 15 mm, centred across the page, fitted to one page wide, the
// header rows repeated on every page and frozen on screen, no gridlines, and the date line and signature block under
// the table. The engine's layout (the other modules of this folder) carries the content; every renderer (ExcelJS in
// hosts/xlsx, Office.js in hosts/office) draws what pageSetupOf() says and decides nothing of its own. The number
// formats, cell styles and page of every appendix (the consolidated one too) are read from here.
import type { Row } from "../model";
import { isPercentFormat } from "../context";
import type { NumberKind } from "../numbers";
import type { AppendixCellStyle, AppendixLayout } from "./types";

export const APPENDIX_LOOK = {
  fontName: "Times New Roman",
  fontSize: { table: 12, numbering: 11, title: 14, subtitle: 13, signature: 13 },
  /** Body rows are at least this tall (points): spreadsheets do not all fit rows to 12 pt Times New Roman. */
  bodyRowHeight: 18,
  paper: "A4" as const,
  /** Nghị định 30/2020, Phụ lục II: top 20-25, bottom 20-25, left 30-35, right 15-20 mm; the low end of each. */
  marginsMm: { top: 20, bottom: 20, left: 30, right: 15, header: 8, footer: 8 },
  centerHorizontally: true,
  showGridlines: false,
  border: { style: "thin" as const, color: "#000000" },
};

const MM_PER_INCH = 25.4;
const A4_MM = { width: 210, height: 297 };
/** Excel character units → points (Calibri 11 maximum digit width 7 px, 5 px padding; 1 px = 0.75 pt). */
export function widthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

export interface PageSetup {
  paper: "A4";
  orientation: "portrait" | "landscape";
  margins: {
    inches: Record<keyof typeof APPENDIX_LOOK.marginsMm, number>;
    points: Record<keyof typeof APPENDIX_LOOK.marginsMm, number>;
  };
  centerHorizontally: boolean;
  /** One page wide; as many pages tall as needed (0 where the format has "automatic"). */
  fitToWidth: 1;
  fitToHeight: 0;
  /** For hosts that need a number of pages tall (Office.js): enough pages never to shrink the table further. */
  pagesTall: number;
  /** "first:last" sheet rows repeated on every printed page. */
  printTitleRows: [number, number];
  /** Rows frozen on screen (the title block and the header). */
  freezeRows: number;
  showGridlines: boolean;
}

export function pageSetupOf(layout: AppendixLayout): PageSetup {
  const m = APPENDIX_LOOK.marginsMm;
  const inches = Object.fromEntries(
    Object.entries(m).map(([k, v]) => [k, Math.round((v / MM_PER_INCH) * 100) / 100]),
  ) as PageSetup["margins"]["inches"];
  const points = Object.fromEntries(
    Object.entries(m).map(([k, v]) => [k, Math.round((v / MM_PER_INCH) * 72 * 10) / 10]),
  ) as PageSetup["margins"]["points"];
  const landscape = layout.page.orientation === "landscape";
  const paperW = landscape ? A4_MM.height : A4_MM.width;
  const paperH = landscape ? A4_MM.width : A4_MM.height;
  const printableW = ((paperW - m.left - m.right) / MM_PER_INCH) * 72;
  const printableH = ((paperH - m.top - m.bottom - m.header - m.footer) / MM_PER_INCH) * 72;
  const tableW = layout.columnWidths.reduce((a, w) => a + widthToPoints(w), 0);
  const scale = tableW > printableW ? printableW / tableW : 1;
  const lastRow = layout.cells.reduce((a, c) => Math.max(a, c.row), 0);
  let tableH = 0;
  for (let r = 1; r <= lastRow; r++) tableH += layout.rowHeights?.[r] ?? APPENDIX_LOOK.bodyRowHeight;
  const pagesTall = Math.max(1, Math.ceil(((tableH * scale) / printableH) * 1.25) + 1);
  return {
    paper: APPENDIX_LOOK.paper,
    orientation: layout.page.orientation,
    margins: { inches, points },
    centerHorizontally: APPENDIX_LOOK.centerHorizontally,
    fitToWidth: 1,
    fitToHeight: 0,
    pagesTall,
    printTitleRows: layout.printTitleRows,
    freezeRows: layout.printTitleRows[1],
    showGridlines: APPENDIX_LOOK.showGridlines,
  };
}

export const COUNT_FORMAT = "#,##0";
export const RATE_FORMAT = "0.00";
/** A rate stored as a fraction under a percent format (0.0579 shown 5,79%) keeps that convention. */
export const PERCENT_RATE_FORMAT = "0.00%";
export const APPENDIX_FONT = APPENDIX_LOOK.fontName;
export const TABLE_FONT_SIZE = APPENDIX_LOOK.fontSize.table;
export const TITLE_FONT_SIZE = APPENDIX_LOOK.fontSize.title;
export const SUBTITLE_FONT_SIZE = APPENDIX_LOOK.fontSize.subtitle;
export const BODY_ROW_HEIGHT = APPENDIX_LOOK.bodyRowHeight;

/**
 * Counts show `#,##0`, rates `0.00`, whatever the source typed (General, "0.0" ...); rates written as fractions
 * under a percent format show `0.00%`.
 */
export function normalizeFormat(format: string, kind: NumberKind | undefined): string {
  if (kind === "rate") return isPercentFormat(format) ? PERCENT_RATE_FORMAT : RATE_FORMAT;
  if (kind === "count") return COUNT_FORMAT;
  return format;
}

export function headerStyle(): AppendixCellStyle {
  return {
    bold: true,
    horizontal: "center",
    vertical: "middle",
    wrap: true,
    border: true,
    fontSize: TABLE_FONT_SIZE,
  };
}

export function numberingStyle(): AppendixCellStyle {
  return {
    italic: true,
    horizontal: "center",
    vertical: "middle",
    border: true,
    fontSize: APPENDIX_LOOK.fontSize.numbering,
  };
}

export function rowStyleFor(kind: Row["kind"] | "label"): { bold: boolean } {
  // Aggregates are bold; units and their parts (Trong đó, Gồm, Riêng) are not.
  return { bold: kind !== "unit" && kind !== "part" };
}

export function pageFor(totalWidth: number): AppendixLayout["page"] {
  // About 95 character units fit across portrait A4 at 12 pt; wider tables print landscape (still fit to width).
  return { paper: "A4", orientation: totalWidth > 95 ? "landscape" : "portrait", fitToWidth: true };
}
