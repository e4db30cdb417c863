/** @jest-environment jsdom */
// Issue 23 in the pane (and so in the standalone page, which shows the same pane): the cause first, a way out of
// "unsure", a suspected typo the user settles, titles that match the finding, "Bảng còn N lỗi" above the
// appendix. The engine's new fields (certainty "suggested", the copied-column rule) are being added by the lead;
// until then these tests put them on the engine's own findings through the host's analysis, as the contract says.
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { TableAnalysis } from "../../src/engine";
import type { Finding, WritePlan } from "../../src/engine/report";
import { gridFromRows, type Grid } from "../../src/engine/grid";
import type { Overrides } from "../../src/engine/model";
import { runAnalysis } from "../../src/hosts/analysis";
import type { PaneSettings } from "../../src/hosts/port";
import { PhuLucPane } from "../../src/taskpane/PhuLucPane";
import { AppendixView } from "../../src/taskpane/appendix/AppendixView";
import { FakeHost } from "./fixtures";
import { getCell, reportGrid, reportRows, setCell } from "../engine/fixtures";

class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoopResizeObserver;

/** A host whose analysis is the engine's, with what the lead's engine will add put on by `extend`. */
class ExtendedHost extends FakeHost {
  constructor(
    grid: Grid,
    private extend: (a: TableAnalysis) => void,
  ) {
    super(grid);
  }
  async analyze(grid: Grid, settings: PaneSettings, overrides: Overrides): Promise<TableAnalysis[]> {
    const analyses = runAnalysis(grid, settings, overrides);
    for (const a of analyses) this.extend(a);
    return analyses;
  }
}

function renderPane(host: FakeHost, initialView: "findings" | "table" | "appendix" = "findings") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <PhuLucPane host={host} initialView={initialView} />
    </FluentProvider>,
  );
}

const summary = () => screen.findByTestId("summary");
const listed = () =>
  screen
    .queryAllByTestId("finding")
    .map((e) => `${e.getAttribute("data-cell")} ${e.getAttribute("data-rule")}`);

// A district's table as its office types it: three communes, the first one's poor count typed 2.947 for 2.497.
// By hand: 2.497 / 52.118 = 4,79 % (the rate typed in E4) and 2.497 + 1.812 + 2.051 = 6.360 (the total typed in
// D7); 2.947 agrees with neither.
function districtRows(poorA: number): unknown[][] {
  return [
    ["TỶ LỆ HỘ NGHÈO HUYỆN AN LÃO NĂM 2024"],
    [],
    ["STT", "Tên xã", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ (%)"],
    [1, "Xã An Phú", 52118, poorA, 4.79],
    [2, "Xã Bình Minh", 38640, 1812, 4.69],
    [3, "Xã Cát Tiên", 45305, 2051, 4.53],
    ["", "Tổng cộng", 136063, 6360, 4.67],
  ];
}
const FORMATS = { E4: "0.00", E5: "0.00", E6: "0.00", E7: "0.00", C4: "#,##0", D4: "#,##0", D7: "#,##0" };
const district = (poorA: number) => gridFromRows("Huyện", districtRows(poorA), { formats: FORMATS });

/** The lead's contract: a probable typo the engine does not write comes with certainty "suggested". */
const suggestTypos = (a: TableAnalysis) => {
  for (const f of a.findings)
    if (f.params?.variant === "input-typo") (f as Finding & { certainty?: string }).certainty = "suggested";
};

describe("a suspected typo: Sửa thành 2.497 beside Giá trị này đúng (item 1, page side)", () => {
  test("the card is titled as what it is and offers both decisions; Sửa thành writes 2.497 in D4 only", async () => {
    const host = new ExtendedHost(district(2947), suggestTypos);
    renderPane(host);
    await summary();
    const card = screen.getAllByTestId("finding").find((e) => e.getAttribute("data-cell") === "D4")!;
    expect(card).toBeTruthy();
    expect(card.textContent).toContain("Có thể nhập sai");
    expect(card.textContent).not.toContain("Tổng không khớp");
    expect(within(card).getByRole("button", { name: /Giá trị này đúng/u })).toBeTruthy();
    const fixTo = within(card).getByTestId("fix-to");
    expect(fixTo.textContent).toBe("Sửa thành 2.497");

    fireEvent.click(fixTo);
    await waitFor(() => expect(host.callsTo("applyWrites")).toHaveLength(1));
    const plan = host.callsTo("applyWrites")[0][0] as WritePlan;
    // The user's decision, nothing built on it: one cell, the value only.
    expect(plan.writes).toEqual([{ sheet: "Huyện", cell: "D4", value: 2497 }]);
    // With 2.497 typed the table agrees with itself: nothing left to say.
    await waitFor(async () => expect((await summary()).getAttribute("data-errors")).toBe("0"));
    expect(listed()).toEqual([]);
  });

  test("Giá trị này đúng keeps 2.947 as the user's word (a confirmed cell), nothing is written", async () => {
    const host = new ExtendedHost(district(2947), suggestTypos);
    renderPane(host);
    await summary();
    const card = screen.getAllByTestId("finding").find((e) => e.getAttribute("data-cell") === "D4")!;
    fireEvent.click(within(card).getByRole("button", { name: /Giá trị này đúng/u }));
    await waitFor(() => expect(host.callsTo("saveOverrides")).toHaveLength(1));
    expect((host.callsTo("saveOverrides")[0][1] as Overrides).confirmedCells).toEqual(["D4"]);
    expect(host.callsTo("applyWrites")).toEqual([]);
  });

  test("the clean twin (2.497 typed) shows no card and no button", async () => {
    renderPane(new ExtendedHost(district(2497), suggestTypos));
    expect((await summary()).getAttribute("data-errors")).toBe("0");
    expect(screen.queryByTestId("fix-to")).toBeNull();
    expect(listed()).toEqual([]);
  });
});

describe("the cause first: a column copied from another is one card on top (item 5, issue 19)", () => {
  // Rows of the report: group I on 9 (units 10-12), group II on 13 (units 14-16), the total on 17. The end rate
  // G copied from the start rate E on every body row: nine rates that no longer follow F/C.
  const BODY = [9, 10, 11, 12, 13, 14, 15, 16, 17];
  const copied = () => {
    let rows = reportRows();
    for (const r of BODY) rows = setCell(rows, `G${r}`, getCell(rows, `E${r}`));
    return reportGrid(rows);
  };
  /** What the lead's engine says of it: column G copied from E, from G9, the nine cells related. */
  const nameTheCopy = (a: TableAnalysis) => {
    if (!a.findings.some((f) => f.cell.startsWith("G"))) return;
    // The engine names the copy itself now: the hand-made note stands in for it only where it does not.
    a.findings = a.findings.filter((f) => f.rule !== "copied-column");
    const cause = {
      rule: "copied-column",
      severity: "warning",
      cell: "G9",
      actual: null,
      expected: null,
      related: BODY.map((r) => `G${r}`),
      params: { source: "E", target: "G", same: 9, rows: 9 },
    } as unknown as Finding;
    // A finding the engine happened to give twice is listed once.
    const twice = a.findings.find((f) => f.cell === "G12");
    a.findings.push(cause, ...(twice ? [{ ...twice }] : []));
  };

  test("one card 'Cột G chép từ cột E' on top; the nine rates it explains are inside it, listed once", async () => {
    renderPane(new ExtendedHost(copied(), nameTheCopy));
    await summary();
    const causes = screen.getByTestId("causes");
    const card = within(causes).getByTestId("cause");
    expect(card.getAttribute("aria-label")).toBe("Cột G chép từ cột E");
    // The first card of the list: the cause is what the official reads first.
    expect(document.querySelector("[data-card]")).toBe(card);
    // The rates are not repeated in the lists below.
    expect(listed().filter((l) => l.startsWith("G"))).toEqual([]);
    expect(
      screen.queryAllByTestId("finding-group").filter((g) => g.getAttribute("data-rule") === "rate-mismatch"),
    ).toEqual([]);

    fireEvent.click(within(card).getByRole("button", { name: "Xem 9 phát hiện do lần chép này" }));
    const inside = within(card)
      .getAllByTestId("finding")
      .map((e) => e.getAttribute("data-cell"));
    expect(inside).toEqual(["G9", "G10", "G11", "G12", "G13", "G14", "G15", "G16", "G17"]);
    // Each keeps its own action: the rate is computed, so Sửa.
    expect(within(card).getByRole("button", { name: "Sửa ô G10" })).toBeTruthy();
  });

  test("the engine's own word: the copy of G from E is one card on top, from the real analysis", async () => {
    renderPane(new ExtendedHost(copied(), () => undefined));
    await summary();
    const card = within(screen.getByTestId("causes")).getByTestId("cause");
    expect(card.getAttribute("aria-label")).toBe("Cột G chép từ cột E");
    expect(listed().filter((l) => l.startsWith("G"))).toEqual([]);
  });

  test("the clean twin: no cause card, nothing listed", async () => {
    renderPane(new ExtendedHost(reportGrid(), nameTheCopy));
    expect((await summary()).getAttribute("data-errors")).toBe("0");
    expect(screen.queryByTestId("causes")).toBeNull();
  });
});

test("many info notes fold away until asked for (item 5); a few stay in sight", async () => {
  // Four counts pasted from Word as text (by hand: C4, C5, C6 and D5), nothing else wrong.
  let rows = districtRows(2497);
  rows = setCell(rows, "C4", "52118");
  rows = setCell(rows, "C5", "38640");
  rows = setCell(rows, "C6", "45305");
  rows = setCell(rows, "D5", "1812");
  renderPane(new FakeHost(gridFromRows("Huyện", rows, { formats: FORMATS })));
  expect((await summary()).getAttribute("data-infos")).toBe("4");
  expect(listed()).toEqual([]);
  fireEvent.click(screen.getByRole("button", { name: "Hiện 4 ghi chú" }));
  expect(listed().sort()).toEqual(["C4", "C5", "C6", "D5"].map((c) => `${c} number-as-text`));
  // The value as it is: text in quotes.
  const c4 = screen.getAllByTestId("finding").find((e) => e.getAttribute("data-cell") === "C4")!;
  expect(c4.textContent).toContain('"52118"');
});

describe("a way out of 'unsure' (item 4)", () => {
  // The "poor rate" column holds poor + near-poor over households (by hand: (20+31)/412 = 12,38 %), so the data
  // does not confirm the header's reading.
  const villages = [
    [412, 20, 31],
    [288, 15, 9],
    [530, 31, 12],
    [197, 18, 11],
    [355, 27, 20],
  ];
  const misleading = () =>
    gridFromRows("S", [
      ["STT", "Thôn", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ hộ nghèo (%)", "Số hộ cận nghèo"],
      ...villages.map(([h, p, n], i) => [
        String(i + 1),
        `Thôn ${i + 1}`,
        h,
        p,
        Math.round(((p + n) / h) * 10000) / 100,
        n,
      ]),
    ]);

  test("the card says what the column holds and carries the answer: Đúng, bảng đọc như vậy / Sửa cách đọc", async () => {
    const host = new FakeHost(misleading());
    renderPane(host);
    await summary();
    const card = screen
      .getAllByTestId("finding")
      .find((e) => e.getAttribute("data-rule") === "structure-unsure")!;
    expect(card.textContent).toMatch(
      /Cột E \("Tỷ lệ hộ nghèo \(%\)", ô E1\): ở 5\/5 dòng, E không khớp với D\/C×100/u,
    );
    expect(card.textContent).not.toMatch(/chương trình/u);
    fireEvent.click(within(card).getByTestId("reading-right"));
    await waitFor(() => expect(host.callsTo("saveOverrides")).toHaveLength(1));
    expect(host.callsTo("saveOverrides")[0][1]).toEqual({ columns: { E: { role: "poorRate" } } });
    // Confirmed as read, the rates are checked, and every one of the five is wrong (by hand: 12,38 ≠ 4,85 ...).
    await waitFor(async () => expect((await summary()).getAttribute("data-errors")).toBe("5"));
    expect(screen.queryByTestId("unsure")).toBeNull();
  });

  test("Sửa cách đọc opens the table's reading, which carries the same answer", async () => {
    const host = new FakeHost(misleading());
    renderPane(host);
    await summary();
    fireEvent.click(screen.getByTestId("reading-edit"));
    await waitFor(() =>
      expect(screen.getByRole("tab", { name: "Bảng" }).getAttribute("aria-selected")).toBe("true"),
    );
    // Every role already looks right there (E reads "Tỷ lệ hộ nghèo"): the doubt and its button say so.
    const doubt = await screen.findByTestId("table-doubt");
    expect(doubt.textContent).toContain("Cột E");
    fireEvent.click(within(doubt).getByRole("button", { name: "Đúng, bảng đọc như vậy" }));
    await waitFor(() => expect(host.callsTo("saveOverrides")).toHaveLength(1));
    expect(host.callsTo("saveOverrides")[0][1]).toEqual({ columns: { E: { role: "poorRate" } } });
    await waitFor(() => expect(screen.queryByTestId("table-doubt")).toBeNull());
  });
});

describe("Bảng còn N lỗi above the plan and the appendix (item 2)", () => {
  const view = (grid: Grid, extend: (a: TableAnalysis) => void = () => undefined) => {
    const [analysis] = runAnalysis(grid, { ...new FakeHost(null).settings }, {});
    extend(analysis);
    return render(
      <FluentProvider theme={webLightTheme}>
        <AppendixView host={new FakeHost(grid)} analysis={analysis} lang="vi" grid={grid} />
      </FluentProvider>,
    );
  };

  test("a table with a suspected typo: red, counted, naming the cell", () => {
    view(district(2947), suggestTypos);
    const bar = screen.getByTestId("errors-left");
    expect(bar.textContent).toMatch(/^Bảng còn 1 lỗi\. .*chưa dùng để ký được.*\(D4\)/u);
    expect(screen.getByRole("alert")).toBeTruthy();
  });

  test("the clean twin: no word about errors, nothing to ask before writing", () => {
    view(district(2497), suggestTypos);
    expect(screen.queryByTestId("errors-left")).toBeNull();
    expect(screen.queryByTestId("appendix-allow-errors")).toBeNull();
    expect((screen.getByTestId("appendix-write") as HTMLButtonElement).disabled).toBe(false);
  });

  test("an appendix over an unsettled input is written only when the user asks for it", async () => {
    view(district(2947), suggestTypos);
    const write = screen.getByTestId("appendix-write") as HTMLButtonElement;
    expect(write.disabled).toBe(true);
    fireEvent.click(screen.getByLabelText("Vẫn lập khi bảng còn lỗi (bản nháp, chưa dùng để ký)"));
    expect(write.disabled).toBe(false);
  });
});

describe("the page speaks of files (item 9)", () => {
  test("no guide about sheets and selections once a file is open; the help is written for the page", async () => {
    const host = new FakeHost(district(2497)); // kind "standalone": the page's host
    expect(host.settings.guideDone).toBeUndefined();
    renderPane(host);
    await summary();
    expect(screen.queryByTestId("guide")).toBeNull();
    expect(screen.queryByText(/chọn vùng bảng/u)).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Trợ giúp" }));
    const help = screen.getByTestId("help");
    expect(within(help).getByRole("heading", { name: "Mở tệp" })).toBeTruthy();
    expect(help.textContent).toContain("Tải tệp đã sửa");
    expect(help.textContent).not.toMatch(/trang tính đang mở|vùng bạn chọn/u);
  });
});
