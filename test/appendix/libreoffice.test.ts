// Proof with a real spreadsheet: LibreOffice opens what the appendix writer (the patcher's new sheets) wrote, with
// every cached value removed, recalculates every formula and must get the engine's values (read back with our own
// reader); the printed appendix is kept as PDF and PNG in test-artifacts/appendix/. The source workbooks are
// written by ExcelJS, a producer we did not write.
import ExcelJS from "exceljs";
import { strToU8, unzipSync, zipSync } from "fflate";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { analyzeGrid } from "../../src/engine";
import { buildAppendix, type AppendixLayout } from "../../src/engine/appendix";
import { appendixLabels } from "../../src/i18n/appendix";
import { planTable } from "../../src/engine/plan";
import type { Grid } from "../../src/engine/grid";
import { readPackageFile } from "../../src/hosts/xlsx/file";
import { openPackage, type XlsxPackage } from "../../src/hosts/xlsx/package";
import { patchPackage } from "../../src/hosts/xlsx/patch";
import { readGrids } from "../../src/hosts/xlsx/sheet";
import { largeGroups, makeFixture, SMALL } from "./fixture";
import { convert, pdfPages, pdfToPngs } from "./soffice";
import { makeXlsx } from "../xlsx/make";

const ARTIFACTS = path.resolve(__dirname, "../../test-artifacts/appendix");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-appendix-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function sourceWorkbook(grid: ReturnType<typeof makeFixture>["grid"]): Promise<XlsxPackage> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(grid.sheet);
  grid.cells.forEach((row, i) =>
    row.forEach((cell, j) => {
      if (cell)
        ws.getCell(i + grid.top, j + grid.left).value = cell.formula
          ? ({ formula: cell.formula.slice(1) } as ExcelJS.CellFormulaValue)
          : (cell.value as ExcelJS.CellValue);
    }),
  );
  return openPackage(new Uint8Array(await wb.xlsx.writeBuffer()), "nguon.xlsx");
}

/**
 * Adds the appendices to the package and writes it to `file` with the new sheets' cached values removed, so only a
 * recalculation can give the values back. Returns the new sheets' names.
 */
function writeWithoutCachedValues(pkg: XlsxPackage, layouts: AppendixLayout[], file: string): string[] {
  const result = patchPackage(pkg, { sheets: layouts });
  const parts = unzipSync(result.bytes);
  for (const part of result.addedParts.filter((p) => p.includes("worksheets/"))) {
    const xml = new TextDecoder().decode(parts[part]);
    parts[part] = strToU8(xml.replace(/(<\/f>)<v>[^<]*<\/v>/g, "$1"));
    expect(parts[part].length).toBeLessThan(xml.length); // there were cached values to remove
  }
  fs.writeFileSync(file, zipSync(parts));
  return result.added;
}

function valueAt(grid: Grid, row: number, col: number) {
  return grid.cells[row - 1]?.[col - 1]?.value ?? null;
}

function formulaCells(layout: AppendixLayout) {
  return layout.cells.filter((c) => c.formula);
}

describe("LibreOffice recalculates the written appendix to the engine's values", () => {
  it("both variants, formulas only (no cached values), in a copy of the user's workbook", async () => {
    const { grid } = makeFixture(SMALL);
    const [analysis] = analyzeGrid(grid);
    const table = buildAppendix(analysis, {
      grid,
      labels: appendixLabels(),
      existingSheetNames: [grid.sheet],
    });
    const plan = planTable(analysis.table, grid, analysis.derived, { kind: "households", households: 30 });
    const planLayout = buildAppendix(analysis, { grid, labels: appendixLabels(), plan, year: 2025 });
    const file = path.join(tmp, "recalc.xlsx");
    const [name1, name2] = writeWithoutCachedValues(await sourceWorkbook(grid), [table, planLayout], file);

    const out = convert(file, "xlsx", path.join(tmp, "lo"));
    const back = readGrids(await readPackageFile(out));
    let compared = 0;
    for (const [layout, name] of [
      [table, name1],
      [planLayout, name2],
    ] as const) {
      const sheet = back.find((g) => g.sheet === name);
      expect(sheet).toBeDefined();
      expect(formulaCells(layout).length).toBeGreaterThan(10);
      for (const c of formulaCells(layout)) {
        const result = valueAt(sheet!, c.row, c.col);
        expect({ cell: `${name}!${c.row}:${c.col}`, value: result }).toEqual({
          cell: `${name}!${c.row}:${c.col}`,
          value: c.value,
        });
        compared++;
      }
    }
    // the user's sheet is still there, untouched, first
    expect(back[0].sheet).toBe("KH 2024");
    expect(valueAt(back[0], 10, 2)).toBe("Thôn Phú Hòa");
    expect(compared).toBeGreaterThan(40);
  });
});

describe("LibreOffice on a sample with defects (stale rates, text numbers, 1.518 typed as a decimal)", () => {
  it("every formula of both appendices recalculates to the engine's value", async () => {
    const wb = await readPackageFile(path.resolve(__dirname, "../../samples/ke-hoach-giam-ngheo-2024.xlsx"));
    const grid = readGrids(wb).find((g) => g.sheet === "KH 2024")!;
    const [analysis] = analyzeGrid(grid);
    const table = buildAppendix(analysis, {
      grid,
      labels: appendixLabels(),
      existingSheetNames: wb.worksheets.map((w) => w.name),
    });
    const plan = planTable(
      analysis.table,
      grid,
      analysis.derived,
      { kind: "points", points: 0.5 },
      {
        corrections: analysis.corrections,
      },
    );
    const planLayout = buildAppendix(analysis, { grid, labels: appendixLabels(), plan });
    const file = path.join(tmp, "sample.xlsx");
    const names = writeWithoutCachedValues(wb, [table, planLayout], file);
    const back = readGrids(await readPackageFile(convert(file, "xlsx", path.join(tmp, "lo-sample"))));
    let compared = 0;
    [table, planLayout].forEach((layout, i) => {
      const sheet = back.find((g) => g.sheet === names[i])!;
      for (const c of formulaCells(layout)) {
        const result = valueAt(sheet, c.row, c.col);
        expect({ sheet: names[i], row: c.row, col: c.col, value: result }).toEqual({
          sheet: names[i],
          row: c.row,
          col: c.col,
          value: c.value,
        });
        compared++;
      }
    });
    expect(compared).toBeGreaterThan(100);
  });
});

describe("the printed appendix", () => {
  it("prints on A4 over several pages with the header repeated, readable Vietnamese; kept as PDF and PNG", async () => {
    const groups = largeGroups();
    const { grid } = makeFixture(groups, "KH 2025");
    const [analysis] = analyzeGrid(grid);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    for (const f of fs.readdirSync(ARTIFACTS)) fs.rmSync(path.join(ARTIFACTS, f));

    const table = buildAppendix(analysis, { grid, labels: appendixLabels() });
    const plan = planTable(
      analysis.table,
      grid,
      analysis.derived,
      { kind: "points", points: 1.5 },
      {
        corrections: analysis.corrections,
      },
    );
    const planLayout = buildAppendix(analysis, { grid, labels: appendixLabels(), plan, year: 2025 });
    for (const [layout, base] of [
      [table, "phu-luc-bang"],
      [planLayout, "phu-luc-du-kien"],
    ] as const) {
      // The appendix alone in a workbook: a hidden, empty first sheet (nothing printed) and the new sheet.
      const empty = openPackage(
        makeXlsx([{ name: "Nguồn", xml: "<sheetData/>", state: "hidden" }]),
        "n.xlsx",
      );
      const file = path.join(ARTIFACTS, `${base}.xlsx`);
      fs.writeFileSync(file, patchPackage(empty, { sheets: [layout] }).bytes);
      const pdf = convert(file, "pdf", ARTIFACTS);
      const pages = pdfPages(pdf);
      expect(pages.length).toBeGreaterThanOrEqual(2);
      // the header is on every page
      const headerWord = layout.variant === "plan" ? "Dự kiến hộ nghèo cuối năm 2025" : "Tổng số hộ";
      for (const page of pages)
        expect(page.replace(/\s+/g, " ")).toContain(headerWord.split(" ").slice(0, 2).join(" "));
      // diacritics survive (a font without Vietnamese glyphs would drop or replace them)
      const text = pages.join("\n");
      for (const g of groups) expect(text).toContain(g.name);
      for (const u of groups[2].units) expect(text).toContain(u.name);
      expect(text).toMatch(/TỔNG CỘNG|Tổng cộng/);
      const pngs = pdfToPngs(pdf, path.join(ARTIFACTS, base));
      expect(pngs.length).toBe(pages.length);
      for (const png of pngs) expect(fs.statSync(png).size).toBeGreaterThan(10_000);
    }
  });
});
