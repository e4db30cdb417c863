// Issue 22: Excel as it really runs. Each test runs against the stricter fake (fake-excel.ts: the library apart
// from the host, one settings copy per runtime, conditional-format ids that are priorities, protection by locked
// cell) and failed on the code before the fix.
import { analyzeGrid, fixPlan } from "../../src/engine";
import { createOfficeHost } from "../../src/hosts/office";
import { MARK_TAG } from "../../src/hosts/office/marks";
import { UNDO_SHEET } from "../../src/hosts/office/write";
import { runRecompute } from "../../src/commands/recompute";
import type { Finding } from "../../src/engine/report";
import {
  REQUEST_TTL_MS,
  VIEW_KEY,
  requestView,
  watchViewRequests,
} from "../../src/hosts/office/view-request";
import { PAYLOAD_LIMIT, fakeDocument, fakeSettings, upTo } from "./fake-excel";
import { cellAt } from "../../src/engine/grid";
import type { AppendixLayout } from "../../src/engine/appendix";
import { SHEET, fixPlanForSheet, makeWorkbook } from "./sheet";

const mark = (cell: string, severity: Finding["severity"]): Finding => ({
  rule: "rate-mismatch",
  severity,
  cell,
  actual: 1,
  expected: 2,
  message: "",
  related: [],
});

describe("1. undo after the ribbon's Tính lại", () => {
  test("the command and the pane are two runtimes over one workbook: the pane undoes what the command wrote", async () => {
    const wb = makeWorkbook();
    const doc = fakeDocument();
    const before = wb.dump(SHEET, "A1:F14");
    // The pane is open (its runtime read the document's settings when it started).
    const pane = createOfficeHost({ env: wb.env(undefined, fakeSettings(doc)) });
    expect(await pane.canUndo()).toBe(false);
    // The ribbon's command: a runtime of its own, gone once it completes.
    const command = createOfficeHost({ env: wb.env(undefined, fakeSettings(doc)) });
    const outcome = await runRecompute(command, { analyzeGrid, fixPlan });
    expect(outcome.status).toBe("written");
    expect(wb.sheet(SHEET).cells.get("E8")?.formula).toMatch(/D8/);
    // ExcelApi 1.20 with a library that knows the group: one Ctrl+Z step, no undo sheet.
    expect(wb.undoStack).toEqual(["add-in"]);
    expect(wb.sheets.map((s) => s.name)).not.toContain(UNDO_SHEET);
    // The pane saves its settings meanwhile (from its own, older copy): the command's record survives.
    await pane.saveSettings({ ...(await pane.loadSettings()), rateDecimals: 2 });
    expect(await pane.canUndo()).toBe(true);
    expect(await pane.undo()).toBe(true);
    expect(wb.dump(SHEET, "A1:F14")).toEqual(before);
    expect(await pane.canUndo()).toBe(false);
    // A pane opened later finds nothing left to undo either.
    expect(await createOfficeHost({ env: wb.env(undefined, fakeSettings(doc)) }).canUndo()).toBe(false);
  });
});

describe("2. the office.js served must have the APIs gated on", () => {
  test("host says ExcelApi 1.20, the bundled library drops mergeUndoGroup: the undo sheet is the undo", async () => {
    const wb = makeWorkbook();
    wb.undoStack = ["gõ C8"];
    const before = wb.dump(SHEET, "A1:F14");
    const env = wb.env(undefined, undefined, { library: "bundled" });
    const host = createOfficeHost({ env });
    expect((await host.capabilities()).undoGroup).toBe(false);
    await host.applyWrites(fixPlanForSheet());
    // Not silently several undo steps with nothing else to undo them: the snapshot is in the undo sheet, which a
    // new runtime reads.
    expect(wb.sheets.map((s) => s.name)).toContain(UNDO_SHEET);
    expect(wb.runOptions.filter((o) => o.mergeUndoGroup).length).toBeLessThanOrEqual(1); // the probe only
    const reopened = createOfficeHost({ env: wb.env(undefined, undefined, { library: "bundled" }) });
    expect(await reopened.canUndo()).toBe(true);
    expect(await reopened.undo()).toBe(true);
    expect(wb.dump(SHEET, "A1:F14")).toEqual(before);
  });

  test("the same host with the current library: the group is used", async () => {
    const wb = makeWorkbook();
    const host = createOfficeHost({ env: wb.env(undefined, undefined, { library: "current" }) });
    expect((await host.capabilities()).undoGroup).toBe(true);
    await host.applyWrites(fixPlanForSheet());
    expect(wb.undoStack).toEqual(["add-in"]);
    expect(wb.sheets.map((s) => s.name)).not.toContain(UNDO_SHEET);
  });

  test("a host without ExcelApi 1.20 is never probed", async () => {
    const wb = makeWorkbook();
    const host = createOfficeHost({ env: wb.env(upTo("1.19")) });
    expect((await host.capabilities()).undoGroup).toBe(false);
    expect(wb.runOptions).toEqual([]);
  });
});

describe("5. marks found again after the ids moved", () => {
  test("the user adds a rule after the marks (ids are priorities): ours are cleared, theirs kept", async () => {
    const wb = makeWorkbook();
    const settings = fakeSettings();
    const host = createOfficeHost({ env: wb.env(undefined, settings) });
    await host.markFindings(SHEET, [mark("E8", "error"), mark("C13", "error"), mark("E10", "warning")]);
    expect(wb.sheet(SHEET).cfs.filter((c) => c.formula.includes(MARK_TAG))).toHaveLength(3);
    // The user adds two rules of their own in Manage Rules: each takes the first priority.
    const mine = [
      { range: "C8:C12", type: "Custom", formula: "=C8>1000", fill: "#00FF00" },
      { range: "D8:D12", type: "Custom", formula: "=D8>40", fill: "#0000FF" },
    ];
    wb.sheet(SHEET).cfs.unshift(...mine);
    await host.clearMarks(SHEET);
    expect(wb.sheet(SHEET).cfs).toEqual(mine);
    // Marking again after that: the user's rules stay, ours replace ours.
    await host.markFindings(SHEET, [mark("E9", "error")]);
    wb.sheet(SHEET).cfs.splice(0, 0, { range: "A1", type: "Custom", formula: "=TRUE", fill: "#FF0000" });
    await host.markFindings(SHEET, [mark("E12", "warning")]);
    expect(wb.sheet(SHEET).cfs.map((c) => c.range)).toEqual(["E12", "A1", "C8:C12", "D8:D12"]);
  });

  test("a rule at our kept id that does not name us is never deleted, even with our range", async () => {
    const wb = makeWorkbook();
    const host = createOfficeHost({ env: wb.env(undefined, fakeSettings()) });
    await host.markFindings(SHEET, [mark("E8", "error")]);
    // The user deleted our mark and made a rule of their own on the same cell.
    const theirs = { range: "E8", type: "Custom", formula: "=E8>5", fill: "#00FF00" };
    wb.sheet(SHEET).cfs = [theirs];
    await host.clearMarks(SHEET);
    expect(wb.sheet(SHEET).cfs).toEqual([theirs]);
  });
});

/** Office and Excel globals over the fake workbook, and commands.ts loaded fresh (it associates on onReady). */
function loadCommands(wb: ReturnType<typeof makeWorkbook>, ui: unknown) {
  const associated: Record<string, (e: { completed(): void }) => Promise<void>> = {};
  const env = wb.env();
  const g = globalThis as unknown as Record<string, unknown>;
  g.Office = {
    onReady: (cb: () => void) => cb(),
    actions: {
      associate: (name: string, fn: (e: { completed(): void }) => Promise<void>) => (associated[name] = fn),
    },
    context: { requirements: { isSetSupported: () => true }, document: { settings: undefined }, ui },
  };
  // Excel.run(batch) or Excel.run(options, batch), through the fake's run (which honours delayForCellEdit).
  g.Excel = {
    run: (...args: unknown[]) =>
      env.run(
        args[args.length - 1] as (c: Excel.RequestContext) => Promise<unknown>,
        args.length > 1 ? (args[0] as object) : {},
      ),
  };
  jest.isolateModules(() => {
    require("../../src/commands/commands");
  });
  return {
    associated,
    cleanup() {
      delete g.Office;
      delete g.Excel;
    },
  };
}

describe("7. the five-minute command limit", () => {
  const openingUi = (dialogs: string[]) => ({
    displayDialogAsync(url: string, _o: unknown, cb: (r: unknown) => void) {
      dialogs.push(url);
      cb({ status: "succeeded", value: { addEventHandler() {}, close() {} } });
    },
  });

  test("the command completes once the result's dialog is open, not when the user closes it", async () => {
    const wb = makeWorkbook();
    const dialogs: string[] = [];
    const { associated, cleanup } = loadCommands(wb, openingUi(dialogs));
    try {
      const completed = jest.fn();
      await associated.recompute({ completed });
      expect(dialogs).toHaveLength(1);
      expect(completed).toHaveBeenCalledTimes(1);
    } finally {
      cleanup();
    }
  });

  test("the user is typing in a cell: the command does not wait for it, it says so and completes", async () => {
    const wb = makeWorkbook();
    wb.cellEditing = true;
    const before = wb.dump(SHEET, "A1:F14");
    const dialogs: string[] = [];
    const { associated, cleanup } = loadCommands(wb, openingUi(dialogs));
    try {
      const completed = jest.fn();
      const done = associated.recompute({ completed });
      const inTime = await Promise.race([
        done.then(() => true),
        new Promise((r) => setTimeout(() => r(false), 1000)),
      ]);
      expect(inTime).toBe(true);
      expect(completed).toHaveBeenCalledTimes(1);
      expect(new URL(dialogs[0]).searchParams.get("m")).toBe(
        "Không tính lại được: Excel đang ở chế độ sửa ô (có ô đang được gõ dở): nhấn Enter hoặc Esc rồi bấm lại.",
      );
      expect(wb.dump(SHEET, "A1:F14")).toEqual(before);
    } finally {
      wb.leaveCellEdit();
      cleanup();
    }
  });

  test("a dialog that never answers does not hold the command past the wait", async () => {
    const { showNotice } = await import("../../src/commands/notice");
    const start = Date.now();
    await showNotice({ displayDialogAsync: () => undefined }, "https://x/notice.html", 50);
    expect(Date.now() - start).toBeLessThan(1000);
  });
});

describe("8. protected sheets: unlocked cells written, locked ones listed", () => {
  /** The office protects the sheet but leaves the rate column open for typing (Format Cells > Protection). */
  function protectedWithOpenRates() {
    const wb = makeWorkbook();
    const s = wb.sheet(SHEET);
    s.protected = true;
    for (let r = 8; r <= 13; r++) {
      const cell = s.cells.get(`E${r}`) ?? { value: null, numberFormat: "General" };
      cell.locked = false;
      s.cells.set(`E${r}`, cell);
    }
    return wb;
  }

  test("applyWrites writes the rates and returns the locked count and totals as refused; undo puts them back", async () => {
    const wb = protectedWithOpenRates();
    const before = wb.dump(SHEET, "A1:F14");
    const host = createOfficeHost({ env: wb.env(undefined, fakeSettings()) });
    const outcome = await host.applyWrites(fixPlanForSheet());
    expect(outcome && outcome.refused.map((r) => `${r.sheet}!${r.cell} ${r.reason}`).sort()).toEqual([
      `${SHEET}!C13 protected`,
      `${SHEET}!C9 protected`,
      `${SHEET}!D13 protected`,
    ]);
    const s = wb.sheet(SHEET);
    expect(s.cells.get("E8")?.formula).toBe("=IF(C8=0,0,ROUND(D8/C8*100,2))");
    expect(s.cells.get("E13")?.formula).toBe("=ROUND(D13/C13*100,2)");
    expect(s.cells.get("C9")?.value).toBe("1.518");
    expect(s.cells.get("C13")?.formula).toBe("=SUM(C8:C12)");
    expect(await host.undo()).toBe(true);
    expect(wb.dump(SHEET, "A1:F14")).toEqual(before);
  });

  test("Tính lại on that sheet: the message counts only what was written and names the locked cells", async () => {
    const wb = protectedWithOpenRates();
    const outcome = await runRecompute(createOfficeHost({ env: wb.env(upTo("1.19")) }), {
      analyzeGrid,
      fixPlan,
    });
    const s = wb.sheet(SHEET);
    const rates = [8, 9, 10, 11, 12, 13].filter((r) => s.cells.get(`E${r}`)?.formula);
    expect(rates.length).toBeGreaterThan(0);
    expect(outcome.status).toBe("written");
    expect(outcome.message).toMatch(
      new RegExp(`^Đã ghi công thức vào ${outcome.cells} ô trên trang "${SHEET}"`),
    );
    expect(outcome.message).toMatch(/ô bị khóa trên trang được bảo vệ "Biểu 01" nên không ghi \(.*C13/);
    // Nothing outside the open column changed.
    expect(s.cells.get("C13")?.formula).toBe("=SUM(C8:C12)");
    expect(s.cells.get("C9")?.value).toBe("1.518");
  });
});

describe("4. one pane, one URL: the ribbon asks for the view through the document settings", () => {
  test("the pane is open: Lập phụ lục switches it to the appendix, and the request is taken once", async () => {
    const wb = makeWorkbook();
    const doc = fakeDocument();
    const paneEnv = wb.env(undefined, fakeSettings(doc));
    const views: string[] = [];
    const stop = watchViewRequests(paneEnv, (v) => views.push(v), "vi", { pollMs: 10 });
    try {
      const command = wb.env(undefined, fakeSettings(doc));
      expect(await requestView(command, "appendix", "vi", { waitMs: 2000, pollMs: 5 })).toBe(true);
      expect(views).toEqual(["appendix"]);
      await new Promise((r) => setTimeout(r, 50));
      expect(views).toEqual(["appendix"]);
      expect(doc.persisted.get(VIEW_KEY)).toBeNull();
    } finally {
      stop();
    }
  });

  test("the pane is closed: nobody takes the request; the pane opened next opens on it, a stale one is ignored", async () => {
    const wb = makeWorkbook();
    const doc = fakeDocument();
    const command = wb.env(undefined, fakeSettings(doc));
    expect(await requestView(command, "appendix", "vi", { waitMs: 60, pollMs: 5 })).toBe(false);
    const views: string[] = [];
    const stop = watchViewRequests(wb.env(undefined, fakeSettings(doc)), (v) => views.push(v), "vi", {
      pollMs: 10,
    });
    await new Promise((r) => setTimeout(r, 30));
    stop();
    expect(views).toEqual(["appendix"]);
    // A request older than the time to live: the pane opens as usual.
    await requestView(command, "appendix", "vi", { waitMs: 0 });
    const late: string[] = [];
    const stopLate = watchViewRequests(wb.env(undefined, fakeSettings(doc)), (v) => late.push(v), "vi", {
      pollMs: 10,
      now: () => Date.now() + REQUEST_TTL_MS + 1000,
    });
    await new Promise((r) => setTimeout(r, 30));
    stopLate();
    expect(late).toEqual([]);
  });

  test("through the hosts, with their own timing: the open pane follows the command", async () => {
    const wb = makeWorkbook();
    const doc = fakeDocument();
    const pane = createOfficeHost({ env: wb.env(undefined, fakeSettings(doc)) });
    const views: string[] = [];
    const stop = pane.onViewRequest((v) => views.push(v));
    try {
      const command = createOfficeHost({ env: wb.env(undefined, fakeSettings(doc)) });
      expect(await command.requestView("appendix")).toBe(true);
      expect(views).toEqual(["appendix"]);
    } finally {
      stop();
    }
  });

  test("the ribbon's Lập phụ lục with no pane to answer: the dialog says how to open it, the command completes", async () => {
    const wb = makeWorkbook();
    const dialogs: string[] = [];
    const { associated, cleanup } = loadCommands(wb, {
      displayDialogAsync(url: string, _o: unknown, cb: (r: unknown) => void) {
        dialogs.push(url);
        cb({ status: "succeeded", value: { addEventHandler() {}, close() {} } });
      },
    });
    try {
      const completed = jest.fn();
      await associated.appendix({ completed });
      expect(completed).toHaveBeenCalledTimes(1);
      expect(new URL(dialogs[0]).searchParams.get("m")).toBe(
        "Bấm nút Phụ lục trên thẻ Trang đầu để mở ngăn: ngăn sẽ mở ngay ở mục Lập phụ lục.",
      );
    } finally {
      cleanup();
    }
  });
});

describe("6. every request under the limits", () => {
  const within = (wb: ReturnType<typeof makeWorkbook>) => {
    expect(Math.max(...wb.payloads)).toBeLessThan(PAYLOAD_LIMIT);
    expect(Math.max(...wb.responses)).toBeLessThan(PAYLOAD_LIMIT);
  };

  test("an appendix of 32,000 rows is written in requests under 5 MB, every cell there", async () => {
    const rows = 32_000;
    const cells: AppendixLayout["cells"] = [
      { row: 1, col: 1, value: "DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO TOÀN TỈNH NĂM 2024", style: { bold: true } },
    ];
    for (let i = 1; i <= rows; i++) {
      const r = i + 2;
      cells.push(
        { row: r, col: 1, value: i, style: { border: true } },
        {
          row: r,
          col: 2,
          value: `Tổ dân phố số ${i}, phường Đống Đa, thành phố Việt Trì`,
          style: { border: true },
        },
        { row: r, col: 3, value: 300 + (i % 500), style: { border: true, numberFormat: "#,##0" } },
        { row: r, col: 4, value: i % 37, style: { border: true, numberFormat: "#,##0" } },
        {
          row: r,
          col: 5,
          value: 0,
          formula: `=IF(C${r}=0,0,ROUND(D${r}/C${r}*100,2))`,
          style: { border: true, numberFormat: "0.00" },
        },
      );
    }
    const layout: AppendixLayout = {
      sheetName: "Phụ lục toàn tỉnh",
      fontName: "Times New Roman",
      cells,
      merges: [{ top: 1, left: 1, bottom: 1, right: 5 }],
      columnWidths: [6, 40, 12, 12, 10],
      printTitleRows: [2, 2],
      page: { paper: "A4", orientation: "portrait", fitToWidth: true },
    };
    const wb = makeWorkbook();
    const name = await createOfficeHost({ env: wb.env() }).writeAppendix(layout);
    within(wb);
    const s = wb.sheet(name);
    expect(s.cells.get(`B${rows + 2}`)?.value).toBe(
      `Tổ dân phố số ${rows}, phường Đống Đa, thành phố Việt Trì`,
    );
    expect(s.cells.get(`E${rows + 2}`)?.formula).toBe(
      `=IF(C${rows + 2}=0,0,ROUND(D${rows + 2}/C${rows + 2}*100,2))`,
    );
    expect(s.cells.get("A3")?.value).toBe(1);
    expect(wb.syncs).toBeGreaterThan(2);
  });

  /** A table whose rows below the first window carry long texts (notes pasted from Word): the window is light. */
  function heavyBelow(light: number, heavy: number, chars: number) {
    const wb = makeWorkbook();
    wb.active = wb.sheets.length;
    const note = "Hộ có người khuyết tật, thiếu hụt dịch vụ y tế và nhà ở; "
      .repeat(Math.ceil(chars / 57))
      .slice(0, chars);
    const rows: unknown[][] = [["STT", "Thôn", "Tổng số hộ", "Số hộ nghèo", "Ghi chú"]];
    for (let i = 1; i <= light + heavy; i++)
      rows.push([i, `Thôn ${i}`, 400, 12, i > light ? `${note} ${i}` : "x"]);
    wb.addSheet("Ghi chú dài", rows);
    return wb;
  }

  test("a band whose answer Excel refuses as too large is read again in halves (not an error)", async () => {
    const wb = heavyBelow(1000, 3000, 2000);
    const grid = await createOfficeHost({ env: wb.env() }).readGrid();
    expect(grid?.cells.length).toBe(4001);
    expect(String(cellAt(grid!, 4001, 5)?.value)).toMatch(/ 4000$/);
    expect(wb.refusedResponses).toBeGreaterThan(0); // the estimate was wrong once, and nothing was lost
    within(wb);
  });

  test("a first window too large for one answer: a smaller window, the rest in bands (not the same window again)", async () => {
    const wb = heavyBelow(0, 2000, 3000);
    const grid = await createOfficeHost({ env: wb.env() }).readGrid();
    expect(grid?.cells.length).toBe(2001);
    expect(String(cellAt(grid!, 2001, 5)?.value)).toMatch(/ 2000$/);
    within(wb);
  });

  test("displayed texts of 30,000 cells are read in answers under the limit, none dropped in silence", async () => {
    const unit =
      `0" hộ nghèo theo chuẩn nghèo đa chiều giai đoạn 2022-2025 (Nghị định 07/2021/NĐ-CP), ` +
      `đã rà soát, được Ban chỉ đạo giảm nghèo bền vững thị xã thẩm định và công nhận trên địa bàn"`;
    const wb = makeWorkbook();
    wb.active = wb.sheets.length;
    const rows: unknown[][] = [["Thôn", "Năm 2021", "Năm 2022", "Năm 2023", "Năm 2024", "Năm 2025"]];
    const formats: Record<string, string> = {};
    for (let i = 2; i <= 6001; i++) {
      rows.push([`Thôn ${i - 1}`, 10 + (i % 7), 11 + (i % 5), 12, 13, 9]);
      for (const c of ["B", "C", "D", "E", "F"]) formats[`${c}${i}`] = unit;
    }
    wb.addSheet("Đơn vị", rows, { formats });
    const notices: string[] = [];
    const grid = await createOfficeHost({ env: wb.env(), onNotice: (m) => notices.push(m) }).readGrid();
    expect(cellAt(grid!, 6001, 6)?.text).toBe(`9${unit.slice(2, -1)}`);
    expect(cellAt(grid!, 2, 2)?.text).toBe(`${10 + 2}${unit.slice(2, -1)}`);
    expect(notices).toEqual([]);
    within(wb);
  });
});
