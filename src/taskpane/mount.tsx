// Renders the pane into the page with a theme; the Office entry (index.tsx) supplies the host and the theme.
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import { PhuLucPane } from "./PhuLucPane";
import { initialViewFromUrl } from "./params";
import type { PaneHost } from "./host";
import type { NoticeChannel } from "./notices";
import { THEMES, type ThemeName } from "./theme";

export function mountPane(
  host: PaneHost,
  theme: ThemeName,
  notices?: NoticeChannel,
  search = window.location.search,
): void {
  document.body.style.margin = "0";
  const container =
    document.getElementById("root") ?? document.body.appendChild(document.createElement("div"));
  createRoot(container).render(
    <FluentProvider
      theme={THEMES[theme]}
      data-theme={theme}
      style={{ minHeight: "100vh", colorScheme: theme === "dark" ? "dark" : "light" }}
    >
      <PhuLucPane host={host} initialView={initialViewFromUrl(search)} notices={notices} />
    </FluentProvider>,
  );
}
