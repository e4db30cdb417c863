// Everything the adapter takes from the Office.js globals, behind one seam so that tests can hand in fakes.
import type { Lang } from "../../engine/model";

export interface OfficeEnv {
  /** Excel.run: one request context per operation. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
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
}

export function officeEnv(): OfficeEnv {
  return {
    run: (batch) => Excel.run(batch),
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
}
