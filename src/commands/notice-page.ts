// notice.html: the dialog that shows the ribbon's result. Plain DOM (no React): it must open instantly.
// The text arrives in ?m=, already in the user's language; "Đóng" / "Close" closes the dialog itself: the command
// that opened it has completed and its runtime may be gone.
const params = new URLSearchParams(window.location.search);
const lang = params.get("lang") === "en" ? "en" : "vi";
const text = params.get("m") ?? "";

function render(): void {
  document.documentElement.lang = lang;
  document.title = lang === "en" ? "Phụ lục: result" : "Phụ lục: kết quả";
  const main = document.createElement("main");
  main.setAttribute("role", "alertdialog");
  main.setAttribute("aria-labelledby", "notice-text");
  main.style.cssText = "font: 14px 'Segoe UI', system-ui, sans-serif; padding: 16px; line-height: 1.45;";
  const p = document.createElement("p");
  p.id = "notice-text";
  p.textContent = text;
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = lang === "en" ? "Close" : "Đóng";
  button.style.cssText = "font: inherit; padding: 4px 16px; margin-top: 8px;";
  button.addEventListener("click", () => {
    const ui = (window as unknown as { Office?: typeof Office }).Office?.context?.ui;
    try {
      if (typeof ui?.closeContainer === "function") return ui.closeContainer();
    } catch {
      // not available in this host: ask the opener
    }
    ui?.messageParent?.("close");
  });
  main.append(p, button);
  document.body.append(main);
  button.focus();
}

if (typeof Office !== "undefined") void Office.onReady(render);
else render();
