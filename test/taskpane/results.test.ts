// "Sao chép kết quả", "Xuất danh sách", grouped findings, and a zero that keeps its value through fix-all.
import type { Finding } from "../../src/engine/report";
import { readBack } from "../xlsx/read-back";
import { XlsxWorkbook } from "../../src/hosts/xlsx/workbook";
import { groupFindings, GROUP_AT } from "../../src/taskpane/components/FindingsView";
import {
  bySeverity,
  exportFileName,
  findingsText,
  findingsWorkbook,
} from "../../src/taskpane/exportFindings";
import { planFixAll, runAnalysis } from "../../src/hosts/analysis";
import { DEFAULT_SETTINGS } from "../../src/hosts/port";
import type { KeyValueStore } from "../../src/standalone/workbookHost";
import { PageHost } from "../../src/standalone/StandaloneApp";
import { sampleWorkbook } from "../../src/standalone/sample";
import { planSheet } from "./fixtures";

const memory = (): KeyValueStore => {
  const data = new Map<string, string>();
  return { get: (k) => data.get(k) ?? null, set: (k, v) => void data.set(k, v) };
};

function planFindings(lang: "vi" | "en" = "vi"): Finding[] {
  return runAnalysis(planSheet(), { ...DEFAULT_SETTINGS, lang }, {})[0].findings;
}

test("the plain-text summary names the table, counts by severity and lists every finding", () => {
  const findings = planFindings();
  const text = findingsText({ sheet: "Thôn 2024", range: "A4:E11", findings, lang: "vi" });
  const lines = text.split("\n");
  expect(lines[0]).toBe("Kết quả kiểm tra bảng A4:E11, trang tính “Thôn 2024”");
  // Planted in the fixture: two errors (C11, E9), one warning (E10).
  expect(lines[1]).toMatch(/^2 lỗi, 1 cảnh báo, \d+ thông tin\.$/);
  expect(lines.slice(2)).toHaveLength(findings.length);
  expect(lines.find((l) => l.startsWith("- C11 "))).toContain("(Lỗi) Tổng không khớp:");
  expect(text).not.toMatch(/undefined|\[object/);
});

test("the summary in English", () => {
  const text = findingsText({ sheet: "S", range: "A4:E11", findings: planFindings("en"), lang: "en" });
  expect(text.split("\n")[1]).toMatch(/^2 errors, 1 warnings, \d+ info\.$/);
  expect(text).toContain("- E10 (Warning) Rate truncated instead of rounded:");
});

test("a clean table's summary says there is nothing", () => {
  expect(findingsText({ sheet: "S", range: "A1:E6", findings: [], lang: "vi" }).split("\n")[1]).toBe(
    "Không phát hiện lỗi hay cảnh báo nào.",
  );
});

test("the exported list opens as a workbook with one row per finding", async () => {
  const findings = bySeverity(planFindings());
  // Planted: C11 and E9 errors, E10 a warning, D8 text (info): listed in that order of severity.
  expect(findings.map((f) => f.severity)).toEqual(["error", "error", "warning", "info"]);
  const bytes = findingsWorkbook({ sheet: "Thôn 2024", range: "A4:E11", findings, lang: "vi" });
  const ws = readBack(bytes, "ket-qua.xlsx");
  expect(ws.names).toEqual(["Kết quả"]);
  expect(ws.value("A3")).toBe("Ô");
  expect(ws.value("D3")).toBe("Nội dung");
  const cells = findings.map((_, i) => ws.value(`A${4 + i}`));
  expect(cells).toEqual(findings.map((f) => f.cell));
  const c11 = findings.findIndex((f) => f.cell === "C11");
  expect(ws.value(`E${4 + c11}`)).toBe(1437);
  expect(ws.value(`F${4 + c11}`)).toBe(1427);
  expect(ws.value(`A${4 + findings.length}`)).toBeNull();
});

test("text with XML's special and control characters survives the export", async () => {
  const odd: Finding = {
    rule: "number-as-text",
    severity: "info",
    cell: "B2",
    actual: 'a < b & "c"\u0001',
    expected: null,
    message: "x <y> & z",
    related: [],
  };
  const bytes = findingsWorkbook({ sheet: "S", range: "A1:B2", findings: [odd], lang: "en" });
  const ws = readBack(bytes, "f.xlsx");
  expect(ws.value("E4")).toBe('a < b & "c"');
  // The sentence is made from the finding's values: the special characters come through unescaped.
  expect(ws.value("D4")).toEqual(expect.stringContaining('"a < b & "c""'));
});

test("export file names carry no character a file system refuses", () => {
  expect(exportFileName('KH/2024:"a"', "vi")).toBe("ket-qua-KH-2024-a-.xlsx");
  expect(exportFileName("  ", "en")).toBe("findings-bang.xlsx");
});

function rateFinding(cell: string): Finding {
  return {
    rule: "rate-mismatch",
    severity: "error",
    cell,
    actual: 1,
    expected: 2,
    message: "m",
    related: [],
  };
}

test("many findings of one rule in one column make one card; a few stay separate", () => {
  const many = Array.from({ length: 17 }, (_, i) => rateFinding(`H${8 + i}`));
  const few = [rateFinding("E9"), rateFinding("E10")];
  const other = { ...rateFinding("H30"), rule: "sum-mismatch" as const };
  const entries = groupFindings([...few, ...many, other]);
  expect(
    entries.map((e) => (e.kind === "one" ? e.finding.cell : `${e.column}×${e.findings.length}`)),
  ).toEqual(["E9", "E10", "H×17", "H30"]);
  expect(groupFindings(many.slice(0, GROUP_AT - 1)).every((e) => e.kind === "one")).toBe(true);
});

test("a derived cell whose right value is 0 keeps 0 through fix-all, the saved file and the page's re-read", async () => {
  // A unit without poor households: its rate must be 0,00 (typed 1,5 by mistake).
  const wb = sampleWorkbook("Zero", { D11: 0, E11: 1.5, D10: 13, D12: 78 }); // 78 = 20 + 15 + 30 + 13 + 0
  const host = new PageHost(wb, "Zero", "zero.xlsx", memory());
  const grid = (await host.readGrid())!;
  const [analysis] = runAnalysis(grid, DEFAULT_SETTINGS, {});
  const { plan } = planFixAll(analysis, DEFAULT_SETTINGS, grid);
  const e11 = plan.writes.find((w) => w.cell === "E11");
  expect(e11).toMatchObject({ value: 0, formula: "=ROUND(D11/C11*100,2)" });
  await host.applyWrites(plan);
  expect(host.dirty).toBe(true);

  // The page reads the sheet again after a fix: E11 holds 0, and no "Thiếu số liệu" appears.
  const after = (await host.readGrid())!;
  expect(after.cells[11 - after.top][5 - after.left]).toMatchObject({
    value: 0,
    formula: "=ROUND(D11/C11*100,2)",
  });
  const again = runAnalysis(after, DEFAULT_SETTINGS, {})[0];
  expect(again.findings.filter((f) => f.rule === "missing-value")).toEqual([]);

  // The downloaded file caches 0 as the formula's result.
  const saved = XlsxWorkbook.open(new Uint8Array(await host.toBytes()), "zero.xlsx");
  expect(saved.grid("Zero").cells[11 - after.top][5 - after.left]).toMatchObject({
    value: 0,
    formula: "=ROUND(D11/C11*100,2)",
  });
});

test("the bundled sample shows its three planted mistakes", () => {
  const grid = sampleWorkbook("Bảng mẫu").grid("Bảng mẫu");
  const found = runAnalysis(grid, DEFAULT_SETTINGS, {})[0].findings.map((f) => `${f.cell} ${f.rule}`);
  expect(found).toEqual(
    expect.arrayContaining(["C12 sum-mismatch", "E9 rate-mismatch", "D10 number-as-text"]),
  );
});

test("unsaved changes: a fix makes the page ask, undoing every fix makes it clean again, a download too", async () => {
  const host = new PageHost(sampleWorkbook("Bảng mẫu"), "Bảng mẫu", "mau.xlsx", memory());
  expect(host.dirty).toBe(false);
  await host.applyWrites({ writes: [{ sheet: "Bảng mẫu", cell: "C12", value: 1782 }], undecided: [] });
  await host.applyWrites({ writes: [{ sheet: "Bảng mẫu", cell: "E9", value: 5.66 }], undecided: [] });
  expect(host.dirty).toBe(true);
  await host.undo();
  expect(host.dirty).toBe(true); // C12 is still written
  await host.undo();
  expect(host.dirty).toBe(false); // the file as it was opened
  await host.applyWrites({ writes: [{ sheet: "Bảng mẫu", cell: "C12", value: 1782 }], undecided: [] });
  host.dirty = false; // downloaded
  expect(host.dirty).toBe(false);
  await host.undo(); // now the page differs from the downloaded copy
  expect(host.dirty).toBe(true);
  await host.applyWrites({ writes: [{ sheet: "Bảng mẫu", cell: "C12", value: 1782 }], undecided: [] });
  expect(host.dirty).toBe(true); // a new write, not the downloaded one
});
