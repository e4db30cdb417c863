// applyWrites and undo on the fake workbook, in an Excel without ExcelApi 1.20 (the undo group has its own tests
// in limits.test.ts): two syncs, blocks, text and Text-format cells kept exact, the undo kept in a very hidden
// sheet and working from a fresh host (the pane closed and reopened), payload splitting.
import { createOfficeHost } from "../../src/hosts/office";
import { UNDO_SHEET, REQUEST_BUDGET, formulaInput, textNeedsQuote } from "../../src/hosts/office/write";
import type { CellWrite } from "../../src/engine/report";
import { FakeWorkbook, upTo } from "./fake-excel";
import { SHEET, fixPlanForSheet, makeWorkbook } from "./sheet";

describe("applyWrites", () => {
  test("the plan is written in 2 syncs, grouped into rectangles, formulas and formats set", async () => {
    const wb = makeWorkbook();
    const host = createOfficeHost({ env: wb.env(upTo("1.19")) });
    await host.applyWrites(fixPlanForSheet());
    expect(wb.syncs).toBe(2);
    const s = wb.sheet(SHEET);
    expect(s.cells.get("E8")).toMatchObject({
      formula: "=IF(C8=0,0,ROUND(D8/C8*100,2))",
      numberFormat: "0.00",
    });
    expect(s.cells.get("C13")?.formula).toBe("=SUM(C8:C12)");
    expect(s.cells.get("C9")).toMatchObject({ value: 1518 });
    expect(s.cells.get("C9")?.formula).toBeUndefined();
    // E10 was formatted as Text: a formula written there must not stay text.
    expect(s.cells.get("E10")).toMatchObject({
      formula: "=IF(C10=0,0,ROUND(D10/C10*100,2))",
      numberFormat: "0.00",
    });
    // C9, the rate column E8:E13 (its total included), the totals C13:D13: one formulas write each.
    const contentWrites = wb.calls.filter((c) => c.startsWith("formulas ")).map((c) => c.slice(9));
    expect([...contentWrites].sort()).toEqual(["C13:D13", "C9", "E8:E13"]);
    // Untouched cells stay as they were.
    expect(s.cells.get("B8")?.value).toBe("Thôn Bình An");
    expect(s.cells.get("D9")?.value).toBe(47);
  });

  test("the undo sheet is very hidden and holds the snapshot", async () => {
    const wb = makeWorkbook();
    await createOfficeHost({ env: wb.env(upTo("1.19")) }).applyWrites(fixPlanForSheet());
    const undo = wb.sheet(UNDO_SHEET);
    expect(undo.visibility).toBe("VeryHidden");
    const header = JSON.parse(String(undo.cells.get("A1")?.value));
    expect(header).toMatchObject({ phuluc: "undo", v: 1, cells: 9, chunks: 1 });
  });

  test("undo restores values, formulas and number formats exactly, from a freshly opened pane", async () => {
    const wb = makeWorkbook();
    const before = wb.dump(SHEET, "A1:F14");
    await createOfficeHost({ env: wb.env(upTo("1.19")) }).applyWrites(fixPlanForSheet());
    expect(wb.dump(SHEET, "A1:F14")).not.toEqual(before);
    // The pane was closed: a new host, nothing kept in memory.
    const reopened = createOfficeHost({ env: wb.env(upTo("1.19")) });
    expect(await reopened.canUndo()).toBe(true);
    expect(await reopened.undo()).toBe(true);
    expect(wb.dump(SHEET, "A1:F14")).toEqual(before);
    // "1.518" is text again, not the number 1.518; "6.60" in the Text cell stays text.
    expect(wb.sheet(SHEET).cells.get("C9")?.value).toBe("1.518");
    expect(wb.sheet(SHEET).cells.get("E10")?.value).toBe("6.60");
    expect(await reopened.canUndo()).toBe(false);
    expect(await reopened.undo()).toBe(false);
  });

  test("two writes, two undos: the newest first", async () => {
    const wb = makeWorkbook();
    const host = createOfficeHost({ env: wb.env(upTo("1.19")) });
    const original = wb.dump(SHEET, "A1:F14");
    await host.applyWrites({ writes: [{ sheet: SHEET, cell: "D8", value: 22 }], undecided: [] });
    const afterFirst = wb.dump(SHEET, "A1:F14");
    await host.applyWrites(fixPlanForSheet());
    await host.undo();
    expect(wb.dump(SHEET, "A1:F14")).toEqual(afterFirst);
    await host.undo();
    expect(wb.dump(SHEET, "A1:F14")).toEqual(original);
  });

  test("undo names the sheet when it was renamed or deleted", async () => {
    const wb = makeWorkbook();
    const host = createOfficeHost({ env: wb.env(upTo("1.19")) });
    await host.applyWrites(fixPlanForSheet());
    wb.sheet(SHEET).name = "Biểu 01 (cũ)";
    await expect(host.undo()).rejects.toThrow(`Không tìm thấy trang tính "${SHEET}"`);
  });

  test("a write to a missing sheet fails with a message naming it", async () => {
    const wb = makeWorkbook();
    const host = createOfficeHost({ env: wb.env(upTo("1.19")) });
    await expect(
      host.applyWrites({ writes: [{ sheet: "Biểu 02", cell: "C5", value: 1 }], undecided: [] }),
    ).rejects.toThrow('Không tìm thấy trang tính "Biểu 02"');
  });

  test("100,000 cells: 3 syncs (the snapshot holds what was and what we wrote), each request under 4 MB; undo restores them", async () => {
    const wb = new FakeWorkbook();
    const rows = 20_000;
    const data: unknown[][] = [
      ["STT", "Thôn", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ (%)", "Cận nghèo", "Tỷ lệ (%)"],
    ];
    for (let i = 1; i <= rows; i++)
      data.push([i, `Tổ dân phố ${i}`, 300 + (i % 97), 10 + (i % 13), 3.1, 8 + (i % 7), 2.4]);
    wb.addSheet(SHEET, data);
    const writes: CellWrite[] = [];
    for (let r = 2; r <= rows + 1; r++) {
      writes.push({ sheet: SHEET, cell: `A${r}`, value: r - 1 });
      writes.push({ sheet: SHEET, cell: `C${r}`, value: 300 + ((r - 1) % 97) });
      writes.push({
        sheet: SHEET,
        cell: `E${r}`,
        value: null,
        formula: `=ROUND(D${r}/C${r}*100,2)`,
        numberFormat: "0.00",
      });
      writes.push({ sheet: SHEET, cell: `F${r}`, value: 8 + ((r - 1) % 7) });
      writes.push({
        sheet: SHEET,
        cell: `G${r}`,
        value: null,
        formula: `=ROUND(F${r}/C${r}*100,2)`,
        numberFormat: "0.00",
      });
    }
    expect(writes.length).toBe(100_000);
    const before = wb.dump(SHEET, `A1:G${rows + 1}`);
    const host = createOfficeHost({ env: wb.env(upTo("1.19")) });
    await host.applyWrites({ writes, undecided: [] });
    expect(wb.syncs).toBe(3);
    expect(Math.max(...wb.payloads)).toBeLessThan(REQUEST_BUDGET);
    expect(wb.sheet(SHEET).cells.get(`G${rows + 1}`)?.formula).toBe(
      `=ROUND(F${rows + 1}/C${rows + 1}*100,2)`,
    );
    console.log(
      `100,000 cells: ${wb.syncs} syncs, requests of ${wb.payloads.map((p) => (p / 1e6).toFixed(2)).join(" + ")} MB`,
    );
    await host.undo();
    expect(wb.dump(SHEET, `A1:G${rows + 1}`)).toEqual(before);
  });

  test("beyond the budget the write is split into more requests, each under 4 MB", async () => {
    const wb = new FakeWorkbook();
    const rows = 60_000;
    const data: unknown[][] = [];
    for (let i = 1; i <= rows; i++) data.push([i, `Hộ gia đình số ${i} thôn Phú Lộc`, 1, 0.5]);
    wb.addSheet(SHEET, data);
    const writes: CellWrite[] = [];
    for (let r = 1; r <= rows; r++) {
      for (const col of ["C", "D", "E", "F"])
        writes.push({
          sheet: SHEET,
          cell: `${col}${r}`,
          value: null,
          formula: `=IF($A${r}>0,ROUND(${col === "C" ? "A" : "C"}${r}/MAX(1,$A${r})*100,2),0)`,
          numberFormat: "0.00",
        });
    }
    await createOfficeHost({ env: wb.env(upTo("1.19")) }).applyWrites({ writes, undecided: [] });
    expect(wb.syncs).toBeGreaterThan(2);
    expect(Math.max(...wb.payloads)).toBeLessThan(REQUEST_BUDGET);
    console.log(
      `240,000 cells: ${wb.syncs} syncs, largest request ${(Math.max(...wb.payloads) / 1e6).toFixed(2)} MB`,
    );
    expect(wb.sheet(SHEET).cells.get(`F${rows}`)?.formula).toBe(
      `=IF($A${rows}>0,ROUND(C${rows}/MAX(1,$A${rows})*100,2),0)`,
    );
  });

  test("without ExcelApi 1.2 the undo sheet cannot be hidden: the user is told", async () => {
    const wb = makeWorkbook();
    const notices: string[] = [];
    const host = createOfficeHost({ env: wb.env((_n, v) => v === "1.1"), onNotice: (m) => notices.push(m) });
    await host.applyWrites(fixPlanForSheet());
    expect(wb.sheet(UNDO_SHEET).visibility).toBe("Visible");
    expect(notices).toEqual([expect.stringContaining(UNDO_SHEET)]);
    expect(await host.undo()).toBe(true);
  });
});

describe("text that Excel would turn into something else is quoted", () => {
  test.each([
    ["1.518", true],
    ["13,70", true],
    ["=A1", true],
    ["-", true],
    ["TRUE", true],
    ["12/3/2024", true],
    ["Thôn Bình An", false],
    ["Tổng cộng: I+II", false],
  ])("%s → %s", (text, quoted) => {
    expect(textNeedsQuote(text)).toBe(quoted);
    expect(formulaInput(text, text, "General")).toBe(quoted ? `'${text}` : text);
  });
  test("a Text-formatted cell needs no quote; a formula stays a formula", () => {
    expect(formulaInput("1.518", "1.518", "@")).toBe("1.518");
    expect(formulaInput(3992, "=SUM(C8:C16)", "#,##0")).toBe("=SUM(C8:C16)");
    expect(formulaInput(null, "", "General")).toBe("");
  });
});
