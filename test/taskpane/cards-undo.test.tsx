/** @jest-environment jsdom */
// Defects a review found (issue 10): a literal "%" format is no percent format; a refused write leaves nothing to undo.
import * as React from "react";
import { render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { PhuLucPane } from "../../src/taskpane/PhuLucPane";
import { gridFromRows } from "../../src/engine/grid";
import { FakeHost } from "../taskpane/fixtures";
import { sampleBytes } from "../../src/standalone/sample";
import { XlsxWorkbook } from "../../src/hosts/xlsx/workbook";
import { WorkbookHost, type KeyValueStore } from "../../src/standalone/workbookHost";

class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoopResizeObserver;

function card(cell: string): HTMLElement {
  const el = screen.queryAllByTestId("finding").find((e) => e.getAttribute("data-cell") === cell);
  if (!el) throw new Error(`no finding on ${cell}`);
  return el;
}

test('a rate typed in percent under a format with a literal "%" (0.00"%"): the card claims no other figure', async () => {
  // Many official tables type 5,60 and show "5,60%" with a quoted percent sign; the engine reads them as percent
  // (isPercentFormat ignores quoted text), so its formula fix computes 5,66 — the card's right value.
  const formats: Record<string, string> = {};
  for (const r of [2, 3, 4, 5, 6]) formats[`E${r}`] = '0.00"%"';
  const grid = gridFromRows(
    "S",
    [
      ["STT", "Thôn", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ hộ nghèo"],
      [1, "Thôn 1", 412, 20, 4.85],
      [2, "Thôn 2", 288, 15, 5.21],
      [3, "Thôn 3", 530, 30, 5.6], // 30/530 = 5,66
      [4, "Thôn 4", 197, 13, 6.6],
      [null, "Tổng cộng", 1427, 78, 5.47],
    ],
    { formats },
  );
  render(
    <FluentProvider theme={webLightTheme}>
      <PhuLucPane host={new FakeHost(grid)} initialView="findings" />
    </FluentProvider>,
  );
  await screen.findByTestId("summary");
  const e4 = card("E4");
  expect(within(e4).queryByTestId("fix-settles")).toBeNull();
});

test("a write the file refuses entirely leaves nothing to undo", async () => {
  const files = unzipSync(sampleBytes("Bảng mẫu"));
  const name = Object.keys(files).find((f) => /^xl\/worksheets\/[^/]+\.xml$/.test(f))!;
  files[name] = strToU8(
    strFromU8(files[name]).replace("</sheetData>", '</sheetData><sheetProtection sheet="1"/>'),
  );
  const store: KeyValueStore = { get: () => null, set: () => undefined };
  const host = new WorkbookHost(XlsxWorkbook.open(zipSync(files), "bao-ve.xlsx"), "Bảng mẫu", "k", store);
  const outcome = await host.applyWrites({
    writes: [{ sheet: "Bảng mẫu", cell: "C12", value: 1782 }],
    undecided: [],
  });
  expect(outcome.refused.map((r) => r.cell)).toEqual(["C12"]);
  // Nothing was written: "Hoàn tác" must stay disabled, else it reports "Đã hoàn tác" and undoes nothing (and a
  // real earlier fix needs a second click).
  expect(await host.canUndo()).toBe(false);
});
