/** @jest-environment jsdom */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { Finding, WritePlan } from "../../src/engine/report";
import { gridFromRows, parseA1 } from "../../src/engine/grid";
import { hasFixAllWork, planFixAll, readingUncertain, runAnalysis } from "../../src/hosts/analysis";
import { nationalGroups, shapeGrid, shapeRows } from "../engine/shapes";
import { PhuLucPane, type PaneView } from "../../src/taskpane/PhuLucPane";
import { createNoticeChannel } from "../../src/taskpane/notices";
import { cleanSheet, FakeHost, planSheet } from "./fixtures";
import { reportGrid, reportRows, setCell } from "../engine/fixtures";

// jsdom has no ResizeObserver; Fluent's Toolbar and TabList observe their size (browsers all have it).
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoopResizeObserver;

function renderPane(host: FakeHost, initialView: PaneView = "findings") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <PhuLucPane host={host} initialView={initialView} />
    </FluentProvider>,
  );
}

async function summary() {
  return screen.findByTestId("summary");
}

function findingCells(): string[] {
  return screen
    .queryAllByTestId("finding")
    .map((el) => `${el.getAttribute("data-cell")} ${el.getAttribute("data-rule")}`);
}

function finding(cell: string): HTMLElement {
  const el = screen.getAllByTestId("finding").find((e) => e.getAttribute("data-cell") === cell);
  if (!el) throw new Error(`no finding on ${cell}; have ${findingCells().join(", ")}`);
  return el;
}

describe("findings", () => {
  test("are grouped by severity with counts, each with cell, message, actual and expected", async () => {
    renderPane(new FakeHost(planSheet()));
    const s = await summary();
    // Planted: C11 total and E9 rate wrong (errors), E10 truncated (warning), D8 typed as text.
    expect(s.getAttribute("data-errors")).toBe("2");
    expect(s.getAttribute("data-warnings")).toBe("1");
    expect(within(s).getByText("Lỗi")).toBeTruthy();
    expect(findingCells().sort()).toEqual(
      ["C11 sum-mismatch", "D8 number-as-text", "E10 rate-rounding", "E9 rate-mismatch"].sort(),
    );
    expect(finding("E9").getAttribute("data-severity")).toBe("error");
    expect(finding("E10").getAttribute("data-severity")).toBe("warning");

    const errors = screen.getByRole("heading", { name: /Lỗi/ });
    expect(errors.textContent).toContain("2");
    const warnings = screen.getByRole("heading", { name: /Cảnh báo/ });
    expect(warnings.textContent).toContain("1");

    const c11 = finding("C11");
    expect(c11.textContent).toContain("C11");
    expect(c11.textContent).toContain("Tổng không khớp");
    // actual and expected in Vietnamese number style
    expect(c11.textContent).toContain("1.437");
    expect(c11.textContent).toContain("1.427");
    expect(finding("E9").textContent).toContain("5,66");
  });

  test("clicking a finding, or Enter on it, goes to its cell", async () => {
    const host = new FakeHost(planSheet());
    renderPane(host);
    await summary();
    fireEvent.click(finding("E9"));
    await waitFor(() => expect(host.callsTo("selectCell")).toEqual([["Thôn 2024", "E9"]]));
    finding("C11").focus();
    expect(document.activeElement).toBe(finding("C11"));
    fireEvent.keyDown(finding("C11"), { key: "Enter" });
    await waitFor(() => expect(host.callsTo("selectCell")[1]).toEqual(["Thôn 2024", "C11"]));
  });

  test("Sửa writes only that finding's cell, with its formula, and the checks run again", async () => {
    const host = new FakeHost(planSheet());
    renderPane(host);
    await summary();
    fireEvent.click(within(finding("E9")).getByRole("button", { name: "Sửa ô E9" }));
    await waitFor(() => expect(host.callsTo("applyWrites")).toHaveLength(1));
    const plan = host.callsTo("applyWrites")[0][0] as WritePlan;
    expect(plan.writes).toHaveLength(1);
    expect(plan.writes[0]).toMatchObject({
      sheet: "Thôn 2024",
      cell: "E9",
      value: 5.66,
      formula: "=ROUND(D9/C9*100,2)",
    });
    // Clicking Sửa does not also go to the cell.
    expect(host.callsTo("selectCell")).toHaveLength(0);
    await waitFor(() => expect(findingCells()).not.toContain("E9 rate-mismatch"));
    expect((await summary()).getAttribute("data-errors")).toBe("1");
  });

  test("Sửa tất cả says first what it will write, writes on confirmation, shows the changes; Hoàn tác restores", async () => {
    const host = new FakeHost(planSheet());
    renderPane(host);
    await summary();
    fireEvent.click(screen.getByRole("button", { name: "Sửa tất cả" }));
    const confirm = await screen.findByTestId("fix-all-confirm");
    // Nothing is written before the user agrees.
    expect(host.callsTo("applyWrites")).toHaveLength(0);
    // By hand from the planted defects: the value changes in C11 (1437 → 1427), E9 (5,6 → 5,66), E10 (6,59 →
    // 6,60) and D8 (text "15" → 15); D11 (78), E7, E8 and E11 keep their value and only become formulas.
    expect(within(confirm).getByTestId("fix-all-summary").textContent).toBe(
      "4 ô sửa lỗi, 4 ô chuyển sang công thức",
    );
    const listed = (id: string) =>
      Array.from(within(confirm).getByTestId(id).querySelectorAll("li"))
        .map((li) => li.getAttribute("data-cell"))
        .sort();
    expect(listed("fix-all-fixes")).toEqual(["C11", "D8", "E10", "E9"]);
    expect(listed("fix-all-formulas")).toEqual(["D11", "E11", "E7", "E8"]);
    expect(within(confirm).getByTestId("fix-all-fixes").textContent).toContain("C11: 1.437 → 1.427");

    fireEvent.click(within(confirm).getByRole("button", { name: "Ghi 8 ô" }));
    await waitFor(() => expect(host.callsTo("applyWrites")).toHaveLength(1));
    const plan = host.callsTo("applyWrites")[0][0] as WritePlan;
    const cells = plan.writes.map((w) => w.cell);
    expect(cells.sort()).toEqual(["C11", "D11", "D8", "E10", "E11", "E7", "E8", "E9"]);
    expect(plan.writes.find((w) => w.cell === "C11")).toMatchObject({ value: 1427, formula: "=SUM(C7:C10)" });
    await waitFor(async () => expect((await summary()).getAttribute("data-errors")).toBe("0"));
    expect((await summary()).getAttribute("data-warnings")).toBe("0");
    const changes = await screen.findByTestId("changes");
    expect(changes.querySelectorAll("li")).toHaveLength(8);
    // Values as the cells show them (0.00), text in quotes (issue 23 item 7).
    expect(changes.textContent).toContain("E9: 5,60 → 5,66");
    expect(changes.textContent).toContain('D8: "15" → 15');

    const undo = screen.getByRole("button", { name: "Hoàn tác" });
    await waitFor(() => expect((undo as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(undo);
    await waitFor(() => expect(host.callsTo("undo")).toHaveLength(1));
    await waitFor(async () => expect((await summary()).getAttribute("data-errors")).toBe("2"));
    // State follows the sheet (issue 23 item 10): what was written is undone, so the list of it goes.
    expect(screen.queryByTestId("changes")).toBeNull();
  });

  test("Sửa tất cả without the formula conversions writes only the 4 cells whose value changes", async () => {
    const host = new FakeHost(planSheet());
    renderPane(host);
    await summary();
    fireEvent.click(screen.getByRole("button", { name: "Sửa tất cả" }));
    const confirm = await screen.findByTestId("fix-all-confirm");
    fireEvent.click(within(confirm).getByRole("checkbox"));
    expect(within(confirm).getByTestId("fix-all-summary").textContent).toBe(
      "4 ô sửa lỗi, 0 ô chuyển sang công thức",
    );
    fireEvent.click(within(confirm).getByRole("button", { name: "Ghi 4 ô" }));
    await waitFor(() => expect(host.callsTo("applyWrites")).toHaveLength(1));
    const plan = host.callsTo("applyWrites")[0][0] as WritePlan;
    expect(plan.writes.map((w) => w.cell).sort()).toEqual(["C11", "D8", "E10", "E9"]);
  });

  test("Hủy writes nothing", async () => {
    const host = new FakeHost(planSheet());
    renderPane(host);
    await summary();
    fireEvent.click(screen.getByRole("button", { name: "Sửa tất cả" }));
    fireEvent.click(
      within(await screen.findByTestId("fix-all-confirm")).getByRole("button", { name: "Hủy" }),
    );
    expect(screen.queryByTestId("fix-all-confirm")).toBeNull();
    expect(host.callsTo("applyWrites")).toHaveLength(0);
  });

  test("a clean table in values mode: Sửa tất cả is disabled and writes nothing", async () => {
    const host = new FakeHost(cleanSheet());
    host.settings = { ...host.settings, writeFormulas: false };
    renderPane(host);
    await summary();
    const button = screen.getByRole("button", { name: "Sửa tất cả" }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.click(button);
    expect(host.callsTo("applyWrites")).toHaveLength(0);
  });

  test("a clean table: fix-all offers only formula conversions, none of which changes a value", async () => {
    const host = new FakeHost(cleanSheet());
    renderPane(host);
    await summary();
    fireEvent.click(screen.getByRole("button", { name: "Sửa tất cả" }));
    const confirm = await screen.findByTestId("fix-all-confirm");
    expect(within(confirm).queryByTestId("fix-all-fixes")).toBeNull();
    expect(within(confirm).getByTestId("fix-all-summary").textContent).toMatch(/^0 ô sửa lỗi, \d+ ô chuyển/);
    fireEvent.click(within(confirm).getByRole("button", { name: /^Ghi \d+ ô$/ }));
    await waitFor(() => expect(host.callsTo("applyWrites")).toHaveLength(1));
    const before = cleanSheet();
    const plan = host.callsTo("applyWrites")[0][0] as WritePlan;
    for (const w of plan.writes) {
      const { row, col } = parseA1(w.cell);
      expect(w.value).toBe(before.cells[row - before.top][col - before.left]?.value);
    }
  });

  test("marks follow every check: errors and warnings, not infos; a fixed cell loses its mark", async () => {
    const host = new FakeHost(planSheet());
    renderPane(host);
    await summary();
    await waitFor(() => expect(host.callsTo("markFindings").length).toBeGreaterThanOrEqual(1));
    const [sheet, marked] = host.callsTo("markFindings").at(-1) as [string, Finding[]];
    expect(sheet).toBe("Thôn 2024");
    expect(marked.every((f) => f.severity !== "info")).toBe(true);
    expect(marked.map((f) => f.cell)).toEqual(expect.arrayContaining(["C11", "E10", "E9"]));
    // Fix E9: the marks are redrawn without it.
    fireEvent.click(within(finding("E9")).getByRole("button", { name: "Sửa ô E9" }));
    await waitFor(() => {
      const last = host.callsTo("markFindings").at(-1) as [string, Finding[]];
      expect(last[1].map((f) => f.cell)).not.toContain("E9");
    });
    const last = host.callsTo("markFindings").at(-1) as [string, Finding[]];
    expect(last[1].map((f) => f.cell)).toEqual(expect.arrayContaining(["C11", "E10"]));
  });

  test("with marks turned off, a check clears them instead", async () => {
    const host = new FakeHost(planSheet());
    host.settings = { ...host.settings, marks: false };
    renderPane(host);
    await summary();
    await waitFor(() => expect(host.callsTo("clearMarks")).toEqual([["Thôn 2024"]]));
    expect(host.callsTo("markFindings")).toHaveLength(0);
  });

  test("Xóa đánh dấu clears the marks, Đánh dấu draws them again", async () => {
    const host = new FakeHost(planSheet());
    renderPane(host);
    await summary();
    await waitFor(() => expect(host.callsTo("markFindings")).toHaveLength(1));
    fireEvent.click(screen.getByRole("button", { name: "Xóa đánh dấu" }));
    await waitFor(() => expect(host.callsTo("clearMarks")).toEqual([["Thôn 2024"]]));
    fireEvent.click(screen.getByRole("button", { name: "Đánh dấu" }));
    await waitFor(() => expect(host.callsTo("markFindings")).toHaveLength(2));
  });

  test("after Sửa by keyboard the focus goes to the next finding, not to the page", async () => {
    const host = new FakeHost(planSheet());
    renderPane(host);
    await summary();
    const fix = within(finding("E9")).getByRole("button", { name: "Sửa ô E9" });
    fix.focus();
    fireEvent.click(fix);
    await waitFor(() => expect(findingCells()).not.toContain("E9 rate-mismatch"));
    await waitFor(() => expect(document.activeElement?.getAttribute("data-testid")).toBe("finding"));
    expect(document.activeElement).not.toBe(document.body);
  });

  test("a reading the engine is unsure of: fix-all plans nothing", () => {
    const host = new FakeHost(planSheet());
    // A national table whose "poor rate" column really holds poor + near-poor: no reading of it holds.
    const grid = shapeGrid(
      shapeRows(nationalGroups(6, 3, 6), {
        poorRateOf: (u) => Math.round(((u.poor + u.nearPoor) / u.households) * 10000) / 100,
      }),
    );
    const [analysis] = runAnalysis(grid, host.settings, {});
    expect(analysis.findings.map((f) => f.rule)).toEqual(["structure-unsure"]);
    expect(readingUncertain(analysis)).toBe(true);
    expect(hasFixAllWork(analysis, host.settings, grid)).toBe(false);
    const pending = planFixAll(analysis, host.settings, grid);
    expect(pending.refused).toBe(true);
    expect(pending.plan.writes).toEqual([]);
    // Its clean twin (the rate over poor households only) is read and may be written.
    const twin = runAnalysis(shapeGrid(shapeRows(nationalGroups(6, 3, 6))), host.settings, {})[0];
    expect(readingUncertain(twin)).toBe(false);
    expect(twin.findings.filter((f) => f.rule === "structure-unsure")).toEqual([]);
  });
  test("a clean table: the summary appears and says so, no finding", async () => {
    renderPane(new FakeHost(cleanSheet()));
    const s = await summary();
    expect(s.getAttribute("data-errors")).toBe("0");
    expect(s.textContent).toContain("Không phát hiện lỗi");
    expect(screen.queryAllByTestId("finding")).toHaveLength(0);
  });

  test("an empty sheet: the summary still appears, with a message", async () => {
    renderPane(new FakeHost(null));
    const s = await summary();
    expect(s.textContent).toContain("Trang tính đang trống");
  });

  test("a host failure is shown as a message, not thrown", async () => {
    const host = new FakeHost(planSheet());
    host.readGrid = async () => {
      throw new Error('trang tính "Thôn 2024", ô C4: không đọc được');
    };
    renderPane(host);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Không đọc được trang tính");
    expect(alert.textContent).toContain("ô C4");
  });
});

describe("settings", () => {
  test("switching to English re-labels the pane, re-runs the checks in English, and is saved", async () => {
    const host = new FakeHost(planSheet());
    renderPane(host, "settings");
    await summary();
    fireEvent.click(screen.getByLabelText("English"));
    await waitFor(() => expect(host.callsTo("saveSettings")).toHaveLength(1));
    expect(host.callsTo("saveSettings")[0][0]).toMatchObject({
      lang: "en",
      rounding: "half-up",
      rateDecimals: 2,
    });
    await screen.findByRole("tab", { name: "Findings" });
    fireEvent.click(screen.getByRole("tab", { name: "Findings" }));
    expect(finding("C11").textContent).toContain("Total does not add up");
    expect(screen.getByRole("button", { name: "Fix all" })).toBeTruthy();
  });

  test("values mode: Sửa writes the value without a formula", async () => {
    const host = new FakeHost(planSheet());
    host.settings = { ...host.settings, writeFormulas: false };
    renderPane(host);
    await summary();
    fireEvent.click(within(finding("C11")).getByRole("button", { name: "Sửa ô C11" }));
    await waitFor(() => expect(host.callsTo("applyWrites")).toHaveLength(1));
    const plan = host.callsTo("applyWrites")[0][0] as WritePlan;
    expect(plan.writes).toEqual([expect.objectContaining({ cell: "C11", value: 1427 })]);
    expect(plan.writes[0].formula).toBeUndefined();
  });

  test("truncation as the office's convention: the truncated rate is not flagged", async () => {
    const host = new FakeHost(planSheet());
    host.settings = { ...host.settings, rounding: "truncate" };
    renderPane(host);
    const s = await summary();
    expect(s.getAttribute("data-warnings")).toBe("0");
    expect(findingCells()).not.toContain("E10 rate-rounding");
    expect(findingCells()).toContain("E9 rate-mismatch");
  });
});

describe("what the engine understood", () => {
  test("shows columns with roles and rows with kinds", async () => {
    renderPane(new FakeHost(planSheet()), "table");
    await summary();
    const roles = screen
      .getAllByTestId("column-row")
      .map((r) => `${r.getAttribute("data-column")}=${r.getAttribute("data-role")}`);
    expect(roles).toEqual(["A=rowNumber", "B=unitName", "C=households", "D=poorHouseholds", "E=poorRate"]);
    const d = screen.getByLabelText("Vai trò của cột D") as HTMLSelectElement;
    expect(d.selectedOptions[0].textContent).toBe("Số hộ nghèo");
    const kinds = screen.getAllByTestId("table-row").map((r) => r.getAttribute("data-kind"));
    expect(kinds).toEqual(["unit", "unit", "unit", "unit", "total"]);
  });

  test("correcting a column role saves it for the sheet and re-runs the checks", async () => {
    const host = new FakeHost(planSheet());
    renderPane(host, "table");
    await summary();
    await act(async () => {
      fireEvent.change(screen.getByLabelText("Vai trò của cột D"), { target: { value: "other" } });
    });
    await waitFor(() => expect(host.callsTo("saveOverrides")).toHaveLength(1));
    expect(host.callsTo("saveOverrides")[0]).toEqual(["Thôn 2024", { columns: { D: { role: "other" } } }]);
    // Without poor households the rates cannot be checked: only the households total is left.
    await waitFor(async () => expect((await summary()).getAttribute("data-errors")).toBe("1"));
    expect((await summary()).getAttribute("data-warnings")).toBe("0");
    expect(screen.getByText("đã sửa")).toBeTruthy();
  });

  test("correcting a row kind: a total read as a unit is no longer checked as a total", async () => {
    const host = new FakeHost(planSheet());
    renderPane(host, "table");
    await summary();
    // A row's kind is a button until the user asks to change it (10,000 dropdowns froze the page).
    fireEvent.click(screen.getByRole("button", { name: /đổi loại của dòng 11$/ }));
    await act(async () => {
      fireEvent.change(screen.getByLabelText("Loại của dòng 11"), { target: { value: "unit" } });
    });
    await waitFor(() => expect(host.callsTo("saveOverrides")).toHaveLength(1));
    expect(host.callsTo("saveOverrides")[0]).toEqual(["Thôn 2024", { rows: { 11: "unit" } }]);
    fireEvent.click(screen.getByRole("tab", { name: "Kết quả" }));
    await waitFor(() => expect(findingCells()).not.toContain("C11 sum-mismatch"));
  });

  test("saved corrections are used when the pane opens", async () => {
    const host = new FakeHost(planSheet());
    host.overrides.set("Thôn 2024", { columns: { D: { role: "other" } } });
    renderPane(host);
    const s = await summary();
    expect(host.callsTo("loadOverrides")).toEqual([["Thôn 2024"]]);
    expect(s.getAttribute("data-errors")).toBe("1");
    expect(findingCells()).toEqual(["C11 sum-mismatch"]);
  });
});

describe("keyboard", () => {
  test("findings and toolbar buttons are reachable and labelled", async () => {
    renderPane(new FakeHost(planSheet()));
    await summary();
    for (const el of screen.getAllByTestId("finding")) {
      expect(el.tabIndex).toBe(0);
      expect(el.getAttribute("aria-label")).toMatch(/^Đến ô [A-Z]+\d+: /);
    }
    for (const name of ["Kiểm tra", "Sửa tất cả", "Hoàn tác", "Đánh dấu", "Xóa đánh dấu"]) {
      expect(screen.getByRole("button", { name })).toBeTruthy();
    }
  });
});

describe("host notices", () => {
  test("a message the host sends on its own is shown", async () => {
    const notices = createNoticeChannel();
    notices.emit("Phiên bản Excel này không tô màu được ô: đã bỏ qua đánh dấu.");
    render(
      <FluentProvider theme={webLightTheme}>
        <PhuLucPane host={new FakeHost(planSheet())} notices={notices} />
      </FluentProvider>,
    );
    await summary();
    await screen.findByText("Phiên bản Excel này không tô màu được ô: đã bỏ qua đánh dấu.");
    act(() => notices.emit("Bảng quá lớn: ghi thành nhiều lần."));
    await screen.findByText("Bảng quá lớn: ghi thành nhiều lần.");
  });
});

describe("legacy encodings", () => {
  test("a TCVN3 sheet offers one button that rewrites its text in Unicode, and nothing else", async () => {
    const host = new FakeHost(
      gridFromRows("TCVN3", [
        ["STT", "Tªn ®¬n vÞ", "Tæng sè hé", "Sè hé nghÌo", "Tû lÖ hé nghÌo (%)"],
        ["1", "Th«n §«ng", 412, 20, 4.85],
        ["2", "Th«n T©y", 288, 15, 5.21],
        ["3", "Th«n Nam", 530, 31, 5.85],
        ["", "Tæng céng", 1230, 66, 5.37],
      ]),
    );
    renderPane(host);
    await summary();
    fireEvent.click(
      within(screen.getByTestId("legacy")).getByRole("button", { name: "Chuyển chữ sang Unicode" }),
    );
    await waitFor(() => expect(host.callsTo("applyWrites")).toHaveLength(1));
    const [plan] = host.callsTo("applyWrites")[0] as [WritePlan];
    const written = Object.fromEntries(plan.writes.map((w) => [w.cell, w.value]));
    // Typed by hand from the TCVN3 table: every text cell that changes, and no number.
    expect(written).toEqual({
      B1: "Tên đơn vị",
      C1: "Tổng số hộ",
      D1: "Số hộ nghèo",
      E1: "Tỷ lệ hộ nghèo (%)",
      B2: "Thôn Đông",
      B3: "Thôn Tây",
      B4: "Thôn Nam",
      B5: "Tổng cộng",
    });
    await waitFor(() => expect(screen.queryByTestId("legacy")).toBeNull());
  });

  test("a Unicode sheet shows no such button", async () => {
    renderPane(new FakeHost(planSheet()));
    await summary();
    expect(screen.queryByTestId("legacy")).toBeNull();
  });
});

describe("Giá trị này đúng", () => {
  // Tổ dân phố 1's 412 households typed 421 (C10): the locator blames that typed count.
  const typoSheet = () => reportGrid(setCell(reportRows(), "C10", 421));

  test("offered on a typed input's card, not on a computed cell's; pressing it confirms the cell and re-checks", async () => {
    const host = new FakeHost(typoSheet());
    renderPane(host);
    await summary();
    expect(findingCells()).toEqual(["C10 sum-mismatch"]);
    const button = within(finding("C10")).getByRole("button", { name: /^Giá trị này đúng: ô C10 /u });
    expect(button.textContent).toBe("Giá trị này đúng");
    await act(async () => {
      fireEvent.click(button);
    });
    await waitFor(() => expect(host.callsTo("saveOverrides")).toHaveLength(1));
    expect(host.callsTo("saveOverrides")[0]).toEqual(["Báo cáo 2023", { confirmedCells: ["C10"] }]);
    // Re-checked: the finding leaves C10 for the group total (derived: no such button there).
    await waitFor(() => expect(findingCells()).toContain("C9 sum-mismatch"));
    expect(findingCells().some((c) => c.startsWith("C10 "))).toBe(false);
    expect(within(finding("C9")).queryByTestId("confirm-value")).toBeNull();
    // The selection did not move: the button does not also "go to the cell".
    expect(host.callsTo("selectCell")).toEqual([]);
  });

  test("the Bảng view lists confirmed cells; removing one blames C10 again", async () => {
    const host = new FakeHost(typoSheet());
    host.overrides.set("Báo cáo 2023", { confirmedCells: ["C10"] });
    renderPane(host, "table");
    await summary();
    const listed = screen.getAllByTestId("confirmed-cell").map((e) => e.getAttribute("data-cell"));
    expect(listed).toEqual(["C10"]);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Bỏ xác nhận ô C10" }));
    });
    await waitFor(() => expect(host.callsTo("saveOverrides")).toHaveLength(1));
    expect(host.callsTo("saveOverrides")[0]).toEqual(["Báo cáo 2023", { confirmedCells: [] }]);
    await waitFor(() => expect(screen.queryAllByTestId("confirmed-cell")).toEqual([]));
    fireEvent.click(screen.getByRole("tab", { name: "Kết quả" }));
    await waitFor(() => expect(findingCells()).toEqual(["C10 sum-mismatch"]));
  });

  test("a clean table offers no such button", async () => {
    renderPane(new FakeHost(reportGrid()));
    await summary();
    expect(screen.queryAllByTestId("confirm-value")).toEqual([]);
  });
});
