// Issue 23 in a real browser, the standalone page at 1280 and 350 px on the bundled plan sample (its planted
// errors: C9 1,518 households, E10 a wrong rate, F19 a wrong total — three errors, written here by hand):
// "Bảng còn 3 lỗi" in red above the appendix, a file picker in Vietnamese, the download button secondary until
// something changed, the changes list following undo. Needs `npm run build` first (dist/standalone.html).
import * as path from "path";
import type { Page } from "playwright-core";
import { openFile, openPage, ROOT, start, type Served } from "./harness";

const PLAN = path.join(ROOT, "samples/ke-hoach-giam-ngheo-2024.xlsx");
const CLEAN = path.join(ROOT, "samples/bao-cao-ket-qua-2023-sach.xlsx");

let served: Served;
beforeAll(async () => {
  served = await start();
}, 60_000);
afterAll(async () => {
  await served?.close();
});

const download = (page: Page) => page.getByTestId("download");

describe.each([1280, 350])("the standalone page at %i px", (width) => {
  test("Bảng còn 3 lỗi in red above the appendix; the clean twin says nothing of errors", async () => {
    const { page, errors } = await openPage(served, width);
    await openFile(page, PLAN);
    await page.getByRole("tab", { name: "Lập phụ lục" }).click();
    const bar = page.getByTestId("errors-left");
    await bar.waitFor();
    expect(await bar.textContent()).toMatch(/^Bảng còn 3 lỗi\. .*\(C9, E10, F19\)/u);
    // Where the official looks: above the choice of appendix, in sight without scrolling.
    const barBox = (await bar.boundingBox())!;
    const variantBox = (await page.getByRole("radiogroup").boundingBox())!;
    expect(barBox.y).toBeLessThan(variantBox.y);
    expect(barBox.y + barBox.height).toBeLessThan(page.viewportSize()!.height);
    // Red: the error intent's colours, not the page's neutral ones.
    const background = await bar.evaluate(
      (e) => getComputedStyle(e.closest("[role=alert]")!).backgroundColor,
    );
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect(r).toBeGreaterThan(g);
    expect(r).toBeGreaterThan(b);

    await openFile(page, CLEAN);
    await page.getByRole("tab", { name: "Lập phụ lục" }).click();
    await page.getByTestId("appendix-view").waitFor();
    expect(await page.getByTestId("errors-left").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);
});

test("the picker speaks Vietnamese; the download is secondary until a fix, again after undoing it", async () => {
  const { page, errors } = await openPage(served, 1280);
  const pick = page.getByTestId("pick-file");
  expect(await pick.textContent()).toBe("Chọn tệp .xlsx");
  // The browser's own "Choose File" is out of sight.
  expect(await page.locator("#pl-file").boundingBox()).toMatchObject({ width: 1, height: 1 });
  await openFile(page, PLAN);
  expect(await page.getByText(/chọn vùng bảng/u).count()).toBe(0);
  expect(await download(page).getAttribute("data-dirty")).toBe("false");
  const isPrimary = () =>
    download(page).evaluate(
      (e) =>
        getComputedStyle(e).backgroundColor !== getComputedStyle(document.body).backgroundColor &&
        getComputedStyle(e).color === "rgb(255, 255, 255)",
    );
  expect(await isPrimary()).toBe(false);

  // Sửa on E10 (a rate computed from its counts): one cell written, the download becomes the main action.
  await page
    .locator('[data-testid="finding"][data-cell="E10"]')
    .getByRole("button", { name: "Sửa ô E10" })
    .click();
  await page.getByTestId("changes").waitFor();
  await expectEventually(() => download(page).getAttribute("data-dirty"), "true");
  // The button's colours change with a short transition: asked until it has settled.
  await expectEventually(isPrimary, true);

  // Hoàn tác: the sheet is as opened, so the list of written cells goes and nothing is left to download.
  await page.getByRole("button", { name: "Hoàn tác" }).click();
  await page.getByTestId("changes").waitFor({ state: "detached" });
  await expectEventually(() => download(page).getAttribute("data-dirty"), "false");
  expect(await page.locator('[data-testid="summary"]').getAttribute("data-errors")).toBe("3");
  expect(errors).toEqual([]);
  await page.context().close();
}, 120_000);

test("after the appendix is written, the page says which sheet it shows and which it checks", async () => {
  const { page, errors } = await openPage(served, 1280);
  await openFile(page, CLEAN);
  const checked = await page.getByRole("combobox", { name: "Trang tính" }).inputValue();
  expect(await page.getByTestId("preview-other").count()).toBe(0);
  await page.getByRole("tab", { name: "Lập phụ lục" }).click();
  await page.getByTestId("appendix-write").click();
  const result = await page.getByTestId("appendix-result").textContent();
  const name = /“(.+)”/.exec(result ?? "")![1];
  await page.getByTestId("preview-other").waitFor();
  expect(await page.getByTestId("preview-other").textContent()).toBe(
    `Đang xem trang tính “${name}”; bảng đang kiểm tra ở trang tính “${checked}”.`,
  );
  // A new sheet is a change to download.
  await expectEventually(() => download(page).getAttribute("data-dirty"), "true");
  expect(errors).toEqual([]);
  await page.context().close();
}, 120_000);

async function expectEventually<T>(read: () => Promise<T>, want: T, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  let last = await read();
  while (last !== want && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  expect(last).toBe(want);
}
