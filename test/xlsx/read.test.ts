// Our reader → Grid, on files written by ExcelJS (a producer we did not write): values, formulas (with "="), cached
// results, formats, merges, bold; typed read errors.
import * as path from "path";
import * as fs from "fs";
import ExcelJS from "exceljs";
import { cellAt, rangeA1 } from "../../src/engine/grid";
import { openPackage } from "../../src/hosts/xlsx/package";
import { readGrids } from "../../src/hosts/xlsx/sheet";
import { readPackageFile } from "../../src/hosts/xlsx/file";
import { XlsxReadError } from "../../src/hosts/xlsx/errors";

async function readFileGrids(file: string) {
  return readGrids(await readPackageFile(file));
}

const SAMPLES = path.resolve(__dirname, "..", "..", "samples");

/** Writes and reads back through real .xlsx bytes, the way a file from a user arrives. */
async function roundTrip(build: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void) {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet("Biểu 1"), wb);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  return readGrids(openPackage(bytes, "thu.xlsx"));
}

describe("reading the demo sample", () => {
  it("gives one grid per sheet with values, text numbers, formats, merges and bold", async () => {
    const grids = await readFileGrids(path.join(SAMPLES, "ke-hoach-giam-ngheo-2024.xlsx"));
    expect(grids.map((g) => g.sheet)).toEqual(["KH 2024", "Ghi chú"]);
    const g = grids[0];
    expect(cellAt(g, 1, 1)?.value).toBe(
      "DỰ KIẾN TỶ LỆ HỘ NGHÈO, HỘ CẬN NGHÈO PHƯỜNG HOÀI THANH TÂY NĂM 2024",
    );
    expect(cellAt(g, 1, 1)?.bold).toBe(true);
    expect(cellAt(g, 2, 1)?.bold).toBeUndefined();
    expect(cellAt(g, 9, 3)).toEqual({ value: 1.518, numberFormat: "#,##0" });
    expect(cellAt(g, 14, 3)?.value).toBe("1.518");
    expect(cellAt(g, 12, 5)?.value).toBe("13,70");
    expect(cellAt(g, 11, 5)).toEqual({ value: 7.52, numberFormat: "0.00" });
    expect(cellAt(g, 6, 5)?.value).toBe("3=2/1*100");
    const merges = g.merges.map(rangeA1);
    for (const m of ["A1:J1", "A4:A5", "D4:E4", "I4:J4", "A19:B19"]) expect(merges).toContain(m);
    // The merged total label lives in A19 only; B19 (covered by the merge) is empty in the grid.
    expect(cellAt(g, 19, 1)?.value).toBe("Tổng cộng (I+II)");
    expect(cellAt(g, 19, 2)).toBeUndefined();
    expect(cellAt(g, 19, 3)?.bold).toBe(true);
  });

  it("reads formulas with their leading = and the cached result", async () => {
    const [g] = await readFileGrids(path.join(SAMPLES, "bao-cao-ket-qua-2023-sach.xlsx"));
    expect(cellAt(g, 7, 5)).toEqual({ value: 7.52, formula: "=ROUND(D7/C7*100,2)", numberFormat: "0.00" });
    expect(cellAt(g, 14, 3)?.formula).toBe("=SUM(C7:C13)");
    expect(cellAt(g, 14, 3)?.value).toBe(412 + 288 + 530 + 197 + 355 + 466 + 329);
  });
});

describe("cell kinds", () => {
  it("expands shared formulas to each cell's own text", async () => {
    const [g] = await roundTrip((ws) => {
      for (let r = 1; r <= 4; r++) {
        ws.getCell(r, 1).value = 100 * r;
        ws.getCell(r, 2).value = 7 * r;
      }
      ws.fillFormula("C1:C4", "ROUND(B1/A1*100,2)", [7, 7, 7, 7]);
    });
    expect([1, 2, 3, 4].map((r) => cellAt(g, r, 3)?.formula)).toEqual([
      "=ROUND(B1/A1*100,2)",
      "=ROUND(B2/A2*100,2)",
      "=ROUND(B3/A3*100,2)",
      "=ROUND(B4/A4*100,2)",
    ]);
    expect(cellAt(g, 4, 3)?.value).toBe(7);
  });

  it("flattens rich text, keeps errors, booleans and dates as text, drops empty cells", async () => {
    const [g] = await roundTrip((ws) => {
      ws.getCell("A1").value = { richText: [{ text: "Tổng số " }, { font: { bold: true }, text: "hộ" }] };
      ws.getCell("A2").value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
      ws.getCell("A3").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
      ws.getCell("A4").value = true;
      ws.getCell("A5").value = new Date(Date.UTC(2024, 0, 15));
      ws.getCell("A6").value = "";
      ws.getCell("A7").value = { text: "Quyết định", hyperlink: "https://example.invalid" };
    });
    expect(cellAt(g, 1, 1)?.value).toBe("Tổng số hộ");
    expect(cellAt(g, 2, 1)?.value).toEqual({ error: "#DIV/0!" });
    expect(cellAt(g, 3, 1)).toMatchObject({ value: { error: "#DIV/0!" }, formula: "=1/0" });
    expect(cellAt(g, 4, 1)?.value).toBe(true);
    expect(cellAt(g, 5, 1)).toMatchObject({ value: "15/01/2024", text: "15/01/2024" });
    expect(cellAt(g, 6, 1)).toBeUndefined();
    expect(cellAt(g, 7, 1)?.value).toBe("Quyết định");
  });
});

describe("files that are not usable workbooks", () => {
  const cases: [string, Uint8Array, string, RegExp][] = [
    ["empty", new Uint8Array(), "empty", /rỗng/],
    ["text", new TextEncoder().encode("STT,Thôn\n1,An\n"), "csv", /không phải là bảng tính Excel/],
    ["zip without a workbook", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "corrupt", /bị hỏng/],
  ];
  it.each(cases)("%s → %s", async (_name, bytes, code, message) => {
    let err: unknown;
    try {
      openPackage(bytes, "x.xlsx");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(XlsxReadError);
    expect((err as XlsxReadError).code).toBe(code);
    expect((err as XlsxReadError).message).toMatch(message);
    expect((err as XlsxReadError).inLang("en").message).toContain("x.xlsx");
  });

  it("a missing path", async () => {
    const err = await readPackageFile("/khong/co/tep.xlsx").catch((e: unknown) => e);
    expect((err as XlsxReadError).code).toBe("not-found");
  });

  it("accepts an ArrayBuffer, as the browser gives", async () => {
    const buf = fs.readFileSync(path.join(SAMPLES, "binh-dinh-dau-ky-2022.xlsx"));
    const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
    const grids = readGrids(openPackage(ab as ArrayBuffer, "bd.xlsx"));
    expect(grids[0].sheet).toBe("Đầu kỳ 2022");
  });
});
