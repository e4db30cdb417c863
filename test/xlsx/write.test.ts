// WritePlan → ExcelJS workbook: formulas with cached results, formats on the written cell only, the rest kept.
import ExcelJS from "exceljs";
import { applyWritePlan } from "../../src/hosts/xlsx/write";
import { loadWorkbook, workbookToGrids } from "../../src/hosts/xlsx/read";
import { cellAt } from "../../src/engine/grid";

async function reread(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return back;
}

async function sheetFromFile(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Biểu 1");
  ws.columns = [{ width: 6 }, { width: 24 }, { width: 11 }, { width: 10 }, { width: 10 }];
  const rows = [
    [1, "Thôn An", 412, 31, 7.52],
    [2, "Thôn Bình", 288, 22, 7.64],
    [3, "Thôn Hòa", 530, 47, 8.86],
  ];
  rows.forEach((r, i) => r.forEach((v, j) => (ws.getCell(i + 1, j + 1).value = v)));
  for (let r = 1; r <= 3; r++) {
    for (let c = 1; c <= 5; c++) {
      const cell = ws.getCell(r, c);
      cell.font = { name: "Times New Roman", size: 12, bold: r === 3 };
      cell.border = { top: { style: "thin" }, bottom: { style: "thin" } };
      cell.numFmt = c === 5 ? "0.00" : "#,##0";
    }
  }
  ws.mergeCells("A5:B5");
  ws.getCell("A5").value = "Tổng cộng";
  ws.fillFormula("D5:E5", "SUM(D1:D3)", [100, 23.99]); // a shared formula whose master we will overwrite
  wb.addWorksheet("Khác").getCell("A1").value = "giữ nguyên";
  return reread(wb); // styles read from a file are shared between cells: the case that matters
}

describe("applyWritePlan", () => {
  it("writes formulas without '=' and with their cached result, values as numbers, formats per cell", async () => {
    const wb = await sheetFromFile();
    const result = applyWritePlan(wb, {
      writes: [
        { sheet: "Biểu 1", cell: "E1", value: 7.52, formula: "=ROUND(D1/C1*100,2)" },
        { sheet: "Biểu 1", cell: "C2", value: 288, numberFormat: "#,##0" },
        { sheet: "Biểu 1", cell: "E3", value: 8.87, formula: "=ROUND(D3/C3*100,2)", numberFormat: "0.000" },
      ],
    });
    expect(result).toEqual({ formulas: 2, values: 1 });
    const back = await reread(wb);
    const ws = back.getWorksheet("Biểu 1")!;
    expect(ws.getCell("E1").value).toEqual({ formula: "ROUND(D1/C1*100,2)", result: 7.52 });
    expect(ws.getCell("E3").numFmt).toBe("0.000");
    // Only E3 got the new format, though E1..E3 shared one style object when read.
    expect(ws.getCell("E2").numFmt).toBe("0.00");
    expect(ws.getCell("E1").numFmt).toBe("0.00");
    expect(ws.getCell("E3").font).toMatchObject({ name: "Times New Roman", bold: true });
    expect(ws.getCell("E1").border).toEqual({ top: { style: "thin" }, bottom: { style: "thin" } });
    expect(ws.columns.map((c) => c.width)).toEqual([6, 24, 11, 10, 10]);
    expect(ws.model.merges).toEqual(["A5:B5"]);
    expect(back.getWorksheet("Khác")!.getCell("A1").value).toBe("giữ nguyên");
  });

  it("overwriting a shared formula's master keeps the cells that borrowed it", async () => {
    const wb = await sheetFromFile();
    applyWritePlan(wb, { writes: [{ sheet: "Biểu 1", cell: "D5", value: 100, formula: "=SUM(D1:D3)" }] });
    const [g] = workbookToGrids(await loadWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()), "t.xlsx"));
    expect(cellAt(g, 5, 4)).toMatchObject({ formula: "=SUM(D1:D3)", value: 100 });
    expect(cellAt(g, 5, 5)).toMatchObject({ formula: "=SUM(E1:E3)", value: 23.99 });
  });

  it("sets full recalculation on load and refuses an unknown sheet", async () => {
    const wb = await sheetFromFile();
    applyWritePlan(wb, { writes: [] });
    expect(wb.calcProperties.fullCalcOnLoad).toBe(true);
    expect(() => applyWritePlan(wb, { writes: [{ sheet: "Không có", cell: "A1", value: 1 }] })).toThrow(
      /Không có/,
    );
  });
});
