// The standalone page in a real browser: choose the 14 communes' files at once, see which are left out, download
// the consolidated workbook and check it with our reader. Needs `npm run build` first (dist/standalone.html).
import * as fs from "fs";
import * as path from "path";
import {
  ARTIFACTS,
  axeViolations,
  horizontalOverflow,
  openPage,
  start,
  type Served,
} from "../browser/harness";
import { gen, gridsOf, sheetValues, tempDir, writeAll } from "./helpers";

let served: Served;

beforeAll(async () => {
  served = await start();
}, 60_000);

afterAll(async () => {
  await served?.close();
});

test("several files chosen on the standalone page are consolidated and downloaded", async () => {
  const dir = tempDir("phuluc-many-browser-");
  const communes = gen.district();
  const files = writeAll(dir, communes).map((f) => path.join(dir, f));
  const { page, errors } = await openPage(served, 1366, { axe: true });
  await page.getByLabel(/Mở tệp Excel/).setInputFiles(files);
  const summary = page.getByTestId("many-summary");
  await summary.waitFor({ timeout: 60_000 });
  expect(await summary.textContent()).toBe("12 đơn vị đưa vào, 2 để ra ngoài.");
  expect(await page.getByTestId("many-issues").textContent()).toMatch(
    /xa-cam-chinh\.xlsx: chưa chắc đã đọc đúng/,
  );
  fs.mkdirSync(path.join(ARTIFACTS, "screenshots"), { recursive: true });
  await page.screenshot({
    path: path.join(ARTIFACTS, "screenshots", "many-files-standalone.png"),
    fullPage: true,
  });
  expect(await axeViolations(page)).toEqual([]);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("many-download").click(),
  ]);
  const saved = path.join(dir, "tai-ve.xlsx");
  await download.saveAs(saved);
  const [main, sources] = gridsOf(fs.readFileSync(saved));
  expect([main.sheet, sources.sheet]).toEqual(["Tổng hợp", "Nguồn"]);
  const included = communes.filter((c) => !c.defect || c.defect === "tcvn3");
  const total = sheetValues(main).get(7 + included.length)!;
  expect(total.get("C")).toBe(included.reduce((a, c) => a + c.totals.households, 0));
  expect(total.get("D")).toBe(included.reduce((a, c) => a + c.totals.poor, 0));
  // The page's WebCrypto gives every source its SHA-256.
  expect(String(sheetValues(sources).get(5)!.get("N"))).toMatch(/^[0-9a-f]{64}$/);
  expect(errors).toEqual([]);
}, 120_000);

test("the pane's Nhiều tệp tab at 350 px: nothing sticks out, axe clean, the open table checked against files", async () => {
  const dir = tempDir("phuluc-many-browser-");
  const communes = gen.district();
  const files = writeAll(dir, communes).map((f) => path.join(dir, f));
  const thanh = communes.find((c) => c.name === "Cam Thành")!;
  fs.writeFileSync(
    path.join(dir, "huyen.xlsx"),
    gen.districtWorkbook(communes, {
      mistakes: [{ commune: "Cam Thành", field: "poor", value: thanh.totals.poor + 10 }],
    }),
  );
  const { page, errors } = await openPage(served, 350, { axe: true });
  await page.getByLabel(/Mở tệp Excel/).setInputFiles(path.join(dir, "huyen.xlsx"));
  await page.getByTestId("summary").waitFor({ timeout: 60_000 });
  await page.getByRole("tab", { name: "Nhiều tệp" }).click();
  await page.getByTestId("many-pick").setInputFiles(files);
  const cross = page.getByTestId("many-cross");
  await cross.waitFor({ timeout: 60_000 });
  expect(await cross.textContent()).toMatch(
    new RegExp(
      `D8 \\(Xã Cam Thành, Hộ nghèo - Số hộ\\): bảng tổng hợp ghi ${thanh.totals.poor + 10}, báo cáo của đơn vị ghi ${thanh.totals.poor}`,
    ),
  );
  expect(await horizontalOverflow(page)).toEqual([]);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({
    path: path.join(ARTIFACTS, "screenshots", "many-files-pane-350.png"),
    fullPage: true,
  });
  expect(errors).toEqual([]);
}, 120_000);
