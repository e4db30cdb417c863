// The ribbon's result, shown where an Excel user sees it: a small Office dialog (DialogApi 1.1) over the workbook.
// Excel has no notification bar for add-in commands (Outlook's notificationMessages do not exist there), so
// "Tính lại" opens notice.html?m=… and the command completes when the user closes it.

/** The part of Office.context.ui the notice needs (a seam for tests). */
export interface DialogUi {
  displayDialogAsync(
    url: string,
    options: Office.DialogOptions,
    callback: (result: Office.AsyncResult<Office.Dialog>) => void,
  ): void;
}

/** notice.html next to the page that runs the command, with the message and the language in its query. */
export function noticeUrl(base: string, text: string, lang: "vi" | "en"): string {
  const url = new URL("notice.html", base);
  url.searchParams.set("m", text);
  url.searchParams.set("lang", lang);
  return url.toString();
}

/** How long to wait for Office to say the dialog opened (or not) before the command completes anyway. */
const OPEN_TIMEOUT_MS = 10_000;

/**
 * Shows the text in a dialog and resolves once it is open (or at once when no dialog can open), never later than
 * `timeoutMs`. A message from the dialog closes it, if this runtime is still there to hear it.
 */
export function showNotice(
  ui: DialogUi | undefined,
  url: string,
  timeoutMs = OPEN_TIMEOUT_MS,
): Promise<void> {
  return new Promise((resolve) => {
    if (!ui) return resolve();
    const timer = setTimeout(resolve, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    try {
      ui.displayDialogAsync(url, { height: 28, width: 34, displayInIframe: true }, (result) => {
        if (String(result.status) !== "succeeded") return done(); // e.g. 12007: a dialog is already open
        const dialog = result.value;
        const close = () => {
          try {
            dialog.close();
          } catch {
            // already closed by the user
          }
        };
        // Office.EventType.DialogMessageReceived: the page asks to be closed (when it cannot close itself).
        dialog.addEventHandler("dialogMessageReceived" as unknown as Office.EventType, close);
        done();
      });
    } catch {
      done();
    }
  });
}
