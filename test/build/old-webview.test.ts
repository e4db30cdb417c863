// Issue 22, item 3: in an old webview (EdgeHTML, Trident) the ES2020 bundles are a syntax error. The pages Excel
// opens load an ES5 script first that says what is wrong there (not "this page runs inside Excel", false there).
// The script is parsed here with a parser that rejects ES2020, and run in a page whose user agent is IE's.
import * as fs from "fs";
import * as path from "path";
import { parse } from "acorn";
import { JSDOM, ResourceLoader } from "jsdom";

const webpackConfig = require("../../webpack.config.js") as {
  pageHtml(page: unknown, online?: boolean): string;
  PAGES: Record<string, unknown>;
  OLD_WEBVIEW_JS: string;
};

const root = path.join(__dirname, "..", "..");
const script = fs.readFileSync(path.join(root, "src/hosts/office/old-webview.js"), "utf8");
const TRIDENT = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko";
const EDGE_HTML =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041";
const WEBVIEW2 =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0";

async function open(page: "taskpane" | "notice", userAgent: string, query = "") {
  const html = webpackConfig.pageHtml(webpackConfig.PAGES[page], false);
  const dom = new JSDOM(html, {
    url: `https://localhost:3000/${page}.html${query}`,
    resources: new ResourceLoader({ userAgent }),
    runScripts: "outside-only",
  });
  dom.window.eval(script);
  if (dom.window.document.readyState !== "complete")
    await new Promise((resolve) => dom.window.addEventListener("load", resolve));
  return dom.window.document;
}

describe("old webviews", () => {
  test("the script is ES5: a parser that rejects ES2020 reads it (and rejects what our bundles are written in)", () => {
    expect(() => parse(script, { ecmaVersion: 5 })).not.toThrow();
    expect(() => parse("const a = b?.c ?? 1;", { ecmaVersion: 5 })).toThrow();
  });

  test("every page Excel opens loads it after office.js and before the deferred bundle", () => {
    for (const page of ["taskpane", "commands", "notice"]) {
      const html = webpackConfig.pageHtml(webpackConfig.PAGES[page], false);
      const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
      expect(scripts).toEqual(["office-js/office.js", webpackConfig.OLD_WEBVIEW_JS]);
    }
    // The standalone page runs in the user's browser, not in Excel's webview.
    expect(webpackConfig.pageHtml(webpackConfig.PAGES.standalone, false)).not.toContain("old-webview");
  });

  test.each([
    ["Trident (Internet Explorer 11)", TRIDENT],
    ["EdgeHTML (Edge Legacy)", EDGE_HTML],
  ])(
    "%s: the pane says the webview is old and what to do, not that it runs outside Excel",
    async (_n, ua) => {
      const doc = await open("taskpane", ua);
      expect(doc.getElementById("outside-office")).toBeNull();
      const text = doc.getElementById("old-webview")?.textContent ?? "";
      expect(text).toContain("Excel này mở ngăn Phụ lục bằng trình duyệt cũ");
      expect(text).toContain("Microsoft Edge WebView2 Runtime");
      expect(text).toContain("This Excel opens the Phụ lục pane in an old browser");
      expect(doc.querySelector("#old-webview a")?.getAttribute("href")).toBe("standalone.html");
    },
  );

  test("WebView2 (Chromium): the script does nothing", async () => {
    const doc = await open("taskpane", WEBVIEW2);
    expect(doc.getElementById("old-webview")).toBeNull();
    expect(doc.getElementById("outside-office")).not.toBeNull();
  });

  test("the result dialog in an old webview shows the text it was given", async () => {
    const doc = await open("notice", TRIDENT, `?m=${encodeURIComponent("Đã ghi công thức vào 9 ô")}&lang=vi`);
    expect(doc.body.textContent).toContain("Đã ghi công thức vào 9 ô");
  });
});

test("the ribbon's function file in an old webview: both commands complete, with the message in a dialog", async () => {
  const html = webpackConfig.pageHtml(webpackConfig.PAGES.commands, false);
  const dom = new JSDOM(html, {
    url: "https://localhost:3000/commands.html",
    resources: new ResourceLoader({ userAgent: TRIDENT }),
    runScripts: "outside-only",
  });
  const associated: Record<string, (e: { completed(): void }) => void> = {};
  const dialogs: string[] = [];
  (dom.window as unknown as { Office: unknown }).Office = {
    onReady: (cb: () => void) => cb(),
    actions: { associate: (name: string, fn: (e: { completed(): void }) => void) => (associated[name] = fn) },
    context: { ui: { displayDialogAsync: (url: string) => dialogs.push(url) } },
  };
  dom.window.eval(script);
  expect(Object.keys(associated).sort()).toEqual(["appendix", "recompute"]);
  const completed = jest.fn();
  associated.recompute({ completed });
  expect(completed).toHaveBeenCalledTimes(1);
  expect(decodeURIComponent(dialogs[0])).toContain("Excel này mở ngăn Phụ lục bằng trình duyệt cũ");
});
