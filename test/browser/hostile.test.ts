// Issue 24.7 in a real browser: the crash file of the probe (40 million nested elements in a 2 MB file, which took
// the tab down at 4.6 GB) and a row at 4,294,967,295 get the CLI's one line in the page; the tab survives, stays
// responsive, and the next file opens as usual. Needs `npm run build` first (dist/standalone.html).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { bigTable, longestTask, openFile, openPage, start, type Served } from "./harness";

const hostile = require("../xlsx/hostile.js") as { PROBES: Record<string, () => Uint8Array> };

let served: Served;
let dir: string;

beforeAll(async () => {
  served = await start();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-hostile-page-"));
}, 60_000);

afterAll(async () => {
  await served?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function probe(name: string): string {
  const file = path.join(dir, `${name}.xlsx`);
  fs.writeFileSync(file, hostile.PROBES[name]());
  return file;
}

test("the crash files get one line, the tab survives and stays responsive, the next file opens", async () => {
  const { page, errors } = await openPage(served, 1366);
  let crashed = false;
  page.on("crash", () => (crashed = true));
  const alert = page.getByRole("alert");
  for (const [name, words] of [
    ["nested-40-million", 'phần "Bảng" (xl/worksheets/sheet1.xml) có các phần tử lồng nhau quá 64 cấp'],
    ["row-4294967295", "dòng 4294967295 nằm ngoài lưới của Excel"],
  ] as const) {
    const file = probe(name);
    const started = Date.now();
    await page.getByLabel("Mở tệp Excel").setInputFiles(file);
    await alert.filter({ hasText: words }).waitFor({ timeout: 10_000 });
    expect(Date.now() - started).toBeLessThan(10_000);
    const text = (await alert.textContent()) ?? "";
    expect(text).toContain(`${name}.xlsx`);
    expect(text.split("\n")).toHaveLength(1);
    // Responsive: the page answers at once and nothing held its thread for long.
    const t0 = Date.now();
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(await longestTask(page)).toBeLessThan(1000);
  }
  expect(crashed).toBe(false);
  // The same tab opens a clean file afterwards.
  await openFile(page, probe("plain-table"));
  await page.getByTestId("finding").first().waitFor();
  expect(await page.getByTestId("finding").first().getAttribute("data-cell")).toBe("E4");
  expect(errors).toEqual([]);
  await page.context().close();
}, 120_000);

test("Hủy stops a long reading in the worker; the page stays usable and opens the next file", async () => {
  const big = path.join(dir, "toan-quoc-300000.xlsx");
  await bigTable(big, 300_000, true);
  const { page, errors } = await openPage(served, 1366);
  await page.getByLabel("Mở tệp Excel").setInputFiles(big);
  const cancel = page.getByTestId("cancel-reading");
  await cancel.waitFor({ timeout: 20_000 });
  await cancel.click();
  await page.getByRole("alert").filter({ hasText: "Đã hủy đọc tệp toan-quoc-300000.xlsx." }).waitFor();
  expect(await cancel.count()).toBe(0);
  expect(await page.getByTestId("summary").count()).toBe(0);
  await openFile(page, probe("plain-table"));
  expect(await page.getByTestId("finding").first().getAttribute("data-cell")).toBe("E4");
  expect(errors).toEqual([]);
  await page.context().close();
}, 120_000);
