// commands.html: the ribbon's ExecuteFunction buttons. "Tính lại" (recompute) reads the active sheet, lets the
// engine decide every derived cell, writes them as formulas through the Office host (with its undo), and shows
// the result in a dialog (notice.ts). "Lập phụ lục" (appendix) asks the pane for its appendix view.
import "../hosts/jitless";
import { analyzeGrid, fixPlan } from "../engine";
import type { PaneHost } from "../hosts/port";
import { createOfficeHost } from "../hosts/office";
import { noticeUrl, showNotice } from "./notice";
import { runRecompute, type RecomputeOutcome } from "./recompute";

export async function recompute(event: Office.AddinCommands.Event): Promise<void> {
  let outcome: RecomputeOutcome | undefined;
  let lang: "vi" | "en" = "vi";
  try {
    // A command has five minutes: it does not wait for the user to leave a cell (it says so instead).
    const host: PaneHost = createOfficeHost({
      displayLanguage: Office.context?.displayLanguage,
      waitForCellEdit: false,
    });
    lang = (await host.loadSettings()).lang;
    outcome = await runRecompute(host, { analyzeGrid, fixPlan });
  } finally {
    // The result in a dialog (Excel has no notification bar for commands). The command completes once the dialog
    // is open, not when the user closes it: the dialog lives on its own.
    try {
      if (outcome?.message) await showNotice(Office.context?.ui, noticeUrl(pageUrl(), outcome.message, lang));
    } finally {
      event.completed();
    }
  }
}

const PANE_CLOSED = {
  vi: "Bấm nút Phụ lục trên thẻ Trang đầu để mở ngăn: ngăn sẽ mở ngay ở mục Lập phụ lục.",
  en: "Click Open pane on the Home tab: the Phụ lục pane will open on Make appendix.",
};

/**
 * "Lập phụ lục": the pane has one URL, so the view is asked for through the document settings. An open pane
 * switches to it; a closed one opens on it when the user opens it (the dialog says how).
 */
export async function appendix(event: Office.AddinCommands.Event): Promise<void> {
  let lang: "vi" | "en" = "vi";
  let text = "";
  try {
    const host = createOfficeHost({
      displayLanguage: Office.context?.displayLanguage,
      waitForCellEdit: false,
    });
    lang = (await host.loadSettings()).lang;
    if (!(await host.requestView("appendix"))) text = PANE_CLOSED[lang];
  } catch (e) {
    text = e instanceof Error ? e.message : String(e);
  } finally {
    try {
      if (text) await showNotice(Office.context?.ui, noticeUrl(pageUrl(), text, lang));
    } finally {
      event.completed();
    }
  }
}

/** This page's address (notice.html is served next to it). */
function pageUrl(): string {
  return (
    (globalThis as { location?: { href: string } }).location?.href ?? "https://localhost:3000/commands.html"
  );
}

Office.onReady(() => {
  Office.actions.associate("recompute", recompute);
  Office.actions.associate("appendix", appendix);
});
