#!/usr/bin/env node
"use strict";
// The locator's part of `npm run bench` (issue 8): how long locating the cells to blame takes on a national-size
// table, clean, with one defect per province, and with 500 random defects; and how many defects it puts on the
// planted cell with the original value. Uses the compiled lib/ (rebuilt when src/engine is newer).
// Alone: `node scripts/bench-locate.js`; from bench.js: `require("./bench-locate").run()`.
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const LIB = path.join(ROOT, "lib");

function newestMtime(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

function ensureLib() {
  const built = path.join(LIB, "engine", "locate", "index.js");
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= newestMtime(path.join(ROOT, "src", "engine")))
    return;
  process.stdout.write("Biên dịch lib/ (npm run build:cli)...\n");
  execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], {
    cwd: ROOT,
    stdio: "inherit",
  });
}

const rate = (count, base) => (base === 0 ? 0 : Math.floor((2 * count * 10000 + base) / (2 * base)) / 100);

/**
 * A national table by province: "Toàn quốc" first, 63 provinces (I … LXIII) with their subtotal rows, units
 * under them; households, poor and its rate, near-poor and its rate. Rows as plain values (a grid literal).
 */
function nationalRows(units, seed = 7) {
  let s = seed;
  const random = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const roman = (n) => {
    const t = [
      [50, "L"],
      [40, "XL"],
      [10, "X"],
      [9, "IX"],
      [5, "V"],
      [4, "IV"],
      [1, "I"],
    ];
    let out = "";
    for (const [v, r] of t)
      while (n >= v) {
        out += r;
        n -= v;
      }
    return out;
  };
  const provinces = 63;
  const perProvince = Math.ceil(units / provinces);
  const body = [];
  const all = [0, 0, 0];
  let n = 0;
  const groupRows = [];
  for (let p = 1; p <= provinces && n < units; p++) {
    const members = [];
    const sum = [0, 0, 0];
    for (let u = 0; u < perProvince && n < units; u++) {
      n++;
      const h = 150 + Math.floor(random() * 4000);
      const poor = Math.floor(random() * h * 0.12);
      const near = Math.floor(random() * h * 0.1);
      sum[0] += h;
      sum[1] += poor;
      sum[2] += near;
      members.push([String(n), `Xã ${n}`, h, poor, rate(poor, h), near, rate(near, h)]);
    }
    all[0] += sum[0];
    all[1] += sum[1];
    all[2] += sum[2];
    groupRows.push(body.length);
    body.push([roman(p), `Tỉnh ${p}`, sum[0], sum[1], rate(sum[1], sum[0]), sum[2], rate(sum[2], sum[0])]);
    body.push(...members);
  }
  const total = ["", "Toàn quốc", all[0], all[1], rate(all[1], all[0]), all[2], rate(all[2], all[0])];
  const head = [
    ["TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2024"],
    ["STT", "Đơn vị", "Tổng số hộ", "Hộ nghèo", null, "Hộ cận nghèo", null],
    [null, null, null, "Số hộ", "Tỷ lệ (%)", "Số hộ", "Tỷ lệ (%)"],
    ["A", "B", "1", "2", "3", "4", "5"],
  ];
  const rows = [...head, total, ...body];
  // Sheet rows (1-based) of the provinces' unit rows, for planting defects.
  const firstBody = head.length + 2; // after the total row
  const provincesUnits = [];
  for (let g = 0; g < groupRows.length; g++) {
    const start = firstBody + groupRows[g] + 1;
    const end = g + 1 < groupRows.length ? firstBody + groupRows[g + 1] - 1 : firstBody + body.length - 1;
    provincesUnits.push([start, end]);
  }
  return { rows, provincesUnits, merges: ["A2:A3", "B2:B3", "C2:C3", "D2:E2", "F2:G2"] };
}

/** Plants `count` defects (or one per province): a count off by some households, or a rate off by some points. */
function plant(rows, targets, seed = 11) {
  let s = seed;
  const random = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const copy = rows.map((r) => [...r]);
  const planted = [];
  const taken = new Set();
  for (const row of targets) {
    if (taken.has(row)) continue;
    taken.add(row);
    const col = 2 + Math.floor(random() * 5); // C..G
    const original = copy[row - 1][col];
    const isRate = col === 4 || col === 6;
    const value = isRate
      ? Number((original + 0.5 + Math.floor(random() * 30) / 10).toFixed(2))
      : original + 1 + Math.floor(random() * 60);
    copy[row - 1][col] = value;
    planted.push({ cell: `${String.fromCharCode(65 + col)}${row}`, original });
  }
  return { rows: copy, planted };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function run(units = 10000) {
  ensureLib();
  const { gridFromRows } = require(path.join(LIB, "engine/grid.js"));
  const { detectTables, analyzeGrid } = require(path.join(LIB, "engine/analyze.js"));
  const { buildContext } = require(path.join(LIB, "engine/context.js"));
  const { buildRelations, refKey } = require(path.join(LIB, "engine/relations.js"));
  const { locateInTable } = require(path.join(LIB, "engine/blame.js"));

  const base = nationalRows(units);
  let s = 5;
  const random = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const onePerProvince = base.provincesUnits.map(([a, b]) => a + Math.floor(random() * (b - a + 1)));
  const allUnits = base.provincesUnits.flatMap(([a, b]) =>
    Array.from({ length: b - a + 1 }, (_, i) => a + i),
  );
  const fiveHundred = [];
  const used = new Set();
  while (fiveHundred.length < 500) {
    const r = allUnits[Math.floor(random() * allUnits.length)];
    if (!used.has(r)) {
      used.add(r);
      fiveHundred.push(r);
    }
  }
  const cases = [
    { name: "clean", rows: base.rows, planted: [] },
    { name: "one defect per province", ...plant(base.rows, onePerProvince) },
    { name: "500 random defects", ...plant(base.rows, fiveHundred) },
  ];
  const out = [];
  for (const c of cases) {
    const grid = gridFromRows("Toàn quốc", c.rows, { merges: base.merges });
    const [table] = detectTables(grid);
    const ctx = buildContext(grid, table, {});
    const relations = buildRelations(table);
    const primary = new Map();
    for (const rel of relations) if (!primary.has(refKey(rel.target))) primary.set(refKey(rel.target), rel);
    const times = [];
    let located = [];
    for (let i = 0; i < 3; i++) {
      const t0 = process.hrtime.bigint();
      located = locateInTable(ctx, relations, primary);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    const t0 = process.hrtime.bigint();
    const [analysis] = analyzeGrid(grid);
    const analyzeMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const { a1 } = require(path.join(LIB, "engine/grid.js"));
    // Accuracy of the locator itself, over every relation of the table.
    const blamed = located.filter((b) => b.kind !== "consequence");
    const at = (b) => a1(b.cell.row, b.cell.col);
    const exact = c.planted.filter((p) =>
      blamed.some((b) => at(b) === p.cell && Math.abs(b.value - p.original) < 1e-9),
    );
    const plantedCells = new Set(c.planted.map((p) => p.cell));
    const unitRows = new Set(allUnits);
    const wrongUnit = blamed.filter((b) => unitRows.has(b.cell.row) && !plantedCells.has(at(b)));
    const unsure = analysis.findings.filter((f) => f.rule === "structure-unsure").length;
    out.push({
      name: c.name,
      rows: table.rows.length,
      planted: c.planted.length,
      locateMs: median(times),
      firstLocateMs: times[0],
      analyzeMs,
      blames: blamed.length,
      findings: analysis.findings.length,
      unsure,
      exact: exact.length,
      wrongUnit: wrongUnit.length,
    });
  }
  const header = [
    "table",
    "rows",
    "defects",
    "locate ms",
    "1st run ms",
    "analyze ms",
    "blamed",
    "on the cell",
    "wrong unit",
    "check: findings",
    "unsure",
  ];
  const lines = out.map((r) => [
    r.name,
    r.rows.toLocaleString("en-US"),
    String(r.planted),
    r.locateMs.toFixed(1),
    r.firstLocateMs.toFixed(1),
    r.analyzeMs.toFixed(1),
    String(r.blames),
    r.planted ? `${r.exact} (${((100 * r.exact) / r.planted).toFixed(0)}%)` : "-",
    String(r.wrongUnit),
    String(r.findings),
    String(r.unsure),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cols) =>
    cols.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  process.stdout.write(
    "\n--- locator (issue 8): national table by province, 63 provinces, Toàn quốc first ---\n" +
      "locate ms: median of 3 runs of the locator alone; analyze ms: the whole check once; 'on the cell': defects " +
      "blamed on the planted cell with the original value, 'wrong unit': unit cells blamed that nobody planted (both for the\n" +
      "locator over every relation); 'check': findings of the whole check, 'unsure': structure-unsure findings (the\n" +
      "reading is not confirmed when a relation fails in over a third of its rows: the check then drops it).\n",
  );
  process.stdout.write(fmt(header) + "\n" + lines.map(fmt).join("\n") + "\n");
  return out;
}

module.exports = { run, nationalRows, plant };

if (require.main === module) run(Number(process.argv[2]) || 10000);
