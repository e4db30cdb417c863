// The appendix takes what the source says (issue 23 item 11): its title lines whole, the year its title names,
// the place of the issuing body in the date line, and a numbering row renumbered for the appendix.
import { analyzeGrid } from "../../src/engine";
import { type AppendixLayout, buildAppendix } from "../../src/engine/appendix";
import { reportGrid } from "../engine/fixtures";
import { diSuGrid, myHaoGrid } from "./seeds";
import type { Grid } from "../../src/engine/grid";

const at = (layout: AppendixLayout, row: number, col: number) =>
  layout.cells.find((c) => c.row === row && c.col === col)?.value;
const texts = (layout: AppendixLayout) => layout.cells.map((c) => String(c.value ?? ""));
const table = (grid: Grid) => buildAppendix(analyzeGrid(grid)[0], { grid });

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
