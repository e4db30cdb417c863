// The pane and the standalone page as an official uses them, in Chromium at 1366 px and at 350 px (the width of
// Excel's task pane): a 10,000-row table (every row reachable, no long stall opening Bảng), fix-all that says
// first what it will write and writes nothing that changes a value on a clean table, keyboard focus after "Sửa",
// the appendix view, drag and drop, the unsaved-changes warning, copy and export, the first-run sample, the
// language, no sideways overflow, axe-core, and screenshots of each view (docs/images). Needs `npm run build`.
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { readBack } from "../xlsx/read-back";
import { getCell, REPORT_MERGES, reportRows, setCell } from "../engine/fixtures";
import {
  ARTIFACTS,
  axeViolations,
  bigTable,
  horizontalOverflow,
  IMAGES,
  longestTask,
  openFile,
  openPage,
  eventually,
  FLUENT_INTERNALS,
  ROOT,
  start,
  WIDTHS,
  type Served,
} from "./harness";

const PLAN = path.join(ROOT, "samples/ke-hoach-giam-ngheo-2024.xlsx");
const CLEAN = path.join(ROOT, "samples/bao-cao-ket-qua-2023-sach.xlsx");
const BIG = path.join(ARTIFACTS, "quoc-gia-10000.xlsx");
const ROWS = 10_000;

let served: Served;
let lastUnitRow = 0;

beforeAll(async () => {
  served = await start();
  fs.mkdirSync(IMAGES, { recursive: true });
  ({ lastUnitRow } = await bigTable(BIG, ROWS, true));
}, 120_000);

afterAll(async () => {
  if (FLUENT_INTERNALS.size)
    console.log(`Fluent internals axe flags (not ours):\n${[...FLUENT_INTERNALS].join("\n")}`);
  await served?.close();
});

/** Whether the element lies inside the visible part of its scrolling container. */
async function inView(page: Page, selector: string, container: string): Promise<boolean> {
  return page.evaluate(
    ([sel, box]) => {
      const el = document.querySelector(sel);
      const c = document.querySelector(box);
      if (!el || !c) return false;
      const r = el.getBoundingClientRect();
      const b = c.getBoundingClientRect();
      return r.top >= b.top - 1 && r.bottom <= b.bottom + 1 && r.left >= b.left - 1 && r.right <= b.right + 1;
    },
    [selector, container] as const,
  );
}

describe.each(WIDTHS)("at %i px", (width) => {
  test("a 10,000-row table: every row reachable, findings past row 300 scroll into view, Bảng opens without a stall", async () => {
    // The sheet is read and checked in a worker; the page only takes the results, drawn in a transition. A task
    // can only be lengthened by other work on the machine (2 shared cores in CI): the best of three loads, each
    // in a fresh page, is the page's own cost.
    // The probe itself works: a 120 ms task on the page is seen as one.
    {
      const probe = await openPage(served, width);
      await probe.page.waitForTimeout(300);
      await longestTask(probe.page);
      // A task of the page's own (a timer), as the page's work is; not the test's evaluate.
      await probe.page.evaluate(() => {
        setTimeout(() => {
          const end = performance.now() + 120;
          while (performance.now() < end);
        }, 0);
      });
      await probe.page.waitForTimeout(400);
      expect(await longestTask(probe.page)).toBeGreaterThanOrEqual(100);
      await probe.page.context().close();
    }
    let loading = Infinity;
    let opened: Awaited<ReturnType<typeof openPage>> | null = null;
    for (let attempt = 0; attempt < 3 && loading >= 200; attempt++) {
      if (opened) await opened.page.context().close();
      opened = await openPage(served, width);
      await opened.page.waitForTimeout(300);
      await longestTask(opened.page);
      await openFile(opened.page, BIG);
      await opened.page.waitForTimeout(300); // the transition's last slices
      loading = Math.min(loading, await longestTask(opened.page));
    }
    console.log(
      `[${width} px] longest main-thread task while loading ${ROWS} rows: ${Math.round(loading)} ms`,
    );
    expect(loading).toBeLessThan(200);
    const { page, errors } = opened!;

    // The preview holds every row (no cut at 300), drawn virtually.
    const preview = page.getByTestId("sheet-preview");
    expect(Number(await preview.getAttribute("data-rows"))).toBeGreaterThanOrEqual(ROWS + 7);
    expect(await page.locator('[data-testid="sheet-preview"] tbody tr[data-row]').count()).toBeLessThan(200);

    // Both planted rates are found, and each scrolls into view when chosen.
    for (const row of [350, lastUnitRow]) {
      const card = page.locator(`[data-testid="finding"][data-cell="E${row}"]`);
      await card.scrollIntoViewIfNeeded();
      await card.click();
      await page.locator(`td[data-address="E${row}"]`).waitFor();
      await eventually(
        () => inView(page, `td[data-address="E${row}"]`, '[data-testid="sheet-preview"]'),
        true,
      );
    }
    expect(await horizontalOverflow(page)).toEqual([]);

    // A task can only be lengthened by other work on the machine (2 shared cores in CI), never shortened: the
    // best of three openings is the page's own cost.
    let opening = Infinity;
    for (let attempt = 0; attempt < 3 && opening >= 200; attempt++) {
      if (attempt > 0) {
        await page.getByRole("tab", { name: "Kết quả" }).click();
        await page.waitForTimeout(300);
      }
      await longestTask(page);
      await page.getByRole("tab", { name: "Bảng" }).click();
      await page.getByTestId("rows-scroller").waitFor();
      await page.waitForTimeout(300);
      opening = Math.min(opening, await longestTask(page));
    }
    console.log(
      `[${width} px] longest main-thread task while opening Bảng on ${ROWS} rows: ${Math.round(opening)} ms`,
    );
    expect(opening).toBeLessThan(200);
    // Rows exist only where they are seen; the last one is reachable by scrolling.
    expect(await page.getByTestId("table-row").count()).toBeLessThan(100);
    await page.getByTestId("rows-scroller").evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.locator(`[data-testid="table-row"][data-row="${lastUnitRow + 1}"]`).waitFor();
    // A row's kind is edited on demand: one dropdown at most.
    expect(await page.getByRole("combobox", { name: /^Loại của dòng/ }).count()).toBe(0);
    await page.getByRole("button", { name: new RegExp(`đổi loại của dòng ${lastUnitRow + 1}$`) }).click();
    await page.getByRole("combobox", { name: `Loại của dòng ${lastUnitRow + 1}` }).waitFor();
    expect(await horizontalOverflow(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 300_000);

  test("fix-all on a clean table writes nothing that changes a value", async () => {
    const { page, errors } = await openPage(served, width);
    await openFile(page, CLEAN);
    expect(await page.getByTestId("summary").getAttribute("data-errors")).toBe("0");
    expect(await page.getByTestId("summary").getAttribute("data-warnings")).toBe("0");
    expect(await page.getByTestId("finding").count()).toBe(0);
    const fixAll = page.getByTestId("fix-all");
    if (await fixAll.isEnabled()) {
      await fixAll.click();
      const confirm = page.getByTestId("fix-all-confirm");
      expect(await confirm.getByTestId("fix-all-summary").textContent()).toMatch(/^0 ô sửa lỗi, /);
      expect(await confirm.getByTestId("fix-all-fixes").count()).toBe(0);
      await confirm.getByRole("button", { name: /^Ghi / }).click();
      await page.getByTestId("changes").waitFor();
    }
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Tải tệp đã sửa" }).click(),
    ]);
    const saved = path.join(ARTIFACTS, `sach-${width}.xlsx`);
    await download.saveAs(saved);
    const before = readBack(fs.readFileSync(CLEAN), CLEAN).grid();
    const after = readBack(fs.readFileSync(saved), saved).grid(before.sheet);
    const changed: string[] = [];
    before.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell) return;
        // A formula cell's value is its cached result.
        const was = cell.value;
        const now = after.cells[r]?.[c]?.value ?? null;
        // A cached 1.6899999999999995 rewritten as 1.69 is the same number to the spreadsheet's precision.
        const same =
          typeof was === "number" && typeof now === "number"
            ? Math.abs(was - now) < 1e-9
            : JSON.stringify(was) === JSON.stringify(now);
        if (!same) changed.push(`${r + 1}:${c + 1}: ${String(was)} → ${String(now)}`);
      }),
    );
    expect(changed).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  test("keyboard: after Sửa the focus goes to the next finding", async () => {
    const { page, errors } = await openPage(served, width);
    await openFile(page, PLAN);
    const fix = page.locator('[data-testid="finding"][data-cell="E10"]').getByRole("button");
    await fix.focus();
    await page.keyboard.press("Enter");
    await page.locator('[data-testid="finding"][data-cell="E10"]').waitFor({ state: "detached" });
    await eventually(
      () => page.evaluate(() => document.activeElement?.hasAttribute("data-card") ?? false),
      true,
    );
    // The fixed cell loses its mark in the preview; the other errors keep theirs, by severity.
    await eventually(() => page.locator('td[data-address="E10"]').getAttribute("data-mark"), null);
    expect(await page.locator('td[data-address="F19"]').getAttribute("data-mark")).toBe("error");
    expect(await page.locator('td[data-address="E11"]').getAttribute("data-mark")).toBe("warning");
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  test("fix-all says what it will write, then shows what changed", async () => {
    const { page, errors } = await openPage(served, width);
    await openFile(page, PLAN);
    await page.getByTestId("fix-all").click();
    const confirm = page.getByTestId("fix-all-confirm");
    const summary = await confirm.getByTestId("fix-all-summary").textContent();
    const [, fixes, formulas] = /^(\d+) ô sửa lỗi, (\d+) ô chuyển sang công thức$/.exec(summary ?? "") ?? [];
    // Planted in the sample: F19 (total), E10 (rate), E11 (truncated rate) change value; E12, C14 are text.
    expect(Number(fixes)).toBeGreaterThanOrEqual(5);
    const listed = await confirm
      .getByTestId("fix-all-fixes")
      .locator("li")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-cell")));
    expect(listed).toEqual(expect.arrayContaining(["F19", "E10", "E11", "E12", "C14"]));
    expect(listed).toHaveLength(Number(fixes));
    expect(await horizontalOverflow(page)).toEqual([]);
    for (const list of ["fix-all-fixes", "fix-all-formulas"])
      expect(
        await confirm.getByTestId(list).evaluate((el) => el.scrollWidth - el.clientWidth),
      ).toBeLessThanOrEqual(1);
    await confirm.getByRole("button", { name: `Ghi ${Number(fixes) + Number(formulas)} ô` }).click();
    const changes = page.getByTestId("changes");
    await changes.waitFor();
    expect(await changes.locator("li").count()).toBe(Number(fixes) + Number(formulas));
    expect(await changes.locator('li[data-cell="F19"]').textContent()).toContain("→ 521");
    // The list of what changed fits the pane too (it scrolls down, never sideways).
    expect(await horizontalOverflow(page)).toEqual([]);
    expect(await changes.locator("ul").evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(
      1,
    );
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  test("the appendix: full-width preview, the written sheet is shown, a second copy is asked for", async () => {
    const { page, errors } = await openPage(served, width);
    await openFile(page, PLAN);
    await page.getByRole("tab", { name: "Lập phụ lục" }).click();
    await page.getByTestId("appendix-wide").click();
    const wide = page.getByTestId("appendix-wide-preview");
    const box = await wide.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(width - 2);
    await page.getByRole("button", { name: "Đóng xem trước" }).click();
    await page.getByTestId("appendix-write").click();
    const result = await page.getByTestId("appendix-result").textContent();
    const name = /“(.+)”/.exec(result ?? "")?.[1];
    expect(name).toBeTruthy();
    // The preview beside the pane now shows the written sheet.
    await eventually(() => page.getByRole("combobox", { name: "Trang tính" }).inputValue(), name);
    await page.getByTestId("appendix-write").click();
    expect(await page.getByTestId("appendix-again").textContent()).toContain(name!);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);
});

test("drag and drop opens a file; opening another with unsaved fixes asks; leaving asks too", async () => {
  const { page, errors } = await openPage(served, 1366);
  const bytes = fs.readFileSync(PLAN).toString("base64");
  const transfer = await page.evaluateHandle((b64) => {
    const raw = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([raw], "ke-hoach-giam-ngheo-2024.xlsx"));
    return dt;
  }, bytes);
  await page.getByTestId("drop-target").dispatchEvent("dragover", { dataTransfer: transfer });
  await page.getByTestId("drop-target").dispatchEvent("drop", { dataTransfer: transfer });
  await page.getByTestId("summary").waitFor();
  expect(await page.getByTestId("finding").count()).toBeGreaterThan(0);

  await page.locator('[data-testid="finding"][data-cell="E10"]').getByRole("button").click();
  await page.locator('[data-testid="finding"][data-cell="E10"]').waitFor({ state: "detached" });
  const asked: string[] = [];
  page.once("dialog", (d) => {
    asked.push(d.message());
    void d.dismiss();
  });
  await page.getByLabel("Mở tệp Excel").setInputFiles(CLEAN);
  await eventually(() => asked.length, 1);
  expect(asked[0]).toContain("ke-hoach-giam-ngheo-2024.xlsx");
  // Dismissed: the fixed file stays open.
  expect(await page.getByRole("combobox", { name: "Trang tính" }).inputValue()).toBe("KH 2024");

  const leaving = new Promise<string>((resolve) =>
    page.once("dialog", (d) => (resolve(d.type()), void d.accept())),
  );
  await page.close({ runBeforeUnload: true });
  expect(await leaving).toBe("beforeunload");
  expect(errors).toEqual([]);
  await page.context().close();
}, 120_000);

test("first run: the three-step guide, Dùng bảng mẫu, help; copy and export the results", async () => {
  const { page, errors } = await openPage(served, 350);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: served.origin });
  expect(await page.getByTestId("guide").locator("li").count()).toBe(3);
  await page.getByRole("button", { name: "Dùng bảng mẫu" }).click();
  await page.getByTestId("summary").waitFor();
  // Planted in the bundled sample: C12 total and E9 rate.
  const cells = await page
    .getByTestId("finding")
    .evaluateAll((els) => els.map((e) => `${e.getAttribute("data-cell")} ${e.getAttribute("data-rule")}`));
  expect(cells).toEqual(expect.arrayContaining(["C12 sum-mismatch", "E9 rate-mismatch"]));

  await page.getByRole("button", { name: "Sao chép kết quả" }).click();
  await page.getByText("Đã sao chép kết quả.").waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.split("\n")[0]).toMatch(/^Kết quả kiểm tra bảng A\d+:E\d+, trang tính “Bảng mẫu”$/);
  expect(copied).toContain("- C12 (Lỗi) Tổng không khớp:");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Xuất danh sách" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("ket-qua-Bảng mẫu.xlsx");
  const file = path.join(ARTIFACTS, "ket-qua-bang-mau.xlsx");
  await download.saveAs(file);
  const listed = readBack(fs.readFileSync(file), file).grid();
  const rows: string[] = [];
  listed.cells.forEach((r, i) => i + 1 > 3 && r.some(Boolean) && rows.push(String(r[0]?.value ?? null)));
  expect(rows).toEqual(cells.map((c) => c.split(" ")[0]));

  await page.getByRole("button", { name: "Trợ giúp" }).click();
  await page.getByTestId("help").waitFor();
  expect(await page.getByTestId("help").getByRole("heading").first().textContent()).toBe("Trợ giúp");
  await page.getByRole("button", { name: "Quay lại" }).click();
  expect(errors).toEqual([]);
  await page.context().close();
}, 120_000);

test("English: the page title, the pane, the stepper's buttons; Vietnamese steppers say Tăng/Giảm", async () => {
  const { page, errors } = await openPage(served, 1366);
  await openFile(page, PLAN);
  expect(await page.title()).toBe("Phụ lục — kiểm tra bảng giảm nghèo");
  await page.getByRole("tab", { name: "Cài đặt" }).click();
  expect(await page.getByRole("button", { name: "Tăng một" }).count()).toBe(1);
  expect(await page.getByRole("button", { name: "Increment value" }).count()).toBe(0);
  await page.getByLabel("English").check();
  await page.getByRole("tab", { name: "Findings" }).waitFor();
  await eventually(() => page.title(), "Phụ lục — check poverty-reduction tables");
  expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
  expect(await page.getByRole("button", { name: "Increase by one" }).count()).toBe(1);
  expect(errors).toEqual([]);
  await page.context().close();
}, 120_000);

test("a grouped card at 350 px: Giá trị này đúng on a cell inside it, by keyboard; it fits; axe", async () => {
  // The commune report with each unit's end-of-year poor count (F) counted one too many: six units' typed counts
  // break their rows' rates and reductions, one card for column F. (A column copied from another is named by the
  // engine and shown as one cause card instead: first-hour.test.tsx.)
  let rows = reportRows();
  for (const r of [10, 11, 12, 14, 15, 16])
    rows = setCell(rows, `F${r}`, (getCell(rows, `F${r}`) as number) + 1);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Báo cáo 2023");
  ws.columns = [6, 24, 10, 9, 9, 9, 9, 9, 9].map((width) => ({ width }));
  for (const values of rows) ws.addRow(values);
  for (const m of REPORT_MERGES) ws.mergeCells(m);
  for (let r = 9; r <= 17; r++) for (const c of ["E", "G", "I"]) ws.getCell(`${c}${r}`).numFmt = "0.00";
  const file = path.join(ARTIFACTS, "bao-cao-chep-cot.xlsx");
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await wb.xlsx.writeFile(file);

  const { page, errors } = await openPage(served, 350, { axe: true });
  await openFile(page, file);
  const group = page.locator('[data-testid="finding-group"][data-rule="reduction-mismatch"]');
  expect(await group.getAttribute("data-count")).toBe("6");
  await group.getByRole("button", { name: "Xem 6 ô" }).click();
  const row = (cell: string) => group.locator(`[data-testid="finding"][data-cell="${cell}"]`);
  await row("F12").waitFor();
  expect(await horizontalOverflow(page)).toEqual([]);
  expect(await group.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(1);
  // Every row's buttons lie inside the card.
  const outside = await group.evaluate((card) => {
    const box = card.getBoundingClientRect();
    return [...card.querySelectorAll("button")]
      .filter((b) => b.getBoundingClientRect().right > box.right + 1)
      .map((b) => b.getAttribute("aria-label") ?? b.textContent);
  });
  expect(outside).toEqual([]);
  await group.screenshot({ path: path.join(ARTIFACTS, "nhom-350.png") });
  expect(await axeViolations(page)).toEqual([]);
  // label-content-name-mismatch is one of axe's experimental rules (off by default): run it on the card.
  const named = await group.evaluate(async (card) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<unknown> } }).axe;
    const r = (await axe.run(card, {
      runOnly: ["label-content-name-mismatch"],
      rules: { "label-content-name-mismatch": { enabled: true } },
    })) as { violations: { nodes: { target: string[] }[] }[]; passes: { nodes: unknown[] }[] };
    return {
      violations: r.violations.flatMap((v) => v.nodes.map((n) => n.target.join(" "))),
      passed: r.passes.reduce((n, p) => n + p.nodes.length, 0),
    };
  });
  expect(named.violations).toEqual([]);
  // Đến ô and Giá trị này đúng on six rows (names start with the visible text).
  expect(named.passed).toBeGreaterThanOrEqual(12);

  const confirm = row("F12").getByRole("button", { name: /^Giá trị này đúng: ô F12 / });
  await confirm.focus();
  await page.keyboard.press("Enter");
  await row("F12").waitFor({ state: "detached" });
  expect(await group.getAttribute("data-count")).toBe("5");
  await eventually(
    () => page.evaluate(() => document.activeElement?.getAttribute("data-stop") ?? null),
    "F14|reduction-mismatch",
  );
  expect(await page.locator('[data-testid="finding"][data-cell="H12"]').count()).toBe(1);
  expect(await horizontalOverflow(page)).toEqual([]);
  expect(errors).toEqual([]);
  await page.context().close();
}, 120_000);

const VIEWS: { name: string; tab?: string; button?: string; testId: string }[] = [
  { name: "ket-qua", tab: "Kết quả", testId: "summary" },
  { name: "bang", tab: "Bảng", testId: "rows-scroller" },
  { name: "phu-luc", tab: "Lập phụ lục", testId: "appendix-view" },
  { name: "cai-dat", tab: "Cài đặt", testId: "summary" },
  { name: "tro-giup", button: "Trợ giúp", testId: "help" },
  { name: "sua-tat-ca", button: "Sửa tất cả", testId: "fix-all-confirm" },
];

describe.each(["light", "dark"] as const)("%s theme", (theme) => {
  test.each(WIDTHS)(
    "each view at %i px: no sideways overflow, no serious axe violation; screenshots",
    async (width) => {
      const { page, errors } = await openPage(served, width, { theme, axe: theme === "light" });
      await openFile(page, PLAN);
      const problems: string[] = [];
      for (const view of VIEWS) {
        if (view.tab) await page.getByRole("tab", { name: view.tab }).click();
        else await page.getByRole("button", { name: view.button!, exact: true }).click();
        await page.getByTestId(view.testId).waitFor();
        await page.waitForTimeout(150);
        for (const o of await horizontalOverflow(page)) problems.push(`${view.name}: ${o}`);
        if (theme === "light") for (const v of await axeViolations(page)) problems.push(`${view.name}: ${v}`);
        // The view itself at the top of the window (the page's own header scrolls away).
        const top = view.tab ? page.getByRole("tablist") : page.getByTestId(view.testId);
        await top.evaluate((el) => el.scrollIntoView({ block: "start" }));
        await page.screenshot({ path: path.join(IMAGES, `${view.name}-${width}-${theme}.png`) });
        if (view.name === "tro-giup") await page.getByRole("button", { name: "Quay lại" }).click();
        if (view.name === "sua-tat-ca") await page.getByRole("button", { name: "Hủy" }).click();
      }
      expect(problems).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    },
    180_000,
  );
});
