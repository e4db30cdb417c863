/** @jest-environment jsdom */
// Loud when not read (issue 18.6), in the pane: numbers the engine did not read are said above the findings, and
// a table read whole says nothing of the kind.
import * as React from "react";
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { gridFromRows } from "../../src/engine/grid";
import { PhuLucPane } from "../../src/taskpane/PhuLucPane";
import { FakeHost } from "./fixtures";
import { REPORT_MERGES, reportRows } from "../engine/fixtures";

class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoopResizeObserver;

const renderPane = (host: FakeHost) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <PhuLucPane host={host} initialView="findings" />
    </FluentProvider>,
  );

test("a second block of numbers below the table is said, with its range, above the findings", async () => {
  const rows = [...reportRows(), [], ["Bảng phụ"], ["x", "Thôn A", 12, 3], ["y", "Thôn B", 14, 5]];
  renderPane(new FakeHost(gridFromRows("Báo cáo 2023", rows, { merges: REPORT_MERGES })));
  await screen.findByTestId("summary");
  const n = rows.length;
  expect((await screen.findByTestId("unread")).textContent).toBe(
    `Chưa đọc: vùng C${n - 1}:D${n} có số liệu nằm ngoài bảng đã đọc, chưa được kiểm tra.`,
  );
});

test("the same table alone: nothing is said about unread numbers", async () => {
  renderPane(new FakeHost(gridFromRows("Báo cáo 2023", reportRows(), { merges: REPORT_MERGES })));
  await screen.findByTestId("summary");
  expect(screen.queryByTestId("unread")).toBeNull();
});
