/** @jest-environment jsdom */
// "Dùng bảng mẫu" in the Excel pane (issue 10): the guide's button adds the sample through the real Office adapter
// over the fake workbook, the pane reads the new sheet and shows the planted findings. The planted cells come from
// the shared data module (SAMPLE_PLANTED), not from what the pane shows.
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createOfficeHost } from "../../src/hosts/office";
import { mountPane, PaneRoot } from "../../src/taskpane/mount";
import { createNoticeChannel } from "../../src/taskpane/notices";
import { SAMPLE_PLANTED } from "../../src/hosts/sample-table";
import { fakeSettings, upTo, type FakeWorkbook } from "../office/fake-excel";
import { SHEET, makeWorkbook } from "../office/sheet";

// jsdom has no ResizeObserver; Fluent's Toolbar and TabList observe their size (browsers all have it).
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoopResizeObserver;
// The fake workbook counts payloads in UTF-8 with Node's Buffer.
(globalThis as unknown as { Buffer: unknown }).Buffer ??= require("buffer").Buffer;

const guide = () => within(screen.getByTestId("guide"));
const planted = SAMPLE_PLANTED.map((p) => `${p.cell} ${p.rule}`).sort();

function excel(wb: FakeWorkbook = makeWorkbook(), supported?: (n: string, v: string) => boolean) {
  const settings = fakeSettings();
  const notices = createNoticeChannel();
  const host = createOfficeHost({ env: wb.env(supported, settings), onNotice: notices.emit });
  return { wb, host, notices, settings };
}

function renderPane(ctx: ReturnType<typeof excel>, withSample = true) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <PaneRoot host={ctx.host} notices={ctx.notices} sample={withSample ? ctx.host : undefined} />
    </FluentProvider>,
  );
}

function shownFindings(): string[] {
  return screen
    .queryAllByTestId("finding")
    .map((el) => `${el.getAttribute("data-cell")} ${el.getAttribute("data-rule")}`);
}

/** The pane has read the user's sheet and is idle. */
async function ready(sheet: string) {
  await screen.findByText(new RegExp(`: ${sheet}$`));
  await waitFor(() => expect(document.querySelector("main")?.getAttribute("aria-busy")).toBe("false"));
}

test("the guide's “Dùng bảng mẫu” adds the sample sheet, the pane checks it and shows the three planted mistakes", async () => {
  const ctx = excel();
  renderPane(ctx);
  await ready(SHEET);
  const sheetsBefore = ctx.wb.sheets.map((s) => s.name);

  fireEvent.click(guide().getByRole("button", { name: "Dùng bảng mẫu" }));

  await screen.findByText(/: Bảng mẫu$/);
  await waitFor(() => expect(shownFindings().length).toBeGreaterThan(0));
  const shown = shownFindings();
  for (const p of planted) expect(shown).toContain(p);
  // The planted errors are the only errors and text numbers on the sample.
  expect(shown.filter((f) => /sum-mismatch|rate-mismatch|number-as-text/.test(f)).sort()).toEqual(planted);
  // A new sheet, active; the user's sheets are still there.
  expect(ctx.wb.sheets.map((s) => s.name)).toEqual([...sheetsBefore, "Bảng mẫu"]);
  expect(ctx.wb.sheets[ctx.wb.active].name).toBe("Bảng mẫu");
  // The errors are marked on the new sheet (conditional formats), as after any check.
  const markedCells = ctx.wb.sheet("Bảng mẫu").cfs.map((cf) => cf.range);
  expect(markedCells.join(",")).toContain("C12");
  expect(markedCells.join(",")).toContain("E9");
  // Adding a sheet is not a fix: nothing to undo.
  expect((screen.getByRole("button", { name: "Hoàn tác" }) as HTMLButtonElement).disabled).toBe(true);
  expect(ctx.wb.sheets.some((s) => s.name === "_phuluc_undo")).toBe(false);
});

test("used twice: a second sheet with its own name; a double click adds only one", async () => {
  const ctx = excel();
  renderPane(ctx);
  await ready(SHEET);
  const button = guide().getByRole("button", { name: "Dùng bảng mẫu" });
  fireEvent.click(button);
  fireEvent.click(button);
  await screen.findByText(/: Bảng mẫu$/);
  await ready("Bảng mẫu");
  fireEvent.click(guide().getByRole("button", { name: "Dùng bảng mẫu" }));
  await screen.findByText(/: Bảng mẫu \(2\)$/);
  expect(ctx.wb.sheets.map((s) => s.name).filter((n) => n.startsWith("Bảng mẫu"))).toEqual([
    "Bảng mẫu",
    "Bảng mẫu (2)",
  ]);
  await waitFor(() => expect(shownFindings()).toEqual(expect.arrayContaining(planted)));
});

test("a protected workbook structure: a Vietnamese notice, no new sheet, the pane stays on the user's table", async () => {
  const ctx = excel();
  ctx.wb.structureProtected = true;
  renderPane(ctx);
  await ready(SHEET);
  fireEvent.click(guide().getByRole("button", { name: "Dùng bảng mẫu" }));
  const notice = await screen.findByTestId("notice");
  expect(notice.textContent).toBe(
    'Cấu trúc sổ tính đang được bảo vệ (Xem lại > Bảo vệ sổ làm việc): không thêm được trang "Bảng mẫu".',
  );
  expect(ctx.wb.sheets).toHaveLength(2);
  expect(screen.getByText(new RegExp(`: ${SHEET}$`))).toBeTruthy();
});

test("cell-edit mode on an Excel without delayForCellEdit: a notice says what to do, nothing is added", async () => {
  const ctx = excel(makeWorkbook(), upTo("1.10"));
  renderPane(ctx);
  await ready(SHEET);
  ctx.wb.cellEditing = true;
  fireEvent.click(guide().getByRole("button", { name: "Dùng bảng mẫu" }));
  const notice = await screen.findByTestId("notice");
  expect(notice.textContent).toContain("nhấn Enter hoặc Esc");
  expect(notice.textContent).toContain('"Bảng mẫu"');
  expect(ctx.wb.sheets).toHaveLength(2);
});

test("in English the button and the new sheet's name are English", async () => {
  const ctx = excel();
  ctx.settings.set("phuluc.settings", { lang: "en" });
  ctx.settings.saveAsync(); // saved in the document, as the pane saves it (a refresh reads the document again)
  renderPane(ctx);
  await ready(SHEET);
  fireEvent.click(guide().getByRole("button", { name: "Use the sample table" }));
  await screen.findByText(/: Sample table$/);
  await waitFor(() => expect(shownFindings()).toEqual(expect.arrayContaining(planted)));
});

test("without a sample writer (a host that cannot add sheets) the guide offers no button", async () => {
  const ctx = excel();
  renderPane(ctx, false);
  await ready(SHEET);
  expect(screen.getByTestId("guide")).toBeTruthy();
  expect(screen.queryByRole("button", { name: "Dùng bảng mẫu" })).toBeNull();
});

test("mountPane (the Excel entry) passes the Office host's writer: the button is there and works", async () => {
  const ctx = excel();
  document.body.innerHTML = '<div id="root"></div>';
  await act(async () => {
    mountPane(ctx.host, "light", ctx.notices, "", ctx.host);
  });
  await ready(SHEET);
  await act(async () => {
    fireEvent.click(guide().getByRole("button", { name: "Dùng bảng mẫu" }));
  });
  await screen.findByText(/: Bảng mẫu$/);
  await waitFor(() => expect(shownFindings()).toEqual(expect.arrayContaining(planted)));
});
