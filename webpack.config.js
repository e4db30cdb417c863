// Builds the add-in and the standalone page into dist/: the pages (taskpane, commands, notice, standalone), the
// manifest, the icons, and Office.js copied from @microsoft/office-js so that nothing is loaded from a CDN (the
// default: offices with poor or no internet). `npm run build:online` (--env online) builds into dist-online/ pages
// that load Office.js from Microsoft's CDN instead, with the CSP that allows it (what the Store requires).
// `npm run build` (production), `npm run build:dev`, `npm run dev-server` (https://localhost:3000, dev certificates).
// PHULUC_URL=https://intranet.example/phuluc/ npm run build  rewrites the manifest's https://localhost:3000/ URLs.
"use strict";
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const OFFICE_JS_DIR = path.join(path.dirname(require.resolve("@microsoft/office-js/package.json")), "dist");

/** Entry points agreed with the pane and standalone engineers. */
const ENTRIES = {
  taskpane: "./src/taskpane/index.tsx",
  commands: "./src/commands/commands.ts",
  standalone: "./src/standalone/index.tsx",
  notice: "./src/commands/notice-page.ts",
};

/** Microsoft's CDN for Office.js (the online build; the Store requires it). */
const OFFICE_CDN = "https://appsforoffice.microsoft.com";
const OFFICE_CDN_JS = `${OFFICE_CDN}/lib/1/hosted/office.js`;

/**
 * Own origin only, no eval. Fluent UI (Griffel) injects <style> elements, hence 'unsafe-inline' for styles only.
 * The online build also lets Office.js come from Microsoft's CDN (office.js loads its host scripts from there).
 */
function cspFor(online = false) {
  const cdn = online ? ` ${OFFICE_CDN}` : "";
  return [
    "default-src 'self'",
    `script-src 'self'${cdn}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' blob:${cdn}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}
const CSP = cspFor(false);

const PAGES = {
  // The message for a browser outside Excel is in the HTML itself (revealed by CSS): see src/taskpane/outside.ts.
  taskpane: { title: "Phụ lục", officeJs: true, body: '<div id="root"></div>', outside: true },
  commands: { title: "Phụ lục: lệnh", officeJs: true, body: "" },
  standalone: { title: "Phụ lục: kiểm tra bảng giảm nghèo", officeJs: false, body: '<div id="root"></div>' },
  notice: { title: "Phụ lục: kết quả", officeJs: true, body: "" },
};

/** The static outside-Excel message, built from src/taskpane/outside.ts so that both say the same. */
function outsideHtml() {
  const ts = require("typescript");
  const source = require("fs").readFileSync(path.join(__dirname, "src/taskpane/outside.ts"), "utf8");
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS } }).outputText;
  const mod = { exports: {} };
  new Function("module", "exports", js)(mod, mod.exports);
  return mod.exports.outsideHtml();
}

/** ES5, not bundled: tells users of old webviews (EdgeHTML, Trident) what is wrong (src/hosts/office/old-webview.js). */
const OLD_WEBVIEW_JS = "old-webview.js";

function pageHtml(page, online = false) {
  // office.js must run before our bundle (which is deferred): a plain blocking script in <head>. Offline (the
  // default): the copy from @microsoft/office-js next to the pages; online: Microsoft's CDN. Then, in every page
  // Excel opens, the ES5 script for webviews that cannot parse the ES2020 bundle.
  const src = online ? OFFICE_CDN_JS : "office-js/office.js";
  const officeJs = page.officeJs
    ? `\n    <script src="${src}"></script>\n    <script src="${OLD_WEBVIEW_JS}"></script>`
    : "";
  return `<!doctype html>
<html lang="vi">
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="X-UA-Compatible" content="IE=Edge" />
    <meta http-equiv="Content-Security-Policy" content="${cspFor(online)}" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${page.title}</title>
    <link rel="icon" type="image/png" href="assets/logo-32.png" />${officeJs}
  </head>
  <body>
    ${page.outside ? outsideHtml() : ""}${page.body}
  </body>
</html>
`;
}

/**
 * The files Office.js loads at run time for Excel: office.js itself, the Excel host scripts for every platform
 * (excel-*, excelwebapp-*, excelios-*), the O15 mapping table, telemetry, and office_strings.js of every locale
 * (Office picks the locale of its own UI). Debug builds, other hosts and Outlook strings are left out.
 */
function officeJsPatterns() {
  const to = "office-js/";
  return [
    { from: "office.js", context: OFFICE_JS_DIR, to },
    { from: "o15apptofilemappingtable.js", context: OFFICE_JS_DIR, to },
    { from: "es6-promise.js", context: OFFICE_JS_DIR, to },
    { from: "excel*.js", context: OFFICE_JS_DIR, to, globOptions: { ignore: ["**/*.debug.js"] } },
    { from: "telemetry/*.js", context: OFFICE_JS_DIR, to, globOptions: { ignore: ["**/*.debug.js"] } },
    { from: "*/office_strings.js", context: OFFICE_JS_DIR, to },
    { from: "LICENSE.md", context: path.dirname(OFFICE_JS_DIR), to: `${to}LICENSE.md` },
  ];
}

/** PHULUC_URL must be an https address (Office loads add-ins over https only); a clear message otherwise. */
function checkBaseUrl(base) {
  let url;
  try {
    url = new URL(base);
  } catch {
    throw new Error(
      `PHULUC_URL="${base}" không phải địa chỉ hợp lệ (ví dụ https://may-chu.ubnd.local:3000/phuluc/).`,
    );
  }
  if (url.protocol !== "https:")
    throw new Error(`PHULUC_URL="${base}" phải bắt đầu bằng https:// (Office chỉ nạp add-in qua https).`);
  return url.toString();
}

function rewriteManifest(content, base = process.env.PHULUC_URL) {
  const text = content.toString("utf8");
  if (!base) return text;
  const checked = checkBaseUrl(base);
  const url = checked.endsWith("/") ? checked : `${checked}/`;
  return text.split(DEV_URL).join(url).split(DEV_URL.slice(0, -1)).join(url.slice(0, -1));
}

/**
 * @param {{entries?: Record<string, string>, outputPath?: string}} overrides for tests (temporary entries).
 */
function makeConfig(env = {}, argv = {}, overrides = {}) {
  const dev = argv.mode !== "production";
  const entries = overrides.entries || ENTRIES;
  // --env online: Office.js from Microsoft's CDN, into dist-online/ (the default build stays offline, in dist/).
  const online = Boolean(env.online);
  if (process.env.PHULUC_URL) checkBaseUrl(process.env.PHULUC_URL);
  return {
    mode: dev ? "development" : "production",
    context: __dirname,
    // Never eval-* source maps: the pages forbid eval through their CSP.
    devtool: "source-map",
    // The webviews of the hosts the manifest admits (ExcelApi 1.9+): WebView2 (Chromium) on Windows, WKWebView
    // (Safari 14+) on Mac and iPad, the browser for Excel on the web. All run ES2020; none is Internet Explorer.
    target: ["web", "es2020"],
    entry: entries,
    output: {
      path: overrides.outputPath || path.join(__dirname, online ? "dist-online" : "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              // ES modules so that webpack can tree-shake (tsconfig.json says commonjs for jest and the CLI).
              compilerOptions: {
                module: "esnext",
                moduleResolution: "node",
                target: "es2020",
                sourceMap: true,
                declaration: false,
              },
            },
          },
        },
      ],
    },
    optimization: {
      splitChunks: {
        chunks: "all",
        cacheGroups: {
          // Third-party code in chunks named vendors-*, so our own chunks can be checked apart from it.
          defaultVendors: {
            test: /[\\/]node_modules[\\/]/,
            priority: -10,
            reuseExistingChunk: true,
            name: vendorChunkName,
          },
          default: { minChunks: 2, priority: -20, reuseExistingChunk: true },
        },
      },
    },
    performance: { hints: false },
    plugins: [
      ...Object.keys(entries).map(
        (name) =>
          new HtmlWebpackPlugin({
            filename: `${name}.html`,
            chunks: [name],
            templateContent: pageHtml(
              PAGES[name] || { title: "Phụ lục", officeJs: false, body: '<div id="root"></div>' },
              online,
            ),
            inject: "head",
            minify: false,
            scriptLoading: "defer",
          }),
      ),
      new CopyWebpackPlugin({
        patterns: [
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => rewriteManifest(content) },
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/hosts/office/old-webview.js", to: OLD_WEBVIEW_JS },
          ...(online ? [] : officeJsPatterns()),
        ],
      }),
    ],
    devServer: {
      port: 3000,
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      client: { overlay: { warnings: false, errors: true } },
      // Certificates only when serving: a production build needs none (and works offline).
      server: env.WEBPACK_SERVE ? { type: "https", options: devServerHttpsOptions } : undefined,
    },
  };
}

let devServerHttpsOptions;

function vendorChunkName(module, chunks, cacheGroupKey) {
  const names = chunks
    .map((c) => c.name)
    .filter(Boolean)
    .sort()
    .join("~");
  return `${cacheGroupKey.toLowerCase().replace("defaultvendors", "vendors")}-${names || "shared"}`;
}

module.exports = async (env = {}, argv = {}) => {
  if (env.WEBPACK_SERVE) {
    const devCerts = require("office-addin-dev-certs");
    devServerHttpsOptions = await devCerts.getHttpsServerOptions();
  }
  return makeConfig(env, argv);
};
module.exports.makeConfig = makeConfig;
module.exports.CSP = CSP;
module.exports.cspFor = cspFor;
module.exports.pageHtml = pageHtml;
module.exports.PAGES = PAGES;
module.exports.OFFICE_CDN_JS = OFFICE_CDN_JS;
module.exports.OLD_WEBVIEW_JS = OLD_WEBVIEW_JS;
module.exports.ENTRIES = ENTRIES;
module.exports.rewriteManifest = rewriteManifest;
