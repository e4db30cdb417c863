#!/usr/bin/env node
"use strict";
// Part of `npm run bench`: how the Excel add-in reads a sheet under Excel on the web's limits (5 MB a response in
// UTF-8 bytes, 5 million cells a read). Uses the adapter's own planning functions (src/hosts/office/read.ts,
// transpiled on the fly: no build, no Excel): for tables of 100 to 1,000,000 rows it prints how many syncs a read
// takes and where the row bands start. The bytes per cell are measured on a realistic window (Vietnamese names,
// formulas for the rates) as the adapter measures them in Excel.
const fs = require("fs");
const path = require("path");
const ts = require("typescript");

require.extensions[".ts"] = (module, filename) => {
  const source = fs.readFileSync(filename, "utf8");
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
    fileName: filename,
  });
  module._compile(outputText, filename);
};

const read = require(path.join(__dirname, "../src/hosts/office/read.ts"));
const write = require(path.join(__dirname, "../src/hosts/office/write.ts"));
const requests = require(path.join(__dirname, "../src/hosts/office/requests.ts"));

const COLS = 9; // STT, name, households, poor, rate, near-poor, rate, poor+near-poor, note
function row(i) {
  const r = i + 8;
  return {
    values: [i, `Tổ dân phố số ${i}, phường Đống Đa`, 300 + (i % 97), 10 + (i % 13), 3.33, 8 + (i % 7), 2.67, 18, ""],
    formulas: [
      i,
      `Tổ dân phố số ${i}, phường Đống Đa`,
      300 + (i % 97),
      10 + (i % 13),
      `=ROUND(D${r}/C${r}*100,2)`,
      8 + (i % 7),
      `=ROUND(F${r}/C${r}*100,2)`,
      `=D${r}+F${r}`,
      "",
    ],
    numberFormat: ["General", "General", "#,##0", "#,##0", "0.00", "#,##0", "0.00", "#,##0", "General"],
  };
}

function window(rows) {
  const n = Math.min(rows, read.WINDOW_ROWS);
  const block = { range: { top: 1, left: 1, bottom: n, right: COLS }, values: [], formulas: [], numberFormat: [] };
  for (let i = 1; i <= n; i++) {
    const r = row(i);
    block.values.push(r.values);
    block.formulas.push(r.formulas);
    block.numberFormat.push(r.numberFormat);
  }
  return block;
}

function main() {
  const sizes = process.argv.slice(2).map(Number).filter(Boolean);
  const list = sizes.length ? sizes : [100, 1000, 1001, 10000, 100000, 1000000];
  const lines = [["rows", "cells", "syncs", "bands", "rows a band", "bytes/cell (est.)"]];
  for (const rows of list) {
    const target = { top: 1, left: 1, bottom: rows, right: COLS };
    const win = window(rows);
    const rest = read.remainder(target, win.range);
    const perCell = read.bytesPerCell(win);
    const bands = rest.flatMap((part) => read.planBands(part, perCell));
    lines.push([
      rows.toLocaleString("en-US"),
      (rows * COLS).toLocaleString("en-US"),
      String(1 + bands.length),
      String(bands.length),
      bands.length ? String(bands[0].bottom - bands[0].top + 1) : "-",
      perCell.toFixed(1),
    ]);
  }
  const widths = lines[0].map((_, i) => Math.max(...lines.map((l) => l[i].length)));
  const fmt = (l) => l.map((c, i) => c.padStart(widths[i])).join("  ");
  process.stdout.write(
    `\nExcel add-in, reading a ${COLS}-column table (Excel on the web: 5 MB a response, 5 million cells a read)\n` +
      `One sync up to ${read.WINDOW_ROWS.toLocaleString("en-US")} rows × ${read.WINDOW_COLS} columns (the first window); ` +
      `beyond, row bands of at most ${(read.RESPONSE_BUDGET / 1e6).toFixed(1)} MB estimated.\n` +
      lines.map(fmt).join("\n") +
      "\n",
  );
  appendix(list);
}

/** Writing an appendix of that many rows (its content: formulas and number formats): requests under the budget. */
function appendix(list) {
  const lines = [["rows", "requests", "largest (MB, est.)"]];
  for (const rows of list) {
    const formulas = [];
    const formats = [];
    for (let i = 1; i <= rows; i++) {
      const r = row(i);
      formulas.push(r.formulas);
      formats.push(r.numberFormat);
    }
    const ops = write.rangeOps("Phụ lục", { top: 1, left: 1, bottom: rows, right: COLS }, formulas, formats);
    const batches = requests.pack(ops);
    const largest = Math.max(...batches.map((b) => b.reduce((n, op) => n + op.bytes, 0)));
    lines.push([rows.toLocaleString("en-US"), String(batches.length), (largest / 1e6).toFixed(2)]);
  }
  const widths = lines[0].map((_, i) => Math.max(...lines.map((l) => l[i].length)));
  const fmt = (l) => l.map((c, i) => c.padStart(widths[i])).join("  ");
  process.stdout.write(
    `\nExcel add-in, writing an appendix of ${COLS} columns: requests packed under ` +
      `${(requests.PACK_BUDGET / 1e6).toFixed(1)} MB (Excel on the web refuses 5 MB)\n` +
      lines.map(fmt).join("\n") +
      "\n",
  );
}

main();
