// URL parameters the ribbon buttons open the pane with: ?action=check, ?view=appendix.
import type { PaneView } from "./port";

const VIEWS: PaneView[] = ["findings", "table", "appendix", "settings"];

export function initialViewFromUrl(search: string, fallback: PaneView = "table"): PaneView {
  const params = new URLSearchParams(search);
  const view = params.get("view");
  if (view && (VIEWS as string[]).includes(view)) return view as PaneView;
  if (params.get("action") === "check") return "findings";
  return fallback;
}
