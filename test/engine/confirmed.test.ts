// Cells the user confirmed in the pane ("Giá trị này đúng", Overrides.confirmedCells): the locator never blames
// them (WEIGHTS.confirmed), the corrections list never holds them, and fix never writes them.
import { analyzeGrid, fixPlan } from "../../src/engine";
import { reportGrid, reportRows, setCell } from "./fixtures";

describe("a unit's household count that disagrees with its group total", () => {
  // Tổ dân phố 1 has 412 households; 421 typed. Group I (C9) says 1230 = 412 + 288 + 530, and the row's rates
  // (E10, G10) were computed from 412: the locator blames C10.
  const grid = () => reportGrid(setCell(reportRows(), "C10", 421));

  test("unconfirmed, C10 is the cell blamed", () => {
    const [a] = analyzeGrid(grid());
    expect(a.findings.map((f) => [f.rule, f.cell])).toEqual([["sum-mismatch", "C10"]]);
  });

  test("confirmed, the blame moves off C10: to the group total and the row's rates", () => {
    const [a] = analyzeGrid(grid(), { overrides: { confirmedCells: ["C10"] } });
    const cells = a.findings.map((f) => f.cell);
    expect(cells).not.toContain("C10");
    expect(cells).toContain("C9");
    // The group total the user's 421 implies: 421 + 288 + 530.
    expect(a.findings.find((f) => f.cell === "C9")?.expected).toBe(1239);
    expect((a.corrections ?? []).map((c) => c.cell)).not.toContain("C10");
    expect(fixPlan([a]).writes.map((w) => w.cell)).not.toContain("C10");
  });

  test("an address in lower case or with $ is read; a malformed one is ignored", () => {
    const [a] = analyzeGrid(grid(), { overrides: { confirmedCells: ["$c$10", "not a cell"] } });
    expect(a.findings.map((f) => f.cell)).not.toContain("C10");
  });
});

describe("an impossible count the user insists on", () => {
  // 1.519 typed for Thôn Nam's 1518 households: unconfirmed, it is corrected (corrections.test.ts).
  const grid = () => reportGrid(setCell(reportRows(), "C16", 1.519));

  test("unconfirmed, the corrections list changes C16", () => {
    const [a] = analyzeGrid(grid());
    expect((a.corrections ?? []).map((c) => c.cell)).toEqual(["C16"]);
  });

  test("confirmed, C16 is neither corrected nor blamed nor written", () => {
    const [a] = analyzeGrid(grid(), { overrides: { confirmedCells: ["C16"] } });
    expect(a.corrections).toEqual([]);
    expect(a.findings.filter((f) => f.cell === "C16" && f.rule !== "non-integer-count")).toEqual([]);
    expect(fixPlan([a]).writes.map((w) => w.cell)).not.toContain("C16");
  });
});

describe("a confirmed derived cell", () => {
  test("a group total the user confirmed is not rewritten by fix", () => {
    const [a] = analyzeGrid(reportGrid(reportRows()), { overrides: { confirmedCells: ["C9"] } });
    expect(a.findings).toEqual([]);
    const cells = fixPlan([a]).writes.map((w) => w.cell);
    expect(cells).toContain("C13");
    expect(cells).not.toContain("C9");
  });
});
