// "Tính lại": the command's logic over the Office host on the fake workbook, with the real engine; and the
// ExecuteFunction handler itself (registered on Office.onReady, event.completed() always called).
import { analyzeGrid, fixPlan } from "../../src/engine";
import { createOfficeHost } from "../../src/hosts/office";
import { runRecompute } from "../../src/commands/recompute";
import { SHEET, makeWorkbook } from "./sheet";

describe("runRecompute", () => {
  test("reads in 1 sync, writes the derived cells as formulas in 2, and undo restores the sheet", async () => {
    const wb = makeWorkbook();
    wb.selection = "A1";
    const before = wb.dump(SHEET, "A1:F14");
    const host = createOfficeHost({ env: wb.env() });
    const outcome = await runRecompute(host, { analyzeGrid, fixPlan });
    console.log(
      `recompute: ${outcome.status}, ${outcome.cells} cells, ${wb.syncs} syncs: ${outcome.message}`,
    );
    expect(outcome.status).toBe("written");
    expect(wb.syncs).toBe(3);
    expect(outcome.message).toMatch(
      new RegExp(`^Đã ghi công thức vào ${outcome.cells} ô trên trang "${SHEET}"`),
    );
    const s = wb.sheet(SHEET);
    // The rate of a village and the totals are formulas now; the typed count 412 is untouched.
    expect(s.cells.get("E8")?.formula).toMatch(/D8/);
    expect(s.cells.get("C13")?.formula).toMatch(/C8.*C12|SUM/);
    expect(s.cells.get("C8")).toMatchObject({ value: 412 });
    expect(s.cells.get("C8")?.formula).toBeUndefined();
    expect(await host.undo()).toBe(true);
    expect(wb.dump(SHEET, "A1:F14")).toEqual(before);
  });

  test("a table read in doubt: nothing written, the message says why and where to confirm", async () => {
    // The "poor rate" column holds the near-poor rate (copied from elsewhere): no reading of it holds.
    const wb = makeWorkbook();
    const rows: [number, string, number, number, number][] = [
      [1, "Thôn Bình An", 412, 21, 33],
      [2, "Thôn Phú Lộc", 1518, 47, 60],
      [3, "Thôn Hòa Mỹ", 530, 35, 41],
      [4, "Thôn Tân Lập", 250, 12, 30],
      [5, "Thôn Đông Hải", 355, 18, 22],
    ];
    const rate = (part: number, whole: number) => Math.round((part / whole) * 10000) / 100;
    const hh = rows.reduce((a, r) => a + r[2], 0);
    const poor = rows.reduce((a, r) => a + r[3], 0);
    const near = rows.reduce((a, r) => a + r[4], 0);
    wb.active = wb.sheets.length;
    wb.addSheet("Nghi ngờ", [
      ["STT", "Thôn", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ hộ nghèo (%)", "Số hộ cận nghèo"],
      ...rows.map(([n, name, h, p, c]) => [n, name, h, p, rate(c, h), c]),
      [null, "Tổng cộng", hh, poor, rate(near, hh), near],
    ]);
    const before = wb.dump("Nghi ngờ", "A1:F7");
    const outcome = await runRecompute(createOfficeHost({ env: wb.env() }), { analyzeGrid, fixPlan });
    expect(outcome.status).toBe("unsure");
    expect(outcome.cells).toBe(0);
    expect(outcome.message).toMatch(
      /^Không ghi gì: Phụ lục chưa chắc đã đọc đúng bảng A1:F7 trên trang "Nghi ngờ"/,
    );
    expect(wb.dump("Nghi ngờ", "A1:F7")).toEqual(before);
  });

  test("an empty sheet: nothing written, a clear message", async () => {
    const wb = makeWorkbook();
    wb.active = wb.sheets.length;
    wb.addSheet("Trang trống");
    const outcome = await runRecompute(createOfficeHost({ env: wb.env() }), { analyzeGrid, fixPlan });
    expect(outcome).toMatchObject({
      status: "empty",
      cells: 0,
      message: "Trang tính đang mở không có dữ liệu.",
    });
    expect(wb.syncs).toBe(1);
  });

  test("a sheet without a poverty table", async () => {
    const wb = makeWorkbook();
    wb.active = 1; // "Ghi chú": one line of text
    const outcome = await runRecompute(createOfficeHost({ env: wb.env() }), { analyzeGrid, fixPlan });
    expect(outcome.status).toBe("no-table");
    expect(outcome.message).toContain('"Ghi chú"');
  });

  test("a failure becomes a message, not an exception", async () => {
    const wb = makeWorkbook();
    const env = wb.env();
    env.run = async () => {
      throw new Error("GeneralException");
    };
    const outcome = await runRecompute(createOfficeHost({ env }), { analyzeGrid, fixPlan });
    expect(outcome.status).toBe("failed");
    expect(outcome.message).toMatch(/^Không tính lại được: .*GeneralException/);
  });
});

describe("commands.ts", () => {
  test("associates 'recompute' on Office.onReady, shows the result in a dialog, completes once it is open", async () => {
    const wb = makeWorkbook();
    const associated: Record<string, (e: { completed(): void }) => Promise<void>> = {};
    const dialogs: { url: string; handlers: Record<string, (a: unknown) => void>; closed: boolean }[] = [];
    const g = globalThis as unknown as Record<string, unknown>;
    g.Office = {
      onReady: (cb: () => void) => cb(),
      actions: {
        associate: (name: string, fn: (e: { completed(): void }) => Promise<void>) => (associated[name] = fn),
      },
      context: {
        requirements: { isSetSupported: () => true },
        document: { settings: undefined },
        ui: {
          displayDialogAsync(url: string, _o: unknown, cb: (r: unknown) => void) {
            const d = { url, handlers: {} as Record<string, (a: unknown) => void>, closed: false };
            dialogs.push(d);
            cb({
              status: "succeeded",
              value: {
                addEventHandler: (type: string, h: (a: unknown) => void) => (d.handlers[type] = h),
                close: () => (d.closed = true),
              },
            });
          },
        },
      },
    };
    // Excel.run(batch) or Excel.run(options, batch)
    g.Excel = {
      run: (...args: unknown[]) => (args[args.length - 1] as (c: unknown) => Promise<unknown>)(wb.context()),
    };
    try {
      await import("../../src/commands/commands");
      expect(Object.keys(associated)).toEqual(["recompute", "appendix"]);
      const completed = jest.fn();
      // The dialog is open with the result; the command has completed without waiting for the user.
      await associated.recompute({ completed });
      expect(dialogs).toHaveLength(1);
      const url = new URL(dialogs[0].url);
      expect(url.pathname).toMatch(/\/notice\.html$/);
      expect(url.searchParams.get("lang")).toBe("vi");
      expect(url.searchParams.get("m")).toMatch(/^Đã ghi công thức vào \d+ ô trên trang "Biểu 01"/);
      expect(completed).toHaveBeenCalledTimes(1);
      expect(dialogs[0].closed).toBe(false);
      // "Đóng" in a dialog that cannot close itself asks the opener, if still there, to close it.
      dialogs[0].handlers.dialogMessageReceived({ message: "close" });
      expect(dialogs[0].closed).toBe(true);
      expect(wb.sheet(SHEET).cells.get("E8")?.formula).toMatch(/D8/);
    } finally {
      delete g.Office;
      delete g.Excel;
      delete g.location;
    }
  });
});

describe("showNotice", () => {
  test("no dialog API, or a dialog already open: the command still completes", async () => {
    const { showNotice } = await import("../../src/commands/notice");
    await expect(showNotice(undefined, "https://x/notice.html")).resolves.toBeUndefined();
    await expect(
      showNotice(
        { displayDialogAsync: (_u, _o, cb) => cb({ status: "failed", value: undefined } as never) },
        "https://x/notice.html",
      ),
    ).resolves.toBeUndefined();
  });
});
