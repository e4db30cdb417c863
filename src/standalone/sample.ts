// "Dùng bảng mẫu" on the standalone page: the bundled sample (src/taskpane/sampleTable.ts, shared with the Excel
// add-in's writer) as a small .xlsx package written here with fflate (a few XML parts), so the page needs no
// spreadsheet library: it opens the sample through the same reader and patcher as any user's file.
import { strToU8, zipSync } from "fflate";
import { XlsxWorkbook } from "../hosts/xlsx/workbook";
import {
  SAMPLE_COLUMNS,
  SAMPLE_COUNT_FORMAT,
  SAMPLE_FONT,
  SAMPLE_MERGES,
  SAMPLE_RANGE,
  SAMPLE_RATE_FORMAT,
  SAMPLE_ROWS,
  SAMPLE_WIDTHS,
  sampleBold,
  sampleNumberFormat,
  sampleValue,
  type SampleValue,
} from "../hosts/sample-table";

export const SAMPLE_FILE = "bang-mau-phu-luc.xlsx";

type Value = SampleValue;

const xmlText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const colLetter = (c: number) => String.fromCharCode(64 + c);

/** Built-in number format ids of the formats the sample uses. */
const NUM_FMT_ID: Record<string, number> = { General: 0, [SAMPLE_COUNT_FORMAT]: 3, [SAMPLE_RATE_FORMAT]: 2 };
const FORMATS = [SAMPLE_COUNT_FORMAT, SAMPLE_RATE_FORMAT];

/** Style index: 0 normal, 1 bold, 2 `#,##0`, 3 bold `#,##0`, 4 `0.00`, 5 bold `0.00` (the order of XFS). */
function styleOf(row: number, col: number): number {
  const bold = sampleBold(row) ? 1 : 0;
  const format = FORMATS.indexOf(sampleNumberFormat(row, col));
  return format < 0 ? bold : 2 + format * 2 + bold;
}

function sheetXml(changes: Record<string, Value>): string {
  const rows: string[] = [];
  SAMPLE_ROWS.forEach((_, i) => {
    const r = i + 1;
    const cells: string[] = [];
    for (let c = 1; c <= SAMPLE_COLUMNS; c++) {
      const ref = `${colLetter(c)}${r}`;
      const v = sampleValue(r, c, changes);
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
  const cols = SAMPLE_WIDTHS.map(
    (w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`,
  ).join("");
  const merges = SAMPLE_MERGES.map((m) => `<mergeCell ref="${m}"/>`).join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    `<dimension ref="${SAMPLE_RANGE}"/><cols>${cols}</cols><sheetData>${rows.join("")}</sheetData>` +
    `<mergeCells count="${SAMPLE_MERGES.length}">${merges}</mergeCells></worksheet>`
  );
}

const font = (bold: boolean) =>
  `<font>${bold ? "<b/>" : ""}<sz val="${SAMPLE_FONT.size}"/><name val="${xmlText(SAMPLE_FONT.name)}"/></font>`;
/** One xf per style index of styleOf: (format, bold) in that order. */
const XFS = ["General", ...FORMATS].flatMap((format) =>
  [false, true].map((bold) => {
    const id = NUM_FMT_ID[format];
    const apply = `${id ? ' applyNumberFormat="1"' : ""}${bold ? ' applyFont="1"' : ""}`;
    return `<xf numFmtId="${id}" fontId="${bold ? 1 : 0}" fillId="0" borderId="0" xfId="0"${apply}/>`;
  }),
);

const STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
  `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
  `<fonts count="2">${font(false)}${font(true)}</fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="${XFS.length}">${XFS.join("")}</cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

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
