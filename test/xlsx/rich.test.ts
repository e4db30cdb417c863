// The rich workbooks (Excel, LibreOffice, openpyxl; see ../shared/fixtures/rich/README.md) through `fix -o`,
// `plan -o` and `appendix -o`, compared part by part with an independent unzip (fflate's own unzipSync):
// every part present, byte-identical except the parts the README allows to change, every defined name, sheet state,
// protection, validation, table, pivot, chart, comment and the default font intact.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { unzipSync, strFromU8 } from "fflate";
import { parseRangeA1 } from "../../src/engine/grid";
import { runCli } from "../cli/helpers";
import { FILES, MANIFEST, RICH } from "./rich";

/** Parts that a command may edit (README): everything else must be byte-identical. */
const EDITABLE =
  /^(\[Content_Types\]\.xml|.*\.rels|xl\/workbook\.xml|xl\/styles\.xml|xl\/sharedStrings\.xml|xl\/calcChain\.xml|docProps\/app\.xml)$/;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-rich-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Parts = Record<string, Uint8Array>;
const unzip = (file: string): Parts => unzipSync(new Uint8Array(fs.readFileSync(file)));
const text = (parts: Parts, name: string) => strFromU8(parts[name]);
const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Defined names as written, with every attribute (scope, hidden, comment) and text. */
function definedNames(workbookXml: string): string[] {
  return [...workbookXml.matchAll(/<definedName\b[^>]*>[^<]*<\/definedName>/g)].map((m) => m[0]);
}

function sheetElements(workbookXml: string): string[] {
  return [...workbookXml.matchAll(/<sheet\b[^>]*\/>/g)].map((m) => m[0]);
}

/** Cells of a worksheet by address → their raw XML. */
function cellsOf(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<c\b[^>]*?\br="([A-Z]+\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g))
    out.set(m[1], m[0]);
  return out;
}

function rowTags(xml: string): string[] {
  return [...xml.matchAll(/<row\b[^>]*>/g)].map((m) => m[0].replace(/\/>$/, ">"));
}

function outsideSheetData(xml: string): string {
  return xml.replace(/<sheetData>[\s\S]*<\/sheetData>|<sheetData\/>/, "");
}

function inAny(ranges: string[], cell: string): boolean {
  const { top, left } = parseRangeA1(cell);
  return ranges.some((r) => {
    const g = parseRangeA1(r);
    return top >= g.top && top <= g.bottom && left >= g.left && left <= g.right;
  });
}

function sheetPart(parts: Parts, name: string): string {
  const wb = text(parts, "xl/workbook.xml");
  const rid = new RegExp(
    `<sheet\\b[^>]*name="${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*r:id="([^"]+)"`,
  ).exec(wb)![1];
  const rels = text(parts, "xl/_rels/workbook.xml.rels");
  const target = new RegExp(
    `<Relationship\\b[^>]*(?:Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}")`,
  ).exec(rels)!;
  const t = (target[1] ?? target[2]).replace(/^\//, "");
  return t.startsWith("xl/") ? t : `xl/${t}`;
}

/** What every command must keep: every part, the untouched ones byte for byte, names, sheets, styles' start. */
function expectPackageKept(before: Parts, after: Parts, editedSheets: string[]): void {
  for (const name of Object.keys(before)) {
    if (name === "xl/calcChain.xml") continue;
    expect({ name, present: name in after }).toEqual({ name, present: true });
    if (EDITABLE.test(name) || editedSheets.includes(name)) continue;
    expect({ name, identical: same(before[name], after[name]) }).toEqual({ name, identical: true });
  }
  const wbBefore = text(before, "xl/workbook.xml");
  const wbAfter = text(after, "xl/workbook.xml");
  for (const n of definedNames(wbBefore)) expect(definedNames(wbAfter)).toContain(n);
  expect(sheetElements(wbAfter).slice(0, sheetElements(wbBefore).length)).toEqual(sheetElements(wbBefore));
  for (const tag of ["workbookPr", "pivotCaches", "bookViews"]) {
    const re = new RegExp(`<${tag}\\b[\\s\\S]*?(?:/>|</${tag}>)`);
    expect(re.exec(wbAfter)?.[0]).toEqual(re.exec(wbBefore)?.[0]);
  }
  // Styles only gain entries: the default font, every font and every cell format in use stay as they were.
  const list = (xml: string, tag: string) =>
    /<(\w+)\b[^>]*>([\s\S]*?)<\/\1>/.exec(
      new RegExp(`<${tag}\\b[^>]*>[\\s\\S]*?</${tag}>`).exec(xml)?.[0] ?? "",
    )?.[2] ?? "";
  const sBefore = text(before, "xl/styles.xml");
  const sAfter = text(after, "xl/styles.xml");
  for (const tag of ["fonts", "borders", "fills", "cellXfs", "cellStyleXfs", "cellStyles", "dxfs"]) {
    expect(list(sAfter, tag).startsWith(list(sBefore, tag))).toBe(true);
  }
  // Relationships and content types only gain entries (calcChain's may go).
  for (const name of Object.keys(before).filter((n) => n.endsWith(".rels") || n === "[Content_Types].xml")) {
    const items = (xml: string) =>
      [...xml.matchAll(/<(?:Relationship|Override|Default)\b[^>]*\/>/g)]
        .map((m) => m[0])
        .filter((t) => !/calcChain/.test(t));
    for (const item of items(text(before, name))) expect(items(text(after, name))).toContain(item);
  }
}

describe.each(FILES)("%s", (file) => {
  const input = path.join(RICH, file);
  const info = MANIFEST[file];

  it("fix -o changes only the derived cells of the table sheet and keeps everything else", async () => {
    const out = path.join(dir, `fix-${file}`);
    const r = await runCli(["fix", input, "-o", out]);
    expect(r.stderr).toBe("");
    expect([0, 1]).toContain(r.code);
    const before = unzip(input);
    const after = unzip(out);
    const table = sheetPart(before, info.tableSheet);
    expectPackageKept(before, after, [table]);
    // Only the table sheet was edited; every other worksheet is byte-identical (checked above).
    const xmlBefore = text(before, table);
    const xmlAfter = text(after, table);
    expect(outsideSheetData(xmlAfter)).toBe(outsideSheetData(xmlBefore));
    expect(rowTags(xmlAfter)).toEqual(rowTags(xmlBefore));
    const derived = info.derived[info.tableSheet];
    const cb = cellsOf(xmlBefore);
    const ca = cellsOf(xmlAfter);
    const changed: string[] = [];
    for (const [ref, xml] of cb) {
      const now = ca.get(ref);
      expect(now).toBeDefined();
      if (now === xml) continue;
      changed.push(ref);
      // Besides derived cells, only the planted input typos C9 (1.518) and C14 ("1.518" as text) become 1518.
      if (ref === "C9" || ref === "C14") {
        expect(now).toMatch(/^<c r="C(9|14)"[^>]*><v>1518<\/v><\/c>$/);
        continue;
      }
      expect({ ref, derived: inAny(derived, ref) }).toEqual({ ref, derived: true });
      // The style index is kept (or, for a text number, replaced by a copy with a number format).
      const s = (x: string) => /\bs="(\d+)"/.exec(x)?.[1];
      if (!/t="s"|t="inlineStr"/.test(xml)) expect({ ref, s: s(now!) }).toEqual({ ref, s: s(xml) });
      expect(now).toMatch(/<f>[^<]+<\/f>/);
    }
    // The planted defects were repaired: the stale rate E10, the truncated E11, the text rate E12, the total F19.
    expect(changed).toEqual(expect.arrayContaining(["C9", "C14", "E10", "E11", "E12", "F19"]));
    expect(ca.get("F19")).toMatch(/<f>SUM\(/);
    // The array formula in the total row, the pivot location and the table's totals row never change.
    const [arraySheet, arrayCell] = info.arrayFormulaInTotalRow.split("!");
    expect(arraySheet).toBe(info.tableSheet);
    expect(ca.get(arrayCell)).toBe(cb.get(arrayCell));
    expect(r.stdout).toMatch(/C19: thuộc một công thức mảng/);
    expect(r.stdout).toMatch(/"Theo khu vực"!B\d: nằm trong PivotTable/);
    expect(r.stdout).toMatch(/"DS"!C12: dòng tổng của bảng/);
    // calcChain is gone with its relationship and content type; Excel recalculates on load.
    expect(after["xl/calcChain.xml"]).toBeUndefined();
    expect(text(after, "[Content_Types].xml")).not.toMatch(/calcChain/);
    expect(text(after, "xl/_rels/workbook.xml.rels")).not.toMatch(/calcChain/);
    expect(text(after, "xl/workbook.xml")).toMatch(/<calcPr\b[^>]*fullCalcOnLoad="1"/);
  });

  it.each(["plan", "appendix"])("%s -o adds one sheet and edits no existing worksheet", async (command) => {
    const out = path.join(dir, `${command}-${file}`);
    const args =
      command === "plan"
        ? ["plan", input, "--reduce", "30", "-o", out, "--allow-errors"]
        : ["appendix", input, "-o", out, "--allow-errors"];
    const r = await runCli(args);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const before = unzip(input);
    const after = unzip(out);
    expectPackageKept(before, after, []);
    const added = Object.keys(after).filter((n) => !(n in before));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^xl\/worksheets\/sheet\d+\.xml$/);
    expect(after["xl/calcChain.xml"] !== undefined).toBe(before["xl/calcChain.xml"] !== undefined);
    const wb = text(after, "xl/workbook.xml");
    const sheets = sheetElements(wb);
    expect(sheets).toHaveLength(sheetElements(text(before, "xl/workbook.xml")).length + 1);
    const name = /name="([^"]+)"/.exec(sheets[sheets.length - 1])![1];
    expect(r.stdout).toContain(`"${name}"`);
    expect(wb).toMatch(
      new RegExp(`<definedName name="_xlnm.Print_Titles" localSheetId="${sheets.length - 1}">`),
    );
    expect(text(after, "[Content_Types].xml")).toContain(`PartName="/${added[0]}"`);
    const sheet = text(after, added[0]);
    expect(sheet).toMatch(/<pageSetup paperSize="9"/);
    expect(sheet).toMatch(/<f>/);
  });
});
