// `phuluc fix` on a 200,000-row table, in its own process capped at 2 GB of heap: it must finish and write every
// derived cell (the former "Maximum call stack size exceeded"). Runs the compiled CLI (npm test builds it first).
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { openPackage } from "../../src/hosts/xlsx/package";
import { readContext, readSheet } from "../../src/hosts/xlsx/sheet";
import { ROOT } from "../cli/helpers";

const { writeBigTable } = require("../../scripts/big-table.js") as {
  writeBigTable: (file: string, rows: number) => Promise<{ rows: number; wrongRates: number }>;
};

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-big-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("fix on 200,000 rows finishes under a 2 GB heap and writes every rate as a formula", async () => {
  const input = path.join(dir, "big.xlsx");
  const output = path.join(dir, "big.fixed.xlsx");
  const { wrongRates } = await writeBigTable(input, 200_000);
  expect(wrongRates).toBe(10);
  const bin = path.join(ROOT, "bin", "phuluc.js");
  if (!fs.existsSync(path.join(ROOT, "lib", "cli", "main.js")))
    throw new Error("run `npm run build:cli` first");
  const r = spawnSync(process.execPath, ["--max-old-space-size=2048", bin, "fix", input, "-o", output], {
    encoding: "utf8",
    timeout: 400_000,
  });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/Đã ghi 400\.?005 ô/);
  const pkg = openPackage(fs.readFileSync(output), output);
  // Read back only a few rows: the first unit, a stale rate's row (every 20,000th unit) and the total.
  const rows = new Set([7, 20_006, 200_007]);
  const { grid } = readSheet(pkg, pkg.sheets[0], readContext(pkg), (row) => rows.has(row));
  expect(grid.cells[6][4]).toMatchObject({ formula: "=ROUND(D7/C7*100,2)" });
  const stale = grid.cells[20_005];
  expect(stale[4]?.formula).toBe("=ROUND(D20006/C20006*100,2)");
  expect(stale[4]?.value).toBeCloseTo(
    Math.round(((stale[3]!.value as number) / (stale[2]!.value as number)) * 10000) / 100,
    9,
  );
  expect(grid.cells[200_006][3]?.formula).toMatch(/^=SUM\(D7:D200006\)$/);
}, 600_000);
