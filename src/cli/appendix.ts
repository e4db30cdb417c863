// `phuluc appendix <file.xlsx> -o <out.xlsx> [--title "..."] [--subtitle "..."] [--reduce N | --reduce-points P]
//  [--by households|poor|equal] [--sheet NAME] [--year N] [--allow-errors] [--lang vi|en]`
// Exit 1 with one line when the table still has errors, the appendix written marked as a draft, unless
// --allow-errors.
// Writes a copy of the workbook with the appendix as a new sheet: the table as it is, corrected, or with a target
// the plan table "Dự kiến năm N". The user's own sheets are never changed.
import * as path from "path";
import { CliIO, UserError } from "./io";
import { LANG_OPTION, SHEET_OPTION, parseArgs } from "./args";
import { STRUCTURE_OPTIONS, refuseIfUnsure, structureOptions } from "./structure";
import { analyzeWorkbookFile } from "./workbook";
import type { Lang } from "../i18n/lang";
import { buildAppendix } from "../engine";
import { appendixLabels } from "../i18n/appendix";
import {
  TARGET_OPTIONS,
  choosePlanTable,
  errorsLine,
  markDraft,
  outputPath,
  planOrExplain,
  targetFromFlags,
  writeOrExplain,
} from "./plan";

const SPEC = {
  command: "appendix",
  options: {
    ...TARGET_OPTIONS,
    out: { type: "string", short: "o" },
    force: { type: "boolean" },
    title: { type: "string" },
    subtitle: { type: "string" },
    sheet: SHEET_OPTION,
    lang: LANG_OPTION,
    ...STRUCTURE_OPTIONS,
  },
  positionals: ["file.xlsx"],
} as const;

export async function run(args: string[], io: CliIO): Promise<number> {
  const { flags, positionals } = parseArgs(args, SPEC);
  const lang = (flags.lang ?? "vi") as Lang;
  const vi = lang === "vi";
  const input = positionals[0];
  const out = outputPath("appendix", input, flags.out, io.cwd, lang);
  if (!out) {
    throw new UserError(
      vi ? "phuluc appendix: thiếu -o <tệp-ra.xlsx>" : "phuluc appendix: missing -o <out.xlsx>",
    );
  }
  const target = targetFromFlags("appendix", flags, lang, false);
  const { workbook, grids, analyses } = await analyzeWorkbookFile(path.resolve(io.cwd, input), input, {
    sheet: flags.sheet,
    lang,
    engine: structureOptions("appendix", flags, lang),
  });
  const { analysis, grid } = choosePlanTable(analyses, grids, input, lang);
  refuseIfUnsure("appendix", analysis, lang);
  const plan = target ? planOrExplain(analysis, grid, target, flags, lang) : undefined;
  // No appendix "ready to sign" on a table with errors, unless the user asks for it.
  // Not asked for (--allow-errors): the copy is still written whole, its appendix marked as a draft, exit 1.
  const errors = errorsLine("appendix", analysis, lang, flags["allow-errors"], true);
  const draft = !!errors && !flags["allow-errors"];
  const built = buildAppendix(analysis, {
    grid,
    plan,
    labels: appendixLabels(lang),
    year: flags.year,
    title: flags.title,
    subtitle: flags.subtitle,
    existingSheetNames: workbook.worksheets.map((w) => w.name),
  });
  const layout = draft ? markDraft(built, lang) : built;
  const ws = await writeOrExplain(workbook, layout, out, flags.out!, lang, flags.force);
  if (draft) {
    io.err(errors + "\n");
    return 1;
  }

  const formulas = layout.cells.filter((c) => c.formula).length;
  const lines = [
    ...(errors ? [errors] : []),
    vi
      ? `Đã ghi phụ lục vào trang tính mới "${ws.name}" của tệp ${flags.out} (từ bảng ở trang "${grid.sheet}", ${formulas} ô công thức; khổ A4 ${layout.page.orientation === "landscape" ? "ngang" : "dọc"}).`
      : `Wrote the appendix to the new sheet "${ws.name}" of ${flags.out} (from the table on sheet "${grid.sheet}", ${formulas} formula cells; A4 ${layout.page.orientation}).`,
  ];
  // Corrected inputs (the corrections list) carry a fix; what has none was kept as typed.
  const inputErrors = analysis.findings.filter((f) => f.severity === "error" && !f.fix).length;
  if (inputErrors > 0) {
    lines.push(
      vi
        ? `Lưu ý: ${inputErrors} ô số liệu gốc có thể sai và được giữ nguyên; xem "phuluc check ${input}".`
        : `Note: ${inputErrors} input cells may be wrong and were kept as they are; see "phuluc check ${input}".`,
    );
  }
  for (const n of layout.notes ?? []) lines.push(`- ${n}`);
  io.out(lines.join("\n") + "\n");
  return 0;
}
