// The generator of commune workbooks (test/many/communes.js, shared with `npm run bench`) with its types, and a
// folder of them on disk for the CLI tests.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readGrids } from "../../src/hosts/xlsx/sheet";
import { openPackage } from "../../src/hosts/xlsx/package";
import { analyzeGrid, unitSource, type UnitSource } from "../../src/engine";
import type { Grid } from "../../src/engine/grid";

export interface Totals {
  households: number;
  poor: number;
  nearPoor: number;
  poorRate: number;
  nearPoorRate: number;
}
export interface Commune {
  name: string;
  unit: string;
  file: string;
  layout: string;
  defect?: string;
  totals: Totals;
  bytes: Uint8Array;
}
type Cell = null | number | string | { v: number | string | null; f?: string; fmt?: string; bold?: boolean };
interface SheetSpec {
  sheet?: string;
  rows: Cell[][];
  merges?: string[];
  widths?: number[];
  font?: string;
}
export const gen = require("./communes.js") as {
  rate: (count: number, base: number) => number;
  toTcvn3: (text: string) => string;
  workbookBytes: (spec: SheetSpec | { sheets: SheetSpec[] }) => Uint8Array;
  communeSheet: (spec: {
    name: string;
    kind?: string;
    year?: number;
    villages: { name: string; households: number; poor: number; nearPoor: number }[];
    layout?: string;
    defect?: string;
    sheet?: string;
  }) => { sheet: string; rows: Cell[][]; merges: string[]; widths: number[]; font: string };
  communeWorkbook: (spec: {
    name: string;
    kind?: string;
    year?: number;
    villages: { name: string; households: number; poor: number; nearPoor: number }[];
    layout?: string;
    defect?: string;
  }) => Uint8Array;
  district: (options?: { count?: number; defects?: boolean; year?: number }) => Commune[];
  manyCommunes: (
    count: number,
    year?: number,
  ) => { name: string; file: string; totals: Totals; bytes: Uint8Array }[];
  districtWorkbook: (
    communes: Commune[],
    options?: { mistakes?: { commune: string; field: string; value: number }[]; year?: number },
  ) => Uint8Array;
  xlsBytes: () => Uint8Array;
  yearPair: (options?: { planted?: boolean }) => { last: Uint8Array; current: Uint8Array };
  COMMUNES: string[];
};

export function tempDir(prefix = "phuluc-many-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function writeAll(dir: string, files: { file: string; bytes: Uint8Array }[]): string[] {
  for (const f of files) fs.writeFileSync(path.join(dir, f.file), f.bytes);
  return files.map((f) => f.file);
}

/** Grids of a workbook's bytes, read by our reader. */
export function gridsOf(bytes: Uint8Array, name = "x.xlsx"): Grid[] {
  return readGrids(openPackage(bytes, name));
}

/** A source from bytes, as the CLI makes it. */
export function sourceOf(file: string, bytes: Uint8Array): UnitSource {
  const grids = gridsOf(bytes, file);
  return unitSource(
    file,
    grids.flatMap((g) => analyzeGrid(g)),
    grids,
  );
}

/** Row → column letter → value of a sheet (values as stored: cached results of formulas). */
export function sheetValues(grid: Grid): Map<number, Map<string, unknown>> {
  const out = new Map<number, Map<string, unknown>>();
  grid.cells.forEach((row, i) => {
    const m = new Map<string, unknown>();
    row.forEach((c, j) => {
      if (c && c.value !== null && c.value !== "") m.set(String.fromCharCode(64 + grid.left + j), c.value);
    });
    out.set(grid.top + i, m);
  });
  return out;
}
