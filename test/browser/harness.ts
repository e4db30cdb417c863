// What the browser tests share: a static server over dist/, Chromium through playwright-core, long-task
// measurement, axe-core, and generated tables (a national-size one of 10,000 rows, defective and clean).
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import type { AddressInfo } from "net";
import { chromium, type Browser, type Page } from "playwright-core";
const { writeBigTable } = require("../../scripts/big-table.js") as {
  writeBigTable(
    file: string,
    rows: number,
    options: { stale: "none" | "spread" | number[]; title?: string; unit?: string },
  ): Promise<{ lastUnitRow: number }>;
};

export const ROOT = path.join(__dirname, "../..");
export const DIST = process.env.PHULUC_DIST ? path.resolve(process.env.PHULUC_DIST) : path.join(ROOT, "dist");
export const ARTIFACTS = path.join(ROOT, "test-artifacts");
export const IMAGES = path.join(ROOT, "docs/images");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".json": "application/json",
  ".xml": "application/xml",
  ".map": "application/json",
};

/** A tiny static file server over a folder (dist/), like any an office might use; on a free loopback port. */
export function serveDir(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const file = path.normalize(path.join(dir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

export interface Served {
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function start(): Promise<Served> {
  if (!fs.existsSync(path.join(DIST, "standalone.html"))) {
    throw new Error(
      `${path.join(DIST, "standalone.html")} is missing: run \`npm run build\` before the browser tests.`,
    );
  }
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium).`);
  const server = await serveDir(DIST);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    browser,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export const WIDTHS = [1366, 350] as const;
export type Width = (typeof WIDTHS)[number];

/** A page of the standalone app at a width, recording long tasks and errors from its very start. */
export async function openPage(
  served: Served,
  width: number,
  /** axe: the page's CSP forbids injected scripts, so the axe run bypasses it. */
  options: { theme?: "light" | "dark"; lang?: "vi" | "en"; axe?: boolean } = {},
): Promise<{ page: Page; errors: string[] }> {
  const context = await served.browser.newContext({
    viewport: { width, height: width < 800 ? 760 : 768 },
    acceptDownloads: true,
    locale: "vi-VN",
    bypassCSP: options.axe === true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: "longtask", buffered: true });
  });
  if (options.lang === "en") {
    await page.addInitScript(() =>
      window.localStorage.setItem("phuluc.settings", JSON.stringify({ lang: "en", guideDone: true })),
    );
  }
  await page.goto(`${served.origin}/standalone.html?theme=${options.theme ?? "light"}`);
  return { page, errors };
}

/** The longest main-thread task since the last call (ms), and forget them. */
export async function longestTask(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    const max = Math.max(0, ...w.__longTasks);
    w.__longTasks = [];
    return max;
  });
}

export async function openFile(page: Page, file: string): Promise<void> {
  await page.getByLabel(/Mở tệp Excel|Open an Excel file/).setInputFiles(file);
  await page.getByTestId("summary").waitFor({ timeout: 120_000 });
}

/** Fluent internals axe flags that the pane cannot change, reported apart (printed, not failed). */
export const FLUENT_INTERNALS = new Set<string>();

/**
 * Serious or critical axe-core violations on the page, as "rule: target" lines. Tabster's focus sentinels
 * (`<i data-tabster-dummy aria-hidden tabindex=0>`, which Fluent's Toolbar and TabList add to manage arrow-key
 * focus) trip aria-hidden-focus: they are Fluent's, so they are collected in FLUENT_INTERNALS instead.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window)))
    await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<unknown> } }).axe;
    const results = (await axe.run(document, { resultTypes: ["violations"] })) as {
      violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
    };
    return results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .flatMap((v) =>
        v.nodes.map((n) => {
          const el = document.querySelector(n.target[n.target.length - 1]);
          return {
            line: `${v.id} (${v.impact}): ${n.target.join(" ")}`,
            fluent: !!el?.hasAttribute("data-tabster-dummy"),
          };
        }),
      );
  });
  for (const f of found) if (f.fluent) FLUENT_INTERNALS.add(f.line.replace(/:nth-child\(\d+\)/g, ""));
  return found.filter((f) => !f.fluent).map((f) => f.line);
}

/** Whether anything sticks out sideways: the page scrolls horizontally, or an element ends past the viewport. */
export async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width + 1)
      out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    // Elements inside a container that scrolls on its own are allowed to be wider than the page.
    const scrolls = (el: Element | null): boolean => {
      for (let p = el?.parentElement; p; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (s.overflowX === "auto" || s.overflowX === "scroll" || s.overflowX === "hidden") return true;
      }
      return false;
    };
    for (const el of document.querySelectorAll("body *")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.right > width + 1 && !scrolls(el)) {
        out.push(
          `${el.tagName.toLowerCase()}.${(el.className || "").toString().slice(0, 40)} ends at ${Math.round(r.right)}`,
        );
      }
    }
    return out.slice(0, 10);
  });
}

/**
 * A national-size table (scripts/big-table.js, the bench's generator): title block, merged two-level header,
 * numbering row, `rows` unit rows and a total row (STT, unit, households, poor, poor rate, near-poor, near-poor
 * rate). With `defects`, two rates are planted wrong: on row 350 and on the last unit row (both past row 300).
 */
export async function bigTable(
  file: string,
  rows: number,
  defects: boolean,
): Promise<{ lastUnitRow: number }> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const { lastUnitRow } = await writeBigTable(file, rows, {
    stale: defects ? [350, rows + 6] : "none",
    title: "TỔNG HỢP HỘ NGHÈO, HỘ CẬN NGHÈO TOÀN QUỐC NĂM 2024",
    unit: "Xã",
  });
  return { lastUnitRow };
}

/** Waits until `read()` gives `want` (deep equality), then asserts it: a readable failure after `ms`. */
export async function eventually<T>(read: () => Promise<T> | T, want: T, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  let got = await read();
  while (JSON.stringify(got) !== JSON.stringify(want) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    got = await read();
  }
  expect(got).toEqual(want);
}
