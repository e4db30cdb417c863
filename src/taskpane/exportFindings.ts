// "Sao chép kết quả" and "Xuất danh sách": the findings of one table as plain text to paste into a report, and as
// a small .xlsx an official can file. The workbook is written by hand (four XML parts zipped with fflate), so the
// pane does not carry a spreadsheet library for one list.
import { zipSync, strToU8 } from "fflate";
import { summarize, type Finding } from "../engine";
import { fmt, formatNumber, SEVERITY_NAMES, uiStrings, type UiLang } from "../i18n/ui";
import { findingTitle } from "../i18n/findings";
import { findingText } from "../hosts/analysis";

export interface ExportSource {
  sheet: string;
  range: string;
  findings: readonly Finding[];
  lang: UiLang;
}

const RANK = { error: 0, warning: 1, info: 2 } as const;

/** Errors first, then warnings, then infos, as the pane lists them (stable within a severity). */
export function bySeverity(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

/** The plain-text summary: a heading, the counts, then one line per finding ("- E10 (Lỗi) Tỷ lệ sai: …"). */
export function findingsText({ sheet, range, findings, lang }: ExportSource): string {
  const t = uiStrings(lang);
  const s = summarize(findings);
  const lines = [
    fmt(t.reportHeading, { range, sheet }),
    s.errors + s.warnings === 0 && s.infos === 0
      ? t.reportNone
      : fmt(t.reportCounts, {
          errors: formatNumber(s.errors, lang),
          warnings: formatNumber(s.warnings, lang),
          infos: formatNumber(s.infos, lang),
        }),
  ];
  for (const f of bySeverity(findings)) {
    lines.push(`- ${f.cell} (${severityName(f, lang)}) ${ruleName(f, lang)}: ${findingText(f, lang)}`);
  }
  return lines.join("\n");
}

function severityName(f: Finding, lang: UiLang): string {
  const plural = SEVERITY_NAMES[lang][f.severity];
  // The headings are plural in English ("Errors"); one finding reads better singular.
  return lang === "en" ? plural.replace(/s$/, "") : plural;
}

/** The same title the card shows (a probable typo is "Có thể nhập sai", whatever rule exposed it). */
function ruleName(f: Finding, lang: UiLang): string {
  return findingTitle(f, lang);
}

function xml(text: string): string {
  // Control characters other than tab, newline and return are not allowed in XML 1.0.
  const allowed = text
    .split("")
    .filter((ch) => {
      const code = ch.charCodeAt(0);
      return code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
    })
    .join("");
  return allowed.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function columnName(i: number): string {
  let n = i + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The findings as a one-sheet .xlsx: cell, severity, kind, finding, found, expected. Inline strings only. */
export function findingsWorkbook(source: ExportSource): Uint8Array {
  const t = uiStrings(source.lang);
  const header = [t.cell, t.colSeverity, t.colRule, t.colMessage, t.actual, t.expected];
  const rows: (string | number | null)[][] = [
    [fmt(t.reportHeading, { range: source.range, sheet: source.sheet })],
    [],
    header,
    ...bySeverity(source.findings).map((f) => [
      f.cell,
      severityName(f, source.lang),
      ruleName(f, source.lang),
      findingText(f, source.lang),
      f.actual,
      f.expected,
    ]),
  ];
  const body = rows
    .map((cells, r) => {
      const inner = cells
        .map((v, c) => {
          const ref = `${columnName(c)}${r + 1}`;
          const bold = r === 0 || r === 2 ? ' s="1"' : "";
          if (v === null || v === "") return "";
          if (typeof v === "number" && Number.isFinite(v)) return `<c r="${ref}"${bold}><v>${v}</v></c>`;
          return `<c r="${ref}" t="inlineStr"${bold}><is><t xml:space="preserve">${xml(String(v))}</t></is></c>`;
        })
        .join("");
      return `<row r="${r + 1}">${inner}</row>`;
    })
    .join("");
  const sheetName = xml(source.lang === "en" ? "Findings" : "Kết quả");
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        "</Types>",
    ),
    "_rels/.rels": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        "</Relationships>",
    ),
    "xl/workbook.xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        `<sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
        "</Relationships>",
    ),
    "xl/styles.xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        '<fonts count="2"><font><sz val="11"/><name val="Times New Roman"/></font>' +
        '<font><b/><sz val="11"/><name val="Times New Roman"/></font></fonts>' +
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
        "</styleSheet>",
    ),
    "xl/worksheets/sheet1.xml": strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
        '<cols><col min="1" max="1" width="8" customWidth="1"/><col min="2" max="2" width="12" customWidth="1"/>' +
        '<col min="3" max="3" width="26" customWidth="1"/><col min="4" max="4" width="70" customWidth="1"/>' +
        '<col min="5" max="6" width="12" customWidth="1"/></cols>' +
        `<sheetData>${body}</sheetData></worksheet>`,
    ),
  };
  return zipSync(files, { level: 6 });
}

/** `Ke hoach 2024.xlsx` / sheet "KH 2024" → `ket-qua-KH 2024.xlsx` (no characters a file system refuses). */
export function exportFileName(sheet: string, lang: UiLang): string {
  const safe = sheet.replace(/[\\/:*?"<>|]+/g, "-").trim() || "bang";
  return `${lang === "en" ? "findings" : "ket-qua"}-${safe}.xlsx`;
}

/** Offers bytes as a download (an anchor with a blob URL; nothing leaves the page). */
export function downloadBytes(bytes: Uint8Array, name: string, type: string): void {
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
