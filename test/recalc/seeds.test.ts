// `phuluc fix` on the three seed tables (issue 17): it writes only derived cells and the inputs it can pin down
// (Cẩm Long's 1.518 households), and LibreOffice recalculates every formula it wrote to the value it cached.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { a1 } from "../../src/engine/grid";
import { gridSheetXml, makeXlsx } from "../xlsx/make";
import { readBack } from "../xlsx/read-back";
import { runCli } from "../cli/helpers";
import { findSoffice, recalculate } from "./soffice";
import { camLongGrid, diSuGrid, myHaoGrid } from "../judgement/seeds";

const SEEDS = { "my-hao": myHaoGrid(), "di-su": diSuGrid(), "cam-long": camLongGrid() };

describe("the seeds' fixes, recalculated by LibreOffice", () => {
  let dir: string;
  const ours: Record<string, string> = {};
  beforeAll(async () => {
    findSoffice();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-seeds-recalc-"));
    fs.mkdirSync(path.join(dir, "ours"));
    for (const [name, grid] of Object.entries(SEEDS)) {
      const input = path.join(dir, `${name}.xlsx`);
      fs.writeFileSync(input, makeXlsx([{ name: grid.sheet, xml: gridSheetXml(grid) }]));
      const out = path.join(dir, "ours", `${name}.xlsx`);
      const r = await runCli(["fix", input, "-o", out]);
      if (r.code === 2 || !fs.existsSync(out)) throw new Error(`phuluc fix ${name}: ${r.stderr}${r.stdout}`);
      ours[name] = out;
    }
    recalculate(Object.values(ours), path.join(dir, "lo"), path.join(dir, "profile"), 120_000);
  }, 180_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const name of Object.keys(SEEDS)) {
    test(`${name}: every formula we wrote recalculates to the value we cached`, () => {
      const mine = readBack(fs.readFileSync(ours[name])).grid();
      const theirs = readBack(fs.readFileSync(path.join(dir, "lo", `${name}.xlsx`))).grid();
      let formulas = 0;
      mine.cells.forEach((row, i) =>
        (row ?? []).forEach((cell, j) => {
          if (!cell?.formula) return;
          formulas++;
          const other = theirs.cells[mine.top + i - theirs.top]?.[mine.left + j - theirs.left];
          expect([a1(mine.top + i, mine.left + j), other?.value]).toEqual([
            a1(mine.top + i, mine.left + j),
            cell.value,
          ]);
        }),
      );
      expect(formulas).toBeGreaterThan(10);
    });
  }

  test("no typed input is changed: the wards, the counts behind the copied rates; Cẩm Long's 1.518 total becomes its sum", () => {
    for (const [name, grid] of Object.entries(SEEDS)) {
      const fixed = readBack(fs.readFileSync(ours[name])).grid();
      const changed: string[] = [];
      grid.cells.forEach((row, i) =>
        (row ?? []).forEach((cell, j) => {
          const after = fixed.cells[i]?.[j];
          if (typeof cell?.value === "number" && !after?.formula && after?.value !== cell.value)
            changed.push(`${a1(grid.top + i, grid.left + j)}=${String(after?.value)}`);
        }),
      );
      expect([name, changed]).toEqual([name, []]);
    }
    const total = readBack(fs.readFileSync(ours["cam-long"])).cell("C12");
    expect([total?.formula, total?.value]).toEqual(["=SUM(C6:C11)", 1518]);
  });
});
