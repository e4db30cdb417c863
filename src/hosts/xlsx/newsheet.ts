// The XML of a NEW worksheet holding an appendix layout: A4, fit to width, Nghị định 30 margins, frozen header,
// title rows repeated (the Print_Titles name is added by the patcher), formulas with their cached values, inline
// strings (sharedStrings.xml is never touched). Styles come from the caller (appended to styles.xml). Browser-safe.
import { type AppendixCellStyle, type AppendixLayout, pageSetupOf, a1, rangeA1 } from "../../engine";
import { escapeAttr, escapeText } from "./xml";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export function appendixSheetXml(
  layout: AppendixLayout,
  styleIndex: (style: AppendixCellStyle) => number,
  options: { cachedValues?: boolean } = {},
): string {
  const cached = options.cachedValues ?? true;
  // Every cell of a bordered merged area carries the border, so the frame prints whole.
  const cells = new Map<string, { row: number; col: number; xml: string }>();
  const put = (row: number, col: number, xml: string) => cells.set(`${row}:${col}`, { row, col, xml });
  for (const m of layout.merges) {
    const topLeft = layout.cells.find((c) => c.row === m.top && c.col === m.left);
    if (!topLeft?.style?.border) continue;
    const s = styleIndex({ ...topLeft.style });
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) put(r, c, `<c r="${a1(r, c)}" s="${s}"/>`);
  }
  for (const c of layout.cells) {
    const s = styleIndex(c.style ?? {});
    const ref = a1(c.row, c.col);
    const v = c.value;
    if (c.formula) {
      const f = `<f>${escapeText(c.formula.replace(/^=/, ""))}</f>`;
      if (!cached || v === null) put(c.row, c.col, `<c r="${ref}" s="${s}">${f}</c>`);
      else if (typeof v === "number")
        put(c.row, c.col, `<c r="${ref}" s="${s}">${f}${Number.isFinite(v) ? `<v>${v}</v>` : ""}</c>`);
      else put(c.row, c.col, `<c r="${ref}" s="${s}" t="str">${f}<v>${escapeText(v)}</v></c>`);
    } else if (v === null || v === "") put(c.row, c.col, `<c r="${ref}" s="${s}"/>`);
    else if (typeof v === "number") put(c.row, c.col, `<c r="${ref}" s="${s}"><v>${v}</v></c>`);
    else
      put(
        c.row,
        c.col,
        `<c r="${ref}" s="${s}" t="inlineStr"><is><t xml:space="preserve">${escapeText(v)}</t></is></c>`,
      );
  }
  const rows = new Map<number, { col: number; xml: string }[]>();
  for (const c of cells.values()) {
    const list = rows.get(c.row) ?? [];
    list.push(c);
    rows.set(c.row, list);
  }
  const heights = layout.rowHeights ?? {};
  for (const r of Object.keys(heights)) if (!rows.has(Number(r))) rows.set(Number(r), []);
  const rowXml = [...rows.keys()]
    .sort((a, b) => a - b)
    .map((r) => {
      const h = heights[r];
      const list = rows.get(r)!.sort((a, b) => a.col - b.col);
      return `<row r="${r}"${h ? ` ht="${h}" customHeight="1"` : ""}>${list.map((x) => x.xml).join("")}</row>`;
    })
    .join("");

  let maxRow = 1;
  let maxCol = 1;
  for (const c of cells.values()) {
    maxRow = Math.max(maxRow, c.row);
    maxCol = Math.max(maxCol, c.col);
  }
  // The look is the engine's (engine/appendix/style.ts); this file only spells it in SpreadsheetML.
  const page = pageSetupOf(layout);
  const lastTitle = page.freezeRows;
  const m = page.margins.inches;
  const cols = layout.columnWidths
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    .join("");
  const merges = layout.merges.length
    ? `<mergeCells count="${layout.merges.length}">${layout.merges.map((m) => `<mergeCell ref="${rangeA1(m)}"/>`).join("")}</mergeCells>`
    : "";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<dimension ref="A1:${a1(maxRow, maxCol)}"/>` +
    `<sheetViews><sheetView showGridLines="${page.showGridlines ? 1 : 0}" workbookViewId="0">` +
    (lastTitle > 0
      ? `<pane ySplit="${lastTitle}" topLeftCell="${a1(lastTitle + 1, 1)}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${a1(lastTitle + 1, 1)}" sqref="${a1(lastTitle + 1, 1)}"/>`
      : "") +
    `</sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/>` +
    (cols ? `<cols>${cols}</cols>` : "") +
    `<sheetData>${rowXml}</sheetData>` +
    merges +
    (page.centerHorizontally ? `<printOptions horizontalCentered="1"/>` : "") +
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
    // paperSize 9 is A4.
    `<pageSetup paperSize="9" orientation="${escapeAttr(page.orientation)}" fitToWidth="${page.fitToWidth}" fitToHeight="${page.fitToHeight}"/>` +
    `</worksheet>`
  );
}
