// Our reader against ExcelJS's on every sample (written by ExcelJS, a producer we did not design the reader for):
// the same values, formulas, number formats, bold and merged areas in every sheet; and the rich workbooks read
// the same from all three producers (Excel, LibreOffice, openpyxl).
import * as fs from "fs";
import * as path from "path";
import { exceljsGrids } from "./exceljs-grid";
import { openPackage } from "../../src/hosts/xlsx/package";
import { readGrids } from "../../src/hosts/xlsx/sheet";
import type { Grid } from "../../src/engine/grid";
import { SAMPLES } from "../cli/helpers";
import { FILES, RICH } from "./rich";

function flat(grid: Grid): string[] {
  const out: string[] = [];
  grid.cells.forEach((row, r) =>
    row?.forEach((cell, c) => {
      if (cell) out.push(`${r + 1}:${c + 1} ${JSON.stringify(cell)}`);
    }),
  );
  return out;
}

const samples = fs.readdirSync(SAMPLES).filter((f) => f.endsWith(".xlsx"));

test.each(samples)("%s: the same grid as ExcelJS reads", async (file) => {
  const bytes = fs.readFileSync(path.join(SAMPLES, file));
  const theirs = await exceljsGrids(bytes);
  const ours = readGrids(openPackage(bytes, file));
  expect(ours.map((g) => g.sheet)).toEqual(theirs.map((g) => g.sheet));
  ours.forEach((g, i) => {
    expect(flat(g)).toEqual(flat(theirs[i]));
    const key = (m: { top: number; left: number }) => `${m.top}:${m.left}`;
    expect(g.merges.map((m) => JSON.stringify(m)).sort()).toEqual(
      theirs[i].merges
        .slice()
        .sort((a, b) => key(a).localeCompare(key(b)))
        .map((m) => JSON.stringify(m))
        .sort(),
    );
  });
});

test("the three producers of the rich workbook read to the same table sheet", () => {
  const grids = FILES.map((f) => readGrids(openPackage(fs.readFileSync(path.join(RICH, f)), f))[0]);
  // openpyxl stores no cached formula values: compare values of non-formula cells and every formula text;
  // LibreOffice writes a typed boolean as the formula TRUE() (README), which reads as that boolean.
  const plain = (c: Grid["cells"][number][number]) => {
    if (!c?.formula) return c;
    if (/^=(TRUE|FALSE)\(\)$/.test(c.formula)) return { value: c.formula === "=TRUE()" };
    return { ...c, value: null };
  };
  const shape = (g: Grid) => flat({ ...g, cells: g.cells.map((row) => row.map(plain)) });
  expect(shape(grids[1])).toEqual(shape(grids[0]));
  expect(shape(grids[2])).toEqual(shape(grids[0]));
  expect(grids[0].merges.length).toBeGreaterThan(5);
});
