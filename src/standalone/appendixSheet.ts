// Renders an appendix layout as a new sheet of the in-memory workbook, through the ExcelJS adapter's renderer.
import type ExcelJS from "exceljs";
import type { AppendixLayout } from "../engine/appendix";
import { renderAppendix } from "../hosts/xlsx/appendix";

/** Returns the new sheet's name (made unique: never over an existing sheet). */
export function renderAppendixSheet(workbook: ExcelJS.Workbook, layout: AppendixLayout): string {
  return renderAppendix(workbook, layout).name;
}
