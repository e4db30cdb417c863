// commands.html: the ribbon's ExecuteFunction buttons. "Tính lại" (recompute) reads the active sheet, lets the
// engine decide every derived cell, writes them as formulas through the Office host (with its undo), and shows
// the result in a dialog (notice.ts).
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
    const host: PaneHost = createOfficeHost({ displayLanguage: Office.context?.displayLanguage });
    lang = (await host.loadSettings()).lang;
    outcome = await runRecompute(host, { analyzeGrid, fixPlan });
  } finally {
    // The result in a dialog (Excel has no notification bar for commands); the command ends when it closes.
    if (outcome?.message) await showNotice(Office.context?.ui, noticeUrl(pageUrl(), outcome.message, lang));
    event.completed();
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
});
