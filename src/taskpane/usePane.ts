// The pane's state and actions over a PaneHost: read → analyse → show; fix / undo / mark → read again.
import * as React from "react";
import type { Grid } from "../engine/grid";
import type { Overrides } from "../engine/model";
import type { Finding } from "../engine/report";
import { fmt, uiStrings, type UiStrings } from "../i18n/ui";
import { planFixAll, planFixOne, runAnalysis, type TableAnalysis } from "./analysis";
import { DEFAULT_SETTINGS, type PaneHost, type PaneSettings } from "./host";

export type Phase = "loading" | "ready" | "empty" | "failed";

export interface Notice {
  intent: "success" | "error" | "info" | "warning";
  text: string;
}

export interface PaneState {
  phase: Phase;
  grid: Grid | null;
  settings: PaneSettings;
  overrides: Overrides;
  analyses: TableAnalysis[];
  tableIndex: number;
  /** Label of the action under way, null when idle. */
  busy: string | null;
  notice: Notice | null;
  canUndo: boolean;
  selectedCell: string | null;
}

export interface PaneActions {
  refresh(): Promise<void>;
  setTableIndex(i: number): void;
  setOverrides(overrides: Overrides): Promise<void>;
  setSettings(settings: PaneSettings): Promise<void>;
  selectCell(cell: string): Promise<void>;
  fixOne(finding: Finding): Promise<void>;
  fixAll(): Promise<void>;
  undo(): Promise<void>;
  mark(): Promise<void>;
  clearMarks(): Promise<void>;
  dismissNotice(): void;
  /** A host's own message (a fallback taken, a limit reached). */
  notify(text: string): void;
}

const INITIAL: PaneState = {
  phase: "loading",
  grid: null,
  settings: DEFAULT_SETTINGS,
  overrides: {},
  analyses: [],
  tableIndex: 0,
  busy: null,
  notice: null,
  canUndo: false,
  selectedCell: null,
};

/** Lets React paint the spinner before a synchronous analysis blocks the thread. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function usePane(host: PaneHost): [PaneState, PaneActions, UiStrings] {
  const [state, setState] = React.useState<PaneState>(INITIAL);
  // The latest state for async actions (they outlive the render that started them).
  const ref = React.useRef(state);
  ref.current = state;
  const update = React.useCallback((patch: Partial<PaneState>) => {
    ref.current = { ...ref.current, ...patch };
    setState(ref.current);
  }, []);
  const t = uiStrings(state.settings.lang);

  const analyse = React.useCallback(
    async (grid: Grid | null, settings: PaneSettings, overrides: Overrides, keepTable: boolean) => {
      if (!grid) {
        update({ phase: "empty", grid: null, analyses: [], busy: null });
        return;
      }
      update({ busy: uiStrings(settings.lang).analyzing });
      await nextFrame();
      const analyses = runAnalysis(grid, settings, overrides);
      const prev = ref.current.tableIndex;
      const tableIndex = keepTable && prev < analyses.length ? prev : 0;
      update({
        phase: analyses.length ? "ready" : "empty",
        grid,
        analyses,
        tableIndex,
        settings,
        overrides,
        busy: null,
      });
    },
    [update],
  );

  /** Runs an action with a busy label; failures become a notice, never an uncaught error. */
  const guarded = React.useCallback(
    async (label: string, action: () => Promise<void>) => {
      update({ busy: label, notice: null });
      try {
        await action();
      } catch (e) {
        update({
          notice: {
            intent: "error",
            text: `${uiStrings(ref.current.settings.lang).actionFailed}: ${message(e)}`,
          },
        });
      } finally {
        update({ busy: null });
      }
    },
    [update],
  );

  const reload = React.useCallback(
    async (keepTable: boolean) => {
      const grid = await host.readGrid();
      const overrides = grid ? await host.loadOverrides(grid.sheet) : {};
      await analyse(grid, ref.current.settings, overrides, keepTable);
      update({ canUndo: await host.canUndo() });
    },
    [host, analyse, update],
  );

  React.useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const settings = { ...DEFAULT_SETTINGS, ...(await host.loadSettings()) };
        if (cancelled) return;
        update({ settings, busy: uiStrings(settings.lang).loading });
        await reload(false);
      } catch (e) {
        if (cancelled) return;
        update({
          phase: "failed",
          busy: null,
          notice: {
            intent: "error",
            text: `${uiStrings(ref.current.settings.lang).readFailed}: ${message(e)}`,
          },
        });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [host, reload, update]);

  const current = () => ref.current.analyses[ref.current.tableIndex];
  const strings = () => uiStrings(ref.current.settings.lang);

  const actions: PaneActions = {
    refresh: () => guarded(strings().loading, () => reload(true)),
    setTableIndex: (i) => update({ tableIndex: i }),
    setOverrides: (overrides) =>
      guarded(strings().analyzing, async () => {
        const { grid, settings } = ref.current;
        if (!grid) return;
        await host.saveOverrides(grid.sheet, overrides);
        await analyse(grid, settings, overrides, true);
      }),
    setSettings: (settings) =>
      guarded(strings().working, async () => {
        await host.saveSettings(settings);
        const { grid, overrides } = ref.current;
        update({ settings });
        if (grid) await analyse(grid, settings, overrides, true);
      }),
    selectCell: (cell) =>
      guarded(strings().working, async () => {
        const { grid } = ref.current;
        if (!grid) return;
        update({ selectedCell: cell });
        await host.selectCell(grid.sheet, cell);
      }),
    fixOne: (finding) =>
      guarded(strings().applying, async () => {
        const { grid, settings } = ref.current;
        const plan = grid ? planFixOne(grid.sheet, finding, settings) : null;
        if (!plan) return;
        await host.applyWrites(plan);
        await reload(true);
        update({ notice: { intent: "success", text: fmt(strings().fixedCount, { n: plan.writes.length }) } });
      }),
    fixAll: () =>
      guarded(strings().applying, async () => {
        const analysis = current();
        if (!analysis) return;
        const plan = planFixAll(analysis, ref.current.settings);
        if (plan.writes.length === 0) {
          update({ notice: { intent: "info", text: strings().nothingToFix } });
          return;
        }
        await host.applyWrites(plan);
        await reload(true);
        const parts = [fmt(strings().fixedCount, { n: plan.writes.length })];
        if (plan.undecided.length) parts.push(fmt(strings().undecidedNote, { n: plan.undecided.length }));
        update({ notice: { intent: plan.undecided.length ? "warning" : "success", text: parts.join(" ") } });
      }),
    undo: () =>
      guarded(strings().undoing, async () => {
        const done = await host.undo();
        await reload(true);
        update({ notice: { intent: "info", text: done ? strings().undone : strings().nothingToUndo } });
      }),
    mark: () =>
      guarded(strings().marking, async () => {
        const analysis = current();
        if (!analysis) return;
        await host.markFindings(analysis.table.sheet, analysis.findings);
        update({ notice: { intent: "info", text: fmt(strings().marked, { n: analysis.findings.length }) } });
      }),
    clearMarks: () =>
      guarded(strings().marking, async () => {
        const { grid } = ref.current;
        if (!grid) return;
        await host.clearMarks(grid.sheet);
        update({ notice: { intent: "info", text: strings().marksCleared } });
      }),
    dismissNotice: () => update({ notice: null }),
    notify: (text) => update({ notice: { intent: "warning", text } }),
  };
  return [state, actions, t];
}
