// Many files: consolidation of unit tables, the cross-level check and the year-over-year comparison.
export { normalizeUnitName } from "../units";
export { unitSource, unitFromTitle, unitFromFile } from "./source";
export type { UnitSource, SourceStatus, SourceValue } from "./source";
export { consolidate, compareUnitNames } from "./merge";
export type { Consolidation, ConsolidateOptions, ConsolidatedColumn, ManyIssue, ManyCode } from "./merge";
export { consolidationLayouts, consolidatedSheet, sourcesSheet } from "./layout";
export type { ConsolidationLabels } from "./layout";
export { crossCheck } from "./cross";
export type { CrossCheck, CrossFinding } from "./cross";
export { compareYears } from "./years";
export type { YearComparison, YearFinding, YearCode, TargetResult, YearOptions } from "./years";
export { tableValues } from "./values";
