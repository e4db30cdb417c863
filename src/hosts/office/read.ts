// Reads the active sheet's used range (or the user's selection within it) into the engine's Grid in ONE sync.
import type { Cell, CellRange, Grid } from "../../engine/grid";
import type { Lang } from "../../engine/model";
import { cellCount, intersect, rangeOfAddress, splitAreas } from "./addresses";
import type { OfficeEnv } from "./env";
import { OfficeHostError, reasonOf } from "./messages";

const ERROR_VALUE =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

/** What one sync brings back, before conversion. */
export interface LoadedSheet {
  sheet: string;
  used: CellRange;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  text: unknown[][];
  selection: CellRange | null;
  merges: CellRange[];
}

export async function readGrid(env: OfficeEnv, lang: Lang = "vi"): Promise<Grid | null> {
  let loaded: LoadedSheet;
  try {
    loaded = await loadSheet(env, true);
  } catch (first) {
    // getSelectedRange throws when several areas are selected: read the used range alone then.
    try {
      loaded = await loadSheet(env, false);
    } catch {
      throw new OfficeHostError("readFailed", { sheet: "?", reason: reasonOf(first) }, lang);
    }
  }
  return toGrid(loaded);
}

async function loadSheet(env: OfficeEnv, withSelection: boolean): Promise<LoadedSheet> {
  const valuesOnly = env.isSetSupported("ExcelApi", "1.2");
  const withMerges = env.isSetSupported("ExcelApi", "1.13");
  return env.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load("name");
    // valuesOnly (1.2): cells that only carry formatting do not stretch the range.
    const used = valuesOnly ? sheet.getUsedRange(true) : sheet.getUsedRange();
    used.load("address,values,formulas,numberFormat,text");
    // Only the selection's address: its data is sliced from the used range, so nothing is loaded twice.
    const selected = withSelection ? context.workbook.getSelectedRange() : null;
    selected?.load("address");
    const merged = withMerges ? used.getMergedAreasOrNullObject() : null;
    merged?.load("address");
    await context.sync();
    return {
      sheet: sheet.name,
      used: rangeOfAddress(used.address),
      values: used.values,
      formulas: used.formulas,
      numberFormat: used.numberFormat,
      text: used.text,
      selection: selected ? rangeOfAddress(selected.address) : null,
      merges:
        merged && merged.isNullObject !== true && merged.address
          ? splitAreas(merged.address).map(rangeOfAddress)
          : [],
    };
  });
}

/** The selection when it covers more than one cell of the used range, else the used range. */
export function pickRange(used: CellRange, selection: CellRange | null): CellRange {
  const inside = selection && cellCount(selection) > 1 ? intersect(used, selection) : null;
  return inside && cellCount(inside) > 1 ? inside : used;
}

export function toGrid(s: LoadedSheet): Grid | null {
  const area = pickRange(s.used, s.selection);
  const cells: (Cell | undefined)[][] = [];
  let any = false;
  for (let r = area.top; r <= area.bottom; r++) {
    const i = r - s.used.top;
    const row: (Cell | undefined)[] = [];
    for (let c = area.left; c <= area.right; c++) {
      const j = c - s.used.left;
      const cell = toCell(s.values[i]?.[j], s.formulas[i]?.[j], s.numberFormat[i]?.[j], s.text[i]?.[j]);
      if (cell) any = true;
      row.push(cell);
    }
    cells.push(row);
  }
  if (!any) return null;
  const merges = s.merges.filter((m) => intersect(m, area) !== null);
  return { sheet: s.sheet, top: area.top, left: area.left, cells, merges };
}

export function toCell(
  value: unknown,
  formula: unknown,
  numberFormat: unknown,
  text: unknown,
): Cell | undefined {
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
