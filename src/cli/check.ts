// `phuluc check <file.xlsx> [--sheet NAME] [--format text|json] [--lang vi|en] [--roles C=role,...]
//  [--rows N=kind,...] [--trust-structure]`
import * as path from "path";
import { CliIO } from "./io";
import { FORMAT_OPTION, LANG_OPTION, SHEET_OPTION, parseArgs } from "./args";
import { renderReport } from "./format";
import { STRUCTURE_OPTIONS, structureOptions } from "./structure";
import { analyzeWorkbookFile } from "./workbook";
import { type Report, loadReportSchemas, summarize } from "../engine";
import { describeReport } from "../i18n/findings";
import type { Lang } from "../i18n/lang";

const SPEC = {
  command: "check",
  options: { sheet: SHEET_OPTION, format: FORMAT_OPTION, lang: LANG_OPTION, ...STRUCTURE_OPTIONS },
  positionals: ["file.xlsx"],
} as const;

export async function run(args: string[], io: CliIO): Promise<number> {
  const { flags, positionals } = parseArgs(args, SPEC);
  const lang = (flags.lang ?? "vi") as Lang;
  const file = positionals[0];
  if (/\.docx$/i.test(file)) return (await import("./docx")).runDocxCheck(file, flags, lang, io);
  const { analyses, sheetsWithoutTable, unread, yearTables } = await analyzeWorkbookFile(
    path.resolve(io.cwd, file),
    file,
    {
      sheet: flags.sheet,
      lang,
      engine: structureOptions("check", flags, lang),
    },
  );
  const tables = [...analyses.map((a) => a.report), ...yearTables];
  // The JSON contract is validated against ReportSchema (zod loads only then: the text output starts faster); it
  // keeps a sentence on every finding, in the chosen language.
  const built: Report =
    flags.format === "json"
      ? (await loadReportSchemas()).buildReport(file, tables, unread)
      : {
          file,
          tables,
          summary: summarize(tables.flatMap((t) => t.findings)),
          ...(unread.length ? { unread } : {}),
        };
  const report = describeReport(built, lang);
  if (flags.format === "json") io.out(JSON.stringify(report, null, 2) + "\n");
  else io.out(renderReport(report, lang, sheetsWithoutTable));
  // 0: read whole and clean; 1: errors; 3: no error, but something holding numbers was not read (never "0 lỗi").
  if (report.summary.errors > 0) return 1;
  return unread.length > 0 ? 3 : 0;
}
