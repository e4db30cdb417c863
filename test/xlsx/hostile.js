"use strict";
// Crafted workbooks from the probe of issue 24, generated (never stored in git): each is a real commune table with
// one hostile thing added. Used by test/xlsx/hostile.test.ts, the page test and `node test/xlsx/hostile.js DIR`
// (writes every probe into DIR, for measuring the CLI on them).
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { strToU8 } = require("fflate");

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const str = (ref, s) => `<c r="${ref}" t="inlineStr"><is><t>${esc(s)}</t></is></c>`;
const num = (ref, n, style = 0) => `<c r="${ref}"${style ? ` s="${style}"` : ""}><v>${n}</v></c>`;

/** Households, poor households, rate (%) of five villages; Đông's rate is wrong (6,20 for 5,58). */
const UNITS = [
  ["Thôn Đông", 412, 23, 6.2],
  ["Thôn Tây", 288, 17, 5.9],
  ["Thôn Nam", 530, 41, 7.74],
  ["Thôn Bắc", 197, 9, 4.57],
  ["Thôn Trung", 355, 22, 6.2],
];

/** The table's rows (sheetData content without the closing tag), rows 1 to 10. */
function tableRows() {
  const rows = [
    `<row r="1">${str("A1", "TỔNG HỢP HỘ NGHÈO NĂM 2024")}</row>`,
    `<row r="3">${str("A3", "STT")}${str("B3", "Tên đơn vị")}${str("C3", "Tổng số hộ")}${str("D3", "Số hộ nghèo")}${str("E3", "Tỷ lệ hộ nghèo (%)")}</row>`,
  ];
  let households = 0;
  let poor = 0;
  UNITS.forEach(([name, h, p, rate], i) => {
    const r = 4 + i;
    households += h;
    poor += p;
    rows.push(
      `<row r="${r}">${num(`A${r}`, i + 1)}${str(`B${r}`, name)}${num(`C${r}`, h)}${num(`D${r}`, p)}${num(`E${r}`, rate, 1)}</row>`,
    );
  });
  const t = 4 + UNITS.length;
  const totalRate = Math.round((poor / households) * 10000) / 100;
  rows.push(
    `<row r="${t}">${str(`A${t}`, "")}${str(`B${t}`, "Tổng cộng")}${num(`C${t}`, households)}${num(`D${t}`, poor)}${num(`E${t}`, totalRate, 1)}</row>`,
  );
  return rows.join("");
}

const STYLES = `${XML}<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="13"/><name val="Times New Roman"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

/**
 * A package with one sheet "Bảng" (`sheet` is the whole worksheet part, as a string or bytes); `parts` replaces or
 * adds parts (string or bytes). Entries are deflated at `level`.
 */
function makePackage(sheet, parts = {}, level = 6) {
  const files = {
    "[Content_Types].xml": `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    "_rels/.rels": `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `${XML}<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="Bảng" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>`,
    "xl/_rels/workbook.xml.rels": `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${R}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${R}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    "xl/worksheets/sheet1.xml": sheet,
    "xl/styles.xml": STYLES,
    "xl/sharedStrings.xml": `${XML}<sst xmlns="${MAIN}" count="1" uniqueCount="1"><si><t>Ghi chú</t></si></sst>`,
    ...parts,
  };
  return zip(
    Object.entries(files)
      .filter(([, data]) => data !== undefined)
      .map(([name, data]) => [name, typeof data === "string" ? strToU8(data) : data]),
    level,
  );
}

/**
 * A zip written here with Node's zlib (fast on the 100 MB probes; independent of the product's writer). `level` 0
 * stores the entries, so their bytes can be found and altered in the file.
 */
function zip(entries, level) {
  const local = [];
  const central = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const n = Buffer.from(name, "utf8");
    const body = level === 0 ? data : zlib.deflateRawSync(data, { level });
    const crc = zlib.crc32 ? zlib.crc32(data) : crc32(data);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6);
    head.writeUInt16LE(level === 0 ? 0 : 8, 8);
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(body.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(n.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(level === 0 ? 0 : 8, 10);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(n.length, 28);
    dir.writeUInt32LE(offset, 42);
    local.push(head, n, body);
    central.push(dir, n);
    offset += 30 + n.length + body.length;
  }
  const size = central.reduce((a, b) => a + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, ...central, end]));
}

function crc32(data) {
  let c = -1;
  for (let i = 0; i < data.length; i++) {
    c ^= data[i];
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ -1) >>> 0;
}

/** The worksheet part around sheetData content. */
function worksheet(sheetData, after = "") {
  return `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${R}"><sheetData>${sheetData}</sheetData>${after}</worksheet>`;
}

/** The clean-reading twin every probe starts from. */
function plainTable() {
  return makePackage(worksheet(tableRows()));
}

/** Issue 24.1: a cell at row 4,294,967,295 (a 7.7 KB file made the CLI allocate every row up to it). */
function rowBeyondGrid() {
  return makePackage(worksheet(`${tableRows()}<row r="4294967295">${num("A4294967295", 1)}</row>`));
}

/** Issue 24.1: `<row r="2000000000">` with a cell that has no address of its own. */
function rowTwoBillion() {
  return makePackage(worksheet(`${tableRows()}<row r="2000000000"><c><v>1</v></c></row>`));
}

/** Issue 24.1: a column beyond XFD. */
function columnBeyondGrid() {
  return makePackage(worksheet(`${tableRows()}<row r="12">${num("XFE12", 1)}</row>`));
}

/** Issues 24.1 and 24.2: the table plus one value at XFD1048576, Excel's last cell: read, and quickly. */
function lastCellUsed() {
  return makePackage(worksheet(`${tableRows()}<row r="1048576">${num("XFD1048576", 1)}</row>`));
}

/**
 * Deterministic noise (a small LCG), so a part compresses less than the bomb limit (ratio 200) lets through
 * while staying small on disk.
 */
function noise(seed) {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x;
  };
}

/**
 * `count` repetitions of `unit` as bytes, with a random lowercase letter in place of every `every`-th unit's first
 * character when `noisy` (keeps the compression ratio under the bomb limit of 200, so the reader gets to parse it).
 */
function noisyRepeat(count, unit, every) {
  const u = strToU8(unit);
  const out = new Uint8Array(count * u.length);
  out.set(u, 0);
  let filled = u.length;
  while (filled < out.length) {
    const n = Math.min(filled, out.length - filled);
    out.copyWithin(filled, 0, n);
    filled += n;
  }
  const rnd = noise(24);
  for (let i = 0; i < count; i += every) out[i * u.length + 1] = 97 + (rnd() % 26);
  return out;
}

/** Issue 24.3: `depth` nested elements inside a cell (40 million crashed the CLI at 4.6 GB from a 1 MB file). */
function deepNesting(depth = 40000000) {
  const head = `${XML}<worksheet xmlns="${MAIN}"><sheetData>${tableRows()}<row r="12"><c r="A12" t="inlineStr"><is>`;
  return makePackage(concat([strToU8(head), noisyRepeat(depth, "<x>", 40)]), {}, 1);
}

/** Issue 24.3: one `<c>` with `count` attributes (10 million ran for minutes). */
function manyAttributes(count = 10000000) {
  const attrs = [];
  for (let i = 0; i < count; i += 100000) {
    let s = "";
    for (let j = i; j < Math.min(count, i + 100000); j++) s += ` a${j.toString(36)}="1"`;
    attrs.push(strToU8(s));
  }
  const head = strToU8(`${XML}<worksheet xmlns="${MAIN}"><sheetData>${tableRows()}<row r="12"><c r="A12"`);
  const tail = strToU8(`><v>1</v></c></row></sheetData></worksheet>`);
  return makePackage(concat([head, ...attrs, tail]));
}

/** Issue 24.3: a shared string of `size` characters (100 MB peaked at 4 GB). */
function hugeSharedString(size = 100 * 1024 * 1024) {
  const sst = concat([
    strToU8(`${XML}<sst xmlns="${MAIN}" count="2" uniqueCount="2"><si><t>Ghi chú</t></si><si><t>`),
    noisyRepeat(size / 2, "ab", 60),
    strToU8(`</t></si></sst>`),
  ]);
  return makePackage(
    worksheet(`${tableRows()}<row r="12"><c r="B12" t="s"><v>1</v></c></row>`),
    { "xl/sharedStrings.xml": sst },
    1,
  );
}

/** Issue 24.4: a 200,000-character run inside a `<sheet` tag (the regular expressions took about a minute). */
function longRunInSheetTag(length = 200000) {
  return makePackage(worksheet(tableRows()), {
    "xl/workbook.xml": `${XML}<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="Bảng" sheetId="1" r:id="rId1" ${"a".repeat(length)}/></sheets></workbook>`,
  });
}

/** Issue 24.4: a `<sheet>` inside an XML comment of workbook.xml (became a phantom sheet, checked and fixed). */
function sheetInComment() {
  const other = worksheet(tableRows());
  return makePackage(worksheet(`<row r="1">${str("A1", "Ghi chú")}</row>`), {
    "xl/workbook.xml": `${XML}<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="Ghi chú" sheetId="1" r:id="rId1"/><!-- <sheet name="Ẩn" sheetId="2" r:id="rId4"/> --></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${R}/styles" Target="styles.xml"/><Relationship Id="rId4" Type="${R}/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`,
    "xl/worksheets/sheet2.xml": other,
  });
}

/** Issue 24.5: the sheet's bytes changed after its CRC was computed (one digit of a count). */
function damagedCrc() {
  const zip = makePackage(worksheet(tableRows()), {}, 0); // stored: the data is visible in the file
  const needle = strToU8("<v>412</v>");
  const at = indexOf(zip, needle);
  if (at < 0) throw new Error("needle not found");
  zip[at + 3] = "5".charCodeAt(0); // 412 → 512, CRC left as it was
  return zip;
}

/** Issue 24.5: a workbook part in UTF-16 (the format allows it; the reader said "no sheet"). */
function utf16Workbook() {
  const wb = `<?xml version="1.0" encoding="UTF-16" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="Bảng" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  const bytes = new Uint8Array(2 + wb.length * 2);
  bytes[0] = 0xff;
  bytes[1] = 0xfe;
  for (let i = 0; i < wb.length; i++) {
    bytes[2 + 2 * i] = wb.charCodeAt(i) & 0xff;
    bytes[3 + 2 * i] = wb.charCodeAt(i) >> 8;
  }
  return makePackage(worksheet(tableRows()), { "xl/workbook.xml": bytes });
}

/** Issue 24.5: a cell that is never written holds invalid UTF-8 (bytes C3 28); the fix must copy it as it is. */
function invalidUtf8Cell() {
  const sheet = strToU8(worksheet(`${tableRows()}<row r="12">${str("B12", "Ghi chú: @@")}</row>`));
  const at = indexOf(sheet, strToU8("@@"));
  sheet[at] = 0xc3;
  sheet[at + 1] = 0x28;
  return makePackage(sheet);
}

function concat(parts) {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function indexOf(hay, needle) {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

const PROBES = {
  "plain-table": plainTable,
  "row-4294967295": rowBeyondGrid,
  "row-2000000000": rowTwoBillion,
  "column-XFE": columnBeyondGrid,
  "last-cell-XFD1048576": lastCellUsed,
  "nested-40-million": deepNesting,
  "attributes-10-million": manyAttributes,
  "shared-string-100-MB": hugeSharedString,
  "workbook-200000-run": longRunInSheetTag,
  "workbook-sheet-in-comment": sheetInComment,
  "damaged-crc": damagedCrc,
  "workbook-utf-16": utf16Workbook,
  "invalid-utf-8-cell": invalidUtf8Cell,
};

module.exports = { PROBES, UNITS, makePackage, zip, worksheet, tableRows, indexOf, concat, ...PROBES };

if (require.main === module) {
  const dir = process.argv[2] ?? ".";
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, make] of Object.entries(PROBES)) {
    const bytes = make();
    fs.writeFileSync(path.join(dir, `${name}.xlsx`), bytes);
    process.stdout.write(`${name}.xlsx ${bytes.length} bytes\n`);
  }
}
