// Renders an appendix layout as a new sheet of the in-memory workbook, through the ExcelJS adapter's renderer.
import type ExcelJS from "exceljs";
import type { AppendixLayout } from "../engine/appendix";

export function renderAppendixSheet(_workbook: ExcelJS.Workbook, _layout: AppendixLayout): string {
  // The ExcelJS appendix renderer (src/hosts/xlsx/appendix.ts) has not landed yet.
  throw new Error("Trang này chưa lập được phụ lục (thiếu bộ ghi phụ lục cho tệp .xlsx).");
}
