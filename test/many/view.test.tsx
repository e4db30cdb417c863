/** @jest-environment jsdom */
// The pane's "Nhiều tệp" tab: the same jobs as the CLI, on files chosen in the page.
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { analyzeGrid } from "../../src/engine";
import type { AppendixLayout } from "../../src/engine/appendix";
import { ManyFilesView } from "../../src/taskpane/components/ManyFilesView";
import type { PaneHost } from "../../src/hosts/port";
import { gen, gridsOf } from "./helpers";

class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoopResizeObserver;

function fakeHost() {
  const written: AppendixLayout[] = [];
  const host = {
    kind: "standalone",
    writeAppendix: jest.fn(async (layout: AppendixLayout) => {
      written.push(layout);
      return layout.sheetName;
    }),
  } as unknown as PaneHost;
  return { host, written };
}

const fileOf = (name: string, bytes: Uint8Array) =>
  new File([bytes as BlobPart], name, {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });

function pick(input: HTMLElement, files: File[]) {
  Object.defineProperty(input, "files", { value: files, configurable: true });
  fireEvent.change(input);
}

describe("Nhiều tệp", () => {
  const communes = gen.district();

  it("consolidates the chosen files and writes Tổng hợp and Nguồn into the workbook", async () => {
    const { host, written } = fakeHost();
    render(
      <FluentProvider theme={webLightTheme}>
        <ManyFilesView host={host} lang="vi" />
      </FluentProvider>,
    );
    pick(
      screen.getByTestId("many-pick"),
      communes.map((c) => fileOf(c.file, c.bytes)),
    );
    await waitFor(() =>
      expect(screen.getByTestId("many-summary").textContent).toBe("12 đơn vị đưa vào, 2 để ra ngoài."),
    );
    const issues = screen.getByTestId("many-issues").textContent!;
    expect(issues).toMatch(
      /xa-cam-hieu\.xlsx: Xã Cam Hiếu có 1 lỗi, không đưa vào bảng tổng hợp \(đánh dấu “Vẫn đưa vào tệp có lỗi” để vẫn đưa vào\)/,
    );
    fireEvent.click(screen.getByTestId("many-write"));
    await waitFor(() =>
      expect(screen.getByTestId("many-written").textContent).toBe(
        "Đã ghi trang tính mới “Tổng hợp” và “Nguồn”.",
      ),
    );
    expect(written.map((l) => l.sheetName)).toEqual(["Tổng hợp", "Nguồn"]);
    // The total row's households: the sum of the 12 included communes' villages.
    const included = communes.filter((c) => !c.defect || c.defect === "tcvn3");
    const total = written[0].cells.find((c) => c.row === 7 + included.length && c.col === 3);
    expect(total?.value).toBe(included.reduce((a, c) => a + c.totals.households, 0));
    expect(total?.formula).toBe(`=SUM(C7:C${6 + included.length})`);
  });

  it("on the standalone page with no file open: files handed over, the consolidated workbook downloaded", async () => {
    const blobs: Blob[] = [];
    const url = URL as unknown as { createObjectURL: unknown; revokeObjectURL: unknown };
    url.createObjectURL = (b: Blob) => {
      blobs.push(b);
      return "blob:tong-hop";
    };
    url.revokeObjectURL = () => undefined;
    const files = communes.slice(0, 3).map((c) => fileOf(c.file, c.bytes));
    render(
      <FluentProvider theme={webLightTheme}>
        <ManyFilesView lang="vi" initialFiles={files} />
      </FluentProvider>,
    );
    await waitFor(() =>
      expect(screen.getByTestId("many-summary").textContent).toBe("2 đơn vị đưa vào, 1 để ra ngoài."),
    );
    expect(screen.queryByTestId("many-write")).toBeNull();
    expect(screen.queryByTestId("many-cross")).toBeNull();
    fireEvent.click(screen.getByTestId("many-download"));
    await waitFor(() => expect(blobs).toHaveLength(1));
    const bytes = await new Promise<Uint8Array>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
      reader.readAsArrayBuffer(blobs[0]);
    });
    const [main, sources] = gridsOf(bytes);
    expect([main.sheet, sources.sheet]).toEqual(["Tổng hợp", "Nguồn"]);
    // Cam Tuyền and Cam Thành (Cam Hiếu, the third, has a wrong total): households summed by hand.
    const total = communes[0].totals.households + communes[1].totals.households;
    expect(main.cells.flat().some((c) => c?.formula === "=SUM(C7:C8)" && c.value === total)).toBe(true);
  });

  it("a .xls among them blocks writing until the user skips it", async () => {
    const { host } = fakeHost();
    render(
      <FluentProvider theme={webLightTheme}>
        <ManyFilesView host={host} lang="vi" />
      </FluentProvider>,
    );
    pick(screen.getByTestId("many-pick"), [
      fileOf(communes[0].file, communes[0].bytes),
      fileOf("xa-cu.xls", gen.xlsBytes()),
    ]);
    await waitFor(() =>
      expect(screen.getByTestId("many-issues").textContent).toMatch(/nguồn bắt buộc bị thiếu/),
    );
    expect((screen.getByTestId("many-write") as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByLabelText("Bỏ qua tệp không đọc được"));
    await waitFor(() => expect((screen.getByTestId("many-write") as HTMLButtonElement).disabled).toBe(false));
    expect(screen.getByTestId("many-issues").textContent).toMatch(
      /— để ra ngoài \(đã đánh dấu “Bỏ qua tệp không đọc được”\)/,
    );
  });

  it("checks the open district table against the chosen files, and this year against last year", async () => {
    const thuy = communes.find((c) => c.name === "Cam Thủy")!;
    const [district] = gridsOf(
      gen.districtWorkbook(communes, {
        mistakes: [{ commune: "Cam Thủy", field: "households", value: thuy.totals.households + 100 }],
      }),
    );
    const [analysis] = analyzeGrid(district);
    const selected: string[] = [];
    const { host } = fakeHost();
    const view = render(
      <FluentProvider theme={webLightTheme}>
        <ManyFilesView
          host={host}
          lang="vi"
          analysis={analysis}
          grid={district}
          onSelectCell={(c) => selected.push(c)}
        />
      </FluentProvider>,
    );
    pick(
      screen.getByTestId("many-pick"),
      communes.map((c) => fileOf(c.file, c.bytes)),
    );
    const cross = await screen.findByTestId("many-cross");
    const line = within(cross).getByText(/^C12 \(Xã Cam Thủy, Tổng số hộ\): bảng tổng hợp ghi/);
    fireEvent.click(line);
    expect(selected).toEqual(["C12"]);
    view.unmount();

    const pair = gen.yearPair();
    const [current] = gridsOf(pair.current);
    const [thisYear] = analyzeGrid(current);
    render(
      <FluentProvider theme={webLightTheme}>
        <ManyFilesView host={host} lang="vi" analysis={thisYear} grid={current} />
      </FluentProvider>,
    );
    pick(screen.getByTestId("many-last-year"), [fileOf("nam-2023.xlsx", pair.last)]);
    const years = await screen.findByTestId("many-years");
    expect(years.textContent).toMatch(/D9 \(Thôn Phú Ngạn, .*\): đầu năm nay ghi 48, cuối năm trước ghi 45/);
    expect(years.textContent).toMatch(/K10: ghi "Đạt" nhưng chỉ tiêu giảm 6, thực hiện giảm 4/);
  });
});
