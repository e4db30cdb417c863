// The standalone page in a real browser opens a Word plan: the Cẩm Long seed made into a .docx is read in the page,
// its table's findings and its sentences with 10.73 % are shown, the "Lời văn" is written, no request leaves the
// page's origin. Needs `npm run build` first (dist/standalone.html), as every browser test.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { longestTask, openPage, start, type Served } from "../browser/harness";
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
