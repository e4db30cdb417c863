// A commune's plan table as officials keep it, and a PaneHost over it that records what the pane asks.
import { gridFromRows, parseA1, type Grid } from "../../src/engine/grid";
import type { Overrides } from "../../src/engine/model";
import type { Finding, WritePlan } from "../../src/engine/report";
import type { AppendixLayout } from "../../src/engine/appendix";
import { DEFAULT_SETTINGS, type PaneHost, type PaneSettings } from "../../src/hosts/port";

/**
 * Planted defects (by hand):
 * - C11 total households 1437; the units add up to 412+288+530+197 = 1427 (sum-mismatch, error).
 * - E9 rate 5.6; 30/530*100 = 5.660… → 5.66 (rate-mismatch, error).
 * - E10 rate 6.59; 13/197*100 = 6.598… rounds to 6.60, 6.59 is truncation (rate-rounding, warning).
 * - D8 "15" typed as text (number-as-text).
 */
export function planSheet(): Grid {
  return gridFromRows(
    "Thôn 2024",
    [
      ["DỰ KIẾN TỶ LỆ HỘ NGHÈO XÃ HÒA BÌNH NĂM 2024"],
      ["(Kèm theo Kế hoạch số 45/KH-UBND ngày 15/01/2024 của UBND xã Hòa Bình)"],
      [],
      ["STT", "Tên thôn", "Tổng số hộ", "Hộ nghèo", null],
      [null, null, null, "Số hộ", "Tỷ lệ (%)"],
      ["A", "B", "1", "2", "3=2/1*100"],
      [1, "Thôn Đông", 412, 20, 4.85],
      [2, "Thôn Tây", 288, "15", 5.21],
      [3, "Thôn Nam", 530, 30, 5.6],
      [4, "Thôn Bắc", 197, 13, 6.59],
      ["", "Tổng cộng", 1437, 78, 5.47],
    ],
    {
      merges: ["A1:E1", "A2:E2", "A4:A5", "B4:B5", "C4:C5", "D4:E4"],
      formats: { E7: "0.00", E8: "0.00", E9: "0.00", E10: "0.00", E11: "0.00", C7: "#,##0", C11: "#,##0" },
    },
  );
}

/** A sheet with a clean table: nothing may be flagged. */
export function cleanSheet(): Grid {
  return gridFromRows(
    "Sạch",
    [
      ["TỶ LỆ HỘ NGHÈO PHƯỜNG AN BÌNH NĂM 2023"],
      [],
      ["STT", "Tổ dân phố", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ (%)"],
      [1, "Tổ 1", 250, 5, 2.0],
      [2, "Tổ 2", 300, 6, 2.0],
      ["", "Tổng cộng", 550, 11, 2.0],
    ],
    { formats: { E4: "0.00", E5: "0.00", E6: "0.00" } },
  );
}

export interface Call {
  method: string;
  args: unknown[];
}

/** A PaneHost over a grid held in memory: writes change the grid, undo restores it. */
export class FakeHost implements PaneHost {
  kind = "standalone" as const;
  calls: Call[] = [];
  settings: PaneSettings = { ...DEFAULT_SETTINGS };
  overrides = new Map<string, Overrides>();
  private undoStack: { cell: string; before: Grid["cells"][number][number] }[][] = [];

  constructor(public grid: Grid | null) {}

  private log(method: string, ...args: unknown[]) {
    this.calls.push({ method, args });
  }

  callsTo(method: string): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  async readGrid() {
    this.log("readGrid");
    if (!this.grid) return null;
    const g = this.grid;
    return {
      ...g,
      cells: g.cells.map((row) => row.map((c) => c && { ...c })),
      merges: g.merges.map((m) => ({ ...m })),
    };
  }
  async applyWrites(plan: WritePlan) {
    this.log("applyWrites", plan);
    const grid = this.grid!;
    const saved: { cell: string; before: Grid["cells"][number][number] }[] = [];
    for (const w of plan.writes) {
      const { row, col } = parseA1(w.cell);
      const r = row - grid.top;
      const c = col - grid.left;
      while (grid.cells.length <= r) grid.cells.push([]);
      saved.push({ cell: w.cell, before: grid.cells[r][c] && { ...grid.cells[r][c]! } });
      grid.cells[r][c] = { value: w.value, formula: w.formula, numberFormat: w.numberFormat };
    }
    this.undoStack.push(saved);
  }
  async markFindings(sheet: string, findings: Finding[]) {
    this.log("markFindings", sheet, findings);
  }
  async clearMarks(sheet: string) {
    this.log("clearMarks", sheet);
  }
  async selectCell(sheet: string, address: string) {
    this.log("selectCell", sheet, address);
  }
  async canUndo() {
    return this.undoStack.length > 0;
  }
  async undo() {
    this.log("undo");
    const saved = this.undoStack.pop();
    if (!saved) return false;
    for (const s of saved.reverse()) {
      const { row, col } = parseA1(s.cell);
      this.grid!.cells[row - this.grid!.top][col - this.grid!.left] = s.before;
    }
    return true;
  }
  async writeAppendix(layout: AppendixLayout) {
    this.log("writeAppendix", layout);
    return layout.sheetName;
  }
  async loadOverrides(sheet: string) {
    this.log("loadOverrides", sheet);
    return this.overrides.get(sheet) ?? {};
  }
  async saveOverrides(sheet: string, overrides: Overrides) {
    this.log("saveOverrides", sheet, overrides);
    this.overrides.set(sheet, overrides);
  }
  async loadSettings() {
    this.log("loadSettings");
    return this.settings;
  }
  async saveSettings(settings: PaneSettings) {
    this.log("saveSettings", settings);
    this.settings = settings;
  }
}
