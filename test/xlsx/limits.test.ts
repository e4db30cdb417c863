// Files we cannot or must not open get one clear line naming the file (and the sheet where it is one sheet that is
// damaged), in Vietnamese by default and English with --lang en; zip bombs are refused from the zip directory,
// before anything is inflated.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { strToU8, unzipSync, Zip, ZipDeflate, zipSync } from "fflate";
import { openPackage } from "../../src/hosts/xlsx/package";
import { readGrids } from "../../src/hosts/xlsx/sheet";
import { XlsxReadError } from "../../src/hosts/xlsx/errors";
import { writeZip } from "../../src/hosts/xlsx/zip";
import { expectOneLineError, runCli } from "../cli/helpers";
import { makeXlsx } from "./make";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-limits-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const SHEET = `<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>`;

/** A valid package whose sheet1.xml is `size` bytes of XML whitespace: compresses about 1000 to 1. */
function bomb(size: number): Uint8Array {
  const head = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
  const tail = `</sheetData></worksheet>`;
  const body = new Uint8Array(size);
  body.fill(0x20);
  body.set(strToU8(head), 0);
  body.set(strToU8(tail), size - tail.length);
  const p = unzipSync(makeXlsx([{ name: "Bảng", xml: SHEET }]));
  p["xl/worksheets/sheet1.xml"] = body;
  return zipSync(p, { level: 9 });
}

/** Rewrites the uncompressed size the central directory declares for `part`. */
function declareSize(zip: Uint8Array, part: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const name = strToU8(part);
  for (let i = 0; i + 46 < out.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const len = view.getUint16(i + 28, true);
    if (len === name.length && name.every((b, j) => out[i + 46 + j] === b)) {
      view.setUint32(i + 24, size, true);
      return out;
    }
  }
  throw new Error("part not found");
}

async function check(file: string, bytes: Uint8Array | string, lang?: "en") {
  const p = path.join(dir, file);
  fs.writeFileSync(p, bytes);
  return runCli(["check", p, ...(lang ? ["--lang", lang] : [])]);
}

describe("one clear line for each kind of file we cannot use", () => {
  const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const cases: [string, () => Uint8Array | string, RegExp, RegExp][] = [
    [
      "bao-cao.ods",
      () =>
        zipSync({
          mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet"),
          "content.xml": strToU8("<x/>"),
        }),
      /OpenDocument \(\.ods\).*lưu thành \.xlsx/,
      /OpenDocument spreadsheet \(\.ods\)/,
    ],
    [
      "bao-cao.xls",
      () => new Uint8Array([...OLE, ...new Array(504).fill(0)]),
      /Excel cũ \(\.xls\)/,
      /old Excel file \(\.xls\)/,
    ],
    [
      "mat-khau.xlsx",
      () => {
        const b = new Uint8Array(2048);
        b.set(OLE, 0);
        [..."EncryptedPackage"].forEach((ch, i) => (b[1024 + 2 * i] = ch.charCodeAt(0)));
        return b;
      },
      /được đặt mật khẩu/,
      /password-protected/,
    ],
    ["bao-cao.csv", () => "STT,Thôn,Số hộ\n1,Thôn 1,412\n", /tệp văn bản \(\.csv\)/, /text file \(\.csv\)/],
    ["cat-ngang.xlsx", () => makeXlsx([{ name: "Bảng", xml: SHEET }]).slice(0, 300), /bị hỏng/, /damaged/],
    [
      "sheet-hong.xlsx",
      () => makeXlsx([{ name: "Bảng A", xml: '<sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData>' }]),
      /trang tính "Bảng A" \(xl\/worksheets\/sheet1\.xml\).*bị hỏng/,
      /sheet "Bảng A" \(xl\/worksheets\/sheet1\.xml\).*damaged/,
    ],
    ["bom.xlsx", () => bomb(20 * 1024 * 1024), /nén bất thường.*sheet1\.xml/, /abnormally compressed/],
  ];
  it.each(cases)("%s", async (file, make, vi, en) => {
    const bytes = make();
    const r = await check(file, bytes);
    expectOneLineError(r);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toMatch(vi);
    const e = await check(file, bytes, "en");
    expectOneLineError(e);
    expect(e.stderr).toContain(file);
    expect(e.stderr).toMatch(en);
  });
});

describe("limits read from the zip directory", () => {
  it("a 1.2 GB sheet declared in a small file is refused without inflating it", () => {
    // 8 MB of real data, declared as 1.2 GB: the ratio check stops it before any allocation.
    const zip = declareSize(bomb(8 * 1024 * 1024), "xl/worksheets/sheet1.xml", 1200 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    let error: unknown;
    try {
      openPackage(zip, "bom.xlsx");
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(XlsxReadError);
    expect((error as XlsxReadError).code).toBe("too-large");
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });

  it("an over-compressed part is refused as a bomb; a directory that under-declares is caught while inflating", () => {
    expect(() => openPackage(bomb(20 * 1024 * 1024), "bom.xlsx")).toThrow(/nén bất thường/);
    // Declared 1 MB, really 20 MB: inflating stops as soon as the output passes the declared size.
    const liar = declareSize(bomb(20 * 1024 * 1024), "xl/worksheets/sheet1.xml", 1024 * 1024);
    const pkg = openPackage(liar, "liar.xlsx");
    expect(() => readGrids(pkg)).toThrow(/nén bất thường/);
  });

  it("limits can be set lower (a part over the limit is 'too large', naming the part)", () => {
    const zip = makeXlsx([{ name: "Bảng", xml: SHEET }]);
    expect(() => openPackage(zip, "nho.xlsx", { limits: { maxPart: 100 } })).toThrow(
      /quá lớn để xử lý an toàn \(\[Content_Types\]\.xml: 1 KB > 1 KB\)/,
    );
  });

  it("a stored (uncompressed) part and data descriptors are read", () => {
    const p = unzipSync(makeXlsx([{ name: "Bảng", xml: SHEET }]));
    const stored = zipSync(
      Object.fromEntries(Object.entries(p).map(([k, v]) => [k, [v, { level: 0 }]])) as Parameters<
        typeof zipSync
      >[0],
    );
    expect(readGrids(openPackage(stored, "stored.xlsx"))[0].cells[0][0]?.value).toBe(1);
    const ours = writeZip(Object.entries(p).map(([name, data]) => ({ name, data })));
    expect(readGrids(openPackage(ours, "ours.xlsx"))[0].cells[0][0]?.value).toBe(1);
    // Streamed zips (fflate's Zip, Java, .NET) put sizes and CRC in a data descriptor after the data (flag bit 3).
    const chunks: Uint8Array[] = [];
    const zip = new Zip((err, data) => {
      if (err) throw err;
      chunks.push(data);
    });
    for (const [name, data] of Object.entries(p)) {
      const entry = new ZipDeflate(name, { level: 6 });
      zip.add(entry);
      entry.push(data, true);
    }
    zip.end();
    const streamed = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    chunks.reduce((at, c) => (streamed.set(c, at), at + c.length), 0);
    expect(streamed[6] & 8).toBe(8); // the first local header says "data descriptor follows"
    expect(readGrids(openPackage(streamed, "streamed.xlsx"))[0].cells[0][0]?.value).toBe(1);
  });
});
