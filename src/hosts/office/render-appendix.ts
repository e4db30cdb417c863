// Renders a host-neutral AppendixLayout into a NEW sheet through Office.js: values, formulas, merges, Times New
// Roman, bold/italic, alignment, wrap, number formats, thin borders, column widths and, where the API exists,
// A4 page setup with repeated header rows and fit to width. The sheet names in one sync, then everything in as few
// syncs as the request budget allows (requests.ts): a national appendix of 30,000+ rows no longer goes in one
// request over Excel on the web's 5 MB.
import {
  rangeA1,
  type CellRange,
  type AppendixCell,
  type AppendixCellStyle,
  type AppendixLayout,
  APPENDIX_LOOK,
  pageSetupOf,
  uniqueSheetName,
  widthToPoints,
} from "../../engine";
import type { Lang } from "../../i18n/lang";
import { rectangles, type Block } from "./blocks";
import type { OfficeEnv } from "./env";
import { OfficeHostError, message, reasonOf } from "./messages";
import { formulaInput, rangeOps } from "./write";
import { OP_OVERHEAD, syncPacked, type Op } from "./requests";

export { uniqueSheetName };

export { widthToPoints };

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
    const ops: Op[] = [];
    const on = (c: Excel.RequestContext) => c.workbook.worksheets.getItem(name);
    const bounds = boundsOf(layout);
    ops.push({
      bytes: OP_OVERHEAD,
      apply: (c) => {
        const ws = c.workbook.worksheets.add(name);
        if (!bounds) return;
        const all = ws.getRange(rangeA1(bounds));
        all.format.font.name = layout.fontName;
        all.format.font.size = APPENDIX_LOOK.fontSize.table;
      },
    });
    if (bounds) {
      // Content: formulas (constants included) and number formats, in row bands under the request budget.
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
      ops.push(...rangeOps(name, bounds, formulas, formats));
      // Styles: cells with the same style grouped into rectangles, one set of commands each.
      for (const block of styleBlocks(layout.cells))
        ops.push({
          bytes: OP_OVERHEAD * 3,
          apply: (c) => applyStyle(on(c).getRange(rangeA1(block)), block.items[0][0].style ?? {}, block),
        });
    }
    // Range.merge is ExcelApi 1.2 (the manifest's floor is 1.9; guarded for hosts that ignore the manifest).
    if (widths)
      for (const m of layout.merges)
        ops.push({ bytes: OP_OVERHEAD, apply: (c) => on(c).getRange(rangeA1(m)).merge(false) });
    // Everything about the page comes from the engine's style module: this renderer only draws it.
    const page = pageSetupOf(layout);
    if (widths) {
      layout.columnWidths.forEach((w, i) => {
        if (w > 0)
          ops.push({
            bytes: OP_OVERHEAD,
            apply: (c) => {
              on(c).getRange(`${columnRef(i + 1)}:${columnRef(i + 1)}`).format.columnWidth = widthToPoints(w);
            },
          });
      });
      // Row heights as the layout sized them: autofitRows does not grow merged wrapped cells (the header).
      for (const [rows, height] of heightRuns(layout.rowHeights ?? {}))
        ops.push({
          bytes: OP_OVERHEAD,
          apply: (c) => {
            on(c).getRange(`${rows.top}:${rows.bottom}`).format.rowHeight = height;
          },
        });
    }
    let zoom: Excel.PageLayout | null = null;
    const freeze = env.isSetSupported("ExcelApi", "1.7");
    const gridlines = env.isSetSupported("ExcelApi", "1.8");
    ops.push({
      bytes: OP_OVERHEAD * 8,
      apply: (c) => {
        const ws = on(c);
        if (freeze) ws.freezePanes.freezeRows(page.freezeRows);
        if (gridlines) ws.showGridlines = page.showGridlines;
        if (pageLayout) {
          ws.pageLayout.paperSize = "A4";
          ws.pageLayout.orientation = page.orientation === "landscape" ? "Landscape" : "Portrait";
          const m = page.margins.points;
          ws.pageLayout.topMargin = m.top;
          ws.pageLayout.bottomMargin = m.bottom;
          ws.pageLayout.leftMargin = m.left;
          ws.pageLayout.rightMargin = m.right;
          ws.pageLayout.headerMargin = m.header;
          ws.pageLayout.footerMargin = m.footer;
          ws.pageLayout.centerHorizontally = page.centerHorizontally;
          // Both fit directions: the width alone is not applied in some hosts (office-js #1860).
          ws.pageLayout.zoom = { horizontalFitToPages: page.fitToWidth, verticalFitToPages: page.pagesTall };
          const [first, last] = page.printTitleRows;
          if (first > 0 && last >= first) ws.pageLayout.setPrintTitleRows(`$${first}:$${last}`);
          ws.pageLayout.load("zoom");
          zoom = ws.pageLayout;
        }
        ws.activate();
      },
    });
    if (!pageLayout) onNotice?.(message("pageLayoutUnsupported", { sheet: name }, lang));
    await syncPacked(
      context,
      ops,
      (e) =>
        new OfficeHostError(
          "writeFailed",
          { sheet: name, cell: bounds ? rangeA1(bounds) : "A1", reason: reasonOf(e) },
          lang,
        ),
    );
    const applied = zoom as Excel.PageLayout | null;
    // Check that the fit was applied; if not, say how to set it by hand.
    if (applied && applied.zoom?.horizontalFitToPages !== page.fitToWidth)
      onNotice?.(message("printFitNotApplied", { sheet: name }, lang));
    return name;
  });
}

/** Consecutive rows of the same height → one range each. */
function heightRuns(heights: Record<number, number>): [CellRange, number][] {
  const rows = Object.keys(heights)
    .map(Number)
    .sort((a, b) => a - b);
  const out: [CellRange, number][] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last[0].bottom === r - 1 && last[1] === heights[r]) last[0].bottom = r;
    else out.push([{ top: r, bottom: r, left: 1, right: 1 }, heights[r]]);
  }
  return out;
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
      border.color = APPENDIX_LOOK.border.color;
    }
  }
}
