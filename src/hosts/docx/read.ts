// Reads a Word document (.docx) into paragraphs and tables, nothing else: the zip directory is read first and
// bounded as the .xlsx path is (zip.ts), the main part is streamed through saxes in chunks as worksheets are, and
// every Word table becomes a Grid (gridSpan and vMerge as merged areas, text exactly as typed). Nothing is ever
// written back to a .docx. Browser-safe.
import { SaxesParser, type SaxesTagPlain } from "saxes";
import type { Cell, CellRange, Grid, DocBlock, DocParagraph, DocTable, ProseDocument } from "../../engine";
import {
  DEFAULT_LIMITS,
  ZipError,
  readDirectory,
  readEntry,
  streamEntry,
  type ZipEntry,
  type ZipLimits,
} from "../xlsx/zip";
import { findTags } from "../xlsx/xml";
import { resolveTarget } from "../xlsx/package";
import { DocxReadError } from "./errors";

export interface DocxLimits extends ZipLimits {
  /** Cells of one table read at most; the rows after are reported unread. */
  maxTableCells: number;
  /** Characters kept of one paragraph or cell. */
  maxText: number;
}

const DOCX_LIMITS: DocxLimits = { ...DEFAULT_LIMITS, maxTableCells: 500_000, maxText: 100_000 };

/** A table the reader kept only in part (the report's `unread`). */
export interface UnreadTable {
  sheet: string;
  reason: string;
  rowsRead: number;
  rowsTotal: number;
}

export interface DocxDocument extends ProseDocument {
  fileName: string;
  tables: DocTable[];
  paragraphs: DocParagraph[];
  unread: UnreadTable[];
}

const OFFICE_DOCUMENT = /\/officeDocument$/;

const local = (name: string) => {
  const i = name.indexOf(":");
  return i >= 0 ? name.slice(i + 1) : name;
};

const isOff = (v: string | undefined) => v === "0" || v === "false" || v === "off";

/** "(Kèm theo Kế hoạch số ...)": the line under an appendix title, never the title itself. */
const ATTACHED = /^\(?\s*k[eè]m theo/i;

/** Opens .docx bytes; any failure is a DocxReadError whose message names the file. */
export function readDocx(
  data: ArrayBuffer | Uint8Array,
  fileName: string,
  limits: Partial<DocxLimits> = {},
): DocxDocument {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const bounds = { ...DOCX_LIMITS, ...limits };
  if (bytes.length === 0) throw new DocxReadError("empty", fileName);
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (bytes.length >= 8 && ole.every((b, i) => bytes[i] === b)) {
    // An encrypted .docx is an OLE file holding "EncryptedPackage" (UTF-16); any other OLE file is an old .doc.
    throw new DocxReadError(hasUtf16(bytes, "EncryptedPackage") ? "encrypted" : "legacy-doc", fileName);
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new DocxReadError("not-docx", fileName);
  let entries: ZipEntry[];
  try {
    entries = readDirectory(bytes, bounds);
  } catch (err) {
    throw zipError(err, fileName);
  }
  const byName = new Map(entries.map((e) => [e.name.toLowerCase(), e]));
  const text = (name: string): string | undefined => {
    const e = byName.get(name.toLowerCase());
    if (!e) return undefined;
    try {
      return new TextDecoder("utf-8").decode(readEntry(bytes, e)).replace(/^\uFEFF/, "");
    } catch (err) {
      throw zipError(err, fileName);
    }
  };
  const rels = text("_rels/.rels") ?? "";
  const main = findTags(rels, "Relationship").find((t) => OFFICE_DOCUMENT.test(t.attrs.Type ?? ""));
  const part = main ? resolveTarget("", main.attrs.Target ?? "") : "word/document.xml";
  const entry = byName.get(part.toLowerCase());
  if (!entry || !/document[^/]*\.xml$/i.test(part) || byName.has("xl/workbook.xml"))
    throw new DocxReadError("not-docx", fileName);

  const reader = new BodyReader(bounds);
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on("opentag", (tag: SaxesTagPlain) =>
    reader.open(local(tag.name), tag.attributes as Record<string, string>),
  );
  parser.on("closetag", (tag: SaxesTagPlain) => reader.close(local(tag.name)));
  parser.on("text", (t: string) => reader.text(t));
  const decoder = new TextDecoder("utf-8");
  try {
    streamEntry(bytes, entry, (chunk) => parser.write(decoder.decode(chunk, { stream: true })));
    const tail = decoder.decode();
    if (tail) parser.write(tail);
    parser.close();
  } catch (err) {
    if (err instanceof ZipError) throw zipError(err, fileName);
    const reason = err instanceof Error ? err.message.split("\n")[0] : String(err);
    throw new DocxReadError("corrupt", fileName, `${part}: ${reason.slice(0, 160)}`);
  }
  const blocks = reader.blocks;
  return {
    fileName,
    blocks,
    tables: blocks.filter((b): b is DocTable => b.kind === "table"),
    paragraphs: blocks.filter((b): b is DocParagraph => b.kind === "paragraph"),
    unread: reader.unread,
  };
}

function zipError(err: unknown, fileName: string): DocxReadError {
  if (err instanceof DocxReadError) return err;
  if (err instanceof ZipError) {
    const part = err.part ? `${err.part}: ` : "";
    if (err.kind === "encrypted") return new DocxReadError("encrypted", fileName);
    if (err.kind === "too-large") return new DocxReadError("too-large", fileName, `${part}${err.message}`);
    if (err.kind === "bomb") return new DocxReadError("bomb", fileName, `${part}${err.message}`);
    return new DocxReadError("corrupt", fileName, `${part}${err.message}`);
  }
  return new DocxReadError(
    "corrupt",
    fileName,
    err instanceof Error ? err.message.split("\n")[0] : String(err),
  );
}

function hasUtf16(bytes: Uint8Array, s: string): boolean {
  const pattern: number[] = [];
  for (const ch of s) pattern.push(ch.charCodeAt(0), 0);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

interface TableState {
  rows: (Cell | undefined)[][];
  merges: CellRange[];
  /** Open vertical merges by their left grid column. */
  open: Map<number, CellRange>;
  row: (Cell | undefined)[];
  rowIndex: number;
  col: number;
  cellStart: number;
  span: number;
  vMerge?: "restart" | "continue";
  cellText: string[];
  cellBold: boolean;
  cellHasText: boolean;
  cells: number;
  rowsTotal: number;
  full: boolean;
}

/** The body's state machine: paragraphs outside tables, top-level tables as grids (nested ones become cell text). */
class BodyReader {
  readonly blocks: DocBlock[] = [];
  readonly unread: UnreadTable[] = [];
  private paragraphs = 0;
  private tables = 0;
  private depth = 0; // table nesting
  private table?: TableState;
  private inText = false;
  private inParagraph = false;
  private para = "";
  private paraStyle?: string;
  private paraAllBold = true;
  private paraHasText = false;
  private runBold = false;
  private inRunProps = false;
  private inParaProps = 0;
  private inDeleted = 0;
  private skipped = 0;

  constructor(private readonly limits: DocxLimits) {}

  open(name: string, a: Record<string, string>): void {
    // A text box's paragraphs (inside a run) and the fallback copy of a drawing are not the body's text.
    if (name === "txbxContent" || name === "Fallback") this.skipped++;
    if (this.skipped) return;
    switch (name) {
      case "tbl":
        this.depth++;
        if (this.depth === 1) this.table = this.newTable();
        return;
      case "tr":
        if (this.depth === 1 && this.table) {
          const t = this.table;
          t.row = [];
          t.col = 1;
          t.rowsTotal++;
        }
        return;
      case "gridBefore":
        if (this.depth === 1 && this.table)
          this.table.col += Math.max(0, Number(a["w:val"] ?? a.val ?? 0) || 0);
        return;
      case "tc":
        if (this.depth === 1 && this.table) {
          const t = this.table;
          t.cellStart = t.col;
          t.span = 1;
          t.vMerge = undefined;
          t.cellText = [];
          t.cellBold = true;
          t.cellHasText = false;
        }
        return;
      case "gridSpan":
        if (this.depth === 1 && this.table)
          this.table.span = Math.max(1, Number(a["w:val"] ?? a.val ?? 1) || 1);
        return;
      case "vMerge":
        if (this.depth === 1 && this.table) {
          const v = a["w:val"] ?? a.val;
          this.table.vMerge = v === "restart" ? "restart" : "continue";
        }
        return;
      case "p":
        this.inParagraph = true;
        this.para = "";
        this.paraStyle = undefined;
        this.paraAllBold = true;
        this.paraHasText = false;
        return;
      case "pPr":
        this.inParaProps++;
        return;
      case "pStyle":
        if (this.inParaProps && !this.inRunProps) this.paraStyle = a["w:val"] ?? a.val;
        return;
      case "r":
        this.runBold = false;
        return;
      case "rPr":
        this.inRunProps = true;
        return;
      case "b":
        if (this.inRunProps && !this.inParaProps) this.runBold = !isOff(a["w:val"] ?? a.val);
        return;
      case "del":
        this.inDeleted++;
        return;
      case "t":
        this.inText = !this.inDeleted;
        return;
      case "tab":
        if (!this.inParaProps && this.inParagraph) this.append("\t");
        return;
      case "br":
      case "cr":
        if (this.inParagraph) this.append("\n");
        return;
      case "noBreakHyphen":
        this.append("-");
        return;
    }
  }

  close(name: string): void {
    if (this.skipped) {
      if (name === "txbxContent" || name === "Fallback") this.skipped--;
      return;
    }
    switch (name) {
      case "t":
        this.inText = false;
        return;
      case "rPr":
        this.inRunProps = false;
        return;
      case "pPr":
        this.inParaProps--;
        return;
      case "del":
        this.inDeleted--;
        return;
      case "p":
        this.endParagraph();
        return;
      case "tc":
        if (this.depth === 1 && this.table) this.endCell(this.table);
        return;
      case "tr":
        if (this.depth === 1 && this.table) this.endRow(this.table);
        return;
      case "tbl":
        if (this.depth === 1 && this.table) this.endTable(this.table);
        this.depth--;
        return;
    }
  }

  text(t: string): void {
    if (this.inText && this.inParagraph && !this.skipped) this.append(t);
  }

  private append(t: string): void {
    if (this.para.length >= this.limits.maxText) return;
    this.para += t;
    if (t.trim() !== "") {
      this.paraHasText = true;
      if (!this.runBold) this.paraAllBold = false;
    }
  }

  private endParagraph(): void {
    this.inParagraph = false;
    const text = this.para.replace(/\u00a0/g, " ");
    if (this.depth > 0) {
      // A paragraph inside a cell (or a nested table's cell): it becomes part of the outer cell's text.
      const t = this.table;
      if (t && text.trim() !== "") {
        t.cellText.push(text.trim());
        t.cellHasText = true;
        if (!this.paraAllBold) t.cellBold = false;
      }
      return;
    }
    // Empty paragraphs (spacing) are not counted: "đoạn 22" is the 22nd paragraph a reader sees.
    if (text.trim() === "") return;
    this.paragraphs++;
    const p: DocParagraph = { kind: "paragraph", index: this.paragraphs, text: text.trim() };
    if (this.paraStyle) p.style = this.paraStyle;
    if (this.paraHasText && this.paraAllBold) p.bold = true;
    this.blocks.push(p);
  }

  private newTable(): TableState {
    return {
      rows: [],
      merges: [],
      open: new Map(),
      row: [],
      rowIndex: 0,
      col: 1,
      cellStart: 1,
      span: 1,
      cellText: [],
      cellBold: true,
      cellHasText: false,
      cells: 0,
      rowsTotal: 0,
      full: false,
    };
  }

  private endCell(t: TableState): void {
    const left = t.cellStart;
    const right = left + t.span - 1;
    t.col = right + 1;
    if (t.full) return;
    const rowNumber = t.rows.length + 1;
    if (t.vMerge === "continue") {
      const m = t.open.get(left);
      if (m) {
        m.bottom = rowNumber;
        return;
      }
    } else {
      const m = t.open.get(left);
      if (m) t.open.delete(left);
    }
    const text = t.cellText.join(" ").replace(/\s+/g, " ").trim();
    if (text !== "") {
      const cell: Cell = { value: text };
      if (t.cellHasText && t.cellBold) cell.bold = true;
      t.row[left - 1] = cell;
    }
    t.cells += t.span;
    if (t.vMerge === "restart" || t.span > 1) {
      const m = { top: rowNumber, left, bottom: rowNumber, right };
      if (t.vMerge === "restart") t.open.set(left, m);
      t.merges.push(m);
    }
  }

  private endRow(t: TableState): void {
    if (t.full) return;
    // A vertical merge ends at a row that does not continue it.
    const rowNumber = t.rows.length + 1;
    for (const [left, m] of t.open) if (m.bottom < rowNumber && m.top !== rowNumber) t.open.delete(left);
    t.rows.push(t.row);
    if (t.cells >= this.limits.maxTableCells) t.full = true;
  }

  private endTable(t: TableState): void {
    this.tables++;
    const sheet = `Bảng ${this.tables}`;
    // A merged area of one cell (a vMerge restart never continued) is no merge.
    const merges = t.merges.filter((m) => m.bottom > m.top || m.right > m.left);
    const grid: Grid = { sheet, top: 1, left: 1, cells: t.rows, merges };
    if (t.full && t.rowsTotal > t.rows.length)
      this.unread.push({ sheet, reason: "too-large", rowsRead: t.rows.length, rowsTotal: t.rowsTotal });
    this.blocks.push({ kind: "table", index: this.tables, title: this.titleBefore(), grid });
    this.table = undefined;
  }

  /** The nearest paragraph above the table that says something, skipping the "(Kèm theo ...)" line. */
  private titleBefore(): string {
    const caps = (s: string) => /\p{Lu}/u.test(s) && s === s.toUpperCase();
    for (let i = this.blocks.length - 1; i >= 0; i--) {
      const b = this.blocks[i];
      if (b.kind === "table") return "";
      const text = b.text.replace(/\s+/g, " ").trim();
      if (text === "" || ATTACHED.test(text) || /^(về|ve)\s/i.test(text)) continue;
      // A title typed over two paragraphs in capitals ("DỰ KIẾN" / "TỶ LỆ HỘ NGHÈO ..."): both lines.
      const lines = [text];
      for (let j = i - 1; j >= 0 && caps(lines[0]); j--) {
        const above = this.blocks[j];
        if (above.kind !== "paragraph") break;
        const t = above.text.replace(/\s+/g, " ").trim();
        if (!caps(t) || t.length > 120) break;
        lines.unshift(t);
        if (lines.length === 3) break;
      }
      return lines.join(" ");
    }
    return "";
  }
}
