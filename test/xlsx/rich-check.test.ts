// `check` on the rich workbooks (../shared/fixtures/rich/README.md): the table sheet's planted defects are found,
// and the other sheets, which are clean, stay silent: DS's yes/no column "Trên 5%" (TRUE/FALSE, typed or
// LibreOffice's =TRUE()) is not read as numbers, and the pivot's grand total ("Tổng cộng", LibreOffice's
// "Total Result") is a total.
import * as path from "path";
import { readPackageFile } from "../../src/hosts/xlsx/file";
import { readGrids } from "../../src/hosts/xlsx/sheet";
import { analyzeGrid, fixPlan } from "../../src/engine";
import { FILES, RICH } from "./rich";

describe.each(FILES)("%s", (file) => {
  it("DS and Theo khu vực are silent and fix writes nothing in DS's yes/no column", async () => {
    const pkg = await readPackageFile(path.join(RICH, file));
    for (const sheet of ["DS", "Theo khu vực"]) {
      const analyses = readGrids(pkg, sheet).flatMap((g) => analyzeGrid(g));
      expect(analyses.length).toBe(1);
      // openpyxl stores no cached values: the totals row's SUBTOTAL formulas are not empty cells.
      const findings = analyses.flatMap((a) => a.findings);
      expect({ sheet, findings: findings.map((f) => `${f.cell} ${f.rule}`) }).toEqual({
        sheet,
        findings: [],
      });
      if (sheet === "DS") {
        expect(fixPlan(analyses).writes.filter((w) => /^E/.test(w.cell))).toEqual([]);
      }
    }
  });
});
