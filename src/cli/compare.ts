// `phuluc so-sanh|compare <nam-truoc.xlsx> <nam-nay.xlsx> [--sheet-last NAME] [--sheet NAME] [--threshold 15]
//  [--format text|json] [--lang vi|en]`: last year's table against this year's, units matched by name (normalizeUnitName). Exit 1 when
// something is an error (a start that is not last year's end, a typed verdict the figures contradict), else 0.
import * as path from "path";
import { CliIO, UserError } from "./io";
import { FORMAT_OPTION, LANG_OPTION, parseArgs } from "./args";
import { STRUCTURE_OPTIONS, structureOptions } from "./structure";
import { analyzeWorkbookFile } from "./workbook";
import { compareYears, type TableAnalysis, type Grid } from "../engine";
import type { Lang } from "../i18n/lang";
import { describeComparison, describeYear } from "../i18n/many";

const SPEC = {
  command: "so-sanh",
  options: {
    "sheet-last": { type: "string" },
    sheet: { type: "string" },
    threshold: { type: "number", default: 15 },
    format: FORMAT_OPTION,
    lang: LANG_OPTION,
    ...STRUCTURE_OPTIONS,
  },
  positionals: ["nam-truoc.xlsx", "nam-nay.xlsx"],
} as const;

function unitTable(analyses: TableAnalysis[], grids: Grid[], file: string, lang: Lang) {
  const units = (a: TableAnalysis) => a.table.rows.filter((r) => r.kind === "unit").length;
  const best = analyses.reduce<TableAnalysis | undefined>(
    (b, a) => (!b || units(a) > units(b) ? a : b),
    undefined,
  );
  if (!best || units(best) === 0)
    throw new UserError(
      lang === "vi"
        ? `phuluc so-sanh: không tìm thấy bảng có các đơn vị trong "${file}"`
        : `phuluc compare: no table of units in "${file}"`,
    );
  return { table: best.table, grid: grids.find((g) => g.sheet === best.table.sheet)! };
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const { flags, positionals } = parseArgs(args, SPEC);
  const lang = (flags.lang ?? "vi") as Lang;
  const [lastFile, currentFile] = positionals;
  const engine = structureOptions("so-sanh", flags, lang);
  const threshold = flags.threshold ?? 15;
  if (!(threshold > 0 && threshold < 1000))
    throw new UserError(
      lang === "vi"
        ? `phuluc so-sanh: --threshold là phần trăm, ví dụ 15`
        : `phuluc compare: --threshold is a percentage, e.g. 15`,
    );
  const last = await analyzeWorkbookFile(path.resolve(io.cwd, lastFile), lastFile, {
    sheet: flags["sheet-last"],
    lang,
    engine,
  });
  const current = await analyzeWorkbookFile(path.resolve(io.cwd, currentFile), currentFile, {
    sheet: flags.sheet,
    lang,
    engine,
  });
  const result = compareYears(
    unitTable(last.analyses, last.grids, lastFile, lang),
    unitTable(current.analyses, current.grids, currentFile, lang),
    {
      threshold: threshold / 100,
    },
  );
  const vi = lang === "vi";
  const label = {
    error: vi ? "LỖI" : "ERROR",
    warning: vi ? "CẢNH BÁO" : "WARNING",
    info: vi ? "THÔNG TIN" : "INFO",
  };
  const order = { error: 0, warning: 1, info: 2 };
  const findings = [...result.findings].sort((a, b) => order[a.severity] - order[b.severity]);
  if (flags.format === "json") {
    io.out(
      JSON.stringify(
        {
          ...result,
          last: { file: lastFile, sheet: last.analyses[0]?.table.sheet },
          current: { file: currentFile },
          findings: findings.map((f) => ({ ...f, message: describeYear(f, lang) })),
        },
        null,
        2,
      ) + "\n",
    );
    return findings.some((f) => f.severity === "error") ? 1 : 0;
  }
  io.out(
    [
      ...describeComparison(result, lang),
      ...findings.map(
        (f) =>
          `${label[f.severity]}  ${describeYear(f, lang)}${f.certainty === "suggested" ? (vi ? " (gợi ý)" : " (suggested)") : ""}`,
      ),
    ].join("\n") + "\n",
  );
  return findings.some((f) => f.severity === "error") ? 1 : 0;
}
