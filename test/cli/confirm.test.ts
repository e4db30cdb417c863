// --confirm "C16": the user says a typed value is right. The locator never blames it, fix never writes it.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { ReportSchema } from "../../src/engine/report";
import { expectOneLineError, runCli, SAMPLES } from "./helpers";

// The demo with Trung Lương's 958 households typed as 985 (C16): unconfirmed, C16 is the cell blamed.
let dir: string;
let typo: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-confirm-"));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(SAMPLES, "ke-hoach-giam-ngheo-2024.xlsx"));
  wb.getWorksheet("KH 2024")!.getCell("C16").value = 985;
  typo = path.join(dir, "nhap-sai.xlsx");
  await wb.xlsx.writeFile(typo);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function findings(extra: string[]) {
  const r = await runCli(["check", typo, "--format", "json", ...extra]);
  expect(r.stderr).toBe("");
  const report = ReportSchema.parse(JSON.parse(r.stdout));
  return report.tables.filter((t) => t.sheet === "KH 2024").flatMap((t) => t.findings);
}

describe("phuluc --confirm", () => {
  it("check: without it C16 is blamed; with it the blame moves to another cell", async () => {
    const before = await findings([]);
    expect(before.map((f) => f.cell)).toContain("C16");
    const after = await findings(["--confirm", "C16"]);
    expect(after.map((f) => f.cell)).not.toContain("C16");
    expect(after.length).toBeGreaterThan(0);
  });

  it("fix: the confirmed cell is left as typed and not listed", async () => {
    const out = path.join(dir, "confirmed.xlsx");
    const r = await runCli(["fix", typo, "-o", out, "--confirm", "c16"]);
    expect(r.stderr).toBe("");
    expect(r.stdout).not.toMatch(/\sC16\s/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet("KH 2024")!;
    expect(ws.getCell("C16").value).toBe(985);
    expect(ws.getCell("C16").formula).toBeUndefined();
  });

  it("a value that is not a cell gets one clear line", async () => {
    expectOneLineError(await runCli(["check", typo, "--confirm", "C16,hộ"]));
    expectOneLineError(await runCli(["plan", typo, "--confirm", "C=1"]));
  });
});
