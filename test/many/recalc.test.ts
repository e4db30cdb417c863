// LibreOffice recalculates the consolidated workbook (phuluc gop) and must get the values we cached, cell for
// cell; a control cell with a wrong cached value proves that it did recalculate.
import * as fs from "fs";
import * as path from "path";
import { runCli } from "../cli/helpers";
import { findSoffice, recalculate } from "../recalc/soffice";
import { gen, gridsOf, tempDir, writeAll } from "./helpers";
import { newWorkbookBytes } from "../../src/hosts/xlsx/newbook";
import type { AppendixLayout } from "../../src/engine/appendix";

describe("LibreOffice recalculates phuluc gop's workbook to our cached values", () => {
  it("every formula of Tổng hợp, and the control", async () => {
    findSoffice();
    const dir = tempDir("phuluc-many-recalc-");
    const files = writeAll(dir, gen.district());
    const r = await runCli(["gop", ...files, "-o", "huyen.xlsx", "--include-flawed"], dir);
    expect(r.code).toBe(0);
    // Control: =ROUND(A1/B1*100,2) cached as 99 (wrong on purpose): 29/436 → 6,65 after recalculation.
    const control: AppendixLayout = {
      sheetName: "Kiểm chứng",
      cells: [
        { row: 1, col: 1, value: 29 },
        { row: 1, col: 2, value: 436 },
        { row: 1, col: 3, value: 99, formula: "=ROUND(A1/B1*100,2)" },
      ],
      merges: [],
      columnWidths: [8, 8, 8],
      printTitleRows: [1, 1],
      page: { paper: "A4", orientation: "portrait", fitToWidth: true },
      fontName: "Times New Roman",
    };
    fs.writeFileSync(path.join(dir, "control.xlsx"), newWorkbookBytes([control]));
    const out = path.join(dir, "lo");
    fs.mkdirSync(out);
    recalculate(
      [path.join(dir, "huyen.xlsx"), path.join(dir, "control.xlsx")],
      out,
      path.join(dir, "profile"),
      120000,
    );

    const [ctrl] = gridsOf(fs.readFileSync(path.join(out, "control.xlsx")));
    expect(ctrl.cells[0][2]?.value).toBe(6.65);

    const [ours] = gridsOf(fs.readFileSync(path.join(dir, "huyen.xlsx")));
    const [theirs] = gridsOf(fs.readFileSync(path.join(out, "huyen.xlsx")));
    let formulas = 0;
    ours.cells.forEach((row, i) =>
      row.forEach((cell, j) => {
        if (!cell?.formula) return;
        formulas++;
        const lo = theirs.cells[ours.top + i - theirs.top]?.[ours.left + j - theirs.left];
        expect({ at: `${i + ours.top}:${j + ours.left}`, value: lo?.value }).toEqual({
          at: `${i + ours.top}:${j + ours.left}`,
          value: cell.value,
        });
      }),
    );
    // 14 units × 2 rates + the total row's 3 sums and 2 rates.
    expect(formulas).toBe(14 * 2 + 5);
  }, 180000);
});
