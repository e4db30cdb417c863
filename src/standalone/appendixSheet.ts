// Adds an appendix layout as a new sheet of the in-memory workbook; it is written into the package on download
// (src/hosts/xlsx/newsheet.ts renders it, src/hosts/xlsx/patch.ts adds it).
import type { AppendixLayout } from "../engine";
import type { XlsxWorkbook } from "../hosts/xlsx/workbook";

/** Returns the new sheet's name (made unique: never over an existing sheet). */
export function renderAppendixSheet(workbook: XlsxWorkbook, layout: AppendixLayout): string {
  return workbook.addAppendix(layout);
}
