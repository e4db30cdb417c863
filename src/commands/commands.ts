// commands.html: the ribbon's ExecuteFunction buttons. "Tính lại" (recompute) reads the active sheet, lets the
// engine decide every derived cell, and writes them as formulas through the Office host (with its undo).
import "../taskpane/jitless";
import { analyzeGrid, fixPlan } from "../engine";
import type { PaneHost } from "../taskpane/host";
import { createOfficeHost } from "../hosts/office";
import { runRecompute, type RecomputeOutcome } from "./recompute";

export async function recompute(event: Office.AddinCommands.Event): Promise<void> {
  let outcome: RecomputeOutcome | undefined;
  try {
    const host: PaneHost = createOfficeHost();
    outcome = await runRecompute(host, { analyzeGrid, fixPlan });
  } finally {
    notify(outcome?.message);
    event.completed();
  }
}

/** Excel has no notification bar for add-in commands; where the item has one (Outlook-style), use it. */
function notify(text: string | undefined): void {
  const item = (
    Office.context as unknown as {
      mailbox?: { item?: { notificationMessages?: { replaceAsync(key: string, m: object): void } } };
    }
  ).mailbox?.item;
  if (!text || !item?.notificationMessages) return;
  item.notificationMessages.replaceAsync("phuluc", {
    type: "informationalMessage",
    message: text.slice(0, 150),
    icon: "Icon.16x16",
    persistent: false,
  });
}

Office.onReady(() => {
  Office.actions.associate("recompute", recompute);
});
