#!/usr/bin/env node
"use strict";
// `npm run demo`: the main job on the bundled sample — check it, write a fixed copy, check the copy, and write the
// appendix with a 45-household reduction plan. Every step is the real `phuluc` command.
const { spawnSync } = require("child_process");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const SAMPLE = "samples/ke-hoach-giam-ngheo-2024.xlsx";
const FIXED = "out/ke-hoach-giam-ngheo-2024.fixed.xlsx";
const APPENDIX = "out/ke-hoach-giam-ngheo-2024.phu-luc.xlsx";

const steps = [
  ["1. Kiểm tra bảng mẫu (có lỗi cài sẵn)", ["check", SAMPLE]],
  ["2. Sửa: ghi bản sao với công thức đúng", ["fix", SAMPLE, "-o", FIXED]],
  ["3. Kiểm tra lại bản đã sửa", ["check", FIXED]],
  ["4. Lập phụ lục dự kiến giảm 45 hộ nghèo", ["appendix", FIXED, "-o", APPENDIX, "--reduce", "45"]],
];

let worst = 0;
for (const [title, args] of steps) {
  process.stdout.write(`\n=== ${title}: phuluc ${args.join(" ")}\n`);
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin/phuluc.js"), ...args], { cwd: ROOT, stdio: "inherit" });
  // Exit 1 means findings (expected on the sample); 2 means the command could not run.
  if (r.status === null || r.status >= 2) worst = 2;
}
process.stdout.write(`\nBản đã sửa: ${FIXED}\nPhụ lục: ${APPENDIX}\n`);
process.exit(worst);
