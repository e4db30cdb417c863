// The pane's state and actions over a PaneHost: read → analyse → show; fix / undo / mark → read again.
import * as React from "react";
import {
  type Grid,
  type Overrides,
  type Finding,
  type WritePlan,
  cellAt,
  parseA1,
  legacyTextConversions,
} from "../engine";
import { fmt, formatNumber, uiStrings, type UiStrings } from "../i18n/ui";
import { showCell } from "../i18n/numbers";
import {
  planFixAll,
  planFixOne,
  readingUncertain,
  type FixAllPlan,
  type TableAnalysis,
} from "../hosts/analysis";
import { DEFAULT_SETTINGS, type PaneHost, type PaneSettings, type WriteOutcome } from "../hosts/port";
import type { Refusal } from "../hosts/xlsx/patch";
import { refusalPhrase } from "../i18n/refusals";
import { work } from "../worker/client";
import { encodeGrid, unpack } from "../worker/text";

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
  /** "Sửa tất cả" waiting for the user's go-ahead: what it will write. */
  pendingFixAll: FixAllPlan | null;
  /** What the last write changed, cell by cell (shown after fix-all). */
  lastChanges: Change[] | null;
}

export interface Change {
  cell: string;
  before: number | string | null;
  after: number | string | null;
  formula?: string;
  /** The cell's number format, so before and after read as the cell shows them. */
  format?: string;
}

export interface PaneActions {
  refresh(): Promise<void>;
  setTableIndex(i: number): void;
  setOverrides(overrides: Overrides): Promise<void>;
  setSettings(settings: PaneSettings): Promise<void>;
  selectCell(cell: string): Promise<void>;
  fixOne(finding: Finding): Promise<void>;
  /** Works out what fix-all would write and asks before writing. */
  fixAll(): void;
  confirmFixAll(withFormulas: boolean): Promise<void>;
  /** Rewrites the sheet's TCVN3/VNI text in Unicode (text only: safe even when the reading is unsure). */
  convertUnicode(): Promise<void>;
  cancelFixAll(): void;
  dismissChanges(): void;
  undo(): Promise<void>;
  mark(): Promise<void>;
  clearMarks(): Promise<void>;
  dismissNotice(): void;
  /** A host's own message (a fallback taken, a limit reached). */
  notify(text: string, intent?: Notice["intent"]): void;
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
  pendingFixAll: null,
  lastChanges: null,
};

/** Lets React paint the spinner before a synchronous analysis blocks the thread. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Errors and warnings (infos only when asked), the findings marks are drawn for. */
function findingsToMark(findings: readonly Finding[], settings: PaneSettings): Finding[] {
  if (settings.marks === false) return [];
  return findings.filter((f) => f.severity !== "info" || settings.markInfos === true);
}

function shown(v: unknown): number | string | null {
  if (typeof v === "number" || typeof v === "string") return v;
  if (typeof v === "boolean") return String(v);
  return null;
}

function refusedBy(outcome: WriteOutcome | void): Refusal[] {
  return outcome ? outcome.refused : [];
}

/**
 * What the file refused, said in the pane's words: the wrong cells it kept, each with its reason and right value
 * in the cell's own format ("C12: ô bị khóa … (đúng ra là 1.782)"), then how many right values merely stayed
 * typed numbers instead of becoming live formulas.
 */
function notWritten(
  refused: readonly Refusal[],
  changes: readonly Change[],
  grid: Grid | null,
  t: UiStrings,
  lang: PaneSettings["lang"],
): string {
  const byCell = new Map(changes.map((c) => [c.cell, c]));
  const wrong = refused.filter((r) => {
    const c = byCell.get(r.cell);
    return !c || !sameShown(c.before, c.after);
  });
  const parts: string[] = [];
  if (wrong.length)
    parts.push(
      fmt(t.notWritten, {
        n: formatNumber(wrong.length, lang),
        list: wrong.map((r) => refusalPhrase(r, lang, shownValue(r, grid, lang))).join("; "),
      }),
    );
  const kept = refused.length - wrong.length;
  if (kept) parts.push(fmt(t.notConverted, { n: formatNumber(kept, lang) }));
  return parts.join(" ");
}

/** A refused write's value as its cell shows it (a fraction under a percent format as a percentage). */
function shownValue(r: Refusal, grid: Grid | null, lang: PaneSettings["lang"]): string {
  const v = r.write.value;
  if (typeof v !== "number") return v === null ? "" : String(v);
  let format = r.write.numberFormat;
  if (!format && grid && grid.sheet === r.sheet) {
    const { row, col } = parseA1(r.cell);
    format = cellAt(grid, row, col)?.numberFormat;
  }
  return showCell(v, lang, format);
}

function sameShown(a: Change["before"], b: Change["after"]): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 1e-9;
  return a === b;
}

/** The changes list shows what was written, not what the file refused. */
function written(changes: Change[], refused: readonly Refusal[]): Change[] {
  const skip = new Set(refused.map((r) => r.cell));
  return changes.filter((c) => !skip.has(c.cell));
}

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
      // In the page's worker when there is one (src/worker): a 10,000-row check never stalls the pane.
      const analyses = host.analyze
        ? await host.analyze(grid, settings, overrides)
        : unpack(
            await work().run({ op: "analyze", source: { gridText: encodeGrid(grid) }, settings, overrides }),
          );
      const prev = ref.current.tableIndex;
      const tableIndex = keepTable && prev < analyses.length ? prev : 0;
      // Marks follow every check: a fixed cell loses its mark, a new finding gets one.
      try {
        const findings = analyses[tableIndex]?.findings ?? [];
        if (settings.marks === false) await host.clearMarks(grid.sheet);
        // A table only checked (years as columns) gets no marks either: nothing is written to it.
        else if (!analyses[tableIndex]?.readOnly)
          await host.markFindings(grid.sheet, findingsToMark(findings, settings));
      } catch (e) {
        update({
          notice: { intent: "warning", text: `${uiStrings(settings.lang).markFailed}: ${message(e)}` },
        });
      }
      // A transition: the findings of a 10,000-row table are drawn in slices, the pane stays responsive.
      React.startTransition(() =>
        update({
          phase: analyses.length ? "ready" : "empty",
          grid,
          analyses,
          tableIndex,
          settings,
          overrides,
          busy: null,
        }),
      );
    },
    [host, update],
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
  /** Before and after of each planned cell, read from the grid before it is written. */
  const describeChanges = (writes: WritePlan["writes"]): Change[] => {
    const grid = ref.current.grid;
    return writes.map((w) => {
      const { row, col } = parseA1(w.cell);
      const cell = grid ? cellAt(grid, row, col) : undefined;
      return {
        cell: w.cell,
        before: shown(cell?.value),
        after: shown(w.value),
        formula: w.formula,
        format: w.numberFormat ?? cell?.numberFormat,
      };
    });
  };
  const strings = () => uiStrings(ref.current.settings.lang);
  /** Why nothing is written: a table only checked (years as columns), or a reading not yet confirmed. */
  const refusal = (analysis: TableAnalysis) =>
    analysis.readOnly ? strings().readOnlyYears : strings().refusedUnsure;

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
        const analysis = current();
        if (analysis && readingUncertain(analysis)) {
          update({ notice: { intent: "warning", text: refusal(analysis) } });
          return;
        }
        const plan = grid ? planFixOne(grid.sheet, finding, settings) : null;
        if (!plan) return;
        const changes = describeChanges(plan.writes);
        const refused = refusedBy(await host.applyWrites(plan));
        await reload(true);
        if (refused.length === plan.writes.length) {
          update({
            notice: {
              intent: "warning",
              text: notWritten(refused, changes, ref.current.grid, strings(), ref.current.settings.lang),
            },
          });
          return;
        }
        update({
          lastChanges: written(changes, refused),
          notice: refused.length
            ? {
                intent: "warning",
                text: notWritten(refused, changes, ref.current.grid, strings(), ref.current.settings.lang),
              }
            : { intent: "success", text: fmt(strings().fixedOne, { cell: finding.cell }) },
        });
      }),
    fixAll: () => {
      const analysis = current();
      if (!analysis) return;
      if (readingUncertain(analysis)) {
        update({ notice: { intent: "warning", text: refusal(analysis) }, pendingFixAll: null });
        return;
      }
      const pending = planFixAll(analysis, ref.current.settings, ref.current.grid);
      if (pending.fixes.length + pending.toFormula.length === 0) {
        update({ notice: { intent: "info", text: strings().nothingToFix }, pendingFixAll: null });
        return;
      }
      update({ pendingFixAll: pending, lastChanges: null, notice: null });
    },
    cancelFixAll: () => update({ pendingFixAll: null }),
    convertUnicode: () =>
      guarded(strings().applying, async () => {
        const { grid } = ref.current;
        if (!grid) return;
        const writes = legacyTextConversions(grid);
        if (writes.length === 0) {
          update({ notice: { intent: "info", text: strings().nothingToFix } });
          return;
        }
        const changes = describeChanges(writes);
        const refused = refusedBy(await host.applyWrites({ writes, undecided: [] }));
        await reload(true);
        const parts = [fmt(strings().unicodeDone, { n: writes.length - refused.length })];
        if (refused.length)
          parts.push(notWritten(refused, changes, ref.current.grid, strings(), ref.current.settings.lang));
        update({ notice: { intent: refused.length ? "warning" : "success", text: parts.join(" ") } });
      }),
    dismissChanges: () => update({ lastChanges: null }),
    confirmFixAll: (withFormulas) =>
      guarded(strings().applying, async () => {
        const analysis = current();
        update({ pendingFixAll: null });
        if (!analysis) return;
        const { plan, refused: unsure } = planFixAll(
          analysis,
          ref.current.settings,
          ref.current.grid,
          withFormulas,
        );
        if (unsure) {
          update({ notice: { intent: "warning", text: refusal(analysis) } });
          return;
        }
        if (plan.writes.length === 0) {
          update({ notice: { intent: "info", text: strings().nothingToFix } });
          return;
        }
        const changes = describeChanges(plan.writes);
        const refused = refusedBy(await host.applyWrites(plan));
        await reload(true);
        const parts = [
          fmt(strings().fixedCount, {
            n: formatNumber(plan.writes.length - refused.length, ref.current.settings.lang),
          }),
        ];
        if (refused.length)
          parts.push(notWritten(refused, changes, ref.current.grid, strings(), ref.current.settings.lang));
        if (plan.undecided.length) parts.push(fmt(strings().undecidedNote, { n: plan.undecided.length }));
        const warn = plan.undecided.length > 0 || refused.length > 0;
        update({
          lastChanges: written(changes, refused),
          notice: { intent: warn ? "warning" : "success", text: parts.join(" ") },
        });
      }),
    undo: () =>
      guarded(strings().undoing, async () => {
        const done = await host.undo();
        await reload(true);
        // What was just written is gone: the list of written cells no longer says what the sheet holds.
        update({
          notice: { intent: "info", text: done ? strings().undone : strings().nothingToUndo },
          ...(done ? { lastChanges: null, pendingFixAll: null } : {}),
        });
      }),
    mark: () =>
      guarded(strings().marking, async () => {
        const analysis = current();
        if (!analysis) return;
        if (analysis.readOnly) {
          update({ notice: { intent: "warning", text: refusal(analysis) } });
          return;
        }
        const marked = findingsToMark(analysis.findings, { ...ref.current.settings, marks: true });
        await host.markFindings(analysis.table.sheet, marked);
        update({ notice: { intent: "info", text: fmt(strings().marked, { n: marked.length }) } });
      }),
    clearMarks: () =>
      guarded(strings().marking, async () => {
        const { grid } = ref.current;
        if (!grid) return;
        await host.clearMarks(grid.sheet);
        update({ notice: { intent: "info", text: strings().marksCleared } });
      }),
    dismissNotice: () => update({ notice: null }),
    notify: (text, intent = "warning") => update({ notice: { intent, text } }),
  };
  return [state, actions, t];
}
