"use strict";
// A commune-style table of any size written straight as .xlsx XML, streamed through fflate's Zip (no workbook
// library, no whole sheet in memory): title, merged two-level header, numbering row, N unit rows with counts and
// rates, a total row. By default ten rates are stale on purpose (spread over the table), so `fix` has cells to
// write; `stale: "none"` writes a clean table, `stale: [350, …]` plants them on those sheet rows. With `wrongTotal`
// the total of poor households is off by 9 as well (the engine's blame is slow on that over 10,000s of rows, so
// the bench leaves it out). The one generator of `npm run bench`, the 200,000-row test and the browser tests.
const fs = require("fs");
const { Zip, ZipDeflate, strToU8 } = require("fflate");

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function rate(count, base) {
  return Math.floor((2 * count * 10000 + base) / (2 * base)) / 100;
}

const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const str = (ref, s, style = 0) =>
  `<c r="${ref}" t="inlineStr"${style ? ` s="${style}"` : ""}><is><t>${esc(s)}</t></is></c>`;
const num = (ref, n, style) => `<c r="${ref}" s="${style}"><v>${n}</v></c>`;

/**
 * Writes the table to `file`; resolves with { rows, wrongRates, bytes, lastUnitRow }. `rows` unit rows (the sheet
 * has rows + 7 rows; 1,048,569 units fill a sheet to its last row). Options: `stale` ("spread", the default;
 * "none"; or the sheet rows whose poor rate is stale), `wrongTotal`, `title`, `unit` (the units' label: "Thôn").
 */
function writeBigTable(file, rows, options = {}) {
  const off = options.wrongTotal ? 9 : 0;
  const stale = options.stale ?? "spread";
  const isStale = (i, r) =>
    stale === "spread"
      ? i % Math.max(1, Math.floor(rows / 10)) === 0
      : stale !== "none" && stale.includes(r);
  const title = options.title ?? "TỔNG HỢP HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2024";
  const unit = options.unit ?? "Thôn";
  return new Promise((resolve, reject) => {
    const out = fs.createWriteStream(file);
    let bytes = 0;
    const zip = new Zip((err, data, final) => {
      if (err) return reject(err);
      bytes += data.length;
      out.write(Buffer.from(data));
      if (final) out.end(() => resolve({ rows, wrongRates, bytes, lastUnitRow: rows + 6 }));
    });
    const add = (name, text) => {
      const f = new ZipDeflate(name, { level: 6 });
      zip.add(f);
      f.push(strToU8(text), true);
    };
    add(
      "[Content_Types].xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    );
    add(
      "_rels/.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    );
    add(
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets><sheet name="Biểu 01" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>`,
    );
    add(
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${R}/styles" Target="styles.xml"/></Relationships>`,
    );
    add(
      "xl/styles.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}"><fonts count="2"><font><sz val="12"/><name val="Times New Roman"/></font><font><b/><sz val="12"/><name val="Times New Roman"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    );
    const sheet = new ZipDeflate("xl/worksheets/sheet1.xml", { level: 6 });
    zip.add(sheet);
    const push = (text, final = false) => sheet.push(strToU8(text), final);
    push(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${R}"><dimension ref="A1:G${rows + 7}"/><cols><col min="1" max="1" width="6" customWidth="1"/><col min="2" max="2" width="28" customWidth="1"/><col min="3" max="7" width="11" customWidth="1"/></cols><sheetData>` +
        `<row r="1">${str("A1", title, 1)}</row>` +
        `<row r="2">${str("A2", "(Kèm theo Báo cáo số .../BC-UBND ngày .../.../2024)")}</row>` +
        `<row r="4">${str("A4", "STT", 1)}${str("B4", "Đơn vị", 1)}${str("C4", "Tổng số hộ", 1)}${str("D4", "Hộ nghèo", 1)}${str("F4", "Hộ cận nghèo", 1)}</row>` +
        `<row r="5">${str("D5", "Số hộ", 1)}${str("E5", "Tỷ lệ (%)", 1)}${str("F5", "Số hộ", 1)}${str("G5", "Tỷ lệ (%)", 1)}</row>` +
        `<row r="6">${["A", "B", "1", "2", "3=2/1*100", "4", "5=4/1*100"].map((t, i) => str(`${"ABCDEFG"[i]}6`, t, 1)).join("")}</row>`,
    );
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const totals = [0, 0, 0];
    let wrongRates = 0;
    let chunk = "";
    for (let i = 1; i <= rows; i++) {
      const r = i + 6;
      const h = 150 + Math.floor(random() * 900);
      const poor = Math.floor(random() * h * 0.12);
      const near = Math.floor(random() * h * 0.1);
      totals[0] += h;
      totals[1] += poor;
      totals[2] += near;
      let pr = rate(poor, h);
      if (isStale(i, r)) {
        pr = Math.round((pr + 1.5) * 100) / 100; // a rate left from last year
        wrongRates++;
      }
      chunk +=
        `<row r="${r}">${num(`A${r}`, i, 0)}${str(`B${r}`, `${unit} ${i}`)}${num(`C${r}`, h, 2)}${num(`D${r}`, poor, 2)}` +
        `${num(`E${r}`, pr, 3)}${num(`F${r}`, near, 2)}${num(`G${r}`, rate(near, h), 3)}</row>`;
      if (i % 5000 === 0) {
        push(chunk);
        chunk = "";
      }
    }
    const [h, poor, near] = totals;
    const t = rows + 7;
    chunk +=
      `<row r="${t}">${str(`A${t}`, "Tổng cộng", 1)}${num(`C${t}`, h, 2)}${num(`D${t}`, poor + off, 2)}` +
      `${num(`E${t}`, rate(poor + off, h), 3)}${num(`F${t}`, near, 2)}${num(`G${t}`, rate(near, h), 3)}</row>`;
    push(
      chunk +
        `</sheetData><mergeCells count="7"><mergeCell ref="A1:G1"/><mergeCell ref="A2:G2"/><mergeCell ref="A4:A5"/><mergeCell ref="B4:B5"/><mergeCell ref="C4:C5"/><mergeCell ref="D4:E4"/><mergeCell ref="F4:G4"/></mergeCells></worksheet>`,
      true,
    );
    zip.end();
  });
}

module.exports = { writeBigTable };

if (require.main === module) {
  const [file, rows] = process.argv.slice(2);
  writeBigTable(file, Number(rows)).then((r) => console.log(JSON.stringify(r)));
}
