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

/** Shows the text in a dialog and resolves when the user closes it (or at once when no dialog can open). */
export function showNotice(ui: DialogUi | undefined, url: string): Promise<void> {
  return new Promise((resolve) => {
    if (!ui) return resolve();
    try {
      ui.displayDialogAsync(url, { height: 28, width: 34, displayInIframe: true }, (result) => {
        if (String(result.status) !== "succeeded") return resolve(); // e.g. 12007: a dialog is already open
        const dialog = result.value;
        const done = () => {
          try {
            dialog.close();
          } catch {
            // already closed by the user
          }
          resolve();
        };
        // Office.EventType.DialogMessageReceived / DialogEventReceived (the user closed it with ×)
        dialog.addEventHandler("dialogMessageReceived" as unknown as Office.EventType, done);
        dialog.addEventHandler("dialogEventReceived" as unknown as Office.EventType, done);
      });
    } catch {
      resolve();
    }
  });
}
