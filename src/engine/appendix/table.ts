// The appendix of a table as it is, corrected: the source's header, numbering row and body, every derived cell a
// live formula on the new sheet, the inputs the corrections list decided printed as meant.
import { analyzeTable } from "../analyze";
import { a1, cellAt, cellText, isErrorValue, parseA1, type Grid } from "../grid";
import type { TableAnalysis } from "../index";
import { readNumber, type NumberKind } from "../numbers";
import type { CellWrite, ColumnRole } from "../report";
import { translateFormula } from "./formula";
import { finishHeights, longestWord, rowNumberText, Sheet, textWidth, uniqueSheetName } from "./sheet";
import { signatureBlock } from "./signature";
import {
  APPENDIX_FONT,
  COUNT_FORMAT,
  normalizeFormat,
  numberingStyle,
  headerStyle,
  pageFor,
  PERCENT_RATE_FORMAT,
  RATE_FORMAT,
  rowStyleFor,
  TABLE_FONT_SIZE,
} from "./style";
import { sourceTitleBlock, tableYear, titleBlock } from "./title";
import type { AppendixCellStyle, AppendixLabels, AppendixLayout, AppendixOptions } from "./types";
import { isPercentFormat } from "../context";

const RATE_ROLES: ReadonlySet<ColumnRole> = new Set([
  "poorRate",
  "nearPoorRate",
  "multidimRate",
  "rateReduction",
]);
const TEXT_ROLES: ReadonlySet<ColumnRole> = new Set(["rowNumber", "unitName", "note", "other"]);

function numberKind(role: ColumnRole): NumberKind | undefined {
  if (RATE_ROLES.has(role)) return "rate";
  if (TEXT_ROLES.has(role)) return undefined;
  return "count";
}

/**
 * The appendix prints what was meant: the inputs of the corrections list (corrections.ts, the one decision to
 * change an input; e.g. 1.518 typed in an English-locale Excel for 1518) replace what was typed, and the sheet is
 * read again with them, so that every derived value and formula agrees with the printed inputs.
 */
function withIntendedCounts(
  analysis: TableAnalysis,
  grid: Grid,
  words: AppendixLabels["notes"],
): { analysis: TableAnalysis; grid: Grid; notes: string[] } {
  const fixes = (analysis.corrections ?? []).filter((c) => c.sheet === grid.sheet);
  if (fixes.length === 0) return { analysis, grid, notes: [] };
  const cells = grid.cells.map((row) => [...row]);
  const notes: string[] = [];
  for (const f of fixes) {
    const { row, col } = parseA1(f.cell);
    const r = row - grid.top;
    const c = col - grid.left;
    if (!cells[r]) cells[r] = [];
    cells[r][c] = { ...(cells[r][c] ?? { value: null }), value: f.value, formula: undefined };
    notes.push(
      f.why === "non-integer-count"
        ? words.thousandsSeparator(f.cell, String(f.old), String(f.value))
        : words.consistentWith(f.cell, String(f.old), String(f.value), f.confirmedBy),
    );
  }
  const corrected: Grid = { ...grid, cells };
  // The caller's options travel with the analysis: rounding, confirmed cells and the user's reading are kept.
  return { analysis: analyzeTable(corrected, analysis.table, analysis.options), grid: corrected, notes };
}

export function buildTableAppendix(original: TableAnalysis, options: AppendixOptions): AppendixLayout {
  const { labels } = options;
  const { analysis, grid, notes } = withIntendedCounts(original, options.grid, labels.notes);
  const { table } = analysis;
  const left = table.range.left;
  const right = table.range.right;
  const width = right - left + 1;
  const roleOf = new Map(table.columns.map((c) => [c.col, c.role]));
  const newCol = (col: number) => (col >= left && col <= right ? col - left + 1 : undefined);

  const derived = new Map<string, CellWrite>();
  for (const w of analysis.derived) if (w.sheet === table.sheet) derived.set(w.cell, w);
  const conversions = new Map<string, CellWrite>();
  for (const w of analysis.conversions) if (w.sheet === table.sheet) conversions.set(w.cell, w);

  // Rows of the appendix: header rows, the numbering row, then body rows in sheet order.
  const headerRows = [...table.headerRows].sort((a, b) => a - b);
  const bodyRows = [...table.rows].sort((a, b) => a.row - b.row);
  const rowMap = new Map<number, number>();
  const sheet = new Sheet();
  const year = options.year ?? tableYear(table);
  const source = sourceTitleBlock(table, grid);
  const title = options.title ?? source.title ?? labels.title;
  const subtitle = options.subtitle ?? source.subtitle ?? labels.subtitle(year);

  // Column widths first: the title's height depends on them.
  const widths = new Array<number>(width).fill(8);
  const fitWidth = (col: number, text: string, isLabel: boolean) => {
    const k = col - 1;
    const w = isLabel ? Math.min(40, textWidth(text) + 2) : textWidth(text) + 3;
    if (w > widths[k]) widths[k] = w;
  };

  let r = 4;
  const headerStart = r;
  for (const hr of headerRows) rowMap.set(hr, r++);
  if (table.numberingRow !== undefined) rowMap.set(table.numberingRow, r++);
  const numberingRow = table.numberingRow !== undefined ? rowMap.get(table.numberingRow)! : r++;
  const headerEnd = numberingRow;
  for (const br of bodyRows) rowMap.set(br.row, r++);

  // Header cells and merges (only those inside the header rows and the table's columns).
  for (const hr of headerRows) {
    for (let c = left; c <= right; c++) {
      const text = cellText(cellAt(grid, hr, c)).trim();
      sheet.set(rowMap.get(hr)!, newCol(c)!, text || null, headerStyle());
    }
  }
  const headerSet = new Set(headerRows);
  for (const m of grid.merges) {
    if (!headerSet.has(m.top) || !headerSet.has(m.bottom) || m.left < left || m.right > right) continue;
    sheet.merge({
      top: rowMap.get(m.top)!,
      bottom: rowMap.get(m.bottom)!,
      left: newCol(m.left)!,
      right: newCol(m.right)!,
    });
  }
  // The numbering row: the source's own when it states formulas ("(5)=(4)/(3)"), else renumbered for the
  // appendix in the source's style (letters kept, numbers 1, 2, 3 … in order), or (1), (2) … when it has none.
  const sourceLabels: string[] = [];
  for (let c = left; c <= right; c++)
    sourceLabels.push(
      table.numberingRow !== undefined ? cellText(cellAt(grid, table.numberingRow, c)).trim() : "",
    );
  const states = sourceLabels.some((t) => t.includes("="));
  let n = 0;
  sourceLabels.forEach((t, i) => {
    let text: string;
    if (table.numberingRow === undefined) text = `(${i + 1})`;
    else if (states || t === "" || /^\(?[A-Za-z]\)?$/.test(t)) text = t;
    else {
      n++;
      text = /^\(.*\)$/.test(t) ? `(${n})` : String(n);
    }
    sheet.set(numberingRow, newCol(left + i)!, text || null, numberingStyle());
  });

  // Body.
  const mapRow = (row: number, end?: "start" | "end", other?: number): number | undefined => {
    const direct = rowMap.get(row);
    if (direct !== undefined || end === undefined || other === undefined) return direct;
    // A range end on a row the appendix dropped (a blank line): move it inward to the nearest kept body row.
    const inside = bodyRows
      .map((b) => b.row)
      .filter((x) => x >= Math.min(row, other) && x <= Math.max(row, other));
    if (inside.length === 0) return undefined;
    let pick = inside[0];
    for (const x of inside) if (end === "start" ? x < pick : x > pick) pick = x;
    return rowMap.get(pick);
  };
  let groupIndex = 0;
  for (const br of bodyRows) {
    if (br.kind === "group") groupIndex++;
    const nr = rowMap.get(br.row)!;
    const { bold } = rowStyleFor(br.kind);
    for (let c = left; c <= right; c++) {
      const nc = newCol(c)!;
      const role = roleOf.get(c) ?? "other";
      const kind = numberKind(role);
      const addr = a1(br.row, c);
      const base: AppendixCellStyle = { bold, border: true, vertical: "middle", fontSize: TABLE_FONT_SIZE };
      const d = derived.get(addr);
      if (d) {
        const formula = d.formula ? translateFormula(d.formula, mapRow, newCol) : undefined;
        if (d.formula && !formula) {
          notes.push(labels.notes.formulaKept(addr, String(d.value), d.formula));
        }
        // A write without a format keeps the cell's own (a fraction under "0.00%" stays one).
        const format =
          d.numberFormat ??
          cellAt(grid, br.row, c)?.numberFormat ??
          (kind === "rate" ? RATE_FORMAT : COUNT_FORMAT);
        sheet.set(
          nr,
          nc,
          d.value,
          { ...base, horizontal: "right", indent: 1, numberFormat: normalizeFormat(format, kind) },
          formula,
        );
        continue;
      }
      const source = cellAt(grid, br.row, c);
      if (role === "rowNumber") {
        const text =
          br.kind === "unit" || br.kind === "group"
            ? rowNumberText(br, groupIndex) || cellText(source).trim()
            : cellText(source).trim();
        sheet.set(nr, nc, text || null, { ...base, horizontal: "center" });
        continue;
      }
      if (kind) {
        const conv = conversions.get(addr);
        const value = conv ? conv.value : source?.value;
        const reading = readNumber(value === undefined ? null : (value as never), kind);
        if (reading.status === "ok") {
          const shown = reading.value;
          const percent =
            kind === "rate" && typeof value === "number" && isPercentFormat(source?.numberFormat);
          sheet.set(nr, nc, shown, {
            ...base,
            horizontal: "right",
            indent: 1,
            numberFormat: percent ? PERCENT_RATE_FORMAT : kind === "rate" ? RATE_FORMAT : COUNT_FORMAT,
          });
          fitWidth(nc, String(Math.round(shown)), false);
          continue;
        }
        const text = source && isErrorValue(source.value) ? source.value.error : cellText(source).trim();
        sheet.set(nr, nc, text || null, { ...base, horizontal: "right" });
        continue;
      }
      const text = cellText(source).trim();
      const isLabel = role === "unitName";
      sheet.set(nr, nc, text || null, { ...base, horizontal: isLabel ? "left" : "center", wrap: isLabel });
      if (text) fitWidth(nc, text, isLabel);
    }
    // A total label spread over the first two columns stays merged.
    for (const m of grid.merges) {
      if (m.top === br.row && m.bottom === br.row && m.left >= left && m.right <= right) {
        sheet.merge({ top: nr, bottom: nr, left: newCol(m.left)!, right: newCol(m.right)! });
      }
    }
  }
  // Header widths: each column at least as wide as the longest word of its header text.
  for (let c = left; c <= right; c++) {
    for (const hr of headerRows) {
      const inMerge = grid.merges.some(
        (m) => m.top <= hr && m.bottom >= hr && m.left <= c && m.right >= c && m.left !== m.right,
      );
      const text = cellText(cellAt(grid, hr, c)).trim();
      if (text && !inMerge) widths[c - left] = Math.max(widths[c - left], longestWord(text) + 2);
    }
    const role = roleOf.get(c) ?? "other";
    if (role === "rowNumber") widths[c - left] = Math.max(5, Math.min(widths[c - left], 7));
    if (role === "unitName") widths[c - left] = Math.max(widths[c - left], 18);
    if (numberKind(role)) widths[c - left] = Math.max(widths[c - left], 10);
  }
  signatureBlock(sheet, width, labels.signature, source.place, source.body);
  finishHeights(sheet, headerStart, headerEnd, widths);
  const totalWidth = widths.reduce((a, b) => a + b, 0);
  titleBlock(sheet, title, subtitle, width, totalWidth);
  return {
    sheetName: uniqueSheetName(options.sheetName ?? labels.sheetName, options.existingSheetNames ?? []),
    cells: sheet.list(),
    merges: sheet.merges,
    columnWidths: widths.map((w) => Math.round(w * 10) / 10),
    printTitleRows: [headerStart, headerEnd],
    page: pageFor(totalWidth),
    fontName: APPENDIX_FONT,
    rowHeights: sheet.heights,
    variant: "table",
    ...(notes.length ? { notes } : {}),
  };
}
