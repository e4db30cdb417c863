// Placeholder: the appendix issue writes the "Lập phụ lục" view here (preview + one button that writes the sheet).
import * as React from "react";
import type { TableAnalysis } from "../../engine";
import type { PaneHost } from "../host";

export interface AppendixViewProps {
  host: PaneHost;
  analysis: TableAnalysis | undefined;
  lang: "vi" | "en";
}

export function AppendixView(_props: AppendixViewProps): React.ReactElement {
  return <div data-testid="appendix-view" />;
}
