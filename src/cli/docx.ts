// `phuluc check ke-hoach.docx`: every table of a Word plan checked by the engine, findings located in the
// document's words ("Bảng 2, dòng 5, cột 'Tỷ lệ'"), then the sentences with figures checked against themselves and
// the tables. Nothing is ever written to a .docx.
import * as path from "path";
import { readFileBytes } from "../hosts/xlsx/file";
import { XlsxReadError } from "../hosts/xlsx/errors";
import { readDocx, type DocxDocument } from "../hosts/docx/read";
import { DocxReadError } from "../hosts/docx/errors";
import { analyzeDocx, locateInDocument, type DocxAnalysis } from "../hosts/docx/analyze";
import { type AnalyzeOptions, type Finding, type Severity, summarize } from "../engine";
import type { Lang } from "../i18n/lang";
import { describeFinding } from "../i18n/findings";
import { describeProseFinding, paragraphText, quote } from "../i18n/prose";
import { cliStrings, formatValue, renderColumns } from "./format";
import { UserError, type CliIO } from "./io";
import { structureOptions } from "./structure";

export const isDocx = (file: string) => /\.docx$/i.test(file);

/** Reads the .docx; any failure is one line in the user's language. */
export async function readDocxForCli(file: string, shown: string, lang: Lang): Promise<DocxDocument> {
  let bytes: Uint8Array;
  try {
    bytes = await readFileBytes(file);
  } catch (err) {
    if (err instanceof XlsxReadError)
      throw new UserError(new XlsxReadError(err.code, shown, err.detail, lang).message);
    throw err;
  }
  try {
    return readDocx(bytes, shown);
  } catch (err) {
    if (err instanceof DocxReadError) throw new UserError(err.in(lang, shown).message);
    throw err;
  }
}

export function analyzeDocxForCli(document: DocxDocument, options: AnalyzeOptions, lang: Lang): DocxAnalysis {
  try {
    return analyzeDocx(document, options);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new Error(
      lang === "en"
        ? `analysis of "${document.fileName}" failed: ${message}`
        : `lỗi khi phân tích "${document.fileName}": ${message}`,
    );
  }
}

const STRINGS = {
  vi: {
    table: (n: number, title: string, rows: number) =>
      `Bảng ${n}${title ? ` "${title}"` : ""} (${rows} dòng số liệu)`,
    noTables: "Văn bản không có bảng số liệu nào.",
    headers: ["Mức độ", "Vị trí", "Quy tắc", "Đang ghi", "Đúng là", "Nội dung"],
    cells: "(Ô trong nội dung ghi theo cột A, B, C… từ trái sang phải và dòng 1, 2, 3… của bảng Word.)",
    prose: (n: number) =>
      `Lời văn: ${n === 0 ? "các câu có số liệu khớp với nhau và với các bảng." : `${n} câu có số liệu không khớp:`}`,
    suggested: " (chỉ là gợi ý: cần người xem lại)",
    unread: (sheet: string, read: number, total: number) =>
      `${sheet}: quá lớn, chỉ đọc ${read}/${total} dòng đầu; phần còn lại chưa được kiểm tra.`,
    nothingWritten: "Chương trình không ghi gì vào tệp .docx.",
    summary: (file: string, e: number, w: number, i: number) =>
      `Tổng kết ${file}: ${e} lỗi, ${w} cảnh báo, ${i} thông tin.`,
  },
  en: {
    table: (n: number, title: string, rows: number) =>
      `Table ${n}${title ? ` "${title}"` : ""} (${rows} data rows)`,
    noTables: "The document has no data table.",
    headers: ["Severity", "Where", "Rule", "Actual", "Expected", "Message"],
    cells:
      "(Cells in messages are lettered A, B, C… left to right and numbered 1, 2, 3… down the Word table.)",
    prose: (n: number) =>
      `Text: ${n === 0 ? "the sentences with figures agree with each other and with the tables." : `${n} sentences with figures disagree:`}`,
    suggested: " (a suggestion only: a person should look)",
    unread: (sheet: string, read: number, total: number) =>
      `${sheet}: too large, only the first ${read}/${total} rows were read; the rest is unchecked.`,
    nothingWritten: "Nothing is written to the .docx file.",
    summary: (file: string, e: number, w: number, i: number) =>
      `Summary for ${file}: ${e} errors, ${w} warnings, ${i} infos.`,
  },
};

function where(table: number, row: number, column: string, lang: Lang): string {
  return lang === "en"
    ? `Table ${table}, row ${row}, column '${column}'`
    : `Bảng ${table}, dòng ${row}, cột '${column}'`;
}

export interface DocxCheckResult {
  text: string;
  json: unknown;
  exitCode: number;
}

export function renderDocxCheck(file: string, analysis: DocxAnalysis, lang: Lang): DocxCheckResult {
  const s = STRINGS[lang];
  const severity = cliStrings(lang).severity as Record<Severity, string>;
  const blocks: string[] = [];
  const tablesJson: unknown[] = [];
  const all: { severity: Severity }[] = [];
  let hasFindings = false;
  for (const { table, analyses } of analysis.tables) {
    for (const a of analyses) {
      const report = a.report;
      const rows: string[][] = [];
      const findings = report.findings.map((f: Finding) => {
        const loc = locateInDocument(table, report, f.cell);
        const location = where(loc.table, loc.row, loc.column, lang);
        const message = describeFinding(f, lang);
        rows.push([
          severity[f.severity],
          location,
          f.rule,
          formatValue(f.actual, lang),
          formatValue(f.expected, lang),
          message,
        ]);
        all.push(f);
        return { ...f, message, location };
      });
      hasFindings ||= findings.length > 0;
      const lines = [s.table(table.index, table.title, report.rows.length)];
      lines.push(rows.length === 0 ? cliStrings(lang).noFindings : renderColumns([s.headers, ...rows]));
      blocks.push(lines.join("\n"));
      tablesJson.push({ ...report, table: table.index, title: table.title, findings });
    }
  }
  if (analysis.tables.every((t) => t.analyses.length === 0)) blocks.push(s.noTables);
  else if (hasFindings) blocks.push(s.cells);

  const prose = analysis.prose.map((f) => ({
    ...f,
    message: describeProseFinding(f, lang),
    location: paragraphText(f.paragraph, lang),
  }));
  all.push(...prose);
  const proseLines = [s.prose(prose.length)];
  for (const f of prose) {
    proseLines.push(
      `  ${severity[f.severity]}  ${f.location}  ${f.rule}: ${f.message}${f.certainty === "suggested" ? s.suggested : ""}`,
      `      « ${quote(f.sentence, f.figure)} »`,
    );
  }
  blocks.push(proseLines.join("\n"));
  const unread = analysis.document.unread.map((u) => ({ ...u }));
  for (const u of unread) blocks.push(s.unread(u.sheet, u.rowsRead, u.rowsTotal));
  const summary = summarize(all);
  blocks.push(s.nothingWritten);
  blocks.push(s.summary(file, summary.errors, summary.warnings, summary.infos));
  const exitCode = summary.errors > 0 ? 1 : unread.length > 0 ? 3 : 0;
  return {
    text: blocks.join("\n\n") + "\n",
    json: { file, tables: tablesJson, prose, ...(unread.length ? { unread } : {}), summary },
    exitCode,
  };
}

/** The .docx branch of `phuluc check` (check.ts hands it over on the file's extension). */
export async function runDocxCheck(
  file: string,
  flags: {
    sheet?: string;
    format?: string;
    roles?: string;
    rows?: string;
    confirm?: string;
    "trust-structure"?: boolean;
  },
  lang: Lang,
  io: CliIO,
): Promise<number> {
  const document = await readDocxForCli(path.resolve(io.cwd, file), file, lang);
  if (flags.sheet !== undefined) {
    const chosen = document.tables.filter(
      (t) => t.grid.sheet === flags.sheet || String(t.index) === flags.sheet,
    );
    if (chosen.length === 0)
      throw new UserError(
        lang === "en"
          ? `"${file}" has no table "${flags.sheet}"; it has ${document.tables.length} tables (Bảng 1 … Bảng ${document.tables.length})`
          : `tệp "${file}" không có bảng "${flags.sheet}"; văn bản có ${document.tables.length} bảng (Bảng 1 … Bảng ${document.tables.length})`,
      );
    document.tables = chosen;
    document.blocks = document.blocks.filter((b) => b.kind === "paragraph" || chosen.includes(b));
  }
  const analysis = analyzeDocxForCli(document, structureOptions("check", flags, lang), lang);
  const result = renderDocxCheck(file, analysis, lang);
  io.out(flags.format === "json" ? JSON.stringify(result.json, null, 2) + "\n" : result.text);
  return result.exitCode;
}
