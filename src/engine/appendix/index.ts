// An appendix table as a host-neutral layout; the ExcelJS and Office.js adapters both render it.
// Two variants: the analysed table as it is, corrected (every derived cell a live formula on the new sheet), and a
// plan table "Dự kiến năm N" (start, reduction, projected) built from an allocation (plan.ts).
// Formatting follows Nghị định 30/2020/NĐ-CP as appendices are typed: Times New Roman, bold capital title, italic
// "(Kèm theo ...)" line, bold header with merged groups, numbering row, bold group and total rows, thin borders.
// One module per job: style.ts (the look, read by every renderer), sheet.ts (the sheet being built, sizes),
// title.ts (title block and year), signature.ts, formula.ts, table.ts (variant 1), plan-sheet.ts (variant 2).
// The words are the caller's (AppendixOptions.labels, made in src/i18n/appendix.ts).
import type { TableAnalysis } from "../index";
import { buildPlanAppendix } from "./plan-sheet";
import { buildTableAppendix } from "./table";
import type { AppendixLayout, AppendixOptions } from "./types";

export type {
  AppendixCell,
  AppendixCellStyle,
  AppendixLabels,
  AppendixLayout,
  AppendixOptions,
  IssuingBody,
  SignatureLabels,
} from "./types";
export {
  APPENDIX_FONT,
  APPENDIX_LOOK,
  COUNT_FORMAT,
  PERCENT_RATE_FORMAT,
  RATE_FORMAT,
  pageSetupOf,
  widthToPoints,
  type PageSetup,
} from "./style";
export { uniqueSheetName } from "./sheet";
export { tableYear } from "./title";
export { translateFormula } from "./formula";
export { toRoman } from "../vocabulary";

/** Builds the appendix layout of an analysed table. Pure: no host, no I/O. */
export function buildAppendix(analysis: TableAnalysis, options: AppendixOptions): AppendixLayout {
  return options.plan
    ? buildPlanAppendix(analysis, options.plan, options)
    : buildTableAppendix(analysis, options);
}
