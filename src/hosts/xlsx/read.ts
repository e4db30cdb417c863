// ExcelJS workbook → one engine Grid per worksheet. Browser-safe: no Node imports; file access lives in node.ts.
import ExcelJS from "exceljs";
import type { Cell, CellRange, CellValue, Grid } from "../../engine/grid";
import { XlsxReadError } from "./errors";
import { containsUtf16 } from "./package";

/** Reads .xlsx bytes (Node Buffer, Uint8Array or ArrayBuffer) into an ExcelJS workbook, or throws XlsxReadError. */
export async function loadWorkbook(
  data: ArrayBuffer | Uint8Array,
  fileName: string,
): Promise<ExcelJS.Workbook> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const kind = sniff(bytes);
  if (kind !== "zip") throw new XlsxReadError(kind, fileName);
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS's typings want a Node Buffer; JSZip underneath takes any Uint8Array or ArrayBuffer.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (err) {
    throw new XlsxReadError("corrupt", fileName, shortReason(err));
  }
  if (workbook.worksheets.length === 0) throw new XlsxReadError("no-sheet", fileName);
  return workbook;
}

type Sniffed = "zip" | "empty" | "encrypted" | "legacy-xls" | "not-xlsx";

/** What the first bytes say: .xlsx is a zip; an encrypted .xlsx and an old .xls are OLE compound files. */
function sniff(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return "empty";
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return "zip";
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (bytes.length >= 8 && ole.every((b, i) => bytes[i] === b)) {
    // An encrypted OOXML package is an OLE file holding a stream named "EncryptedPackage" (UTF-16 in the directory).
    return containsUtf16(bytes, "EncryptedPackage") ? "encrypted" : "legacy-xls";
  }
  return "not-xlsx";
}

function shortReason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split("\n")[0].slice(0, 120);
}

/** Every worksheet of the workbook, in tab order. */
export function workbookToGrids(workbook: ExcelJS.Workbook): Grid[] {
  return workbook.worksheets.map(worksheetToGrid);
}

// ExcelJS's ValueType numbers (avoid depending on the enum object, which the browser build also exposes).
const MERGE = 1;

export function worksheetToGrid(worksheet: ExcelJS.Worksheet): Grid {
  const cells: (Cell | undefined)[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const out: (Cell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if ((cell.type as number) === MERGE) return; // a merged area shows its top-left cell only
      const converted = convertCell(cell);
      if (converted) out[colNumber - 1] = converted;
    });
    if (out.length > 0) cells[rowNumber - 1] = out;
  });
  for (let i = 0; i < cells.length; i++) if (!cells[i]) cells[i] = [];
  return { sheet: worksheet.name, top: 1, left: 1, cells, merges: worksheetMerges(worksheet) };
}

/** Merged areas, read from the worksheet's index rather than `worksheet.model` (which rebuilds every row). */
export function worksheetMerges(worksheet: ExcelJS.Worksheet): CellRange[] {
  const index = (worksheet as unknown as { _merges?: Record<string, { model: CellRange }> })._merges;
  if (index) {
    return Object.values(index)
      .filter(Boolean)
      .map((m) => ({ top: m.model.top, left: m.model.left, bottom: m.model.bottom, right: m.model.right }));
  }
  return [];
}

function convertCell(cell: ExcelJS.Cell): Cell | undefined {
  const raw = cell.value as unknown;
  const out: Cell = { value: null };
  if (raw !== null && typeof raw === "object" && ("formula" in raw || "sharedFormula" in raw)) {
    const formula = cell.formula; // shared-formula children come back translated to their own address
    const result = (raw as { result?: unknown }).result;
    if (formula) out.formula = `=${formula}`;
    out.value = plainValue(result, out);
  } else {
    out.value = plainValue(raw, out);
  }
  if ((out.value === null || out.value === "") && !out.formula) return undefined;
  const numFmt = cell.numFmt;
  if (numFmt && numFmt !== "General") out.numberFormat = numFmt;
  if (cell.font?.bold) out.bold = true;
  return out;
}

/** A value or cached result as the grid holds it; sets `text` where the displayed text differs from the value. */
function plainValue(v: unknown, cell: Cell): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "string") return v;
  if (v instanceof Date) {
    const text = dateText(v);
    cell.text = text;
    return text;
  }
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.error === "string") return { error: o.error };
    if (Array.isArray(o.richText)) return o.richText.map((r: { text?: string }) => r.text ?? "").join("");
    if (typeof o.text === "string") return o.text; // hyperlink
    if (
      o.text &&
      typeof o.text === "object" &&
      Array.isArray((o.text as { richText?: unknown[] }).richText)
    ) {
      return ((o.text as { richText: { text?: string }[] }).richText ?? []).map((r) => r.text ?? "").join("");
    }
  }
  return String(v);
}

/** Dates as a Vietnamese reader writes them: dd/mm/yyyy (ExcelJS reads them as UTC). */
function dateText(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  const date = `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  return h || m ? `${date} ${pad(h)}:${pad(m)}` : date;
}
