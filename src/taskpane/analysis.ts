// The pane's one door to the engine: runs the analysis with the user's settings and corrections and turns
// fixes into write plans shaped by the settings (formulas or values). No React, no host calls.
import { analyzeGrid, fixPlan } from "../engine";
import type { TableAnalysis } from "../engine";
import type { Grid } from "../engine/grid";
import type { Overrides } from "../engine/model";
import type { CellWrite, Finding, Severity, WritePlan } from "../engine/report";
import type { PaneSettings } from "./host";
import { describeFinding } from "../i18n/findings";

export type { TableAnalysis };

export function runAnalysis(grid: Grid, settings: PaneSettings, overrides: Overrides): TableAnalysis[] {
  // "Cắt bớt": the engine takes truncation as the table's custom (ROUNDDOWN formulas, truncated rates are right).
  const analyses = analyzeGrid(grid, {
    rateDecimals: settings.rateDecimals,
    rounding: settings.rounding,
    overrides,
  });
  // The engine's findings are data; the pane shows each with its sentence in the user's language.
  for (const a of analyses) for (const f of a.findings) f.message = describeFinding(f, settings.lang);
  return analyses;
}

/** "Sửa tất cả": every derived cell and text number of the table, as the settings want them written. */
export function planFixAll(analysis: TableAnalysis, settings: PaneSettings): WritePlan {
  return shapePlan(fixPlan([analysis]), settings);
}

/** "Sửa" on one finding: only that cell. Null when the engine is not sure of a correction. */
export function planFixOne(sheet: string, finding: Finding, settings: PaneSettings): WritePlan | null {
  if (!finding.fix) return null;
  const write: CellWrite = { sheet, cell: finding.cell, ...finding.fix };
  return shapePlan({ writes: [write], undecided: [] }, settings);
}

function shapePlan(plan: WritePlan, settings: PaneSettings): WritePlan {
  if (settings.writeFormulas) return plan;
  // Values only: the user keeps a sheet of plain numbers (some offices forbid formulas in submitted files).
  return { ...plan, writes: plan.writes.map(({ formula: _formula, ...rest }) => rest) };
}

export const SEVERITIES: Severity[] = ["error", "warning", "info"];

export function groupBySeverity(findings: readonly Finding[]): Record<Severity, Finding[]> {
  const groups: Record<Severity, Finding[]> = { error: [], warning: [], info: [] };
  for (const f of findings) groups[f.severity].push(f);
  return groups;
}
