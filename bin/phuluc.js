#!/usr/bin/env node
"use strict";
// The command is compiled by `npm ci` (the `prepare` script) into lib/; no TypeScript runtime at each call.
let main;
try {
  ({ main } = require("../lib/cli/main.js"));
} catch {
  process.stderr.write("phuluc: chưa biên dịch (lib/ trống). Chạy `npm ci` hoặc `npm run build:cli` trước.\n");
  process.exit(2);
}
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`phuluc: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
