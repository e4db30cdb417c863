// Renders an AppendixLayout into a NEW ExcelJS worksheet (never over an existing one). Browser-safe.
import type ExcelJS from "exceljs";
import { uniqueSheetName, type AppendixCellStyle, type AppendixLayout } from "../../engine/appendix";
import { APPENDIX_LOOK, pageSetupOf } from "../../engine/appendix-style";

export interface RenderAppendixOptions {
  /**
   * Write each formula's engine value as its cached result (default true), so viewers that do not recalculate
   * still show the right numbers. Tests turn it off to prove a spreadsheet computes the same values itself.
   */
  cachedValues?: boolean;
}

const THIN: Partial<ExcelJS.Border> = {
  style: APPENDIX_LOOK.border.style,
  color: { argb: `FF${APPENDIX_LOOK.border.color.slice(1).toUpperCase()}` },
};
const A4 = 9;

/** Adds the appendix as a new worksheet, at the end; its name is made unique among the workbook's sheets. */
export function renderAppendix(
  workbook: ExcelJS.Workbook,
  layout: AppendixLayout,
  options: RenderAppendixOptions = {},
): ExcelJS.Worksheet {
  const cached = options.cachedValues ?? true;
  const name = uniqueSheetName(
    layout.sheetName,
    workbook.worksheets.map((w) => w.name),
  );
  // Everything about the page comes from the engine's style module: this renderer only draws it.
  const page = pageSetupOf(layout);
  const [firstTitle, lastTitle] = page.printTitleRows;
  const m = page.margins.inches;
  const ws = workbook.addWorksheet(name, {
    pageSetup: {
      paperSize: A4,
      orientation: page.orientation,
      fitToPage: true,
      fitToWidth: page.fitToWidth,
      fitToHeight: page.fitToHeight,
      horizontalCentered: page.centerHorizontally,
      margins: {
        top: m.top,
        bottom: m.bottom,
        left: m.left,
        right: m.right,
        header: m.header,
        footer: m.footer,
      },
      printTitlesRow: `${firstTitle}:${lastTitle}`,
    },
    views: [{ state: "frozen", ySplit: page.freezeRows, xSplit: 0, showGridLines: page.showGridlines }],
  });
  layout.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  for (const [row, height] of Object.entries(layout.rowHeights ?? {})) ws.getRow(Number(row)).height = height;

  for (const c of layout.cells) {
    const cell = ws.getCell(c.row, c.col);
    if (c.formula) {
      const formula = c.formula.startsWith("=") ? c.formula.slice(1) : c.formula;
      const value = { formula } as ExcelJS.CellFormulaValue;
      if (cached && c.value !== null) value.result = c.value;
      cell.value = value;
    } else {
      cell.value = c.value;
    }
    applyStyle(cell, c.style ?? {}, layout.fontName);
  }
  for (const m of layout.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  // A merged area shows its top-left cell; its other cells still need borders for the frame to print whole.
  for (const m of layout.merges) {
    const topLeft = layout.cells.find((c) => c.row === m.top && c.col === m.left);
    if (!topLeft?.style?.border) continue;
    for (let r = m.top; r <= m.bottom; r++) {
      for (let col = m.left; col <= m.right; col++) {
        ws.getCell(r, col).border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
      }
    }
  }
  if (!cached) workbook.calcProperties = { ...(workbook.calcProperties ?? {}), fullCalcOnLoad: true };
  return ws;
}

function applyStyle(cell: ExcelJS.Cell, style: AppendixCellStyle, fontName: string): void {
  cell.font = {
    name: fontName,
    size: style.fontSize ?? APPENDIX_LOOK.fontSize.table,
    ...(style.bold ? { bold: true } : {}),
    ...(style.italic ? { italic: true } : {}),
  };
  cell.alignment = {
    horizontal: style.horizontal ?? "left",
    vertical: style.vertical ?? "middle",
    ...(style.wrap ? { wrapText: true } : {}),
    ...(style.indent ? { indent: style.indent } : {}),
  };
  if (style.numberFormat) cell.numFmt = style.numberFormat;
  if (style.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
}
