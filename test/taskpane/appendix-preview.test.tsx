/** @jest-environment jsdom */
// Issue 19: the appendix preview showed a rate stored as a fraction under "0.00%" as 0,0579 instead of 5,79.
// A hand-made layout of one unit row, the way a district that keeps rates as fractions types them.
import * as React from "react";
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { AppendixLayout } from "../../src/engine/appendix";
import { AppendixPreview } from "../../src/taskpane/appendix/AppendixView";

const layout: AppendixLayout = {
  sheetName: "Phụ lục",
  cells: [
    { row: 1, col: 1, value: "Tên thôn", style: { bold: true } },
    { row: 1, col: 2, value: "Tổng số hộ", style: { bold: true } },
    { row: 1, col: 3, value: "Số hộ nghèo", style: { bold: true } },
    { row: 1, col: 4, value: "Tỷ lệ (%)", style: { bold: true } },
    { row: 2, col: 1, value: "Thôn Đông" },
    { row: 2, col: 2, value: 3761, style: { numberFormat: "#,##0" } },
    { row: 2, col: 3, value: 218, style: { numberFormat: "#,##0" } },
    // 218 / 3761 = 0,057963...: Excel shows "5,80%" under 0.00%
    { row: 2, col: 4, value: 218 / 3761, formula: "=C2/B2", style: { numberFormat: "0.00%" } },
    { row: 3, col: 1, value: "Thôn Tây" },
    { row: 3, col: 2, value: 1000, style: { numberFormat: "#,##0" } },
    { row: 3, col: 3, value: 57.9, style: { numberFormat: "#,##0" } },
    { row: 3, col: 4, value: 0.0579, style: { numberFormat: "0.00%" } },
  ],
  merges: [],
  columnWidths: [20, 12, 12, 12],
  printTitleRows: [1, 1],
  page: { paper: "A4", orientation: "portrait", fitToWidth: true },
  fontName: "Times New Roman",
};

function cellText(row: number, col: number): string {
  const table = screen.getByRole("table");
  return (table.querySelectorAll("tr")[row - 1].children[col - 1] as HTMLElement).textContent ?? "";
}

test("a fraction under 0.00% previews as its percentage, counts with Vietnamese thousands", () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <AppendixPreview layout={layout} lang="vi" />
    </FluentProvider>,
  );
  expect(cellText(3, 4)).toBe("5,79%");
  expect(cellText(2, 4)).toBe("5,80%");
  expect(cellText(2, 2)).toBe("3.761");
  expect(screen.getByRole("table").textContent).not.toContain("0,0579");
});

test("English separators on request", () => {
  render(
    <FluentProvider theme={webLightTheme}>
      <AppendixPreview layout={layout} lang="en" />
    </FluentProvider>,
  );
  expect(cellText(3, 4)).toBe("5.79%");
  expect(cellText(2, 2)).toBe("3,761");
});
