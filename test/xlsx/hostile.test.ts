// Issue 24: each crafted workbook of the probe (test/xlsx/hostile.js, generated here, never stored) gets one clear
// line naming the file and the part, exit status 2, from the real command under a 1 GB heap and a 10 s limit —
// or is read right. Before the bounds: out of memory at row 4,294,967,295, five minutes for one value at
// XFD1048576, 4.6 GB for 40 million nested elements, a phantom sheet from a comment, a fresh CRC over damaged data.
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { unzipSync } from "fflate";
import { openPackage } from "../../src/hosts/xlsx/package";
import { readGrids } from "../../src/hosts/xlsx/sheet";
import { ROOT } from "../cli/helpers";

const hostile = require("./hostile.js") as {
  PROBES: Record<string, (size?: number) => Uint8Array>;
  UNITS: [string, number, number, number][];
  makePackage(sheet: string | Uint8Array, parts?: Record<string, string | Uint8Array>): Uint8Array;
  worksheet(sheetData: string): string;
  tableRows(): string;
  zip(entries: [string, Uint8Array][], level: number): Uint8Array;
};

const BIN = path.join(ROOT, "bin", "phuluc.js");
let dir: string;

/** lib/ compiled from the sources under test (again when a source is newer than it). */
function ensureLib(): void {
  const main = path.join(ROOT, "lib", "cli", "main.js");
  const built = fs.existsSync(main) ? fs.statSync(main).mtimeMs : 0;
  const newest = (d: string): number =>
    fs
      .readdirSync(d, { withFileTypes: true })
      .reduce(
        (m, e) =>
          Math.max(
            m,
            e.isDirectory() ? newest(path.join(d, e.name)) : fs.statSync(path.join(d, e.name)).mtimeMs,
          ),
        0,
      );
  if (newest(path.join(ROOT, "src")) > built) {
    execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], {
      cwd: ROOT,
      stdio: "pipe",
    });
  }
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-hostile-"));
  ensureLib();
}, 120000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** The command as a user runs it, within the bounds: a 1 GB heap and 10 seconds. */
function phuluc(...args: string[]) {
  const r = spawnSync(process.execPath, ["--max-old-space-size=1024", BIN, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 10000,
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

function expectOneLine(r: ReturnType<typeof phuluc>, file: string, ...words: (string | RegExp)[]): void {
  expect(r.signal).toBeNull(); // neither killed at 10 s nor out of memory
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(r.stderr).toMatch(/^phuluc: /);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr).toContain(file);
  for (const w of words) {
    if (typeof w === "string") expect(r.stderr).toContain(w);
    else expect(r.stderr).toMatch(w);
  }
}

describe("addresses beyond Excel's grid are a damaged sheet (24.1)", () => {
  it.each([
    ["row-4294967295", "dòng 4294967295"],
    ["row-2000000000", "dòng 2000000000"],
    ["column-XFE", "ô XFE12"],
  ])("%s: one line naming the sheet, its part and the address", (name, where) => {
    const file = write(`${name}.xlsx`, hostile.PROBES[name]());
    expectOneLine(
      phuluc("check", file),
      file,
      'trang tính "Bảng" (xl/worksheets/sheet1.xml)',
      where,
      "nằm ngoài lưới của Excel",
    );
  });

  it("in English with --lang en", () => {
    const file = write("row-en.xlsx", hostile.PROBES["row-4294967295"]());
    expectOneLine(phuluc("check", file, "--lang", "en"), file, "row 4294967295 lies outside Excel's grid");
  });
});

describe("work follows the used cells, not the sheet's extent (24.2)", () => {
  it("one value at XFD1048576 beside a table: read, and the findings are those of the table alone", () => {
    const far = write("last-cell.xlsx", hostile.PROBES["last-cell-XFD1048576"]());
    const plain = write("plain.xlsx", hostile.PROBES["plain-table"]());
    const a = phuluc("check", far, "--format", "json");
    const b = phuluc("check", plain, "--format", "json");
    expect(a.signal).toBeNull();
    expect(a.stderr).toBe("");
    expect(b.code).toBe(1);
    expect(a.code).toBe(1);
    const findings = (out: string) =>
      (JSON.parse(out).tables as { findings: { rule: string; cell: string }[] }[]).flatMap((t) =>
        t.findings.map((f) => `${f.rule} ${f.cell}`),
      );
    // Đông: 23 poor of 412 households is 5,58 %, the table says 6,20 (hostile.js); nothing else is wrong.
    expect(findings(b.stdout)).toEqual(["rate-mismatch E4"]);
    expect(findings(a.stdout)).toEqual(findings(b.stdout));
    const grid = readGrids(openPackage(fs.readFileSync(far), "far.xlsx"))[0];
    expect(grid.cells[1048575][16383]?.value).toBe(1);
  });
});

describe("nesting, attributes, tags and text are bounded (24.3)", () => {
  it("40 million nested elements (a 2 MB file): one line naming the part", () => {
    const file = write("nested.xlsx", hostile.PROBES["nested-40-million"]());
    expect(fs.statSync(file).size).toBeLessThan(4 * 1024 * 1024);
    expectOneLine(
      phuluc("check", file),
      file,
      '"Bảng" (xl/worksheets/sheet1.xml) có các phần tử lồng nhau quá 64 cấp',
    );
  });

  it("a million attributes on one cell", () => {
    const file = write("attributes.xlsx", hostile.PROBES["attributes-10-million"](1000000));
    expectOneLine(phuluc("check", file), file, "xl/worksheets/sheet1.xml", "hơn 1.000 thuộc tính");
  });

  it("a 100 MB shared string", () => {
    const file = write("string.xlsx", hostile.PROBES["shared-string-100-MB"]());
    expectOneLine(
      phuluc("check", file, "--lang", "en"),
      file,
      "xl/sharedStrings.xml has a run of text longer than 1,048,576 characters",
    );
  });

  it("a DTD is refused (OPC forbids it)", () => {
    const sheet = `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "x">]>${hostile.worksheet(hostile.tableRows()).replace(/^<\?xml[^>]*\?>\n/, "")}`;
    const file = write("dtd.xlsx", hostile.makePackage(sheet));
    expectOneLine(phuluc("check", file), file, "DTD");
  });

  it("the twin without the hostile part reads as before", () => {
    const file = write("twin.xlsx", hostile.PROBES["plain-table"]());
    const r = phuluc("check", file);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/E4\s+Tỷ lệ sai\s+6,2\s+5,58/);
  });
});

describe("workbook.xml is read as XML (24.4)", () => {
  it("a 200,000-character run inside a <sheet> tag: one line, at once", () => {
    const file = write("run.xlsx", hostile.PROBES["workbook-200000-run"]());
    expectOneLine(phuluc("check", file), file, "xl/workbook.xml");
  });

  it("a <sheet> inside a comment is no sheet: nothing checked or fixed there", () => {
    const bytes = hostile.PROBES["workbook-sheet-in-comment"]();
    expect(openPackage(bytes, "comment.xlsx").worksheets.map((w) => w.name)).toEqual(["Ghi chú"]);
    const file = write("comment.xlsx", bytes);
    const r = phuluc("check", file, "--format", "json");
    expect(r.code).toBe(0);
    // The hidden sheet2.xml holds a table with a wrong rate: read as a sheet, it would be reported.
    expect(JSON.parse(r.stdout).tables).toEqual([]);
  });
});

describe("damaged means damaged (24.5)", () => {
  it("a CRC that does not match: check refuses, fix writes nothing", () => {
    const file = write("crc.xlsx", hostile.PROBES["damaged-crc"]());
    expectOneLine(
      phuluc("check", file),
      file,
      "xl/worksheets/sheet1.xml: dữ liệu không khớp mã kiểm tra CRC",
    );
    const out = path.join(dir, "crc-fixed.xlsx");
    expectOneLine(phuluc("fix", file, "-o", out), file, "CRC");
    expect(fs.existsSync(out)).toBe(false);
  });

  it("two entries of the same name are refused", () => {
    const good = unzipSync(hostile.PROBES["plain-table"]());
    const other = new TextEncoder().encode(hostile.worksheet(""));
    const entries: [string, Uint8Array][] = Object.entries(good);
    entries.push(["xl/worksheets/sheet1.xml", other]);
    const file = write("dup.xlsx", hostile.zip(entries, 6));
    expectOneLine(phuluc("check", file), file, "xl/worksheets/sheet1.xml: có hai phần cùng tên");
  });

  it("a UTF-16 part is refused in words that say so", () => {
    const file = write("utf16.xlsx", hostile.PROBES["workbook-utf-16"]());
    expectOneLine(phuluc("check", file), file, "xl/workbook.xml được mã hóa UTF-16");
  });

  it("a cell nobody writes keeps its bytes, even invalid UTF-8", () => {
    const file = write("utf8.xlsx", hostile.PROBES["invalid-utf-8-cell"]());
    const out = path.join(dir, "utf8-fixed.xlsx");
    const r = phuluc("fix", file, "-o", out);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const before = unzipSync(new Uint8Array(fs.readFileSync(file)))["xl/worksheets/sheet1.xml"];
    const after = unzipSync(new Uint8Array(fs.readFileSync(out)))["xl/worksheets/sheet1.xml"];
    const cell = (bytes: Uint8Array) => {
      const s = Buffer.from(bytes).toString("latin1");
      return s.slice(s.indexOf('<c r="B12"'), s.indexOf("</c>", s.indexOf('<c r="B12"')));
    };
    expect(Buffer.from(cell(after), "latin1")).toEqual(Buffer.from(cell(before), "latin1"));
    expect(cell(after)).toContain("\u00c3(");
    // E4 was rewritten as the rate computed from its counts.
    const text = Buffer.from(after).toString("latin1");
    expect(text).toMatch(/<c r="E4"[^>]*><f>ROUND\(D4\/C4\*100,2\)<\/f><v>5\.58<\/v><\/c>/);
  });
});
