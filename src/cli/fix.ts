// `phuluc fix <in.xlsx> -o <out.xlsx> [--sheet NAME] [--in-place] [--lang vi|en] [--unicode] [--roles C=role,...]
//  [--rows N=kind,...] [--trust-structure]`
// Exit 0: copy written and nothing left to decide; 1: input cells (or a table read in doubt) remain that a person
// must check (when nothing could be fixed, no copy is written and the output says "Chưa sửa gì, còn N lỗi");
// 2: nothing written (bad arguments, unreadable file).
import * as path from "path";
import { CliIO, UserError } from "./io";
import { LANG_OPTION, SHEET_OPTION, parseArgs } from "./args";
import { renderFix } from "./format";
import { analyzeWorkbookFile, refusalText, samePath, writePatched } from "./workbook";
import { fixPlan, legacyTextConversions, rangeA1 } from "../engine";
import { STRUCTURE_OPTIONS, confirmRoles, structureOptions } from "./structure";
import type { Lang } from "../i18n/lang";

const SPEC = {
  command: "fix",
  options: {
    out: { type: "string", short: "o" },
    sheet: SHEET_OPTION,
    "in-place": { type: "boolean" },
    force: { type: "boolean" },
    lang: LANG_OPTION,
    /** Converts text typed in TCVN3 or VNI to Unicode. */
    unicode: { type: "boolean" },
    ...STRUCTURE_OPTIONS,
  },
  positionals: ["in.xlsx"],
} as const;

export async function run(args: string[], io: CliIO): Promise<number> {
  const { flags, positionals } = parseArgs(args, SPEC);
  const lang = (flags.lang ?? "vi") as Lang;
  const en = lang === "en";
  const input = positionals[0];
  const inputPath = path.resolve(io.cwd, input);
  const inPlace = flags["in-place"];
  const shownOut = flags.out ?? (inPlace ? input : undefined);
  if (shownOut === undefined) {
    throw new UserError(
      en
        ? "phuluc fix: missing -o <out.xlsx> (or --in-place to overwrite the input)"
        : "phuluc fix: thiếu -o <tệp-ra.xlsx> (hoặc --in-place để ghi đè lên tệp gốc)",
    );
  }
  const outputPath = path.resolve(io.cwd, shownOut);
  const overwrites = samePath(inputPath, outputPath);
  if (overwrites && !inPlace) {
    throw new UserError(
      en
        ? `phuluc fix: the output is the input file "${input}"; give another -o, or --in-place to overwrite it`
        : `phuluc fix: tệp ra trùng với tệp gốc "${input}"; hãy chọn -o khác, hoặc thêm --in-place nếu muốn ghi đè`,
    );
  }

  const { workbook, grids, analyses } = await analyzeWorkbookFile(inputPath, input, {
    sheet: flags.sheet,
    lang,
    engine: structureOptions("fix", flags, lang),
  });
  const plan = fixPlan(analyses);
  // Text only: safe even where the table's reading is unsure.
  const writes = flags.unicode
    ? plan.writes.concat(grids.flatMap((g) => legacyTextConversions(g)))
    : plan.writes;
  // Nothing to write: no copy is made (a copy identical to the input would read as "fixed").
  const result =
    writes.length > 0
      ? await writePatched(workbook, { writes }, outputPath, shownOut, lang, {
          inPlace: overwrites,
          force: flags.force,
        })
      : { written: [], refused: [] };
  const errorsLeft = analyses.reduce(
    (n, a) => n + a.findings.filter((f) => f.severity === "error").length,
    0,
  );
  const confirm = Object.fromEntries(
    analyses
      .filter((a) => a.unsure)
      .map((a) => [`${a.table.sheet}|${rangeA1(a.table.range)}`, confirmRoles(a)] as const),
  );
  io.out(
    renderFix(
      {
        output: shownOut,
        inPlace: overwrites,
        plan: { ...plan, writes: result.written },
        errorsLeft,
        confirm,
      },
      lang,
    ),
  );
  if (result.refused.length > 0) {
    io.out(
      (en
        ? `${result.refused.length} cells were left for a person (the file's structure forbids writing there):\n`
        : `${result.refused.length} ô để người kiểm tra (cấu trúc của tệp không cho ghi vào đó):\n`) +
        result.refused.map((r) => refusalText(r, lang)).join("\n") +
        "\n",
    );
  }
  // A table left untouched because its reading is unsure also waits for a person.
  return plan.undecided.length > 0 || (plan.refused?.length ?? 0) > 0 || result.refused.length > 0 ? 1 : 0;
}
