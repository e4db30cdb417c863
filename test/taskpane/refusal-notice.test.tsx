/** @jest-environment jsdom */
// The refusal notice names the wrong cells with their right value; a card claims no later figure where none will come.
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { PhuLucPane } from "../../src/taskpane/PhuLucPane";
import { PageHost } from "../../src/standalone/StandaloneApp";
import { sampleBytes } from "../../src/standalone/sample";
import { XlsxWorkbook } from "../../src/hosts/xlsx/workbook";
import type { KeyValueStore } from "../../src/standalone/workbookHost";
import * as fs from "fs";
import * as path from "path";
import { FakeHost } from "../taskpane/fixtures";

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

test("fix-all refused on a protected sheet names the wrong cells with their right value, in Vietnamese numbers", async () => {
  const files = unzipSync(sampleBytes("Bảng mẫu"));
  const name = Object.keys(files).find((f) => /^xl\/worksheets\/[^/]+\.xml$/.test(f))!;
  files[name] = strToU8(
    strFromU8(files[name]).replace("</sheetData>", '</sheetData><sheetProtection sheet="1"/>'),
  );
  const host = new PageHost(
    XlsxWorkbook.open(zipSync(files), "bao-ve.xlsx"),
    "Bảng mẫu",
    "bao-ve.xlsx",
    memory(),
  );
  render(
    <FluentProvider theme={webLightTheme}>
      <PhuLucPane host={host} initialView="findings" />
    </FluentProvider>,
  );
  await waitFor(() => expect(screen.getByTestId("summary").getAttribute("data-errors")).toBe("2"), {
    timeout: 10_000,
  });
  fireEvent.click(screen.getByRole("button", { name: "Sửa tất cả" }));
  const confirm = await screen.findByTestId("fix-all-confirm");
  fireEvent.click(within(confirm).getByRole("button", { name: /^Ghi \d+ ô$/ }));
  const notice = await screen.findByTestId("notice", {}, { timeout: 10_000 });
  // The planted total: the villages add up to 1.782 (typed 1.792); the planted rate 30/530 → 5,66 (typed 5,6).
  expect(notice.textContent).toContain("C12: ô bị khóa trên trang tính được bảo vệ (đúng ra là 1.782)");
  expect(notice.textContent).toContain("E9: ô bị khóa trên trang tính được bảo vệ (đúng ra là 5,66)");
  // E7 holds its right value (20/412 → 4,85): it is no cell that "should be" something else.
  expect(notice.textContent).not.toMatch(/E7: [^;]*đúng ra là/);
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
