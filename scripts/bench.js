#!/usr/bin/env node
"use strict";
// `npm run bench`: what `phuluc check` costs on tables of 100 to 100,000 unit rows. Reading (file → our reader →
// grid) and analysis (engine) are timed separately, each size in its own process so peak memory is its own.
// Then the .xlsx host's figures (issue 9): `phuluc check` on 10,000 rows against ExcelJS merely reading the same
// file (whole processes, ratio), `phuluc check` start-up on a small sample, `fix` on 200,000 rows (time, peak RSS),
// `check` on a full 1,048,576-row sheet (`--no-full` skips it), and the standalone page's gzipped JavaScript.
// Uses the compiled lib/ (built first if missing; `--build` forces a rebuild). Sizes can be given:
// `node scripts/bench.js 100 1000` (then only the first table is printed); `--host-only` prints only the second;
// `--many-only` only `phuluc gop` over 700 commune files (issue 20).
const { spawnSync, execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const LIB = path.join(ROOT, "lib");

/** A commune-style table, clean (scripts/big-table.js, the one generator of the bench and the tests). */
function generate(rows, file) {
  return require("./big-table.js").writeBigTable(file, rows, { stale: "none" });
}

async function child(file, repeats) {
  const { readPackageFile } = require(path.join(LIB, "hosts/xlsx/file.js"));
  const { readGrids } = require(path.join(LIB, "hosts/xlsx/sheet.js"));
  const { analyzeGrid } = require(path.join(LIB, "engine/index.js"));
  const reads = [];
  const engines = [];
  let peakHeap = 0;
  let findings = 0;
  let detectedRows = 0;
  for (let i = 0; i < repeats; i++) {
    let t = process.hrtime.bigint();
    const grids = readGrids(await readPackageFile(file));
    reads.push(Number(process.hrtime.bigint() - t) / 1e6);
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    t = process.hrtime.bigint();
    const analyses = grids.flatMap((g) => analyzeGrid(g));
    engines.push(Number(process.hrtime.bigint() - t) / 1e6);
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    findings = analyses.reduce((n, a) => n + a.findings.length, 0);
    detectedRows = analyses.reduce((n, a) => n + a.table.rows.length, 0);
    if (globalThis.gc) globalThis.gc();
  }
  const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  process.stdout.write(
    JSON.stringify({
      readMs: median(reads),
      engineMs: median(engines),
      firstEngineMs: engines[0],
      firstReadMs: reads[0],
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      peakHeapMb: peakHeap / 1024 / 1024,
      findings,
      detectedRows,
    }),
  );
}

function ensureLib() {
  const force = process.argv.includes("--build");
  if (
    force ||
    !fs.existsSync(path.join(LIB, "engine", "index.js")) ||
    !fs.existsSync(path.join(LIB, "hosts/xlsx/sheet.js"))
  ) {
    process.stdout.write("Biên dịch lib/ (npm run build:cli)...\n");
    execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], {
      cwd: ROOT,
      stdio: "inherit",
    });
  }
}

/**
 * Issue 20: `phuluc gop` over 700 commune files (a large district or a small province), each its own workbook of
 * 4-11 villages in one of three layouts (test/many/communes.js), as one process from outside. Target: under a minute.
 */
function manyFilesBench(count = 700) {
  const { manyCommunes } = require("../test/many/communes.js");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-bench-many-"));
  try {
    const files = manyCommunes(count).map((c) => {
      fs.writeFileSync(path.join(dir, c.file), c.bytes);
      return c.file;
    });
    const t = process.hrtime.bigint();
    const r = spawnSync(
      process.execPath,
      [path.join(ROOT, "bin", "phuluc.js"), "gop", ...files, "-o", "tong-hop.xlsx"],
      {
        cwd: dir,
        encoding: "utf8",
        maxBuffer: 16 << 20,
      },
    );
    const seconds = Number(process.hrtime.bigint() - t) / 1e9;
    if (r.status !== 0) throw new Error(`phuluc gop failed (${r.status}): ${r.stderr || r.stdout}`);
    const kb = fs.statSync(path.join(dir, "tong-hop.xlsx")).size / 1024;
    process.stdout.write(
      `\nphuluc gop — ${count} tệp của xã (${count} files): ${seconds.toFixed(1)} s (${((seconds * 1000) / count).toFixed(1)} ms/tệp), tệp ra ${kb.toFixed(0)} KB. ` +
        `Mục tiêu < 60 s: ${seconds < 60 ? "đạt" : "CHƯA đạt"}.\n`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  ensureLib();
  if (process.argv.includes("--many-only")) return manyFilesBench();
  if (process.argv.includes("--host-only")) return hostBench();
  const sizes = process.argv
    .slice(2)
    .filter((a) => /^\d+$/.test(a))
    .map(Number);
  const list = sizes.length ? sizes : [100, 1000, 10000, 100000];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-bench-"));
  const results = [];
  try {
    for (const rows of list) {
      const file = path.join(dir, `bang-${rows}.xlsx`);
      await generate(rows, file);
      const repeats = rows <= 1000 ? 7 : rows <= 10000 ? 5 : 1;
      const r = spawnSync(
        process.execPath,
        ["--expose-gc", path.join(__dirname, "bench.js"), "--child", file, String(repeats)],
        {
          encoding: "utf8",
          maxBuffer: 1 << 20,
        },
      );
      if (r.status !== 0) throw new Error(`bench child failed for ${rows} rows: ${r.stderr}`);
      const m = JSON.parse(r.stdout);
      results.push({ rows, kb: fs.statSync(file).size / 1024, ...m });
      process.stdout.write(`  ${rows} dòng: xong\n`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const header = [
    "rows",
    "file KB",
    "read ms",
    "engine ms",
    "engine/read",
    "1st run engine/read",
    "peak RSS MB",
    "peak heap MB",
    "rows read",
    "findings",
  ];
  const lines = results.map((r) => [
    r.rows.toLocaleString("en-US"),
    r.kb.toFixed(0),
    r.readMs.toFixed(1),
    r.engineMs.toFixed(1),
    `${((100 * r.engineMs) / r.readMs).toFixed(1)}%`,
    `${((100 * r.firstEngineMs) / r.firstReadMs).toFixed(1)}%`,
    r.peakRssMb.toFixed(0),
    r.peakHeapMb.toFixed(0),
    String(r.detectedRows),
    String(r.findings),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cols) => cols.map((c, i) => c.padStart(widths[i])).join("  ");
  process.stdout.write(
    "\nread/engine ms: median of the runs (7 up to 1,000 rows, 5 at 10,000, 1 at 100,000) in one process; " +
      "'1st run': the first, before the JIT has warmed up (what a single `phuluc check` pays).\n",
  );
  process.stdout.write(`\nphuluc check — Node ${process.version}, ${os.cpus()[0].model}\n`);
  process.stdout.write(fmt(header) + "\n" + lines.map(fmt).join("\n") + "\n");
  const at10k = results.find((r) => r.rows === 10000);
  if (at10k) {
    const ratio = (100 * at10k.engineMs) / at10k.readMs;
    process.stdout.write(
      `\nMục tiêu: phân tích thêm < 10% thời gian đọc tệp ở 10.000 dòng. Đo được: ${ratio.toFixed(1)}% — ${ratio < 10 ? "đạt" : "CHƯA đạt"}.\n`,
    );
  }
  // The Excel add-in: where reading a sheet starts taking row bands (scripts/bench-office.js).
  spawnSync(process.execPath, [path.join(__dirname, "bench-office.js")], { stdio: "inherit" });
  if (sizes.length === 0) await hostBench();
  if (sizes.length === 0) manyFilesBench();
}

/** Runs `phuluc <args>` (compiled) in a fresh process; its wall time as seen from outside, its own peak RSS. */
function runCliProcess(args, extraNode = []) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [...extraNode, __filename, "--cli", ...args], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const last = r.stderr.trim().split("\n").pop() || "{}";
  let inner = {};
  try {
    inner = JSON.parse(last);
  } catch {
    throw new Error(`phuluc ${args.join(" ")} failed: ${r.stderr}`);
  }
  return { ms, code: r.status, stdout: r.stdout, ...inner };
}

/** ExcelJS merely reading the file, in a fresh process (what `check` used to pay before analysing anything). */
function excelJsReadProcess(file) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [__filename, "--exceljs-read", file], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`ExcelJS read failed: ${r.stderr}`);
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, ...JSON.parse(r.stdout) };
}

const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function gzipSizes() {
  const zlib = require("zlib");
  const dist = path.join(ROOT, "dist");
  const html = path.join(dist, "standalone.html");
  if (!fs.existsSync(html)) return null;
  let raw = 0;
  let gz = 0;
  for (const m of fs.readFileSync(html, "utf8").matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|([^\s>]+))/g)) {
    const src = (m[1] || m[2]).split("?")[0];
    if (src.startsWith("office-js/")) continue;
    const bytes = fs.readFileSync(path.join(dist, src));
    raw += bytes.length;
    gz += zlib.gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gz };
}

async function hostBench() {
  const { writeBigTable } = require("./big-table.js");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-bench-host-"));
  const out = [];
  const say = (line) => {
    out.push(line);
    process.stdout.write(line + "\n");
  };
  process.stdout.write("\n.xlsx host (issue 9): whole processes, wall time as the user waits for it\n");
  try {
    // 1. check on 10,000 rows vs ExcelJS reading the same file.
    const f10k = path.join(dir, "bang-10000.xlsx");
    await writeBigTable(f10k, 10000);
    const checks = [];
    const reads = [];
    for (let i = 0; i < 3; i++) {
      checks.push(runCliProcess(["check", f10k]));
      reads.push(excelJsReadProcess(f10k));
    }
    const c = median(checks.map((r) => r.ms));
    const x = median(reads.map((r) => r.ms));
    const cc = median(checks.map((r) => r.cpuMs));
    const xc = median(reads.map((r) => r.cpuMs));
    say(
      `phuluc check, 10,000 rows: ${c.toFixed(0)} ms wall, ${cc.toFixed(0)} ms CPU; ExcelJS only reading it: ` +
        `${x.toFixed(0)} ms wall, ${xc.toFixed(0)} ms CPU; ratio ${(c / x).toFixed(2)} wall, ${(cc / xc).toFixed(2)} CPU (aim ≤ 0.50)`,
    );
    // 2. start-up on a small sample.
    const sample = path.join(ROOT, "samples", "ke-hoach-giam-ngheo-2024.xlsx");
    const small = [];
    for (let i = 0; i < 5; i++) small.push(runCliProcess(["check", sample]));
    say(
      `phuluc check on the sample (19 rows), whole process: ${median(small.map((r) => r.ms)).toFixed(0)} ms wall, ` +
        `${median(small.map((r) => r.cpuMs)).toFixed(0)} ms CPU (aim < 300 ms)`,
    );
    // 3. fix on 200,000 rows.
    const f200k = path.join(dir, "bang-200000.xlsx");
    await writeBigTable(f200k, 200000);
    const fix = runCliProcess(
      ["fix", f200k, "-o", path.join(dir, "fixed-200000.xlsx")],
      ["--max-old-space-size=2048"],
    );
    say(
      `phuluc fix, 200,000 rows (${fix.code === 0 ? "ok" : `exit ${fix.code}`}): ${(fix.ms / 1000).toFixed(1)} s wall, ${(fix.cpuMs / 1000).toFixed(1)} s CPU, peak RSS ${fix.maxRssMb.toFixed(0)} MB (aim < 2048 MB)`,
    );
    fs.rmSync(f200k, { force: true });
    // 4. check on a full sheet.
    if (!process.argv.includes("--no-full")) {
      const full = path.join(dir, "bang-1048576.xlsx");
      await writeBigTable(full, 1048569);
      const kb = fs.statSync(full).size / 1024;
      const r = runCliProcess(["check", full], ["--max-old-space-size=4096"]);
      say(
        `phuluc check, full sheet (1,048,576 rows, ${(kb / 1024).toFixed(1)} MB file) (${r.code === 0 || r.code === 1 ? "ok" : `exit ${r.code}`}): ${(r.ms / 1000).toFixed(1)} s wall, ${(r.cpuMs / 1000).toFixed(1)} s CPU, peak RSS ${r.maxRssMb.toFixed(0)} MB`,
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  // 5. the standalone page's JavaScript.
  const size = gzipSizes();
  const before = "463.3 KiB gzip (1652.1 KiB raw), measured with ExcelJS on its read path at 9dbd8c2";
  say(
    size
      ? `standalone page JS: ${(size.gz / 1024).toFixed(1)} KiB gzip (${(size.raw / 1024).toFixed(1)} KiB raw); before: ${before}`
      : `standalone page JS: dist/ not built (npm run build); before: ${before}`,
  );
}

/** Child: one CLI command; prints its own peak RSS as JSON on stderr's last line. */
async function cliChild(args) {
  const { main } = require(path.join(LIB, "cli/main.js"));
  const code = await main(args, {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    cwd: process.cwd(),
  });
  const cpu = process.cpuUsage();
  process.stderr.write(
    "\n" +
      JSON.stringify({
        maxRssMb: process.resourceUsage().maxRSS / 1024,
        cpuMs: (cpu.user + cpu.system) / 1000,
      }) +
      "\n",
  );
  process.exitCode = code;
}

async function excelJsChild(file) {
  const ExcelJS = require("exceljs");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const cpu = process.cpuUsage();
  process.stdout.write(
    JSON.stringify({
      sheets: wb.worksheets.length,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      cpuMs: (cpu.user + cpu.system) / 1000,
    }),
  );
}

if (process.argv[2] === "--cli") {
  cliChild(process.argv.slice(3)).catch((err) => {
    process.stderr.write(String(err && err.stack ? err.stack : err));
    process.exit(2);
  });
} else if (process.argv[2] === "--exceljs-read") {
  excelJsChild(process.argv[3]).catch((err) => {
    process.stderr.write(String(err && err.stack ? err.stack : err));
    process.exit(1);
  });
} else if (process.argv[2] === "--child") {
  child(process.argv[3], Number(process.argv[4] || 1)).catch((err) => {
    process.stderr.write(String(err && err.stack ? err.stack : err));
    process.exit(1);
  });
} else {
  main().catch((err) => {
    process.stderr.write(`bench: ${err && err.message ? err.message : err}\n`);
    process.exit(1);
  });
  // Issue 8: the locator, after the rest, in the main process only (the children's output is parsed as JSON).
  process.once("beforeExit", () => require("./bench-locate").run());
}
