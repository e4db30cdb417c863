/** @jest-environment jsdom */
// The pane's "Lời văn" view over the pane's own sample plan: the paragraph written from the table, a line per
// unit on request, and the copy button.
import * as React from "react";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { PhuLucPane } from "../../src/taskpane/PhuLucPane";
import { FakeHost, planSheet } from "../taskpane/fixtures";

class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoopResizeObserver;

test("Lời văn: the plan's paragraph from the checked table, units on request, copied to the clipboard", async () => {
  let copied = "";
  Object.defineProperty(navigator, "clipboard", {
    configurable: true,
    value: { writeText: async (t: string) => void (copied = t) },
  });
  render(
    <FluentProvider theme={webLightTheme}>
      <PhuLucPane host={new FakeHost(planSheet())} initialView="prose" />
    </FluentProvider>,
  );
  const box = (await screen.findByRole("textbox", { name: "Lời văn" })) as HTMLTextAreaElement;
  // The sheet's total says 1.437 households; its units add up to 412 + 288 + 530 + 197 = 1.427, and the text
  // follows the units: 78/1427 = 5,466 → 5,47 %.
  expect(box.value).toBe(
    "Dự kiến năm 2024, toàn xã có 1.427 hộ, trong đó có 78 hộ nghèo, chiếm tỷ lệ 5,47%.",
  );
  expect(screen.getByText(/Bảng còn \d+ lỗi/)).toBeTruthy();
  fireEvent.click(screen.getByRole("switch", { name: "Thêm từng đơn vị" }));
  expect(box.value.split("\n")).toContain("- Thôn Đông: 412 hộ, 20 hộ nghèo (4,85%)."); // 20/412 = 4,854
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "Sao chép đoạn văn" }));
  });
  expect(copied).toBe(box.value);
  expect(screen.getByText("Đã sao chép.").getAttribute("role")).toBe("status");
});
