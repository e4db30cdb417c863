// Applies an engine WritePlan to an ExcelJS workbook, touching only the planned cells. Browser-safe.
import type ExcelJS from "exceljs";
import type { CellWrite, WritePlan } from "../../engine/report";
import { parseA1 } from "../../engine/grid";

export interface ApplyResult {
  formulas: number;
  values: number;
}

/**
 * Writes every cell of the plan: a formula cell as `{formula, result}` (ExcelJS wants it without "="), a value as
 * is, the number format when given. Styles, merges, widths and other cells stay as they were. The workbook is set
 * to recalculate fully when opened, so a spreadsheet never shows a stale cached value.
 */
export function applyWritePlan(workbook: ExcelJS.Workbook, plan: Pick<WritePlan, "writes">): ApplyResult {
  const result: ApplyResult = { formulas: 0, values: 0 };
  const expanded = new Set<string>();
  for (const write of plan.writes) {
    const worksheet = workbook.getWorksheet(write.sheet);
    if (!worksheet) throw new Error(`Write plan names a sheet the workbook does not have: ${write.sheet}`);
    if (!expanded.has(worksheet.name)) {
      expandSharedFormulas(worksheet);
      expanded.add(worksheet.name);
    }
    applyCellWrite(worksheet, write);
    if (write.formula) result.formulas++;
    else result.values++;
  }
  workbook.calcProperties = { ...(workbook.calcProperties ?? {}), fullCalcOnLoad: true };
  return result;
}

function applyCellWrite(worksheet: ExcelJS.Worksheet, write: CellWrite): void {
  const { row, col } = parseA1(write.cell);
  const cell = worksheet.getCell(row, col);
  if (write.formula) {
    const formula = write.formula.startsWith("=") ? write.formula.slice(1) : write.formula;
    const value: ExcelJS.CellFormulaValue = { formula, date1904: false } as ExcelJS.CellFormulaValue;
    if (write.value !== null) value.result = write.value;
    cell.value = value;
  } else {
    cell.value = write.value;
  }
  if (write.numberFormat) {
    // Styles read from a file are shared between cells: copy before changing one cell's format.
    cell.style = { ...cell.style, numFmt: write.numberFormat };
  }
}

/**
 * Gives every shared-formula cell its own formula text, so that overwriting a shared formula's master cell
 * cannot silently break the cells that borrowed it.
 */
export function expandSharedFormulas(worksheet: ExcelJS.Worksheet): void {
  worksheet.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      const v = cell.value as {
        formula?: string;
        sharedFormula?: string;
        shareType?: string;
        result?: unknown;
      } | null;
      if (!v || typeof v !== "object") return;
      if (v.sharedFormula || v.shareType === "shared") {
        const formula = cell.formula;
        if (!formula) return;
        const next = { formula, result: v.result } as ExcelJS.CellFormulaValue;
        if (v.result === undefined) delete (next as { result?: unknown }).result;
        cell.value = next;
      }
    });
  });
}
