// LibreOffice opens what `fix`, `plan -o` and `appendix -o` wrote into the rich workbooks (Excel, LibreOffice and
// openpyxl producers), recalculates every formula (a fresh profile set to always recalculate) and must get the
// cached values in the file: the patched cells and new sheets are well-formed and their values right.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { openPackage } from "../../src/hosts/xlsx/package";
import { readGrids } from "../../src/hosts/xlsx/sheet";
import { runCli } from "../cli/helpers";
import { FILES, RICH } from "../xlsx/rich";
import { columnLetter } from "../../src/engine/grid";
import { patchPackage } from "../../src/hosts/xlsx/patch";
import { findSoffice, recalculate } from "./soffice";

/** Formula cells with a cached value, by "sheet!A1". */
function formulaValues(file: string): Map<string, { formula: string; value: unknown }> {
  const pkg = openPackage(fs.readFileSync(file), file);
  const out = new Map<string, { formula: string; value: unknown }>();
  for (const grid of readGrids(pkg)) {
    grid.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell?.formula) return;
        out.set(`${grid.sheet}!${columnLetter(c + 1)}${r + 1}`, { formula: cell.formula, value: cell.value });
      }),
    );
  }
  return out;
}

const OUTPUTS = FILES.flatMap((f) => [`fix-${f}`, `plan-${f}`, `appendix-${f}`]);

describe("LibreOffice recalculates the rich outputs to our cached values", () => {
  let dir: string;
  let ours: string;
  let theirs: string;

  beforeAll(async () => {
    findSoffice(); // a clear message first when LibreOffice is missing
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-rich-recalc-"));
    ours = path.join(dir, "ours");
    theirs = path.join(dir, "lo");
    fs.mkdirSync(ours);
    for (const f of FILES) {
      const input = path.join(RICH, f);
      for (const [name, args] of [
        [`fix-${f}`, ["fix", input]],
        [`plan-${f}`, ["plan", input, "--reduce", "30", "--allow-errors"]],
        [`appendix-${f}`, ["appendix", input, "--reduce", "30", "--allow-errors"]],
      ] as const) {
        const r = await runCli([...args, "-o", path.join(ours, name)]);
        if (r.code === 2) throw new Error(`${args.join(" ")}: ${r.stderr}`);
      }
    }
    // Control: a formula written with a wrong cached value on purpose; LibreOffice must replace it.
    const control = patchPackage(openPackage(fs.readFileSync(path.join(RICH, FILES[0])), "control.xlsx"), {
      writes: [{ sheet: "Biểu đồ", cell: "H40", formula: "=ROUND(29/436*100,2)", value: 99 }],
    });
    fs.writeFileSync(path.join(ours, "control.xlsx"), control.bytes);
    recalculate(
      [...OUTPUTS.map((o) => path.join(ours, o)), path.join(ours, "control.xlsx")],
      theirs,
      path.join(dir, "profile"),
      300000,
    );
  }, 360000);

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("LibreOffice really recalculated (the control's stale 99 became 6.65)", () => {
    expect(formulaValues(path.join(ours, "control.xlsx")).get("Biểu đồ!H40")?.value).toBe(99);
    expect(formulaValues(path.join(theirs, "control.xlsx")).get("Biểu đồ!H40")?.value).toBeCloseTo(6.65, 9);
  });

  it.each(OUTPUTS)("%s: LibreOffice opens it and computes every cached value we wrote", (name) => {
    expect(fs.existsSync(path.join(theirs, name))).toBe(true);
    const a = formulaValues(path.join(ours, name));
    const b = formulaValues(path.join(theirs, name));
    let compared = 0;
    const mismatches: string[] = [];
    for (const [where, cell] of a) {
      if (cell.value === null || cell.value === undefined) continue; // openpyxl stores no cached values
      const other = b.get(where);
      if (!other) {
        mismatches.push(`${where}: formula lost`);
        continue;
      }
      compared++;
      const x = cell.value;
      const y = other.value;
      const ok =
        typeof x === "number" && typeof y === "number"
          ? Math.abs(x - y) <= 1e-9
          : JSON.stringify(x) === JSON.stringify(y);
      if (!ok)
        mismatches.push(
          `${where} ${cell.formula}: ours ${JSON.stringify(x)}, LibreOffice ${JSON.stringify(y)}`,
        );
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(40);
  });
});
