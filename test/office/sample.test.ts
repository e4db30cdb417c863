// "Dùng bảng mẫu" inside Excel (issue 10): the sample added as a NEW sheet through the Office adapter, over the fake
// workbook and its strict limits. What is expected comes from the shared data module (src/taskpane/sampleTable.ts)
// and from the standalone page's .xlsx of the same data, never from what the writer returned.
import { cellAt, parseA1, parseRangeA1, type Grid } from "../../src/engine/grid";
import { createOfficeHost } from "../../src/hosts/office";
import { UNDO_SHEET } from "../../src/hosts/office/write";
import { widthToPoints } from "../../src/engine/appendix";
import { DEFAULT_SETTINGS } from "../../src/hosts/port";
import { runAnalysis } from "../../src/hosts/analysis";
import { sampleWorkbook } from "../../src/standalone/sample";
import {
  SAMPLE_BOLD_ROWS,
  SAMPLE_COLUMNS,
  SAMPLE_MERGES,
  SAMPLE_PLANTED,
  SAMPLE_ROWS,
  SAMPLE_WIDTHS,
} from "../../src/hosts/sample-table";
import { FakeWorkbook, MERGED_AREA_LIMIT, PAYLOAD_LIMIT, fakeSettings, upTo } from "./fake-excel";
import { SHEET, fixPlanForSheet, makeWorkbook } from "./sheet";

const planted = SAMPLE_PLANTED.map((p) => `${p.cell} ${p.rule}`);

function findingsOf(grid: Grid): string[] {
  return runAnalysis(grid, DEFAULT_SETTINGS, {})[0].findings.map((f) => `${f.cell} ${f.rule}`);
}

describe("writeSample: the sample as a new sheet", () => {
  test("a new active sheet with the values, text kept text, formats, font, bold rows, merges and widths, in 2 syncs", async () => {
    const wb = makeWorkbook();
    const before = wb.dump(SHEET, "A1:G13");
    const host = createOfficeHost({ env: wb.env() });
    const name = await host.writeSample("Bảng mẫu");
    expect(name).toBe("Bảng mẫu");
    expect(wb.syncs).toBe(2);
    expect(Math.max(...wb.payloads)).toBeLessThan(PAYLOAD_LIMIT);
    expect(wb.sheets.map((s) => s.name)).toEqual([SHEET, "Ghi chú", "Bảng mẫu"]);
    expect(wb.sheets[wb.active].name).toBe("Bảng mẫu");
    // The user's sheets are untouched.
    expect(wb.dump(SHEET, "A1:G13")).toEqual(before);

    const s = wb.sheet(name);
    // Every cell as the data says; typed text in a number column stays text.
    SAMPLE_ROWS.forEach((row, i) =>
      row.forEach((v, j) => {
        const addr = `${String.fromCharCode(65 + j)}${i + 1}`;
        expect([addr, s.cells.get(addr)?.value ?? null]).toEqual([addr, v]);
      }),
    );
    expect(s.cells.get("D10")?.value).toBe("13");
    expect(s.cells.get("C6")?.value).toBe("1");
    expect(s.cells.get("C12")?.value).toBe(1792);
    expect(s.cells.get("C7")?.numberFormat).toBe("#,##0");
    expect(s.cells.get("E9")?.numberFormat).toBe("0.00");
    expect(s.cells.get("E12")?.numberFormat).toBe("0.00");
    expect(s.cells.get("B7")?.numberFormat).toBe("General");
    expect(s.formats.get("A1")).toMatchObject({
      "font.name": "Times New Roman",
      "font.size": 12,
      "font.bold": true,
    });
    for (const r of SAMPLE_BOLD_ROWS)
      for (let c = 1; c <= SAMPLE_COLUMNS; c++)
        expect(s.formats.get(`${String.fromCharCode(64 + c)}${r}`)?.["font.bold"]).toBe(true);
    expect(s.formats.get("B7")?.["font.bold"]).toBeUndefined();
    expect(s.formats.get("A2")?.["font.bold"]).toBeUndefined();
    expect(s.merges).toEqual(SAMPLE_MERGES.map(parseRangeA1));
    expect(s.merges.length).toBeLessThan(MERGED_AREA_LIMIT);
    SAMPLE_WIDTHS.forEach((w, i) => expect(s.columnWidths.get(i + 1)).toBeCloseTo((w * 7 + 5) * 0.75));
    expect(s.columnWidths.get(2)).toBe(widthToPoints(22));
  });

  test("the pane's next read is the sample, even when the user had selected a range on their sheet", async () => {
    const wb = makeWorkbook();
    wb.selection = "C8:E13";
    const host = createOfficeHost({ env: wb.env() });
    const name = await host.writeSample("Bảng mẫu");
    const grid = (await host.readGrid())!;
    expect(grid.sheet).toBe(name);
    expect([grid.top, grid.left]).toEqual([1, 1]);
    expect(cellAt(grid, SAMPLE_ROWS.length, 2)?.value).toBe("Tổng cộng");
    // The checker finds exactly the planted mistakes among its errors and text numbers.
    const found = findingsOf(grid);
    expect(found).toEqual(expect.arrayContaining(planted));
    expect(found.filter((f) => /sum-mismatch|rate-mismatch|number-as-text/.test(f)).sort()).toEqual(
      [...planted].sort(),
    );
  });

  test("the Excel sheet and the standalone page's file are the same table: same values, formats and merges", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("Trang tính 1", [["của người dùng"]]);
    const host = createOfficeHost({ env: wb.env() });
    await host.writeSample("Bảng mẫu");
    const excel = (await host.readGrid())!;
    const file = sampleWorkbook("Bảng mẫu").grid("Bảng mẫu");
    for (let r = 1; r <= SAMPLE_ROWS.length; r++)
      for (let c = 1; c <= SAMPLE_COLUMNS; c++) {
        const a = cellAt(excel, r, c);
        const b = cellAt(file, r, c);
        expect([r, c, a?.value ?? null, a?.numberFormat ?? "General"]).toEqual([
          r,
          c,
          b?.value ?? null,
          b?.numberFormat ?? "General",
        ]);
      }
    const key = (g: Grid) => g.merges.map((m) => `${m.top},${m.left},${m.bottom},${m.right}`).sort();
    expect(key(excel)).toEqual(key(file));
    expect(findingsOf(excel)).toEqual(findingsOf(file));
  });

  test("a second use adds a second sheet with a unique name; a user's own sheet of that name is never written", async () => {
    const wb = makeWorkbook();
    wb.addSheet("bảng mẫu", [["ghi chép của tôi"]]);
    const host = createOfficeHost({ env: wb.env() });
    const first = await host.writeSample("Bảng mẫu");
    wb.syncs = 0;
    const second = await host.writeSample("Bảng mẫu");
    expect([first, second]).toEqual(["Bảng mẫu (2)", "Bảng mẫu (3)"]);
    expect(wb.syncs).toBe(2);
    expect(wb.sheet("bảng mẫu").cells.get("A1")?.value).toBe("ghi chép của tôi");
    expect(wb.sheet("bảng mẫu").cells.size).toBe(1);
    expect(wb.sheet(first).cells.get("C12")?.value).toBe(1792);
    expect(wb.sheets[wb.active].name).toBe(second);
  });

  test("the title follows the pane's language", async () => {
    const wb = makeWorkbook();
    const name = await createOfficeHost({ env: wb.env(), lang: "en" }).writeSample("Sample table");
    expect(name).toBe("Sample table");
    expect(wb.sheet(name).cells.get("A1")?.value).toBe(SAMPLE_ROWS[0][0]);
  });

  test("the very hidden undo sheet counts as a taken name but is never touched", async () => {
    const wb = makeWorkbook();
    const host = createOfficeHost({ env: wb.env(upTo("1.19")) });
    await host.applyWrites(fixPlanForSheet());
    const undoCells = new Map(wb.sheet(UNDO_SHEET).cells);
    await host.writeSample(UNDO_SHEET);
    expect(wb.sheet(UNDO_SHEET).cells).toEqual(undoCells);
  });
});

describe("writeSample: failures become a message, never a half-written sheet", () => {
  test("cell-edit mode on an Excel without delayForCellEdit (before 1.11): a Vietnamese message, nothing added", async () => {
    const wb = makeWorkbook();
    wb.cellEditing = true;
    const host = createOfficeHost({ env: wb.env(upTo("1.10")) });
    const error = await host.writeSample("Bảng mẫu").then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.name).toBe("OfficeHostError");
    expect(error?.message).toBe(
      'Excel đang ở chế độ sửa ô nên chưa thêm được trang "Bảng mẫu": nhấn Enter hoặc Esc rồi bấm lại “Dùng bảng mẫu”.',
    );
    expect(error?.message).not.toContain("InvalidOperationInCellEditMode");
    expect(wb.sheets.map((s) => s.name)).toEqual([SHEET, "Ghi chú"]);
  });

  test("cell-edit mode on a newer Excel: the write waits for the user, says so, then adds the sheet", async () => {
    const wb = makeWorkbook();
    wb.cellEditing = true;
    const notices: string[] = [];
    const host = createOfficeHost({ env: wb.env(), onNotice: (m) => notices.push(m), cellEditNoticeMs: 5 });
    const writing = host.writeSample("Bảng mẫu");
    await new Promise((r) => setTimeout(r, 30));
    expect(wb.sheets).toHaveLength(2);
    expect(notices).toEqual([expect.stringContaining("nhấn Enter hoặc Esc")]);
    wb.leaveCellEdit();
    expect(await writing).toBe("Bảng mẫu");
    expect(wb.runOptions.every((o) => o.delayForCellEdit === true)).toBe(true);
  });

  test("a protected workbook structure: the message says where to unprotect, one sync, nothing added", async () => {
    const wb = makeWorkbook();
    wb.structureProtected = true;
    const host = createOfficeHost({ env: wb.env() });
    await expect(host.writeSample("Bảng mẫu")).rejects.toThrow(
      'Cấu trúc sổ tính đang được bảo vệ (Xem lại > Bảo vệ sổ làm việc): không thêm được trang "Bảng mẫu".',
    );
    expect(wb.syncs).toBe(1);
    expect(wb.sheets).toHaveLength(2);
  });

  test("without WorkbookProtection (ExcelApi 1.7) Excel's AccessDenied on the new sheet gives the same message", async () => {
    const wb = makeWorkbook();
    wb.structureProtected = true;
    const host = createOfficeHost({ env: wb.env(upTo("1.6")), lang: "en" });
    await expect(host.writeSample("Sample table")).rejects.toThrow(
      'The workbook structure is protected (Review > Protect Workbook): cannot add the sheet "Sample table".',
    );
    expect(wb.sheets).toHaveLength(2);
  });

  test("any other failure names the sheet and the range, without a stack", async () => {
    const wb = makeWorkbook();
    const env = wb.env();
    const host = createOfficeHost({
      env: {
        ...env,
        run: (batch, options) =>
          env.run(async (context) => {
            const add = context.workbook.worksheets.add.bind(context.workbook.worksheets);
            (context.workbook.worksheets as { add: unknown }).add = (n: string) => {
              const ws = add(n);
              ws.getRange = () => {
                throw Object.assign(new Error("The argument is invalid or missing."), {
                  code: "InvalidArgument",
                });
              };
              return ws;
            };
            return batch(context);
          }, options),
      },
    });
    await expect(host.writeSample("Bảng mẫu")).rejects.toThrow(
      'Không ghi được vào trang "Bảng mẫu", vùng A1:E12: The argument is invalid or missing.',
    );
  });
});

describe("writeSample and undo", () => {
  test.each([
    ["older Excel (undo sheet)", "1.19"],
    ["ExcelApi 1.20 (Excel's own Ctrl+Z, the pane's undo in memory)", "1.20"],
  ])("%s: adding the sample is not on the pane's undo; the last fix still undoes", async (_label, max) => {
    const wb = makeWorkbook();
    const host = createOfficeHost({ env: wb.env(upTo(max)) });
    expect(await host.canUndo()).toBe(false);
    await host.writeSample("Bảng mẫu");
    expect(await host.canUndo()).toBe(false);

    const before = wb.dump(SHEET, "A1:G13");
    await host.applyWrites(fixPlanForSheet());
    const name = await host.writeSample("Bảng mẫu");
    expect(name).toBe("Bảng mẫu (2)");
    expect(await host.canUndo()).toBe(true);
    expect(await host.undo()).toBe(true);
    expect(wb.dump(SHEET, "A1:G13")).toEqual(before);
    // Both samples stay; nothing more to undo.
    expect(wb.sheet("Bảng mẫu").cells.get("C12")?.value).toBe(1792);
    expect(wb.sheet(name).cells.get("E9")?.value).toBe(5.6);
    expect(await host.canUndo()).toBe(false);
  });
});

test("the planted cells are real mistakes of the data: the module's list agrees with its own arithmetic", () => {
  // Independent of the checker: recompute from SAMPLE_ROWS what each planted cell should hold.
  const at = (cell: string) => {
    const { row, col } = parseA1(cell);
    return SAMPLE_ROWS[row - 1][col - 1];
  };
  const units = [7, 8, 9, 10, 11];
  const households = units.reduce((s, r) => s + Number(at(`C${r}`)), 0);
  expect(households).toBe(1782);
  expect(at("C12")).not.toBe(households);
  expect(Math.round((Number(at("D9")) / Number(at("C9"))) * 10000) / 100).toBe(5.66);
  expect(at("E9")).not.toBe(5.66);
  expect(typeof at("D10")).toBe("string");
  expect(SAMPLE_PLANTED.map((p) => p.cell).sort()).toEqual(["C12", "D10", "E9"]);
});

test("the first-run guide, once closed in Excel, stays closed when the pane reopens (and the marks choice too)", async () => {
  const settings = fakeSettings();
  const wb = makeWorkbook();
  const host = createOfficeHost({ env: wb.env(() => true, settings) });
  expect((await host.loadSettings()).guideDone).toBeUndefined();
  await host.saveSettings({ ...DEFAULT_SETTINGS, guideDone: true, marks: false });
  const reopened = createOfficeHost({ env: wb.env(() => true, settings) });
  expect(await reopened.loadSettings()).toEqual({ ...DEFAULT_SETTINGS, guideDone: true, marks: false });
  settings.set("phuluc.settings", { guideDone: "yes", markInfos: 1 });
  expect(await reopened.loadSettings()).toEqual(DEFAULT_SETTINGS);
});
