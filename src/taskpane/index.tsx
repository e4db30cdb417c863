// taskpane.html inside Excel: the pane over the Office host, in Office's theme and, until the user chooses, in
// Office's display language. Opened outside Excel, the page says so and links to the standalone page.
import "../hosts/jitless";
import { startWorker } from "../worker/spawn";
import { createOfficeHost, langFromDisplay } from "../hosts/office";
import { mountPane } from "./mount";
import { createNoticeChannel } from "./notices";
import { settleOutsideMessage } from "./outside";
import { themeFromOffice, type OfficeThemeColors } from "./theme";

function currentTheme() {
  const forced =
    typeof window.matchMedia === "function" && window.matchMedia("(forced-colors: active)").matches;
  // officeTheme is missing in older Excel versions: light then.
  return themeFromOffice(Office.context?.officeTheme as OfficeThemeColors | undefined, forced);
}

if (typeof Office === "undefined") settleOutsideMessage(document, false);
else
  void Office.onReady((info) => {
    // In a plain browser office.js loads but reports no host.
    if (!info?.host) {
      settleOutsideMessage(document, false);
      return;
    }
    settleOutsideMessage(document, true);
    startWorker(); // the engine runs beside the pane, not on its thread
    const notices = createNoticeChannel();
    const host = createOfficeHost({
      onNotice: notices.emit,
      displayLanguage: Office.context?.displayLanguage,
    });
    document.documentElement.lang = langFromDisplay(Office.context?.displayLanguage);
    // "Dùng bảng mẫu" in the guide adds the sample as a new sheet, then the pane checks it.
    const pane = mountPane(host, currentTheme(), notices, window.location.search, host);
    // Excel raises no theme event for add-ins (OfficeThemeChanged is Outlook's): look again when the pane gets
    // focus back and every few seconds, and follow a change (dark included) without reloading.
    const follow = () => pane.setTheme(currentTheme());
    window.addEventListener("focus", follow);
    window.setInterval(follow, 5000);
  });
