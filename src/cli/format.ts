// Text rendering of reports and fix results for people at a terminal. Vietnamese by default, English on request.
import type { Finding, Report, Severity, TableReport, WritePlan, Unread } from "../engine";
import type { Lang } from "../i18n/lang";
import { describeFinding, findingTitle, roleOfCell } from "../i18n/findings";
import { confirmRolesOf, refusalLine } from "./structure";
import { showValue } from "../i18n/numbers";

const STRINGS = {
  vi: {
    table: (sheet: string, range: string, rows: number) =>
      `Trang tính "${sheet}", bảng ${range} (${rows} dòng số liệu)`,
    noFindings: "  Không có sai sót.",
    noTable: (sheet: string) => `Trang tính "${sheet}": không tìm thấy bảng số liệu.`,
    noTableAnywhere: "Không tìm thấy bảng số liệu nào trong tệp.",
    nothingChecked: (file: string) => `Tổng kết ${file}: không có bảng số liệu nào được kiểm tra.`,
    unreadSummary: (n: number) => `Còn ${n} phần có số liệu chưa đọc được (xem trên): chưa kiểm tra hết tệp.`,
    unread: (u: Unread) =>
      u.reason === "no-table"
        ? `CHƯA ĐỌC: trang tính "${u.sheet}" có số liệu nhưng không nhận ra bảng; không kiểm tra được gì ở đó.`
        : u.reason === "rows"
          ? `CHƯA ĐỌC HẾT: bảng ở ${u.range} (trang "${u.sheet}"): chỉ đọc được ${u.rowsRead}/${u.rowsTotal} dòng có số liệu.`
          : u.reason === "columns"
            ? `CHƯA ĐỌC: trang "${u.sheet}", cột ở ${u.range} có số liệu nhưng không hiểu tiêu đề của cột, chưa kiểm tra.`
            : `CHƯA ĐỌC: trang "${u.sheet}", vùng ${u.range} có số liệu nằm ngoài các bảng đã đọc.`,
    headers: ["Mức độ", "Ô", "Quy tắc", "Đang ghi", "Đúng là", "Nội dung"],
    severity: { error: "lỗi", warning: "cảnh báo", info: "thông tin" } as Record<Severity, string>,
    summary: (file: string, e: number, w: number, i: number) =>
      `Tổng kết ${file}: ${e} lỗi, ${w} cảnh báo, ${i} thông tin.`,
    fixWrote: (n: number, f: number, v: number) =>
      `Đã ghi ${n} ô: ${f} ô công thức (tỷ lệ, tổng, số giảm, số dự kiến), ${v} ô ghi lại thành số đúng (số lưu dạng văn bản, dấu chấm hàng nghìn).`,
    perSheet: (sheet: string, n: number) => `  - trang tính "${sheet}": ${n} ô`,
    undecidedHead: (n: number) =>
      `Còn ${n} ô nhập liệu có thể sai, chương trình không tự sửa (cần người kiểm tra):`,
    noUndecided: "Không còn ô nào cần người kiểm tra.",
    savedTo: (file: string) => `Bản đã sửa: ${file}`,
    confirmHint: (roles: string | undefined) =>
      `  Cách đọc bảng chưa được xác nhận. Nếu đúng như vậy, thêm ${roles ? `${roles} (hoặc --trust-structure)` : "--trust-structure"} vào lệnh; nếu sai, ghi vai trò đúng bằng --roles (hoặc loại dòng bằng --rows).`,
    nothingFixed: (errors: number) =>
      `Chưa sửa gì${errors > 0 ? `, còn ${errors} lỗi` : ""}: không có ô nào chương trình tự sửa được, không ghi tệp ra.`,
    savedInPlace: (file: string) => `Đã ghi đè tệp gốc: ${file}`,
  },
  en: {
    table: (sheet: string, range: string, rows: number) =>
      `Sheet "${sheet}", table ${range} (${rows} data rows)`,
    noFindings: "  No problems found.",
    noTable: (sheet: string) => `Sheet "${sheet}": no data table found.`,
    noTableAnywhere: "No data table found in the file.",
    nothingChecked: (file: string) => `Summary for ${file}: no data table was checked.`,
    unreadSummary: (n: number) =>
      `${n} part(s) holding numbers could not be read (see above): the file is not fully checked.`,
    unread: (u: Unread) =>
      u.reason === "no-table"
        ? `NOT READ: sheet "${u.sheet}" holds numbers but no table was recognised; nothing there was checked.`
        : u.reason === "rows"
          ? `NOT READ IN FULL: table ${u.range} (sheet "${u.sheet}"): only ${u.rowsRead} of ${u.rowsTotal} rows with numbers were read.`
          : u.reason === "columns"
            ? `NOT READ: sheet "${u.sheet}", the column at ${u.range} holds numbers but its heading was not understood; not checked.`
            : `NOT READ: sheet "${u.sheet}", range ${u.range} holds numbers outside the tables read.`,
    headers: ["Severity", "Cell", "Rule", "Actual", "Expected", "Message"],
    severity: { error: "error", warning: "warning", info: "info" } as Record<Severity, string>,
    summary: (file: string, e: number, w: number, i: number) =>
      `Summary for ${file}: ${e} errors, ${w} warnings, ${i} infos.`,
    fixWrote: (n: number, f: number, v: number) =>
      `Wrote ${n} cells: ${f} formula cells (rates, totals, reductions, projections), ${v} cells rewritten as proper numbers (numbers stored as text, thousands dots).`,
    perSheet: (sheet: string, n: number) => `  - sheet "${sheet}": ${n} cells`,
    undecidedHead: (n: number) =>
      `${n} input cells are probably wrong and were left alone (a person must check):`,
    noUndecided: "No cell is left for a person to check.",
    savedTo: (file: string) => `Fixed copy: ${file}`,
    confirmHint: (roles: string | undefined) =>
      `  The table's reading is not confirmed. If it reads right, add ${roles ? `${roles} (or --trust-structure)` : "--trust-structure"} to the command; if not, give the right role with --roles (or a row's kind with --rows).`,
    nothingFixed: (errors: number) =>
      `Nothing fixed${errors > 0 ? `, ${errors} error${errors === 1 ? "" : "s"} left` : ""}: no cell the program can fix by itself; no output file written.`,
    savedInPlace: (file: string) => `Overwrote the original file: ${file}`,
  },
};

/** 1518 → "1.518" (vi) / "1,518" (en); 13.7 → "13,7" / "13.7". Text stays text, quoted. */
/** The command line's words in one language (the .docx report prints with them too). */
export function cliStrings(lang: Lang) {
  return STRINGS[lang];
}

export function formatValue(v: number | string | null | undefined, lang: Lang): string {
  return showValue(v, lang);
}

/** One finding as a row: the rule by its name in the reader's language (ids stay in JSON). */
function findingRow(f: Finding, lang: Lang, columns?: TableReport["columns"]): string[] {
  const s = STRINGS[lang];
  const role = roleOfCell(columns, f.cell);
  return [
    s.severity[f.severity],
    f.cell,
    findingTitle(f, lang, role),
    formatValue(f.actual, lang),
    formatValue(f.expected, lang),
    describeFinding(f, lang, role),
  ];
}

/** Columns padded to their widest cell; the last column (the message) is left as is. */
export function renderColumns(rows: string[][], indent = "  "): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, [...c].length)));
  return rows
    .map(
      (row) =>
        indent +
        row.map((c, i) => (i === row.length - 1 ? c : c + " ".repeat(widths[i] - [...c].length))).join("  "),
    )
    .join("\n");
}

export function renderTable(table: TableReport, lang: Lang): string {
  const s = STRINGS[lang];
  const lines = [s.table(table.sheet, table.range, table.rows.length)];
  if (table.findings.length === 0) lines.push(s.noFindings);
  else
    lines.push(renderColumns([s.headers, ...table.findings.map((f) => findingRow(f, lang, table.columns))]));
  // A reading in doubt: the exact options that settle it, to type on the next command.
  if (table.findings.some((f) => f.rule === "structure-unsure")) {
    const roles = confirmRolesOf(table.findings, table.columns);
    lines.push(s.confirmHint(roles));
  }
  return lines.join("\n");
}

/** The whole report: one block per table, sheets without a table named, then the summary. */
export function renderReport(report: Report, lang: Lang, sheetsWithoutTable: string[] = []): string {
  const s = STRINGS[lang];
  const blocks = report.tables.map((t) => renderTable(t, lang));
  const unread = report.unread ?? [];
  // A sheet with numbers and no table is said once, as not read (not merely "no table").
  const unreadSheets = new Set(unread.filter((u) => u.reason === "no-table").map((u) => u.sheet));
  for (const sheet of sheetsWithoutTable) if (!unreadSheets.has(sheet)) blocks.push(s.noTable(sheet));
  if (report.tables.length === 0 && sheetsWithoutTable.length === 0) blocks.push(s.noTableAnywhere);
  if (unread.length) blocks.push(unread.map((u) => s.unread(u)).join("\n"));
  const { errors, warnings, infos } = report.summary;
  // "0 lỗi" is never said of a file in which no table was read.
  blocks.push(
    (report.tables.length === 0
      ? s.nothingChecked(report.file)
      : s.summary(report.file, errors, warnings, infos)) +
      (unread.length ? ` ${s.unreadSummary(unread.length)}` : ""),
  );
  return blocks.join("\n\n") + "\n";
}

export interface FixSummary {
  output: string;
  inPlace: boolean;
  plan: WritePlan;
  /** Errors the tables still hold (said when nothing was written: "Chưa sửa gì, còn N lỗi"). */
  errorsLeft?: number;
  /** The option that confirms each refused table's reading, by "sheet|range" ("--roles E=poorRate"). */
  confirm?: Record<string, string | undefined>;
}

export function renderFix(
  { output, inPlace, plan, errorsLeft = 0, confirm = {} }: FixSummary,
  lang: Lang,
): string {
  const s = STRINGS[lang];
  const formulas = plan.writes.filter((w) => w.formula).length;
  const values = plan.writes.length - formulas;
  const wrote = plan.writes.length > 0;
  const lines = [wrote ? s.fixWrote(plan.writes.length, formulas, values) : s.nothingFixed(errorsLeft)];
  for (const r of plan.refused ?? [])
    lines.push(refusalLine(r.sheet, r.range, r.cells, lang, confirm[`${r.sheet}|${r.range}`]));
  const perSheet = new Map<string, number>();
  for (const w of plan.writes) perSheet.set(w.sheet, (perSheet.get(w.sheet) ?? 0) + 1);
  if (perSheet.size > 1) for (const [sheet, n] of perSheet) lines.push(s.perSheet(sheet, n));
  if (plan.undecided.length > 0) {
    lines.push("", s.undecidedHead(plan.undecided.length));
    lines.push(renderColumns([s.headers, ...plan.undecided.map((f) => findingRow(f, lang))]));
  } else if (wrote) {
    lines.push(s.noUndecided);
  }
  // A copy is announced only when something was written into it.
  if (wrote) lines.push("", inPlace ? s.savedInPlace(output) : s.savedTo(output));
  return lines.join("\n") + "\n";
}
