// The Office.js host: the PaneHost the task pane uses inside Excel. Every Office.js call lives in this folder.
import type { AppendixLayout, Grid, Overrides, Finding, WritePlan } from "../../engine";
import type { PaneHost, PaneSettings } from "../port";
import { officeEnv, waitingEnv, type OfficeEnv, type OfficeHostOptions } from "./env";
import { clearMarks, markFindings, marksSupported, selectCell } from "./marks";
import { readGrid } from "./read";
import { writeSample } from "./sample";
import { writeAppendix } from "./render-appendix";
import * as store from "./settings";
import { message } from "./messages";
import { applyWrites, canUndo, groupedUndo, undo, type UndoMemory } from "./write";
import { requestView, watchViewRequests, type RequestedView } from "./view-request";

export interface OfficeCapabilities {
  /** Merged areas are read (ExcelApi 1.13). */
  merges: boolean;
  /** Findings can be marked with conditional formats (ExcelApi 1.6). */
  marks: boolean;
  /** The undo sheet can be hidden (ExcelApi 1.2). */
  hiddenUndo: boolean;
  /** Appendix page setup: A4, print titles, fit to width (ExcelApi 1.9). */
  pageLayout: boolean;
  /** Each fix is one step of Excel's own Ctrl+Z, and no undo sheet is made (ExcelApi 1.20). */
  undoGroup: boolean;
}

export interface OfficeHost extends PaneHost {
  kind: "excel";
  /** Async: whether Excel's undo group works depends on the loaded Office.js library, probed once. */
  capabilities(): Promise<OfficeCapabilities>;
  /**
   * "Dùng bảng mẫu": adds the bundled sample as a new, active sheet named `title` (made unique); returns its name.
   * Not a cell fix: nothing goes on the pane's undo.
   */
  writeSample(title: string): Promise<string>;
  /** A ribbon command asks the open pane for a view; true once the pane took it (false: the pane is closed). */
  requestView(view: RequestedView): Promise<boolean>;
  /** The pane follows the views the ribbon asks for (a request made just before it opened included). */
  onViewRequest(onView: (view: RequestedView) => void): () => void;
}

export function createOfficeHost(options: OfficeHostOptions = {}): OfficeHost {
  const notice = options.onNotice;
  // Every batch waits while the user is typing in a cell (and says so after a while) instead of failing.
  const env: OfficeEnv = waitingEnv(
    options.env ?? officeEnv(),
    notice,
    () => message("cellEditWait", {}, lang),
    options.cellEditNoticeMs,
    options.waitForCellEdit ?? true,
  );
  // Messages follow the pane's language setting once it is known.
  const defaultLang = store.langFromDisplay(options.displayLanguage);
  let lang = options.lang ?? store.loadSettings(env, defaultLang).lang;
  // The pane's own undo where the workbook keeps none (ExcelApi 1.20, or a protected workbook structure).
  const memory: UndoMemory = [];
  return {
    kind: "excel",
    capabilities: async () => ({
      merges: env.isSetSupported("ExcelApi", "1.13"),
      marks: marksSupported(env),
      hiddenUndo: env.isSetSupported("ExcelApi", "1.2"),
      pageLayout: env.isSetSupported("ExcelApi", "1.9"),
      undoGroup: await groupedUndo(env),
    }),
    readGrid: (): Promise<Grid | null> => readGrid(env, lang, notice),
    applyWrites: (plan: WritePlan) => applyWrites(env, plan, lang, notice, memory),
    markFindings: (sheet: string, findings: Finding[]) => markFindings(env, sheet, findings, lang, notice),
    clearMarks: (sheet: string) => clearMarks(env, sheet, lang),
    selectCell: (sheet: string, address: string) => selectCell(env, sheet, address, lang),
    canUndo: () => canUndo(env, memory),
    undo: () => undo(env, lang, notice, memory),
    writeAppendix: (layout: AppendixLayout) => writeAppendix(env, layout, lang, notice),
    writeSample: (title: string) => writeSample(env, title, lang),
    requestView: (view: RequestedView) => requestView(env, view, lang),
    onViewRequest: (onView: (view: RequestedView) => void) => watchViewRequests(env, onView, lang),
    loadOverrides: async (sheet: string) => store.loadOverrides(env, sheet),
    saveOverrides: (sheet: string, overrides: Overrides) => store.saveOverrides(env, sheet, overrides, lang),
    loadSettings: async () => store.loadSettings(env, defaultLang),
    saveSettings: (settings: PaneSettings) => {
      lang = settings.lang;
      return store.saveSettings(env, settings, lang);
    },
  };
}

export { officeEnv } from "./env";
export type { OfficeEnv, OfficeHostOptions } from "./env";
export { OfficeHostError } from "./messages";
export { UNDO_SHEET } from "./write";
export { langFromDisplay } from "./settings";
export type { RequestedView } from "./view-request";
