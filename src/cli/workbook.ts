// Shared by the commands that read a workbook: read, choose sheets, analyse; every failure a one-line UserError.
import * as fs from "fs";
import * as path from "path";
import { UserError } from "./io";
import { identityOf, readPackageFile, writeFileSafely } from "../hosts/xlsx/file";
import type { XlsxPackage } from "../hosts/xlsx/package";
import { readGrids } from "../hosts/xlsx/sheet";
import { patchPackage, type PatchInput, type PatchResult } from "../hosts/xlsx/patch";
import { XlsxReadError } from "../hosts/xlsx/errors";
import {
  analyzeGrid,
  analyzeYearsGrid,
  unreadParts,
  type TableReport,
  type Grid,
  type AnalyzeOptions,
  type TableAnalysis,
  type Unread,
} from "../engine";
import type { Lang } from "../i18n/lang";

export interface WorkbookAnalysis {
  workbook: XlsxPackage;
  grids: Grid[];
  analyses: TableAnalysis[];
  /** Sheets that were checked and hold no recognisable table. */
  sheetsWithoutTable: string[];
  /** What holds numbers but was not read (a sheet with no table found, rows or ranges outside the tables). */
  unread: Unread[];
  /** Tables with years as columns, read transposed by `check` (nothing is written to them). */
  yearTables: TableReport[];
}

/** Reads the file (`shown` is the name used in messages), keeping the user's language in read errors. */
export async function readWorkbookForCli(file: string, shown: string, lang: Lang): Promise<XlsxPackage> {
  try {
    return await readPackageFile(file);
  } catch (err) {
    if (err instanceof XlsxReadError) {
      throw new UserError(new XlsxReadError(err.code, shown, err.detail, lang).message);
    }
    throw err;
  }
}

export function chooseGrids(
  workbook: XlsxPackage,
  shown: string,
  sheet: string | undefined,
  lang: Lang,
): Grid[] {
  try {
    if (sheet === undefined) return readGrids(workbook);
    if (workbook.sheet(sheet)) return readGrids(workbook, sheet);
  } catch (err) {
    if (err instanceof XlsxReadError)
      throw new UserError(new XlsxReadError(err.code, shown, err.detail, lang).message);
    throw err;
  }
  {
    const names = workbook.worksheets.map((g) => `"${g.name}"`).join(", ");
    throw new UserError(
      lang === "en"
        ? `"${shown}" has no sheet "${sheet}"; its sheets are: ${names}`
        : `tệp "${shown}" không có trang tính "${sheet}"; các trang tính có trong tệp: ${names}`,
    );
  }
}

export function analyzeGrids(
  grids: Grid[],
  lang: Lang,
  engine: AnalyzeOptions = {},
): { analyses: TableAnalysis[]; sheetsWithoutTable: string[]; unread: Unread[]; yearTables: TableReport[] } {
  const analyses: TableAnalysis[] = [];
  const sheetsWithoutTable: string[] = [];
  const unread: Unread[] = [];
  const yearTables: TableReport[] = [];
  for (const grid of grids) {
    let found: TableAnalysis[];
    try {
      found = analyzeGrid(grid, engine);
    } catch (err) {
      // An engine failure is a bug, but the user still gets one line naming the sheet, not a stack trace.
      const message = err instanceof Error ? err.message : String(err);
      throw new Error(
        lang === "en"
          ? `analysis of sheet "${grid.sheet}" failed: ${message}`
          : `lỗi khi phân tích trang tính "${grid.sheet}": ${message}`,
      );
    }
    // No table the usual way: perhaps years as columns, read transposed (check only; nothing is written). Its
    // coverage is said like any table's: a year column or an indicator row not read is never dropped silently.
    const years = found.length === 0 ? analyzeYearsGrid(grid, engine) : undefined;
    if (years) yearTables.push(years.report);
    else if (found.length === 0) sheetsWithoutTable.push(grid.sheet);
    unread.push(...unreadParts(grid, years ? [years.table] : found.map((a) => a.table)));
    analyses.push(...found);
  }
  return { analyses, sheetsWithoutTable, unread, yearTables };
}

export async function analyzeWorkbookFile(
  file: string,
  shown: string,
  options: { sheet?: string; lang: Lang; engine?: AnalyzeOptions },
): Promise<WorkbookAnalysis> {
  const workbook = await readWorkbookForCli(file, shown, options.lang);
  const grids = chooseGrids(workbook, shown, options.sheet, options.lang);
  return { workbook, grids, ...analyzeGrids(grids, options.lang, options.engine) };
}

/** Same file, even through a different spelling of the path or a link. */
export function samePath(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return real(a) === real(b);
}

export { refusalText } from "../i18n/refusals";

/**
 * Patches the package (cell writes, new sheets), verifies the result and writes it safely; every failure is a
 * one-line UserError naming the output file.
 */
export async function writePatched(
  workbook: XlsxPackage,
  input: PatchInput,
  file: string,
  shown: string,
  lang: Lang,
  options: { inPlace?: boolean; force?: boolean } = {},
): Promise<PatchResult> {
  try {
    const result = patchPackage(workbook, input);
    // In place, the file must still be the one we read; if another program saved it meanwhile, both are kept.
    const expect = options.inPlace ? identityOf(workbook) : undefined;
    const saved = await writeFileSafely(file, result.bytes, { ...options, expect });
    if (saved.conflict) {
      const beside = path.join(path.dirname(shown), path.basename(saved.path));
      throw new XlsxReadError("changed-meanwhile", shown, beside, lang);
    }
    return result;
  } catch (err) {
    if (err instanceof XlsxReadError)
      throw new UserError(new XlsxReadError(err.code, shown, err.detail, lang).message);
    throw err;
  }
}
