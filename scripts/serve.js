#!/usr/bin/env node
"use strict";
// `npm run serve`: serves dist/ over https on an office's own network, with no internet.
//
//   node scripts/serve.js [--port 3000] [--host may-chu.ubnd.local] [--dir dist] [--certs certs]
//
// On first run it generates, in certs/, a small certificate authority (ca.crt, ca.key) and a server certificate for
// localhost, 127.0.0.1, this computer's name and every --host given (server.crt, server.key). Install ca.crt once
// as a trusted root on every computer that runs Excel (README, "Deployment"); keep ca.key on this machine only.
// Delete certs/server.* to reissue the server certificate (for a new host name) with the same authority.
// The pages get the same Content-Security-Policy header as their <meta> tag. Nothing is fetched from anywhere.
const fs = require("fs");
const https = require("https");
const os = require("os");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

function parseArgs(argv) {
  const out = { port: Number(process.env.PORT) || 3000, hosts: [], dir: "dist", certs: "certs" };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i];
    if (a === "--port") out.port = Number(next());
    else if (a === "--host") out.hosts.push(next());
    else if (a === "--dir") out.dir = next();
    else if (a === "--certs") out.certs = next();
    else if (a === "--help" || a === "-h") out.help = true;
    else throw new Error(`Tham số không hợp lệ / unknown option: ${a}`);
  }
  if (!Number.isInteger(out.port) || out.port <= 0 || out.port > 65535) throw new Error("--port: 1-65535");
  return out;
}

/** The names the server certificate covers. */
function certNames(extra) {
  const names = new Set(["localhost", "127.0.0.1", os.hostname().toLowerCase(), ...extra]);
  if (process.env.PHULUC_URL) {
    try {
      names.add(new URL(process.env.PHULUC_URL).hostname);
    } catch {
      // PHULUC_URL is checked at build time
    }
  }
  return [...names].filter(Boolean);
}

/** Loads certs/, generating the authority and the server certificate when missing (mkcert, no network). */
async function ensureCertificates(dir, names) {
  fs.mkdirSync(dir, { recursive: true });
  const file = (n) => path.join(dir, n);
  const mkcert = require("mkcert"); // comes with office-addin-dev-certs (devDependency)
  let created = false;
  if (!fs.existsSync(file("ca.crt")) || !fs.existsSync(file("ca.key"))) {
    const ca = await mkcert.createCA({
      organization: "Phu luc (local CA)",
      countryCode: "VN",
      state: "Viet Nam",
      locality: "Local",
      validity: 3650,
    });
    fs.writeFileSync(file("ca.crt"), ca.cert);
    fs.writeFileSync(file("ca.key"), ca.key, { mode: 0o600 });
    created = true;
  }
  if (!fs.existsSync(file("server.crt")) || !fs.existsSync(file("server.key"))) {
    const ca = {
      cert: fs.readFileSync(file("ca.crt"), "utf8"),
      key: fs.readFileSync(file("ca.key"), "utf8"),
    };
    const cert = await mkcert.createCert({ ca, domains: names, validity: 825 });
    fs.writeFileSync(file("server.crt"), `${cert.cert}\n${ca.cert}`);
    fs.writeFileSync(file("server.key"), cert.key, { mode: 0o600 });
    fs.writeFileSync(file("server-names.txt"), `${names.join("\n")}\n`);
    created = true;
  }
  return {
    created,
    key: fs.readFileSync(file("server.key")),
    cert: fs.readFileSync(file("server.crt")),
    ca: file("ca.crt"),
  };
}

function cspOf(html) {
  const m = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
  return m ? m[1] : null;
}

function handler(root) {
  return (req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url || "/", "https://x").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (pathname === "/") pathname = "/standalone.html";
    const file = path.join(root, pathname);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("404");
      return;
    }
    const type = TYPES[path.extname(file).toLowerCase()] || "application/octet-stream";
    const body = fs.readFileSync(file);
    const headers = {
      "Content-Type": type,
      "X-Content-Type-Options": "nosniff",
      // Hashed bundles can be kept; pages and the manifest are checked each time.
      "Cache-Control": /\.[0-9a-f]{8}\.js$/.test(file) ? "public, max-age=31536000, immutable" : "no-cache",
    };
    if (type.startsWith("text/html")) {
      const csp = cspOf(body.toString("utf8"));
      if (csp) headers["Content-Security-Policy"] = csp;
    }
    res.writeHead(200, headers).end(req.method === "HEAD" ? undefined : body);
  };
}

async function start(options = {}) {
  const opts = { port: 3000, hosts: [], dir: "dist", certs: "certs", ...options };
  const root = path.resolve(ROOT, opts.dir);
  if (!fs.existsSync(path.join(root, "manifest.xml")))
    throw new Error(
      `Chưa có ${opts.dir}/manifest.xml: chạy "npm run build" trước. / Run "npm run build" first.`,
    );
  const names = certNames(opts.hosts);
  const tls = await ensureCertificates(path.resolve(ROOT, opts.certs), names);
  const server = https.createServer({ key: tls.key, cert: tls.cert }, handler(root));
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, resolve);
  });
  return { server, names, tls, port: server.address().port };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help) {
    console.log("npm run serve -- [--port 3000] [--host ten-may] [--dir dist] [--certs certs]");
    return;
  }
  const { names, tls, port } = await start(opts);
  const lines = [
    `Phụ lục: https://${names.includes(os.hostname().toLowerCase()) ? os.hostname() : "localhost"}:${port}/`,
    `  trang độc lập / standalone: https://localhost:${port}/standalone.html`,
    `  manifest: https://localhost:${port}/manifest.xml`,
    `  chứng chỉ cho / certificate for: ${names.join(", ")}`,
  ];
  if (tls.created)
    lines.push(
      "",
      `Đã tạo chứng chỉ mới. Cài ${tls.ca} làm "Trusted Root Certification Authorities" trên mỗi máy dùng Excel`,
      `(Windows, quyền quản trị: certutil -addstore -f Root ${path.basename(tls.ca)}). Xem README, mục Deployment.`,
      `New certificates. Install ${tls.ca} as a trusted root on every computer running Excel (README, Deployment).`,
    );
  console.log(lines.join("\n"));
}

if (require.main === module)
  main().catch((e) => {
    console.error(e.message || String(e));
    process.exit(1);
  });

module.exports = { start, parseArgs, certNames, ensureCertificates, handler };
