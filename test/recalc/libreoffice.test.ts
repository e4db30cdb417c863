// A real spreadsheet recalculates what `phuluc fix` wrote and must get the cached values we stored.
// LibreOffice headless (Debian: libreoffice-calc-nogui) with a fresh profile per run, set to always recalculate
// OOXML files on load; a control file with a deliberately stale cached value proves the recalculation happened.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { runCli } from "../cli/helpers";
import { findSoffice, recalculate } from "./soffice";

const SAMPLES = [
  "ke-hoach-giam-ngheo-2024.xlsx",
  "bao-cao-ket-qua-2023-sach.xlsx",
  "bien-dong-ho-ngheo-2023.xlsx",
  "binh-dinh-dau-ky-2022.xlsx",
];
const TYPO = "ke-hoach-nhap-sai.xlsx";

interface FormulaCell {
  where: string;
  formula: string;
  result: unknown;
}

async function formulaCells(file: string): Promise<Map<string, FormulaCell>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const cells = new Map<string, FormulaCell>();
  for (const ws of wb.worksheets) {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.formula) {
          const where = `${ws.name}!${cell.address}`;
          cells.set(where, { where, formula: cell.formula, result: cell.result });
        }
      }),
    );
  }
  return cells;
}

function valueOf(result: unknown): number | string | null {
  if (result === undefined || result === null) return null;
  if (typeof result === "number" || typeof result === "string") return result;
  if (typeof result === "object" && "error" in (result as object)) return (result as { error: string }).error;
  return String(result);
}

describe("LibreOffice recalculates the fixed workbooks to our cached values", () => {
  let dir: string;
  let converted: string;
  const fixed: string[] = [];

  beforeAll(async () => {
    findSoffice(); // a clear message first when LibreOffice is missing
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-recalc-"));
    converted = path.join(dir, "lo");
    fs.mkdirSync(path.join(dir, "ours"));
    for (const name of SAMPLES) {
      const out = path.join(dir, "ours", name);
      const r = await runCli(["fix", `samples/${name}`, "-o", out]);
      if (r.code === 2) throw new Error(`phuluc fix ${name} failed: ${r.stderr}`);
      fixed.push(out);
    }
    // The demo with an input typo left for a person (C16: 985 for 958): derived cells must follow the cell as is.
    const typo = new ExcelJS.Workbook();
    await typo.xlsx.readFile(path.join(__dirname, "..", "..", "samples", "ke-hoach-giam-ngheo-2024.xlsx"));
    typo.getWorksheet("KH 2024")!.getCell("C16").value = 985;
    await typo.xlsx.writeFile(path.join(dir, "typo-in.xlsx"));
    const typoOut = path.join(dir, "ours", TYPO);
    const t = await runCli(["fix", path.join(dir, "typo-in.xlsx"), "-o", typoOut]);
    if (t.code !== 1)
      throw new Error(`phuluc fix on the typo copy: expected exit 1, got ${t.code}: ${t.stderr}`);
    fixed.push(typoOut);
    // Control: a cached value that is wrong on purpose; after LibreOffice it must be right.
    const control = new ExcelJS.Workbook();
    const ws = control.addWorksheet("Kiểm chứng");
    ws.getCell("A1").value = 29;
    ws.getCell("B1").value = 436;
    ws.getCell("C1").value = { formula: "ROUND(A1/B1*100,2)", result: 99 };
    control.calcProperties = { fullCalcOnLoad: true };
    await control.xlsx.writeFile(path.join(dir, "ours", "control.xlsx"));

    recalculate(
      [...fixed, path.join(dir, "ours", "control.xlsx")],
      converted,
      path.join(dir, "profile"),
      180000,
    );
  }, 240000);

  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("LibreOffice really recalculated (the control's stale cached 99 became 6.65)", async () => {
    const cells = await formulaCells(path.join(converted, "control.xlsx"));
    expect(valueOf(cells.get("Kiểm chứng!C1")?.result)).toBeCloseTo(6.65, 9);
  });

  it.each([...SAMPLES, TYPO])("%s: every formula cell has the value LibreOffice computes", async (name) => {
    const ours = await formulaCells(path.join(dir, "ours", name));
    const theirs = await formulaCells(path.join(converted, name));
    expect(ours.size).toBeGreaterThan(10);
    const mismatches: string[] = [];
    for (const cell of ours.values()) {
      const other = theirs.get(cell.where);
      if (!other) {
        mismatches.push(`${cell.where}: LibreOffice lost the formula ${cell.formula}`);
        continue;
      }
      const a = valueOf(cell.result);
      const b = valueOf(other.result);
      const same = typeof a === "number" && typeof b === "number" ? Math.abs(a - b) <= 1e-9 : a === b;
      if (!same) mismatches.push(`${cell.where} =${cell.formula}: ours ${a}, LibreOffice ${b}`);
    }
    expect(mismatches).toEqual([]);
  });
});
