// Races on the standalone page in Chromium: the user's latest choice wins over a file still loading.
import * as path from "path";
import { bigTable, openPage, start, ARTIFACTS, type Served } from "./harness";

let served: Served;
const BIG = path.join(ARTIFACTS, "review-10000.xlsx");
beforeAll(async () => {
  await bigTable(BIG, 10_000, true);
  served = await start();
}, 120_000);
afterAll(async () => served?.close());

test("a file still loading does not replace the sample the user chose after it", async () => {
  const { page } = await openPage(served, 1366);
  await page.getByLabel("Mở tệp Excel").setInputFiles(BIG);
  await page.getByRole("button", { name: "Dùng bảng mẫu" }).first().click();
  const seen: string[] = [];
  for (let i = 0; i < 60; i++) {
    const v = await page.evaluate(
      () => (document.querySelector("select") as HTMLSelectElement | null)?.value ?? "-",
    );
    if (seen[seen.length - 1] !== v) seen.push(v);
    await page.waitForTimeout(100);
  }
  // The sample replaced by the file chosen before it: "- → Bảng mẫu → Biểu 01".
  expect(seen.filter((v) => v !== "-")).toEqual(["Bảng mẫu"]);
  await page.getByTestId("summary").waitFor({ timeout: 60_000 });
  const sheetNow = await page.getByRole("combobox").first().inputValue();
  expect(sheetNow).toBe("Bảng mẫu");
  await page.waitForTimeout(8000);
  const sheetLater = await page.getByRole("combobox").first().inputValue();
  expect(sheetLater).toBe(sheetNow);
}, 120_000);
