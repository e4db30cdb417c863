/** @jest-environment jsdom */
// Cells the user's file forbids writing (here: locked cells of a protected sheet) are left as they are, and the
// pane says which, why and what they should hold; the count of written cells and the changes list leave them out.
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { PhuLucPane } from "../../src/taskpane/PhuLucPane";
import { PageHost } from "../../src/standalone/StandaloneApp";
import { sampleBytes } from "../../src/standalone/sample";
import { XlsxWorkbook } from "../../src/hosts/xlsx/workbook";
import { WorkbookHost, type KeyValueStore } from "../../src/standalone/workbookHost";

class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoopResizeObserver;

const memory = (): KeyValueStore => {
  const data = new Map<string, string>();
  return { get: (k) => data.get(k) ?? null, set: (k, v) => void data.set(k, v) };
};

/** The bundled sample with its sheet protected (every cell locked, Excel's default) unless `unlocked`. */
function protectedSample(unlocked = false): XlsxWorkbook {
  const files = unzipSync(sampleBytes("Bảng mẫu"));
  const name = Object.keys(files).find((f) => /^xl\/worksheets\/[^/]+\.xml$/.test(f));
  if (!name) throw new Error("no sheet part");
  if (!unlocked) {
    const xml = strFromU8(files[name]).replace("</sheetData>", '</sheetData><sheetProtection sheet="1"/>');
    files[name] = strToU8(xml);
  }
  return XlsxWorkbook.open(zipSync(files), "bao-ve.xlsx");
}

async function fixAllOn(workbook: XlsxWorkbook) {
  const host = new PageHost(workbook, "Bảng mẫu", "bao-ve.xlsx", memory());
  render(
    <FluentProvider theme={webLightTheme}>
      <PhuLucPane host={host} initialView="findings" />
    </FluentProvider>,
  );
  // The sample's three planted mistakes are found (two errors) before anything is fixed.
  await waitFor(() => expect(screen.getByTestId("summary").getAttribute("data-errors")).toBe("2"), {
    timeout: 10_000,
  });
  fireEvent.click(screen.getByRole("button", { name: "Sửa tất cả" }));
  const confirm = await screen.findByTestId("fix-all-confirm");
  fireEvent.click(within(confirm).getByRole("button", { name: /^Ghi \d+ ô$/ }));
  const notice = await screen.findByTestId("notice", {}, { timeout: 10_000 });
  return { host, notice };
}

test("a protected sheet: nothing is written, and the notice lists each locked cell with its right value", async () => {
  const { host, notice } = await fixAllOn(protectedSample());
  // The sample's planted total: the villages add up to 1.782 (412 + 288 + 530 + 197 + 355), typed 1.792.
  expect(notice.textContent).toMatch(/^Đã ghi 0 ô\. Không ghi \d+ ô, vì tệp không cho ghi ở đó: /);
  expect(notice.textContent).toContain("C12: ô bị khóa trên trang tính được bảo vệ (đúng ra là ");
  expect(notice.textContent).toContain("E9: ô bị khóa trên trang tính được bảo vệ");
  expect(host.dirty).toBe(false);
  expect(screen.queryByTestId("changes")).toBeNull();
  // The file is as it was: C12 still 1792.
  const saved = XlsxWorkbook.open(new Uint8Array(await host.toBytes()), "bao-ve.xlsx").grid("Bảng mẫu");
  expect(saved.cells[12 - saved.top][3 - saved.left]?.value).toBe(1792);
});

test("its unprotected twin: every cell written, no refusal said", async () => {
  const { host, notice } = await fixAllOn(protectedSample(true));
  expect(notice.textContent).toMatch(/^Đã ghi \d+ ô\./);
  expect(notice.textContent).not.toContain("Không ghi");
  expect(host.dirty).toBe(true);
  await waitFor(() => expect(screen.getByTestId("changes").textContent).toContain("C12"));
});

test("the notice names the wrong cells with their right value in the cell's format, conversions apart", async () => {
  const { notice } = await fixAllOn(protectedSample());
  // The planted total: the villages add up to 1.782 (typed 1.792); the planted rate 30/530 → 5,66 (typed 5,6).
  expect(notice.textContent).toContain("C12: ô bị khóa trên trang tính được bảo vệ (đúng ra là 1.782)");
  expect(notice.textContent).toContain("E9: ô bị khóa trên trang tính được bảo vệ (đúng ra là 5,66)");
  // E7 holds its right value (20/412 → 4,85): it is no cell that "should be" something else, only counted.
  expect(notice.textContent).not.toMatch(/E7: [^;]*đúng ra là/);
  expect(notice.textContent).toMatch(/\d+ ô khác đã đúng giá trị nhưng không chuyển được sang công thức/);
});

test("a write the file refuses entirely leaves nothing to undo", async () => {
  const host = new WorkbookHost(protectedSample(), "Bảng mẫu", "k", memory());
  const outcome = await host.applyWrites({
    writes: [{ sheet: "Bảng mẫu", cell: "C12", value: 1782 }],
    undecided: [],
  });
  expect(outcome.refused.map((r) => r.cell)).toEqual(["C12"]);
  // Nothing was written: "Hoàn tác" must stay disabled, else it reports "Đã hoàn tác" and undoes nothing (and a
  // real earlier fix needs a second click).
  expect(await host.canUndo()).toBe(false);
});
