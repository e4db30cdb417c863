// Marks (conditional formats that are ours and removed exactly), selecting a cell, the appendix renderer, and
// settings/overrides in the document — each with its fallback when the API set is missing.
import { createOfficeHost } from "../../src/hosts/office";
import { MARK_TAG } from "../../src/hosts/office/marks";
import { uniqueSheetName } from "../../src/hosts/office/render-appendix";
import type { AppendixLayout } from "../../src/engine/appendix";
import type { Finding } from "../../src/engine/report";
import { DEFAULT_SETTINGS } from "../../src/hosts/port";
import { fakeSettings } from "./fake-excel";
import { SHEET, makeWorkbook } from "./sheet";

const finding = (
  cell: string,
  severity: Finding["severity"],
  rule: Finding["rule"] = "rate-mismatch",
): Finding => ({
  rule,
  severity,
  cell,
  actual: 5.1,
  expected: 5.1,
  message: `Tỷ lệ ở ô ${cell} không khớp`,
  related: [],
});

const FINDINGS = [
  finding("E8", "error"),
  finding("E9", "error"),
  finding("E10", "warning", "rate-rounding"),
  finding("C9", "info", "number-as-text"),
  finding("C13", "error", "sum-mismatch"),
  finding("C9", "error", "non-integer-count"),
];

describe("markFindings / clearMarks", () => {
  test("one conditional format per area in its worst severity, 2 syncs; clear removes exactly ours", async () => {
    const wb = makeWorkbook();
    // The user's own conditional format must survive.
    wb.sheet(SHEET).cfs.push(
      { range: "D8:D12", type: "CellValue", formula: "" },
      { range: "C8:C12", type: "Custom", formula: "=C8>1000" },
    );
    const host = createOfficeHost({ env: wb.env() });
    await host.markFindings(SHEET, FINDINGS);
    // Nothing of ours to look for yet: one sync adds the marks and reads their ids.
    expect(wb.syncs).toBe(1);
    const ours = wb.sheet(SHEET).cfs.filter((cf) => cf.formula.includes(MARK_TAG));
    expect(ours.map((cf) => `${cf.range} ${cf.formula} ${cf.fill}`).sort()).toEqual([
      `C13 =ISTEXT("${MARK_TAG}:error") #FFC7CE`,
      `C9 =ISTEXT("${MARK_TAG}:error") #FFC7CE`,
      `E10 =ISTEXT("${MARK_TAG}:warning") #FFEB9C`,
      `E8:E9 =ISTEXT("${MARK_TAG}:error") #FFC7CE`,
    ]);
    // Marking again replaces ours, never stacks.
    await host.markFindings(SHEET, FINDINGS.slice(0, 2));
    expect(
      wb
        .sheet(SHEET)
        .cfs.filter((cf) => cf.formula.includes(MARK_TAG))
        .map((cf) => cf.range),
    ).toEqual(["E8:E9"]);
    wb.syncs = 0;
    await host.clearMarks(SHEET);
    expect(wb.syncs).toBe(2);
    expect(wb.sheet(SHEET).cfs).toEqual([
      { range: "D8:D12", type: "CellValue", formula: "" },
      { range: "C8:C12", type: "Custom", formula: "=C8>1000" },
    ]);
    // Nothing of ours left: no Office call at all; the user's rules were never loaded.
    wb.syncs = 0;
    await host.clearMarks(SHEET);
    expect(wb.syncs).toBe(0);
    expect(wb.calls).not.toContain("cf.loadAll");
  });

  test("without ExcelApi 1.6: no Office call, a message instead", async () => {
    const wb = makeWorkbook();
    const notices: string[] = [];
    const host = createOfficeHost({
      env: wb.env((_n, v) => Number(v.split(".")[1]) < 6),
      onNotice: (m) => notices.push(m),
    });
    await host.markFindings(SHEET, FINDINGS);
    await host.clearMarks(SHEET);
    expect(wb.syncs).toBe(0);
    expect(wb.sheet(SHEET).cfs).toEqual([]);
    expect(notices).toEqual([expect.stringContaining("ExcelApi 1.6")]);
  });

  test("English messages when asked", async () => {
    const wb = makeWorkbook();
    const notices: string[] = [];
    const host = createOfficeHost({ env: wb.env(() => false), onNotice: (m) => notices.push(m), lang: "en" });
    await host.markFindings(SHEET, FINDINGS);
    expect(notices[0]).toMatch(/^This Excel version does not support conditional formats/);
  });
});

describe("selectCell", () => {
  test("activates the sheet and selects the cell in one sync", async () => {
    const wb = makeWorkbook();
    wb.active = 1;
    await createOfficeHost({ env: wb.env() }).selectCell(SHEET, "E13");
    expect(wb.syncs).toBe(1);
    expect(wb.sheets[wb.active].name).toBe(SHEET);
    expect(wb.selection).toBe("E13");
  });
  test("a missing sheet or a bad address is named in the message", async () => {
    const wb = makeWorkbook();
    const host = createOfficeHost({ env: wb.env() });
    await expect(host.selectCell("Biểu 09", "A1")).rejects.toThrow('Không tìm thấy trang tính "Biểu 09"');
    await expect(host.selectCell(SHEET, "13E")).rejects.toThrow(
      `Địa chỉ ô "13E" trên trang "${SHEET}" không hợp lệ.`,
    );
  });
});

const LAYOUT: AppendixLayout = {
  sheetName: "Phụ lục",
  fontName: "Times New Roman",
  cells: [
    {
      row: 1,
      col: 1,
      value: "DỰ KIẾN TỶ LỆ HỘ NGHÈO XÃ AN HÒA NĂM 2024",
      style: { bold: true, horizontal: "center", fontSize: 14 },
    },
    {
      row: 2,
      col: 1,
      value: "(Kèm theo Kế hoạch số 45/KH-UBND ngày 12/3/2024 của UBND xã An Hòa)",
      style: { italic: true, horizontal: "center" },
    },
    {
      row: 4,
      col: 1,
      value: "STT",
      style: { bold: true, border: true, wrap: true, horizontal: "center", vertical: "middle" },
    },
    {
      row: 4,
      col: 2,
      value: "Thôn",
      style: { bold: true, border: true, wrap: true, horizontal: "center", vertical: "middle" },
    },
    {
      row: 4,
      col: 3,
      value: "Tổng số hộ",
      style: { bold: true, border: true, wrap: true, horizontal: "center", vertical: "middle" },
    },
    {
      row: 4,
      col: 4,
      value: "Số hộ nghèo",
      style: { bold: true, border: true, wrap: true, horizontal: "center", vertical: "middle" },
    },
    {
      row: 4,
      col: 5,
      value: "Tỷ lệ (%)",
      style: { bold: true, border: true, wrap: true, horizontal: "center", vertical: "middle" },
    },
    { row: 5, col: 1, value: 1, style: { border: true, horizontal: "center" } },
    { row: 5, col: 2, value: "Thôn Bình An", style: { border: true } },
    { row: 5, col: 3, value: 1518, style: { border: true, numberFormat: "#,##0" } },
    { row: 5, col: 4, value: 21, style: { border: true, numberFormat: "#,##0" } },
    {
      row: 5,
      col: 5,
      value: 1.38,
      formula: "=ROUND(D5/C5*100,2)",
      style: { border: true, numberFormat: "0.00" },
    },
    { row: 6, col: 1, value: "Tổng cộng", style: { bold: true, border: true } },
    {
      row: 6,
      col: 3,
      value: 1518,
      formula: "=SUM(C5:C5)",
      style: { bold: true, border: true, numberFormat: "#,##0" },
    },
    {
      row: 6,
      col: 4,
      value: 21,
      formula: "=SUM(D5:D5)",
      style: { bold: true, border: true, numberFormat: "#,##0" },
    },
    {
      row: 6,
      col: 5,
      value: 1.38,
      formula: "=ROUND(D6/C6*100,2)",
      style: { bold: true, border: true, numberFormat: "0.00" },
    },
  ],
  merges: [
    { top: 1, left: 1, bottom: 1, right: 5 },
    { top: 2, left: 1, bottom: 2, right: 5 },
    { top: 6, left: 1, bottom: 6, right: 2 },
  ],
  columnWidths: [6, 28, 12, 12, 10],
  printTitleRows: [4, 4],
  page: { paper: "A4", orientation: "portrait", fitToWidth: true },
};

describe("writeAppendix", () => {
  test("a new sheet with a unique name, formulas, formats, fonts, merges, widths and A4 setup, in 2 syncs", async () => {
    const wb = makeWorkbook();
    wb.addSheet("Phụ lục", [["bản cũ của người dùng"]]);
    const name = await createOfficeHost({ env: wb.env() }).writeAppendix(LAYOUT);
    expect(name).toBe("Phụ lục (2)");
    expect(wb.syncs).toBe(2);
    expect(wb.sheet("Phụ lục").cells.get("A1")?.value).toBe("bản cũ của người dùng");
    const s = wb.sheet(name);
    expect(s.cells.get("E5")).toMatchObject({ formula: "=ROUND(D5/C5*100,2)", numberFormat: "0.00" });
    expect(s.cells.get("C5")).toMatchObject({ value: 1518, numberFormat: "#,##0" });
    expect(s.cells.get("B5")?.value).toBe("Thôn Bình An");
    expect(s.formats.get("A1")).toMatchObject({
      "font.name": "Times New Roman",
      "font.bold": true,
      "font.size": 14,
    });
    expect(s.formats.get("A2")).toMatchObject({ "font.italic": true });
    expect(s.formats.get("C4")).toMatchObject({ "border.EdgeTop": "Continuous", wrapText: true });
    expect(s.formats.get("B5")?.["font.bold"]).toBeUndefined();
    expect(s.merges).toEqual(LAYOUT.merges);
    expect(s.columnWidths.get(2)).toBeCloseTo((28 * 7 + 5) * 0.75);
    // The page as the engine's style module says (Nghị định 30 margins: 20/20/30/15 mm), both fit directions.
    expect(s.page).toEqual({
      paperSize: "A4",
      orientation: "Portrait",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: expect.any(Number) },
      printTitleRows: "$4:$4",
      topMargin: 56.7,
      bottomMargin: 56.7,
      leftMargin: 85,
      rightMargin: 42.5,
      headerMargin: 22.7,
      footerMargin: 22.7,
      centerHorizontally: true,
    });
    expect(s.freeze).toBe(4);
    expect(s.showGridlines).toBe(false);
    expect(wb.sheets[wb.active].name).toBe(name);
  });

  test("row heights from the layout (merged wrapped header rows), not autofit", async () => {
    const wb = makeWorkbook();
    const layout: AppendixLayout = { ...LAYOUT, rowHeights: { 1: 40, 2: 34, 4: 52, 5: 18, 6: 18 } };
    const name = await createOfficeHost({ env: wb.env() }).writeAppendix(layout);
    const heights = Object.fromEntries(wb.sheet(name).rowHeights ?? []);
    expect(heights).toEqual({ 1: 40, 2: 34, 4: 52, 5: 18, 6: 18 });
    expect(wb.calls).not.toContain("autofitRows");
  });

  test("a host that ignores the fit (office-js #1860) is caught by reading it back, and the user told", async () => {
    const wb = makeWorkbook();
    const notices: string[] = [];
    const host = createOfficeHost({ env: wb.env(), onNotice: (m) => notices.push(m) });
    // Both directions set: applied, even where one alone is ignored (the fake models #1860), nothing to say.
    await host.writeAppendix(LAYOUT);
    expect(notices).toEqual([]);
    // A host that applies no zoom at all: what the adapter reads back differs from what it set.
    wb.ignoreZoom = true;
    await host.writeAppendix(LAYOUT);
    expect(notices).toEqual([expect.stringContaining("Chiều rộng: 1 trang")]);
  });

  test("without ExcelApi 1.9 (page layout) the sheet is still written, and the user told", async () => {
    const wb = makeWorkbook();
    const notices: string[] = [];
    const name = await createOfficeHost({
      env: wb.env((_n, v) => Number(v.split(".")[1]) < 9),
      onNotice: (m) => notices.push(m),
    }).writeAppendix(LAYOUT);
    expect(name).toBe("Phụ lục");
    expect(wb.sheet(name).page).toEqual({});
    expect(wb.sheet(name).cells.get("E6")?.formula).toBe("=ROUND(D6/C6*100,2)");
    expect(notices).toEqual([expect.stringContaining("ExcelApi 1.9")]);
  });

  test("sheet names: invalid characters removed, 31 characters at most, case-insensitive uniqueness", () => {
    expect(uniqueSheetName("Phụ lục 01/2024: dự kiến", [])).toBe("Phụ lục 01 2024  dự kiến");
    expect(uniqueSheetName("PHỤ LỤC", ["Phụ lục", "phụ lục (2)"])).toBe("PHỤ LỤC (3)");
    expect(uniqueSheetName("x".repeat(40), ["x".repeat(31)])).toBe(`${"x".repeat(27)} (2)`);
  });
});

describe("settings and overrides in the document", () => {
  test("round trip through Office.context.document.settings, saved with saveAsync", async () => {
    const settings = fakeSettings();
    const wb = makeWorkbook();
    const host = createOfficeHost({ env: wb.env(() => true, settings) });
    expect(await host.loadSettings()).toEqual(DEFAULT_SETTINGS);
    await host.saveSettings({ rateDecimals: 1, rounding: "truncate", writeFormulas: false, lang: "en" });
    await host.saveOverrides(SHEET, {
      columns: { C: { role: "households", period: "2023" } },
      rows: { 13: "total" },
    });
    expect(settings.saves).toBe(2);
    // A new host (pane reopened) reads them back.
    const again = createOfficeHost({ env: wb.env(() => true, settings) });
    expect(await again.loadSettings()).toEqual({
      rateDecimals: 1,
      rounding: "truncate",
      writeFormulas: false,
      lang: "en",
    });
    expect(await again.loadOverrides(SHEET)).toEqual({
      columns: { C: { role: "households", period: "2023" } },
      rows: { 13: "total" },
    });
    expect(await again.loadOverrides("Ghi chú")).toEqual({});
  });

  test("damaged stored values fall back to defaults, field by field", async () => {
    const settings = fakeSettings();
    settings.set("phuluc.settings", { rateDecimals: "hai", rounding: "truncate", lang: "fr" });
    settings.set(`phuluc.overrides:${SHEET}`, {
      columns: { C: { role: "tiền" }, "1x": { role: "households" } },
      rows: { 13: "tổng", 14: "total" },
    });
    const host = createOfficeHost({ env: makeWorkbook().env(() => true, settings) });
    expect(await host.loadSettings()).toEqual({ ...DEFAULT_SETTINGS, rounding: "truncate" });
    expect(await host.loadOverrides(SHEET)).toEqual({ columns: { C: {} }, rows: { 14: "total" } });
  });

  test("a failed save is reported in Vietnamese", async () => {
    const settings = fakeSettings();
    (settings as unknown as { saveAsync: (cb: (r: unknown) => void) => void }).saveAsync = (cb) =>
      cb({ status: "failed", error: { message: "Tài liệu chỉ đọc" } });
    const host = createOfficeHost({ env: makeWorkbook().env(() => true, settings) });
    await expect(host.saveSettings(DEFAULT_SETTINGS)).rejects.toThrow(
      "Không lưu được cài đặt vào sổ tính: Tài liệu chỉ đọc",
    );
  });
});
