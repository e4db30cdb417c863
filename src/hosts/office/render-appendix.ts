// Renders a host-neutral AppendixLayout into a NEW sheet through Office.js: values, formulas, merges, Times New
// Roman, bold/italic, alignment, wrap, number formats, thin borders, column widths and, where the API exists,
// A4 page setup with repeated header rows and fit to width. Two syncs: the sheet names, then everything.
import { rangeA1, type CellRange } from "../../engine/grid";
import type { AppendixCell, AppendixCellStyle, AppendixLayout } from "../../engine/appendix";
import type { Lang } from "../../engine/model";
import { rectangles, type Block } from "./blocks";
import type { OfficeEnv } from "./env";
import { OfficeHostError, message, reasonOf } from "./messages";
import { formulaInput } from "./write";
import { uniqueSheetName } from "../../engine/appendix";

export { uniqueSheetName };

/** Excel character units → points (Calibri 11 maximum digit width 7 px, 5 px padding; 1 px = 0.75 pt). */
export function widthToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

export async function writeAppendix(
  env: OfficeEnv,
  layout: AppendixLayout,
  lang: Lang,
  onNotice?: (m: string) => void,
): Promise<string> {
  const widths = env.isSetSupported("ExcelApi", "1.2");
  const pageLayout = env.isSetSupported("ExcelApi", "1.9");
  return env.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const name = uniqueSheetName(
      layout.sheetName,
      sheets.items.map((s) => s.name),
    );
    const ws = sheets.add(name);
    const bounds = boundsOf(layout);
    if (bounds) {
      // Content: one rectangle of formulas (constants included), number formats, the font for everything.
      const all = ws.getRange(rangeA1(bounds));
      const byPos = new Map(layout.cells.map((c) => [`${c.row},${c.col}`, c]));
      const formats: string[][] = [];
      const formulas: (string | number | boolean)[][] = [];
      for (let r = bounds.top; r <= bounds.bottom; r++) {
        const f: (string | number | boolean)[] = [];
        const n: string[] = [];
        for (let c = bounds.left; c <= bounds.right; c++) {
          const cell = byPos.get(`${r},${c}`);
          const format = cell?.style?.numberFormat ?? "General";
          n.push(format);
          f.push(cell ? (cell.formula ?? formulaInput(cell.value, undefined, format)) : "");
        }
        formats.push(n);
        formulas.push(f);
      }
      all.format.font.name = layout.fontName;
      all.numberFormat = formats;
      all.formulas = formulas;
      // Styles: cells with the same style grouped into rectangles, one set of commands each.
      for (const block of styleBlocks(layout.cells))
        applyStyle(ws.getRange(rangeA1(block)), block.items[0][0].style ?? {}, block);
    }
    // Range.merge is ExcelApi 1.2 (the manifest's floor is 1.9; guarded for hosts that ignore the manifest).
    if (widths) for (const m of layout.merges) ws.getRange(rangeA1(m)).merge(false);
    if (widths) {
      layout.columnWidths.forEach((w, i) => {
        if (w > 0)
          ws.getRange(`${columnRef(i + 1)}:${columnRef(i + 1)}`).format.columnWidth = widthToPoints(w);
      });
      if (bounds) ws.getRange(rangeA1(bounds)).format.autofitRows();
    }
    if (pageLayout) {
      ws.pageLayout.paperSize = "A4";
      ws.pageLayout.orientation = layout.page.orientation === "landscape" ? "Landscape" : "Portrait";
      ws.pageLayout.zoom = { horizontalFitToPages: 1 };
      const [first, last] = layout.printTitleRows;
      if (first > 0 && last >= first) ws.pageLayout.setPrintTitleRows(`$${first}:$${last}`);
    } else onNotice?.(message("pageLayoutUnsupported", { sheet: name }, lang));
    ws.activate();
    try {
      await context.sync();
    } catch (e) {
      throw new OfficeHostError(
        "writeFailed",
        { sheet: name, cell: bounds ? rangeA1(bounds) : "A1", reason: reasonOf(e) },
        lang,
      );
    }
    return name;
  });
}

function columnRef(col: number): string {
  return rangeA1({ top: 1, bottom: 1, left: col, right: col }).replace(/\d+/g, "");
}

function boundsOf(layout: AppendixLayout): CellRange | null {
  if (layout.cells.length === 0) return null;
  const b = { top: Infinity, left: Infinity, bottom: 0, right: 0 };
  for (const c of layout.cells) {
    b.top = Math.min(b.top, c.row);
    b.left = Math.min(b.left, c.col);
    b.bottom = Math.max(b.bottom, c.row);
    b.right = Math.max(b.right, c.col);
  }
  return b;
}

function styleKey(s: AppendixCellStyle | undefined): string {
  if (!s) return "";
  return JSON.stringify([s.bold, s.italic, s.horizontal, s.vertical, s.wrap, s.border, s.fontSize]);
}

function styleBlocks(cells: AppendixCell[]): Block<AppendixCell>[] {
  const styled = cells.filter(
    (c) => styleKey(c.style) !== "" && styleKey(c.style) !== "[null,null,null,null,null,null,null]",
  );
  return rectangles(
    styled.map((c) => ({ row: c.row, col: c.col, item: c })),
    (c) => styleKey(c.style),
  );
}

function applyStyle(range: Excel.Range, s: AppendixCellStyle, area: CellRange): void {
  if (s.bold !== undefined) range.format.font.bold = s.bold;
  if (s.italic !== undefined) range.format.font.italic = s.italic;
  if (s.fontSize !== undefined) range.format.font.size = s.fontSize;
  if (s.horizontal) range.format.horizontalAlignment = H_ALIGN[s.horizontal];
  if (s.vertical) range.format.verticalAlignment = V_ALIGN[s.vertical];
  if (s.wrap !== undefined) range.format.wrapText = s.wrap;
  if (s.border) {
    const edges: (
      "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical"
    )[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
    if (area.bottom > area.top) edges.push("InsideHorizontal");
    if (area.right > area.left) edges.push("InsideVertical");
    for (const edge of edges) {
      const border = range.format.borders.getItem(edge);
      border.style = "Continuous";
      border.weight = "Thin";
      border.color = "#000000";
    }
  }
}
