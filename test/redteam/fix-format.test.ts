// Red team, issue 18.7: fix keeps a column's scale and a cell's number format. Engine (fixPlan) on grids with
// number formats, and the CLI's `fix` on a real .xlsx whose rates are fractions under a percent style.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { analyzeGrid, fixPlan } from "../../src/engine";
import { gridFromRows } from "../../src/engine/grid";
import { makeXlsx, MAIN } from "../xlsx/make";
import { runCli } from "../cli/helpers";

// A commune whose rates show one decimal ("0.0"), counts "#,##0".
const V = [
  ["Thôn Khe Mạ", 231, 19],
  ["Thôn Nà Pồng", 305, 33],
  ["Thôn Bản Chang", 188, 27],
  ["Thôn Khuổi Tát", 412, 21],
] as const;
const r1 = (p: number, h: number) => Math.floor((p / h) * 1000 + 0.5 + 1e-9) / 10; // one decimal, half up

function oneDecimal(e3: unknown, c5: unknown = 188) {
  const rows = [
    ["STT", "Thôn", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ (%)"],
    // c5: Thôn Bản Chang's households (row 4), as typed
    ...V.map(([n, h, p], i) => [i + 1, n, i === 2 ? c5 : h, p, i === 1 ? e3 : r1(p, h)]),
  ];
  const formats: Record<string, string> = {};
  for (let r = 2; r <= 5; r++) {
    formats[`E${r}`] = "0.0";
    formats[`C${r}`] = "#,##0";
  }
  return gridFromRows("S", rows, { formats });
}

test("a wrong rate in a one-decimal column is rewritten at one decimal under '0.0'", () => {
  const [a] = analyzeGrid(oneDecimal(8.2)); // 33 / 305 = 10,82 % → shown 10,8
  const w = fixPlan([a]).writes.find((x) => x.cell === "E3");
  expect(w?.value).toBeCloseTo(10.8, 10);
  expect(w?.numberFormat ?? "0.0").toBe("0.0");
  expect(w?.formula === undefined || /,1\)$/.test(w.formula)).toBe(true);
});

test("the clean one-decimal table is silent (one decimal is its precision, not truncation)", () => {
  const [a] = analyzeGrid(oneDecimal(r1(33, 305)));
  expect(a.findings.filter((f) => f.severity !== "info")).toEqual([]);
});

test("households pasted as '188' text under '#,##0' are written as the number 188 and keep '#,##0'", () => {
  const [a] = analyzeGrid(oneDecimal(r1(33, 305), "188"));
  const w = [...fixPlan([a]).writes].find((x) => x.cell === "C4");
  expect(w?.value).toBe(188);
  expect(w?.numberFormat ?? "#,##0").toBe("#,##0");
});

// ---- CLI: rates as fractions under "0.00%" (style 1), a wrong one in E3 ----
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><fonts count="1"><font><sz val="12"/><name val="Times New Roman"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

function sheetXml(e3: number) {
  const str = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
  const num = (ref: string, v: number, s = 0) => `<c r="${ref}"${s ? ` s="${s}"` : ""}><v>${v}</v></c>`;
  const head = `<row r="1">${["STT", "Thôn", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ hộ nghèo"].map((t, i) => str(`${"ABCDE"[i]}1`, t)).join("")}</row>`;
  const body = V.map(([n, h, p], i) => {
    const r = i + 2;
    const frac = i === 1 ? e3 : Math.round((p / h) * 1000) / 1000;
    return `<row r="${r}">${num(`A${r}`, i + 1)}${str(`B${r}`, n)}${num(`C${r}`, h, 2)}${num(`D${r}`, p, 2)}${num(`E${r}`, frac, 1)}</row>`;
  }).join("");
  return `<sheetData>${head}${body}</sheetData>`;
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-rt-fix-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("CLI fix: a wrong fraction under '0.0%' is rewritten as a fraction (0.108) under '0.0%', never 10.8", async () => {
  const input = path.join(dir, "ti-le.xlsx");
  const out = path.join(dir, "ti-le.fixed.xlsx");
  // 33 / 305 = 10,82 % shown "10,8%": typed 0.082 ("8,2%")
  fs.writeFileSync(input, makeXlsx([{ name: "Thôn", xml: sheetXml(0.082) }], { styles: STYLES }));
  const check = await runCli(["check", input, "--format", "json"]);
  const rep = JSON.parse(check.stdout);
  const f = rep.tables
    .flatMap((t: { findings: { cell: string; rule: string }[] }) => t.findings)
    .filter((x: { cell: string }) => x.cell === "E3");
  expect(f.length).toBeGreaterThan(0);
  const r = await runCli(["fix", input, "-o", out]);
  expect([0, 1]).toContain(r.code);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const c = wb.getWorksheet("Thôn")!.getCell("E3");
  const v = typeof c.value === "object" && c.value && "result" in c.value ? c.value.result : c.value;
  expect(v as number).toBeCloseTo(0.108, 10);
  expect(c.numFmt).toBe("0.0%");
  // the untouched fractions keep their style too
  expect(wb.getWorksheet("Thôn")!.getCell("E2").numFmt).toBe("0.0%");
});
