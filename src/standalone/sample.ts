// "Dùng bảng mẫu": a commune's plan table with three planted mistakes, built in the browser so the page can be
// tried without a file of one's own. The figures follow the domain's worked example (villages of 412, 288, 530,
// 197 and 355 households). The package is written here with fflate (a few small XML parts), so the page needs no
// spreadsheet library: it opens the sample through the same reader and patcher as any user's file.
import { strToU8, zipSync } from "fflate";
import { XlsxWorkbook } from "../hosts/xlsx/workbook";

export const SAMPLE_FILE = "bang-mau-phu-luc.xlsx";

type Value = string | number | null;

/**
 * Planted (by hand), everything else is right (D12 = 20+15+30+13+9 = 87; E12 = 87/1782 → 4.88):
 * - C12 total households 1792; the villages add up to 1782 (sum-mismatch).
 * - E9 rate 5.6; 30/530*100 = 5.660 → 5.66 (rate-mismatch).
 * - D10 "13" typed as text (number-as-text).
 */
const ROWS: Value[][] = [
  ["DỰ KIẾN TỶ LỆ HỘ NGHÈO XÃ HÒA BÌNH NĂM 2024"],
  ["(Kèm theo Kế hoạch số 45/KH-UBND ngày 15/01/2024 của UBND xã Hòa Bình)"],
  [],
  ["STT", "Tên thôn", "Tổng số hộ", "Hộ nghèo", null],
  [null, null, null, "Số hộ", "Tỷ lệ (%)"],
  ["A", "B", "1", "2", "3=2/1*100"],
  [1, "Thôn Đông", 412, 20, 4.85],
  [2, "Thôn Tây", 288, 15, 5.21],
  [3, "Thôn Nam", 530, 30, 5.6],
  [4, "Thôn Bắc", 197, "13", 6.6],
  [5, "Thôn Trung", 355, 9, 2.54],
  [null, "Tổng cộng", 1792, 87, 4.88],
];
const MERGES = ["A1:E1", "A2:E2", "A4:A5", "B4:B5", "C4:C5", "D4:E4"];
const BOLD_ROWS = new Set([1, 4, 5, 12]);
const WIDTHS = [6, 22, 12, 10, 10];

const xmlText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const colLetter = (c: number) => String.fromCharCode(64 + c);

/** Style index: 0 normal, 1 bold, 2 `#,##0`, 3 `0.00`, 4 bold `#,##0`, 5 bold `0.00`. */
function styleOf(row: number, col: number): number {
  const bold = BOLD_ROWS.has(row);
  const body = row >= 7;
  if (body && col === 3) return bold ? 4 : 2;
  if (body && col === 5) return bold ? 5 : 3;
  return bold ? 1 : 0;
}

function sheetXml(changes: Record<string, Value>): string {
  const rows: string[] = [];
  ROWS.forEach((values, i) => {
    const r = i + 1;
    const cells: string[] = [];
    for (let c = 1; c <= WIDTHS.length; c++) {
      const ref = `${colLetter(c)}${r}`;
      const v = ref in changes ? changes[ref] : (values[c - 1] ?? null);
      const s = styleOf(r, c);
      if (v === null || v === undefined) {
        if (s !== 0) cells.push(`<c r="${ref}" s="${s}"/>`);
      } else if (typeof v === "number") cells.push(`<c r="${ref}" s="${s}"><v>${v}</v></c>`);
      else
        cells.push(
          `<c r="${ref}" s="${s}" t="inlineStr"><is><t xml:space="preserve">${xmlText(v)}</t></is></c>`,
        );
    }
    rows.push(`<row r="${r}">${cells.join("")}</row>`);
  });
  const cols = WIDTHS.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join(
    "",
  );
  const merges = MERGES.map((m) => `<mergeCell ref="${m}"/>`).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    `<dimension ref="A1:E${ROWS.length}"/><cols>${cols}</cols><sheetData>${rows.join("")}</sheetData>` +
    `<mergeCells count="${MERGES.length}">${merges}</mergeCells></worksheet>`
  );
}

const STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
  `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
  `<fonts count="2"><font><sz val="12"/><name val="Times New Roman"/></font>` +
  `<font><b/><sz val="12"/><name val="Times New Roman"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="6">` +
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
  `<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>` +
  `<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
  `<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
  `<xf numFmtId="3" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>` +
  `<xf numFmtId="2" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>` +
  `</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** The sample as .xlsx bytes; `changes` (A1 → value) lets tests vary a cell. */
export function sampleBytes(sheetName: string, changes: Record<string, Value> = {}): Uint8Array {
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const pkg = "http://schemas.openxmlformats.org/package/2006/relationships";
  const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`;
  return zipSync({
    "[Content_Types].xml": strToU8(
      head +
        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
        `</Types>`,
    ),
    "_rels/.rels": strToU8(
      head +
        `<Relationships xmlns="${pkg}"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": strToU8(
      head +
        `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${rel}">` +
        `<sheets><sheet name="${xmlText(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      head +
        `<Relationships xmlns="${pkg}">` +
        `<Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
    ),
    "xl/worksheets/sheet1.xml": strToU8(sheetXml(changes)),
    "xl/styles.xml": strToU8(STYLES),
  });
}

/** The sample, opened as the page opens any file. */
export function sampleWorkbook(sheetName: string, changes: Record<string, Value> = {}): XlsxWorkbook {
  return XlsxWorkbook.open(sampleBytes(sheetName, changes), SAMPLE_FILE);
}
