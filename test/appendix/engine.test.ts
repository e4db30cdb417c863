// The appendix writer on the engine's own analysis of a sheet (not the hand-written one of the fixture).
import { analyzeGrid } from "../../src/engine";
import { buildAppendix, type AppendixLayout } from "../../src/engine/appendix";
import { appendixLabels } from "../../src/i18n/appendix";
import { planTable } from "../../src/engine/plan";
import { makeFixture, SMALL } from "./fixture";

const at = (layout: AppendixLayout, ref: string) => {
  const m = /^([A-Z])(\d+)$/.exec(ref)!;
  return layout.cells.find((c) => c.row === Number(m[2]) && c.col === m[1].charCodeAt(0) - 64);
};

describe("on the engine's analysis", () => {
  const { grid, analysis: byHand } = makeFixture(SMALL);
  const [analysis] = analyzeGrid(grid);

  it("the engine reads the sheet as the fixture describes it", () => {
    expect(analysis.table.rows.map((r) => [r.row, r.kind])).toEqual(
      byHand.table.rows.map((r) => [r.row, r.kind]),
    );
    expect(analysis.table.columns.map((c) => c.role)).toEqual(byHand.table.columns.map((c) => c.role));
  });

  it("corrected appendix: the stale rate typed in E10 becomes a formula with the recomputed value", () => {
    expect(grid.cells[9][4]?.value).toBe(10.21); // typed: 9.71 + 0.5
    const layout = buildAppendix(analysis, { grid, labels: appendixLabels() });
    expect(at(layout, "A1")?.value).toBe("DỰ KIẾN TỶ LỆ HỘ NGHÈO XÃ PHƯỚC AN NĂM 2024");
    expect(at(layout, "A2")?.value).toMatch(/^\(Kèm theo Kế hoạch số 45\/KH-UBND/);
    expect(at(layout, "E8")).toMatchObject({ formula: "=ROUND(D8/C8*100,2)", value: 9.71 });
    expect(at(layout, "C14")).toMatchObject({ formula: "=SUM(C7,C10)", value: 1782 });
    expect(at(layout, "A14")?.value).toBe("Tổng cộng (I+II)");
    expect(layout.notes).toBeUndefined();
  });

  it("plan: 30 households by total households → 7, 5, 9, 3, 6", () => {
    const plan = planTable(analysis.table, grid, analysis.derived, { kind: "households", households: 30 });
    expect(plan.allocations.map((a) => a.reduction)).toEqual([7, 5, 9, 3, 6]);
    expect(plan.aggregates.map((g) => [g.row, g.reduction, g.projectedPoor])).toEqual([
      [9, 12, 59],
      [12, 18, 92],
      [16, 30, 151],
    ]);
    const layout = buildAppendix(analysis, { grid, labels: appendixLabels(), plan });
    // The table names 2024: its plan is for 2024 unless told (issue 23 item 11); the pane asks for "next year".
    expect(layout.sheetName).toBe("Dự kiến năm 2024");
    expect(at(layout, "A14")?.value).toBe("Tổng cộng (I+II)");
    expect(at(layout, "F14")).toMatchObject({ formula: "=SUM(F7,F10)", value: 30 });
  });
});
