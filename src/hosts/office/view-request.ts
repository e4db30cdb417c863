// "Lập phụ lục" with the pane already open (issue 22, item 4). One TaskpaneId opening several URLs misbehaves on
// the web and the Mac when the pane is open, so the pane has one URL and the wanted view travels in the document
// settings, which both runtimes read: the ribbon's command writes a request, the open pane (which reads the
// settings again every second) takes it and switches. A request nobody took says the pane is closed: the command
// says so, and the pane opens on that view when the user opens it within a few minutes.
import type { Lang } from "../../i18n/lang";
import type { OfficeEnv } from "./env";
import * as store from "./settings";

export const VIEW_KEY = "phuluc.view";
export type RequestedView = "findings" | "appendix";
/** A request older than this is stale: the pane opened later opens as usual. */
export const REQUEST_TTL_MS = 3 * 60_000;

interface ViewRequest {
  view: RequestedView;
  at: number;
  id: string;
}

function current(env: OfficeEnv, now: number): ViewRequest | null {
  const raw = env.settings?.get(VIEW_KEY) as Partial<ViewRequest> | null | undefined;
  if (!raw || typeof raw !== "object") return null;
  if (raw.view !== "findings" && raw.view !== "appendix") return null;
  if (typeof raw.at !== "number" || typeof raw.id !== "string") return null;
  if (now - raw.at > REQUEST_TTL_MS || raw.at > now + 60_000) return null;
  return raw as ViewRequest;
}

/** The command's side: asks for a view; resolves true once an open pane took it, false after `waitMs`. */
export async function requestView(
  env: OfficeEnv,
  view: RequestedView,
  lang: Lang,
  options: { waitMs?: number; pollMs?: number; now?: () => number } = {},
): Promise<boolean> {
  if (!env.settings) return false; // outside a document there is no pane to ask
  const now = options.now ?? Date.now;
  const id = `${now()}-${Math.random().toString(36).slice(2, 8)}`;
  await store.saveValue(env, VIEW_KEY, { view, at: now(), id }, lang);
  const until = now() + (options.waitMs ?? 3000);
  while (now() < until) {
    await new Promise((r) => setTimeout(r, options.pollMs ?? 250));
    await store.refresh(env);
    if (current(env, now())?.id !== id) return true;
  }
  return false;
}

/**
 * The pane's side: takes a pending request at once (the pane was opened after the command asked), then checks
 * every `pollMs`. Each request is taken once (removed from the settings). Returns a function that stops it.
 */
export function watchViewRequests(
  env: OfficeEnv,
  onView: (view: RequestedView) => void,
  lang: Lang,
  options: { pollMs?: number; now?: () => number } = {},
): () => void {
  if (!env.settings) return () => undefined;
  const now = options.now ?? Date.now;
  let stopped = false;
  let busy = false;
  const check = async () => {
    if (busy || stopped) return;
    busy = true;
    try {
      await store.refresh(env);
      const request = current(env, now());
      if (request && !stopped) {
        await store.saveValue(env, VIEW_KEY, null, lang);
        onView(request.view);
      }
    } catch {
      // a failed refresh or save: the next round tries again
    } finally {
      busy = false;
    }
  };
  void check();
  const timer = setInterval(() => void check(), options.pollMs ?? 1000);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
