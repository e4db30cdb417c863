// An appendix table as a host-neutral layout; the ExcelJS and Office.js adapters both render it.
// Two variants: the analysed table as it is, corrected (every derived cell a live formula on the new sheet), and a
// plan table "Dự kiến năm N" (start, reduction, projected) built from an allocation (plan.ts).
// Formatting follows Nghị định 30/2020/NĐ-CP as appendices are typed: Times New Roman, bold capital title, italic
// "(Kèm theo ...)" line, bold header with merged groups, numbering row, bold group and total rows, thin borders.
import { analyzeTable } from "./analyze";
import { a1, cellAt, cellText, columnLetter, isErrorValue, parseA1, type CellRange, type Grid } from "./grid";
import type { Lang, Row, Table } from "./model";
import { readNumber, type NumberKind } from "./numbers";
import { toRoman } from "./vocabulary";
import type { CellWrite, ColumnRole } from "./report";
import type { Plan } from "./plan";
import type { TableAnalysis } from "./index";
import { APPENDIX_LOOK, SIGNATURE_TEXT } from "./appendix-style";
import { isPercentFormat } from "./context";

export interface AppendixCellStyle {
  bold?: boolean;
  italic?: boolean;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle" | "bottom";
  wrap?: boolean;
  numberFormat?: string;
  border?: boolean;
  fontSize?: number;
  /** Indent from the aligned edge, in Excel indent steps (numbers keep off the right border). */
  indent?: number;
}

export interface AppendixCell {
  row: number;
  col: number;
  /** The value to show; for a formula cell, the engine's value of the formula (the cached result). */
  value: number | string | null;
  /** With "=", English function names, comma separators; references only cells of the appendix sheet. */
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
  /** Heights in points of rows whose text wraps (title, header, long labels); other rows keep the default. */
  rowHeights?: Record<number, number>;
  /** Which appendix this is. */
  variant?: "table" | "plan";
  /** Things the writer could not carry over as asked (a formula it had to replace by its value ...). */
  notes?: string[];
}

export const COUNT_FORMAT = "#,##0";
export const RATE_FORMAT = "0.00";
/** A rate stored as a fraction under a percent format (0.0579 shown 5,79%) keeps that convention. */
export const PERCENT_RATE_FORMAT = "0.00%";
// The look (fonts, sizes, page, margins, signature block) lives in appendix-style.ts, shared by every renderer.
export const APPENDIX_FONT = APPENDIX_LOOK.fontName;
const TABLE_FONT_SIZE = APPENDIX_LOOK.fontSize.table;
const TITLE_FONT_SIZE = APPENDIX_LOOK.fontSize.title;
const SUBTITLE_FONT_SIZE = APPENDIX_LOOK.fontSize.subtitle;
const BODY_ROW_HEIGHT = APPENDIX_LOOK.bodyRowHeight;

export interface AppendixOptions {
  /** The sheet the table was read from (values of input cells). */
  grid: Grid;
  /** Title line, written in capitals. Default: the table's own title, or a title naming the plan. */
  title?: string;
  /** The "(Kèm theo ...)" line. Default: the source's own line, or a blank form of it. */
  subtitle?: string;
  /** The plan variant: the allocation to show (plan.ts). Absent: the table as it is, corrected. */
  plan?: Plan;
  /** Year N of "Dự kiến năm N"; default: the year after the one the table names, or the current year. */
  year?: number;
  /** Names already used in the workbook: the appendix gets a new, unique one. */
  existingSheetNames?: readonly string[];
  sheetName?: string;
  lang?: Lang;
}

/** Builds the appendix layout of an analysed table. Pure: no host, no I/O. */
export function buildAppendix(analysis: TableAnalysis, options: AppendixOptions): AppendixLayout {
  return options.plan
    ? buildPlanAppendix(analysis, options.plan, options)
    : buildTableAppendix(analysis, options);
}

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

export { toRoman };

const INVALID_SHEET_CHARS = /[\\/?*[\]:]/g;

/** A sheet name Excel accepts (31 characters, no \ / ? * [ ] :) that no existing sheet has (case-insensitive). */
export function uniqueSheetName(base: string, existing: readonly string[]): string {
  const clean =
    base
      .replace(INVALID_SHEET_CHARS, " ")
      .replace(/^'+|'+$/g, "")
      .trim() || "Phụ lục";
  const taken = new Set(existing.map((n) => n.toLocaleLowerCase("vi")));
  const fit = (name: string, suffix: string) => name.slice(0, 31 - suffix.length).trimEnd() + suffix;
  let name = fit(clean, "");
  for (let k = 2; taken.has(name.toLocaleLowerCase("vi")); k++) name = fit(clean, ` (${k})`);
  return name;
}

function stripDiacritics(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
}

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

/** Length a text takes in Excel character units (Vietnamese diacritics do not widen a letter). */
function textWidth(text: string): number {
  return [...text.normalize("NFC")].length;
}

function longestWord(text: string): number {
  return Math.max(0, ...text.split(/\s+/).map(textWidth));
}

/**
 * The title and the "(Kèm theo ...)" line of the source: from the lines above the header (and the table's title,
 * which the engine may give as several lines). The title is the longest line in capitals, since the issuing
 * body's name ("ỦY BAN NHÂN DÂN XÃ ...") above it is shorter.
 */
function sourceTitleBlock(
  table: Table,
  grid: Grid,
): { title?: string; subtitle?: string; place?: string; body?: string } {
  const firstHeader = Math.min(...table.headerRows, table.range.top);
  const lines: string[] = table.title.split("\n");
  for (let r = grid.top; r < firstHeader; r++) {
    const texts: string[] = [];
    for (let c = table.range.left; c <= table.range.right; c++) {
      const t = cellText(cellAt(grid, r, c)).trim();
      if (t) texts.push(t);
    }
    lines.push(texts.join(" "));
  }
  let subtitle: string | undefined;
  // The issuing body ("ỦY BAN NHÂN DÂN" / "XÃ AN BÌNH", "CỘNG HÒA ...") is not the title; the title is the longest
  // run of capitalised lines after it, kept whole ("DỰ KIẾN" / "TỶ LỆ HỘ NGHÈO ... NĂM 2021").
  const runs: string[][] = [];
  let run: string[] = [];
  let place: string | undefined;
  let body: string | undefined;
  let afterBody = false;
  for (const raw of lines) {
    const line = raw.trim();
    const plain = stripDiacritics(line);
    if (!line) {
      if (run.length) runs.push(run);
      run = [];
      continue;
    }
    if (/^\(?\s*kem theo/.test(plain)) {
      subtitle ??= line;
      if (run.length) runs.push(run);
      run = [];
      continue;
    }
    const isBody =
      /^(uy ban nhan dan|ubnd|cong hoa|doc lap|hoi dong nhan dan|ban chi dao|phong lao dong)/.test(plain);
    const placeLine = afterBody && /^(xa|phuong|thi tran|huyen|quan|thi xa|thanh pho|tinh) /.test(plain);
    afterBody = isBody && /^(uy ban nhan dan|ubnd|hoi dong nhan dan)/.test(plain);
    if (afterBody) body ??= /^hoi dong/.test(plain) ? "HỘI ĐỒNG NHÂN DÂN" : "ỦY BAN NHÂN DÂN";
    if (placeLine) {
      // "XÃ AN BÌNH" (maybe followed by the republic's motto on the same row): the place of the date line.
      const name = line
        .split(/\s{2,}|\s(?=Độc lập|ĐỘC LẬP)/u)[0]
        .replace(/^\S+\s+(thị trấn\s+|thành phố\s+|thị xã\s+)?/iu, "");
      place ??= name
        .toLocaleLowerCase("vi")
        .replace(/(^|\s)(\p{L})/gu, (_, sp: string, ch: string) => sp + ch.toLocaleUpperCase("vi"));
    }
    if (isBody || placeLine) {
      if (run.length) runs.push(run);
      run = [];
      continue;
    }
    if (line === line.toLocaleUpperCase("vi") && /[A-ZÀ-Ỹ]/.test(line)) run.push(line);
    else {
      if (run.length) runs.push(run);
      run = [];
    }
  }
  if (run.length) runs.push(run);
  let title: string | undefined;
  for (const r of runs) {
    const text = r.join("\n");
    if (text.length > (title?.length ?? 0)) title = text;
  }
  if (!title)
    title = lines.map((l) => l.trim()).find((l) => l && !/^\(?\s*kem theo/.test(stripDiacritics(l)));
  return { title, subtitle, place, body };
}

function inferYear(table: Table, options: AppendixOptions): number {
  return options.year ?? tableYear(table);
}

/**
 * The year a table is about: the one its title names ("… NĂM 2024" is 2024), else its columns' latest (a report's
 * next year when it names only past years). The pane's "next year's plan" asks for this plus one.
 */
export function tableYear(table: Table): number {
  const years: number[] = [];
  const scan = (s: string) => {
    for (const m of s.matchAll(/\b(19\d\d|20\d\d)\b/g)) years.push(Number(m[1]));
  };
  scan(table.title);
  if (years.length) return Math.max(...years);
  for (const c of table.columns) scan(`${c.period} ${c.header}`);
  if (years.length === 0) return new Date().getFullYear();
  const last = Math.max(...years);
  return table.isPlan ? last : last + 1;
}

function defaultSubtitle(year: number, lang: Lang): string {
  return lang === "vi"
    ? `(Kèm theo Kế hoạch số       /KH-UBND ngày     tháng     năm ${year} của Ủy ban nhân dân ...)`
    : `(Attached to Plan No.       /KH-UBND dated ...... ${year} of the People's Committee of ...)`;
}

/** Estimated height in points of a row whose cells wrap, from the text length and the width it has. */
function wrappedHeight(text: string, width: number, fontSize: number): number {
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
class Sheet {
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

function titleBlock(
  sheet: Sheet,
  title: string,
  subtitle: string,
  width: number,
  totalWidth: number,
): number {
  const upper = title.toLocaleUpperCase("vi");
  sheet.set(1, 1, upper, {
    bold: true,
    horizontal: "center",
    vertical: "middle",
    wrap: true,
    fontSize: TITLE_FONT_SIZE,
  });
  sheet.merge({ top: 1, left: 1, bottom: 1, right: width });
  sheet.minHeight(1, wrappedHeight(upper, totalWidth * 0.9, TITLE_FONT_SIZE));
  sheet.set(2, 1, subtitle, {
    italic: true,
    horizontal: "center",
    vertical: "middle",
    wrap: true,
    fontSize: SUBTITLE_FONT_SIZE,
  });
  sheet.merge({ top: 2, left: 1, bottom: 2, right: width });
  sheet.minHeight(2, wrappedHeight(subtitle, totalWidth, SUBTITLE_FONT_SIZE));
  // Row 3 stays empty between the title block and the table.
  return 4;
}

function headerStyle(): AppendixCellStyle {
  return {
    bold: true,
    horizontal: "center",
    vertical: "middle",
    wrap: true,
    border: true,
    fontSize: TABLE_FONT_SIZE,
  };
}

function numberingStyle(): AppendixCellStyle {
  return {
    italic: true,
    horizontal: "center",
    vertical: "middle",
    border: true,
    fontSize: APPENDIX_LOOK.fontSize.numbering,
  };
}

function pageFor(totalWidth: number): AppendixLayout["page"] {
  // About 95 character units fit across portrait A4 at 12 pt; wider tables print landscape (still fit to width).
  return { paper: "A4", orientation: totalWidth > 95 ? "landscape" : "portrait", fitToWidth: true };
}

function rowStyleFor(kind: Row["kind"] | "label"): { bold: boolean } {
  // Aggregates are bold; units and their parts (Trong đó, Gồm, Riêng) are not.
  return { bold: kind !== "unit" && kind !== "part" };
}

/**
 * Under the table, after one empty row: the date line on the right; then "Người lập biểu" on the left and
 * "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH" on the right, as appendices are signed. No borders, centred in each half.
 */
function signatureBlock(sheet: Sheet, width: number, lang: Lang, place?: string, body?: string): void {
  const t = SIGNATURE_TEXT[lang];
  const last = Math.max(...[...sheet.cells.values()].map((c) => c.row));
  const half = Math.max(1, Math.floor(width / 2));
  const left = { left: 1, right: width > 1 ? half : 1 };
  const right = { left: width > 1 ? half + 1 : 1, right: width };
  const put = (
    row: number,
    side: { left: number; right: number },
    text: string,
    style: AppendixCellStyle,
  ) => {
    sheet.set(row, side.left, text, { horizontal: "center", vertical: "middle", fontSize: 13, ...style });
    sheet.merge({ top: row, bottom: row, left: side.left, right: side.right });
  };
  const date = last + 2;
  // The place of the issuing body the source names ("An Bình, ngày …"), else dots for the official to fill.
  put(date, right, place ? t.date.replace(/^…+/, place) : t.date, { italic: true });
  put(date + 1, left, t.preparer, { bold: true });
  // "TM. HỘI ĐỒNG NHÂN DÂN" when the source is the council's; the committee's otherwise.
  put(date + 1, right, body && lang === "vi" ? `TM. ${body}` : t.authority, { bold: true });
  put(date + 2, left, t.preparerNote, { italic: true });
  put(date + 2, right, t.authorityTitle, { bold: true });
}

/** Number shown in the STT column: groups get Roman numerals when the source gave none. */
function rowNumberText(row: Row, groupIndex: number): string {
  if (row.number) return row.number;
  if (row.kind === "group") return toRoman(groupIndex);
  return "";
}

// ---------------------------------------------------------------------------------------------------------------
// Formula translation: the engine's formulas name cells of the user's sheet; the appendix has its own rows.

const REF =
  /(?<![A-Za-z0-9_.!'"])(\$?)([A-Z]{1,3})(\$?)(\d+)(?::(\$?)([A-Z]{1,3})(\$?)(\d+))?(?![A-Za-z0-9_(!])/g;

/**
 * Rewrites every A1 reference of `formula` through `mapRow` / `mapCol`; undefined when a reference cannot be
 * carried over (another sheet, a row the appendix does not hold).
 */
export function translateFormula(
  formula: string,
  mapRow: (row: number, end?: "start" | "end", other?: number) => number | undefined,
  mapCol: (col: number) => number | undefined,
): string | undefined {
  if (formula.includes("!") || formula.includes('"')) return undefined;
  let ok = true;
  const colNum = (letters: string) => {
    let n = 0;
    for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n;
  };
  const out = formula.replace(REF, (_m, d1, c1, d2, r1, d3, c2, d4, r2) => {
    const col1 = mapCol(colNum(c1));
    if (c2 === undefined) {
      const row1 = mapRow(Number(r1));
      if (col1 === undefined || row1 === undefined) {
        ok = false;
        return _m;
      }
      return `${d1}${columnLetter(col1)}${d2}${row1}`;
    }
    const col2 = mapCol(colNum(c2));
    const row1 = mapRow(Number(r1), "start", Number(r2));
    const row2 = mapRow(Number(r2), "end", Number(r1));
    if (col1 === undefined || col2 === undefined || row1 === undefined || row2 === undefined || row1 > row2) {
      ok = false;
      return _m;
    }
    return `${d1}${columnLetter(col1)}${d2}${row1}:${d3}${columnLetter(col2)}${d4}${row2}`;
  });
  return ok ? out : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Variant 1: the table as it is, corrected

/**
 * The appendix prints what was meant: the inputs of the corrections list (corrections.ts, the one decision to
 * change an input; e.g. 1.518 typed in an English-locale Excel for 1518) replace what was typed, and the sheet is
 * read again with them, so that every derived value and formula agrees with the printed inputs.
 */
function withIntendedCounts(
  analysis: TableAnalysis,
  grid: Grid,
  lang: Lang,
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
    const by = f.confirmedBy.join(", ");
    notes.push(
      f.why === "non-integer-count"
        ? lang === "vi"
          ? `${f.cell}: ${String(f.old)} được ghi là ${f.value} (dấu chấm phân cách hàng nghìn bị hiểu thành dấu thập phân)`
          : `${f.cell}: ${String(f.old)} written as ${f.value} (a thousands separator read as a decimal point)`
        : lang === "vi"
          ? `${f.cell}: ${String(f.old)} được ghi là ${f.value} (giá trị khớp với các ô ${by})`
          : `${f.cell}: ${String(f.old)} written as ${f.value} (the value consistent with cells ${by})`,
    );
  }
  const corrected: Grid = { ...grid, cells };
  // The caller's options travel with the analysis: rounding, confirmed cells and the user's reading are kept.
  return { analysis: analyzeTable(corrected, analysis.table, analysis.options), grid: corrected, notes };
}

function buildTableAppendix(original: TableAnalysis, options: AppendixOptions): AppendixLayout {
  const lang = options.lang ?? "vi";
  const { analysis, grid, notes } = withIntendedCounts(original, options.grid, lang);
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
  const year = inferYear(table, options);
  const source = sourceTitleBlock(table, grid);
  const title = options.title ?? source.title ?? (lang === "vi" ? "PHỤ LỤC" : "APPENDIX");
  const subtitle = options.subtitle ?? source.subtitle ?? defaultSubtitle(year, lang);

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
          notes.push(
            lang === "vi"
              ? `${addr}: giữ giá trị ${String(d.value)} thay cho công thức ${d.formula}`
              : `${addr}: value ${String(d.value)} kept instead of the formula ${d.formula}`,
          );
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
  signatureBlock(sheet, width, lang, source.place, source.body);
  finishHeights(sheet, headerStart, headerEnd, widths);
  const totalWidth = widths.reduce((a, b) => a + b, 0);
  titleBlock(sheet, title, subtitle, width, totalWidth);
  return {
    sheetName: uniqueSheetName(
      options.sheetName ?? (lang === "vi" ? "Phụ lục" : "Appendix"),
      options.existingSheetNames ?? [],
    ),
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

/**
 * Counts show `#,##0`, rates `0.00`, whatever the source typed (General, "0.0" ...); rates written as fractions
 * under a percent format show `0.00%`.
 */
function normalizeFormat(format: string, kind: NumberKind | undefined): string {
  if (kind === "rate") return isPercentFormat(format) ? PERCENT_RATE_FORMAT : RATE_FORMAT;
  if (kind === "count") return COUNT_FORMAT;
  return format;
}

/** Row heights of wrapped header cells and long labels, from the final column widths. */
function finishHeights(sheet: Sheet, headerStart: number, headerEnd: number, widths: number[]): void {
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

// ---------------------------------------------------------------------------------------------------------------
// Variant 2: the plan table "Dự kiến năm N"

interface PlanColumn {
  key:
    | "stt"
    | "name"
    | "households"
    | "startPoor"
    | "startRate"
    | "reduction"
    | "rateReduction"
    | "projectedPoor"
    | "projectedRate";
  group?: string;
  header: string;
  number: string;
  width: number;
}

function planColumns(withRates: boolean, year: number, lang: Lang): PlanColumn[] {
  const vi = lang === "vi";
  const start = vi ? `Hộ nghèo đầu năm ${year}` : `Poor households, start of ${year}`;
  const red = vi ? `Chỉ tiêu giảm hộ nghèo năm ${year}` : `Reduction target ${year}`;
  const proj = vi ? `Dự kiến hộ nghèo cuối năm ${year}` : `Projected poor households, end of ${year}`;
  const count = vi ? "Số hộ" : "Households";
  const rate = vi ? "Tỷ lệ (%)" : "Rate (%)";
  const cols: PlanColumn[] = [
    { key: "stt", header: vi ? "STT" : "No.", number: "A", width: 6 },
    { key: "name", header: vi ? "Đơn vị" : "Unit", number: "B", width: 24 },
  ];
  if (withRates)
    cols.push({ key: "households", header: vi ? "Tổng số hộ" : "Total households", number: "", width: 11 });
  cols.push({ key: "startPoor", group: start, header: count, number: "", width: 10 });
  if (withRates) cols.push({ key: "startRate", group: start, header: rate, number: "", width: 10 });
  cols.push({ key: "reduction", group: red, header: count, number: "", width: 10 });
  if (withRates)
    cols.push({
      key: "rateReduction",
      group: red,
      header: vi ? "Tỷ lệ giảm (%)" : "Rate reduction (points)",
      number: "",
      width: 10,
    });
  cols.push({ key: "projectedPoor", group: proj, header: count, number: "", width: 10 });
  if (withRates) cols.push({ key: "projectedRate", group: proj, header: rate, number: "", width: 10 });
  // Numbering: 1, 2, ... with the relations stated the way the tables state them.
  const num = new Map<PlanColumn["key"], number>();
  let k = 1;
  for (const c of cols) if (c.key !== "stt" && c.key !== "name") num.set(c.key, k++);
  const n = (key: PlanColumn["key"]) => num.get(key);
  for (const c of cols) {
    if (c.key === "stt" || c.key === "name") continue;
    const self = n(c.key)!;
    if (c.key === "startRate") c.number = `${self}=${n("startPoor")}/${n("households")}*100`;
    else if (c.key === "rateReduction") c.number = `${self}=${n("startRate")}-${n("projectedRate")}`;
    else if (c.key === "projectedPoor") c.number = `${self}=${n("startPoor")}-${n("reduction")}`;
    else if (c.key === "projectedRate") c.number = `${self}=${n("projectedPoor")}/${n("households")}*100`;
    else c.number = String(self);
  }
  return cols;
}

/** SUM over the rows an aggregate covers, contiguous runs as ranges: SUM(C8:C10,C14). */
function sumFormula(letter: string, rows: number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(i === j ? `${letter}${sorted[i]}` : `${letter}${sorted[i]}:${letter}${sorted[j]}`);
    i = j + 1;
  }
  return `SUM(${parts.join(",")})`;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function buildPlanAppendix(analysis: TableAnalysis, plan: Plan, options: AppendixOptions): AppendixLayout {
  const { table } = analysis;
  const lang = options.lang ?? "vi";
  const year = inferYear(table, options);
  const withRates = plan.allocations.every((a) => a.households !== null);
  const cols = planColumns(withRates, year, lang);
  const colOf = new Map(cols.map((c, i) => [c.key, i + 1]));
  const letter = (key: PlanColumn["key"]) => columnLetter(colOf.get(key)!);
  const sheet = new Sheet();
  const widths = cols.map((c) => c.width);

  const headerStart = 4;
  const h1 = headerStart;
  const h2 = headerStart + 1;
  const numberingRow = headerStart + 2;
  // Header: single columns merged over both header rows, grouped columns under a merged group cell.
  for (let i = 0; i < cols.length;) {
    const c = cols[i];
    if (!c.group) {
      sheet.set(h1, i + 1, c.header, headerStyle());
      sheet.set(h2, i + 1, null, headerStyle());
      sheet.merge({ top: h1, bottom: h2, left: i + 1, right: i + 1 });
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < cols.length && cols[j + 1].group === c.group) j++;
    sheet.set(h1, i + 1, c.group, headerStyle());
    for (let k = i + 1; k <= j; k++) sheet.set(h1, k + 1, null, headerStyle());
    sheet.merge({ top: h1, bottom: h1, left: i + 1, right: j + 1 });
    for (let k = i; k <= j; k++) sheet.set(h2, k + 1, cols[k].header, headerStyle());
    i = j + 1;
  }
  cols.forEach((c, i) => sheet.set(numberingRow, i + 1, c.number, numberingStyle()));

  // Body rows in sheet order: units from the plan, aggregates from the table.
  type BodyRow = {
    source: Row;
    unit?: (typeof plan.allocations)[number];
    agg?: (typeof plan.aggregates)[number];
  };
  const unitByRow = new Map(plan.allocations.map((a) => [a.row, a]));
  const aggByRow = new Map(plan.aggregates.map((a) => [a.row, a]));
  const body: BodyRow[] = [...table.rows]
    .sort((a, b) => a.row - b.row)
    .filter((r) => unitByRow.has(r.row) || aggByRow.has(r.row) || r.kind !== "unit")
    .map((r) => ({ source: r, unit: unitByRow.get(r.row), agg: aggByRow.get(r.row) }));
  const rowMap = new Map<number, number>();
  let r = numberingRow + 1;
  for (const b of body) rowMap.set(b.source.row, r++);

  let groupIndex = 0;
  for (const b of body) {
    const nr = rowMap.get(b.source.row)!;
    if (b.source.kind === "group") groupIndex++;
    const bold = b.source.kind !== "unit" && b.source.kind !== "part";
    const style = (extra: AppendixCellStyle): AppendixCellStyle => ({
      bold,
      border: true,
      vertical: "middle",
      fontSize: TABLE_FONT_SIZE,
      ...extra,
    });
    const countStyle = style({ horizontal: "right", indent: 1, numberFormat: COUNT_FORMAT });
    const rateStyle = style({ horizontal: "right", indent: 1, numberFormat: RATE_FORMAT });
    const label = b.unit?.label ?? b.agg?.label ?? b.source.label;
    if (b.source.kind === "total" || b.source.kind === "subtotal") {
      // "Tổng cộng" spreads over the STT and name columns, as the tables write it.
      sheet.set(nr, colOf.get("stt")!, label, style({ horizontal: "center" }));
      sheet.set(nr, colOf.get("name")!, null, style({}));
      sheet.merge({ top: nr, bottom: nr, left: colOf.get("stt")!, right: colOf.get("name")! });
    } else {
      sheet.set(
        nr,
        colOf.get("stt")!,
        rowNumberText(b.source, groupIndex) || null,
        style({ horizontal: "center" }),
      );
      sheet.set(nr, colOf.get("name")!, label, style({ horizontal: "left", wrap: true }));
    }
    widths[colOf.get("name")! - 1] = Math.max(
      widths[colOf.get("name")! - 1],
      Math.min(40, textWidth(label) + 2),
    );
    const figures = b.unit ?? b.agg;
    const covered = (b.agg ? (table.rows.find((x) => x.row === b.source.row)?.covers ?? []) : [])
      .map((x) => rowMap.get(x))
      .filter((x): x is number => x !== undefined);
    if (!figures || (b.agg && covered.length === 0)) {
      for (const c of cols)
        if (c.key !== "stt" && c.key !== "name") sheet.set(nr, colOf.get(c.key)!, null, style({}));
      continue;
    }
    const input = (key: "households" | "startPoor" | "reduction", value: number | null) => {
      if (!colOf.has(key)) return;
      if (b.unit) sheet.set(nr, colOf.get(key)!, value, countStyle);
      else sheet.set(nr, colOf.get(key)!, value, countStyle, `=${sumFormula(letter(key), covered)}`);
    };
    input("households", figures.households);
    input("startPoor", figures.startPoor);
    input("reduction", figures.reduction);
    sheet.set(
      nr,
      colOf.get("projectedPoor")!,
      figures.projectedPoor,
      countStyle,
      `=${letter("startPoor")}${nr}-${letter("reduction")}${nr}`,
    );
    if (withRates) {
      const hh = `${letter("households")}${nr}`;
      sheet.set(
        nr,
        colOf.get("startRate")!,
        figures.startRate,
        rateStyle,
        `=ROUND(${letter("startPoor")}${nr}/${hh}*100,2)`,
      );
      sheet.set(
        nr,
        colOf.get("projectedRate")!,
        figures.projectedRate,
        rateStyle,
        `=ROUND(${letter("projectedPoor")}${nr}/${hh}*100,2)`,
      );
      const diff =
        figures.startRate !== null && figures.projectedRate !== null
          ? round2(figures.startRate - figures.projectedRate)
          : null;
      sheet.set(
        nr,
        colOf.get("rateReduction")!,
        diff,
        rateStyle,
        `=ROUND(${letter("startRate")}${nr}-${letter("projectedRate")}${nr},2)`,
      );
    }
  }
  const source = sourceTitleBlock(table, options.grid);
  signatureBlock(sheet, cols.length, lang, source.place, source.body);
  finishHeights(sheet, headerStart, numberingRow, widths);
  const totalWidth = widths.reduce((a, b) => a + b, 0);
  const vi = lang === "vi";
  const title =
    options.title ??
    (vi
      ? `Chỉ tiêu giảm hộ nghèo và dự kiến tỷ lệ hộ nghèo năm ${year}`
      : `Poverty reduction targets and projected poor rates, ${year}`);
  titleBlock(sheet, title, options.subtitle ?? defaultSubtitle(year, lang), cols.length, totalWidth);
  return {
    sheetName: uniqueSheetName(
      options.sheetName ?? (vi ? `Dự kiến năm ${year}` : `Plan ${year}`),
      options.existingSheetNames ?? [],
    ),
    cells: sheet.list(),
    merges: sheet.merges,
    columnWidths: widths,
    printTitleRows: [headerStart, numberingRow],
    page: pageFor(totalWidth),
    fontName: APPENDIX_FONT,
    rowHeights: sheet.heights,
    variant: "plan",
  };
}
