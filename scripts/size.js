#!/usr/bin/env node
// Gzipped size of the JavaScript each page loads from dist/ (its <script> tags: the entry and its chunks),
// plus source maps and office.js left out. `npm run size` after `npm run build`.
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const DIST = path.resolve(process.argv[2] || path.join(__dirname, "..", "dist"));
const PAGES = ["taskpane.html", "standalone.html", "commands.html"];

function kib(n) {
  return `${(n / 1024).toFixed(1)} KiB`;
}

/** Scripts a page loads, excluding Office.js (Microsoft's, served as is, not ours to shrink). */
function pageScripts(html) {
  const out = [];
  for (const m of html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|([^\s>]+))/g)) {
    const src = m[1] || m[2];
    if (!src.startsWith("office-js/")) out.push(src);
  }
  return out;
}

if (!fs.existsSync(DIST)) {
  console.error(`${DIST} not found: run \`npm run build\` first.`);
  process.exit(2);
}
let found = 0;
for (const page of PAGES) {
  const file = path.join(DIST, page);
  if (!fs.existsSync(file)) continue;
  found++;
  const scripts = pageScripts(fs.readFileSync(file, "utf8"));
  let raw = 0;
  let gz = 0;
  console.log(page);
  for (const src of scripts) {
    const bytes = fs.readFileSync(path.join(DIST, src.split("?")[0]));
    const z = zlib.gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gz += z;
    console.log(`  ${src.padEnd(48)} ${kib(bytes.length).padStart(11)}  gzip ${kib(z).padStart(10)}`);
  }
  console.log(`  ${"total".padEnd(48)} ${kib(raw).padStart(11)}  gzip ${kib(gz).padStart(10)}`);
}
if (!found) {
  console.error(`No page in ${DIST}: run \`npm run build\` first.`);
  process.exit(2);
}
