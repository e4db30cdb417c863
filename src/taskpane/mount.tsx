// Renders the pane into the page with a theme; the Office entry (index.tsx) supplies the host and the theme.
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import { uiStrings } from "../i18n/ui";
import { PhuLucPane, type PaneView } from "./PhuLucPane";
import { initialViewFromUrl } from "../hosts/params";
import { DEFAULT_SETTINGS, type PaneHost } from "../hosts/port";
import { createNoticeChannel, type NoticeChannel } from "./notices";
import { THEMES, type ThemeName } from "./theme";

export interface MountedPane {
  /** Switches the theme in place (Office's theme changed); a no-op when it is the same. */
  setTheme(theme: ThemeName): void;
}

export interface SampleWriter {
  /** Adds the bundled sample as a new, active sheet named `title` (made unique); returns the sheet's name. */
  writeSample(title: string): Promise<string>;
}

export interface PaneRootProps {
  host: PaneHost;
  notices: NoticeChannel;
  initialView?: PaneView;
  /** Where the host can add the sample as a sheet (Excel): the guide offers "Dùng bảng mẫu". */
  sample?: SampleWriter;
  /** Views the ribbon asks for while the pane is open (Excel's "Lập phụ lục", issue 22); returns a stop function. */
  viewRequests?: (onView: (view: PaneView) => void) => () => void;
}

/**
 * The pane, plus "Dùng bảng mẫu" where the host can write the sample: once the sheet is added (and active) the pane
 * is mounted again, as the standalone page does for a new file, so it reads and checks the sample and opens on
 * its findings. A failure is a notice through the host's channel, never an uncaught error; nothing goes on the
 * pane's undo (a new sheet is not a cell fix).
 */
export function PaneRoot({
  host,
  notices,
  initialView,
  sample,
  viewRequests,
}: PaneRootProps): React.ReactElement {
  const [round, setRound] = React.useState(0);
  const [requested, setRequested] = React.useState<{ view: PaneView; n: number }>();
  React.useEffect(
    () => viewRequests?.((view) => setRequested((r) => ({ view, n: (r?.n ?? 0) + 1 }))),
    [viewRequests],
  );
  const writing = React.useRef(false);
  const addSample = async () => {
    if (!sample || writing.current) return; // a second click while the first is under way adds nothing
    writing.current = true;
    try {
      const settings = { ...DEFAULT_SETTINGS, ...(await host.loadSettings()) };
      await sample.writeSample(uiStrings(settings.lang).sampleSheet);
      setRound((r) => r + 1);
    } catch (e) {
      notices.emit(e instanceof Error ? e.message : String(e));
    } finally {
      writing.current = false;
    }
  };
  return (
    <PhuLucPane
      key={round}
      host={host}
      initialView={round === 0 ? initialView : "findings"}
      notices={notices}
      onUseSample={sample ? () => void addSample() : undefined}
      requestedView={requested}
    />
  );
}

export function mountPane(
  host: PaneHost,
  theme: ThemeName,
  notices: NoticeChannel = createNoticeChannel(),
  search = window.location.search,
  sample?: SampleWriter,
): MountedPane {
  document.body.style.margin = "0";
  const container =
    document.getElementById("root") ?? document.body.appendChild(document.createElement("div"));
  const root = createRoot(container);
  // Excel's host relays the views the ribbon asks for (src/hosts/office/view-request.ts).
  const follow = (host as { onViewRequest?: PaneRootProps["viewRequests"] }).onViewRequest;
  const pane = (
    <PaneRoot
      host={host}
      notices={notices}
      initialView={initialViewFromUrl(search)}
      sample={sample}
      viewRequests={follow}
    />
  );
  let current: ThemeName | null = null;
  const render = (t: ThemeName) => {
    if (t === current) return;
    current = t;
    root.render(
      <FluentProvider
        theme={THEMES[t]}
        data-theme={t}
        style={{ minHeight: "100vh", colorScheme: t === "dark" ? "dark" : "light" }}
      >
        {pane}
      </FluentProvider>,
    );
  };
  render(theme);
  return { setTheme: render };
}
