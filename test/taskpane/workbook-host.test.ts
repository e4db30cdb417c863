// The standalone page's PaneHost over an in-memory workbook: fixes, undo, marks, remembered settings, download.
import * as fs from "fs";
import * as path from "path";
import { unzipSync } from "fflate";
import { XlsxWorkbook } from "../../src/hosts/xlsx/workbook";
import { openPackage } from "../../src/hosts/xlsx/package";
import { readGrids } from "../../src/hosts/xlsx/sheet";
import { cellAt, parseA1, type Grid } from "../../src/engine/grid";
import { planFixAll, runAnalysis } from "../../src/hosts/analysis";
import { DEFAULT_SETTINGS } from "../../src/hosts/port";
import { correctedFileName, WorkbookHost, type KeyValueStore } from "../../src/standalone/workbookHost";
import { defaultSheet } from "../../src/standalone/StandaloneApp";

const SAMPLE = path.join(__dirname, "../../samples/ke-hoach-giam-ngheo-2024.xlsx");

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, get: (k) => data.get(k) ?? null, set: (k, v) => void data.set(k, v) };
}

async function openSample() {
  const workbook = XlsxWorkbook.open(fs.readFileSync(SAMPLE), "ke-hoach-giam-ngheo-2024.xlsx");
  const changes: string[] = [];
  const host = new WorkbookHost(
    workbook,
    defaultSheet(workbook),
    "ke-hoach-giam-ngheo-2024.xlsx",
    memoryStore(),
    {
      onChange: () => changes.push("change"),
    },
  );
  return { workbook, host, changes };
}

const RELATION_RULES = ["sum-mismatch", "rate-mismatch", "rate-rounding"];

test("the sample's plan sheet is picked and read", async () => {
  const { host } = await openSample();
  expect(host.sheetName).toBe("KH 2024");
  const grid = await host.readGrid();
  expect(grid?.sheet).toBe("KH 2024");
  const [analysis] = runAnalysis(grid!, DEFAULT_SETTINGS, {});
  const found = analysis.findings.map((f) => `${f.cell} ${f.rule}`);
  // Planted by the samples script (written here by hand from its list).
  expect(found).toEqual(
    expect.arrayContaining([
      "C9 non-integer-count",
      "E10 rate-mismatch",
      "E11 rate-rounding",
      "E12 number-as-text",
      "C14 number-as-text",
      "F19 sum-mismatch",
    ]),
  );
});

const at = (grid: Grid, address: string) => {
  const { row, col } = parseA1(address);
  return JSON.stringify(cellAt(grid, row, col) ?? null);
};

test("fix all repairs every relation; undo restores each written cell exactly; the download is patched", async () => {
  const { host, changes } = await openSample();
  const original = (await host.readGrid())!;
  const [analysis] = runAnalysis(original, DEFAULT_SETTINGS, {});
  const { plan } = planFixAll(analysis, DEFAULT_SETTINGS);
  const before = new Map(plan.writes.map((w) => [w.cell, at(original, w.cell)]));

  await host.applyWrites(plan);
  expect(await host.canUndo()).toBe(true);
  expect(changes.length).toBe(1);
  const fixed = (await host.readGrid())!;
  expect(cellAt(fixed, 19, 6)).toMatchObject({ value: 521, formula: expect.stringMatching(/^=SUM\(/) });
  const after = runAnalysis(fixed, DEFAULT_SETTINGS, {})[0];
  expect(after.findings.filter((f) => RELATION_RULES.includes(f.rule) && f.severity !== "info")).toEqual([]);

  // The download: the same cells, read back from the patched package; every other part byte for byte.
  const bytes = new Uint8Array(await host.toBytes());
  const downloaded = readGrids(openPackage(bytes, "d.xlsx")).find((g) => g.sheet === "KH 2024")!;
  expect(cellAt(downloaded, 19, 6)).toMatchObject({ value: 521 });
  const a = unzipSync(new Uint8Array(fs.readFileSync(SAMPLE)));
  const b = unzipSync(bytes);
  for (const name of Object.keys(a)) {
    if (/worksheets\/sheet1\.xml|workbook\.xml|styles\.xml|\.rels|Content_Types|calcChain/.test(name))
      continue;
    expect({ name, same: Buffer.from(a[name]).equals(Buffer.from(b[name])) }).toEqual({ name, same: true });
  }

  expect(await host.undo()).toBe(true);
  const undone = (await host.readGrid())!;
  for (const [cell, saved] of before) expect([cell, at(undone, cell)]).toEqual([cell, saved]);
  expect(await host.canUndo()).toBe(false);
  expect(await host.undo()).toBe(false);
  // Nothing pending: the download is the user's file, part for part.
  const clean = unzipSync(new Uint8Array(await host.toBytes()));
  for (const name of Object.keys(a)) expect(Buffer.from(clean[name]).equals(Buffer.from(a[name]))).toBe(true);
});

test("marks and the selection live beside the workbook, not in it", async () => {
  const { host } = await openSample();
  const [analysis] = runAnalysis((await host.readGrid())!, DEFAULT_SETTINGS, {});
  await host.markFindings("KH 2024", analysis.findings);
  expect(host.marks.get("KH 2024")?.has("E10")).toBe(true);
  const a = unzipSync(new Uint8Array(fs.readFileSync(SAMPLE)));
  const b = unzipSync(new Uint8Array(await host.toBytes()));
  expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
  for (const name of Object.keys(a)) expect(Buffer.from(b[name]).equals(Buffer.from(a[name]))).toBe(true);
  await host.clearMarks("KH 2024");
  expect(host.marks.has("KH 2024")).toBe(false);
  await host.selectCell("KH 2024", "F19");
  expect(host.selected).toEqual({ sheet: "KH 2024", address: "F19" });
  await expect(host.selectCell("KH 2024", "not a cell")).rejects.toThrow();
});

test("settings and corrections are remembered; a damaged entry falls back to defaults", async () => {
  const { workbook } = await openSample();
  const store = memoryStore();
  const host = new WorkbookHost(workbook, "KH 2024", "a.xlsx", store);
  expect(await host.loadSettings()).toEqual(DEFAULT_SETTINGS);
  await host.saveSettings({ ...DEFAULT_SETTINGS, lang: "en", rateDecimals: 1 });
  await host.saveOverrides("KH 2024", { columns: { D: { role: "other" } } });
  const again = new WorkbookHost(workbook, "KH 2024", "a.xlsx", store);
  expect(await again.loadSettings()).toMatchObject({ lang: "en", rateDecimals: 1 });
  expect(await again.loadOverrides("KH 2024")).toEqual({ columns: { D: { role: "other" } } });
  expect(await new WorkbookHost(workbook, "KH 2024", "b.xlsx", store).loadOverrides("KH 2024")).toEqual({});
  store.set("phuluc.settings", "{not json");
  expect(await again.loadSettings()).toEqual(DEFAULT_SETTINGS);
  store.set("phuluc.settings", JSON.stringify({ lang: "fr", rateDecimals: -3 }));
  expect(await again.loadSettings()).toEqual(DEFAULT_SETTINGS);
});

test("the corrected copy's name", () => {
  expect(correctedFileName("ke-hoach-giam-ngheo-2024.xlsx")).toBe("ke-hoach-giam-ngheo-2024.da-sua.xlsx");
  expect(correctedFileName("Báo cáo.XLSX")).toBe("Báo cáo.da-sua.xlsx");
});
