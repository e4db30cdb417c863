// Applies a write plan in few syncs and keeps, inside the workbook, what it overwrote so that undo restores it
// exactly — values, formulas and number formats — even after the pane was closed and reopened.
//
// applyWrites: sync 1 loads the cells to be overwritten (and the sheet list); sync 2 writes the undo snapshot and
// the new content. Requests are packed under REQUEST_BUDGET bytes of estimated JSON (Excel on the web rejects
// payloads over 5 MB), so only very large plans take more syncs.
import { a1, parseA1, rangeA1, type CellRange } from "../../engine/grid";
import type { Lang } from "../../engine/model";
import type { CellWrite, WritePlan } from "../../engine/report";
import { cellCount } from "./addresses";
import { rectangles, splitRows, type Block } from "./blocks";
import type { OfficeEnv } from "./env";
import { OfficeHostError, reasonOf } from "./messages";

export const UNDO_SHEET = "_phuluc_undo";
/** Estimated JSON bytes per request: under 4 MB, leaving room for Office.js's own envelope. */
export const REQUEST_BUDGET = 4_000_000;
/** Cells loaded per sync for the snapshot (the response is limited like the request). */
export const LOAD_BUDGET_CELLS = 120_000;
/** Our estimates leave a margin under the budget for what they do not count. */
const PACK_BUDGET = REQUEST_BUDGET * 0.95;
const CHUNK_CHARS = 30_000; // a cell holds at most 32,767 characters
const CHUNK_PREFIX = "~"; // so that Excel never reads a chunk as a number, a date or a formula
const UNDO_DEPTH = 20;
const OP_OVERHEAD = 200;

type Scalar = string | number | boolean;

/** One rectangle as it was before a write: what to put back into `formulas`, and the number formats. */
export interface SnapshotBlock {
  s: string; // sheet
  a: string; // A1 range
  f: Scalar[][]; // ready to be written into Range.formulas
  n: string[][] | string; // number formats, or one for the whole block
}

export interface UndoEntry {
  v: 1;
  at: string;
  cells: number;
  blocks: SnapshotBlock[];
}

interface Op {
  bytes: number;
  apply(context: Excel.RequestContext): void;
}

export async function applyWrites(
  env: OfficeEnv,
  plan: WritePlan,
  lang: Lang = "vi",
  onNotice?: (m: string) => void,
): Promise<void> {
  if (plan.writes.length === 0) return;
  const blocks = writeBlocks(plan.writes);
  await env.run(async (context) => {
    // Sync 1 (more only beyond LOAD_BUDGET_CELLS): what the write will overwrite, and whether the undo sheet exists.
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    const loadGroups = groupByCells(
      blocks.flatMap((b) => splitRows<CellWrite, SheetBlock>(b, LOAD_BUDGET_CELLS)),
      LOAD_BUDGET_CELLS,
    );
    const before: {
      block: SheetBlock;
      formulas: unknown[][];
      values: unknown[][];
      numberFormat: unknown[][];
    }[] = [];
    for (const group of loadGroups) {
      const loaded = group.map((block) => {
        const range = sheetOf(context, block.sheet).getRange(rangeA1(block));
        range.load("values,formulas,numberFormat");
        return { block, range };
      });
      try {
        await context.sync();
      } catch (e) {
        throw await failure(context, loaded[0].block, e, lang);
      }
      for (const { block, range } of loaded)
        before.push({
          block,
          formulas: range.formulas,
          values: range.values,
          numberFormat: range.numberFormat,
        });
    }
    const names = sheets.items.map((s) => s.name);
    const undoExists = names.includes(UNDO_SHEET);

    const entry: UndoEntry = { v: 1, at: new Date().toISOString(), cells: 0, blocks: [] };
    const content: Op[] = [];
    for (const b of before) {
      entry.blocks.push(snapshotOf(b.block, b.values, b.formulas, b.numberFormat));
      entry.cells += cellCount(b.block);
      content.push(...contentOps(b.block, b.numberFormat));
    }
    const canHide = env.isSetSupported("ExcelApi", "1.2");
    if (!undoExists && !canHide)
      onNotice?.(new OfficeHostError("undoSheetVisible", { sheet: UNDO_SHEET }, lang).message);
    // Sync 2: the snapshot first (so that a failure part-way can still be undone), then the new content.
    const ops = [...pushUndoOps(entry, undoExists, canHide), ...content];
    await syncInBatches(context, ops, { sheet: blocks[0].sheet, cell: rangeA1(blocks[0]) }, lang);
  });
}

export async function canUndo(env: OfficeEnv): Promise<boolean> {
  return env.run(async (context) => {
    const undo = await findUndoSheet(context);
    if (!undo) return false;
    const head = undo.getRange("A1");
    head.load("values");
    await context.sync();
    return parseHeader(head.values[0][0]) !== null;
  });
}

/** Restores what the last write overwrote; false when there is nothing to undo. */
export async function undo(env: OfficeEnv, lang: Lang = "vi"): Promise<boolean> {
  return env.run(async (context) => {
    const undoSheet = await findUndoSheet(context);
    if (!undoSheet) return false;
    const head = undoSheet.getRange("A1");
    head.load("values");
    await context.sync();
    const header = parseHeader(head.values[0][0]);
    if (!header) return false;
    const chunks = undoSheet.getRange(`B1:${a1(1, header.chunks + 1)}`);
    chunks.load("values");
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    let entry: UndoEntry;
    try {
      entry = JSON.parse(
        (chunks.values[0] as unknown[]).map((c) => String(c).slice(CHUNK_PREFIX.length)).join(""),
      ) as UndoEntry;
      if (entry.v !== 1 || !Array.isArray(entry.blocks)) throw new Error("version");
    } catch {
      throw new OfficeHostError("undoCorrupt", {}, lang);
    }
    const names = new Set(sheets.items.map((s) => s.name));
    const missing = entry.blocks.find((b) => !names.has(b.s));
    if (missing) throw new OfficeHostError("sheetMissing", { sheet: missing.s }, lang);
    const ops: Op[] = entry.blocks.flatMap(restoreOps);
    // Last: drop the entry (shifting older ones up).
    ops.push({
      bytes: OP_OVERHEAD,
      apply: (c) => c.workbook.worksheets.getItem(UNDO_SHEET).getRange("1:1").delete("Up"),
    });
    await syncInBatches(context, ops, { sheet: entry.blocks[0].s, cell: entry.blocks[0].a }, lang);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------------------------

interface SheetBlock extends Block<CellWrite> {
  sheet: string;
}

export function writeBlocks(writes: CellWrite[]): SheetBlock[] {
  const bySheet = new Map<string, CellWrite[]>();
  for (const w of writes) {
    const list = bySheet.get(w.sheet);
    if (list) list.push(w);
    else bySheet.set(w.sheet, [w]);
  }
  const out: SheetBlock[] = [];
  for (const [sheet, list] of bySheet) {
    const placed = list.map((w) => ({ ...parseA1(w.cell), item: w }));
    for (const b of rectangles(placed)) out.push({ ...b, sheet });
  }
  return out;
}

function groupByCells(blocks: SheetBlock[], maxCells: number): SheetBlock[][] {
  const groups: SheetBlock[][] = [];
  let current: SheetBlock[] = [];
  let cells = 0;
  for (const b of blocks) {
    const n = cellCount(b);
    if (current.length > 0 && cells + n > maxCells) {
      groups.push(current);
      current = [];
      cells = 0;
    }
    current.push(b);
    cells += n;
  }
  if (current.length) groups.push(current);
  return groups;
}

function sheetOf(context: Excel.RequestContext, name: string): Excel.Worksheet {
  return context.workbook.worksheets.getItem(name);
}

/** A failed load: a missing sheet gets its own message, anything else Office's reason. */
async function failure(
  context: Excel.RequestContext,
  b: SheetBlock,
  e: unknown,
  lang: Lang,
): Promise<OfficeHostError> {
  try {
    const sheet = context.workbook.worksheets.getItemOrNullObject(b.sheet);
    await context.sync();
    if (sheet.isNullObject) return new OfficeHostError("sheetMissing", { sheet: b.sheet }, lang);
  } catch {
    // ExcelApi 1.4 missing, or the workbook is gone: fall back to Office's own reason.
  }
  return new OfficeHostError("writeFailed", { sheet: b.sheet, cell: rangeA1(b), reason: reasonOf(e) }, lang);
}

/** Would Excel turn this text into something else (a number, date, boolean, formula) when written back? */
export function textNeedsQuote(text: string): boolean {
  const t = text.trim();
  if (t === "") return text !== "";
  if (/^[=+\-@]/.test(t)) return true;
  if (/^(true|false)$/i.test(t)) return true;
  if (/^#/.test(t)) return true;
  if (/^[$€₫(]?[\d.,\s]+%?[)₫đ]?$/i.test(t)) return true; // numbers in any locale, percentages, currencies
  if (/^\d*[.,]?\d+e[+-]?\d+$/i.test(t)) return true;
  if (/^\d{1,4}[/.-]\d{1,2}([/.-]\d{1,4})?$/.test(t)) return true; // dates
  if (/^\d{1,2}:\d{2}/.test(t)) return true; // times
  return false;
}

/** What to put into Range.formulas so that the cell gets back exactly this value or formula. */
export function formulaInput(value: unknown, formula: unknown, numberFormat: string): Scalar {
  if (typeof formula === "string" && formula.startsWith("=") && formula !== value) return formula;
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return numberFormat !== "@" && textNeedsQuote(value) ? `'${value}` : value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

function snapshotOf(
  block: SheetBlock,
  values: unknown[][],
  formulas: unknown[][],
  formats: unknown[][],
): SnapshotBlock {
  const n = formats.map((row) => row.map((f) => (typeof f === "string" ? f : "General")));
  const f = values.map((row, i) => row.map((v, j) => formulaInput(v, formulas[i][j], n[i][j])));
  const first = n[0][0];
  const uniform = n.every((row) => row.every((x) => x === first));
  return { s: block.sheet, a: rangeA1(block), f, n: uniform ? first : n };
}

function contentOps(block: SheetBlock, oldFormats: unknown[][]): Op[] {
  const needsFormat = (w: CellWrite, old: unknown) =>
    w.numberFormat !== undefined || (old === "@" && (w.formula !== undefined || typeof w.value === "number"));
  const formats = block.items.some((row, i) => row.some((w, j) => needsFormat(w, oldFormats[i][j])))
    ? block.items.map((row, i) =>
        row.map((w, j) => {
          const old = typeof oldFormats[i][j] === "string" ? (oldFormats[i][j] as string) : "General";
          // A formula or a number written into a Text ("@") cell would stay text: give it a number format.
          return (
            w.numberFormat ??
            (old === "@" && (w.formula !== undefined || typeof w.value === "number") ? "General" : old)
          );
        }),
      )
    : null;
  const formulas = block.items.map((row, i) =>
    row.map((w, j) => {
      const format = formats
        ? formats[i][j]
        : typeof oldFormats[i][j] === "string"
          ? (oldFormats[i][j] as string)
          : "General";
      return w.formula !== undefined ? w.formula : formulaInput(w.value, undefined, format);
    }),
  );
  return rangeOps(block.sheet, block, formulas, formats);
}

function restoreOps(b: SnapshotBlock): Op[] {
  const range = { ...rangeOfA1(b.a) };
  return rangeOps(b.s, range, b.f, b.n);
}

function rangeOfA1(a: string): CellRange {
  const [s, e] = a.split(":");
  const start = parseA1(s);
  const end = e ? parseA1(e) : start;
  return { top: start.row, left: start.col, bottom: end.row, right: end.col };
}

/** Writes formats then formulas (a Text format must be in place before the text is written), split in row bands. */
function rangeOps(
  sheet: string,
  range: CellRange,
  formulas: Scalar[][],
  formats: string[][] | string | null,
): Op[] {
  const width = range.right - range.left + 1;
  // The request carries full 2-D arrays (a uniform format is expanded to every cell).
  const uniformFormatBytes =
    typeof formats === "string" ? width * (JSON.stringify(formats).length + 1) + 2 : 0;
  const bytesPerRow = (i: number) =>
    JSON.stringify(formulas[i]).length +
    1 +
    (Array.isArray(formats) ? JSON.stringify(formats[i]).length + 1 : uniformFormatBytes);
  const ops: Op[] = [];
  let start = 0;
  while (start < formulas.length) {
    let end = start;
    let bytes = OP_OVERHEAD;
    while (end < formulas.length && (end === start || bytes + bytesPerRow(end) <= REQUEST_BUDGET / 2))
      bytes += bytesPerRow(end++);
    const rows = {
      top: range.top + start,
      bottom: range.top + end - 1,
      left: range.left,
      right: range.right,
    };
    const f = formulas.slice(start, end);
    const n =
      typeof formats === "string"
        ? Array.from({ length: end - start }, () => Array<string>(width).fill(formats))
        : (formats?.slice(start, end) ?? null);
    ops.push({
      bytes,
      apply(context) {
        const r = context.workbook.worksheets.getItem(sheet).getRange(rangeA1(rows));
        if (n) r.numberFormat = n;
        r.formulas = f;
      },
    });
    start = end;
  }
  return ops;
}

function pushUndoOps(entry: UndoEntry, exists: boolean, canHide: boolean): Op[] {
  const json = JSON.stringify(entry);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += CHUNK_CHARS)
    chunks.push(CHUNK_PREFIX + json.slice(i, i + CHUNK_CHARS));
  const header = JSON.stringify({
    phuluc: "undo",
    v: 1,
    at: entry.at,
    cells: entry.cells,
    chunks: chunks.length,
  });
  const ops: Op[] = [
    {
      bytes: OP_OVERHEAD,
      apply(context) {
        const sheets = context.workbook.worksheets;
        const sheet = exists ? sheets.getItem(UNDO_SHEET) : sheets.add(UNDO_SHEET);
        if (!exists && canHide) sheet.visibility = "VeryHidden";
        // Newest entry on row 1; the oldest beyond UNDO_DEPTH falls off.
        sheet.getRange("1:1").insert("Down");
        if (exists) sheet.getRange(`${UNDO_DEPTH + 1}:${UNDO_DEPTH + 1}`).delete("Up");
        const head = sheet.getRange("A1");
        head.numberFormat = [["@"]];
        head.values = [[header]];
      },
    },
  ];
  // Chunks in row 1 from column B, in bands that keep each request under budget.
  const perOp = Math.max(1, Math.floor(REQUEST_BUDGET / 2 / (CHUNK_CHARS * 1.3)));
  for (let i = 0; i < chunks.length; i += perOp) {
    const part = chunks.slice(i, i + perOp);
    const left = 2 + i;
    ops.push({
      bytes: OP_OVERHEAD + JSON.stringify(part).length,
      apply(context) {
        const r = context.workbook.worksheets
          .getItem(UNDO_SHEET)
          .getRange(rangeA1({ top: 1, bottom: 1, left, right: left + part.length - 1 }));
        r.numberFormat = [part.map(() => "@")];
        r.values = [part];
      },
    });
  }
  return ops;
}

function parseHeader(v: unknown): { chunks: number } | null {
  if (typeof v !== "string" || v === "") return null;
  try {
    const h = JSON.parse(v) as { phuluc?: string; chunks?: number };
    return h.phuluc === "undo" && typeof h.chunks === "number" && h.chunks > 0 ? { chunks: h.chunks } : null;
  } catch {
    return null;
  }
}

async function findUndoSheet(context: Excel.RequestContext): Promise<Excel.Worksheet | null> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  return sheets.items.find((s) => s.name === UNDO_SHEET) ?? null;
}

/** Packs operations into requests of at most `budget` estimated bytes, keeping their order. */
/** Queues the operations in requests under the payload budget, one sync each; a failure names the cell. */
async function syncInBatches(
  context: Excel.RequestContext,
  ops: Op[],
  where: { sheet: string; cell: string },
  lang: Lang,
): Promise<void> {
  for (const batch of pack(ops, PACK_BUDGET)) {
    for (const op of batch) op.apply(context);
    try {
      await context.sync();
    } catch (e) {
      throw new OfficeHostError("writeFailed", { ...where, reason: reasonOf(e) }, lang);
    }
  }
}

export function pack(ops: Op[], budget: number): Op[][] {
  const batches: Op[][] = [];
  let current: Op[] = [];
  let bytes = 0;
  for (const op of ops) {
    if (current.length > 0 && bytes + op.bytes > budget) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(op);
    bytes += op.bytes;
  }
  if (current.length) batches.push(current);
  return batches;
}
