/** @jest-environment jsdom */
// Years as columns in the pane and the page (issue 18.3): the findings of an indicator table with years as
// columns are shown as findings, and nothing is written to it: no fix, no marks, said in the pane's words.
import * as React from "react";
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { gridFromRows } from "../../src/engine/grid";
import { PhuLucPane } from "../../src/taskpane/PhuLucPane";
import { planFixAll, runAnalysis } from "../../src/hosts/analysis";
import { DEFAULT_SETTINGS } from "../../src/hosts/port";
import { FakeHost } from "./fixtures";

class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoopResizeObserver;

const H = [12400, 12610, 12800, 12950, 13100];
const P = [1120, 980, 840, 690, 560];
// 1.120 / 12.400 = 9,03; 980 / 12.610 = 7,77; 840 / 12.800 = 6,56; 690 / 12.950 = 5,33; 560 / 13.100 = 4,27
const RATES = [9.03, 7.77, 6.56, 5.33, 4.27];
const indicators = (rate2018 = 6.56) =>
  gridFromRows("Chỉ tiêu", [
    ["Chỉ tiêu", "Năm 2016", "Năm 2017", "Năm 2018", "Năm 2019", "Năm 2020"],
    ["Tổng số hộ", ...H],
    ["Số hộ nghèo", ...P],
    ["Tỷ lệ hộ nghèo (%)", RATES[0], RATES[1], rate2018, RATES[3], RATES[4]],
  ]);

const renderPane = (host: FakeHost) =>
  render(
    <FluentProvider theme={webLightTheme}>
      <PhuLucPane host={host} initialView="findings" />
    </FluentProvider>,
  );

test("runAnalysis (the pane's and the page's door) reads it: the finding on its cell, nothing to write", () => {
  const [analysis] = runAnalysis(indicators(7.56), DEFAULT_SETTINGS, {});
  expect(analysis.readOnly).toBe("years");
  expect(analysis.findings.map((f) => [f.cell, f.rule])).toEqual([["D4", "rate-mismatch"]]);
  expect(analysis.findings[0].message).toBe("Tỷ lệ sai: ô D4 ghi 7,56, tính từ D3/D2×100 được 6,56.");
  const plan = planFixAll(analysis, DEFAULT_SETTINGS, indicators(7.56));
  expect(plan.refused).toBe(true);
  expect(plan.plan.writes).toEqual([]);
});

test("the pane shows the finding of a years table and says it only checks; no marks are written", async () => {
  const host = new FakeHost(indicators(7.56));
  renderPane(host);
  const summary = await screen.findByTestId("summary");
  expect(summary.getAttribute("data-errors")).toBe("1");
  const cards = await screen.findAllByTestId("finding");
  expect(cards.map((c) => c.textContent).join(" ")).toContain("ô D4 ghi 7,56");
  expect(screen.getByTestId("unsure").textContent).toBe(
    "Bảng chỉ tiêu theo năm: chỉ kiểm tra, không ghi gì vào bảng (không sửa, không đánh dấu, không lập phụ lục).",
  );
  expect(screen.queryByText(/không tìm thấy bảng/i)).toBeNull();
  expect(host.callsTo("markFindings")).toEqual([]);
  expect(host.callsTo("applyWrites")).toEqual([]);
});

test("its clean twin: no findings, the table is read", async () => {
  renderPane(new FakeHost(indicators()));
  const summary = await screen.findByTestId("summary");
  expect(summary.getAttribute("data-errors")).toBe("0");
  expect(summary.getAttribute("data-warnings")).toBe("0");
  expect(screen.queryAllByTestId("finding")).toEqual([]);
});

test("the clean twin read whole: no 'not read' bar (its rows are the years' indicators, all read)", async () => {
  renderPane(new FakeHost(indicators()));
  await screen.findByTestId("summary");
  expect(screen.queryByTestId("unread")).toBeNull();
});

test("a column whose heading is not one year but holds numbers: the pane says it was not read", async () => {
  const grid = gridFromRows("Chỉ tiêu", [
    ["Chỉ tiêu", "Năm 2016", "Năm 2017", "Năm 2018", "Giai đoạn 2016-2018"],
    ["Tổng số hộ", H[0], H[1], H[2], null],
    ["Số hộ nghèo", P[0], P[1], P[2], null],
    ["Tỷ lệ hộ nghèo (%)", RATES[0], RATES[1], RATES[2], 2.47],
    ["Số hộ thoát nghèo", null, 140, 140, 280],
  ]);
  renderPane(new FakeHost(grid));
  const bar = await screen.findByTestId("unread");
  expect(bar.textContent).toContain("cột ở E1:E5");
});

describe("every other view of the pane over a years table: shown, nothing offered to write", () => {
  for (const view of ["table", "appendix", "prose"] as const) {
    test(`${view}: renders without a crash, no error on the console, nothing written`, async () => {
      const errors: unknown[] = [];
      const spy = jest.spyOn(console, "error").mockImplementation((...a) => void errors.push(a));
      const host = new FakeHost(indicators(7.56));
      render(
        <FluentProvider theme={webLightTheme}>
          <PhuLucPane host={host} initialView={view} />
        </FluentProvider>,
      );
      await screen.findByTestId("summary");
      // The pane's own words stay in place of the view's content: no stack trace, no "undefined".
      expect(document.body.textContent ?? "").not.toMatch(/undefined|NaN|TypeError/);
      expect(host.callsTo("applyWrites")).toEqual([]);
      expect(host.callsTo("markFindings")).toEqual([]);
      if (view === "appendix")
        await screen.findByText("Bảng chỉ tiêu theo năm: chỉ kiểm tra, không lập phụ lục từ bảng này.");
      spy.mockRestore();
      expect(errors).toEqual([]);
    });
  }
});
