// `phuluc gop|consolidate <xa-1.xlsx> <xa-2.xlsx> ... -o <huyen.xlsx> [--include-flawed] [--allow-missing]
//  [--each-sheet] [--sort given|alpha] [--title "..."] [--area "huyện Cam Lộ"] [--force] [--format text|json]
//  [--lang vi|en]`
// (--each-sheet: every sheet with a table is a unit's source, for one workbook holding all the communes).
// Each source is read and checked first; each gives one row (its total). A new workbook is written with the
// consolidated sheet (appendix look, rates and totals as formulas) and a "Nguồn" sheet. Nothing is written when a
// required source is missing (a .xls, a file with no readable table), two sources speak for one unit, or years mix.
// Also `phuluc check <huyen.xlsx> --against <xa-*.xlsx>`: each unit row of the higher table against the total of
// the matching lower file. Exit codes: 0 all included, 3 written but something left out, 1 mismatches, 2 nothing.
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { CliIO, UserError } from "./io";
import { FORMAT_OPTION, LANG_OPTION, SHEET_OPTION, parseArgs } from "./args";
import { renderReport } from "./format";
import {
  summarize,
  consolidate,
  consolidationLayouts,
  crossCheck,
  type AnalyzeOptions,
  type UnitSource,
  unitSource,
} from "../engine";
import { describeReport } from "../i18n/findings";
import { STRUCTURE_OPTIONS, structureOptions } from "./structure";
import { analyzeGrids, chooseGrids, readWorkbookForCli, samePath } from "./workbook";
import { writeFileSafely } from "../hosts/xlsx/file";
import { newWorkbookBytes } from "../hosts/xlsx/newbook";
import { XlsxReadError } from "../hosts/xlsx/errors";
import type { Lang } from "../i18n/lang";
import { showNumber } from "../i18n/numbers";
import { checkResult, consolidationLabels, describeCross, describeIssue, unreadableLine } from "../i18n/many";

/** Any number of files: parseArgs counts positionals against names. */
const MANY = Array.from({ length: 100000 }, () => "tệp.xlsx");

/** `xa-*.xlsx` as the shell would expand it (Windows' cmd and a quoted pattern do not). */
function expandFiles(patterns: string[], cwd: string): string[] {
  const out: string[] = [];
  for (const p of patterns) {
    if (!/[*?]/.test(p)) {
      out.push(p);
      continue;
    }
    const dir = path.dirname(p);
    const re = new RegExp(
      "^" +
        path
          .basename(p)
          .replace(/[.+^${}()|[\]\\]/g, "\\$&")
          .replace(/\*/g, ".*")
          .replace(/\?/g, ".") +
        "$",
      "i",
    );
    let names: string[] = [];
    try {
      names = fs.readdirSync(path.resolve(cwd, dir)).filter((n) => re.test(n));
    } catch {
      names = [];
    }
    if (names.length === 0) out.push(p);
    for (const n of names.sort()) out.push(dir === "." ? n : path.join(dir, n));
  }
  return out;
}

export interface LoadedSources {
  sources: UnitSource[];
  /** Files that could not be opened as workbooks: the reader's one-line message each. */
  unreadable: { file: string; message: string }[];
}

/** Reads and checks every file; a file that cannot be opened is listed, not thrown. */
async function loadSources(
  files: string[],
  cwd: string,
  lang: Lang,
  engine: AnalyzeOptions = {},
  eachSheet = false,
): Promise<LoadedSources> {
  const sources: UnitSource[] = [];
  const unreadable: LoadedSources["unreadable"] = [];
  for (const file of files) {
    try {
      const full = path.resolve(cwd, file);
      if (!fs.existsSync(full)) {
        throw new UserError(lang === "vi" ? `không có tệp "${file}"` : `no such file "${file}"`);
      }
      const workbook = await readWorkbookForCli(full, file, lang);
      const grids = chooseGrids(workbook, file, undefined, lang);
      const { analyses } = analyzeGrids(grids, lang, engine);
      const sha256 = createHash("sha256").update(workbook.bytes).digest("hex");
      if (eachSheet) {
        // Several sheets of one workbook, one unit each: named from the sheet's title, else the sheet's name.
        for (const grid of grids) {
          const own = analyses.filter((a) => a.table.sheet === grid.sheet);
          if (own.length === 0) continue;
          sources.push(unitSource(file, own, [grid], { sha256, fallbackName: grid.sheet }));
        }
      } else sources.push(unitSource(file, analyses, grids, { sha256 }));
    } catch (err) {
      if (err instanceof UserError || err instanceof XlsxReadError)
        unreadable.push({ file, message: err.message });
      // An engine failure is a bug, but the user still gets one line naming the file, and it counts as missing.
      else unreadable.push({ file, message: `${file}: ${err instanceof Error ? err.message : String(err)}` });
    }
  }
  return { sources, unreadable };
}

const SPEC = {
  command: "gop",
  options: {
    out: { type: "string", short: "o" },
    force: { type: "boolean" },
    "include-flawed": { type: "boolean" },
    "allow-missing": { type: "boolean" },
    "each-sheet": { type: "boolean" },
    sort: { type: "string", choices: ["given", "alpha"], default: "given" },
    title: { type: "string" },
    subtitle: { type: "string" },
    area: { type: "string" },
    format: FORMAT_OPTION,
    lang: LANG_OPTION,
    ...STRUCTURE_OPTIONS,
  },
  positionals: MANY,
  minPositionals: 1,
} as const;

export async function run(args: string[], io: CliIO): Promise<number> {
  const { flags, positionals } = parseArgs(args, SPEC);
  const lang = (flags.lang ?? "vi") as Lang;
  const vi = lang === "vi";
  if (!flags.out)
    throw new UserError(
      vi ? "phuluc gop: thiếu -o <tệp-ra.xlsx>" : "phuluc consolidate: missing -o <out.xlsx>",
    );
  const out = path.resolve(io.cwd, flags.out);
  const files = expandFiles(positionals, io.cwd);
  for (const f of files) {
    if (fs.existsSync(path.resolve(io.cwd, f)) && samePath(path.resolve(io.cwd, f), out))
      throw new UserError(
        vi
          ? `phuluc gop: tệp ra trùng với tệp nguồn "${f}"; hãy chọn -o khác (không ghi đè lên bảng của người dùng)`
          : `phuluc consolidate: the output is the source "${f}"; give another -o`,
      );
  }
  const started = Date.now();
  const { sources, unreadable } = await loadSources(
    files,
    io.cwd,
    lang,
    structureOptions("gop", flags, lang),
    flags["each-sheet"],
  );
  const result = consolidate(sources, {
    includeFlawed: flags["include-flawed"],
    order: flags.sort as "given" | "alpha",
    allowMissing: flags["allow-missing"],
  });
  const missing = unreadable.length > 0 && !flags["allow-missing"];
  const lines = [
    ...unreadable.map((u) => unreadableLine(u.message, !flags["allow-missing"], lang)),
    ...result.issues.map((i) => describeIssue(i, lang)),
  ];
  // --format json: one object whatever happens (written or not), the same exit codes.
  const json = (written: boolean) =>
    io.out(
      JSON.stringify(
        {
          output: flags.out,
          written,
          year: result.year ?? null,
          columns: result.columns.map((c) => ({
            role: c.role,
            period: c.kind,
            year: c.year ?? null,
            header: c.header,
          })),
          included: result.rows.map((r) => ({
            unit: r.source.unit,
            file: r.source.file,
            sheet: r.source.sheet,
            range: r.source.range,
            sha256: r.source.sha256 ?? null,
            values: Object.fromEntries(result.columns.map((c) => [c.key, r.values.get(c.key) ?? null])),
          })),
          excluded: result.excluded.map((e) => ({
            unit: e.source.unit,
            file: e.source.file,
            status: e.status,
            check: checkResult(e.source, lang),
          })),
          unread: unreadable.map((u) => ({ file: u.file, reason: u.message })),
          issues: [
            ...unreadable.map((u) => ({
              code: "unreadable",
              file: u.file,
              blocking: !flags["allow-missing"],
            })),
            ...result.issues.map((i) => ({ code: i.code, file: i.file ?? null, blocking: i.blocking })),
          ].map((i, k) => ({ ...i, message: lines[k] })),
        },
        null,
        2,
      ) + "\n",
    );
  if (!result.writable || missing) {
    if (flags.format === "json") {
      json(false);
      return 2;
    }
    io.err(
      (vi
        ? `phuluc gop: không ghi bảng tổng hợp (${flags.out}):\n`
        : `phuluc consolidate: nothing written (${flags.out}):\n`) +
        lines.map((l) => `- ${l}`).join("\n") +
        "\n",
    );
    return 2;
  }
  const labels = consolidationLabels(result, lang, {
    title: flags.title,
    subtitle: flags.subtitle,
    area: flags.area,
  });
  const layouts = consolidationLayouts(result, labels);
  try {
    await writeFileSafely(out, newWorkbookBytes(layouts), { force: flags.force });
  } catch (err) {
    if (err instanceof XlsxReadError)
      throw new UserError(new XlsxReadError(err.code, flags.out, err.detail, lang).message);
    throw err;
  }
  const formulas = layouts[0].cells.filter((c) => c.formula).length;
  const leftOut = result.excluded.length + unreadable.length;
  if (flags.format === "json") {
    json(true);
    return leftOut > 0 ? 3 : 0;
  }
  io.out(
    [
      vi
        ? `Đã đọc ${files.length} tệp trong ${showNumber((Date.now() - started) / 1000, "vi", 1)} giây: ${result.rows.length} đơn vị đưa vào bảng tổng hợp, ${leftOut} để ra ngoài.`
        : `Read ${files.length} files in ${showNumber((Date.now() - started) / 1000, "en", 1)} s: ${result.rows.length} units consolidated, ${leftOut} left out.`,
      ...lines.map((l) => `- ${l}`),
      vi
        ? `Đã ghi ${flags.out}: trang "${labels.sheetName}" (${result.rows.length} đơn vị, ${result.columns.length} cột số liệu, ${formulas} ô công thức) và trang "${labels.sourcesSheetName}" (nguồn từng số liệu, SHA-256 của từng tệp).`
        : `Wrote ${flags.out}: sheet "${labels.sheetName}" (${result.rows.length} units, ${result.columns.length} data columns, ${formulas} formula cells) and sheet "${labels.sourcesSheetName}" (every source, with its SHA-256).`,
    ].join("\n") + "\n",
  );
  return leftOut > 0 ? 3 : 0;
}

const AGAINST_SPEC = {
  command: "check",
  options: {
    against: { type: "string" },
    lang: LANG_OPTION,
    sheet: SHEET_OPTION,
    format: FORMAT_OPTION,
    ...STRUCTURE_OPTIONS,
  },
  positionals: MANY,
  minPositionals: 1,
} as const;

/** `phuluc check <huyen.xlsx> --against <xa-1.xlsx> <xa-2.xlsx> ...` */
export async function runAgainst(args: string[], io: CliIO): Promise<number> {
  const { flags, positionals } = parseArgs(args, AGAINST_SPEC);
  const lang = (flags.lang ?? "vi") as Lang;
  const vi = lang === "vi";
  const [higherFile, ...rest] = positionals;
  if (!flags.against)
    throw new UserError(
      vi ? "phuluc check: thiếu tệp sau --against" : "phuluc check: missing files after --against",
    );
  const engine = structureOptions("check", flags, lang);
  const workbook = await readWorkbookForCli(path.resolve(io.cwd, higherFile), higherFile, lang);
  const grids = chooseGrids(workbook, higherFile, flags.sheet, lang);
  const { analyses, sheetsWithoutTable } = analyzeGrids(grids, lang, engine);
  const units = (a: (typeof analyses)[number]) => a.table.rows.filter((r) => r.kind === "unit").length;
  const higher = analyses.reduce<(typeof analyses)[number] | undefined>(
    (b, a) => (!b || units(a) > units(b) ? a : b),
    undefined,
  );
  if (!higher)
    throw new UserError(
      vi
        ? `phuluc check: không tìm thấy bảng số liệu nào trong "${higherFile}"`
        : `phuluc check: no data table in "${higherFile}"`,
    );
  const files = expandFiles([flags.against, ...rest], io.cwd);
  const { sources, unreadable } = await loadSources(files, io.cwd, lang, engine);
  const usable = sources.filter((s) => s.status === "ok");
  const grid = grids.find((g) => g.sheet === higher.table.sheet)!;
  const result = crossCheck(higher.table, grid, sources);
  const mismatches = result.findings.filter((f) => f.code === "cross-level-mismatch");
  // The higher table's own check first: --against adds to `phuluc check`, it does not replace it.
  const tables = analyses.map((a) => a.report);
  const report = describeReport(
    { file: higherFile, tables, summary: summarize(tables.flatMap((t) => t.findings)) },
    lang,
  );
  if (flags.format === "json") {
    io.out(
      JSON.stringify(
        {
          ...report,
          crossLevel: {
            sheet: higher.table.sheet,
            matched: result.matched,
            compared: result.compared,
            findings: result.findings.map((f) => ({ ...f, message: describeCross(f, lang) })),
            unread: unreadable.map((u) => ({ file: u.file, reason: u.message })),
          },
        },
        null,
        2,
      ) + "\n",
    );
  } else {
    const header = vi
      ? `Đối chiếu bảng ${higher.table.sheet} (${higherFile}) với ${usable.length} báo cáo: ${result.matched} đơn vị khớp tên, ${result.compared} ô so sánh, ${mismatches.length} ô khác.`
      : `Checked ${higherFile} (sheet ${higher.table.sheet}) against ${usable.length} reports: ${result.matched} units matched, ${result.compared} cells compared, ${mismatches.length} differ.`;
    const label = {
      error: vi ? "LỖI" : "ERROR",
      warning: vi ? "CẢNH BÁO" : "WARNING",
      info: vi ? "THÔNG TIN" : "INFO",
    };
    const body = result.findings.map((f) => `${label[f.severity]}  ${describeCross(f, lang)}`);
    io.out(
      renderReport(report, lang, sheetsWithoutTable) +
        "\n" +
        [header, ...body, ...unreadable.map((u) => `- ${u.message}`)].join("\n") +
        "\n",
    );
  }
  if (mismatches.length || report.summary.errors > 0) return 1;
  return unreadable.length || sources.length !== usable.length ? 3 : 0;
}
