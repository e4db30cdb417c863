// Rates stored as fractions under a percent format (0.0579 shown 5,79%) keep that convention in the appendix:
// the written fractions under "0.00%", never "0.00" (which would show 0.06). Part rows (Trong đó) are not bold.
import { analyzeGrid } from "../../src/engine";
import { buildAppendix, type AppendixLayout } from "../../src/engine/appendix";
import { appendixLabels } from "../../src/i18n/appendix";
import { gridFromRows } from "../../src/engine/grid";

const at = (layout: AppendixLayout, row: number, col: number) =>
  layout.cells.find((c) => c.row === row && c.col === col);

// Source rows 2..7: header, three units, a part row under Thôn Ba, the total.
const ROWS: unknown[][] = [
  ["STT", "Đơn vị", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ hộ nghèo"],
  [1, "Thôn Một", 518, 30, 0.0579], // 30/518 = 5.79 %
  [2, "Thôn Hai", 412, 20, 0.0485], // 4.85 %
  [3, "Thôn Ba", 300, 21, 0.08], // stale: 21/300 = 7.00 %
  ["", "Trong đó: hộ dân tộc thiểu số", 120, 9, 0.075], // 7.50 %
  ["", "Tổng cộng", 1230, 71, 0.0577], // 71/1230 = 5.77 %
];
const formats: Record<string, string> = {};
for (let r = 2; r <= 6; r++) formats[`E${r}`] = "0.00%";

const grid = gridFromRows("Sheet1", ROWS, { formats });
const [analysis] = analyzeGrid(grid);
const layout = buildAppendix(analysis, { grid, labels: appendixLabels() });
const rowOf = (label: string) => layout.cells.find((c) => c.value === label)!.row;
const rateCol = layout.cells.find((c) => c.value === "Tỷ lệ hộ nghèo")!.col;

describe("appendix of a table with rates under a percent format", () => {
  it("the engine reads it as expected: a part row and one stale rate", () => {
    expect(analysis.table.rows.map((r) => r.kind)).toEqual(["unit", "unit", "unit", "part", "total"]);
    expect(analysis.findings.map((f) => `${f.cell} ${f.rule}`)).toEqual(["E4 rate-mismatch"]);
  });

  it("rates that were right stay fractions shown as percent", () => {
    expect(at(layout, rowOf("Thôn Một"), rateCol)).toMatchObject({
      value: 0.0579,
      style: { numberFormat: "0.00%" },
    });
  });

  it("recomputed rates are fractions under 0.00%, their formulas too", () => {
    const stale = at(layout, rowOf("Thôn Ba"), rateCol)!;
    expect(stale.value).toBeCloseTo(0.07, 10);
    expect(stale.formula).toMatch(/^=ROUND\(D\d+\/C\d+,4\)$/);
    expect(stale.style?.numberFormat).toBe("0.00%");
  });

  it("a part row is not bold like the total", () => {
    const part = rowOf("Trong đó: hộ dân tộc thiểu số");
    const total = rowOf("Tổng cộng");
    expect(at(layout, part, rateCol - 1)?.style?.bold).toBeFalsy();
    expect(at(layout, part, 2)?.style?.bold).toBeFalsy();
    expect(at(layout, total, rateCol - 1)?.style?.bold).toBe(true);
  });
});
