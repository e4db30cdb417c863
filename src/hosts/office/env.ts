// Everything the adapter takes from the Office.js globals, behind one seam so that tests can hand in fakes.
import type { Lang } from "../../i18n/lang";

/** What the adapter asks of Excel.run (Excel.RunOptions). */
export interface BatchOptions {
  /** Wait while the user is typing in a cell instead of failing with InvalidOperationInCellEditMode (1.11). */
  delayForCellEdit?: boolean;
  /** Every sync of this run is one step of Excel's own undo (ExcelApi 1.20). */
  mergeUndoGroup?: boolean;
}

export interface OfficeEnv {
  /** Excel.run: one request context per operation. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>, options?: BatchOptions): Promise<T>;
  /** Office.context.requirements.isSetSupported: newer APIs are used only when this says yes. */
  isSetSupported(name: string, version: string): boolean;
  /** Office.context.document.settings; undefined outside a document. */
  settings: Office.Settings | undefined;
}

export interface OfficeHostOptions {
  env?: OfficeEnv;
  /** Messages for the user that are not failures (a fallback taken, a limit reached). */
  onNotice?: (message: string) => void;
  lang?: Lang;
  /** Office.context.displayLanguage: the pane's language until the user chooses one (vi-* → vi, others → en). */
  displayLanguage?: string;
  /** After this long waiting for the user to leave a cell, say so (default 1500 ms). */
  cellEditNoticeMs?: number;
  /**
   * Wait while the user is typing in a cell (default). A ribbon command, which Excel stops after five minutes,
   * passes false: it fails at once with a message saying to press Enter and try again.
   */
  waitForCellEdit?: boolean;
}

export function officeEnv(): OfficeEnv {
  const env: OfficeEnv = {
    run: (batch, options) => {
      // RunOptions exist from ExcelApi 1.11 (delayForCellEdit); mergeUndoGroup from 1.20. Older hosts get none.
      const run: Excel.RunOptions = {};
      if (options?.delayForCellEdit && env.isSetSupported("ExcelApi", "1.11")) run.delayForCellEdit = true;
      if (options?.mergeUndoGroup && env.isSetSupported("ExcelApi", "1.20")) run.mergeUndoGroup = true;
      return Object.keys(run).length > 0 ? Excel.run(run, batch) : Excel.run(batch);
    },
    isSetSupported(name, version) {
      try {
        return Boolean(Office.context?.requirements?.isSetSupported(name, version));
      } catch {
        return false;
      }
    },
    get settings() {
      return typeof Office !== "undefined" ? Office.context?.document?.settings : undefined;
    },
  };
  return env;
}

/**
 * The env every module of the adapter uses: each batch waits for the user to leave cell-edit mode (rather than
 * fail with InvalidOperationInCellEditMode), and a long wait is said, so the pane shows why nothing happens yet.
 */
export function waitingEnv(
  env: OfficeEnv,
  notice: ((m: string) => void) | undefined,
  waitMessage: () => string,
  ms = 1500,
  wait = true,
): OfficeEnv {
  return {
    isSetSupported: (name, version) => env.isSetSupported(name, version),
    get settings() {
      return env.settings;
    },
    async run(batch, options = {}) {
      if (!wait) return env.run(batch, options);
      const timer = notice ? setTimeout(() => notice(waitMessage()), ms) : undefined;
      try {
        return await env.run(batch, { delayForCellEdit: true, ...options });
      } finally {
        if (timer !== undefined) clearTimeout(timer);
      }
    },
  };
}
