// The standalone page in a real browser opens a Word plan: the Cẩm Long seed made into a .docx is read in the page,
// its table's findings and its sentences with 10.73 % are shown, the "Lời văn" is written, no request leaves the
// page's origin. Needs `npm run build` first (dist/standalone.html), as every browser test.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
  ROOT,
  axeViolations,
  horizontalOverflow,
  longestTask,
  openPage,
  start,
  type Served,
} from "../browser/harness";
import { SEED_FILES, seedDocx } from "./seeds";

let served: Served;
let dir: string;

beforeAll(async () => {
  served = await start();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-docx-page-"));
  fs.writeFileSync(path.join(dir, "cam-long.docx"), seedDocx(SEED_FILES.camLong));
}, 60_000);

afterAll(async () => {
  await served?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test("a .docx opened in the standalone page: tables, sentences and Lời văn, nothing uploaded", async () => {
  const { page, errors } = await openPage(served, 1366);
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.locator("#pl-file").setInputFiles(path.join(dir, "cam-long.docx"));
  const report = page.getByTestId("docx-report");
  await report.getByText("Văn bản Word: cam-long.docx").waitFor({ timeout: 30_000 });
  await report.getByText("Bảng 1, dòng 5, cột 'Số đầu kỳ > tỷ lệ (%)'").waitFor();
  await report.getByText("đoạn 22").waitFor();
  await report.getByText("đoạn 33").waitFor();
  const text = await report.getByRole("textbox", { name: "Lời văn" }).inputValue();
  expect(text.split("\n")[0]).toBe(
    "Đầu năm 2023, toàn xã có 1.518 hộ, trong đó có 208 hộ nghèo, chiếm tỷ lệ 13,70%.",
  );
  console.log(`docx page: longest main-thread task ${Math.round(await longestTask(page))} ms`);
  expect(requests.every((u) => u.startsWith(served.origin))).toBe(true);
  expect(errors).toEqual([]);
  await page.context().close();
}, 120_000);

test.each([350, 1366])(
  "the pane's Lời văn tab at %i px: no sideways overflow, no serious axe violation",
  async (width) => {
    const { page, errors } = await openPage(served, width, { axe: true });
    await page.locator("#pl-file").setInputFiles(path.join(ROOT, "samples/ke-hoach-giam-ngheo-2024.xlsx"));
    await page.getByRole("tab", { name: "Lời văn" }).click();
    const box = page.getByRole("textbox", { name: "Lời văn" });
    await box.waitFor({ timeout: 30_000 });
    expect((await box.inputValue()).split("\n")[0]).toBe(
      "Đầu năm 2024, toàn phường có 7.947 hộ, trong đó có 566 hộ nghèo, chiếm tỷ lệ 7,12%; 521 hộ cận nghèo, chiếm tỷ lệ 6,56%.",
    );
    await page.getByRole("switch", { name: "Thêm từng đơn vị" }).click();
    await page.waitForTimeout(150);
    expect(await horizontalOverflow(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  },
  120_000,
);

test("the Word report at 350 px: no sideways overflow, no serious axe violation", async () => {
  const { page, errors } = await openPage(served, 350, { axe: true });
  await page.locator("#pl-file").setInputFiles(path.join(dir, "cam-long.docx"));
  await page.getByTestId("docx-report").getByText("đoạn 33").waitFor({ timeout: 30_000 });
  expect(await horizontalOverflow(page)).toEqual([]);
  expect(await axeViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
  await page.context().close();
}, 120_000);
