// One decision to change an input (src/engine/corrections.ts), read by fix, the appendix and the plan. The issue's
// case: a count typed 1.519 where the relations give 1518 (before: fix left it undecided, the finding proposed
// 1519, the appendix printed 1519 with a live total on it, the plan allocated over 1519).
import { analyzeGrid, fixPlan } from "../../src/engine";
import { buildAppendix } from "../../src/engine/appendix";
import { appendixLabels } from "../../src/i18n/appendix";
import { PlanError, planTable } from "../../src/engine/plan";
import { describePlanError } from "../../src/i18n/plan";
import { decideCorrections } from "../../src/engine/corrections";
import type { Blame } from "../../src/engine/locate";
import { gridFromRows } from "../../src/engine/grid";
import { reportGrid, reportRows, setCell } from "./fixtures";

// Row 16 of the report fixture: Thôn Nam, 1518 households (96 poor at the start, 80 at the end).
const typed = (v: unknown) => reportGrid(setCell(reportRows(), "C16", v));

describe("1.519 typed where the relations give 1518", () => {
  const grid = typed(1.519);
  const [analysis] = analyzeGrid(grid);

  test("the finding and the corrections list say 1518, confirmed by the total and both rates", () => {
    const f = analysis.findings.find((x) => x.cell === "C16")!;
    expect([f.rule, f.expected]).toEqual(["non-integer-count", 1518]);
    expect(analysis.corrections).toEqual([
      {
        sheet: grid.sheet,
        cell: "C16",
        old: 1.519,
        value: 1518,
        why: "non-integer-count",
        confirmedBy: expect.arrayContaining(["C13", "G16", "D16"]),
      },
    ]);
  });

  test("fix writes 1518 and computes the derived cells from it; nothing is left undecided", () => {
    const plan = fixPlan([analysis]);
    expect(plan.undecided).toEqual([]);
    expect(plan.writes.find((w) => w.cell === "C16")).toMatchObject({ value: 1518 });
    expect(plan.writes.find((w) => w.cell === "C13")?.value).toBe(197 + 355 + 1518);
  });

  test("the appendix prints 1518 and says why; its total is built on 1518", () => {
    const layout = buildAppendix(analysis, { grid, labels: appendixLabels() });
    const numbers = layout.cells.map((c) => c.value);
    expect(numbers).toContain(1518);
    expect(numbers).not.toContain(1519);
    expect(numbers).not.toContain(1.519);
    // Group II and the total are built on 1518: 197 + 355 + 1518 and 1230 + 2070 households.
    expect(numbers).toEqual(expect.arrayContaining([2070, 3300]));
    expect(layout.notes?.join(" ")).toContain("C16: 1.519 được ghi là 1518");
  });

  test("the plan allocates over 1518", () => {
    const plan = planTable(
      analysis.table,
      grid,
      analysis.derived,
      { kind: "households", households: 30 },
      { corrections: analysis.corrections },
    );
    expect(plan.allocations.find((a) => a.row === 16)?.households).toBe(1518);
  });
});

test("twin: 1518 typed right, nothing to correct", () => {
  const [analysis] = analyzeGrid(typed(1518));
  expect(analysis.corrections).toEqual([]);
  expect(analysis.findings).toEqual([]);
});

test("a count typed 1.518 that no relation confirms is not corrected: the plan refuses it, naming the cell", () => {
  const grid = gridFromRows("S", [
    ["STT", "Thôn", "Tổng số hộ", "Số hộ nghèo"],
    ["1", "Thôn 1", 1.518, 50],
    ["2", "Thôn 2", 200, 9],
  ]);
  const [analysis] = analyzeGrid(grid);
  expect(analysis.corrections).toEqual([]);
  let message = "no error";
  try {
    planTable(
      analysis.table,
      grid,
      analysis.derived,
      { kind: "households", households: 5 },
      { corrections: analysis.corrections },
    );
  } catch (e) {
    if (!(e instanceof PlanError)) throw e;
    message = describePlanError(e);
  }
  expect(message).toMatch(/ô C2/);
});

describe("decideCorrections alone", () => {
  const blame = (over: Partial<Blame>): Blame => ({
    cell: { row: 9, col: 3 },
    old: 1.518,
    value: 1518,
    kind: "cell",
    explains: [],
    confirmedBy: [
      { kind: "bound", rule: "count-exceeds-total", target: { row: 9, col: 4 }, whole: { row: 9, col: 3 } },
    ],
    derived: false,
    ...over,
  });
  const ctx = { sheet: "S", raw: () => 1.518, isCount: () => true };

  test("a confirmed input whose typed value is impossible is corrected", () => {
    expect(decideCorrections(ctx, [blame({})]).map((c) => [c.cell, c.value, c.why])).toEqual([
      ["C9", 1518, "non-integer-count"],
    ]);
  });
  test("an unconfirmed one, a derived cell, a possible typo or a consequence is not", () => {
    expect(decideCorrections(ctx, [blame({ confirmedBy: [] })])).toEqual([]);
    expect(decideCorrections(ctx, [blame({ derived: true })])).toEqual([]);
    expect(decideCorrections(ctx, [blame({ old: 421, value: 412 })])).toEqual([]);
    expect(decideCorrections(ctx, [blame({ kind: "consequence" })])).toEqual([]);
  });
});
