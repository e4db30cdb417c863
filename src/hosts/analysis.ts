// The pane's one door to the engine: runs the analysis with the user's settings and corrections and turns
// fixes into write plans shaped by the settings (formulas or values). No React, no host calls.
import { analyzeGrid, fixPlan } from "../engine";
import type { TableAnalysis } from "../engine";
import { cellAt, columnLetter, gridRight, parseA1, type Grid } from "../engine/grid";
import type { Overrides } from "../engine/model";
import type { CellWrite, Finding, Severity, WritePlan } from "../engine/report";
import type { PaneSettings } from "./port";
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

/**
 * True when the engine says its reading of the table is uncertain (its `structure-unsure` finding comes with
 * `analysis.unsure`): every fix is refused, as `fixPlan`, the command line and the ribbon refuse it.
 */
export function readingUncertain(analysis: TableAnalysis): boolean {
  return analysis.unsure === true;
}

/** The one place the pane turns a finding into a sentence: the same words as the command line's. */
export function findingText(finding: Finding, lang: "vi" | "en"): string {
  return describeFinding(finding, lang);
}

/** What "Sửa tất cả" will do, said before it is done. */
export interface FixAllPlan {
  /** What will be written: `fixes`, then `toFormula` when the user keeps them. */
  plan: WritePlan;
  /** Cells whose value changes (a wrong total or rate, a text number) or that carry a finding. */
  fixes: CellWrite[];
  /** Cells whose value is already right and that only become a live formula. */
  toFormula: CellWrite[];
  /** Derived cells that already hold the same formula and value: not written at all. */
  unchanged: number;
  /** Suspect input cells the engine does not change by itself. */
  undecided: Finding[];
  /** The engine's reading is uncertain: nothing may be written. */
  refused: boolean;
}

/**
 * "Sửa tất cả": every derived cell and text number of the table, sorted into real fixes (a value changes) and
 * formula conversions (same value, now live), with cells that already hold the right formula left out, so that a
 * clean table gets nothing that changes a value. `withFormulas: false` leaves the conversions out.
 */
export function planFixAll(
  analysis: TableAnalysis,
  settings: PaneSettings,
  grid?: Grid | null,
  withFormulas = true,
): FixAllPlan {
  const raw = fixPlan([analysis]);
  const flagged = new Set(analysis.findings.filter((f) => f.severity !== "info" || f.fix).map((f) => f.cell));
  const fixes: CellWrite[] = [];
  const toFormula: CellWrite[] = [];
  let unchanged = 0;
  for (const w of raw.writes) {
    const cell = grid && grid.sheet === w.sheet ? cellOf(grid, w.cell) : undefined;
    const same = grid ? sameValue(cell?.value ?? null, w.value) : false;
    if (!same || flagged.has(w.cell)) fixes.push(w);
    else if (!settings.writeFormulas || !w.formula) unchanged++;
    else if (sameFormula(cell?.formula, w.formula)) unchanged++;
    else toFormula.push(w);
  }
  const refused = readingUncertain(analysis);
  const writes = refused ? [] : [...fixes, ...(withFormulas ? toFormula : [])];
  return {
    plan: shapePlan({ writes, undecided: raw.undecided }, settings),
    fixes,
    toFormula: settings.writeFormulas ? toFormula : [],
    unchanged,
    undecided: raw.undecided,
    refused,
  };
}

/**
 * Whether "Sửa tất cả" would write anything, without building the plan (a 10,000-row table has 20,000 derived
 * cells): stops at the first cell that would be written. Same sorting as planFixAll.
 */
export function hasFixAllWork(analysis: TableAnalysis, settings: PaneSettings, grid?: Grid | null): boolean {
  if (readingUncertain(analysis)) return false;
  if (analysis.conversions.length > 0) return true;
  if (analysis.findings.some((f) => f.fix)) return true;
  const flagged = new Set(analysis.findings.filter((f) => f.severity !== "info").map((f) => f.cell));
  for (const w of analysis.derived) {
    const cell = grid && grid.sheet === w.sheet ? cellOf(grid, w.cell) : undefined;
    if (!grid || flagged.has(w.cell) || !sameValue(cell?.value ?? null, w.value)) return true;
    if (settings.writeFormulas && w.formula && !sameFormula(cell?.formula, w.formula)) return true;
  }
  return false;
}

function cellOf(grid: Grid, address: string) {
  const { row, col } = parseA1(address);
  return cellAt(grid, row, col);
}

function sameValue(current: unknown, next: CellWrite["value"]): boolean {
  if (typeof current === "number" && typeof next === "number") return Math.abs(current - next) < 1e-9;
  if (current === null || current === undefined || current === "") return next === null || next === "";
  return current === next;
}

function sameFormula(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const norm = (f: string) => f.replace(/^=/, "").replace(/\s+/g, "").toUpperCase();
  return norm(a) === norm(b);
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

/**
 * The column a group of findings was copied from, when the data says so: every cell of the group holds, as a
 * number, exactly what one other column holds on the same row (a rate column pasted from last year's start
 * column, an end count copied over). Null when no column matches every cell, or the group is too small to say.
 */
export function copiedColumn(grid: Grid, findings: readonly Finding[]): string | null {
  if (findings.length < 4) return null;
  const cells = findings.map((f) => parseA1(f.cell));
  const own = cells[0].col;
  if (cells.some((c) => c.col !== own)) return null;
  const values = findings.map((f, i) => {
    const v = cellAt(grid, cells[i].row, cells[i].col)?.value;
    return typeof v === "number" ? v : null;
  });
  if (values.some((v) => v === null)) return null;
  // Identical numbers in every row, but not a column of one repeated value (zeros, a constant), which any
  // column of that constant would match.
  if (new Set(values).size < 2) return null;
  const right = gridRight(grid);
  for (let col = grid.left; col <= right; col++) {
    if (col === own) continue;
    const same = cells.every((c, i) => {
      const v = cellAt(grid, c.row, col)?.value;
      return typeof v === "number" && Math.abs(v - (values[i] as number)) < 1e-9;
    });
    if (same) return columnLetter(col);
  }
  return null;
}
