// Proof with a real spreadsheet: LibreOffice opens what the appendix writer wrote, recalculates every formula and
// must get the engine's values; the printed appendix is kept as PDF and PNG in test-artifacts/appendix/.
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { analyzeGrid } from "../../src/engine";
import { buildAppendix, type AppendixLayout } from "../../src/engine/appendix";
import { planTable } from "../../src/engine/plan";
import { renderAppendix } from "../../src/hosts/xlsx/appendix";
import { largeGroups, makeFixture, SMALL } from "./fixture";
import { convert, pdfPages, pdfToPngs } from "./soffice";
import { readWorkbookFile } from "../../src/hosts/xlsx/node";
import { workbookToGrids } from "../../src/hosts/xlsx/read";

const ARTIFACTS = path.resolve(__dirname, "../../test-artifacts/appendix");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-appendix-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function sourceWorkbook(grid: ReturnType<typeof makeFixture>["grid"]): ExcelJS.Workbook {
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
  return wb;
}

function formulaCells(layout: AppendixLayout) {
  return layout.cells.filter((c) => c.formula);
}

describe("LibreOffice recalculates the written appendix to the engine's values", () => {
  it("both variants, formulas only (no cached values), in a copy of the user's workbook", async () => {
    const { grid } = makeFixture(SMALL);
    const [analysis] = analyzeGrid(grid);
    const table = buildAppendix(analysis, { grid, existingSheetNames: [grid.sheet] });
    const plan = planTable(analysis.table, grid, analysis.derived, { kind: "households", households: 30 });
    const planLayout = buildAppendix(analysis, { grid, plan, year: 2025 });
    const wb = sourceWorkbook(grid);
    const ws1 = renderAppendix(wb, table, { cachedValues: false });
    const ws2 = renderAppendix(wb, planLayout, { cachedValues: false });
    const file = path.join(tmp, "recalc.xlsx");
    await wb.xlsx.writeFile(file);

    const out = convert(file, "xlsx", path.join(tmp, "lo"));
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    let compared = 0;
    for (const [layout, name] of [
      [table, ws1.name],
      [planLayout, ws2.name],
    ] as const) {
      const sheet = back.getWorksheet(name);
      expect(sheet).toBeDefined();
      expect(formulaCells(layout).length).toBeGreaterThan(10);
      for (const c of formulaCells(layout)) {
        const v = sheet!.getCell(c.row, c.col).value as { formula?: string; result?: unknown } | number;
        const result = typeof v === "object" && v !== null ? v.result : v;
        expect({ cell: `${name}!${c.row}:${c.col}`, value: result }).toEqual({
          cell: `${name}!${c.row}:${c.col}`,
          value: c.value,
        });
        compared++;
      }
    }
    // the user's sheet is still there, untouched, first
    expect(back.worksheets[0].name).toBe("KH 2024");
    expect(back.worksheets[0].getCell("B10").value).toBe("Thôn Phú Hòa");
    expect(compared).toBeGreaterThan(40);
  });
});

describe("LibreOffice on a sample with defects (stale rates, text numbers, 1.518 typed as a decimal)", () => {
  it("every formula of both appendices recalculates to the engine's value", async () => {
    const wb = await readWorkbookFile(path.resolve(__dirname, "../../samples/ke-hoach-giam-ngheo-2024.xlsx"));
    const grid = workbookToGrids(wb).find((g) => g.sheet === "KH 2024")!;
    const [analysis] = analyzeGrid(grid);
    const table = buildAppendix(analysis, { grid, existingSheetNames: wb.worksheets.map((w) => w.name) });
    const plan = planTable(
      analysis.table,
      grid,
      analysis.derived,
      { kind: "points", points: 0.5 },
      {
        corrections: analysis.corrections,
      },
    );
    const planLayout = buildAppendix(analysis, { grid, plan });
    const names = [
      renderAppendix(wb, table, { cachedValues: false }).name,
      renderAppendix(wb, planLayout, { cachedValues: false }).name,
    ];
    const file = path.join(tmp, "sample.xlsx");
    await wb.xlsx.writeFile(file);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(convert(file, "xlsx", path.join(tmp, "lo-sample")));
    let compared = 0;
    [table, planLayout].forEach((layout, i) => {
      const sheet = back.getWorksheet(names[i])!;
      for (const c of formulaCells(layout)) {
        const v = sheet.getCell(c.row, c.col).value as { result?: unknown } | number;
        const result = typeof v === "object" && v !== null ? v.result : v;
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

    const table = buildAppendix(analysis, { grid });
    const plan = planTable(
      analysis.table,
      grid,
      analysis.derived,
      { kind: "points", points: 1.5 },
      {
        corrections: analysis.corrections,
      },
    );
    const planLayout = buildAppendix(analysis, { grid, plan, year: 2025 });
    for (const [layout, base] of [
      [table, "phu-luc-bang"],
      [planLayout, "phu-luc-du-kien"],
    ] as const) {
      const wb = new ExcelJS.Workbook();
      renderAppendix(wb, layout);
      const file = path.join(ARTIFACTS, `${base}.xlsx`);
      await wb.xlsx.writeFile(file);
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
