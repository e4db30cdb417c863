// standalone.html: the pane over an .xlsx file, for Office versions that cannot load add-ins.
import "../hosts/jitless";
import { startWorker } from "../worker/spawn";
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import { initialViewFromUrl } from "../hosts/params";
import { THEMES, themeFromPage, type ThemeName } from "../taskpane/theme";
import { StandaloneApp } from "./StandaloneApp";

startWorker(); // the engine runs beside the page, not on its thread

function media(query: string): MediaQueryList | null {
  return typeof window.matchMedia === "function" ? window.matchMedia(query) : null;
}

function Root(): React.ReactElement {
  const dark = media("(prefers-color-scheme: dark)");
  const forced = media("(forced-colors: active)");
  const pick = (): ThemeName => themeFromPage(window.location.search, !!dark?.matches, !!forced?.matches);
  const [theme, setTheme] = React.useState<ThemeName>(pick);
  React.useEffect(() => {
    const onChange = () => setTheme(pick());
    dark?.addEventListener("change", onChange);
    forced?.addEventListener("change", onChange);
    return () => {
      dark?.removeEventListener("change", onChange);
      forced?.removeEventListener("change", onChange);
    };
  });
  return (
    <FluentProvider
      theme={THEMES[theme]}
      data-theme={theme}
      style={{ minHeight: "100vh", colorScheme: theme === "dark" ? "dark" : "light" }}
    >
      <StandaloneApp initialView={initialViewFromUrl(window.location.search, "findings")} />
    </FluentProvider>
  );
}

document.body.style.margin = "0";
const container = document.getElementById("root") ?? document.body.appendChild(document.createElement("div"));
createRoot(container).render(<Root />);
