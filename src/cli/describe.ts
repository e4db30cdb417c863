// `phuluc describe <file.xlsx|file.docx> [--sheet NAME] [--units] [--format text|json] [--lang vi|en]`: the
// paragraph officials put in the plan, written from each checked table with its numbers recomputed (the same
// numbers the appendix stands for). Reads only; writes nothing.
import * as path from "path";
import { CliIO } from "./io";
import { FORMAT_OPTION, LANG_OPTION, SHEET_OPTION, parseArgs } from "./args";
import { STRUCTURE_OPTIONS, structureOptions } from "./structure";
import { analyzeWorkbookFile } from "./workbook";
import { analyzeDocxForCli, isDocx, readDocxForCli } from "./docx";
import { describeTable, tableFacts, type Description, type Grid, type TableAnalysis } from "../engine";
import type { Lang } from "../i18n/lang";
import { describeText } from "../i18n/prose";

const SPEC = {
  command: "describe",
  options: {
    sheet: SHEET_OPTION,
    units: { type: "boolean" },
    format: FORMAT_OPTION,
    lang: LANG_OPTION,
    ...STRUCTURE_OPTIONS,
  },
  positionals: ["file.xlsx|file.docx"],
} as const;

interface Described {
  where: string;
  description: Description;
  errors: number;
  unsure: boolean;
}

function describeOne(grid: Grid, a: TableAnalysis, title: string, where: string, units: boolean): Described {
  const description = describeTable(tableFacts(grid, a, title), { units });
  return {
    where,
    description,
    errors: a.findings.filter((f) => f.severity === "error").length,
    unsure: a.unsure === true,
  };
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const { flags, positionals } = parseArgs(args, SPEC);
  const lang = (flags.lang ?? "vi") as Lang;
  const file = positionals[0];
  const engine = structureOptions("describe", flags, lang);
  const out: Described[] = [];
  if (isDocx(file)) {
    const document = await readDocxForCli(path.resolve(io.cwd, file), file, lang);
    if (flags.sheet !== undefined)
      document.tables = document.tables.filter(
        (t) => t.grid.sheet === flags.sheet || String(t.index) === flags.sheet,
      );
    document.blocks = document.blocks.filter((b) => b.kind === "paragraph" || document.tables.includes(b));
    const analysis = analyzeDocxForCli(document, engine, lang);
    for (const { table, analyses } of analysis.tables)
      for (const a of analyses)
        out.push(
          describeOne(
            table.grid,
            a,
            table.title,
            lang === "en" ? `Table ${table.index}` : `Bảng ${table.index}`,
            flags.units,
          ),
        );
  } else {
    const { grids, analyses } = await analyzeWorkbookFile(path.resolve(io.cwd, file), file, {
      sheet: flags.sheet,
      lang,
      engine,
    });
    for (const a of analyses) {
      const grid = grids.find((g) => g.sheet === a.table.sheet);
      if (!grid) continue;
      const where = lang === "en" ? `Sheet "${a.table.sheet}"` : `Trang tính "${a.table.sheet}"`;
      out.push(describeOne(grid, a, a.table.title, where, flags.units));
    }
  }
  const written = out.filter((d) => d.description.lines.length > 0);
  if (flags.format === "json") {
    io.out(
      JSON.stringify(
        written.map((d) => ({ ...d, text: describeText(d.description, lang) })),
        null,
        2,
      ) + "\n",
    );
    return written.length > 0 ? 0 : 1;
  }
  const blocks: string[] = [];
  for (const d of written) {
    const head = `${d.where}${d.description.title ? ` — ${d.description.title}` : ""}`;
    const notes: string[] = [];
    if (d.errors > 0)
      notes.push(
        lang === "en"
          ? `(the table has ${d.errors} errors: rates and totals below are recomputed from its counts; check it with phuluc check)`
          : `(bảng còn ${d.errors} lỗi: tỷ lệ và số tổng dưới đây đã được tính lại từ số hộ; hãy kiểm tra bằng phuluc check)`,
      );
    if (d.unsure)
      notes.push(
        lang === "en"
          ? "(the table's reading is unsure: confirm its columns before using this text)"
          : "(chưa chắc cách đọc bảng: hãy xác nhận các cột trước khi dùng đoạn văn này)",
      );
    blocks.push([head, ...notes, "", describeText(d.description, lang)].join("\n"));
  }
  if (written.length === 0)
    blocks.push(
      lang === "en"
        ? "No table with households and poor households to write from."
        : "Không có bảng nào có số hộ và số hộ nghèo để viết lời văn.",
    );
  io.out(blocks.join("\n\n") + "\n");
  return written.length > 0 ? 0 : 1;
}
