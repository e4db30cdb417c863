// One look from every host (issue 10): the appendix's page, margins, frozen header, hidden gridlines and its date
// line and signature block come from the engine (engine/appendix/style.ts + the layout, the words from
// i18n/appendix.ts); the .xlsx renderer (newsheet.ts,
// through the patcher) and the Office.js renderer draw the same thing.
import { APPENDIX_LOOK, buildAppendix, pageSetupOf, type AppendixLayout } from "../../src/engine/appendix";
import { appendixLabels, SIGNATURE_TEXT } from "../../src/i18n/appendix";
import { planTable } from "../../src/engine/plan";
import { openPackage } from "../../src/hosts/xlsx/package";
import { patchPackage } from "../../src/hosts/xlsx/patch";
import { readGrids } from "../../src/hosts/xlsx/sheet";
import { parseTree, childNamed } from "../../src/hosts/xlsx/xml";
import { makeXlsx } from "../xlsx/make";
import { createOfficeHost } from "../../src/hosts/office";
import { FakeWorkbook } from "../office/fake-excel";
import { makeFixture, SMALL } from "./fixture";

const { grid, analysis } = makeFixture(SMALL);
const tableLayout = buildAppendix(analysis, { grid, labels: appendixLabels() });
const lastTableRow = (l: AppendixLayout) =>
  Math.max(...l.cells.filter((c) => c.style?.border).map((c) => c.row));

describe("date line and signature block", () => {
  test.each([
    ["table", tableLayout],
    [
      "plan",
      buildAppendix(analysis, {
        grid,
        labels: appendixLabels(),
        plan: planTable(analysis.table, grid, analysis.derived, { kind: "households", households: 30 }),
        year: 2025,
      }),
    ],
  ])("%s appendix: under the table, after one empty row, no borders", (_name, layout) => {
    const last = lastTableRow(layout);
    const below = layout.cells.filter((c) => c.row > last);
    const text = (row: number) =>
      below
        .filter((c) => c.row === row)
        .sort((a, b) => a.col - b.col)
        .map((c) => c.value);
    expect(below.some((c) => c.row === last + 1)).toBe(false);
    expect(text(last + 2)).toEqual([SIGNATURE_TEXT.vi.date]);
    expect(text(last + 3)).toEqual(["Người lập biểu", "TM. ỦY BAN NHÂN DÂN"]);
    expect(text(last + 4)).toEqual(["(Ký, ghi rõ họ tên)", "CHỦ TỊCH"]);
    expect(below.every((c) => !c.style?.border)).toBe(true);
    // The date line and the authority sit in the right half, the preparer in the left.
    const width = layout.columnWidths.length;
    const date = below.find((c) => c.value === SIGNATURE_TEXT.vi.date)!;
    expect(date.col).toBeGreaterThan(width / 2);
    const mergeOf = (col: number, row: number) => layout.merges.find((m) => m.top === row && m.left === col);
    expect(mergeOf(date.col, date.row)?.right).toBe(width);
    expect(mergeOf(1, last + 3)?.right).toBeLessThan(date.col);
  });

  test("English appendix: the same block in English", () => {
    const en = buildAppendix(analysis, { grid, labels: appendixLabels("en") });
    const values = en.cells.map((c) => c.value);
    expect(values).toEqual(expect.arrayContaining([SIGNATURE_TEXT.en.preparer, SIGNATURE_TEXT.en.authority]));
  });
});

describe("the page as the style module says", () => {
  test("Nghị định 30 margins, fit to one page wide, header repeated and frozen, no gridlines", () => {
    const page = pageSetupOf(tableLayout);
    expect(page.margins.inches).toMatchObject({ top: 0.79, bottom: 0.79, left: 1.18, right: 0.59 });
    expect(page.margins.points).toMatchObject({ top: 56.7, bottom: 56.7, left: 85, right: 42.5 });
    expect([page.fitToWidth, page.fitToHeight]).toEqual([1, 0]);
    expect(page.freezeRows).toBe(tableLayout.printTitleRows[1]);
    expect(page.showGridlines).toBe(false);
    expect(page.pagesTall).toBeGreaterThanOrEqual(1);
  });

  test("a 300-row table needs several pages tall: the number Office.js gets never shrinks it further", () => {
    const rows = Array.from({ length: 300 }, (_, i) => ({
      name: `Thôn ${i}`,
      households: 400 + i,
      poor: 20,
    }));
    const big = makeFixture([{ name: "Khu vực", units: rows }]);
    const page = pageSetupOf(buildAppendix(big.analysis, { grid: big.grid, labels: appendixLabels() }));
    // 300 rows × 18 pt ≈ 5,400 pt over ≈ 660 pt a portrait page: at least 8 pages, with room to spare.
    expect(page.pagesTall).toBeGreaterThanOrEqual(9);
  });

  test("the file renderer and the Excel renderer draw the same page", async () => {
    const source = openPackage(makeXlsx([{ name: "KH 2024", xml: "<sheetData/>" }]), "kh.xlsx");
    const result = patchPackage(source, { sheets: [tableLayout] });
    const out = openPackage(result.bytes, "kh.xlsx");
    const info = out.sheet(result.added[0])!;
    const ws = parseTree(out.text(info.part!), info.part!);
    const page = pageSetupOf(tableLayout);
    const num = (attrs: Record<string, string>) =>
      Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k, Number(v)]));
    expect(num(childNamed(ws, "pageMargins")!.attrs)).toMatchObject(page.margins.inches);
    expect(childNamed(childNamed(ws, "sheetPr"), "pageSetUpPr")?.attrs.fitToPage).toBe("1");
    expect(childNamed(ws, "pageSetup")!.attrs).toMatchObject({ fitToWidth: "1", fitToHeight: "0" });
    expect(childNamed(ws, "printOptions")!.attrs.horizontalCentered).toBe("1");
    const view = childNamed(childNamed(ws, "sheetViews"), "sheetView")!;
    expect(view.attrs.showGridLines).toBe("0");
    expect(childNamed(view, "pane")!.attrs).toMatchObject({
      state: "frozen",
      ySplit: String(page.freezeRows),
    });
    const date = tableLayout.cells.find((c) => c.value === SIGNATURE_TEXT.vi.date)!;
    const grid = readGrids(out, result.added[0])[0];
    expect(grid.cells[date.row - 1][date.col - 1]?.value).toBe(SIGNATURE_TEXT.vi.date);

    const excel = new FakeWorkbook();
    excel.addSheet("Biểu 01", [["x"]]);
    const name = await createOfficeHost({ env: excel.env() }).writeAppendix(tableLayout);
    const sheet = excel.sheet(name);
    expect(sheet.page).toMatchObject({
      topMargin: page.margins.points.top,
      leftMargin: page.margins.points.left,
      centerHorizontally: true,
      zoom: { horizontalFitToPages: 1, verticalFitToPages: page.pagesTall },
    });
    expect(sheet.freeze).toBe(page.freezeRows);
    expect(sheet.showGridlines).toBe(false);
    expect(sheet.cells.get(`${String.fromCharCode(64 + date.col)}${date.row}`)?.value).toBe(
      SIGNATURE_TEXT.vi.date,
    );
    expect(sheet.formats.get("A1")?.["font.name"]).toBe(APPENDIX_LOOK.fontName);
  });
});
