// The patcher on packages built for the case: each kind of write, shared formulas whose master is overwritten,
// cells it must refuse (pivot, totals row, array formula, locked on a protected sheet), and verification.
import * as fs from "fs";
import * as path from "path";
import { strFromU8, unzipSync } from "fflate";
import { openPackage } from "../../src/hosts/xlsx/package";
import { readGrids } from "../../src/hosts/xlsx/sheet";
import { patchPackage, verifyPatch } from "../../src/hosts/xlsx/patch";
import { writeZip } from "../../src/hosts/xlsx/zip";
import { XlsxReadError } from "../../src/hosts/xlsx/errors";
import { cellAt } from "../../src/engine/grid";
import type { CellWrite } from "../../src/engine/report";
import { makeXlsx } from "./make";
import { RICH } from "./rich";

const TABLE = `<sheetData><row r="1" spans="1:3" customHeight="1" ht="20"><c r="A1" t="inlineStr"><is><t>Thôn</t></is></c><c r="B1" t="inlineStr"><is><t>Hộ</t></is></c><c r="C1" t="inlineStr"><is><t>Nghèo</t></is></c></row><row r="2"><c r="A2"><v>1</v></c><c r="B2" s="1"><v>412</v></c><c r="C2" s="2"><f t="shared" ref="C2:C4" si="0">B2*2</f><v>824</v></c></row><row r="3"><c r="A3"><v>2</v></c><c r="B3" s="1"><v>288</v></c><c r="C3" s="2"><f t="shared" si="0"/><v>576</v></c></row><row r="4"><c r="A4"><v>3</v></c><c r="B4" s="1"><v>530</v></c><c r="C4" s="2"><f t="shared" si="0"/><v>1060</v></c></row><row r="6"><c r="A6" t="inlineStr"><is><t>Tổng</t></is></c></row></sheetData><mergeCells count="1"><mergeCell ref="A8:C8"/></mergeCells><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`;

const parts = (bytes: Uint8Array) => unzipSync(bytes);
const sheetXml = (bytes: Uint8Array, n = 1) => strFromU8(parts(bytes)[`xl/worksheets/sheet${n}.xml`]);

function patch(writes: CellWrite[], xml = TABLE, options = {}) {
  const pkg = openPackage(makeXlsx([{ name: "Bảng", xml }], options), "bang.xlsx");
  const result = patchPackage(pkg, { writes });
  const out = openPackage(result.bytes, "out.xlsx");
  return { pkg, result, grid: readGrids(out)[0], xml: sheetXml(result.bytes) };
}

test("each kind of write: formula with cached 0, text formula, number, inline text, empty; style index kept", () => {
  const { result, grid, xml } = patch([
    { sheet: "Bảng", cell: "B2", value: 0, formula: "=B3-B3" },
    { sheet: "Bảng", cell: "B3", value: "x", formula: '=IF(1,"x","y")' },
    { sheet: "Bảng", cell: "B4", value: 1518 },
    { sheet: "Bảng", cell: "A3", value: 'Thôn <2> & "3"' },
    { sheet: "Bảng", cell: "A4", value: null },
  ]);
  expect(result.refused).toEqual([]);
  expect(result.written).toHaveLength(5);
  expect(xml).toContain('<c r="B2" s="1"><f>B3-B3</f><v>0</v></c>');
  expect(xml).toContain('<c r="B3" s="1" t="str"><f>IF(1,"x","y")</f><v>x</v></c>');
  expect(xml).toContain('<c r="B4" s="1"><v>1518</v></c>');
  expect(cellAt(grid, 3, 1)?.value).toBe('Thôn <2> & "3"');
  expect(cellAt(grid, 4, 1)).toBeUndefined();
  expect(cellAt(grid, 2, 2)).toMatchObject({
    value: 0,
    formula: "=B3-B3",
    numberFormat: "#,##0",
    bold: true,
  });
  // Everything outside sheetData, and the row attributes, are as they were.
  expect(xml).toContain('<row r="1" spans="1:3" customHeight="1" ht="20">');
  expect(xml).toMatch(
    /<\/sheetData><mergeCells count="1"><mergeCell ref="A8:C8"\/><\/mergeCells><pageMargins/,
  );
});

test("new cells go into their row in column order; new rows in row order", () => {
  const { grid, xml } = patch([
    { sheet: "Bảng", cell: "E2", value: 5 },
    { sheet: "Bảng", cell: "D6", value: 7, formula: "=3+4" },
    { sheet: "Bảng", cell: "B5", value: 1 },
    { sheet: "Bảng", cell: "A9", value: "cuối" },
  ]);
  expect(cellAt(grid, 2, 5)?.value).toBe(5);
  expect(cellAt(grid, 6, 4)).toMatchObject({ value: 7, formula: "=3+4" });
  expect(cellAt(grid, 5, 2)?.value).toBe(1);
  expect(cellAt(grid, 9, 1)?.value).toBe("cuối");
  const rows = [...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1]));
  expect(rows).toEqual([1, 2, 3, 4, 5, 6, 9]);
  const row6 = /<row r="6">.*?<\/row>/.exec(xml)![0];
  expect(row6.indexOf('r="A6"')).toBeLessThan(row6.indexOf('r="D6"'));
});

test("overwriting a shared formula's master writes the formula out in the cells that borrowed it", () => {
  const { grid } = patch([{ sheet: "Bảng", cell: "C2", value: 41, formula: "=ROUND(B2/10,0)" }]);
  expect(cellAt(grid, 2, 3)?.formula).toBe("=ROUND(B2/10,0)");
  expect(cellAt(grid, 3, 3)).toMatchObject({ formula: "=B3*2", value: 576 });
  expect(cellAt(grid, 4, 3)).toMatchObject({ formula: "=B4*2", value: 1060 });
});

test("a number format is set through a copy of the cell's style, the original style untouched", () => {
  const { result, xml } = patch([{ sheet: "Bảng", cell: "A2", value: 1, numberFormat: "0.000%" }]);
  const styles = strFromU8(parts(result.bytes)["xl/styles.xml"]);
  expect(styles).toMatch(
    /<numFmts count="2"><numFmt numFmtId="164" formatCode="0.000"\/><numFmt numFmtId="165" formatCode="0.000%"\/><\/numFmts>/,
  );
  expect(styles).toMatch(/<cellXfs count="5">/);
  expect(xml).toContain('<c r="A2" s="4"><v>1</v></c>');
  // Asking for a format the style already has keeps the style.
  const again = patch([{ sheet: "Bảng", cell: "B2", value: 9, numberFormat: "#,##0" }]);
  expect(again.xml).toContain('<c r="B2" s="1"><v>9</v></c>');
  expect(again.result.changed).not.toContain("xl/styles.xml");
});

test("calcChain is dropped with its relationship and content type; full recalculation on load", () => {
  const { result } = patch([{ sheet: "Bảng", cell: "B2", value: 1 }], TABLE, { calcChain: true });
  const p = parts(result.bytes);
  expect(p["xl/calcChain.xml"]).toBeUndefined();
  expect(strFromU8(p["xl/_rels/workbook.xml.rels"])).not.toMatch(/calcChain/);
  expect(strFromU8(p["[Content_Types].xml"])).not.toMatch(/calcChain/);
  expect(strFromU8(p["xl/workbook.xml"])).toContain('<calcPr fullCalcOnLoad="1" calcId="191029"/>');
});

test('locked cells of a protected sheet are refused; unlocked ones written; LibreOffice\'s sheet="true" counts', () => {
  const xml = `<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1" s="3"><v>2</v></c></row></sheetData><sheetProtection sheet="true" password="CA1D"/>`;
  const { result, grid } = patch(
    [
      { sheet: "Bảng", cell: "A1", value: 10 },
      { sheet: "Bảng", cell: "B1", value: 20 },
      { sheet: "Bảng", cell: "C1", value: 30 },
    ],
    xml,
  );
  expect(result.refused.map((r) => `${r.cell} ${r.reason}`)).toEqual(["A1 protected", "C1 protected"]);
  expect(cellAt(grid, 1, 1)?.value).toBe(1);
  expect(cellAt(grid, 1, 2)?.value).toBe(20);
  expect(sheetXml(result.bytes)).toContain('<sheetProtection sheet="true" password="CA1D"/>');
});

test("rich workbook: pivot location, table totals row, array formula and the protected sheet are refused", () => {
  const pkg = openPackage(fs.readFileSync(path.join(RICH, "hoai-thanh-tay-2024-excel.xlsx")), "rich.xlsx");
  const writes: CellWrite[] = [
    { sheet: "Theo khu vực", cell: "B5", value: 566, formula: "=SUM(B6)" },
    { sheet: "DS", cell: "D12", value: 566, formula: "=SUM(D2:D11)" },
    { sheet: "KH 2024", cell: "C19", value: 7947, formula: "=SUM(C7,C13)" },
    { sheet: "Tổng hợp", cell: "B9", value: 1, formula: "=1" }, // inside the array B8:B10
    { sheet: "Ghi chú", cell: "B2", value: "x" },
    { sheet: "KH 2024", cell: "F19", value: 512, formula: "=SUM(F7,F13)" },
  ];
  const result = patchPackage(pkg, { writes });
  expect(result.refused.map((r) => `${r.sheet}!${r.cell} ${r.reason}`)).toEqual([
    "Theo khu vực!B5 pivot",
    "DS!D12 totals",
    "KH 2024!C19 array",
    "Tổng hợp!B9 array",
    "Ghi chú!B2 protected",
  ]);
  expect(result.written.map((w) => w.cell)).toEqual(["F19"]);
  const before = unzipSync(
    new Uint8Array(fs.readFileSync(path.join(RICH, "hoai-thanh-tay-2024-excel.xlsx"))),
  );
  const after = unzipSync(result.bytes);
  for (const name of [
    "xl/worksheets/sheet2.xml",
    "xl/worksheets/sheet6.xml",
    "xl/worksheets/sheet7.xml",
    "xl/worksheets/sheet8.xml",
  ])
    expect(Buffer.from(after[name]).equals(Buffer.from(before[name]))).toBe(true);
});

test("verification refuses a result that lost a part or a defined name", () => {
  const input = makeXlsx([{ name: "Bảng", xml: TABLE }], {
    definedNames:
      '<definedNames><definedName name="X" localSheetId="0" hidden="1">Bảng!$A$1</definedName></definedNames>',
  });
  const pkg = openPackage(input, "bang.xlsx");
  const good = patchPackage(pkg, { writes: [{ sheet: "Bảng", cell: "B2", value: 1 }] });
  expect(() => verifyPatch(pkg, good)).not.toThrow();
  // The same output without styles.xml.
  const p = unzipSync(good.bytes);
  delete p["xl/styles.xml"];
  const lost = writeZip(Object.entries(p).map(([name, data]) => ({ name, data })));
  expect(() => verifyPatch(pkg, { ...good, bytes: lost })).toThrow(/xl\/styles\.xml/);
  // A defined name that lost its scope.
  const q = unzipSync(good.bytes);
  q["xl/workbook.xml"] = new TextEncoder().encode(
    strFromU8(q["xl/workbook.xml"]).replace(' localSheetId="0"', ""),
  );
  const unscoped = writeZip(Object.entries(q).map(([name, data]) => ({ name, data })));
  let error: unknown;
  try {
    verifyPatch(pkg, { ...good, bytes: unscoped });
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(XlsxReadError);
  expect((error as XlsxReadError).message).toMatch(/definedName X/);
  expect((error as XlsxReadError).message).toMatch(/tệp gốc được giữ nguyên/);
});

test("a sheet part not named sheetN.xml, absolute targets and a prefixed namespace are read and patched", () => {
  const pkg0 = makeXlsx([{ name: "Bảng", xml: TABLE }]);
  const p = unzipSync(pkg0);
  p["xl/worksheets/bang_chinh.xml"] = new TextEncoder().encode(
    strFromU8(p["xl/worksheets/sheet1.xml"])
      .replace(`<worksheet xmlns="`, `<x:worksheet xmlns:x="`)
      .replace("</worksheet>", "</x:worksheet>")
      .replace(/<(\/?)(sheetData|row|c|v|f|is|t|mergeCells|mergeCell|pageMargins)\b/g, "<$1x:$2"),
  );
  delete p["xl/worksheets/sheet1.xml"];
  p["xl/_rels/workbook.xml.rels"] = new TextEncoder().encode(
    strFromU8(p["xl/_rels/workbook.xml.rels"]).replace(
      'Target="worksheets/sheet1.xml"',
      'Target="/xl/worksheets/bang_chinh.xml"',
    ),
  );
  const bytes = writeZip(Object.entries(p).map(([name, data]) => ({ name, data })));
  const pkg = openPackage(bytes, "odd.xlsx");
  expect(pkg.sheets[0].part).toBe("xl/worksheets/bang_chinh.xml");
  expect(cellAt(readGrids(pkg)[0], 3, 3)).toMatchObject({ formula: "=B3*2", value: 576 });
  const result = patchPackage(pkg, {
    writes: [
      { sheet: "Bảng", cell: "B3", value: 290 },
      { sheet: "Bảng", cell: "D7", value: 1 },
    ],
  });
  const xml = strFromU8(unzipSync(result.bytes)["xl/worksheets/bang_chinh.xml"]);
  expect(xml).toContain('<x:c r="B3" s="1"><x:v>290</x:v></x:c>');
  expect(xml).toContain('<x:row r="7"><x:c r="D7"><x:v>1</x:v></x:c></x:row>');
});
