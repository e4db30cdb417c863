/** @jest-environment jsdom */
// Grouped finding cards (one cause, many consequences): every cell inside a group offers what a single card
// offers — go to the cell, "Sửa" where the finding has a fix, "Giá trị này đúng" where a single card would show
// it — with accessible names that start with the visible text and name the cell, and the focus moves on after
// an action. The tables are the commune report of test/engine/fixtures with a whole column copied, the commonest
// real defect: the end-of-year poor count copied from the start-of-year column, or the end rate copied from
// the start rate.
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import axe from "axe-core";
import type { WritePlan } from "../../src/engine/report";
import { PhuLucPane } from "../../src/taskpane/PhuLucPane";
import { gridFromRows } from "../../src/engine/grid";
import { analyzeGrid, type TableAnalysis } from "../../src/engine";
import type { Grid } from "../../src/engine/grid";
import type { Overrides } from "../../src/engine/model";
import type { PaneSettings } from "../../src/hosts/port";
import { runAnalysis } from "../../src/hosts/analysis";
import { FakeHost } from "./fixtures";
import { getCell, GROUP_I, GROUP_II, rate, reportGrid, reportRows, setCell } from "../engine/fixtures";

class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoopResizeObserver;

// Rows of the report: group I on 9 (units 10-12), group II on 13 (units 14-16), the total on 17.
const BODY = [9, 10, 11, 12, 13, 14, 15, 16, 17];
const UNITS = [10, 11, 12, 14, 15, 16];
const VILLAGES = [...GROUP_I, ...GROUP_II];

/** Column `to` holds what column `from` holds, on every body row (a column copied over another). */
function copyColumn(from: string, to: string): unknown[][] {
  let rows = reportRows();
  for (const r of BODY) rows = setCell(rows, `${to}${r}`, getCell(rows, `${from}${r}`));
  return rows;
}

/**
 * The engine now names a copied column itself (copied-column), and the pane folds the copy's findings into one
 * cause card (first-hour.test.tsx). These tests are about the group card that any run of findings in one column
 * gets: the host leaves the engine's note out so the run is shown as a group.
 */
class GroupHost extends FakeHost {
  async analyze(grid: Grid, settings: PaneSettings, overrides: Overrides): Promise<TableAnalysis[]> {
    const analyses = runAnalysis(grid, settings, overrides);
    for (const a of analyses) a.findings = a.findings.filter((f) => f.rule !== "copied-column");
    return analyses;
  }
}

function renderPane(host: FakeHost) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <PhuLucPane host={host} initialView="findings" />
    </FluentProvider>,
  );
}

const group = (rule: string) =>
  screen.getAllByTestId("finding-group").find((g) => g.getAttribute("data-rule") === rule);

function openGroup(rule: string): HTMLElement {
  const g = group(rule);
  if (!g) throw new Error(`no group of ${rule}`);
  fireEvent.click(within(g).getByRole("button", { name: /^Xem \d+ ô$/u }));
  return g;
}

const cellRows = (g: HTMLElement) =>
  within(g)
    .getAllByTestId("finding")
    .map((e) => e.getAttribute("data-cell"));

const listed = () =>
  screen
    .queryAllByTestId("finding")
    .map((e) => `${e.getAttribute("data-cell")} ${e.getAttribute("data-rule")}`);

function card(cell: string): HTMLElement {
  const el = screen.queryAllByTestId("finding").find((e) => e.getAttribute("data-cell") === cell);
  if (!el) throw new Error(`no finding on ${cell}; have ${listed().join(", ")}`);
  return el;
}

function row(g: HTMLElement, cell: string): HTMLElement {
  const el = within(g)
    .getAllByTestId("finding")
    .find((e) => e.getAttribute("data-cell") === cell);
  if (!el) throw new Error(`no row ${cell} in the group; have ${cellRows(g).join(", ")}`);
  return el;
}

describe("a group of typed inputs: the end-of-year poor count copied from the start column", () => {
  // F (poor households at the end of 2023) holds D (at the start) on every body row, while the end rates (G)
  // and the reductions (H = D − F) were typed from the real figures. Each unit's F breaks its row's rate and
  // reduction, which agree on the real count: six findings on typed inputs in one column, one card.
  const copiedSheet = () => reportGrid(copyColumn("D", "F"));

  test("each cell row offers Đến ô, Sửa thành (the user's decision) and Giá trị này đúng; no engine Sửa on an input", async () => {
    const host = new GroupHost(copiedSheet());
    renderPane(host);
    await screen.findByTestId("summary");
    const g = group("reduction-mismatch")!;
    expect(g.getAttribute("data-count")).toBe(String(UNITS.length));
    openGroup("reduction-mismatch");
    expect(cellRows(g)).toEqual(UNITS.map((r) => `F${r}`));
    for (const [i, r] of UNITS.entries()) {
      const cell = `F${r}`;
      const line = row(g, cell);
      // What the cell holds (the start count) → what its row's rate and reduction give (the end count).
      expect(line.textContent).toContain(`${VILLAGES[i].poorStart} → ${VILLAGES[i].poorEnd}`);
      const go = within(line).getByRole("button", { name: new RegExp(`^${cell}: `, "u") });
      expect(go.textContent).toBe(cell);
      const confirm = within(line).getByRole("button", {
        name: new RegExp(`^Giá trị này đúng: ô ${cell} `, "u"),
      });
      expect(confirm.textContent).toBe("Giá trị này đúng");
      // No engine fix (an input is not the engine's to change), but the user may decide: "Sửa thành <value>".
      expect(within(line).queryByRole("button", { name: /^Sửa ô/u })).toBeNull();
      expect(within(line).getByTestId("fix-to").textContent).toBe(`Sửa thành ${VILLAGES[i].poorEnd}`);
    }
    fireEvent.click(within(row(g, "F14")).getByRole("button", { name: /^F14: /u }));
    await waitFor(() => expect(host.callsTo("selectCell")).toEqual([["Báo cáo 2023", "F14"]]));
  });

  test("Giá trị này đúng inside the group confirms that cell; the re-check blames its rate and reduction", async () => {
    const host = new GroupHost(copiedSheet());
    renderPane(host);
    await screen.findByTestId("summary");
    const g = openGroup("reduction-mismatch");
    const confirm = within(row(g, "F12")).getByRole("button", { name: /^Giá trị này đúng: ô F12 /u });
    confirm.focus();
    await act(async () => {
      fireEvent.click(confirm);
    });
    await waitFor(() => expect(host.callsTo("saveOverrides")).toHaveLength(1));
    expect(host.callsTo("saveOverrides")[0]).toEqual(["Báo cáo 2023", { confirmedCells: ["F12"] }]);
    // F12 = 31 is now taken as right: its row's rate must be 31/530 → 5,85 and its reduction 31 − 31 = 0,
    // so the blame moves to those computed cells (G12, H12); the other five copies stay in the group.
    await waitFor(() => expect(listed()).toContain("H12 reduction-mismatch"));
    expect(listed().some((c) => c.startsWith("F12 "))).toBe(false);
    const after = group("reduction-mismatch")!;
    expect(after.getAttribute("data-count")).toBe(String(UNITS.length - 1));
    expect(cellRows(after)).toEqual(["F10", "F11", "F14", "F15", "F16"]);
    // The focus went on to the next cell of the group, not to the page.
    await waitFor(() =>
      expect(document.activeElement?.getAttribute("data-stop")).toBe("F14|reduction-mismatch"),
    );
    expect(card("H12").textContent).toContain("Hiện có: 7");
    expect(card("H12").textContent).toContain("Đúng là: 0");
    // The rate may sit in a group of column G's rates: open every card to see it.
    for (const more of screen.queryAllByRole("button", { name: /^Xem \d+ ô$/u })) fireEvent.click(more);
    expect(card("G12").getAttribute("data-rule")).toBe("rate-mismatch");
    expect(card("G12").textContent).toContain("4,53 → 5,85");
    // The computed rate gets Sửa, not Giá trị này đúng.
    expect(within(card("G12")).queryByTestId("confirm-value")).toBeNull();
    expect(within(card("G12")).getByRole("button", { name: "Sửa ô G12" })).toBeTruthy();
    expect(host.callsTo("selectCell")).toEqual([]);
  });

  test("every button inside an open group: its name starts with its visible text and names its cell", async () => {
    // axe's label-content-name-mismatch needs a layout (the browser test runs it); here the same contract
    // is read off the DOM, and axe checks what it can without one.
    const host = new GroupHost(copiedSheet());
    const { container } = renderPane(host);
    await screen.findByTestId("summary");
    const g = openGroup("reduction-mismatch");
    let buttons = 0;
    for (const line of within(g).getAllByTestId("finding")) {
      const cell = line.getAttribute("data-cell")!;
      for (const b of within(line).getAllByRole("button")) {
        const visible = (b.textContent ?? "").trim();
        const name = b.getAttribute("aria-label") ?? visible;
        expect(visible).not.toBe("");
        expect(name.startsWith(visible)).toBe(true);
        expect(name).toContain(cell);
        buttons++;
      }
    }
    // Đến ô, Sửa thành and Giá trị này đúng on each of the six rows.
    expect(buttons).toBe(3 * UNITS.length);
    const result = await axe.run(container, {
      runOnly: ["button-name", "nested-interactive", "list", "listitem"],
    });
    expect(result.passes.find((r) => r.id === "button-name")?.nodes.length).toBeGreaterThanOrEqual(buttons);
    expect(
      result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    ).toEqual([]);
  });

  test("the clean twin shows no group and no button", async () => {
    renderPane(new GroupHost(reportGrid()));
    await screen.findByTestId("summary");
    expect(screen.queryAllByTestId("finding-group")).toEqual([]);
    expect(screen.queryAllByTestId("finding")).toEqual([]);
  });
});

describe("a group of computed cells: the end rate copied from the start rate", () => {
  // G (end rate) holds E (start rate) on every body row: nine rates that no longer follow F/C, one card.
  const copiedSheet = () => reportGrid(copyColumn("E", "G"));

  test("each cell row offers Sửa (the rate is computed) and no Giá trị này đúng", async () => {
    renderPane(new GroupHost(copiedSheet()));
    await screen.findByTestId("summary");
    const g = openGroup("rate-mismatch");
    expect(cellRows(g)).toEqual(BODY.map((r) => `G${r}`));
    for (const r of BODY) {
      const line = row(g, `G${r}`);
      const fix = within(line).getByRole("button", { name: `Sửa ô G${r}` });
      expect(fix.textContent).toBe("Sửa");
      expect(within(line).queryByTestId("confirm-value")).toBeNull();
    }
    // Tổ dân phố 3 (row 12): 24 poor of 530 at the end → 4,53, shown beside the copied 5,85.
    expect(row(g, "G12").textContent).toContain(
      `5,85 → ${rate(GROUP_I[2].poorEnd, GROUP_I[2].households).toFixed(2).replace(".", ",")}`,
    );
  });

  test("Sửa by keyboard inside the group writes that cell only; the focus moves to the next cell", async () => {
    const host = new GroupHost(copiedSheet());
    renderPane(host);
    await screen.findByTestId("summary");
    const g = openGroup("rate-mismatch");
    const fix = within(row(g, "G12")).getByRole("button", { name: "Sửa ô G12" });
    fix.focus();
    fireEvent.click(fix);
    await waitFor(() => expect(host.callsTo("applyWrites")).toHaveLength(1));
    const plan = host.callsTo("applyWrites")[0][0] as WritePlan;
    expect(plan.writes).toHaveLength(1);
    expect(plan.writes[0]).toMatchObject({ cell: "G12", value: 4.53, formula: "=ROUND(F12/C12*100,2)" });
    await waitFor(() => expect(listed()).not.toContain("G12 rate-mismatch"));
    expect(cellRows(group("rate-mismatch")!)).toEqual(BODY.filter((r) => r !== 12).map((r) => `G${r}`));
    await waitFor(() => expect(document.activeElement?.getAttribute("data-stop")).toBe("G13|rate-mismatch"));
  });

  test("Sửa on the group's last cell moves the focus on past the group; when nothing is left, to the summary", async () => {
    // Only four units' rates copied: a group of exactly four (the smallest), which falls apart into single
    // cards after one fix.
    let rows = reportRows();
    for (const r of [10, 11, 12, 14]) rows = setCell(rows, `G${r}`, getCell(rows, `E${r}`));
    const host = new GroupHost(reportGrid(rows));
    renderPane(host);
    await screen.findByTestId("summary");
    const g = openGroup("rate-mismatch");
    expect(cellRows(g)).toEqual(["G10", "G11", "G12", "G14"]);
    const fix = within(row(g, "G14")).getByRole("button", { name: "Sửa ô G14" });
    fix.focus();
    fireEvent.click(fix);
    await waitFor(() =>
      expect(listed()).toEqual(["G10 rate-mismatch", "G11 rate-mismatch", "G12 rate-mismatch"]),
    );
    expect(screen.queryAllByTestId("finding-group")).toEqual([]);
    // Nothing came after G14: the focus lands on the last finding left, a single card now.
    await waitFor(() => expect(document.activeElement?.getAttribute("data-stop")).toBe("G12|rate-mismatch"));
    for (const cell of ["G12", "G11", "G10"]) {
      const button = within(card(cell)).getByRole("button", { name: `Sửa ô ${cell}` });
      button.focus();
      fireEvent.click(button);
      await waitFor(() => expect(listed()).not.toContain(`${cell} rate-mismatch`));
    }
    await waitFor(() => expect(document.activeElement?.id).toBe("pl-summary"));
  });
});

describe("a long group: a district's 120 villages with the rate column copied from last year", () => {
  /** 120 villages; with `copied`, every rate is last year's (from 3 to 6 more poor households than now). */
  function districtSheet(copied: boolean, totalHouseholdsTypo = 0) {
    const rows: unknown[][] = [
      ["TỶ LỆ HỘ NGHÈO CÁC THÔN HUYỆN ĐỒNG XUÂN NĂM 2024"],
      [],
      ["STT", "Thôn", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ (%)"],
      ["A", "B", "1", "2", "3=2/1*100"],
    ];
    let households = 0;
    let poor = 0;
    for (let i = 1; i <= 120; i++) {
      const h = 150 + ((i * 37) % 400);
      const p = 5 + ((i * 13) % 30);
      households += h;
      poor += p;
      rows.push([i, `Thôn ${i}`, h, p, rate(copied ? p + 3 + (i % 4) : p, h)]);
    }
    rows.push(["", "Tổng cộng", households + totalHouseholdsTypo, poor, rate(poor, households)]);
    return gridFromRows("Huyện 2024", rows);
  }

  test("the pane claims no cause of its own (naming copies is the engine's judgement)", async () => {
    renderPane(new FakeHost(districtSheet(true)));
    await screen.findByTestId("summary");
    expect(group("rate-mismatch")).toBeTruthy();
    expect(screen.queryByTestId("causes")).toBeNull();
    expect(screen.queryByText(/chép từ cột|chép nhầm/u)).toBeNull();
  });

  test("the card opens on 50 cells and shows the rest 50 at a time", async () => {
    renderPane(new FakeHost(districtSheet(true)));
    await screen.findByTestId("summary");
    expect(group("rate-mismatch")!.getAttribute("data-count")).toBe("120");
    const g = openGroup("rate-mismatch");
    // Body rows 5-124 (title, blank, header, numbering above).
    const cells = Array.from({ length: 120 }, (_, i) => `E${i + 5}`);
    expect(cellRows(g)).toEqual(cells.slice(0, 50));
    fireEvent.click(within(g).getByRole("button", { name: "Xem thêm 50 ô (còn 70 ô)" }));
    expect(cellRows(g)).toEqual(cells.slice(0, 100));
    fireEvent.click(within(g).getByRole("button", { name: "Xem thêm 20 ô (còn 20 ô)" }));
    expect(cellRows(g)).toEqual(cells);
    expect(within(g).queryByRole("button", { name: /^Xem thêm/u })).toBeNull();
    expect(within(row(g, "E124")).getByRole("button", { name: "Sửa ô E124" })).toBeTruthy();
  });

  test("Sửa on the last cell shown: the focus goes to the next cell not shown yet, not past the group", async () => {
    // Also the total's households typed 100 too many: a card after the group (C125).
    const host = new FakeHost(districtSheet(true, 100));
    renderPane(host);
    await screen.findByTestId("summary");
    expect(listed()).toContain("C125 sum-mismatch");
    const g = openGroup("rate-mismatch");
    expect(cellRows(g).at(-1)).toBe("E54");
    const fix = within(row(g, "E54")).getByRole("button", { name: "Sửa ô E54" });
    fix.focus();
    fireEvent.click(fix);
    await waitFor(() => expect(listed()).not.toContain("E54 rate-mismatch"));
    await waitFor(() => expect(document.activeElement?.getAttribute("data-stop")).toBe("E55|rate-mismatch"));
  });

  test("the clean twin: nothing", async () => {
    renderPane(new FakeHost(districtSheet(false)));
    const s = await screen.findByTestId("summary");
    expect(s.getAttribute("data-errors")).toBe("0");
    expect(screen.queryAllByTestId("finding-group")).toEqual([]);
  });
});

test("a total over inputs still suspected is not recomputed from them: nothing is written that builds on them", () => {
  // The end count F copied from the start count on the six unit rows only (groups and total typed right), and
  // the user says F12 is right. The copied cells F10 and F11 stay suspected (certainty "suggested"): the group
  // total F9 (=SUM(F10:F12)) and their rates are neither recomputed nor written from the values they doubt.
  let rows = reportRows();
  for (const r of UNITS) rows = setCell(rows, `F${r}`, getCell(rows, `D${r}`));
  const [a] = analyzeGrid(reportGrid(rows), { overrides: { confirmedCells: ["F12"] } });
  expect(a.suspected).toEqual(expect.arrayContaining(["F10", "F11"]));
  for (const cell of ["F10", "F11"])
    expect(a.findings.find((f) => f.cell === cell && f.severity === "error")?.certainty).toBe("suggested");
  const written = new Set(a.derived.map((w) => w.cell));
  for (const cell of ["F9", "G10", "G11", "H10", "H11"]) expect(written.has(cell)).toBe(false);
  // What does not depend on them is still recomputed (the other group's rates).
  expect(written.has("E14")).toBe(true);
});
