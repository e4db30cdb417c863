// taskpane.html inside Excel: the pane over the Office host, in Office's theme.
import "./jitless";
import { createOfficeHost } from "../hosts/office";
import { mountPane } from "./mount";
import { createNoticeChannel } from "./notices";
import { themeFromOffice } from "./theme";

Office.onReady(() => {
  const forced =
    typeof window.matchMedia === "function" && window.matchMedia("(forced-colors: active)").matches;
  // officeTheme is missing in older Excel versions: light then.
  const officeTheme = Office.context?.officeTheme as
    { bodyBackgroundColor?: string; bodyForegroundColor?: string } | undefined;
  const notices = createNoticeChannel();
  mountPane(createOfficeHost({ onNotice: notices.emit }), themeFromOffice(officeTheme, forced), notices);
});
