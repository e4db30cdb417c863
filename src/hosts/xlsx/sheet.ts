// Reads a worksheet part into the engine's Grid, streaming: the part is inflated in chunks into a saxes parser, so a
// 1,048,576-row sheet never exists as one string. Only what the engine needs: values (shared strings, inline
// strings, booleans, errors, dates as dd/mm/yyyy text), formulas (shared formulas expanded to each cell), number
// formats, bold, merged areas; plus what the patcher needs to refuse cells (array ranges, protection, hidden
// rows/cols). Browser-safe.
import { SaxesParser, type SaxesTagPlain } from "saxes";
import {
  type Cell,
  type CellRange,
  type CellValue,
  type Grid,
  columnLetter,
  columnNumber,
  parseRangeA1,
} from "../../engine";
import { reasonDetail, XlsxReadError } from "./errors";
import { XmlGuard, XmlLimitError } from "./guard";
import type { SheetInfo, XlsxPackage } from "./package";
import { childNamed, childrenNamed, localName as local, xmlBool, type XmlNode } from "./xml";

/** Excel's grid: rows and columns beyond it are a damaged sheet, never a reason to allocate. */
export const MAX_ROW = 1048576;
export const MAX_COL = 16384;

// ---------------------------------------------------------------------------------------------------------------
// Styles

const BUILTIN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

export interface StyleInfo {
  /** Per cellXfs index: number format text ("General" omitted as undefined). */
  formats: (string | undefined)[];
  bold: boolean[];
  /** Per cellXfs index: is the cell locked when the sheet is protected (the default is locked). */
  locked: boolean[];
  isDate: boolean[];
}

function isDateFormat(format: string | undefined, id?: number): boolean {
  if (
    id !== undefined &&
    ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58))
  )
    return true;
  if (!format || format === "General") return false;
  const bare = format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?!h\]|m\]|s\]|hh\]|mm\]|ss\])[^\]]*\]/gi, "");
  return /[dmyhs]/i.test(bare) && !/^[#0.,%\s;()-]*$/.test(bare);
}

export function readStyles(pkg: XlsxPackage): StyleInfo {
  const out: StyleInfo = { formats: [], bold: [], locked: [], isDate: [] };
  if (!pkg.stylesPart) return out;
  const root: XmlNode = pkg.tree(pkg.stylesPart);
  const custom = new Map<number, string>();
  for (const t of childrenNamed(childNamed(root, "numFmts"), "numFmt"))
    custom.set(Number(t.attrs.numFmtId), t.attrs.formatCode ?? "");
  const fontBold = childrenNamed(childNamed(root, "fonts"), "font").map((f) => {
    const b = childNamed(f, "b");
    return b !== undefined && xmlBool(b.attrs.val, true);
  });
  for (const x of childrenNamed(childNamed(root, "cellXfs"), "xf")) {
    const id = Number(x.attrs.numFmtId ?? 0);
    const format = custom.get(id) ?? BUILTIN_FORMATS[id];
    out.formats.push(format && format !== "General" ? format : undefined);
    out.isDate.push(isDateFormat(format, id));
    out.bold.push(fontBold[Number(x.attrs.fontId ?? 0)] ?? false);
    const p = childNamed(x, "protection");
    out.locked.push(p ? xmlBool(p.attrs.locked, true) : true);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Shared strings

function readSharedStrings(pkg: XlsxPackage): string[] {
  const out: string[] = [];
  if (!pkg.sharedStringsPart) return out;
  const parser = new SaxesParser({ xmlns: false, position: false });
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let text = "";
  parser.on("opentag", (tag: SaxesTagPlain) => {
    const n = local(tag.name);
    if (n === "si") {
      inSi = true;
      text = "";
    } else if (n === "rPh") phonetic++;
    else if (n === "t" && inSi && phonetic === 0) inT = true;
  });
  parser.on("text", (t) => {
    if (inT) text += t;
  });
  parser.on("cdata", (t) => {
    if (inT) text += t;
  });
  parser.on("closetag", (tag: SaxesTagPlain) => {
    const n = local(tag.name);
    if (n === "t") inT = false;
    else if (n === "rPh") phonetic--;
    else if (n === "si") {
      out.push(text);
      inSi = false;
    }
  });
  parseStream(pkg, pkg.sharedStringsPart, parser, pkg.sharedStringsPart);
  return out;
}

/**
 * Streams a part through a parser behind the guard's bounds; XML it cannot parse becomes a reader error (`code`)
 * naming `what`, XML over a bound a "limit" error naming it.
 */
function parseStream(
  pkg: XlsxPackage,
  part: string,
  parser: SaxesParser,
  what: string,
  code: "corrupt" | "sheet-damaged" = "corrupt",
): void {
  const guard = new XmlGuard();
  try {
    pkg.stream(part, (t) => {
      guard.write(t);
      parser.write(t);
    });
    parser.close();
  } catch (err) {
    if (err instanceof XlsxReadError || err instanceof BeyondGrid || err instanceof OverBudget) throw err;
    if (err instanceof XmlLimitError)
      throw new XlsxReadError("limit", pkg.fileName, reasonDetail(what, err.kind, err.limit));
    const reason = err instanceof Error ? err.message.split("\n")[0] : String(err);
    throw new XlsxReadError(code, pkg.fileName, `${what}: ${reason.slice(0, 160)}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Formulas

const REF = /(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\w(.!])/g;

/** Moves the relative references of a formula by (dRow, dCol), leaving text in quotes alone. */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // A string literal or a quoted sheet name, with doubled quotes inside.
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < formula.length && formula[j] !== '"' && formula[j] !== "'") j++;
    out += shiftPlain(formula.slice(i, j), dRow, dCol);
    i = j;
  }
  return out;
}

function shiftPlain(text: string, dRow: number, dCol: number): string {
  return text.replace(
    REF,
    (m, cAbs: string, letters: string, rAbs: string, digits: string, offset: number) => {
      const before = offset > 0 ? text[offset - 1] : "";
      if (/[\w.]/.test(before)) return m; // part of a name (e.g. LOG10, a defined name, a number)
      let col = columnNumber(letters);
      let row = Number(digits);
      if (col > 16384) return m;
      if (!cAbs) col += dCol;
      if (!rAbs) row += dRow;
      if (col < 1 || row < 1) return "#REF!";
      return `${cAbs}${columnLetter(col)}${rAbs}${row}`;
    },
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Worksheet

export interface SheetExtras {
  /** Array formula ranges (legacy CSE and dynamic arrays). */
  arrays: CellRange[];
  hiddenRows: number[];
  hiddenCols: number[];
  /** `<sheetProtection sheet="1">`: locked cells cannot be written. */
  protected: boolean;
  /** A1 addresses of cells whose style leaves them unlocked. */
  unlocked: Set<string>;
}

export interface ReadSheetResult {
  grid: Grid;
  extras: SheetExtras;
}

/** Excel serial day → dd/mm/yyyy [hh:mm], as a Vietnamese reader writes dates. */
function serialDateText(serial: number, date1904 = false): string {
  const ms = Math.round(serial * 86400000);
  const base = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const d = new Date(base + ms);
  const pad = (n: number) => String(n).padStart(2, "0");
  const date = `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  return h || m ? `${date} ${pad(h)}:${pad(m)}` : date;
}

export interface ReadContext {
  strings: string[];
  styles: StyleInfo;
  date1904: boolean;
  /** Most cells one sheet may hold (the page's memory budget); unlimited when missing. */
  maxCells?: number;
}

export function readContext(pkg: XlsxPackage): ReadContext {
  return { strings: readSharedStrings(pkg), styles: readStyles(pkg), date1904: pkg.date1904 };
}

const A1 = /^([A-Za-z]{1,3})(\d{1,7})$/;

/** Thrown inside the parser's handlers when a sheet passes the cells budget; becomes "too-large". */
class OverBudget extends Error {}

/** Thrown inside the parser's handlers for an address outside Excel's grid; becomes "sheet-damaged". */
class BeyondGrid extends Error {
  constructor(readonly address: string) {
    super(address);
  }
}

/** `keep` limits which cells are stored (verification reads back only the written ones). */
export function readSheet(
  pkg: XlsxPackage,
  sheet: SheetInfo,
  ctx: ReadContext,
  keep?: (row: number, col: number) => boolean,
): ReadSheetResult {
  const part = sheet.part;
  if (!part) throw new XlsxReadError("unknown-sheet", pkg.fileName, `"${sheet.name}"`);
  const cells: (Cell | undefined)[][] = [];
  const merges: CellRange[] = [];
  const extras: SheetExtras = {
    arrays: [],
    hiddenRows: [],
    hiddenCols: [],
    protected: false,
    unlocked: new Set(),
  };
  const shared = new Map<string, { formula: string; row: number; col: number }>();
  const { strings, styles } = ctx;
  const maxCells = ctx.maxCells ?? Infinity;
  let stored = 0;

  let row = 0;
  let col = 0;
  let style = 0;
  let type = "";
  let cellMeta = false;
  let fType = "";
  let fRef = "";
  let fSi = "";
  let inF = false;
  let inV = false;
  let inIs = false;
  let inT = false;
  let phonetic = 0;
  let fText = "";
  let vText = "";
  let isText = "";
  let hasF = false;

  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on("opentag", (tag: SaxesTagPlain) => {
    const n = local(tag.name);
    const a = tag.attributes as Record<string, string>;
    switch (n) {
      case "row": {
        row = a.r ? Number(a.r) : row + 1;
        if (!(Number.isInteger(row) && row >= 1 && row <= MAX_ROW)) throw new BeyondGrid(`${a.r ?? row}`);
        col = 0;
        if (xmlBool(a.hidden)) extras.hiddenRows.push(row);
        break;
      }
      case "c": {
        const m = a.r ? A1.exec(a.r) : null;
        if (m) {
          col = columnNumber(m[1]);
          row = Number(m[2]);
        } else if (a.r) throw new BeyondGrid(a.r);
        else col += 1;
        if (col > MAX_COL || row > MAX_ROW || row < 1)
          throw new BeyondGrid(m ? a.r : `${columnLetter(Math.min(col, 99999))}${row}`);
        style = a.s ? Number(a.s) : 0;
        type = a.t ?? "n";
        cellMeta = a.cm !== undefined;
        hasF = false;
        fText = "";
        vText = "";
        isText = "";
        fType = "";
        break;
      }
      case "f":
        inF = true;
        hasF = true;
        fType = a.t ?? "";
        fRef = a.ref ?? "";
        fSi = a.si ?? "";
        break;
      case "v":
        inV = true;
        break;
      case "is":
        inIs = true;
        break;
      case "rPh":
        phonetic++;
        break;
      case "t":
        if (inIs && phonetic === 0) inT = true;
        break;
      case "mergeCell":
        if (a.ref) merges.push(parseRangeA1(a.ref));
        break;
      case "col":
        if (xmlBool(a.hidden))
          for (let c = Number(a.min); c <= Number(a.max) && c <= 16384; c++) extras.hiddenCols.push(c);
        break;
      case "sheetProtection":
        extras.protected = xmlBool(a.sheet);
        break;
    }
  });
  parser.on("text", (t) => {
    if (inV) vText += t;
    else if (inF) fText += t;
    else if (inT) isText += t;
  });
  parser.on("closetag", (tag: SaxesTagPlain) => {
    const n = local(tag.name);
    switch (n) {
      case "f":
        inF = false;
        break;
      case "v":
        inV = false;
        break;
      case "t":
        inT = false;
        break;
      case "rPh":
        phonetic--;
        break;
      case "is":
        inIs = false;
        break;
      case "c":
        finishCell();
        break;
    }
  });

  function finishCell(): void {
    if (styles.locked[style] === false) extras.unlocked.add(`${columnLetter(col)}${row}`);
    let formula: string | undefined;
    if (hasF) {
      if (fType === "shared") {
        if (fText) {
          formula = fText;
          shared.set(fSi, { formula: fText, row, col });
        } else {
          const master = shared.get(fSi);
          if (master) formula = shiftFormula(master.formula, row - master.row, col - master.col);
        }
      } else {
        formula = fText || undefined;
        if (fType === "array" && fRef) extras.arrays.push(parseRangeA1(fRef));
      }
    }
    if (cellMeta) extras.arrays.push({ top: row, left: col, bottom: row, right: col });
    const cell: Cell = { value: null };
    let value: CellValue = null;
    switch (type) {
      case "s": {
        const s = strings[Number(vText)];
        value = s ?? null;
        break;
      }
      case "str":
        value = vText;
        break;
      case "inlineStr":
        value = isText;
        break;
      case "b":
        value = vText === "" ? null : vText === "1" || vText === "true";
        break;
      case "e":
        value = vText ? { error: vText } : null;
        break;
      case "d":
        if (vText) {
          const d = new Date(vText);
          value = Number.isNaN(d.getTime()) ? vText : serialDateText(d.getTime() / 86400000 + 25569);
          cell.text = String(value);
        }
        break;
      default:
        if (vText !== "") {
          const num = Number(vText);
          value = Number.isFinite(num) ? num : vText;
          if (typeof value === "number" && styles.isDate[style]) {
            const text = serialDateText(value, ctx.date1904);
            cell.text = text;
            value = text;
          }
        }
    }
    if ((value === null || value === "") && !formula) return;
    if (keep && !keep(row, col)) return;
    cell.value = value;
    if (formula) cell.formula = `=${formula}`;
    const format = styles.formats[style];
    if (format) cell.numberFormat = format;
    if (styles.bold[style]) cell.bold = true;
    if (++stored > maxCells) throw new OverBudget();
    let r = cells[row - 1];
    if (!r) r = cells[row - 1] = [];
    r[col - 1] = cell;
  }

  const what = `"${sheet.name}" (${part})`;
  try {
    parseStream(pkg, part, parser, what, "sheet-damaged");
  } catch (err) {
    if (err instanceof BeyondGrid)
      throw new XlsxReadError("sheet-damaged", pkg.fileName, reasonDetail(what, "beyond-grid", err.address));
    if (err instanceof OverBudget)
      throw new XlsxReadError("too-large", pkg.fileName, reasonDetail(what, "cells", maxCells));
    throw err;
  }
  // Bounded by MAX_ROW: a lone cell at XFD1048576 costs a million empty rows at most, never more.
  for (let i = 0; i < cells.length; i++) if (!cells[i]) cells[i] = [];
  return { grid: { sheet: sheet.name, top: 1, left: 1, cells, merges }, extras };
}

/** Every worksheet of the package as a Grid, in tab order (chart sheets skipped). */
export function readGrids(pkg: XlsxPackage, only?: string): Grid[] {
  const ctx = readContext(pkg);
  return pkg.sheets
    .filter((s) => s.part && (only === undefined || s.name === only))
    .map((s) => readSheet(pkg, s, ctx).grid);
}
