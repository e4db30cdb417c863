/** @jest-environment jsdom */
// The card's line "hiện công thức ra …, sẽ ra … khi …" appears only where another figure is really to come: not
// under a literal "%" format (0.00"%", percent typed), not on a number typed as text.
import * as React from "react";
import { render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import * as fs from "fs";
import * as path from "path";
import { PhuLucPane } from "../../src/taskpane/PhuLucPane";
import { gridFromRows } from "../../src/engine/grid";
import { FakeHost } from "./fixtures";
import { XlsxWorkbook } from "../../src/hosts/xlsx/workbook";

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

/** Four villages and their total, rates in column E as `rates` under `format` (E4 planted: 30/530 is 5,66%). */
function rateTable(format: string, rates: number[]) {
  const formats: Record<string, string> = {};
  for (const r of [2, 3, 4, 5, 6]) formats[`E${r}`] = format;
  const rows: unknown[][] = [
    ["STT", "Thôn", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ hộ nghèo"],
    [1, "Thôn 1", 412, 20],
    [2, "Thôn 2", 288, 15],
    [3, "Thôn 3", 530, 30],
    [4, "Thôn 4", 197, 13],
    [null, "Tổng cộng", 1427, 78],
  ];
  rows.slice(1).forEach((row, i) => row.push(rates[i]));
  return gridFromRows("S", rows, { formats });
}

async function cardE4(format: string, rates: number[]): Promise<HTMLElement> {
  render(
    <FluentProvider theme={webLightTheme}>
      <PhuLucPane host={new FakeHost(rateTable(format, rates))} initialView="findings" />
    </FluentProvider>,
  );
  await screen.findByTestId("summary");
  return card("E4");
}

test("a rate kept as a fraction under a percent format: its fix (0,0566) is the card's 5,66, so no such line", async () => {
  const e4 = await cardE4("0.00%", [0.0485, 0.0521, 0.056, 0.066, 0.0547]);
  expect(within(e4).getByText("5,66")).toBeTruthy();
  expect(within(e4).queryByTestId("fix-settles")).toBeNull();
});

test('a rate typed in percent under a format with a literal "%" (0.00"%"): the card claims no other figure', async () => {
  // Many official tables type 5,60 and show "5,60%" with a quoted percent sign; the engine reads them as percent
  // (isPercentFormat ignores quoted text), so its formula fix computes 5,66 — the card's right value.
  const e4 = await cardE4('0.00"%"', [4.85, 5.21, 5.6, 6.6, 5.47]);
  expect(within(e4).queryByTestId("fix-settles")).toBeNull();
});

test("a rate typed as text (number-as-text) under 'truncate': its card claims no other figure to come", async () => {
  // E12 of the planted plan table holds "13.7" as text; nothing else blamed changes it. Its fix writes
  // =ROUNDDOWN(D12/C12*100,2) (13,69 today and after every other fix), while the card's right value is the typed
  // 13,7: the line "hiện công thức ra 13,69, sẽ ra 13,7 khi các ô khác bị báo lỗi được sửa" is false.
  const file = path.join(__dirname, "../../samples/ke-hoach-giam-ngheo-2024.xlsx");
  const wb = XlsxWorkbook.open(fs.readFileSync(file), "kh.xlsx");
  const host = new FakeHost(wb.grid("KH 2024"));
  host.settings = { ...host.settings, rounding: "truncate" };
  render(
    <FluentProvider theme={webLightTheme}>
      <PhuLucPane host={host} initialView="findings" />
    </FluentProvider>,
  );
  await screen.findByTestId("summary");
  const e12 = screen.getAllByTestId("finding").find((e) => e.getAttribute("data-cell") === "E12")!;
  expect(e12).toBeTruthy();
  expect(within(e12).queryByTestId("fix-settles")).toBeNull();
});
