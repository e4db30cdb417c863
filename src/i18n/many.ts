// Every sentence of the many-files jobs (consolidate, cross-level check, year over year), Vietnamese first. The
// engine returns codes and params (src/engine/consolidate); these functions make what a person reads.
import type {
  ConsolidationLabels,
  Consolidation,
  CrossFinding,
  ManyIssue,
  UnitSource,
  YearComparison,
  YearFinding,
} from "../engine";
import { signatureLabels } from "./appendix";
import { describeFinding } from "./findings";
import type { Lang } from "./lang";
import { naturalDecimals, showNumber } from "./numbers";

// Decimals as given, else the number's own (at most 6, written out: 13,698630).
const n = (x: number, lang: Lang, d?: number) => showNumber(x, lang, d ?? naturalDecimals(x));
const s = (p: Record<string, string | number>, k: string) => String(p[k] ?? "");
const errorsEn = (n: string | number | undefined) => `${n ?? 0} error${Number(n) === 1 ? "" : "s"}`;

/** One line per issue of a consolidation, naming the file. */
export function describeIssue(issue: ManyIssue, lang: Lang = "vi", surface: "cli" | "pane" = "cli"): string {
  const line = describeIssueCli(issue, lang);
  return surface === "cli" ? line : forPane(line, lang);
}

/** The pane names its own checkboxes where the command line names its options. */
function forPane(line: string, lang: Lang): string {
  const vi = lang === "vi";
  return line
    .replace(
      / \(xem "phuluc check [^"]*"; dùng --include-flawed để vẫn đưa vào\)/,
      " (đánh dấu “Vẫn đưa vào tệp có lỗi” để vẫn đưa vào)",
    )
    .replace(
      / \(see "phuluc check [^"]*"; --include-flawed includes it anyway\)/,
      " (tick “Include files with errors anyway” to include it)",
    )
    .replace(
      / \(--include-flawed\)/,
      vi ? " (đã đánh dấu “Vẫn đưa vào tệp có lỗi”)" : " (“Include files with errors anyway” is ticked)",
    )
    .replace(
      / \(--allow-missing\)/,
      vi ? " (đã đánh dấu “Bỏ qua tệp không đọc được”)" : " (“Skip files that cannot be read” is ticked)",
    );
}

function describeIssueCli(issue: ManyIssue, lang: Lang): string {
  const p = issue.params;
  const file = issue.file ?? "";
  const vi = lang === "vi";
  switch (issue.code) {
    case "no-table":
      return vi
        ? `${file}: không có bảng số liệu nào đọc được — nguồn bắt buộc bị thiếu`
        : `${file}: no readable data table — a required source is missing`;
    case "no-total":
      return vi
        ? `${file}, trang "${s(p, "sheet")}" bảng ${s(p, "range")}: bảng không có dòng tổng, không lấy được số của ${s(p, "unit")}`
        : `${file}, sheet "${s(p, "sheet")}" table ${s(p, "range")}: the table has no total row; nothing to take for ${s(p, "unit")}`;
    case "errors":
      return p.included
        ? vi
          ? `${file}: ${s(p, "unit")} có ${s(p, "errors")} lỗi nhưng vẫn được đưa vào (--include-flawed)`
          : `${file}: ${s(p, "unit")} has ${errorsEn(p.errors)} but is included (--include-flawed)`
        : vi
          ? `${file}: ${s(p, "unit")} có ${s(p, "errors")} lỗi, không đưa vào bảng tổng hợp (xem "phuluc check ${file}"; dùng --include-flawed để vẫn đưa vào)`
          : `${file}: ${s(p, "unit")} has ${errorsEn(p.errors)} and is left out (see "phuluc check ${file}"; --include-flawed includes it anyway)`;
    case "unsure":
      return p.included
        ? vi
          ? `${file}: chưa chắc đã đọc đúng bảng của ${s(p, "unit")} nhưng vẫn được đưa vào (--include-flawed)`
          : `${file}: the reading of ${s(p, "unit")}'s table is unsure but it is included (--include-flawed)`
        : vi
          ? `${file}: chưa chắc đã đọc đúng bảng ${s(p, "range")} của ${s(p, "unit")}, không đưa vào (xem "phuluc check ${file}"; dùng --include-flawed để vẫn đưa vào)`
          : `${file}: unsure of the reading of ${s(p, "unit")}'s table ${s(p, "range")}; left out (see "phuluc check ${file}"; --include-flawed includes it anyway)`;
    case "duplicate-unit":
      return vi
        ? `${s(p, "second")}: cùng đơn vị ${s(p, "unit")} với ${s(p, "first")} — hai nguồn cho một đơn vị, không ghi bảng tổng hợp`
        : `${s(p, "second")}: the same unit ${s(p, "unit")} as ${s(p, "first")} — two sources for one unit; nothing written`;
    case "mixed-years":
      return vi
        ? `${file}: bảng của ${s(p, "unit")} là năm ${s(p, "year")}, các tệp khác là năm ${s(p, "expected")} — không trộn số liệu của hai năm`
        : `${file}: ${s(p, "unit")}'s table is for ${s(p, "year")}, the other files for ${s(p, "expected")} — years are not mixed`;
    case "missing-column":
      return vi
        ? `${file}: ${s(p, "unit")} không có cột "${s(p, "header").replace(/ > /g, " - ")}", ô đó để trống`
        : `${file}: ${s(p, "unit")} has no column "${s(p, "header").replace(/ > /g, " - ")}"; that cell is left empty`;
    case "nothing-included":
      return vi
        ? `không có nguồn nào dùng được trong ${s(p, "sources")} tệp, không ghi bảng tổng hợp`
        : `none of the ${s(p, "sources")} files can be used; nothing written`;
  }
}

/** A file that could not be opened as a workbook (.xls, missing, damaged): the reader's own sentence (it names the file). */
export function unreadableLine(
  reason: string,
  required: boolean,
  lang: Lang = "vi",
  surface: "cli" | "pane" = "cli",
): string {
  const line = unreadableLineCli(reason, required, lang);
  return surface === "cli" ? line : forPane(line, lang);
}

function unreadableLineCli(reason: string, required: boolean, lang: Lang): string {
  if (!required)
    return lang === "vi"
      ? `${reason} — để ra ngoài (--allow-missing)`
      : `${reason} — left out (--allow-missing)`;
  return lang === "vi" ? `${reason} — nguồn bắt buộc bị thiếu` : `${reason} — a required source is missing`;
}

/** The one-line check result of a source, for the "Nguồn" sheet and the listing. */
export function checkResult(source: UnitSource, lang: Lang = "vi"): string {
  const vi = lang === "vi";
  switch (source.status) {
    case "no-table":
      return vi ? "Không đọc được bảng" : "No readable table";
    case "no-total":
      return vi ? "Bảng không có dòng tổng" : "No total row";
    case "unsure":
      return vi ? "Chưa chắc đã đọc đúng cấu trúc bảng" : "Unsure of the table's reading";
    default: {
      const legacy = source.legacyEncoding
        ? vi
          ? ` (chữ ${source.legacyEncoding.toUpperCase()}, đã đọc được)`
          : ` (${source.legacyEncoding.toUpperCase()} text, read)`
        : "";
      if (source.errors === 0 && source.warnings === 0)
        return (vi ? "Không có sai sót" : "No problems") + legacy;
      const first = source.findings[0];
      const head = vi
        ? `${source.errors} lỗi, ${source.warnings} cảnh báo`
        : `${source.errors} errors, ${source.warnings} warnings`;
      return first ? `${head}: ${describeFinding(first, lang)}` : head;
    }
  }
}

/** The words of the consolidated workbook. */
export function consolidationLabels(
  result: Consolidation,
  lang: Lang = "vi",
  options: { title?: string; subtitle?: string; area?: string } = {},
): ConsolidationLabels {
  const vi = lang === "vi";
  const year = result.year !== undefined ? ` ${vi ? "NĂM" : ""} ${result.year}`.replace(/\s+/g, " ") : "";
  const area = options.area ? ` ${options.area.toLocaleUpperCase("vi")}` : "";
  const notes = result.issues
    .filter((i) => i.code === "missing-column")
    .map((i) => (vi ? "Ghi chú: " : "Note: ") + describeIssue(i, lang));
  return {
    signature: signatureLabels(lang),
    sheetName: vi ? "Tổng hợp" : "Consolidated",
    title:
      options.title ??
      (vi
        ? `TỔNG HỢP KẾT QUẢ HỘ NGHÈO, HỘ CẬN NGHÈO${area}${year}`
        : `CONSOLIDATED POOR AND NEAR-POOR HOUSEHOLDS${area}${year}`),
    subtitle:
      options.subtitle ??
      (vi
        ? `(Tổng hợp từ ${result.rows.length} báo cáo của đơn vị; nguồn từng số liệu ở trang "Nguồn")`
        : `(Consolidated from ${result.rows.length} unit reports; the source of every figure is on sheet "Sources")`),
    rowNumber: vi ? "STT" : "No.",
    unit: vi ? "Đơn vị" : "Unit",
    total: vi ? "Tổng cộng" : "Total",
    sourcesSheetName: vi ? "Nguồn" : "Sources",
    sourcesTitle: vi ? "NGUỒN SỐ LIỆU TỔNG HỢP" : "SOURCES OF THE CONSOLIDATED FIGURES",
    file: vi ? "Tệp" : "File",
    sheet: vi ? "Trang tính" : "Sheet",
    range: vi ? "Vùng bảng" : "Table range",
    totalRow: vi ? "Dòng tổng" : "Total row",
    check: vi ? "Kết quả kiểm tra" : "Check result",
    included: vi ? "Đưa vào tổng hợp" : "Included",
    yes: vi ? "Có" : "Yes",
    no: vi ? "Không" : "No",
    sha256: "SHA-256",
    checkResult: (src) => checkResult(src, lang),
    notes,
  };
}

const value = (v: number | string | null | undefined, lang: Lang, d?: number) =>
  v === null || v === undefined
    ? lang === "vi"
      ? "(trống)"
      : "(empty)"
    : typeof v === "number"
      ? n(v, lang, d)
      : `"${v}"`;

/** "bảng huyện ghi 1.392, báo cáo của xã ghi 1.329" on the higher table's cell. */
export function describeCross(f: CrossFinding, lang: Lang = "vi"): string {
  const p = f.params;
  const vi = lang === "vi";
  switch (f.code) {
    case "cross-level-mismatch":
      return vi
        ? `${f.cell} (${f.unit}, ${s(p, "header").replace(/ > /g, " - ")}): bảng tổng hợp ghi ${value(f.actual, lang, f.decimals)}, báo cáo của đơn vị ghi ${value(f.expected, lang, f.decimals)} (${s(p, "file")}, ô ${s(p, "sourceCell")})`
        : `${f.cell} (${f.unit}, ${s(p, "header").replace(/ > /g, " - ")}): the consolidated table says ${value(f.actual, lang, f.decimals)}, the unit's report says ${value(f.expected, lang, f.decimals)} (${s(p, "file")}, cell ${s(p, "sourceCell")})`;
    case "cross-level-no-source":
      return vi
        ? `${f.cell}: không có báo cáo nào của ${f.unit} trong các tệp đối chiếu`
        : `${f.cell}: no report of ${f.unit} among the files to check against`;
    case "cross-level-flawed-source":
      return vi
        ? `${f.cell}: báo cáo của ${f.unit} (${s(p, "file")}) ${p.status === "unsure" ? "chưa chắc đã đọc đúng" : `có ${s(p, "errors")} lỗi`}, không dùng để đối chiếu`
        : `${f.cell}: ${f.unit}'s report (${s(p, "file")}) ${p.status === "unsure" ? "could not be read with certainty" : `has ${errorsEn(p.errors)}`}; not used to check against`;
    case "cross-level-no-row":
      return vi
        ? `${s(p, "file")}: ${f.unit} không có dòng nào trong bảng tổng hợp`
        : `${s(p, "file")}: ${f.unit} has no row in the consolidated table`;
  }
}

/** One year-over-year finding as a sentence. */
export function describeYear(f: YearFinding, lang: Lang = "vi"): string {
  const p = f.params;
  const vi = lang === "vi";
  const header = s(p, "header").replace(/ > /g, " - ");
  switch (f.code) {
    case "start-not-last-end":
      return vi
        ? `${f.cell} (${f.unit}, ${header}): đầu năm nay ghi ${value(f.actual, lang, f.decimals)}, cuối năm trước ghi ${value(f.expected, lang, f.decimals)} (trang "${s(p, "lastSheet")}", ô ${s(p, "lastCell")})`
        : `${f.cell} (${f.unit}, ${header}): this year starts at ${value(f.actual, lang, f.decimals)}, last year ended at ${value(f.expected, lang, f.decimals)} (sheet "${s(p, "lastSheet")}", cell ${s(p, "lastCell")})`;
    case "stale-column":
      return vi
        ? `Cột ${s(p, "column")} (${header}) giống hệt cột ${s(p, "lastColumn")} của năm trước ở cả ${s(p, "rows")} đơn vị, trong khi số hộ đã thay đổi ở ${s(p, "moved")} đơn vị (cột ${s(p, "witness")}): có thể là cột chép từ năm trước`
        : `Column ${s(p, "column")} (${header}) is identical to last year's column ${s(p, "lastColumn")} in all ${s(p, "rows")} units while the counts moved in ${s(p, "moved")} (column ${s(p, "witness")}): probably copied from last year`;
    case "target-not-met": {
      const unit = p.measure === "points" ? (vi ? " điểm %" : " points") : vi ? " hộ" : " households";
      return vi
        ? `${f.unit}: chỉ tiêu năm trước giảm ${value(f.expected, lang)}${unit} (ô ${s(p, "plannedCell")}), thực hiện giảm ${value(f.actual, lang)}${unit} — Không đạt`
        : `${f.unit}: last year's target was a reduction of ${value(f.expected, lang)}${unit} (cell ${s(p, "plannedCell")}), the actual reduction is ${value(f.actual, lang)}${unit} — not met`;
    }
    case "target-verdict-wrong": {
      const verdict = p.met ? (vi ? "Đạt" : "met") : vi ? "Không đạt" : "not met";
      return vi
        ? `${f.cell}: ghi ${value(f.actual, lang)} nhưng chỉ tiêu giảm ${n(Number(p.planned), lang)}, thực hiện giảm ${n(Number(p.achieved), lang)} — đúng là "${verdict}"`
        : `${f.cell}: says ${value(f.actual, lang)} but the target was ${n(Number(p.planned), lang)} and the reduction ${n(Number(p.achieved), lang)} — it is "${verdict}"`;
    }
    case "households-changed":
      return vi
        ? `${f.cell} (${f.unit}): tổng số hộ ${value(f.actual, lang)}, năm trước ${value(f.expected, lang)} (ô ${s(p, "lastCell")}): thay đổi ${n(Number(p.percent), lang)}%, quá ngưỡng ±${n(Number(p.threshold), lang)}%`
        : `${f.cell} (${f.unit}): ${value(f.actual, lang)} households, last year ${value(f.expected, lang)} (cell ${s(p, "lastCell")}): a change of ${n(Number(p.percent), lang)}%, beyond ±${n(Number(p.threshold), lang)}%`;
    case "unit-added":
      return vi
        ? `${f.cell}: ${f.unit} là đơn vị mới, năm trước không có`
        : `${f.cell}: ${f.unit} is new; last year had no such unit`;
    case "unit-removed":
      return vi
        ? `${f.unit} (trang "${s(p, "lastSheet")}", ô ${f.cell}) có năm trước nhưng năm nay không có`
        : `${f.unit} (sheet "${s(p, "lastSheet")}", cell ${f.cell}) was there last year and is missing this year`;
    case "unit-renamed":
      return vi
        ? `${f.cell}: "${s(p, "to")}" có vẻ là "${s(p, "from")}" của năm trước đổi tên (chưa so sánh số liệu; nếu đúng là một đơn vị, hãy ghi thống nhất tên)`
        : `${f.cell}: "${s(p, "to")}" looks like last year's "${s(p, "from")}" renamed (not compared; if it is the same unit, spell the name the same way)`;
  }
}

/** The summary lines of a comparison: matched, added, removed, renamed-looking, targets. */
export function describeComparison(c: YearComparison, lang: Lang = "vi"): string[] {
  const vi = lang === "vi";
  const lines = [
    vi
      ? `So sánh năm ${c.lastYear ?? "trước"} với năm ${c.year ?? "nay"}: ${c.matched.length} đơn vị khớp tên, ${c.added.length} đơn vị mới, ${c.removed.length} đơn vị không còn, ${c.renamed.length} đơn vị có vẻ đổi tên.`
      : `Comparing ${c.lastYear ?? "last year"} with ${c.year ?? "this year"}: ${c.matched.length} units matched by name, ${c.added.length} new, ${c.removed.length} gone, ${c.renamed.length} renamed-looking.`,
  ];
  if (c.targets.length) {
    const met = c.targets.filter((t) => t.met).length;
    lines.push(
      vi
        ? `Chỉ tiêu giảm nghèo năm trước: ${met}/${c.targets.length} đơn vị Đạt (tính từ số liệu): ${c.targets.map((t) => `${t.unit} ${t.met ? "Đạt" : "Không đạt"}`).join("; ")}.`
        : `Last year's reduction targets: ${met}/${c.targets.length} units met (computed from the figures): ${c.targets.map((t) => `${t.unit} ${t.met ? "met" : "not met"}`).join("; ")}.`,
    );
  }
  return lines;
}

/** The pane's "Nhiều tệp" tab. */
export const MANY_UI = {
  vi: {
    tab: "Nhiều tệp",
    consolidateTitle: "Gộp báo cáo của các đơn vị",
    consolidateHint:
      "Chọn tệp .xlsx của từng xã (hoặc thôn). Mỗi tệp được kiểm tra trước; tệp có lỗi hoặc chưa chắc đọc đúng được liệt kê và để ra ngoài.",
    pickFiles: "Chọn các tệp của đơn vị",
    includeFlawed: "Vẫn đưa vào tệp có lỗi",
    allowMissing: "Bỏ qua tệp không đọc được",
    order: "Thứ tự",
    orderGiven: "Theo thứ tự chọn",
    orderAlpha: "Theo vần A, B, C",
    reading: (n: number) => `Đang đọc ${n} tệp…`,
    summary: (included: number, left: number) => `${included} đơn vị đưa vào, ${left} để ra ngoài.`,
    writeHere: "Ghi vào sổ tính này",
    download: "Tải về tệp tổng hợp",
    written: (a: string, b: string) => `Đã ghi trang tính mới “${a}” và “${b}”.`,
    notWritten: "Chưa ghi được bảng tổng hợp:",
    crossTitle: "Đối chiếu bảng này với báo cáo cấp dưới",
    crossHint: "So từng dòng đơn vị của bảng đang mở với dòng tổng của tệp cùng tên đã chọn ở trên.",
    crossNone: (compared: number) => `Đã so ${compared} ô: không có ô nào khác.`,
    noTable: "Chưa có bảng nào được đọc ở trang tính này.",
    yearTitle: "So sánh với năm trước",
    yearHint: "Chọn bảng năm trước của cùng các đơn vị: bảng đang mở là năm nay.",
    pickLastYear: "Chọn tệp năm trước",
    sourcesList: "Các tệp đã chọn",
    findingsList: "Kết quả",
  },
  en: {
    tab: "Many files",
    consolidateTitle: "Consolidate the units' reports",
    consolidateHint:
      "Choose each commune's (or village's) .xlsx file. Each is checked first; a file with errors or an unsure reading is listed and left out.",
    pickFiles: "Choose the units' files",
    includeFlawed: "Include files with errors anyway",
    allowMissing: "Skip files that cannot be read",
    order: "Order",
    orderGiven: "As chosen",
    orderAlpha: "Alphabetical",
    reading: (n: number) => `Reading ${n} files…`,
    summary: (included: number, left: number) => `${included} units included, ${left} left out.`,
    writeHere: "Write into this workbook",
    download: "Download the consolidated file",
    written: (a: string, b: string) => `Wrote the new sheets “${a}” and “${b}”.`,
    notWritten: "The consolidated table cannot be written yet:",
    crossTitle: "Check this table against the lower level's reports",
    crossHint:
      "Each unit row of the open table against the total row of the file of the same unit chosen above.",
    crossNone: (compared: number) => `Compared ${compared} cells: none differs.`,
    noTable: "No table has been read on this sheet yet.",
    yearTitle: "Compare with last year",
    yearHint: "Choose last year's table of the same units: the open table is this year's.",
    pickLastYear: "Choose last year's file",
    sourcesList: "Chosen files",
    findingsList: "Results",
  },
};
