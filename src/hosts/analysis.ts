// The pane's one door to the engine: runs the analysis with the user's settings and corrections and turns
// fixes into write plans shaped by the settings (formulas or values). No React, no host calls.
import {
  analyzeGrid,
  analyzeYearsGrid,
  fixPlan,
  type TableAnalysis,
  cellAt,
  parseA1,
  type Grid,
  type Overrides,
  type CellWrite,
  type ColumnRole,
  type Finding,
  type Severity,
  type WritePlan,
} from "../engine";
import type { PaneSettings } from "./port";
import { describeFinding, isSuggested, roleOfCell } from "../i18n/findings";

export type { TableAnalysis };

export function runAnalysis(grid: Grid, settings: PaneSettings, overrides: Overrides): TableAnalysis[] {
  // "Cắt bớt": the engine takes truncation as the table's custom (ROUNDDOWN formulas, truncated rates are right).
  const options = { rateDecimals: settings.rateDecimals, rounding: settings.rounding, overrides };
  const analyses = analyzeGrid(grid, options);
  // No table the usual way: perhaps years as columns, read transposed and only checked (as `phuluc check` does).
  if (analyses.length === 0) {
    const years = analyzeYearsGrid(grid, options);
    if (years) analyses.push(years);
  }
  // The engine's findings are data; the pane shows each with its sentence in the user's language.
  for (const a of analyses) {
    const columns = columnRoles(a);
    for (const f of a.findings) f.message = describeFinding(f, settings.lang, roleOfCell(columns, f.cell));
  }
  return analyses;
}

/**
 * True when nothing may be written to the table: the engine says its reading of the table is uncertain (its `structure-unsure` finding comes with
 * `analysis.unsure`): every fix is refused, as `fixPlan`, the command line and the ribbon refuse it.
 */
export function readingUncertain(analysis: TableAnalysis): boolean {
  return analysis.unsure === true || readOnly(analysis);
}

/** A table the engine only checks (years as columns): nothing is written to it, not even marks. */
export function readOnly(analysis: TableAnalysis): boolean {
  return analysis.readOnly !== undefined;
}

/** The one place the pane turns a finding into a sentence: the same words as the command line's. */
export function findingText(finding: Finding, lang: "vi" | "en", role?: ColumnRole): string {
  return describeFinding(finding, lang, role);
}

/** The table's columns as letter and role (what a finding's title and words read). */
export function columnRoles(analysis: TableAnalysis): { column: string; role: ColumnRole }[] {
  return analysis.table.columns.map((c) => ({ column: c.letter, role: c.role }));
}

/**
 * What the table still has wrong: its errors and the values the data only suggests are wrong (an open
 * suspicion, `certainty: "suggested"`). A plan or an appendix built on them is not ready to sign. The command
 * line's plan and appendix and the pane's appendix view count the same.
 */
export function openProblems(analysis: TableAnalysis): Finding[] {
  const seen = new Set<string>();
  return analysis.findings.filter((f) => {
    if (f.severity !== "error" && !isSuggested(f)) return false;
    if (seen.has(f.cell)) return false;
    seen.add(f.cell);
    return true;
  });
}

/**
 * The open problems a corrected appendix cannot settle by itself: an error with no fix (an input the engine does
 * not change) or a suggested value. The pane asks before writing an appendix over these.
 */
export function unresolvedProblems(analysis: TableAnalysis): Finding[] {
  return openProblems(analysis).filter((f) => !f.fix || isSuggested(f));
}

/**
 * "Đúng, bảng đọc như vậy" on a structure-unsure finding: the user confirms the columns it doubts with the roles
 * they were read with (what `--roles E=poorRate` does on the command line).
 */
export function confirmReading(analysis: TableAnalysis, finding: Finding, overrides: Overrides): Overrides {
  const letters = String(finding.params?.column ?? "")
    .split(/[,\s]+/)
    .filter((l) => /^[A-Z]{1,3}$/.test(l));
  const columns = { ...(overrides.columns ?? {}) };
  for (const letter of letters) {
    const role = analysis.table.columns.find((c) => c.letter === letter)?.role;
    if (role) columns[letter] = { ...columns[letter], role };
  }
  return { ...overrides, columns };
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
