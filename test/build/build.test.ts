// dist/ after `npm run build`: the pages, the manifest, Office.js served locally, a strict CSP in every page, no
// script from another origin, no eval in our own bundles; and the standalone page loading in Chromium under that
// CSP without a violation or a request outside its origin. (Builds first if dist/ is missing.)
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import * as zlib from "zlib";

const root = path.join(__dirname, "..", "..");
const dist = path.join(root, "dist");
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'";
const PAGES = ["taskpane.html", "commands.html", "notice.html", "standalone.html"];

beforeAll(() => {
  if (!fs.existsSync(path.join(dist, "manifest.xml")))
    execFileSync("npm", ["run", "-s", "build"], { cwd: root, stdio: "ignore" });
}, 600_000);

const read = (f: string) => fs.readFileSync(path.join(dist, f), "utf8");
/** src/href of <script> and <link> elements, quoted or not (the pages are minified). */
function references(html: string): { tag: string; url: string }[] {
  return [...html.matchAll(/<(script|link)\b[^>]*?\b(?:src|href)=("([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map(
    (m) => ({ tag: m[1], url: m[3] ?? m[4] ?? m[5] }),
  );
}
const pageScripts = (html: string) =>
  references(html)
    .filter((r) => r.tag === "script")
    .map((r) => r.url);

describe("dist/", () => {
  test("has the manifest, the three pages, the icons and Office.js with its Excel host scripts and locales", () => {
    for (const f of [
      "manifest.xml",
      ...PAGES,
      "office-js/office.js",
      "office-js/excel-web-16.00.js",
      "office-js/excel-win32-16.01.js",
      "office-js/excel-mac-16.00.js",
      "office-js/vi-vn/office_strings.js",
      "office-js/en-us/office_strings.js",
      "office-js/telemetry/oteljs_agave.js",
      "assets/check-80.png",
      "assets/logo-64.png",
    ]) {
      expect([f, fs.existsSync(path.join(dist, f))]).toEqual([f, true]);
    }
    // Debug builds and other hosts' scripts are not shipped.
    expect(fs.existsSync(path.join(dist, "office-js/office.debug.js"))).toBe(false);
    expect(fs.existsSync(path.join(dist, "office-js/word-web-16.00.js"))).toBe(false);
  });

  test("the copied manifest validates", () => {
    const r = spawnSync(
      process.execPath,
      [path.join(root, "scripts/validate-manifest.js"), path.join(dist, "manifest.xml")],
      { encoding: "utf8" },
    );
    expect(r.status).toBe(0);
  });

  test.each(PAGES)("%s: strict CSP meta, scripts from our own origin only", (page) => {
    const html = read(page);
    const meta = /<meta\s+http-equiv=("?)Content-Security-Policy\1\s+content="([^"]+)"/i.exec(html);
    expect(meta?.[2]).toBe(CSP);
    for (const ref of references(html)) {
      expect(ref.url).not.toMatch(/^(https?:)?\/\//i);
      expect(fs.existsSync(path.join(dist, ref.url.split("?")[0]))).toBe(true);
    }
    const scripts = pageScripts(html);
    if (page === "standalone.html") expect(scripts).not.toContain("office-js/office.js");
    else expect(scripts[0]).toBe("office-js/office.js");
  });

  test("no eval or new Function in our own bundles (vendor chunks reported)", () => {
    const js = fs.readdirSync(dist).filter((f) => f.endsWith(".js"));
    const ours = js.filter((f) => !f.startsWith("vendors-"));
    expect(ours.length).toBeGreaterThanOrEqual(3);
    // webpack's own runtime helper for `global` (__webpack_require__.g) falls back to new Function only where
    // globalThis does not exist — never in a browser that runs the pane. It is webpack's code, not ours: set aside.
    const WEBPACK_GLOBAL = 'try{return this||new Function("return this")()}';
    for (const f of ours) {
      const code = read(f).split(WEBPACK_GLOBAL).join("");
      expect([f, /\beval\(/.test(code), /new Function\b/.test(code)]).toEqual([f, false, false]);
    }
    const vendor = js
      .filter((f) => f.startsWith("vendors-"))
      .map((f) => {
        const code = read(f);
        return `${f}: eval( ×${(code.match(/\beval\(/g) ?? []).length}, new Function ×${(code.match(/new Function\b/g) ?? []).length}, Function( ×${(code.match(/[^.\w]Function\(/g) ?? []).length}`;
      });
    console.log(`vendor chunks:\n${vendor.join("\n")}`);
  });

  test("gzipped JavaScript of each page (reported)", () => {
    const lines = PAGES.map((page) => {
      const files = pageScripts(read(page)).filter((s) => !s.startsWith("office-js/"));
      const raw = files.reduce((n, f) => n + fs.statSync(path.join(dist, f)).size, 0);
      const gz = files.reduce(
        (n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length,
        0,
      );
      return `${page}: ${(raw / 1024).toFixed(0)} KiB, ${(gz / 1024).toFixed(0)} KiB gzipped (${files.length} files)`;
    });
    console.log(lines.join("\n"));
    expect(lines).toHaveLength(4);
  });
});

describe("the pages in Chromium, served from dist/ by a plain static server", () => {
  const TYPES: Record<string, string> = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript",
    ".png": "image/png",
    ".xml": "application/xml",
    ".map": "application/json",
  };
  let server: http.Server;
  let origin = "";
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const file = path.join(dist, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
      if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
        res.writeHead(404).end();
        return;
      }
      res
        .writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" })
        .end(fs.readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test.each(["standalone.html", "taskpane.html", "commands.html", "notice.html"])(
    "%s: no CSP violation, no page error, no request to another origin",
    async (page) => {
      const { chromium } = await import("playwright-core");
      const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
        args: ["--no-sandbox"],
      });
      try {
        const tab = await browser.newPage();
        const problems: string[] = [];
        const requests: string[] = [];
        tab.on("console", (m) => {
          if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
        });
        tab.on("pageerror", (e) => problems.push(e.message));
        tab.on("request", (r) => requests.push(r.url()));
        await tab.goto(`${origin}/${page}`);
        await tab.waitForLoadState("networkidle");
        if (page === "standalone.html") {
          expect(problems).toEqual([]);
          expect((await tab.locator("#root").innerText()).length).toBeGreaterThan(0);
        } else {
          // Outside Office: never a CSP violation, never "Excel is not defined".
          expect(problems).toEqual([]);
        }
        if (page === "taskpane.html") {
          // The message for a browser outside Excel, at once (office.js loaded and reported no host).
          const outside = tab.locator("#outside-office");
          await expect(outside.isVisible()).resolves.toBe(true);
          expect(await outside.innerText()).toContain("Trang này chạy bên trong Excel");
          expect(await tab.locator("#outside-office a").first().getAttribute("href")).toBe("standalone.html");
        }
        expect(
          requests.filter((u) => !u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:")),
        ).toEqual([]);
        if (page !== "standalone.html") expect(requests).toContain(`${origin}/office-js/office.js`);
      } finally {
        await browser.close();
      }
    },
  );
});

describe("outside Excel and the ribbon's notice, in Chromium", () => {
  test("taskpane.html opened from a file: the message shows without any script", async () => {
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox"],
    });
    try {
      const tab = await browser.newPage({ javaScriptEnabled: false });
      await tab.goto(`file://${path.join(dist, "taskpane.html")}`);
      await tab.waitForTimeout(2500);
      expect(await tab.locator("#outside-office").isVisible()).toBe(true);
      expect(await tab.locator("#outside-office").innerText()).toContain("trang Phụ lục độc lập");
    } finally {
      await browser.close();
    }
  });
});

describe("the online build (Office.js from Microsoft's CDN) and the offline default", () => {
  const config = require("../../webpack.config.js") as {
    makeConfig(
      env: object,
      argv: object,
    ): { output: { path: string }; plugins: { patterns?: { from: string }[] }[] };
    pageHtml(page: object, online?: boolean): string;
    PAGES: Record<string, object>;
    OFFICE_CDN_JS: string;
    rewriteManifest(content: string, base?: string): string;
  };

  test("online pages load office.js from the CDN, and their CSP allows that origin and no other", () => {
    const html = config.pageHtml(config.PAGES.taskpane, true);
    // Then the ES5 script for old webviews (issue 22), from our own origin.
    expect(pageScripts(html)).toEqual([config.OFFICE_CDN_JS, "old-webview.js"]);
    const csp = /Content-Security-Policy" content="([^"]+)"/.exec(html)![1];
    expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(csp.match(/https:\/\/[^\s;]+/g)!.every((u) => u === "https://appsforoffice.microsoft.com")).toBe(
      true,
    );
    // The offline default: the local copy and 'self' only.
    const offline = config.pageHtml(config.PAGES.taskpane, false);
    expect(pageScripts(offline)).toEqual(["office-js/office.js", "old-webview.js"]);
    expect(offline).toContain(CSP);
    expect(offline).not.toContain("https://");
  });

  test("the built dist-online/ (npm test runs `npm run build:online`): CDN Office.js, its CSP, our bundles present", () => {
    const online = path.join(root, "dist-online");
    for (const page of ["taskpane.html", "commands.html", "standalone.html"]) {
      const html = fs.readFileSync(path.join(online, page), "utf8");
      const scripts = pageScripts(html);
      const ours = scripts.filter((s) => !s.startsWith("https://"));
      // Every bundle the page names was built beside it; nothing else comes from outside but Office.js.
      for (const s of ours) expect(fs.existsSync(path.join(online, s))).toBe(true);
      expect(ours.length).toBeGreaterThan(0);
      expect(scripts.filter((s) => s.startsWith("https://")).every((s) => s === config.OFFICE_CDN_JS)).toBe(
        true,
      );
      if (page !== "standalone.html") expect(scripts).toContain(config.OFFICE_CDN_JS);
      // The built pages are minified: attribute values without spaces lose their quotes.
      const csp = /Content-Security-Policy"?\s+content="([^"]+)"/.exec(html)![1];
      expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
      expect(
        (csp.match(/https:\/\/[^\s;]+/g) ?? []).every((u) => u === "https://appsforoffice.microsoft.com"),
      ).toBe(true);
    }
    // No local copy of Office.js in the online build; the offline build has one.
    expect(fs.existsSync(path.join(online, "office-js"))).toBe(false);
    expect(fs.existsSync(path.join(dist, "office-js", "office.js"))).toBe(true);
    expect(fs.existsSync(path.join(online, "manifest.xml"))).toBe(true);
  });

  test("the online build copies no Office.js and goes to dist-online/; the default goes to dist/ with it", () => {
    const copies = (cfg: ReturnType<typeof config.makeConfig>) =>
      cfg.plugins.flatMap((p) => p.patterns ?? []).map((p) => p.from);
    const online = config.makeConfig({ online: true }, { mode: "production" });
    const offline = config.makeConfig({}, { mode: "production" });
    expect(path.basename(online.output.path)).toBe("dist-online");
    expect(path.basename(offline.output.path)).toBe("dist");
    expect(copies(online)).not.toContain("office.js");
    expect(copies(offline)).toContain("office.js");
  });

  test("PHULUC_URL: every manifest URL moved to the office's server; anything but https refused clearly", () => {
    const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
    const moved = config.rewriteManifest(manifest, "https://may-chu.ubnd.local:8443/phuluc");
    expect(moved).not.toContain("localhost:3000");
    expect(moved).toContain('DefaultValue="https://may-chu.ubnd.local:8443/phuluc/taskpane.html"');
    expect(() => config.rewriteManifest(manifest, "http://may-chu/phuluc/")).toThrow(
      "phải bắt đầu bằng https://",
    );
    expect(() => config.rewriteManifest(manifest, "may chu")).toThrow("không phải địa chỉ hợp lệ");
  });
});
