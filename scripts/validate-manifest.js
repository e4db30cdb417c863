#!/usr/bin/env node
// Validates manifest.xml offline against the add-in manifest schemas kept in ../shared (xmllint from libxml2-utils).
// Usage: node scripts/validate-manifest.js [manifest.xml]   (exit 0 valid, 1 invalid, 2 cannot validate)
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const schema = path.resolve(root, "..", "shared", "schemas", "office-addin-manifest", "OfficeAppManifestV1_1.xsd");
const manifest = path.resolve(process.cwd(), process.argv[2] || path.join(root, "manifest.xml"));

function fail(code, vi, en) {
  console.error(`${vi}\n${en}`);
  process.exit(code);
}

if (!fs.existsSync(manifest)) {
  fail(2, `Không tìm thấy tệp manifest: ${manifest}`, `Manifest not found: ${manifest}`);
}
if (!fs.existsSync(schema)) {
  fail(
    2,
    `Không tìm thấy lược đồ XSD: ${schema} (cần thư mục ../shared/schemas/office-addin-manifest cạnh kho mã).`,
    `Schema not found: ${schema} (the ../shared/schemas/office-addin-manifest folder must sit beside the repository).`,
  );
}

const result = spawnSync("xmllint", ["--noout", "--schema", schema, manifest], { encoding: "utf8" });
if (result.error && result.error.code === "ENOENT") {
  fail(
    2,
    "Không có xmllint. Cài gói libxml2-utils (Debian/Ubuntu: sudo apt-get install libxml2-utils; macOS có sẵn xmllint).",
    "xmllint is missing. Install libxml2-utils (Debian/Ubuntu: sudo apt-get install libxml2-utils; macOS ships xmllint).",
  );
}
if (result.error) fail(2, `Không chạy được xmllint: ${result.error.message}`, `Could not run xmllint: ${result.error.message}`);

const output = `${result.stdout || ""}${result.stderr || ""}`.trim();
if (result.status === 0) {
  console.log(`${path.relative(process.cwd(), manifest) || manifest}: hợp lệ / valid (${path.basename(schema)})`);
  process.exit(0);
}
console.error(output);
fail(1, `Manifest KHÔNG hợp lệ theo ${path.basename(schema)}.`, `The manifest does NOT validate against ${path.basename(schema)}.`);
