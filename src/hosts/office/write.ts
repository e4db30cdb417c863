// Applies a write plan in few syncs and keeps, inside the workbook, what it overwrote so that undo restores it
// exactly — values, formulas and number formats — even after the pane was closed and reopened.
//
// applyWrites: sync 1 loads the cells to be overwritten, the sheet list and the sheets' protection; sync 2 writes the
// undo snapshot and the new content. Requests are packed under REQUEST_BUDGET bytes of estimated JSON counted in
// UTF-8 (Excel on the web rejects payloads over 5 MB), so only very large plans take more syncs.
//
// Undo, as Excel users expect it:
// - ExcelApi 1.20 and a library that passes the option on: the whole write runs in Excel.run({ mergeUndoGroup:
//   true }), so Ctrl+Z undoes the fix as ONE step, and no undo sheet is made (hiding a sheet is not undoable on
//   Windows and Mac: it would wipe the user's Ctrl+Z history). The pane's "Hoàn tác" snapshot goes into the
//   document settings, so that it outlives the runtime that wrote it: the ribbon's "Tính lại" runs in a runtime of
//   its own, torn down when the command completes, and the pane (another runtime) undoes it.
// - The host saying yes to ExcelApi 1.20 is not enough: the Office.js library loaded must know the option. The
//   npm copy (1.1.110, the offline build) drops it silently; a probe sees whether the library reacts to it, and
//   without it the older path below is taken.
// - Older Excel: the snapshot lives as JSON in a very hidden sheet, so "Hoàn tác" works after the pane reopens.
// - Either way the snapshot also holds what we wrote: undo restores only the cells that still hold it, so an edit
//   the user made afterwards (or a Ctrl+Z that already undid part of it) is never overwritten.
import { a1, parseA1, rangeA1, type CellRange, type CellWrite, type WritePlan } from "../../engine";
import type { Lang } from "../../i18n/lang";
import type { Refusal } from "../xlsx/patch";
import type { WriteOutcome } from "../port";
import { cellCount, jsonBytes, utf8Bytes } from "./addresses";
import { rectangles, type Block } from "./blocks";
import type { OfficeEnv } from "./env";
import { OfficeHostError, codeOf, message, reasonOf } from "./messages";
import * as store from "./settings";
import { OP_OVERHEAD, PACK_BUDGET, REQUEST_BUDGET, RESPONSE_BUDGET, pack, type Op } from "./requests";

export { REQUEST_BUDGET, RESPONSE_BUDGET, pack };

export const UNDO_SHEET = "_phuluc_undo";
/** Cells loaded per sync for the snapshot (the response is limited like the request). */
const LOAD_BUDGET_CELLS = 120_000;
const CHUNK_CHARS = 30_000; // a cell holds at most 32,767 characters
const CHUNK_PREFIX = "~"; // so that Excel never reads a chunk as a number, a date or a formula
const UNDO_DEPTH = 20;
/** UTF-8 bytes of undo records kept in the document settings (far under what Office keeps for an add-in). */
const SETTINGS_UNDO_BUDGET = 1_000_000;

type Scalar = string | number | boolean;

/** One rectangle as it was before a write: what to put back into `formulas`, and the number formats. */
export interface SnapshotBlock {
  s: string; // sheet
  a: string; // A1 range
  f: Scalar[][]; // ready to be written into Range.formulas
  n: string[][] | string; // number formats, or one for the whole block
  /** What we wrote there (as written into Range.formulas): a cell that no longer holds it is left alone. */
  w?: Scalar[][];
}

export interface UndoEntry {
  v: 1 | 2;
  at: string;
  cells: number;
  blocks: SnapshotBlock[];
}

/** The pane's own undo where Excel's Ctrl+Z does the job (ExcelApi 1.20) or the undo sheet cannot be made. */
export type UndoMemory = UndoEntry[];

const probes = new WeakMap<OfficeEnv, Promise<boolean>>();

/**
 * Excel's own undo group works here: the host has ExcelApi 1.20 AND the loaded Office.js library passes the run
 * option on. A library that knows an option sets its request flags on the context before the batch runs
 * (onBeforeExcelRun); one that predates it leaves them as they are. Two empty runs (no request is sent) compare
 * them. Anything unexpected counts as no: the undo sheet is then the undo, as on older Excel.
 */
export function groupedUndo(env: OfficeEnv): Promise<boolean> {
  if (!env.isSetSupported("ExcelApi", "1.20")) return Promise.resolve(false);
  let probe = probes.get(env);
  if (!probe) {
    const flags = async (c: Excel.RequestContext) =>
      (c as unknown as { _requestFlagModifier?: unknown })._requestFlagModifier;
    probe = (async () => {
      try {
        const plain = await env.run(flags);
        const grouped = await env.run(flags, { mergeUndoGroup: true });
        return typeof plain === "number" && typeof grouped === "number" && plain !== grouped;
      } catch {
        return false;
      }
    })();
    probes.set(env, probe);
  }
  return probe;
}

export async function applyWrites(
  env: OfficeEnv,
  plan: WritePlan,
  lang: Lang = "vi",
  onNotice?: (m: string) => void,
  memory: UndoMemory = [],
): Promise<WriteOutcome> {
  if (plan.writes.length === 0) return { refused: [] };
  if (!(await groupedUndo(env))) return { refused: await write(env, plan, lang, onNotice, memory, false) };
  try {
    return { refused: await write(env, plan, lang, onNotice, memory, true) };
  } catch (e) {
    // Something in the group cannot be undone by Excel: write without the group (nothing was written yet, the
    // group's failing sync being the first write).
    if (!(e instanceof OfficeHostError && e.code === "UndoNotSupported")) throw e;
    onNotice?.(message("undoGroupUnsupported", {}, lang));
    return { refused: await write(env, plan, lang, onNotice, memory, false, true) };
  }
}

/** Cells whose locked state is read per sync (each answer is about 45 bytes a cell). */
const LOCK_BUDGET_CELLS = 50_000;

/**
 * On a protected sheet Excel writes the cells the user unlocked and refuses the locked ones (a range with one
 * locked cell fails whole). Which is which, per cell (Range.getCellProperties, ExcelApi 1.9), in syncs under budget.
 */
async function lockedCells(context: Excel.RequestContext, blocks: SheetBlock[]): Promise<Set<string>> {
  const pieces = blocks.flatMap((b) =>
    splitPiece({ sheet: b.sheet, range: b }, LOCK_BUDGET_CELLS).map((p) => ({ ...p, block: b })),
  );
  const locked = new Set<string>();
  for (const group of groupPieces(pieces, LOCK_BUDGET_CELLS)) {
    const asked = group.map((p) => ({
      p,
      props: sheetOf(context, p.sheet)
        .getRange(rangeA1(p.range))
        .getCellProperties({ format: { protection: true } }),
    }));
    await context.sync();
    for (const { p, props } of asked)
      props.value.forEach((row, i) =>
        row.forEach((cell, j) => {
          if (cell.format?.protection?.locked !== false)
            locked.add(`${p.sheet}!${a1(p.range.top + i, p.range.left + j)}`);
        }),
      );
  }
  return locked;
}

async function write(
  env: OfficeEnv,
  plan: WritePlan,
  lang: Lang,
  onNotice: ((m: string) => void) | undefined,
  memory: UndoMemory,
  grouped: boolean,
  inMemory = grouped,
  locksChecked = false,
): Promise<Refusal[]> {
  const blocks = writeBlocks(plan.writes);
  const run = <T>(batch: (c: Excel.RequestContext) => Promise<T>) =>
    grouped ? env.run(batch, { mergeUndoGroup: true }) : env.run(batch);
  const done = await run(async (context): Promise<{ entry: UndoEntry | null } | { refused: Refusal[] }> => {
    // Sync 1 (more only beyond LOAD_BUDGET_CELLS): what the write will overwrite, whether the undo sheet exists,
    // and whether a sheet (or the workbook's structure) is protected.
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    const protections = [...new Set(blocks.map((b) => b.sheet))].map((name) => {
      const p = sheetOf(context, name).protection;
      p.load("protected");
      return { name, p };
    });
    const structure = inMemory ? null : context.workbook.protection;
    structure?.load("protected");
    let before: {
      block: SheetBlock;
      formulas: unknown[][];
      values: unknown[][];
      numberFormat: unknown[][];
    }[];
    try {
      const loaded = await loadPieces(
        context,
        blocks.map((b) => ({ sheet: b.sheet, range: b })),
        ["values", "formulas", "numberFormat"],
      );
      before = blocks.map((block, i) => ({
        block,
        formulas: loaded[i].formulas,
        values: loaded[i].values,
        numberFormat: loaded[i].numberFormat,
      }));
    } catch (e) {
      throw await failure(context, blocks[0], e, lang);
    }
    // A protected sheet: the locked cells are refused (and returned), the unlocked ones written in a second pass.
    const guarded = new Set(protections.filter((x) => x.p.protected).map((x) => x.name));
    if (guarded.size > 0 && !locksChecked) {
      const locked = await lockedCells(
        context,
        blocks.filter((b) => guarded.has(b.sheet)),
      );
      const refused: Refusal[] = plan.writes
        .filter((w) => locked.has(`${w.sheet}!${w.cell}`))
        .map((w) => ({ sheet: w.sheet, cell: w.cell, reason: "protected", write: w }));
      return { refused };
    }
    const names = sheets.items.map((s) => s.name);
    const undoExists = names.includes(UNDO_SHEET);
    let useSheet = !inMemory;
    if (useSheet && !undoExists && structure?.protected) {
      useSheet = false;
      // Kept in the document settings where there are some; else only this runtime's memory holds it.
      if (!env.settings) onNotice?.(message("undoInMemory", { sheet: UNDO_SHEET }, lang));
    }

    const entry: UndoEntry = { v: 2, at: new Date().toISOString(), cells: 0, blocks: [] };
    const content: Op[] = [];
    for (const b of before) {
      const snapshot = snapshotOf(b.block, b.values, b.formulas, b.numberFormat);
      const written = contentOps(b.block, b.numberFormat);
      snapshot.w = written.formulas;
      entry.blocks.push(snapshot);
      entry.cells += cellCount(b.block);
      content.push(...written.ops);
    }
    const canHide = env.isSetSupported("ExcelApi", "1.2");
    if (useSheet && !undoExists && !canHide)
      onNotice?.(new OfficeHostError("undoSheetVisible", { sheet: UNDO_SHEET }, lang).message);
    // Sync 2: the snapshot first (so that a failure part-way can still be undone), then the new content.
    const ops = [...(useSheet ? pushUndoOps(entry, undoExists, canHide) : []), ...content];
    await syncInBatches(context, ops, { sheet: blocks[0].sheet, cell: rangeA1(blocks[0]) }, lang);
    return { entry: useSheet ? null : entry };
  });
  if ("refused" in done) {
    const skip = new Set(done.refused.map((r) => `${r.sheet}!${r.cell}`));
    const writable = plan.writes.filter((w) => !skip.has(`${w.sheet}!${w.cell}`));
    if (writable.length > 0)
      await write(env, { ...plan, writes: writable }, lang, onNotice, memory, grouped, inMemory, true);
    return done.refused;
  }
  if (done.entry) await keepEntry(env, done.entry, memory, lang, onNotice);
  return [];
}

/**
 * Keeps an undo record outside the workbook's cells: in the document settings (every runtime of the add-in reads
 * them, and they are saved with the file), else — outside a document, or a record too large — in this runtime's
 * memory, with a notice.
 */
async function keepEntry(
  env: OfficeEnv,
  entry: UndoEntry,
  memory: UndoMemory,
  lang: Lang,
  onNotice: ((m: string) => void) | undefined,
): Promise<void> {
  const size = jsonBytes(entry);
  if (!env.settings || size > SETTINGS_UNDO_BUDGET) {
    if (env.settings) onNotice?.(message("undoTooLarge", { cells: entry.cells }, lang));
    memory.unshift(entry);
    memory.splice(UNDO_DEPTH);
    return;
  }
  await store.refresh(env);
  const kept: unknown[] = [entry];
  let total = size;
  for (const older of store.loadUndo(env).slice(0, UNDO_DEPTH - 1)) {
    total += jsonBytes(older);
    if (total > SETTINGS_UNDO_BUDGET) break;
    kept.push(older);
  }
  await store.saveUndo(env, kept, lang);
}

/** The newest undo record kept outside the cells, and where it is. */
async function newestOutside(
  env: OfficeEnv,
  memory: UndoMemory,
): Promise<{ entry: UndoEntry; from: "memory" | "settings" } | null> {
  await store.refresh(env);
  const stored = store.loadUndo(env).filter(isEntry);
  const candidates = [
    ...(memory[0] ? [{ entry: memory[0], from: "memory" as const }] : []),
    ...(stored[0] ? [{ entry: stored[0], from: "settings" as const }] : []),
  ];
  candidates.sort((a, b) => (a.entry.at < b.entry.at ? 1 : a.entry.at > b.entry.at ? -1 : 0));
  return candidates[0] ?? null;
}

function isEntry(x: unknown): x is UndoEntry {
  const e = x as UndoEntry;
  return Boolean(e) && (e.v === 1 || e.v === 2) && typeof e.at === "string" && Array.isArray(e.blocks);
}

export async function canUndo(env: OfficeEnv, memory: UndoMemory = []): Promise<boolean> {
  if (memory.length > 0) return true;
  if (await newestOutside(env, memory)) return true;
  return env.run(async (context) => {
    const undo = await findUndoSheet(context);
    if (!undo) return false;
    const head = undo.getRange("A1");
    head.load("values");
    await context.sync();
    return parseHeader(head.values[0][0]) !== null;
  });
}

/**
 * Restores what the last write overwrote, cell by cell where the cell still holds what we wrote; false when there
 * is nothing to undo. Cells the user changed since are kept, and named in a notice.
 */
export async function undo(
  env: OfficeEnv,
  lang: Lang = "vi",
  onNotice?: (m: string) => void,
  memory: UndoMemory = [],
): Promise<boolean> {
  const outside = await newestOutside(env, memory);
  // The undo sheet holds records too (written by an older Excel, or this one without the group): newest first.
  if (outside && !(await sheetIsNewer(env, outside.entry.at))) {
    const entry = outside.entry;
    const batch = async (context: Excel.RequestContext) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      await restore(context, entry, new Set(sheets.items.map((s) => s.name)), [], lang, onNotice);
    };
    try {
      await ((await groupedUndo(env)) ? env.run(batch, { mergeUndoGroup: true }) : env.run(batch));
    } catch (e) {
      if (
        codeOf(e) !== "UndoNotSupported" &&
        !(e instanceof OfficeHostError && e.code === "UndoNotSupported")
      )
        throw e;
      await env.run(batch);
    }
    if (outside.from === "memory") memory.shift();
    else {
      await store.refresh(env);
      const rest = store.loadUndo(env).filter((x) => !(isEntry(x) && x.at === entry.at));
      await store.saveUndo(env, rest, lang);
    }
    return true;
  }
  return env.run(async (context) => {
    const undoSheet = await findUndoSheet(context);
    if (!undoSheet) return false;
    const head = undoSheet.getRange("A1");
    head.load("values");
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const header = parseHeader(head.values[0][0]);
    if (!header) return false;
    // The chunks in pieces, each response under budget (a chunk is at most CHUNK_CHARS characters, 3 bytes each).
    const perRead = Math.max(1, Math.floor(RESPONSE_BUDGET / (CHUNK_CHARS * 3 + 16)));
    const parts: unknown[] = [];
    for (let first = 0; first < header.chunks; first += perRead) {
      const last = Math.min(header.chunks, first + perRead) - 1;
      const r = undoSheet.getRange(rangeA1({ top: 1, bottom: 1, left: 2 + first, right: 2 + last }));
      r.load("values");
      await context.sync();
      parts.push(...(r.values[0] as unknown[]));
    }
    let entry: UndoEntry;
    try {
      entry = JSON.parse(parts.map((c) => String(c).slice(CHUNK_PREFIX.length)).join("")) as UndoEntry;
      if ((entry.v !== 1 && entry.v !== 2) || !Array.isArray(entry.blocks)) throw new Error("version");
    } catch {
      throw new OfficeHostError("undoCorrupt", {}, lang);
    }
    // Last: drop the entry (shifting older ones up).
    const drop: Op = {
      bytes: OP_OVERHEAD,
      apply: (c) => c.workbook.worksheets.getItem(UNDO_SHEET).getRange("1:1").delete("Up"),
    };
    await restore(context, entry, new Set(sheets.items.map((s) => s.name)), [drop], lang, onNotice);
    return true;
  });
}

/** Puts back each block's snapshot where the cells still hold what we wrote; `after` runs in the last request. */
async function restore(
  context: Excel.RequestContext,
  entry: UndoEntry,
  names: Set<string>,
  after: Op[],
  lang: Lang,
  onNotice: ((m: string) => void) | undefined,
): Promise<void> {
  const missing = entry.blocks.find((b) => !names.has(b.s));
  if (missing) throw new OfficeHostError("sheetMissing", { sheet: missing.s }, lang);
  // What the cells hold now, and whether their sheets are protected: in pieces under the load budget.
  const checked = entry.blocks.filter((b) => b.w);
  const loaded = await loadPieces(
    context,
    // What we wrote tells the size of the answer: formulas and values, each about as large.
    checked.map((b) => ({ sheet: b.s, range: rangeOfA1(b.a), bytes: 2.2 * jsonBytes(b.w) })),
    ["formulas", "values"],
  );
  const now = new Map(checked.map((b, i) => [b, loaded[i]]));
  // A protected sheet needs no check here: we wrote only its unlocked cells, and a cell locked since then fails
  // its write, which syncInBatches reports as the sheet's protection.
  const ops: Op[] = [];
  const kept: { sheet: string; cell: string }[] = [];
  for (const b of entry.blocks) {
    const area = rangeOfA1(b.a);
    const current = now.get(b);
    if (!b.w || !current) {
      ops.push(...restoreOps(b));
      continue;
    }
    const placed: { row: number; col: number; item: { f: Scalar; n: string } }[] = [];
    b.f.forEach((row, i) =>
      row.forEach((f, j) => {
        const cell = { row: area.top + i, col: area.left + j };
        if (holds(current.formulas[i]?.[j], current.values[i]?.[j], b.w![i][j]))
          placed.push({ ...cell, item: { f, n: typeof b.n === "string" ? b.n : b.n[i][j] } });
        // Already back to what it was (Excel's Ctrl+Z got there first): nothing to do, nothing to say.
        else if (!holds(current.formulas[i]?.[j], current.values[i]?.[j], f))
          kept.push({ sheet: b.s, cell: a1(cell.row, cell.col) });
      }),
    );
    if (placed.length === cellCount(area)) {
      ops.push(...restoreOps(b));
      continue;
    }
    for (const r of rectangles(placed, (x) => x.n))
      ops.push(
        ...rangeOps(
          b.s,
          r,
          r.items.map((row) => row.map((x) => x.f)),
          r.items[0][0].n,
        ),
      );
  }
  ops.push(...after);
  const first = entry.blocks[0];
  await syncInBatches(context, ops, { sheet: first.s, cell: first.a }, lang);
  if (kept.length > 0) {
    const list =
      kept
        .slice(0, 10)
        .map((k) => k.cell)
        .join(", ") + (kept.length > 10 ? ", …" : "");
    onNotice?.(message("undoKeptEdits", { count: kept.length, sheet: kept[0].sheet, cells: list }, lang));
  }
}

/** Does a cell (as loaded now) still hold what we wrote into Range.formulas? */
export function holds(formula: unknown, value: unknown, written: Scalar): boolean {
  if (typeof written === "string" && written.startsWith("=")) {
    const norm = (x: unknown) => String(x).replace(/\s+/g, "").toUpperCase();
    return typeof formula === "string" && norm(formula) === norm(written);
  }
  if (typeof formula === "string" && formula.startsWith("=") && formula !== value) return false;
  if (typeof written === "string" && written.startsWith("'")) return value === written.slice(1);
  if (written === "") return value === "" || value === null;
  if (typeof written === "number") return typeof value === "number" && Math.abs(value - written) < 1e-9;
  return value === written || String(value) === String(written);
}

// ---------------------------------------------------------------------------------------------------------------

interface SheetBlock extends Block<CellWrite> {
  sheet: string;
}

function writeBlocks(writes: CellWrite[]): SheetBlock[] {
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

interface Piece {
  sheet: string;
  range: CellRange;
  /** Estimated UTF-8 bytes of the response for the whole piece, when known. */
  bytes?: number;
}
type Loaded = Record<"values" | "formulas" | "numberFormat", unknown[][]>;

/**
 * Loads properties of each piece, grouped under LOAD_BUDGET_CELLS cells a sync. The cells' content is unknown
 * before it is read: a response Excel refuses as too large is asked again in halves. Results follow `pieces`.
 */
async function loadPieces(
  context: Excel.RequestContext,
  pieces: Piece[],
  props: (keyof Loaded)[],
): Promise<Loaded[]> {
  const out: Loaded[] = [];
  for (const group of groupPieces(
    pieces.flatMap((p) => splitPiece(p, LOAD_BUDGET_CELLS)),
    LOAD_BUDGET_CELLS,
  )) {
    const parts = await loadGroup(context, group, props);
    out.push(...parts);
  }
  // Pieces split by rows come back in order: join them again.
  const joined: Loaded[] = [];
  let k = 0;
  for (const p of pieces) {
    const rows = p.range.bottom - p.range.top + 1;
    const whole = { values: [], formulas: [], numberFormat: [] } as unknown as Loaded;
    let got = 0;
    while (got < rows) {
      const part = out[k++];
      for (const prop of props) whole[prop].push(...part[prop]);
      got += part[props[0]].length;
    }
    joined.push(whole);
  }
  return joined;
}

async function loadGroup(
  context: Excel.RequestContext,
  group: Piece[],
  props: (keyof Loaded)[],
): Promise<Loaded[]> {
  const ranges = group.map((p) => {
    const r = sheetOf(context, p.sheet).getRange(rangeA1(p.range));
    r.load(props.join(","));
    return r;
  });
  try {
    await context.sync();
  } catch (e) {
    const single = group.length === 1 && group[0].range.top === group[0].range.bottom;
    if (codeOf(e) !== "ResponsePayloadSizeLimitExceeded" || single) throw e;
    const halves: Piece[][] =
      group.length > 1
        ? [group.slice(0, group.length >> 1), group.slice(group.length >> 1)]
        : halve(group[0]).map((p) => [p]);
    const out: Loaded[] = [];
    for (const h of halves) out.push(...(await loadGroup(context, h, props)));
    return out;
  }
  return ranges.map((r) => {
    const l = {} as Loaded;
    for (const prop of props) l[prop] = r[prop] as unknown[][];
    return l;
  });
}

function halve(p: Piece): Piece[] {
  const mid = p.range.top + ((p.range.bottom - p.range.top) >> 1);
  return [
    { sheet: p.sheet, range: { ...p.range, bottom: mid } },
    { sheet: p.sheet, range: { ...p.range, top: mid + 1 } },
  ];
}

function splitPiece(p: Piece, maxCells: number): Piece[] {
  const width = p.range.right - p.range.left + 1;
  const rows = p.range.bottom - p.range.top + 1;
  const byBytes = p.bytes ? Math.floor((rows * RESPONSE_BUDGET) / p.bytes) : Infinity;
  const rowsPer = Math.max(1, Math.min(Math.floor(maxCells / width), byBytes));
  const out: Piece[] = [];
  for (let top = p.range.top; top <= p.range.bottom; top += rowsPer) {
    const bottom = Math.min(p.range.bottom, top + rowsPer - 1);
    const part: Piece = { sheet: p.sheet, range: { ...p.range, top, bottom } };
    if (p.bytes) part.bytes = (p.bytes * (bottom - top + 1)) / rows;
    out.push(part);
  }
  return out;
}

function groupPieces(pieces: Piece[], maxCells: number): Piece[][] {
  const groups: Piece[][] = [];
  let current: Piece[] = [];
  let cells = 0;
  let bytes = 0;
  for (const p of pieces) {
    const n = cellCount(p.range);
    if (current.length > 0 && (cells + n > maxCells || bytes + (p.bytes ?? 0) > RESPONSE_BUDGET)) {
      groups.push(current);
      current = [];
      cells = 0;
      bytes = 0;
    }
    current.push(p);
    cells += n;
    bytes += p.bytes ?? 0;
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
  return new OfficeHostError(
    "writeFailed",
    { sheet: b.sheet, cell: rangeA1(b), reason: reasonOf(e) },
    lang,
    codeOf(e),
  );
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

function contentOps(block: SheetBlock, oldFormats: unknown[][]): { ops: Op[]; formulas: Scalar[][] } {
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
  return { ops: rangeOps(block.sheet, block, formulas, formats), formulas };
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
export function rangeOps(
  sheet: string,
  range: CellRange,
  formulas: Scalar[][],
  formats: string[][] | string | null,
): Op[] {
  const width = range.right - range.left + 1;
  // The request carries full 2-D arrays (a uniform format is expanded to every cell).
  const uniformFormatBytes = typeof formats === "string" ? width * (jsonBytes(formats) + 1) + 2 : 0;
  const bytesPerRow = (i: number) =>
    jsonBytes(formulas[i]) + 1 + (Array.isArray(formats) ? jsonBytes(formats[i]) + 1 : uniformFormatBytes);
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
  // A chunk of CHUNK_CHARS characters is at most 3 bytes a character in UTF-8 (JSON escapes included).
  const perOp = Math.max(1, Math.floor(REQUEST_BUDGET / 2 / (CHUNK_CHARS * 3)));
  for (let i = 0; i < chunks.length; i += perOp) {
    const part = chunks.slice(i, i + perOp);
    const left = 2 + i;
    ops.push({
      bytes: OP_OVERHEAD + utf8Bytes(JSON.stringify(part)),
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

/** Does the undo sheet hold a record newer than `at`? (No sheet, no record: no.) */
async function sheetIsNewer(env: OfficeEnv, at: string): Promise<boolean> {
  return env.run(async (context) => {
    const sheet = await findUndoSheet(context);
    if (!sheet) return false;
    const head = sheet.getRange("A1");
    head.load("values");
    await context.sync();
    const header = parseHeader(head.values[0][0]);
    return header !== null && header.at > at;
  });
}

function parseHeader(v: unknown): { chunks: number; at: string } | null {
  if (typeof v !== "string" || v === "") return null;
  try {
    const h = JSON.parse(v) as { phuluc?: string; chunks?: number; at?: unknown };
    return h.phuluc === "undo" && typeof h.chunks === "number" && h.chunks > 0
      ? { chunks: h.chunks, at: typeof h.at === "string" ? h.at : "" }
      : null;
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
      const code = codeOf(e);
      if (code === "AccessDenied" || (code === "InvalidOperation" && /protect/i.test(reasonOf(e))))
        throw new OfficeHostError("sheetProtected", { ...where }, lang, code);
      throw new OfficeHostError("writeFailed", { ...where, reason: reasonOf(e) }, lang, code);
    }
  }
}
