// A workbook the product wrote (a download, an export), read back with the product's own reader for assertions.
import { parseA1, type Cell, type Grid } from "../../src/engine/grid";
import { openPackage } from "../../src/hosts/xlsx/package";
import { readGrids } from "../../src/hosts/xlsx/sheet";

export interface ReadBack {
  grids: Grid[];
  names: string[];
  /** The sheet named (the first one without a name). */
  grid(sheet?: string): Grid;
  cell(a1: string, sheet?: string): Cell | undefined;
  /** The cell's value (a formula's cached value), null when the cell is empty. */
  value(a1: string, sheet?: string): Cell["value"];
}

export function readBack(bytes: Uint8Array, fileName = "x.xlsx"): ReadBack {
  const grids = readGrids(openPackage(new Uint8Array(bytes), fileName));
  const grid = (sheet?: string) => {
    const g = sheet === undefined ? grids[0] : grids.find((x) => x.sheet === sheet);
    if (!g) throw new Error(`no sheet ${sheet} in ${fileName}`);
    return g;
  };
  const cell = (a1: string, sheet?: string) => {
    const { row, col } = parseA1(a1);
    const g = grid(sheet);
    return g.cells[row - g.top]?.[col - g.left];
  };
  return {
    grids,
    names: grids.map((g) => g.sheet),
    grid,
    cell,
    value: (a1, sheet) => cell(a1, sheet)?.value ?? null,
  };
}
