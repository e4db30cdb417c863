// Reads the active sheet's used range (or the user's selection within it) into the engine's Grid.
//
// Excel on the web refuses a request or a response over 5 MB (counted in UTF-8 bytes) and returns null values for a
// read beyond 5 million cells, so a sheet is read as a window first and in row bands only when it is larger:
//   sync 1  the addresses (sheet, used range, selection) and a window of at most WINDOW_ROWS × WINDOW_COLS cells from
//           the used range's top-left: values, formulas, number formats, and the window's merged areas. An ordinary
//           table lies inside the window: one sync, done.
//   bands   a larger table: the rest of the target, in row bands sized from the bytes per cell the window measured.
//   text    the displayed text only of cells whose number format Excel shows as something the value does not say
//           (dates, units in quotes): usually none, so no sync.
//   merges  more than 512 merged areas make getMergedAreasOrNullObject fail, and a failure fails its whole sync:
//           when the window's sync fails it is repeated without merges, and merges are asked for alone, falling back
//           to the header rows (where the table's structure is) with a notice.
import { type Cell, type CellRange, type Grid, rangeA1 } from "../../engine";
import type { Lang } from "../../i18n/lang";
import { cellCount, intersect, jsonBytes, rangeOfAddress, splitAreas } from "./addresses";
import { rectangles, type Block } from "./blocks";
import type { OfficeEnv } from "./env";
import { OfficeHostError, codeOf, message, reasonOf } from "./messages";
import { RESPONSE_BUDGET, groupBy, tooLarge } from "./requests";

const ERROR_VALUE =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

/** The first read: rows and columns from the used range's top-left corner. */
export const WINDOW_ROWS = 1000;
export const WINDOW_COLS = 50;
export { RESPONSE_BUDGET };
/** Cells per band at most, whatever the estimate (Excel's read limit is 5 million cells). */
const MAX_BAND_CELLS = 500_000;
/** Header zone whose merged areas are read when the whole table has too many. */
const HEADER_ROWS = 30;
/** Floor of the per-cell estimate (values, formulas and number format of an empty cell as JSON, with margin). */
const MIN_CELL_BYTES = 24;
/** Safety factor over the measured bytes per cell (the window may be lighter than the rest). */
const ESTIMATE_MARGIN = 1.5;

/** One rectangle as Excel returned it. */
export interface LoadedBlock {
  range: CellRange;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
}

export interface ReadReport {
  syncs: number;
  bands: number;
}

export async function readGrid(
  env: OfficeEnv,
  lang: Lang = "vi",
  onNotice?: (m: string) => void,
  report?: ReadReport,
): Promise<Grid | null> {
  const withMerges = env.isSetSupported("ExcelApi", "1.13");
  return env.run(async (context) => {
    let syncs = 0;
    const sync = async () => {
      syncs++;
      await context.sync();
    };
    const ws = context.workbook.worksheets.getActiveWorksheet();
    ws.load("name");
    // valuesOnly: cells that only carry formatting do not stretch the range.
    const used = ws.getUsedRange(true);
    const queueWindow = (selection: boolean, merges: boolean, rows = WINDOW_ROWS) => {
      used.load("address");
      const window = used
        .getCell(0, 0)
        .getResizedRange(rows - 1, WINDOW_COLS - 1)
        .getIntersection(used);
      window.load("address,values,formulas,numberFormat");
      const selected = selection ? selectedRange(context, env) : null;
      selected?.load("address");
      const merged = merges ? window.getMergedAreasOrNullObject() : null;
      merged?.load("address");
      return { window, selected, merged };
    };
    let first = queueWindow(true, withMerges);
    let mergesKnown = withMerges;
    try {
      await sync();
    } catch (e) {
      // Not waiting for the user to leave a cell (a ribbon command): say so rather than retry.
      if (codeOf(e) === "InvalidOperationInCellEditMode")
        throw new OfficeHostError("cellEditBusy", {}, lang, codeOf(e));
      // Too many merged areas, or several selected areas (before ExcelApi 1.9): the window without them. An
      // answer too large (long texts in every cell): a window of fewer rows each time; the bands read the rest.
      let rows = WINDOW_ROWS;
      let last = e;
      for (;;) {
        if (tooLarge(last)) rows = Math.floor(rows / 4);
        if (rows < 1) throw new OfficeHostError("readFailed", { sheet: "?", reason: reasonOf(e) }, lang);
        first = queueWindow(false, false, rows);
        mergesKnown = false;
        try {
          await sync();
          break;
        } catch (again) {
          if (!tooLarge(again))
            throw new OfficeHostError("readFailed", { sheet: "?", reason: reasonOf(e) }, lang);
          last = again;
        }
      }
    }
    const sheet = ws.name;
    const usedRange = rangeOfAddress(used.address);
    const win = rangeOfAddress(first.window.address);
    const selection = first.selected ? selectionOf(first.selected.address) : null;
    const target = pickRange(usedRange, selection);
    const windowBlock: LoadedBlock = {
      range: win,
      values: first.window.values,
      formulas: first.window.formulas,
      numberFormat: first.window.numberFormat,
    };
    const blocks: LoadedBlock[] = [];
    if (windowBlock.values) blocks.push(windowBlock);
    let merges: CellRange[] = mergesKnown && first.merged ? mergedAreas(first.merged) : [];

    // The rest of the target, in bands sized from the window's bytes per cell.
    const rest = remainder(target, windowBlock.values ? win : null);
    let bands = 0;
    if (rest.length > 0) {
      const perCell = bytesPerCell(windowBlock);
      for (const part of rest)
        for (const band of planBands(part, perCell)) {
          const loaded = await loadBand(context, ws, band, sync, lang, sheet);
          bands += loaded.length;
          blocks.push(...loaded);
        }
    }

    // Merged areas: known from the window when the target lies inside it, else asked for alone.
    const inWindow = rest.length === 0;
    if (withMerges && (!mergesKnown || !inWindow)) {
      const all = await tryMerges(context, ws, target, sync);
      if (all) merges = all;
      else {
        const header = { ...target, bottom: Math.min(target.bottom, target.top + HEADER_ROWS - 1) };
        merges = (mergesKnown ? merges : await tryMerges(context, ws, header, sync)) ?? [];
        merges = merges.filter((m) => m.top <= header.bottom);
        onNotice?.(message("tooManyMerges", { sheet, rows: `${header.top}-${header.bottom}` }, lang));
      }
    }

    const grid = toGrid(sheet, target, blocks, merges);
    if (grid) await loadTexts(context, ws, grid, sync, lang, onNotice);
    if (report) {
      report.syncs = syncs;
      report.bands = bands;
    }
    return grid;
  });
}

/** The selection's range object: getSelectedRanges (1.9) never throws on several areas. */
function selectedRange(
  context: Excel.RequestContext,
  env: OfficeEnv,
): { load(p: string): void; address: string } {
  return env.isSetSupported("ExcelApi", "1.9")
    ? context.workbook.getSelectedRanges()
    : context.workbook.getSelectedRange();
}

/** One area (whole columns and rows included); several areas → none (the used range is read). */
function selectionOf(address: string): CellRange | null {
  const areas = splitAreas(address);
  if (areas.length !== 1) return null;
  try {
    return rangeOfAddress(areas[0]);
  } catch {
    return null;
  }
}

function mergedAreas(merged: { isNullObject?: boolean; address?: string }): CellRange[] {
  return merged.isNullObject !== true && merged.address ? splitAreas(merged.address).map(rangeOfAddress) : [];
}

async function tryMerges(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  area: CellRange,
  sync: () => Promise<void>,
): Promise<CellRange[] | null> {
  const merged = ws.getRange(rangeA1(area)).getMergedAreasOrNullObject();
  merged.load("address");
  try {
    await sync();
  } catch {
    return null;
  }
  return mergedAreas(merged);
}

/** The parts of the target outside the window (the window starts at the used range's top-left). */
export function remainder(target: CellRange, win: CellRange | null): CellRange[] {
  const inside = win ? intersect(target, win) : null;
  if (!inside) return [target];
  const out: CellRange[] = [];
  if (inside.right < target.right)
    out.push({ top: target.top, bottom: inside.bottom, left: inside.right + 1, right: target.right });
  if (inside.bottom < target.bottom)
    out.push({ top: inside.bottom + 1, bottom: target.bottom, left: target.left, right: target.right });
  return out;
}

/** Measured UTF-8 bytes per cell of a loaded block (values, formulas, number formats), with a margin. */
export function bytesPerCell(block: LoadedBlock | null): number {
  if (!block || !block.values) return MIN_CELL_BYTES * 4;
  const cells = Math.max(1, cellCount(block.range));
  const bytes = jsonBytes(block.values) + jsonBytes(block.formulas) + jsonBytes(block.numberFormat);
  return Math.max(MIN_CELL_BYTES, (bytes / cells) * ESTIMATE_MARGIN);
}

/** Row bands of a rectangle, each estimated under RESPONSE_BUDGET and MAX_BAND_CELLS. */
export function planBands(area: CellRange, perCell: number): CellRange[] {
  const width = area.right - area.left + 1;
  const rows = Math.max(
    1,
    Math.min(Math.floor(RESPONSE_BUDGET / (width * perCell)), Math.floor(MAX_BAND_CELLS / width)),
  );
  const out: CellRange[] = [];
  for (let top = area.top; top <= area.bottom; top += rows)
    out.push({ ...area, top, bottom: Math.min(area.bottom, top + rows - 1) });
  return out;
}

/**
 * One band in one sync; a band Excel answers with null values (its cell limit) or refuses as too large (its 5 MB)
 * is read again in halves.
 */
async function loadBand(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  band: CellRange,
  sync: () => Promise<void>,
  lang: Lang,
  sheet: string,
): Promise<LoadedBlock[]> {
  const range = ws.getRange(rangeA1(band));
  range.load("values,formulas,numberFormat");
  let refused = false;
  try {
    await sync();
  } catch (e) {
    // An answer over Excel's limit (the estimate from the window was too low): the band in halves, as below.
    if (!tooLarge(e) || band.bottom === band.top)
      throw new OfficeHostError("readFailed", { sheet, reason: `${rangeA1(band)}: ${reasonOf(e)}` }, lang);
    refused = true;
  }
  if (!refused && range.values && range.formulas && range.numberFormat)
    return [
      { range: band, values: range.values, formulas: range.formulas, numberFormat: range.numberFormat },
    ];
  if (band.bottom === band.top)
    throw new OfficeHostError(
      "readFailed",
      { sheet, reason: `${rangeA1(band)}: Excel returned no values` },
      lang,
    );
  const mid = band.top + Math.floor((band.bottom - band.top) / 2);
  return [
    ...(await loadBand(context, ws, { ...band, bottom: mid }, sync, lang, sheet)),
    ...(await loadBand(context, ws, { ...band, top: mid + 1 }, sync, lang, sheet)),
  ];
}

/**
 * A number whose format shows something the value and the format's decimals do not say (a date, a time, a unit
 * in quotes, a fraction, a Text format): only there is Excel's displayed text needed.
 */
function needsText(value: unknown, numberFormat: unknown): boolean {
  if (typeof value !== "number" || typeof numberFormat !== "string") return false;
  if (numberFormat === "General") return false;
  const bare = numberFormat
    .replace(/\[[^\]]*\]/g, "") // [Red], [$-42A]
    .replace(/\\./g, "")
    .replace(/_./g, "")
    .replace(/\*./g, "");
  return !/^[#0?.,%\s;()+-]*$/.test(bare) || /[/]/.test(bare);
}

/** Estimated UTF-8 bytes of one cell's displayed text in a response (a date, a number with its unit). */
const TEXT_CELL_BYTES = 48;

/**
 * Loads `text` for the cells that need it (see needsText): none for most tables (no sync); else in groups whose
 * estimated answer stays under the budget, a group Excel refuses as too large asked again in halves. Texts that
 * still cannot be read are said (a notice naming the sheet and the first cell), not dropped in silence.
 */
async function loadTexts(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  grid: Grid,
  sync: () => Promise<void>,
  lang: Lang,
  onNotice?: (m: string) => void,
): Promise<void> {
  const placed: { row: number; col: number; item: Cell }[] = [];
  grid.cells.forEach((row, i) =>
    row.forEach((cell, j) => {
      if (cell && needsText(cell.value, cell.numberFormat))
        placed.push({ row: grid.top + i, col: grid.left + j, item: cell });
    }),
  );
  if (placed.length === 0) return;
  const bytesOf = (b: CellRange) =>
    cellCount(b) * Math.max(TEXT_CELL_BYTES, 8 + 3 * maxFormatLength(grid, b));
  // Rectangles, each split into row bands under the budget, then grouped into syncs.
  const pieces = rectangles(placed).flatMap((block) => {
    const rows = Math.max(1, Math.floor(RESPONSE_BUDGET / bytesOf({ ...block, bottom: block.top })));
    const out: Block<Cell>[] = [];
    for (let top = block.top; top <= block.bottom; top += rows) {
      const bottom = Math.min(block.bottom, top + rows - 1);
      out.push({ ...block, top, bottom, items: block.items.slice(top - block.top, bottom - block.top + 1) });
    }
    return out;
  });
  const missed: CellRange[] = [];
  const load = async (group: Block<Cell>[]): Promise<void> => {
    const loads = group.map((block) => {
      const range = ws.getRange(rangeA1(block));
      range.load("text");
      return { block, range };
    });
    try {
      await sync();
    } catch (e) {
      if (tooLarge(e) && (group.length > 1 || group[0].bottom > group[0].top)) {
        const halves =
          group.length > 1
            ? [group.slice(0, group.length >> 1), group.slice(group.length >> 1)]
            : halveBlock(group[0]).map((b) => [b]);
        for (const h of halves) await load(h);
      } else missed.push(...group);
      return;
    }
    for (const { block, range } of loads)
      block.items.forEach((row, i) =>
        row.forEach((cell, j) => {
          const t = range.text?.[i]?.[j];
          if (typeof t === "string" && t !== "") cell.text = t;
        }),
      );
  };
  for (const group of groupBy(pieces, bytesOf, RESPONSE_BUDGET)) await load(group);
  if (missed.length > 0)
    onNotice?.(
      message(
        "textsNotRead",
        { sheet: grid.sheet, cell: rangeA1(missed[0]), count: missed.reduce((n, b) => n + cellCount(b), 0) },
        lang,
      ),
    );
}

function maxFormatLength(grid: Grid, b: CellRange): number {
  let n = 0;
  for (let c = b.left; c <= b.right; c++) {
    const f = grid.cells[b.top - grid.top]?.[c - grid.left]?.numberFormat;
    if (f) n = Math.max(n, f.length);
  }
  return n;
}

function halveBlock(b: Block<Cell>): Block<Cell>[] {
  const mid = b.top + ((b.bottom - b.top) >> 1);
  return [
    { ...b, bottom: mid, items: b.items.slice(0, mid - b.top + 1) },
    { ...b, top: mid + 1, items: b.items.slice(mid - b.top + 1) },
  ];
}

/** The selection when it covers more than one cell of the used range, else the used range. */
function pickRange(used: CellRange, selection: CellRange | null): CellRange {
  const inside = selection && cellCount(selection) > 1 ? intersect(used, selection) : null;
  return inside && cellCount(inside) > 1 ? inside : used;
}

function toGrid(sheet: string, area: CellRange, blocks: LoadedBlock[], merges: CellRange[]): Grid | null {
  const cells: (Cell | undefined)[][] = [];
  let any = false;
  for (let r = area.top; r <= area.bottom; r++) cells.push(new Array(area.right - area.left + 1));
  for (const b of blocks) {
    const part = intersect(b.range, area);
    if (!part) continue;
    for (let r = part.top; r <= part.bottom; r++) {
      const i = r - b.range.top;
      for (let c = part.left; c <= part.right; c++) {
        const j = c - b.range.left;
        const v = b.values[i]?.[j];
        const cell = toCell(
          v,
          b.formulas[i]?.[j],
          b.numberFormat[i]?.[j],
          typeof v === "string" ? v : undefined,
        );
        if (cell) any = true;
        cells[r - area.top][c - area.left] = cell;
      }
    }
  }
  if (!any) return null;
  return {
    sheet,
    top: area.top,
    left: area.left,
    cells,
    merges: merges.filter((m) => intersect(m, area) !== null),
  };
}

function toCell(value: unknown, formula: unknown, numberFormat: unknown, text: unknown): Cell | undefined {
  // A text cell that starts with "=" reports the same string as value and formula: it is text, not a formula.
  const isFormula = typeof formula === "string" && formula.startsWith("=") && formula !== value;
  const empty = value === "" || value === null || value === undefined;
  if (empty && !isFormula) return undefined;
  const cell: Cell = { value: null };
  if (typeof value === "string" && ERROR_VALUE.test(value) && (isFormula || text === value))
    cell.value = { error: value };
  else if (typeof value === "number" || typeof value === "boolean" || typeof value === "string")
    cell.value = empty ? null : value;
  if (isFormula) cell.formula = formula as string;
  if (typeof numberFormat === "string" && numberFormat !== "General") cell.numberFormat = numberFormat;
  if (typeof text === "string" && text !== "") cell.text = text;
  return cell;
}
