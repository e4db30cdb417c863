// The ExcelJS host: the same read → analyse → apply as the Office host, over .xlsx files. Browser-safe exports;
// Node file helpers are in ./node.
export { loadWorkbook, workbookToGrids, worksheetToGrid, worksheetMerges } from "./read";
export { applyWritePlan, expandSharedFormulas } from "./write";
export type { ApplyResult } from "./write";
export { XlsxReadError } from "./errors";
export type { XlsxReadErrorCode } from "./errors";
