// The single source of the shape of findings and reports. Everything that prints, stores or shows a report
// parses it with these schemas first.
import { z } from "zod";

import { RULE_IDS } from "./rules/registry";
import { COLUMN_ROLES, ROW_KINDS } from "./kinds";
import { summarize } from "./summary";

export { COLUMN_ROLES, ROW_KINDS, summarize };

/** Derived from the rule registry (rules/registry.ts): one list of ids, severities and families. */
export { RULE_IDS };

export const RuleIdSchema = z.enum(RULE_IDS);
export type RuleId = z.infer<typeof RuleIdSchema>;

export const SeveritySchema = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof SeveritySchema>;

export const ColumnRoleSchema = z.enum(COLUMN_ROLES);
export type ColumnRole = z.infer<typeof ColumnRoleSchema>;

export const RowKindSchema = z.enum(ROW_KINDS);
export type RowKind = z.infer<typeof RowKindSchema>;

/** A cell's corrected content: what "Sửa" writes. */
export const CellFixSchema = z.object({
  value: z.union([z.number(), z.string(), z.null()]),
  formula: z.string().optional(),
  numberFormat: z.string().optional(),
});
export type CellFix = z.infer<typeof CellFixSchema>;

export const FindingSchema = z.object({
  rule: RuleIdSchema,
  severity: SeveritySchema,
  /** A1 address on the sheet. */
  cell: z.string().regex(/^[A-Z]{1,3}[0-9]+$/),
  actual: z.union([z.number(), z.string(), z.null()]),
  expected: z.number().nullable(),
  /**
   * The sentence a person reads. The engine leaves it out (findings are data); the edge fills it in, in the
   * user's tongue, with describeFinding (src/i18n/findings.ts) before showing, printing or serialising a report.
   */
  message: z.string().min(1).optional(),
  /** Cells and ranges the relation involves (A1). */
  related: z.array(z.string()),
  /** What the sentence is made from, beyond cell, actual and expected (a relation "D8/C8×100", a formula ...). */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** Decimals the cell shows (rates): actual and expected are written with at least these. */
  decimals: z.number().int().nonnegative().optional(),
  /** Present when the engine is sure of the correction (a derived cell, a text number): "Sửa" applies it. */
  fix: CellFixSchema.optional(),
  /**
   * What the data does for this finding: "proved" (absent means proved: the relation is broken, the number is
   * unreadable) or "suggested" (a likely typo: the data points at this cell and value but does not pin it down).
   * Nothing is written from a suggestion, and nothing is recomputed from the value it doubts.
   */
  certainty: z.enum(["proved", "suggested"]).optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

export const ColumnReportSchema = z.object({
  column: z.string(),
  role: ColumnRoleSchema,
  period: z.string(),
  header: z.string(),
});
export type ColumnReport = z.infer<typeof ColumnReportSchema>;

export const RowReportSchema = z.object({
  row: z.number().int().positive(),
  kind: RowKindSchema,
  label: z.string(),
});
export type RowReport = z.infer<typeof RowReportSchema>;

export const TableReportSchema = z.object({
  sheet: z.string(),
  range: z.string(),
  columns: z.array(ColumnReportSchema),
  rows: z.array(RowReportSchema),
  findings: z.array(FindingSchema),
});
export type TableReport = z.infer<typeof TableReportSchema>;

export const SummarySchema = z.object({
  errors: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  infos: z.number().int().nonnegative(),
});
export type Summary = z.infer<typeof SummarySchema>;

/** A part of the workbook that was not read (coverage.ts): said out loud, never "0 lỗi". */
export const UnreadSchema = z.object({
  sheet: z.string(),
  range: z.string().optional(),
  reason: z.enum(["no-table", "outside", "rows", "columns"]),
  rowsRead: z.number().int().nonnegative().optional(),
  rowsTotal: z.number().int().nonnegative().optional(),
});

export const ReportSchema = z.object({
  file: z.string(),
  tables: z.array(TableReportSchema),
  summary: SummarySchema,
  /** Sheets and ranges holding numbers that no table read covers. */
  unread: z.array(UnreadSchema).optional(),
});
export type Report = z.infer<typeof ReportSchema>;

export function buildReport(file: string, tables: TableReport[], unread?: Report["unread"]): Report {
  return ReportSchema.parse({
    file,
    tables,
    summary: summarize(tables.flatMap((t) => t.findings)),
    ...(unread && unread.length ? { unread } : {}),
  });
}

/** A write plan: cells to set, produced by the engine and applied by a host. */
export const CellWriteSchema = z.object({
  sheet: z.string(),
  cell: z.string(),
  value: z.union([z.number(), z.string(), z.null()]),
  formula: z.string().optional(),
  numberFormat: z.string().optional(),
});
export type CellWrite = z.infer<typeof CellWriteSchema>;

/** Why a host could not write a cell (the file forbids it there): words in i18n/refusals.ts. */
export type RefusalReason = "pivot" | "totals" | "array" | "protected" | "boolean";

/** A write a host refused, with the value it should have had. */
export interface Refusal {
  sheet: string;
  cell: string;
  reason: RefusalReason;
  write: CellWrite;
}

export const WritePlanSchema = z.object({
  writes: z.array(CellWriteSchema),
  /** Findings on input cells the engine will not change by itself (a likely typo): listed for the user. */
  undecided: z.array(FindingSchema),
  /** Tables left untouched because their reading is unsure (structure-unsure): one line each for the user. */
  refused: z.array(z.object({ sheet: z.string(), range: z.string(), cells: z.array(z.string()) })).optional(),
});
export type WritePlan = z.infer<typeof WritePlanSchema>;
