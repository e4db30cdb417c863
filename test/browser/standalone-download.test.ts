// The standalone page's download goes through the same patcher as `phuluc fix`: in a real browser (Chromium via
// playwright-core), open each rich workbook (charts, pivot, comments, protection, a table with a totals row), fix
// all, download, and compare the download with the file part by part. Needs `npm run build` (dist/).
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import { serveDir } from "./harness";
import type { AddressInfo } from "net";
import { unzipSync, strFromU8 } from "fflate";
import { chromium, type Browser } from "playwright-core";
import { openPackage } from "../../src/hosts/xlsx/package";
import { readGrids } from "../../src/hosts/xlsx/sheet";
import { analyzeGrid } from "../../src/engine";
import { FILES, MANIFEST, RICH } from "../xlsx/rich";

const ROOT = path.join(__dirname, "../..");
const DIST = process.env.PHULUC_DIST ? path.resolve(process.env.PHULUC_DIST) : path.join(ROOT, "dist");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Parts the patcher may edit; every other part of the download must be byte-identical. */
const EDITABLE = /^(\[Content_Types\]\.xml|.*\.rels|xl\/workbook\.xml|xl\/styles\.xml|xl\/calcChain\.xml)$/;

let server: http.Server;
let browser: Browser;
let origin: string;
let dir: string;

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, "standalone.html")))
    throw new Error(`${path.join(DIST, "standalone.html")} is missing: run \`npm run build\` first.`);
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}.`);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-download-"));
  server = await serveDir(DIST);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test.each(FILES)(
  "%s: fix all in the page, download, every part kept",
  async (file) => {
    const input = path.join(RICH, file);
    const context = await browser.newContext({ acceptDownloads: true, locale: "vi-VN" });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${origin}/standalone.html`);
    await page.getByLabel("Mở tệp Excel").setInputFiles(input);
    await page.getByTestId("summary").waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "Sửa tất cả" }).click();
    // Fix-all says first what it will write; the user agrees.
    await page.getByRole("button", { name: /^Ghi \d+ ô$/ }).click();
    await page
      .locator('[data-testid="finding"][data-rule="sum-mismatch"]')
      .first()
      .waitFor({ state: "detached", timeout: 30_000 });
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Tải tệp đã sửa" }).click(),
    ]);
    const saved = path.join(dir, `${file}.da-sua.xlsx`);
    await download.saveAs(saved);
    await context.close();
    expect(errors).toEqual([]);

    const before = unzipSync(new Uint8Array(fs.readFileSync(input)));
    const after = unzipSync(new Uint8Array(fs.readFileSync(saved)));
    const table = "xl/worksheets/sheet1.xml";
    for (const name of Object.keys(before)) {
      if (name === "xl/calcChain.xml") continue;
      expect({ name, present: name in after }).toEqual({ name, present: true });
      if (EDITABLE.test(name) || name === table) continue;
      expect({ name, identical: Buffer.from(before[name]).equals(Buffer.from(after[name])) }).toEqual({
        name,
        identical: true,
      });
    }
    // Every defined name, sheet and the pivot cache reference kept as written.
    const names = (x: string) =>
      [...x.matchAll(/<definedName\b[^>]*>[^<]*<\/definedName>/g)].map((m) => m[0]);
    const wbBefore = strFromU8(before["xl/workbook.xml"]);
    const wbAfter = strFromU8(after["xl/workbook.xml"]);
    expect(names(wbAfter)).toEqual(names(wbBefore));
    expect(wbAfter).toMatch(/fullCalcOnLoad="1"/);
    // The table is fixed in the download: no broken sum or rate left; the array formula cell untouched.
    const grids = readGrids(openPackage(fs.readFileSync(saved), saved));
    const grid = grids.find((g) => g.sheet === MANIFEST[file].tableSheet)!;
    const [analysis] = analyzeGrid(grid, {});
    const broken = analysis.findings.filter(
      (f) => ["sum-mismatch", "rate-mismatch"].includes(f.rule) && f.severity === "error" && f.cell !== "C19",
    );
    expect(broken.map((f) => `${f.cell} ${f.rule}`)).toEqual([]);
    const c19 = (x: string) => /<c r="C19"[^>]*>.*?<\/c>/.exec(x)?.[0];
    expect(c19(strFromU8(after[table]))).toBe(c19(strFromU8(before[table])));
  },
  120_000,
);
