// An .xlsx package as it is on disk: its zip directory, its parts (inflated on demand, within limits), and the
// little the engine and the patcher need to find their way: the workbook part, its sheets (name, state, part),
// shared strings, styles, defined names. Tolerant of Excel, LibreOffice and openpyxl (absolute targets, other
// part names). Browser-safe: no Node imports.
import { reasonDetail, XlsxReadError } from "./errors";
import {
  DEFAULT_LIMITS,
  readDirectory,
  readEntry,
  streamEntry,
  ZipError,
  type ZipEntry,
  type ZipLimits,
} from "./zip";
import {
  bytesToBinary,
  childNamed,
  childrenNamed,
  parseAttrs,
  parseTree,
  xmlBool,
  XmlReadError,
  type XmlNode,
} from "./xml";

export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_TYPE = {
  officeDocument: /\/officeDocument$/,
  worksheet: /\/worksheet$/,
  sharedStrings: /\/sharedStrings$/,
  styles: /\/styles$/,
  calcChain: /\/calcChain$/,
  pivotTable: /\/pivotTable$/,
  table: /\/table$/,
};

export interface Relationship {
  id: string;
  type: string;
  /** Resolved part name without leading "/" (undefined for external targets). */
  part?: string;
  target: string;
  external: boolean;
}

export interface SheetInfo {
  name: string;
  sheetId: string;
  state: "visible" | "hidden" | "veryHidden";
  rId: string;
  /** Part name, e.g. "xl/worksheets/sheet1.xml"; undefined for chart sheets and dialog sheets. */
  part?: string;
  /** 0-based position in the workbook (what `localSheetId` counts). */
  index: number;
}

export interface DefinedName {
  name: string;
  localSheetId?: number;
  hidden: boolean;
  text: string;
}

/** Directory name of a part ("xl/worksheets/sheet1.xml" → "xl/worksheets"). */
function dirOf(part: string): string {
  const i = part.lastIndexOf("/");
  return i < 0 ? "" : part.slice(0, i);
}

export function relsPathFor(part: string): string {
  const dir = dirOf(part);
  const base = part.slice(dir.length ? dir.length + 1 : 0);
  return `${dir ? dir + "/" : ""}_rels/${base}.rels`;
}

/** Resolves a relationship target against its source part: absolute ("/xl/...") or relative ("../x"). */
export function resolveTarget(source: string, target: string): string {
  const clean = decodeURIComponentSafe(target.replace(/\\/g, "/"));
  const segments = clean.startsWith("/") ? [] : dirOf(source).split("/").filter(Boolean);
  for (const seg of clean.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") segments.pop();
    else segments.push(seg);
  }
  return segments.join("/");
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

type Sniffed = "zip" | "empty" | "encrypted" | "legacy-xls" | "not-xlsx" | "csv";

/** What the first bytes say: .xlsx is a zip; an encrypted .xlsx and an old .xls are OLE compound files. */
function sniff(bytes: Uint8Array, fileName: string): Sniffed {
  if (bytes.length === 0) return "empty";
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return "zip";
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (bytes.length >= 8 && ole.every((b, i) => bytes[i] === b)) {
    return containsUtf16(bytes, "EncryptedPackage") ? "encrypted" : "legacy-xls";
  }
  if (/\.(csv|tsv|txt)$/i.test(fileName) || looksLikeText(bytes)) return "csv";
  return "not-xlsx";
}

function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let separators = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return false;
    if (b < 9 || (b > 13 && b < 32)) return false;
    if (b === 0x2c || b === 0x3b || b === 0x09) separators++;
  }
  // An HTML or XML file saved as .xls is not a CSV.
  const head = new TextDecoder().decode(bytes.subarray(0, Math.min(n, 200))).trimStart();
  return separators > 0 && !head.startsWith("<");
}

/** True when `text` occurs in the bytes as UTF-16LE (how OLE files, .xls and encrypted .xlsx, name their streams). */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const pattern: number[] = [];
  for (const ch of text) pattern.push(ch.charCodeAt(0), 0);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

const utf8 = new TextDecoder("utf-8");

export interface OpenOptions {
  limits?: Partial<ZipLimits>;
}

/** An opened package. Parts are read lazily; the bytes are kept so unchanged parts can be copied as they are. */
export class XlsxPackage {
  readonly entries: Map<string, ZipEntry>;
  /** Entry names in their original order. */
  readonly order: string[];
  readonly workbookPart: string;
  readonly sheets: SheetInfo[];
  readonly definedNames: DefinedName[];
  readonly sharedStringsPart?: string;
  readonly stylesPart?: string;
  readonly calcChainPart?: string;
  /** Dates count from 1904 (old Mac workbooks). */
  readonly date1904: boolean;
  private readonly caseMap = new Map<string, string>();
  private readonly relsCache = new Map<string, Relationship[]>();

  constructor(
    readonly bytes: Uint8Array,
    readonly fileName: string,
    options: OpenOptions = {},
  ) {
    const kind = sniff(bytes, fileName);
    if (kind !== "zip") throw new XlsxReadError(kind, fileName);
    let entries: ZipEntry[];
    try {
      entries = readDirectory(bytes, { ...DEFAULT_LIMITS, ...options.limits });
    } catch (err) {
      throw zipToReadError(err, fileName);
    }
    this.entries = new Map(entries.map((e) => [e.name, e]));
    this.order = entries.map((e) => e.name);
    for (const e of entries) this.caseMap.set(e.name.toLowerCase(), e.name);
    if (this.has("mimetype") && /opendocument/.test(this.text("mimetype")))
      throw new XlsxReadError("ods", fileName);

    const root = this.rels("").find((r) => REL_TYPE.officeDocument.test(r.type) && r.part);
    const workbookPart = root?.part ?? (this.has("xl/workbook.xml") ? "xl/workbook.xml" : undefined);
    if (!workbookPart || !this.has(workbookPart)) throw new XlsxReadError("not-xlsx", fileName);
    this.workbookPart = this.actual(workbookPart);
    const workbook = this.tree(this.workbookPart);
    const rels = this.rels(this.workbookPart);
    const byId = new Map(rels.map((r) => [r.id, r]));
    this.sheets = childrenNamed(childNamed(workbook, "sheets"), "sheet").map((t, index) => {
      const rId = Object.entries(t.attrs).find(([k]) => k === "r:id" || k.endsWith(":id"))?.[1] ?? "";
      const rel = byId.get(rId);
      const state = t.attrs.state === "hidden" || t.attrs.state === "veryHidden" ? t.attrs.state : "visible";
      const part =
        rel?.part && REL_TYPE.worksheet.test(rel.type) && this.has(rel.part)
          ? this.actual(rel.part)
          : undefined;
      return {
        name: t.attrs.name ?? `Sheet${index + 1}`,
        sheetId: t.attrs.sheetId ?? "",
        state,
        rId,
        part,
        index,
      };
    });
    this.definedNames = childrenNamed(childNamed(workbook, "definedNames"), "definedName").map((t) => ({
      name: t.attrs.name ?? "",
      ...(t.attrs.localSheetId !== undefined ? { localSheetId: Number(t.attrs.localSheetId) } : {}),
      hidden: xmlBool(t.attrs.hidden),
      text: t.text,
    }));
    this.date1904 = xmlBool(childNamed(workbook, "workbookPr")?.attrs.date1904);
    const find = (re: RegExp) => {
      const r = rels.find((x) => re.test(x.type) && x.part && this.has(x.part));
      return r?.part ? this.actual(r.part) : undefined;
    };
    this.sharedStringsPart = find(REL_TYPE.sharedStrings);
    this.stylesPart = find(REL_TYPE.styles);
    this.calcChainPart = find(REL_TYPE.calcChain);
    if (!this.sheets.some((s) => s.part)) throw new XlsxReadError("no-sheet", fileName);
  }

  /** Sheet names in tab order, in the shape the commands list them. */
  get worksheets(): { name: string }[] {
    return this.sheets.filter((s) => s.part).map((s) => ({ name: s.name }));
  }

  sheet(name: string): SheetInfo | undefined {
    return this.sheets.find((s) => s.name === name && s.part);
  }

  has(part: string): boolean {
    return this.entries.has(part) || this.caseMap.has(part.toLowerCase());
  }

  /** The entry's real spelling (part names are case-insensitive in OPC). */
  actual(part: string): string {
    return this.entries.has(part) ? part : (this.caseMap.get(part.toLowerCase()) ?? part);
  }

  entry(part: string): ZipEntry {
    const e = this.entries.get(this.actual(part));
    if (!e) throw new XlsxReadError("corrupt", this.fileName, `missing ${part}`);
    return e;
  }

  raw(part: string): Uint8Array {
    try {
      return readEntry(this.bytes, this.entry(part));
    } catch (err) {
      throw zipToReadError(err, this.fileName);
    }
  }

  text(part: string): string {
    const raw = this.raw(part);
    if (isUtf16(raw)) throw new XlsxReadError("utf16", this.fileName, this.actual(part));
    let s = utf8.decode(raw);
    if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    return s;
  }

  /** A part as a byte string (one character per byte), for editing its markup without re-encoding its text. */
  binary(part: string): string {
    const raw = this.raw(part);
    if (isUtf16(raw)) throw new XlsxReadError("utf16", this.fileName, this.actual(part));
    return bytesToBinary(raw);
  }

  /** A little part (workbook, relationships, styles, pivot and table parts) read as XML, within the bounds. */
  tree(part: string): XmlNode {
    const xml = this.text(part);
    try {
      return parseTree(xml, this.actual(part));
    } catch (err) {
      if (err instanceof XmlReadError) throw xmlToReadError(err, this.fileName);
      throw err;
    }
  }

  /** Streams a part's text in pieces (for worksheets and shared strings, which may be hundreds of MB). */
  stream(part: string, onText: (text: string) => void): void {
    const decoder = new TextDecoder("utf-8");
    let first = true;
    try {
      streamEntry(this.bytes, this.entry(part), (chunk) => {
        if (first && isUtf16(chunk)) throw new XlsxReadError("utf16", this.fileName, this.actual(part));
        let s = decoder.decode(chunk, { stream: true });
        if (first && s.charCodeAt(0) === 0xfeff) s = s.slice(1);
        first = false;
        if (s) onText(s);
      });
    } catch (err) {
      if (err instanceof ZipError) throw zipToReadError(err, this.fileName);
      throw err; // the caller's own (a parser's) error
    }
    const tail = decoder.decode();
    if (tail) onText(tail);
  }

  /** Relationships of a part ("" for the package's own). */
  rels(part: string): Relationship[] {
    const cached = this.relsCache.get(part);
    if (cached) return cached;
    const path = part === "" ? "_rels/.rels" : relsPathFor(part);
    const out: Relationship[] = [];
    if (this.has(path)) {
      for (const t of childrenNamed(this.tree(path), "Relationship")) {
        const external = t.attrs.TargetMode === "External";
        const target = t.attrs.Target ?? "";
        out.push({
          id: t.attrs.Id ?? "",
          type: t.attrs.Type ?? "",
          target,
          external,
          ...(external ? {} : { part: resolveTarget(part === "" ? "" : part, target) }),
        });
      }
    }
    this.relsCache.set(part, out);
    return out;
  }

  /** Ranges nobody may write into on a sheet: pivot table locations and table totals rows (A1 refs). */
  protectedRanges(sheet: SheetInfo): { ref: string; kind: "pivot" | "totals" }[] {
    if (!sheet.part) return [];
    const out: { ref: string; kind: "pivot" | "totals" }[] = [];
    for (const rel of this.rels(sheet.part)) {
      if (!rel.part || !this.has(rel.part)) continue;
      if (REL_TYPE.pivotTable.test(rel.type)) {
        const loc = childNamed(this.tree(rel.part), "location");
        if (loc?.attrs.ref) out.push({ ref: loc.attrs.ref, kind: "pivot" });
      } else if (REL_TYPE.table.test(rel.type)) {
        const t = this.tree(rel.part);
        const count = Number(t?.attrs.totalsRowCount ?? 0);
        if (t?.attrs.ref && count > 0) {
          const [a, b] = t.attrs.ref.split(":");
          const end = /^([A-Z]+)(\d+)$/i.exec(b ?? a);
          const start = /^([A-Z]+)(\d+)$/i.exec(a);
          if (start && end) {
            const last = Number(end[2]);
            out.push({ ref: `${start[1]}${last - count + 1}:${end[1]}${last}`, kind: "totals" });
          }
        }
      }
    }
    return out;
  }
}

/** A part whose first bytes are a UTF-16 byte-order mark or "<" followed by a zero byte. */
function isUtf16(b: Uint8Array): boolean {
  if (b.length < 2) return false;
  return (
    (b[0] === 0xff && b[1] === 0xfe) ||
    (b[0] === 0xfe && b[1] === 0xff) ||
    (b[0] === 0x3c && b[1] === 0) ||
    (b[0] === 0 && b[1] === 0x3c)
  );
}

/** A part's XML that is malformed (corrupt) or passes a bound (limit), naming the part. */
function xmlToReadError(err: XmlReadError, fileName: string, where = err.part): XlsxReadError {
  if (err.limit)
    return new XlsxReadError("limit", fileName, reasonDetail(where, err.limit.kind, err.limit.limit));
  return new XlsxReadError("corrupt", fileName, `${where}: ${err.reason}`);
}

function zipToReadError(err: unknown, fileName: string): Error {
  if (err instanceof XlsxReadError) return err;
  if (err instanceof XmlReadError) return xmlToReadError(err, fileName);
  if (err instanceof ZipError) {
    if (err.reason) return new XlsxReadError("corrupt", fileName, reasonDetail(err.part, err.reason));
    const part = err.part ? `${err.part}: ` : "";
    if (err.kind === "encrypted") return new XlsxReadError("encrypted", fileName);
    if (err.kind === "too-large") return new XlsxReadError("too-large", fileName, `${part}${err.message}`);
    if (err.kind === "bomb") return new XlsxReadError("bomb", fileName, `${part}${err.message}`);
    return new XlsxReadError("corrupt", fileName, `${part}${err.message}`);
  }
  return new XlsxReadError(
    "corrupt",
    fileName,
    err instanceof Error ? err.message.split("\n")[0] : String(err),
  );
}

/** Opens .xlsx bytes; any failure is an XlsxReadError whose message names the file. */
export function openPackage(
  data: ArrayBuffer | Uint8Array,
  fileName: string,
  options: OpenOptions = {},
): XlsxPackage {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  try {
    return new XlsxPackage(bytes, fileName, options);
  } catch (err) {
    throw zipToReadError(err, fileName);
  }
}

export { parseAttrs };
