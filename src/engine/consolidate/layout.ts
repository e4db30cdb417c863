// The consolidated table and its "Nguồn" sheet as appendix layouts (the appendix look of appendix/style.ts):
// one row per unit with its source's totals, the rates and the total row as live formulas with their values, and
// a sheet naming every source (file, sheet, range, its totals, its check result, SHA-256). Pure: the words come
// from the caller (src/i18n/many.ts).
import {
  APPENDIX_LOOK,
  COUNT_FORMAT,
  type AppendixCell,
  type AppendixCellStyle,
  type AppendixLayout,
  type SignatureLabels,
} from "../appendix";
import { type CellRange, columnLetter } from "../grid";
import { roundHalfUp } from "../numbers";
import type { Consolidation, ConsolidatedColumn } from "./merge";
import type { UnitSource } from "./source";

export interface ConsolidationLabels {
  /** The date line and signature block under the consolidated table (src/i18n/appendix.ts). */
  signature: SignatureLabels;
  sheetName: string;
  title: string;
  subtitle: string;
  rowNumber: string;
  unit: string;
  total: string;
  sourcesSheetName: string;
  sourcesTitle: string;
  file: string;
  sheet: string;
  range: string;
  totalRow: string;
  check: string;
  included: string;
  yes: string;
  no: string;
  sha256: string;
  /** The one-line check result of a source ("Không có lỗi", "2 lỗi: ..."). */
  checkResult: (source: UnitSource) => string;
  /** Lines printed under the table (a column a source lacks ...). */
  notes: string[];
}

const FONT = APPENDIX_LOOK.fontName;
const SIZE = APPENDIX_LOOK.fontSize.table;

const header: AppendixCellStyle = {
  bold: true,
  horizontal: "center",
  vertical: "middle",
  wrap: true,
  border: true,
  fontSize: SIZE,
};
const numbering: AppendixCellStyle = {
  italic: true,
  horizontal: "center",
  vertical: "middle",
  border: true,
  fontSize: APPENDIX_LOOK.fontSize.numbering,
};

class Builder {
  cells = new Map<string, AppendixCell>();
  merges: CellRange[] = [];
  heights: Record<number, number> = {};
  set(row: number, col: number, value: number | string | null, style: AppendixCellStyle, formula?: string) {
    this.cells.set(`${row}:${col}`, { row, col, value, style, ...(formula ? { formula } : {}) });
  }
  merge(r: CellRange) {
    if (r.top !== r.bottom || r.left !== r.right) this.merges.push(r);
  }
  list(): AppendixCell[] {
    return [...this.cells.values()].sort((a, b) => a.row - b.row || a.col - b.col);
  }
}

const width = (text: string) => [...text.normalize("NFC")].length;

function titleRows(b: Builder, title: string, subtitle: string, lastCol: number, totalWidth: number) {
  b.set(1, 1, title.toUpperCase(), {
    bold: true,
    horizontal: "center",
    vertical: "middle",
    wrap: true,
    fontSize: APPENDIX_LOOK.fontSize.title,
  });
  b.merge({ top: 1, left: 1, bottom: 1, right: lastCol });
  b.set(2, 1, subtitle, {
    italic: true,
    horizontal: "center",
    vertical: "middle",
    wrap: true,
    fontSize: APPENDIX_LOOK.fontSize.subtitle,
  });
  b.merge({ top: 2, left: 1, bottom: 2, right: lastCol });
  const lines = (t: string, size: number) =>
    Math.max(1, Math.ceil((width(t) * size) / 12 / Math.max(20, totalWidth)));
  b.heights[1] = Math.ceil(lines(title, 14) * 14 * 1.3 + 4);
  b.heights[2] = Math.ceil(lines(subtitle, 13) * 13 * 1.3 + 4);
}

function signature(b: Builder, from: number, lastCol: number, t: SignatureLabels) {
  const half = Math.max(1, Math.floor(lastCol / 2));
  const put = (row: number, left: number, right: number, text: string, style: AppendixCellStyle) => {
    b.set(row, left, text, {
      horizontal: "center",
      vertical: "middle",
      fontSize: APPENDIX_LOOK.fontSize.signature,
      ...style,
    });
    b.merge({ top: row, bottom: row, left, right });
  };
  put(from, half + 1, lastCol, t.date(), { italic: true });
  put(from + 1, 1, half, t.preparer, { bold: true });
  put(from + 1, half + 1, lastCol, t.onBehalfOf(), { bold: true });
  put(from + 2, 1, half, t.preparerNote, { italic: true });
  put(from + 2, half + 1, lastCol, t.authorityTitle, { bold: true });
}

/** Two header rows from the columns' header paths ("Hộ nghèo > Số hộ"): groups merged across, leaves below. */
function headerRows(b: Builder, top: number, first: number, columns: ConsolidatedColumn[]) {
  const parts = columns.map((c) => {
    const p = c.header
      .split(" > ")
      .map((s) => s.trim())
      .filter(Boolean);
    return p.length > 1
      ? { group: p.slice(0, -1).join(" "), leaf: p[p.length - 1] }
      : { group: "", leaf: p[0] ?? "" };
  });
  let i = 0;
  while (i < columns.length) {
    const col = first + i;
    const { group, leaf } = parts[i];
    if (!group) {
      b.set(top, col, leaf, header);
      b.set(top + 1, col, null, header);
      b.merge({ top, bottom: top + 1, left: col, right: col });
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < columns.length && parts[j + 1].group === group) j++;
    b.set(top, col, group, header);
    for (let k = i + 1; k <= j; k++) b.set(top, first + k, null, header);
    b.merge({ top, bottom: top, left: col, right: first + j });
    for (let k = i; k <= j; k++) b.set(top + 1, first + k, parts[k].leaf, header);
    i = j + 1;
  }
}

/** The rate's formula and value over a row's count and households: =ROUND(D7/C7*100,2). */
function rateCell(
  numerator: number | null | undefined,
  base: number | null | undefined,
  numRef: string,
  baseRef: string,
  decimals: number,
): { value: number | null; formula?: string } {
  if (numerator === null || numerator === undefined || base === null || base === undefined)
    return { value: null };
  if (base === 0)
    return { value: 0, formula: `=IF(${baseRef}=0,0,ROUND(${numRef}/${baseRef}*100,${decimals}))` };
  return {
    value: roundHalfUp((numerator / base) * 100, decimals),
    formula: `=ROUND(${numRef}/${baseRef}*100,${decimals})`,
  };
}

/** The consolidated sheet and the sources sheet. */
export function consolidationLayouts(result: Consolidation, labels: ConsolidationLabels): AppendixLayout[] {
  return [consolidatedSheet(result, labels), sourcesSheet(result, labels)];
}

export function consolidatedSheet(result: Consolidation, labels: ConsolidationLabels): AppendixLayout {
  const b = new Builder();
  const columns = result.columns;
  const first = 3; // A: STT, B: unit
  const lastCol = first + columns.length - 1;
  const widths = [
    6,
    Math.max(18, ...result.rows.map((r) => Math.min(34, width(r.source.unit) + 2))),
    ...columns.map((c) => (c.rate ? 10 : 12)),
  ];
  const totalWidth = widths.reduce((a, w) => a + w, 0);
  titleRows(b, labels.title, labels.subtitle, Math.max(lastCol, 2), totalWidth);
  const top = 4;
  b.set(top, 1, labels.rowNumber, header);
  b.set(top + 1, 1, null, header);
  b.merge({ top, bottom: top + 1, left: 1, right: 1 });
  b.set(top, 2, labels.unit, header);
  b.set(top + 1, 2, null, header);
  b.merge({ top, bottom: top + 1, left: 2, right: 2 });
  headerRows(b, top, first, columns);
  b.heights[top] = 36;
  b.heights[top + 1] = 48;
  const numberingRow = top + 2;
  b.set(numberingRow, 1, "A", numbering);
  b.set(numberingRow, 2, "B", numbering);
  columns.forEach((_, i) => b.set(numberingRow, first + i, `(${i + 1})`, numbering));

  const colOf = new Map(columns.map((c, i) => [c.key, first + i]));
  const letter = (key: string) => columnLetter(colOf.get(key)!);
  const bodyTop = numberingRow + 1;
  const bodyBottom = bodyTop + result.rows.length - 1;
  const unitStyle: AppendixCellStyle = { border: true, vertical: "middle", fontSize: SIZE };
  result.rows.forEach((row, i) => {
    const r = bodyTop + i;
    b.set(r, 1, i + 1, { ...unitStyle, horizontal: "center" });
    b.set(r, 2, row.source.unit, { ...unitStyle, horizontal: "left", wrap: true });
    for (const c of columns) {
      const col = colOf.get(c.key)!;
      const numberFormat = c.rate ? `0.${"0".repeat(c.decimals)}` : COUNT_FORMAT;
      const style: AppendixCellStyle = { ...unitStyle, horizontal: "right", numberFormat, indent: 1 };
      if (c.rate && c.numerator && c.base) {
        const cell = rateCell(
          row.values.get(c.numerator),
          row.values.get(c.base),
          `${letter(c.numerator)}${r}`,
          `${letter(c.base)}${r}`,
          c.decimals,
        );
        // A source without the counts keeps the rate it reported.
        if (cell.formula) b.set(r, col, cell.value, style, cell.formula);
        else b.set(r, col, row.values.get(c.key) ?? null, style);
      } else b.set(r, col, row.values.get(c.key) ?? null, style);
    }
  });

  // The total row: counts summed, rates recomputed from the summed counts (never added or averaged).
  const totalRow = bodyBottom + 1;
  const totalStyle: AppendixCellStyle = { border: true, bold: true, vertical: "middle", fontSize: SIZE };
  b.set(totalRow, 1, null, totalStyle);
  b.set(totalRow, 2, labels.total, { ...totalStyle, horizontal: "center" });
  const totals = new Map<string, number | null>();
  for (const c of columns) {
    if (c.rate) continue;
    const vals = result.rows
      .map((row) => row.values.get(c.key))
      .filter((v): v is number => typeof v === "number");
    totals.set(c.key, vals.length ? vals.reduce((a, v) => a + v, 0) : null);
  }
  for (const c of columns) {
    const col = colOf.get(c.key)!;
    const L = columnLetter(col);
    const numberFormat = c.rate ? `0.${"0".repeat(c.decimals)}` : COUNT_FORMAT;
    const style: AppendixCellStyle = { ...totalStyle, horizontal: "right", numberFormat, indent: 1 };
    if (!c.rate) {
      const formula = result.rows.length ? `=SUM(${L}${bodyTop}:${L}${bodyBottom})` : undefined;
      b.set(totalRow, col, totals.get(c.key) ?? 0, style, formula);
    } else if (c.numerator && c.base) {
      const cell = rateCell(
        totals.get(c.numerator),
        totals.get(c.base),
        `${letter(c.numerator)}${totalRow}`,
        `${letter(c.base)}${totalRow}`,
        c.decimals,
      );
      b.set(totalRow, col, cell.value, style, cell.formula);
    } else b.set(totalRow, col, null, style);
  }

  let next = totalRow + 2;
  for (const note of labels.notes) {
    b.set(next, 1, note, { italic: true, fontSize: 11, horizontal: "left" });
    b.merge({ top: next, bottom: next, left: 1, right: Math.max(lastCol, 2) });
    next++;
  }
  signature(b, next + (labels.notes.length ? 1 : 0), Math.max(lastCol, 2), labels.signature);

  return {
    sheetName: labels.sheetName,
    cells: b.list(),
    merges: b.merges,
    columnWidths: widths,
    printTitleRows: [top, numberingRow],
    page: { paper: "A4", orientation: totalWidth > 95 ? "landscape" : "portrait", fitToWidth: true },
    fontName: FONT,
    rowHeights: b.heights,
    variant: "table",
  };
}

export function sourcesSheet(result: Consolidation, labels: ConsolidationLabels): AppendixLayout {
  const b = new Builder();
  const sources: { source: UnitSource; included: boolean }[] = [
    ...result.rows.map((r) => ({ source: r.source, included: true })),
    ...result.excluded.map((e) => ({ source: e.source, included: false })),
  ];
  const columns = result.columns;
  const fixed = [labels.rowNumber, labels.unit, labels.file, labels.sheet, labels.range, labels.totalRow];
  const tail = [labels.check, labels.included, labels.sha256];
  const heads = [...fixed, ...columns.map((c) => c.header.replace(/ > /g, " - ")), ...tail];
  const lastCol = heads.length;
  // Widths in characters: the unit and file as long as they are (within reason), the check result wrapped in 36,
  // the SHA-256 (64 hex digits) on two lines, so the sheet prints legibly on a landscape A4.
  const longest = (texts: string[], min: number, max: number) =>
    Math.max(min, Math.min(max, ...texts.map((t) => width(t) + 2)));
  const widths = [
    6,
    longest(
      sources.map((s) => s.source.unit),
      18,
      30,
    ),
    longest(
      sources.map((s) => s.source.file),
      16,
      36,
    ),
    longest(
      sources.map((s) => s.source.sheet),
      12,
      24,
    ),
    12,
    10,
    ...columns.map(() => 12),
    36,
    12,
    34,
  ];
  const totalWidth = widths.reduce((a, w) => a + w, 0);
  titleRows(b, labels.sourcesTitle, labels.subtitle, lastCol, totalWidth);
  const top = 4;
  heads.forEach((h, i) => b.set(top, i + 1, h, header));
  b.heights[top] = 48;
  const plain: AppendixCellStyle = { border: true, vertical: "middle", fontSize: SIZE, wrap: true };
  sources.forEach(({ source, included }, i) => {
    const r = top + 1 + i;
    const texts: (string | number | null)[] = [
      i + 1,
      source.unit,
      source.file,
      source.sheet,
      source.range,
      source.totalRow ?? null,
    ];
    texts.forEach((t, j) =>
      b.set(r, j + 1, t, { ...plain, horizontal: j === 0 || j === 5 ? "center" : "left" }),
    );
    columns.forEach((c, j) => {
      const v =
        source.columns.find((x) => x.key === c.key) ??
        source.columns.find((x) => x.role === c.role && x.kind === c.kind);
      b.set(r, fixed.length + j + 1, v?.value ?? null, {
        ...plain,
        wrap: false,
        horizontal: "right",
        numberFormat: c.rate ? `0.${"0".repeat(c.decimals)}` : COUNT_FORMAT,
      });
    });
    const at = fixed.length + columns.length + 1;
    b.set(r, at, labels.checkResult(source), { ...plain, horizontal: "left" });
    b.set(r, at + 1, included ? labels.yes : labels.no, { ...plain, horizontal: "center" });
    b.set(r, at + 2, source.sha256 ?? null, { ...plain, horizontal: "left", fontSize: 10 });
    // Wrapped cells need their row's height: spreadsheets do not fit rows to wrapped text written by a file.
    const check = labels.checkResult(source);
    const lines = Math.max(
      1,
      Math.ceil((width(check) + 2) / (widths[at - 1] - 2)),
      source.sha256 ? Math.ceil(64 / ((widths[at + 1] - 2) * 1.15)) : 1,
      Math.ceil(width(source.unit) / (widths[1] - 2)),
      Math.ceil(width(source.file) / (widths[2] - 2)),
    );
    b.heights[r] = Math.max(APPENDIX_LOOK.bodyRowHeight, Math.ceil(lines * SIZE * 1.3 + 4));
  });
  return {
    sheetName: labels.sourcesSheetName,
    cells: b.list(),
    merges: b.merges,
    columnWidths: widths,
    printTitleRows: [top, top],
    page: { paper: "A4", orientation: "landscape", fitToWidth: true },
    fontName: FONT,
    rowHeights: b.heights,
    variant: "table",
  };
}
