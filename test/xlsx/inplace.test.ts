// Issue 24.6: a save by another program while `fix --in-place` runs is never lost (the fix is written beside it,
// and the user is told), and the temporary file of a killed run is removed by the next run in that folder.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as patch from "../../src/hosts/xlsx/patch";
import { openPackage } from "../../src/hosts/xlsx/package";
import { readGrids } from "../../src/hosts/xlsx/sheet";
import { runCli } from "../cli/helpers";

const hostile = require("./hostile.js") as { PROBES: Record<string, () => Uint8Array> };

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-inplace-"));
});
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** E4 of the file's sheet "Bảng": Đông's rate (6,20 typed; the fix writes =ROUND(D4/C4*100,2)). */
function e4(file: string) {
  return readGrids(openPackage(fs.readFileSync(file), path.basename(file)))[0].cells[3][4];
}

describe("fix --in-place and another program's save", () => {
  it("the file unchanged meanwhile: replaced by the fixed copy", async () => {
    const file = path.join(dir, "bang.xlsx");
    fs.writeFileSync(file, hostile.PROBES["plain-table"]());
    const r = await runCli(["fix", file, "--in-place"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(e4(file)?.formula).toBe("=ROUND(D4/C4*100,2)");
    expect(fs.readdirSync(dir)).toEqual(["bang.xlsx"]);
  });

  it.each([
    ["rewritten in place", (file: string, bytes: Uint8Array) => fs.writeFileSync(file, bytes)],
    [
      "replaced by a rename (how Excel saves)",
      (file: string, bytes: Uint8Array) => {
        fs.writeFileSync(`${file}.new`, bytes);
        fs.renameSync(`${file}.new`, file);
      },
    ],
  ])("the file %s while the fix runs: that save is kept, the fix goes beside it", async (_, save) => {
    const file = path.join(dir, "bang.xlsx");
    fs.writeFileSync(file, hostile.PROBES["plain-table"]());
    // The other program's save: the same table with the sheet's last-cell twin (another valid workbook).
    const theirs = hostile.PROBES["last-cell-XFD1048576"]();
    const real = patch.patchPackage;
    jest.spyOn(patch, "patchPackage").mockImplementation((pkg, input) => {
      const result = real(pkg, input);
      save(file, theirs); // lands after we read the file and before we replace it
      return result;
    });
    const r = await runCli(["fix", file, "--in-place"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(r.stderr).toContain("đã được chương trình khác lưu lại");
    expect(r.stderr).toContain(path.join(dir, "bang (đã sửa).xlsx"));
    // Their save, byte for byte; our fix beside it, made from the content we read.
    expect(new Uint8Array(fs.readFileSync(file))).toEqual(theirs);
    const beside = path.join(dir, "bang (đã sửa).xlsx");
    expect(e4(beside)?.formula).toBe("=ROUND(D4/C4*100,2)");
    expect(readGrids(openPackage(fs.readFileSync(beside), "b.xlsx"))[0].cells.length).toBe(9);
    expect(fs.readdirSync(dir).sort()).toEqual(["bang (đã sửa).xlsx", "bang.xlsx"]);
  });

  it("a second conflict does not overwrite the first fixed copy", async () => {
    const file = path.join(dir, "bang.xlsx");
    fs.writeFileSync(file, hostile.PROBES["plain-table"]());
    fs.writeFileSync(path.join(dir, "bang (đã sửa).xlsx"), "an earlier copy");
    const real = patch.patchPackage;
    jest.spyOn(patch, "patchPackage").mockImplementation((pkg, input) => {
      const result = real(pkg, input);
      fs.appendFileSync(file, "x");
      return result;
    });
    const r = await runCli(["fix", file, "--in-place", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("was saved by another program");
    expect(r.stderr).toContain("bang (đã sửa 2).xlsx");
    expect(fs.readFileSync(path.join(dir, "bang (đã sửa).xlsx"), "utf8")).toBe("an earlier copy");
  });
});

describe("temporary files of a killed run", () => {
  /** A pid that no process has: a child that has exited. */
  function deadPid(): number {
    const r = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
      encoding: "utf8",
    });
    return Number(r.stdout);
  }

  it("are removed by the next run in that folder; a live run's and other files are left alone", async () => {
    const input = path.join(dir, "bang.xlsx");
    fs.writeFileSync(input, hostile.PROBES["plain-table"]());
    const old = new Date(Date.now() - 10 * 60000);
    const stale = path.join(dir, `.bang.xlsx.${deadPid()}.m1abc.tmp`);
    const live = path.join(dir, `.bang.xlsx.${process.ppid}.m1abd.tmp`);
    const fresh = path.join(dir, `.bang.xlsx.${deadPid()}.m1abe.tmp`);
    const mine = path.join(dir, ".ghi-chu.tmp");
    for (const f of [stale, live, fresh, mine]) fs.writeFileSync(f, "partial");
    for (const f of [stale, live, mine]) fs.utimesSync(f, old, old);
    const r = await runCli(["fix", input, "-o", path.join(dir, "bang-sua.xlsx")]);
    expect(r.code).toBe(0);
    const left = fs.readdirSync(dir);
    expect(left).not.toContain(path.basename(stale));
    expect(left).toContain(path.basename(live)); // its process still runs
    expect(left).toContain(path.basename(fresh)); // less than a minute old: a run may be starting
    expect(left).toContain(".ghi-chu.tmp"); // not a name we make
  });
});
