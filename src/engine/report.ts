// The single source of the shape of findings and reports. Everything that prints, stores or shows a report
// parses it with these schemas first.
import { z } from "zod";

export const RULE_IDS = [
  "sum-mismatch",
  "rate-mismatch",
  "rate-rounding",
  "malformed-number",
  "number-as-text",
  "non-integer-count",
  "negative-count",
  "count-exceeds-total",
  "rate-out-of-range",
  "reduction-mismatch",
  "projection-mismatch",
  "reduction-exceeds-poor",
  "missing-value",
  "formula-error",
  "inconsistent-formula",
] as const;

export const RuleIdSchema = z.enum(RULE_IDS);
export type RuleId = z.infer<typeof RuleIdSchema>;

export const SeveritySchema = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof SeveritySchema>;

export const COLUMN_ROLES = [
  "rowNumber",
  "unitName",
  "households",
  "persons",
  "poorHouseholds",
  "nearPoorHouseholds",
  "poorAndNearPoorHouseholds",
  "poorPersons",
  "nearPoorPersons",
  "poorRate",
  "nearPoorRate",
  "multidimRate",
  "reduction",
  "nearPoorReduction",
  "rateReduction",
  "escaped",
  "fellBack",
  "newlyPoor",
  "otherDecrease",
  "otherIncrease",
  "note",
  "other",
] as const;
export const ColumnRoleSchema = z.enum(COLUMN_ROLES);
export type ColumnRole = z.infer<typeof ColumnRoleSchema>;

export const ROW_KINDS = ["unit", "group", "subtotal", "total"] as const;
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
  message: z.string().min(1),
  /** Cells and ranges the relation involves (A1). */
  related: z.array(z.string()),
  /** Present when the engine is sure of the correction (a derived cell, a text number): "Sửa" applies it. */
  fix: CellFixSchema.optional(),
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

export const ReportSchema = z.object({
  file: z.string(),
  tables: z.array(TableReportSchema),
  summary: SummarySchema,
});
export type Report = z.infer<typeof ReportSchema>;

/** Summaries are computed from findings, never inside rules. */
export function summarize(findings: readonly Finding[]): Summary {
  const s = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === "error") s.errors++;
    else if (f.severity === "warning") s.warnings++;
    else s.infos++;
  }
  return s;
}

export function buildReport(file: string, tables: TableReport[]): Report {
  return ReportSchema.parse({ file, tables, summary: summarize(tables.flatMap((t) => t.findings)) });
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

export const WritePlanSchema = z.object({
  writes: z.array(CellWriteSchema),
  /** Findings on input cells the engine will not change by itself (a likely typo): listed for the user. */
  undecided: z.array(FindingSchema),
});
export type WritePlan = z.infer<typeof WritePlanSchema>;
