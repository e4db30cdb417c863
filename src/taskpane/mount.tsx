// Renders the pane into the page with a theme; the Office entry (index.tsx) supplies the host and the theme.
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import { PhuLucPane } from "./PhuLucPane";
import { initialViewFromUrl } from "./params";
import type { PaneHost } from "./host";
import type { NoticeChannel } from "./notices";
import { THEMES, type ThemeName } from "./theme";

export interface MountedPane {
  /** Switches the theme in place (Office's theme changed); a no-op when it is the same. */
  setTheme(theme: ThemeName): void;
}

export function mountPane(
  host: PaneHost,
  theme: ThemeName,
  notices?: NoticeChannel,
  search = window.location.search,
): MountedPane {
  document.body.style.margin = "0";
  const container =
    document.getElementById("root") ?? document.body.appendChild(document.createElement("div"));
  const root = createRoot(container);
  const pane = <PhuLucPane host={host} initialView={initialViewFromUrl(search)} notices={notices} />;
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
