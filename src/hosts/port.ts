// The port between the pane and where it runs: Excel (src/hosts/office) or the standalone page (an .xlsx in the
// browser). Components receive a PaneHost and never call Office.js or the file themselves; hosts, commands, the
// worker and the standalone page import this, never src/taskpane.
import type { Grid, Finding, WritePlan, Overrides, AppendixLayout, TableAnalysis } from "../engine";
import type { Refusal } from "./xlsx/patch";

/** The pane's tabs; a ribbon button or a URL (?view=appendix) opens the pane on one. */
export type PaneView = "findings" | "table" | "appendix" | "prose" | "many" | "settings" | "help";

export interface PaneSettings {
  rateDecimals: number;
  rounding: "half-up" | "truncate";
  writeFormulas: boolean;
  lang: "vi" | "en";
  /** Mark errors and warnings on the sheet as soon as a check runs (default on). */
  marks?: boolean;
  /** Mark infos as well (default off). */
  markInfos?: boolean;
  /** The first-run guide was closed. */
  guideDone?: boolean;
}

export const DEFAULT_SETTINGS: PaneSettings = {
  rateDecimals: 2,
  rounding: "half-up",
  writeFormulas: true,
  lang: "vi",
  // marks, markInfos and guideDone are left out: absent means on, off and not yet (hosts store only what is set).
};

/** What a write left undone, for the pane to say. */
export interface WriteOutcome {
  refused: Refusal[];
}

export interface PaneHost {
  kind: "excel" | "standalone";
  /** The active sheet's used range, or the user's selection when they selected a table. Null: nothing to read. */
  readGrid(): Promise<Grid | null>;
  /**
   * Writes cells, keeping what it overwrites so that undo() restores it exactly. Cells the file forbids writing
   * (a pivot table, a table's totals row, an array formula, a locked cell) are left as they are and returned.
   */
  applyWrites(plan: WritePlan): Promise<WriteOutcome | void>;
  /** Marks cells reversibly (no change to the user's own formatting). */
  markFindings(sheet: string, findings: Finding[]): Promise<void>;
  clearMarks(sheet: string): Promise<void>;
  selectCell(sheet: string, address: string): Promise<void>;
  canUndo(): Promise<boolean>;
  /** Restores what the last write overwrote; false when there is nothing to undo. */
  undo(): Promise<boolean>;
  /** Writes an appendix as a new sheet (never over the user's sheet); returns the new sheet's name. */
  writeAppendix(layout: AppendixLayout): Promise<string>;
  loadOverrides(sheet: string): Promise<Overrides>;
  saveOverrides(sheet: string, overrides: Overrides): Promise<void>;
  loadSettings(): Promise<PaneSettings>;
  /**
   * Runs the pane's analysis where the host holds the grid (the standalone page's worker), instead of sending the
   * grid across. Absent: the pane sends the grid to the worker.
   */
  analyze?(grid: Grid, settings: PaneSettings, overrides: Overrides): Promise<TableAnalysis[]>;
  saveSettings(settings: PaneSettings): Promise<void>;
}
