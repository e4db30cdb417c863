/** @jest-environment jsdom */
// Issue 22, item 4, in the pane itself: the pane is open on the table view in Excel; the ribbon's "Lập phụ lục"
// (another runtime, one settings copy each over one document) switches the open pane to its appendix tab.
import * as React from "react";
import { act, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createOfficeHost } from "../../src/hosts/office";
import { PaneRoot } from "../../src/taskpane/mount";
import { createNoticeChannel } from "../../src/taskpane/notices";
import { fakeDocument, fakeSettings } from "./fake-excel";
import { makeWorkbook } from "./sheet";

class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoopResizeObserver;
(globalThis as unknown as { Buffer: unknown }).Buffer ??= require("buffer").Buffer;

test("Lập phụ lục with the pane open switches it to the appendix tab", async () => {
  const wb = makeWorkbook();
  const doc = fakeDocument();
  const host = createOfficeHost({ env: wb.env(undefined, fakeSettings(doc)) });
  render(
    <FluentProvider theme={webLightTheme}>
      <PaneRoot
        host={host}
        notices={createNoticeChannel()}
        initialView="table"
        viewRequests={host.onViewRequest}
      />
    </FluentProvider>,
  );
  await screen.findByText(/: Biểu 01$/);
  await waitFor(() => expect(document.querySelector("main")?.getAttribute("aria-busy")).toBe("false"));
  const tab = screen.getByRole("tab", { name: "Lập phụ lục" });
  expect(tab.getAttribute("aria-selected")).toBe("false");
  const command = createOfficeHost({ env: wb.env(undefined, fakeSettings(doc)) });
  let taken = false;
  await act(async () => {
    taken = await command.requestView("appendix");
  });
  expect(taken).toBe(true);
  await waitFor(() =>
    expect(screen.getByRole("tab", { name: "Lập phụ lục" }).getAttribute("aria-selected")).toBe("true"),
  );
}, 20_000);
