// The appendix takes what the source says (issue 23 item 11): its title lines whole, the year its title names,
// the place of the issuing body in the date line, and a numbering row renumbered for the appendix.
import { analyzeGrid } from "../../src/engine";
import { type AppendixLayout, buildAppendix, tableYear } from "../../src/engine/appendix";
import { appendixLabels } from "../../src/i18n/appendix";
import { REPORT_MERGES, reportGrid, reportRows } from "../engine/fixtures";
import { gridFromRows } from "../../src/engine/grid";
import { parseTarget, planTable } from "../../src/engine/plan";
import { diSuGrid, myHaoGrid } from "./seeds";
import type { Grid } from "../../src/engine/grid";

const at = (layout: AppendixLayout, row: number, col: number) =>
  layout.cells.find((c) => c.row === row && c.col === col)?.value;
const texts = (layout: AppendixLayout) => layout.cells.map((c) => String(c.value ?? ""));
const table = (grid: Grid) => buildAppendix(analyzeGrid(grid)[0], { grid, labels: appendixLabels() });

test("a title of two lines keeps both ('DỰ KIẾN' above the rest), not only the longer one", () => {
  expect(at(table(diSuGrid(true)), 1, 1)).toBe("DỰ KIẾN\nTỶ LỆ HỘ NGHÈO PHƯỜNG DỊ SỬ NĂM 2021");
});

test("the issuing body is not the title; its place fills the date line", () => {
  const layout = table(reportGrid());
  expect(at(layout, 1, 1)).toBe("KẾT QUẢ GIẢM NGHÈO NĂM 2023");
  expect(texts(layout)).toContain("An Bình, ngày …… tháng …… năm ……");
});

test("a numbering row that skips (1 2 6 7 8) is renumbered 1 to 5 for the appendix", () => {
  const layout = table(myHaoGrid(true));
  // Header rows 4-5 of the appendix, then the numbering row.
  const row = layout.printTitleRows[1];
  expect([1, 2, 3, 4, 5].map((c) => at(layout, row, c))).toEqual(["1", "2", "3", "4", "5"]);
});

test("the year the title names is the table's; the pane's next-year plan asks for the year after it", () => {
  const grid = myHaoGrid(true); // "DỰ KIẾN TỶ LỆ HỘ NGHÈO … NĂM 2024"
  const [a] = analyzeGrid(grid);
  expect(tableYear(a.table)).toBe(2024);
  const plan = planTable(a.table, grid, a.derived, parseTarget(20, "households"), {
    corrections: a.corrections,
  });
  expect(buildAppendix(a, { grid, labels: appendixLabels(), plan }).sheetName).toBe("Dự kiến năm 2024");
  expect(buildAppendix(a, { grid, labels: appendixLabels(), plan, year: 2025 }).sheetName).toBe(
    "Dự kiến năm 2025",
  );
});

test("a council's table is signed on behalf of the council", () => {
  const rows = reportRows();
  rows[0] = ["HỘI ĐỒNG NHÂN DÂN"];
  rows[1] = ["XÃ AN PHÚ"];
  const layout = table(gridFromRows("NQ", rows, { merges: REPORT_MERGES }));
  expect(texts(layout)).toContain("TM. HỘI ĐỒNG NHÂN DÂN");
  expect(texts(layout)).toContain("An Phú, ngày …… tháng …… năm ……");
});
