// The standalone page in a real browser (Debian's Chromium through playwright-core): open the sample, see the
// planted defects, fix all, download, check the download with the engine; screenshots in light and dark theme;
// no request leaves the page's own origin. Needs `npm run build` first (dist/standalone.html).
import * as fs from "fs";
import * as path from "path";
import { ARTIFACTS, DIST, ROOT, start, type Served } from "./harness";
import type { Browser, Page } from "playwright-core";
import { analyzeGrid } from "../../src/engine";
import { readBack } from "../xlsx/read-back";

const SAMPLE = path.join(ROOT, "samples/ke-hoach-giam-ngheo-2024.xlsx");
const SHOTS = path.join(ARTIFACTS, "screenshots");

/** The defects the samples script plants in "KH 2024" (from its list, written here by hand). */
const PLANTED = [
  "C9 non-integer-count error",
  "E10 rate-mismatch error",
  "E11 rate-rounding warning",
  "E12 number-as-text",
  "C14 number-as-text",
  "F19 sum-mismatch error",
];

let served: Served;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  served = await start();
  browser = served.browser;
  origin = served.origin;
}, 60_000);

afterAll(async () => {
  await served?.close();
});

interface Opened {
  page: Page;
  requests: string[];
  errors: string[];
}

async function openSample(theme: "light" | "dark" | "contrast"): Promise<Opened> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    locale: "vi-VN",
  });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(`${origin}/standalone.html?theme=${theme}`);
  await page.getByLabel("Mở tệp Excel").setInputFiles(SAMPLE);
  await page.getByTestId("summary").waitFor({ timeout: 30_000 });
  return { page, requests, errors };
}

async function findings(page: Page): Promise<string[]> {
  return page.getByTestId("finding").evaluateAll((els) =>
    els.map((e) => {
      const sev = e.getAttribute("data-severity");
      const rule = e.getAttribute("data-rule");
      // number-as-text may be info or warning depending on the cell; the planted list leaves it open.
      return rule === "number-as-text"
        ? `${e.getAttribute("data-cell")} ${rule}`
        : `${e.getAttribute("data-cell")} ${rule} ${sev}`;
    }),
  );
}

function assertOwnOrigin(requests: string[]) {
  expect(requests.length).toBeGreaterThan(0);
  const foreign = requests.filter((u) => {
    if (u.startsWith("data:")) return false; // inline, never on the network
    return new URL(u).origin !== origin; // blob: URLs carry their creator's origin
  });
  expect(foreign).toEqual([]);
}

test("open the sample, see the planted defects, fix all, download a clean workbook", async () => {
  const { page, requests, errors } = await openSample("light");

  expect(await findings(page)).toEqual(expect.arrayContaining(PLANTED));
  const summary = page.getByTestId("summary");
  expect(Number(await summary.getAttribute("data-errors"))).toBeGreaterThanOrEqual(3);
  await page.screenshot({ path: path.join(SHOTS, "standalone-light.png"), fullPage: false });
  await page.locator("main").screenshot({ path: path.join(SHOTS, "pane-light.png") });

  // Keyboard: Tab onto a finding and press Enter to go to its cell.
  const f19 = page.locator('[data-testid="finding"][data-cell="F19"]');
  await f19.focus();
  await page.keyboard.press("Enter");
  await page.getByText("Ô đang chọn: F19").waitFor();
  expect(await page.locator('td[data-address="F19"]').count()).toBe(1);

  await page.getByRole("button", { name: "Sửa tất cả" }).click();
  // Fix-all says first what it will write; the user agrees.
  await page.getByRole("button", { name: /^Ghi \d+ ô$/ }).click();
  await page
    .locator('[data-testid="finding"][data-rule="sum-mismatch"]')
    .first()
    .waitFor({ state: "detached" });
  const after = await findings(page);
  for (const rule of ["sum-mismatch", "rate-mismatch", "rate-rounding"]) {
    expect(after.filter((f) => f.includes(` ${rule} `))).toEqual([]);
  }

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Tải tệp đã sửa" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("ke-hoach-giam-ngheo-2024.da-sua.xlsx");
  const saved = path.join(ARTIFACTS, download.suggestedFilename());
  await download.saveAs(saved);

  const workbook = readBack(fs.readFileSync(saved), saved);
  expect(workbook.names).toContain("KH 2024");
  const analyses = analyzeGrid(workbook.grid("KH 2024"), {});
  expect(analyses.length).toBeGreaterThan(0);
  const remaining = analyses.flatMap((a) => a.findings).filter((f) => f.severity !== "info");
  expect(
    remaining.filter((f) => ["sum-mismatch", "rate-mismatch", "rate-rounding"].includes(f.rule)),
  ).toEqual([]);
  // F19 now holds a live formula with the right cached value.
  expect(workbook.cell("F19", "KH 2024")).toMatchObject({ formula: expect.stringMatching(/^=/), value: 521 });
  // The household count typed as 1.518 is an input: either corrected to 1518 or left for the user, never other.
  expect([1518, 1.518]).toContain(workbook.value("C9", "KH 2024"));

  assertOwnOrigin(requests);
  expect(errors).toEqual([]);
  await page.context().close();
}, 120_000);

test("dark theme, the table view and the settings in English; screenshots", async () => {
  const { page, requests, errors } = await openSample("dark");
  expect(await findings(page)).toEqual(expect.arrayContaining(PLANTED));
  const bg = await page.locator("main").evaluate((el) => getComputedStyle(el).backgroundColor);
  // Dark: the pane's background is dark (each channel well below the middle).
  const channels = (bg.match(/\d+/g) ?? []).slice(0, 3).map(Number);
  expect(Math.max(...channels)).toBeLessThan(80);
  await page.screenshot({ path: path.join(SHOTS, "standalone-dark.png"), fullPage: false });
  await page.locator("main").screenshot({ path: path.join(SHOTS, "pane-dark.png") });

  await page.getByRole("tab", { name: "Bảng" }).click();
  await page.getByLabel("Vai trò của cột C").waitFor();
  await page.screenshot({ path: path.join(SHOTS, "standalone-dark-table.png"), fullPage: false });

  await page.getByRole("tab", { name: "Cài đặt" }).click();
  await page.getByLabel("English").check();
  await page.getByRole("tab", { name: "Findings" }).waitFor();
  await page.getByRole("button", { name: "Download the corrected file" }).waitFor();

  assertOwnOrigin(requests);
  expect(errors).toEqual([]);
  await page.context().close();
}, 120_000);

test("high contrast: the pane uses the high-contrast palette", async () => {
  const { page, errors } = await openSample("contrast");
  const bg = await page.locator("main").evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(bg).toBe("rgb(0, 0, 0)");
  await page.locator("main").screenshot({ path: path.join(SHOTS, "pane-contrast.png") });
  expect(errors).toEqual([]);
  await page.context().close();
}, 60_000);

test("a file that is not a workbook gets a clear message, no crash", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${origin}/standalone.html`);
  await page.getByLabel("Mở tệp Excel").setInputFiles({
    name: "bang.xlsx",
    mimeType: "application/octet-stream",
    buffer: Buffer.from("không phải tệp Excel"),
  });
  const alert = page.getByRole("alert");
  await alert.waitFor();
  expect(await alert.textContent()).toContain("bang.xlsx");
  expect(errors).toEqual([]);
  await context.close();
}, 60_000);

test("opened from file:// (no worker allowed there): the page does the work itself and finds the same defects", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "vi-VN" });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`file://${path.join(DIST, "standalone.html")}`);
  // The page's own check that a worker is refused here (the premise of this test).
  const refused = await page.evaluate(() => {
    try {
      new Worker("standalone-worker-probe.js").terminate();
      return false;
    } catch {
      return true;
    }
  });
  expect(refused).toBe(true);
  await page.getByLabel("Mở tệp Excel").setInputFiles(SAMPLE);
  await page.getByTestId("summary").waitFor({ timeout: 30_000 });
  expect(await findings(page)).toEqual(expect.arrayContaining(PLANTED));
  expect(errors).toEqual([]);
  await context.close();
}, 60_000);

test("another sheet of the file: read in the worker when chosen, shown and checked; back again, the same findings", async () => {
  const rich = path.join(ROOT, "../shared/fixtures/rich/hoai-thanh-tay-2024-excel.xlsx");
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "vi-VN" });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.goto(`${origin}/standalone.html`);
  await page.getByLabel("Mở tệp Excel").setInputFiles(rich);
  await page.getByTestId("summary").waitFor({ timeout: 30_000 });
  // The first sheet with a table, and its six planted defects (the fixtures' README).
  const sheet = page.getByRole("combobox", { name: "Trang tính" });
  expect(await sheet.inputValue()).toBe("KH 2024");
  const planted = ["C9", "E10", "E11", "E12", "C14", "F19"];
  const cells = () =>
    page.getByTestId("finding").evaluateAll((els) => els.map((e) => e.getAttribute("data-cell")));
  expect((await cells()).sort()).toEqual([...planted].sort());

  // "Số liệu 2023" (last year's figures, a plain list, read as a table since header and first unit are told
  // apart): its cells in the preview, and no finding of KH 2024.
  await sheet.selectOption("Số liệu 2023");
  await page.locator('td[data-address="A2"]', { hasText: "Tổ dân phố Ngọc An Đông" }).waitFor();
  await page
    .getByTestId("summary")
    .or(page.getByText(/Không tìm thấy bảng|No table/))
    .first()
    .waitFor();
  // None of KH 2024's findings stays; this sheet's own: row 3 says 99 poor households of 1 (C3 > B3).
  expect(await cells()).toEqual(["C3"]);

  await sheet.selectOption("KH 2024");
  await page.getByTestId("summary").waitFor();
  await page.locator('[data-testid="finding"][data-cell="F19"]').waitFor();
  expect((await cells()).sort()).toEqual([...planted].sort());
  expect(errors).toEqual([]);
  await context.close();
}, 90_000);
