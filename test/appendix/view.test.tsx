/** @jest-environment jsdom */
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { analyzeGrid } from "../../src/engine";
import type { AppendixLayout } from "../../src/engine/appendix";
import { AppendixView } from "../../src/taskpane/appendix/AppendixView";
import type { PaneHost } from "../../src/hosts/port";
import { makeFixture, SMALL } from "./fixture";

// jsdom has no ResizeObserver; Fluent's inputs observe their size (browsers all have it).
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoopResizeObserver;

function fakeHost(grid: ReturnType<typeof makeFixture>["grid"]) {
  const written: AppendixLayout[] = [];
  const host = {
    kind: "standalone",
    readGrid: jest.fn(async () => grid),
    writeAppendix: jest.fn(async (layout: AppendixLayout) => {
      written.push(layout);
      return layout.sheetName;
    }),
  } as unknown as PaneHost;
  return { host, written };
}

const setup = (lang: "vi" | "en" = "vi", passGrid = true) => {
  const { grid } = makeFixture(SMALL);
  const [analysis] = analyzeGrid(grid);
  const { host, written } = fakeHost(grid);
  render(
    <FluentProvider theme={webLightTheme}>
      <AppendixView host={host} analysis={analysis} lang={lang} grid={passGrid ? grid : undefined} />
    </FluentProvider>,
  );
  return { host, written };
};

describe("Lập phụ lục", () => {
  it("previews the corrected table with Vietnamese numbers and writes it with one button", async () => {
    const { host, written } = setup();
    const preview = screen.getByTestId("appendix-preview");
    expect(within(preview).getByText("DỰ KIẾN TỶ LỆ HỘ NGHÈO XÃ PHƯỚC AN NĂM 2024")).toBeTruthy();
    expect(within(preview).getByText("Thôn Phú Hòa")).toBeTruthy();
    // total households 1782 shown as 1.782; the recomputed rate of Thôn Phú Hòa as 9,71 (the sheet typed 10,21)
    expect(within(preview).getByText("1.782")).toBeTruthy();
    expect(within(preview).getByText("9,71")).toBeTruthy();
    expect(within(preview).queryByText("10,21")).toBeNull();
    fireEvent.click(screen.getByTestId("appendix-write"));
    await waitFor(() =>
      expect(screen.getByTestId("appendix-result").textContent).toBe(
        "Đã ghi phụ lục vào trang tính mới “Phụ lục”.",
      ),
    );
    expect(host.writeAppendix).toHaveBeenCalledTimes(1);
    expect(written[0].variant).toBe("table");
  });

  it("the title is editable and written in capitals", async () => {
    const { written } = setup();
    fireEvent.change(screen.getByTestId("appendix-title"), {
      target: { value: "Tỷ lệ hộ nghèo xã Phước An" },
    });
    expect(
      within(screen.getByTestId("appendix-preview")).getByText("TỶ LỆ HỘ NGHÈO XÃ PHƯỚC AN"),
    ).toBeTruthy();
    fireEvent.click(screen.getByTestId("appendix-write"));
    await waitFor(() => expect(written).toHaveLength(1));
    expect(written[0].cells.find((c) => c.row === 1)?.value).toBe("TỶ LỆ HỘ NGHÈO XÃ PHƯỚC AN");
  });

  it("plan: a target is allocated in the preview; an impossible one is explained and cannot be written", async () => {
    const { written } = setup();
    fireEvent.click(screen.getByLabelText("Dự kiến năm sau (phân bổ chỉ tiêu)"));
    expect(screen.getByTestId("appendix-error").textContent).toBe("Nhập chỉ tiêu giảm để xem phân bổ.");
    expect((screen.getByTestId("appendix-write") as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId("appendix-target"), { target: { value: "200" } });
    expect(screen.getByTestId("appendix-error").textContent).toBe(
      "Chỉ tiêu giảm 200 hộ vượt quá tổng số hộ nghèo của các đơn vị (181 hộ).",
    );
    expect((screen.getByTestId("appendix-write") as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId("appendix-target"), { target: { value: "30" } });
    expect(screen.queryByTestId("appendix-error")).toBeNull();
    const preview = screen.getByTestId("appendix-preview");
    expect(within(preview).getByText("Hộ nghèo đầu năm 2025")).toBeTruthy();
    fireEvent.click(screen.getByTestId("appendix-write"));
    await waitFor(() => expect(written).toHaveLength(1));
    const reductions = written[0].cells
      .filter((c) => c.col === 6 && c.row >= 7 && !c.formula)
      .map((c) => c.value);
    expect(reductions).toEqual([7, 5, 9, 3, 6]);
  });

  it("plan by each unit's weight, typed in the page (issue 23 item 12)", async () => {
    const { written } = setup();
    fireEvent.click(screen.getByLabelText("Dự kiến năm sau (phân bổ chỉ tiêu)"));
    fireEvent.change(screen.getByTestId("appendix-target"), { target: { value: "10" } });
    const method = screen.getByTestId("appendix-method") as HTMLSelectElement;
    fireEvent.change(method, { target: { value: "weights" } });
    // Every unit starts at 1: equal shares, 10 over five units = 2 each.
    const weight = (unit: string) => screen.getByLabelText(`Trọng số của ${unit}`);
    expect((weight("Thôn Phú Hòa") as HTMLInputElement).value).toBe("1");
    // All the weight on Phú Hòa (2) and Đông Bình (3): by hand 10 × 2/5 = 4 and 10 × 3/5 = 6.
    for (const unit of ["Thôn An Lạc", "Thôn Tân Thành", "Thôn Hòa Bình"])
      fireEvent.change(weight(unit), { target: { value: "0" } });
    fireEvent.change(weight("Thôn Phú Hòa"), { target: { value: "2" } });
    fireEvent.change(weight("Thôn Đông Bình"), { target: { value: "3" } });
    expect(screen.queryByTestId("appendix-error")).toBeNull();
    fireEvent.click(screen.getByTestId("appendix-write"));
    await waitFor(() => expect(written).toHaveLength(1));
    const reductions = written[0].cells
      .filter((c) => c.col === 6 && c.row >= 7 && !c.formula)
      .map((c) => c.value);
    expect(reductions).toEqual([4, 0, 6, 0, 0]);
  });

  it("reads the grid from the host when the pane does not pass it; English on request", async () => {
    const { host } = setup("en", false);
    await waitFor(() => expect(screen.getByTestId("appendix-preview")).toBeTruthy());
    expect(host.readGrid).toHaveBeenCalled();
    expect(within(screen.getByTestId("appendix-preview")).getByText("1,782")).toBeTruthy();
    expect(screen.getByText("Write the appendix to a new sheet")).toBeTruthy();
  });
});

describe("Lập phụ lục on a table read in doubt", () => {
  it("builds nothing, says why, and cannot write", async () => {
    // Rates copied from the near-poor column: the engine is unsure of its reading.
    const rows: [string, number, number, number][] = [
      ["Thôn Đông", 412, 21, 33],
      ["Thôn Tây", 1518, 47, 60],
      ["Thôn Nam", 530, 35, 41],
      ["Thôn Bắc", 250, 12, 30],
      ["Thôn Trung", 355, 18, 22],
    ];
    const rate = (part: number, whole: number) => Math.round((part / whole) * 10000) / 100;
    const cell = (value: string | number) => ({ value });
    const grid = {
      sheet: "Nghi ngờ",
      top: 1,
      left: 1,
      merges: [],
      cells: [
        ["STT", "Thôn", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ hộ nghèo (%)", "Số hộ cận nghèo"].map(cell),
        ...rows.map(([name, h, p, c], i) => [i + 1, name, h, p, rate(c, h), c].map(cell)),
      ],
    };
    const [analysis] = analyzeGrid(grid);
    expect(analysis.unsure).toBe(true);
    const { host } = fakeHost(grid);
    render(
      <FluentProvider theme={webLightTheme}>
        <AppendixView host={host} analysis={analysis} lang="vi" grid={grid} />
      </FluentProvider>,
    );
    expect(screen.getByTestId("appendix-error").textContent).toMatch(
      /^Chưa lập phụ lục: chưa chắc bảng được đọc đúng/,
    );
    expect(screen.queryByTestId("appendix-preview")).toBeNull();
    fireEvent.click(screen.getByTestId("appendix-write"));
    expect(host.writeAppendix).not.toHaveBeenCalled();
  });
});
