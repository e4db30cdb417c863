// Edits an .xlsx package in place of rebuilding it: only the <c> elements of the written cells change (formula and
// cached value, the cell's style index kept), calcChain is dropped and the workbook asked to recalculate on load;
// new sheets (appendices) are added as one part each with their styles appended to styles.xml. Every other part is
// copied as its original compressed bytes. Cells inside a pivot table, a table's totals row, an array formula or
// locked on a protected sheet are never written: they are returned for a person to handle. Browser-safe.
import {
  type CellWrite,
  type Refusal,
  type RefusalReason,
  type AppendixLayout,
  uniqueSheetName,
  columnLetter,
  columnNumber,
  parseA1,
  parseRangeA1,
  type CellRange,
} from "../../engine";
import { XlsxReadError } from "./errors";
import { openPackage, relsPathFor, REL_NS, type XlsxPackage, type SheetInfo } from "./package";
import { readContext, readSheet, readStyles, shiftFormula } from "./sheet";
import { StylesEditor } from "./styles";
import { appendixSheetXml } from "./newsheet";
import {
  binaryToBytes,
  escapeAttr,
  escapeText,
  findClose,
  findTag,
  findTags,
  prefixFor,
  utf8Binary,
  xmlBool,
} from "./xml";
import { writeZip, type OutPart } from "./zip";

export type { Refusal, RefusalReason } from "../../engine";

export interface PatchInput {
  writes?: CellWrite[];
  /** Appendix sheets to add at the end of the workbook. */
  sheets?: AppendixLayout[];
}

export interface PatchResult {
  bytes: Uint8Array;
  written: CellWrite[];
  refused: Refusal[];
  /** Names of the sheets added (made unique). */
  added: string[];
  /** Parts whose content changed, parts added and parts dropped. */
  changed: string[];
  addedParts: string[];
  dropped: string[];
}

const WORKSHEET_TYPE = `${REL_NS}/worksheet`;
const WORKSHEET_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const STYLES_TYPE = `${REL_NS}/styles`;
const STYLES_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

const inRange = (r: CellRange, row: number, col: number) =>
  row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;

const encoder = new TextEncoder();

/** Applies writes and new sheets to the package; throws XlsxReadError("verify-failed") if the result lost anything. */
export function patchPackage(pkg: XlsxPackage, input: PatchInput): PatchResult {
  // Worksheets are edited as byte strings (their bytes kept), the little parts as text.
  const replaced = new Map<string, string | Uint8Array>();
  const addedParts = new Map<string, string>();
  const dropped = new Set<string>();
  const refused: Refusal[] = [];
  const written: CellWrite[] = [];
  const styleInfo = readStyles(pkg);
  const styles = new StylesEditor(pkg.stylesPart ? pkg.text(pkg.stylesPart) : undefined);

  const sheetsDone = patchSheets(pkg, input.writes ?? [], styles, styleInfo);
  // Never push(...big): 400,000 written cells would overflow the call stack.
  for (const r of sheetsDone.refused) refused.push(r);
  for (const w of sheetsDone.written) written.push(w);
  for (const [part, xml] of sheetsDone.replaced) replaced.set(part, xml);

  const workbookPart = pkg.workbookPart;
  let workbookXml = pkg.text(workbookPart);
  const wbRelsPart = relsPathFor(workbookPart);
  let wbRels = pkg.has(wbRelsPart)
    ? pkg.text(wbRelsPart)
    : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  let contentTypes = pkg.text("[Content_Types].xml");
  let relsChanged = false;
  let typesChanged = false;

  if (written.length > 0) {
    workbookXml = setFullCalcOnLoad(workbookXml);
    if (pkg.calcChainPart) {
      dropped.add(pkg.calcChainPart);
      wbRels = wbRels.replace(/<(?:\w+:)?Relationship\b[^>]*\/calcChain"[^>]*\/>/g, "");
      relsChanged = true;
      contentTypes = contentTypes.replace(
        new RegExp(`<(?:\\w+:)?Override\\b[^>]*PartName="/${escapeRe(pkg.calcChainPart)}"[^>]*/>`, "gi"),
        "",
      );
      typesChanged = true;
    }
  }

  // --- new sheets
  const added: string[] = [];
  if (input.sheets?.length) {
    const names = pkg.sheets.map((s) => s.name);
    const dir = workbookPart.includes("/") ? workbookPart.slice(0, workbookPart.lastIndexOf("/") + 1) : "";
    let sheetNo = 1;
    let sheetId = Math.max(0, ...pkg.sheets.map((s) => Number(s.sheetId) || 0)) + 1;
    let position = pkg.sheets.length;
    const relIds = new Set(findTags(wbRels, "Relationship").map((t) => t.attrs.Id));
    const rPrefix = prefixFor(workbookXml, REL_NS);
    if (rPrefix === undefined) {
      workbookXml = workbookXml.replace(/<((?:\w+:)?workbook)\b/, `<$1 xmlns:r="${REL_NS}"`);
    }
    const r = rPrefix || "r";
    for (const layout of input.sheets) {
      const name = uniqueSheetName(layout.sheetName, names);
      names.push(name);
      while (
        pkg.has(`${dir}worksheets/sheet${sheetNo}.xml`) ||
        addedParts.has(`${dir}worksheets/sheet${sheetNo}.xml`)
      )
        sheetNo++;
      const part = `${dir}worksheets/sheet${sheetNo}.xml`;
      let rid = 1;
      while (relIds.has(`rId${rid}`)) rid++;
      const rId = `rId${rid}`;
      relIds.add(rId);
      addedParts.set(
        part,
        appendixSheetXml(layout, (style) => styles.appendixStyle(style, layout.fontName)),
      );
      wbRels = insertBefore(
        wbRels,
        "Relationships",
        `<Relationship Id="${rId}" Type="${WORKSHEET_TYPE}" Target="/${escapeAttr(part)}"/>`,
      );
      relsChanged = true;
      contentTypes = insertBefore(
        contentTypes,
        "Types",
        `<Override PartName="/${escapeAttr(part)}" ContentType="${WORKSHEET_CT}"/>`,
      );
      typesChanged = true;
      const sheetsTag = findTag(workbookXml, "sheets")!;
      const sheetsClose = findClose(workbookXml, "sheets", sheetsTag.prefix, sheetsTag.end);
      const p = sheetsTag.prefix ? `${sheetsTag.prefix}:` : "";
      workbookXml = `${workbookXml.slice(0, sheetsClose)}<${p}sheet name="${escapeAttr(name)}" sheetId="${sheetId}" ${r}:id="${rId}"/>${workbookXml.slice(sheetsClose)}`;
      const [first, last] = layout.printTitleRows;
      workbookXml = addDefinedName(
        workbookXml,
        `<${p}definedName name="_xlnm.Print_Titles" localSheetId="${position}">${escapeText(quoteSheet(name))}!$${first}:$${last}</${p}definedName>`,
      );
      sheetId++;
      position++;
      added.push(name);
    }
  }

  if (styles.changed) {
    if (pkg.stylesPart) replaced.set(pkg.stylesPart, styles.toXml());
    else {
      const part = `${workbookPart.includes("/") ? workbookPart.slice(0, workbookPart.lastIndexOf("/") + 1) : ""}styles.xml`;
      addedParts.set(part, styles.toXml());
      wbRels = insertBefore(
        wbRels,
        "Relationships",
        `<Relationship Id="rIdStyles1" Type="${STYLES_TYPE}" Target="/${part}"/>`,
      );
      contentTypes = insertBefore(
        contentTypes,
        "Types",
        `<Override PartName="/${part}" ContentType="${STYLES_CT}"/>`,
      );
      relsChanged = typesChanged = true;
    }
  }
  if (written.length > 0 || added.length > 0) replaced.set(workbookPart, workbookXml);
  if (relsChanged) {
    if (pkg.has(wbRelsPart)) replaced.set(pkg.actual(wbRelsPart), wbRels);
    else addedParts.set(wbRelsPart, wbRels);
  }
  if (typesChanged) replaced.set(pkg.actual("[Content_Types].xml"), contentTypes);

  const parts: OutPart[] = [];
  for (const name of pkg.order) {
    if (dropped.has(name)) continue;
    const text = replaced.get(name);
    if (text !== undefined) {
      const e = pkg.entries.get(name)!;
      const data = typeof text === "string" ? encoder.encode(text) : text;
      parts.push({ name, data, time: e.time, date: e.date });
    } else parts.push({ name, copy: pkg.entries.get(name)!, source: pkg.bytes });
  }
  for (const [name, text] of addedParts) parts.push({ name, data: encoder.encode(text) });
  const bytes = writeZip(parts);
  const result: PatchResult = {
    bytes,
    written,
    refused,
    added,
    changed: [...replaced.keys()],
    addedParts: [...addedParts.keys()],
    dropped: [...dropped],
  };
  verifyPatch(pkg, result);
  return result;
}

/** The writes that would be refused (pivot, totals row, array, protected, boolean), without writing anything. */
export function checkWrites(pkg: XlsxPackage, writes: CellWrite[]): Refusal[] {
  const styles = new StylesEditor(pkg.stylesPart ? pkg.text(pkg.stylesPart) : undefined);
  return patchSheets(pkg, writes, styles, readStyles(pkg)).refused;
}

function patchSheets(
  pkg: XlsxPackage,
  all: CellWrite[],
  styles: StylesEditor,
  styleInfo: ReturnType<typeof readStyles>,
): { refused: Refusal[]; written: CellWrite[]; replaced: Map<string, Uint8Array> } {
  const refused: Refusal[] = [];
  const written: CellWrite[] = [];
  const replaced = new Map<string, Uint8Array>();
  const bySheet = new Map<string, CellWrite[]>();
  for (const w of all) {
    const list = bySheet.get(w.sheet) ?? [];
    list.push(w);
    bySheet.set(w.sheet, list);
  }
  for (const [name, writes] of bySheet) {
    const sheet = pkg.sheet(name);
    if (!sheet?.part) throw new XlsxReadError("unknown-sheet", pkg.fileName, `"${name}"`);
    // The sheet's bytes as they are: cells nobody writes keep every byte, valid UTF-8 or not.
    const xml = pkg.binary(sheet.part);
    const blocked = blockedRanges(pkg, sheet, xml);
    const isProtected = xmlBool(findTag(xml, "sheetProtection")?.attrs.sheet);
    const allowed: CellWrite[] = [];
    for (const w of writes) {
      const { row, col } = parseA1(w.cell);
      const hit = blocked.find((b) => inRange(b.range, row, col));
      if (hit) refused.push({ sheet: name, cell: w.cell, reason: hit.kind, write: w });
      else allowed.push(w);
    }
    const result = patchSheetXml(xml, allowed, {
      styles,
      locked: isProtected ? (s: number) => styleInfo.locked[s] !== false : () => false,
    });
    for (const x of result.refusedCells)
      refused.push({ sheet: name, cell: x.w.cell, reason: x.reason, write: x.w });
    for (const w of result.written) written.push(w);
    if (result.written.length > 0) replaced.set(sheet.part, binaryToBytes(result.xml));
  }
  return { refused, written, replaced };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

function insertBefore(xml: string, root: string, fragment: string): string {
  const close = new RegExp(`</(?:\\w+:)?${root}>\\s*$`).exec(xml);
  if (close) return xml.slice(0, close.index) + fragment + xml.slice(close.index);
  // A self-closing root (<Relationships .../>).
  return xml.replace(new RegExp(`<((?:\\w+:)?${root})\\b([^>]*?)\\s*/>`), `<$1$2>${fragment}</$1>`);
}

/** Sets `fullCalcOnLoad="1"` on calcPr (adding calcPr where the schema wants it). */
function setFullCalcOnLoad(xml: string): string {
  const calc = findTag(xml, "calcPr");
  if (calc) {
    const open = xml.slice(calc.start, calc.end);
    const next = /fullCalcOnLoad="[^"]*"/.test(open)
      ? open.replace(/fullCalcOnLoad="[^"]*"/, 'fullCalcOnLoad="1"')
      : open.replace(/^<((?:\w+:)?calcPr)\b/, '<$1 fullCalcOnLoad="1"');
    return xml.slice(0, calc.start) + next + xml.slice(calc.end);
  }
  const p = findTag(xml, "workbook")?.prefix ?? "";
  return insertInWorkbook(xml, `<${p ? p + ":" : ""}calcPr fullCalcOnLoad="1"/>`, AFTER_CALC_PR);
}

/** The workbook children that follow calcPr, in the schema's order. */
const AFTER_CALC_PR = [
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

/** Inserts a workbook child before the first of `followers` present (else at the end of <workbook>). */
function insertInWorkbook(xml: string, fragment: string, followers: readonly string[]): string {
  for (const name of followers) {
    const t = findTag(xml, name);
    if (t) return xml.slice(0, t.start) + fragment + xml.slice(t.start);
  }
  return insertBefore(xml, "workbook", fragment);
}

function addDefinedName(xml: string, fragment: string): string {
  const names = findTag(xml, "definedNames");
  if (names && !names.selfClosing) {
    const close = findClose(xml, "definedNames", names.prefix, names.end);
    return xml.slice(0, close) + fragment + xml.slice(close);
  }
  const p = findTag(xml, "workbook")?.prefix ?? "";
  const wrapped = `<${p ? p + ":" : ""}definedNames>${fragment}</${p ? p + ":" : ""}definedNames>`;
  if (names) return xml.slice(0, names.start) + wrapped + xml.slice(names.end);
  // definedNames follows sheets, functionGroups and externalReferences, and comes before calcPr.
  return insertInWorkbook(xml, wrapped, ["calcPr", ...AFTER_CALC_PR]);
}

/** Pivot table locations, table totals rows and array formula ranges of a sheet. */
function blockedRanges(
  pkg: XlsxPackage,
  sheet: SheetInfo,
  xml: string,
): { range: CellRange; kind: RefusalReason }[] {
  const out: { range: CellRange; kind: RefusalReason }[] = [];
  for (const p of pkg.protectedRanges(sheet)) out.push({ range: parseRangeA1(p.ref), kind: p.kind });
  for (const f of findTags(xml, "f")) {
    if (f.attrs.t === "array" && f.attrs.ref) out.push({ range: parseRangeA1(f.attrs.ref), kind: "array" });
  }
  // Dynamic arrays: a cell with cell metadata (cm) holds a spilled formula.
  const cm = /<(?:\w+:)?c\b[^>]*?\br="([A-Z]+\d+)"[^>]*?\bcm="[^"]*"/g;
  let m: RegExpExecArray | null;
  while ((m = cm.exec(xml))) out.push({ range: parseRangeA1(m[1]), kind: "array" });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// sheetData

interface SheetPatchOptions {
  styles: StylesEditor;
  /** Is a cell of this style index locked (on a protected sheet)? */
  locked: (style: number) => boolean;
}

interface SheetPatchResult {
  xml: string;
  written: CellWrite[];
  refusedCells: { w: CellWrite; reason: "protected" | "boolean" }[];
}

function numText(n: number): string {
  return Number.isFinite(n) ? String(n) : "";
}

/**
 * The new <c> element for a write, as a byte string (the sheet is edited as one). `extra` holds the old cell's
 * attributes other than r, s, t that are kept (ph).
 */
function cellXml(p: string, ref: string, style: number | undefined, w: CellWrite, extra: string): string {
  return utf8Binary(cellText(p, ref, style, w, extra));
}

function cellText(p: string, ref: string, style: number | undefined, w: CellWrite, extra: string): string {
  const s = style !== undefined && style !== 0 ? ` s="${style}"` : "";
  const v = w.value;
  if (w.formula) {
    const f = `<${p}f>${escapeText(w.formula.replace(/^=/, ""))}</${p}f>`;
    if (v === null) return `<${p}c r="${ref}"${s}${extra}>${f}</${p}c>`;
    if (typeof v === "number") {
      const t = numText(v);
      return `<${p}c r="${ref}"${s}${extra}>${f}${t ? `<${p}v>${t}</${p}v>` : ""}</${p}c>`;
    }
    return `<${p}c r="${ref}"${s} t="str"${extra}>${f}<${p}v>${escapeText(v)}</${p}v></${p}c>`;
  }
  if (v === null) return `<${p}c r="${ref}"${s}${extra}/>`;
  if (typeof v === "number") return `<${p}c r="${ref}"${s}${extra}><${p}v>${numText(v)}</${p}v></${p}c>`;
  return `<${p}c r="${ref}"${s} t="inlineStr"${extra}><${p}is><${p}t xml:space="preserve">${escapeText(v)}</${p}t></${p}is></${p}c>`;
}

const ATTR_R = /\br="([^"]*)"/;
const ATTR_S = /\bs="(\d+)"/;

function patchSheetXml(xml: string, writes: CellWrite[], options: SheetPatchOptions): SheetPatchResult {
  const written: CellWrite[] = [];
  const refusedCells: { w: CellWrite; reason: "protected" | "boolean" }[] = [];
  if (writes.length === 0) return { xml, written, refusedCells };
  const sd = findTag(xml, "sheetData");
  if (!sd) throw new Error("worksheet without sheetData");
  const px = sd.prefix ? `${sd.prefix}:` : "";
  // Later writes to the same cell win.
  const byCell = new Map<string, { row: number; col: number; w: CellWrite }>();
  for (const w of writes) {
    const { row, col } = parseA1(w.cell);
    byCell.set(`${row}:${col}`, { row, col, w: { ...w, cell: `${columnLetter(col)}${row}` } });
  }
  const byRow = new Map<number, { row: number; col: number; w: CellWrite }[]>();
  for (const x of byCell.values()) {
    const list = byRow.get(x.row) ?? [];
    list.push(x);
    byRow.set(x.row, list);
  }
  for (const list of byRow.values()) list.sort((a, b) => a.col - b.col);
  const rowsToWrite = [...byRow.keys()].sort((a, b) => a - b);
  const colStyles = columnStyles(xml);

  // Shared formulas whose master cell is overwritten: their other cells get the formula written out.
  const orphans = new Map<string, { formula: string; row: number; col: number; range: CellRange }>();

  const styleFor = (w: CellWrite, old: number | undefined): number | undefined => {
    if (!w.numberFormat) return old;
    return options.styles.withFormat(old ?? 0, w.numberFormat);
  };

  const out: string[] = [];
  let sdEnd: number;
  let body: string;
  if (sd.selfClosing) {
    out.push(xml.slice(0, sd.start), `<${px}sheetData>`);
    body = "";
    sdEnd = sd.end;
  } else {
    out.push(xml.slice(0, sd.end));
    const close = findClose(xml, "sheetData", sd.prefix, sd.end);
    body = xml.slice(sd.end, close);
    sdEnd = close;
  }
  let pending = 0; // index into rowsToWrite
  const rowRe = new RegExp(`<${escapeRe(px)}row\\b([^>]*?)(/?)>`, "g");
  let at = 0;
  let implicitRow = 0;
  const emitNewRow = (r: number) => {
    const cells = byRow.get(r)!;
    const parts = cells.map(({ col, w }) => {
      const base = colStyles(col);
      if (options.locked(base ?? 0)) {
        refusedCells.push({ w, reason: "protected" });
        return "";
      }
      written.push(w);
      return cellXml(px, w.cell, styleFor(w, base), w, "");
    });
    if (parts.some(Boolean)) out.push(`<${px}row r="${r}">${parts.join("")}</${px}row>`);
  };
  let m: RegExpExecArray | null;
  while ((m = rowRe.exec(body))) {
    const attrs = m[1];
    const rm = ATTR_R.exec(attrs);
    const r = rm ? Number(rm[1]) : implicitRow + 1;
    implicitRow = r;
    const rowEnd =
      m[2] === "/" ? rowRe.lastIndex : body.indexOf(`</${px}row>`, rowRe.lastIndex) + `</${px}row>`.length;
    // New rows that come before this one.
    while (pending < rowsToWrite.length && rowsToWrite[pending] < r) {
      out.push(body.slice(at, m.index));
      at = m.index;
      emitNewRow(rowsToWrite[pending++]);
    }
    const hasWrites = pending < rowsToWrite.length && rowsToWrite[pending] === r;
    const inOrphan =
      orphans.size > 0 && [...orphans.values()].some((o) => r >= o.range.top && r <= o.range.bottom);
    if (hasWrites || inOrphan) {
      out.push(body.slice(at, m.index));
      const rowStyle = /\bcustomFormat="(1|true)"/.test(attrs)
        ? Number(ATTR_S.exec(attrs)?.[1] ?? 0)
        : undefined;
      out.push(patchRow(body.slice(m.index, rowEnd), r, hasWrites ? byRow.get(r)! : [], rowStyle));
      at = rowEnd;
      if (hasWrites) pending++;
    }
    rowRe.lastIndex = rowEnd;
  }
  out.push(body.slice(at));
  while (pending < rowsToWrite.length) emitNewRow(rowsToWrite[pending++]);
  if (sd.selfClosing) out.push(`</${px}sheetData>`, xml.slice(sdEnd));
  else out.push(xml.slice(sdEnd));
  return { xml: out.join(""), written, refusedCells };

  function patchRow(
    rowXml: string,
    r: number,
    cells: { row: number; col: number; w: CellWrite }[],
    rowStyle: number | undefined,
  ): string {
    const open = /^<[^>]*?(\/?)>/.exec(rowXml)!;
    let content: string;
    let openTag = open[0];
    const closeTag = `</${px}row>`;
    if (open[1] === "/") {
      openTag = openTag.replace(/\s*\/>$/, ">");
      content = "";
    } else content = rowXml.slice(open[0].length, rowXml.length - closeTag.length);
    const pieces: string[] = [];
    const cellRe = new RegExp(`<${escapeRe(px)}c\\b([^>]*?)(/?)>`, "g");
    let pos = 0;
    let k = 0;
    let implicitCol = 0;
    const newCell = (x: { col: number; w: CellWrite }) => {
      const base = rowStyle ?? colStyles(x.col);
      if (options.locked(base ?? 0)) {
        refusedCells.push({ w: x.w, reason: "protected" });
        return "";
      }
      written.push(x.w);
      return cellXml(px, x.w.cell, styleFor(x.w, base), x.w, "");
    };
    let c: RegExpExecArray | null;
    while ((c = cellRe.exec(content))) {
      const cAttrs = c[1];
      const rm = ATTR_R.exec(cAttrs);
      const col = rm ? columnNumber(rm[1].replace(/\d+$/, "")) : implicitCol + 1;
      implicitCol = col;
      const end =
        c[2] === "/" ? cellRe.lastIndex : content.indexOf(`</${px}c>`, cellRe.lastIndex) + `</${px}c>`.length;
      while (k < cells.length && cells[k].col < col) {
        pieces.push(content.slice(pos, c.index), newCell(cells[k++]));
        pos = c.index;
      }
      if (k < cells.length && cells[k].col === col) {
        const x = cells[k++];
        const sm = ATTR_S.exec(cAttrs);
        const style = sm ? Number(sm[1]) : undefined;
        pieces.push(content.slice(pos, c.index));
        if (options.locked(style ?? 0) || /\bt="b"/.test(cAttrs)) {
          // A locked cell of a protected sheet; or a TRUE/FALSE the user typed, which no derived value replaces.
          refusedCells.push({ w: x.w, reason: /\bt="b"/.test(cAttrs) ? "boolean" : "protected" });
          pieces.push(content.slice(c.index, end));
        } else {
          const cellText = content.slice(c.index, end);
          const master = /<(?:\w+:)?f\b([^>]*)>([^<]*)</.exec(cellText);
          if (master && /\bt="shared"/.test(master[1]) && /\bref="/.test(master[1]) && master[2]) {
            const si = /\bsi="(\d+)"/.exec(master[1])?.[1];
            const ref = /\bref="([^"]+)"/.exec(master[1])![1];
            if (si !== undefined)
              orphans.set(si, { formula: decodeText(master[2]), row: r, col, range: parseRangeA1(ref) });
          }
          const ph = /\bph="[^"]*"/.exec(cAttrs);
          written.push(x.w);
          pieces.push(cellXml(px, x.w.cell, styleFor(x.w, style), x.w, ph ? ` ${ph[0]}` : ""));
        }
        pos = end;
      } else if (orphans.size > 0 && c[2] !== "/") {
        const cellText = content.slice(c.index, end);
        const child = /<((?:\w+:)?f)\b([^>]*?)\/>|<((?:\w+:)?f)\b([^>]*?)><\/(?:\w+:)?f>/.exec(cellText);
        const attrs = child ? (child[2] ?? child[4]) : "";
        const si = child && /\bt="shared"/.test(attrs) ? /\bsi="(\d+)"/.exec(attrs)?.[1] : undefined;
        const o = si !== undefined ? orphans.get(si) : undefined;
        if (child && o && inRange(o.range, r, col)) {
          const fName = child[1] ?? child[3];
          const formula = shiftFormula(o.formula, r - o.row, col - o.col);
          pieces.push(
            content.slice(pos, c.index),
            cellText.slice(0, child.index),
            `<${fName}>${escapeText(formula)}</${fName}>`,
            cellText.slice(child.index + child[0].length),
          );
          pos = end;
        }
      }
      cellRe.lastIndex = end;
    }
    pieces.push(content.slice(pos));
    while (k < cells.length) pieces.push(newCell(cells[k++]));
    return openTag + pieces.join("") + closeTag;
  }
}

function decodeText(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The default style of each column (from <cols>), for cells that do not exist yet. */
function columnStyles(xml: string): (col: number) => number | undefined {
  const cols = findTags(xml, "col").filter((t) => t.attrs.style !== undefined);
  return (col) => {
    const c = cols.find((t) => Number(t.attrs.min) <= col && col <= Number(t.attrs.max));
    return c ? Number(c.attrs.style) : undefined;
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Verification

function nameKey(n: { name: string; localSheetId?: number; hidden: boolean; text: string }): string {
  return `${n.name}\u0000${n.localSheetId ?? ""}\u0000${n.hidden}\u0000${n.text}`;
}

/** Re-opens the result and compares it with the input; throws "verify-failed" naming what is missing. */
export function verifyPatch(pkg: XlsxPackage, result: PatchResult): void {
  let out: XlsxPackage;
  try {
    out = openPackage(result.bytes, pkg.fileName, { limits: { maxRatio: Infinity } });
  } catch (err) {
    throw new XlsxReadError("verify-failed", pkg.fileName, (err as Error).message);
  }
  const missing: string[] = [];
  for (const name of pkg.order)
    if (!result.dropped.includes(name) && !out.entries.has(name)) missing.push(name);
  const names = new Set(out.definedNames.map(nameKey));
  for (const n of pkg.definedNames) if (!names.has(nameKey(n))) missing.push(`definedName ${n.name}`);
  pkg.sheets.forEach((s, i) => {
    const o = out.sheets[i];
    if (!o || o.name !== s.name || o.state !== s.state || o.part !== s.part) missing.push(`sheet ${s.name}`);
  });
  for (const name of result.added) if (!out.sheet(name)) missing.push(`sheet ${name}`);
  // The written cells read back as written.
  const sheets = new Set(result.written.map((w) => w.sheet));
  if (sheets.size > 0) {
    const ctx = readContext(out);
    for (const name of sheets) {
      const mine = result.written.filter((x) => x.sheet === name);
      const wanted = new Set(mine.map((w) => w.cell));
      const { grid } = readSheet(out, out.sheet(name)!, ctx, (r, c) => wanted.has(`${columnLetter(c)}${r}`));
      for (const w of mine) {
        const { row, col } = parseA1(w.cell);
        const cell = grid.cells[row - 1]?.[col - 1];
        const formulaOk =
          (cell?.formula ?? undefined) === (w.formula ? `=${w.formula.replace(/^=/, "")}` : undefined);
        const valueOk =
          w.value === null
            ? cell === undefined || cell.value === null || cell.value === ""
            : sameValue(cell?.value, w.value);
        if (!formulaOk || !valueOk) missing.push(`${name}!${w.cell}`);
      }
    }
  }
  if (missing.length > 0)
    throw new XlsxReadError(
      "verify-failed",
      pkg.fileName,
      missing.slice(0, 5).join(", ") + (missing.length > 5 ? ", …" : ""),
    );
}

function sameValue(a: unknown, b: number | string): boolean {
  if (typeof b === "number" && typeof a === "number")
    return a === b || Math.abs(a - b) < 1e-9 * Math.max(1, Math.abs(b));
  if (typeof b === "number" && typeof a === "string") return true; // a date-formatted cell reads back as text
  return a === b;
}

export { readSheet, readContext };
