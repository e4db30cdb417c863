// The real command: `node bin/phuluc.js` as a user runs it, from the compiled lib/.
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT } from "./helpers";

const BIN = path.join(ROOT, "bin", "phuluc.js");

beforeAll(() => {
  if (!fs.existsSync(path.join(ROOT, "lib", "cli", "main.js"))) {
    execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.cli.json"], {
      cwd: ROOT,
      stdio: "pipe",
    });
  }
}, 120000);

function phuluc(...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8" });
}

describe("bin/phuluc.js", () => {
  it("check prints the findings of the demo and exits 1", () => {
    const r = phuluc("check", "samples/ke-hoach-giam-ngheo-2024.xlsx");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/lỗi\s+F19\s+Tổng không khớp\s+512\s+521/);
  });

  it("check --format json is one JSON document", () => {
    const r = phuluc("check", "samples/bao-cao-ket-qua-2023-sach.xlsx", "--format", "json");
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.summary).toEqual({ errors: 0, warnings: 0, infos: 0 });
  });

  it("an unreadable file: exit 2, one line on stderr, no stack trace", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-bin-"));
    const file = path.join(dir, "ghi-chu.xlsx");
    fs.writeFileSync(file, "không phải Excel");
    const r = phuluc("check", file);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("không phải là bảng tính Excel");
  });

  it("fix writes the copy where it says", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-bin-"));
    const out = path.join(dir, "ra.xlsx");
    const r = phuluc("fix", "samples/bien-dong-ho-ngheo-2023.xlsx", "-o", out);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Bản đã sửa: ${out}`);
    expect(fs.statSync(out).size).toBeGreaterThan(1000);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
