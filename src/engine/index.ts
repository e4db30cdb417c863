// The engine's one public facade: a grid in, tables with findings and derived cells out. Pure TypeScript.
import type { Grid } from "./grid";
import type { AnalyzeOptions, Table } from "./model";
import type { CellWrite, Finding, Report, TableReport, WritePlan } from "./report";
import type { Correction } from "./corrections";

export interface TableAnalysis {
  table: Table;
  findings: Finding[];
  /** Every derived cell (rates, subtotals, totals, reductions, projections) with its formula and correct value. */
  derived: CellWrite[];
  /** Text numbers in input cells, written back as numbers by a fix (their value is not in doubt). */
  conversions: CellWrite[];
  /** The one list of input corrections (corrections.ts) that fix, the appendix, the plan and the pane read. */
  corrections?: Correction[];
  report: TableReport;
  /**
   * The data did not confirm the reading (a structure-unsure finding): fix, "Sửa tất cả", "Tính lại" and the
   * appendix must not write to this table until the user confirms or corrects the reading.
   */
  unsure?: boolean;
  /**
   * Input cells (A1) with an open error the engine did not correct (a likely typo, an unreadable or negative
   * count): the derived cells that depend on them are neither recomputed nor written until the user settles them,
   * and the appendix and plan built on the table must say so.
   */
  suspected?: string[];
  /** The options the table was read with (rounding, the user's reading, confirmed cells): whatever re-reads it
   *  (the appendix, after corrections) reads it the same way. */
  options?: AnalyzeOptions;
  /** The sheet's text is typed in TCVN3 or VNI (a legacy-encoding finding); see legacyTextConversions. */
  legacyEncoding?: "tcvn3" | "vni";
  /**
   * A table the engine only checks and never writes to (years as columns, read transposed): no fix, no
   * recomputation, no marks, no appendix or plan from it.
   */
  readOnly?: "years";
}

export { analyzeGrid, detectTables, fixPlan } from "./analyze";
export { decimalsOf } from "./numbers";
export { isPercentFormat } from "./context";
export { decodeLegacy, detectLegacyEncoding, legacyTextConversions } from "./legacy";
export { RULE_REGISTRY } from "./rules/registry";
export { unreadParts, type Unread } from "./coverage";
export { analyzeYearsGrid, analyzeYearsTable } from "./detect/years";
export { normalizeUnitName } from "./units";
export type { Grid, Table, AnalyzeOptions, Finding, Report, TableReport, WritePlan, Correction };
// Many files (issue 20): consolidation, cross-level check, year over year, and normalizeUnitName.
export * from "./consolidate";
// What the hosts, the pages and the command line use of the engine (no other door).
export {
  a1,
  cellAt,
  cellText,
  columnLetter,
  columnNumber,
  gridBottom,
  gridRight,
  parseA1,
  parseRangeA1,
  rangeA1,
} from "./grid";
export type { Cell, CellRange, CellValue } from "./grid";
export { COLUMN_ROLES, ROW_KINDS } from "./kinds";
export { summarize } from "./summary";
/** The zod schemas of reports (buildReport, ReportSchema), loaded only when a report is validated: zod is slow
 *  to load, and the command line's text output does not need it. */
export const loadReportSchemas = () => import("./report");
export type { CellWrite, ColumnRole, Refusal, RefusalReason, RowKind, RuleId, Severity } from "./report";
export type { Overrides } from "./model";
export { checkProse, describeTable, tableFacts } from "./prose";
export type { DescribeLine, Description, ProseFinding, Scope } from "./prose";
export {
  APPENDIX_LOOK,
  buildAppendix,
  pageSetupOf,
  tableYear,
  uniqueSheetName,
  widthToPoints,
} from "./appendix";
export type {
  AppendixCell,
  AppendixCellStyle,
  AppendixLabels,
  AppendixLayout,
  IssuingBody,
  SignatureLabels,
} from "./appendix";
export { PlanError, parseTarget, planTable } from "./plan";
export type { AllocationMethod, Plan, PlanFigure, PlanNote, PlanTarget } from "./plan";
export type { DocBlock, DocParagraph, DocTable, ProseDocument } from "./prose/model";
