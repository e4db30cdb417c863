// What the worker does with each request, as plain functions: the worker (index.ts) and the in-page fallback
// (client.ts, where workers are unavailable: file:// pages, tests) run the same code.
import { detectTables, type Grid } from "../engine";
import { XlsxWorkbook } from "../hosts/xlsx/workbook";
import { runAnalysis } from "../hosts/analysis";
import { decodeGrid, encodeGrid, pack } from "./text";
import type { ResultOf, WorkRequest } from "./protocol";
export { toWorkError } from "./errors";

export type Handler = <R extends WorkRequest>(request: R) => ResultOf<R>;

/**
 * The page's memory budget (issue 24.7): a browser tab holds far less than the command line's process, so parts,
 * packages and sheets are bounded lower here; past it the file gets the reader's "too large" line, never a crash.
 */
const PAGE_BUDGET = {
  limits: { maxPart: 512 * 1024 * 1024, maxTotal: 768 * 1024 * 1024 },
  maxCells: 4_000_000,
};

export function createHandler(): Handler {
  const files = new Map<number, XlsxWorkbook>();
  const fileOf = (id: number): XlsxWorkbook => {
    const wb = files.get(id);
    // A file the page has closed (another was opened meanwhile): the page shows the new one.
    if (!wb) throw new Error("tệp này đã được đóng; hãy mở lại tệp / this file was closed; open it again");
    return wb;
  };
  const handle = (request: WorkRequest): unknown => {
    switch (request.op) {
      case "open": {
        const wb = XlsxWorkbook.open(request.bytes, request.fileName, PAGE_BUDGET);
        files.set(request.file, wb);
        return { sheets: wb.worksheets.map((w) => w.name) };
      }
      case "sheet":
        return encodeGrid(fileOf(request.file).grid(request.sheet));
      case "first-table": {
        const first = firstTable(fileOf(request.file));
        return { sheet: first.sheet, grid: first.grid && encodeGrid(first.grid) };
      }
      case "close":
        files.delete(request.file);
        return null;
      case "analyze": {
        const source = request.source;
        const grid =
          "grid" in source
            ? source.grid
            : "gridText" in source
              ? decodeGrid(source.gridText)
              : fileOf(source.file).gridWith(source.sheet, source.writes);
        return pack(runAnalysis(grid, request.settings, request.overrides));
      }
    }
  };
  return handle as Handler;
}

/** The first sheet on which the engine finds a table; else the first sheet. Finding the layout is enough. */
export function firstTable(
  workbook: XlsxWorkbook,
  read: (name: string) => Grid | null = (name) => workbook.grid(name),
): { sheet: string; grid: Grid | null } {
  let first: { sheet: string; grid: Grid | null } | null = null;
  for (const ws of workbook.worksheets) {
    let grid: Grid | null = null;
    try {
      grid = read(ws.name);
      if (!grid) continue;
      if (detectTables(grid).length > 0) return { sheet: ws.name, grid };
    } catch {
      // a sheet the engine cannot read is simply not the default
    }
    first ??= { sheet: ws.name, grid };
  }
  return first ?? { sheet: "", grid: null };
}
