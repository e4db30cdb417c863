// The pages' door to the worker: each request gets a promise. Where no worker can run (a page opened from
// file://, a webview without workers, jest), or when the worker fails to start or dies, the same handler runs in
// the page instead, one request per task, and nothing is lost: files opened in the worker are opened again here.
import type { Handler } from "./handler";
import { fromWorkError } from "./errors";
import type { ResultOf, WorkRequest, WorkResponse } from "./protocol";

/** What the client needs of a Worker (a fake in tests). */
export interface WorkerLike {
  postMessage(message: unknown): void;
  onmessage: ((e: MessageEvent<WorkResponse>) => void) | null;
  onerror: ((e: Event) => void) | null;
  terminate(): void;
}

interface Pending {
  request: WorkRequest;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class WorkClient {
  private worker: WorkerLike | null = null;
  private local: Promise<Handler> | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Files opened through this client, to open again in the page if the worker goes away. */
  private readonly opened = new Map<number, Extract<WorkRequest, { op: "open" }>>();

  constructor(spawn?: () => WorkerLike) {
    if (!spawn) return;
    try {
      const worker = spawn();
      worker.onmessage = (e) => this.settle(e.data);
      worker.onerror = (e) => {
        e.preventDefault?.();
        void this.fallBack();
      };
      // A message that cannot be read back is as good as lost: the page does the work instead.
      (worker as { onmessageerror?: ((e: Event) => void) | null }).onmessageerror = () =>
        void this.fallBack();
      this.worker = worker;
    } catch {
      // file:// pages and some webviews refuse workers: the page does the work itself.
    }
  }

  /** True while requests run in the worker (false: in the page). */
  get offThread(): boolean {
    return this.worker !== null;
  }

  run<R extends WorkRequest>(request: R): Promise<ResultOf<R>> {
    if (request.op === "open") this.opened.set(request.file, request as Extract<WorkRequest, { op: "open" }>);
    if (request.op === "close") this.opened.delete(request.file);
    return new Promise<ResultOf<R>>((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { request, resolve: resolve as (v: unknown) => void, reject });
      if (this.worker) this.worker.postMessage({ id, request });
      else void this.runHere(id);
    });
  }

  private settle(response: WorkResponse): void {
    const p = this.pending.get(response.id);
    if (!p) return;
    this.pending.delete(response.id);
    if (response.ok) p.resolve(response.value);
    else p.reject(fromWorkError(response.error));
  }

  /** The worker could not start or died: every open file and waiting request moves into the page. */
  private async fallBack(): Promise<void> {
    this.worker?.terminate();
    this.worker = null;
    let local: Handler;
    try {
      local = await this.handler();
    } catch (e) {
      for (const [id, p] of this.pending) {
        this.pending.delete(id);
        p.reject(e instanceof Error ? e : new Error(String(e)));
      }
      return;
    }
    const waiting = [...this.pending.entries()].sort(([a], [b]) => a - b);
    const openingNow = new Set(
      waiting.map(([, p]) => p.request).flatMap((r) => (r.op === "open" ? [r.file] : [])),
    );
    for (const open of this.opened.values()) {
      if (openingNow.has(open.file)) continue; // its own request opens it
      try {
        local(open);
      } catch {
        // the file's next request reports it
      }
    }
    for (const [id] of waiting) void this.runHere(id);
  }

  /** The handler, loaded into the page only when it is needed there (a chunk of its own in the bundles). */
  private handler(): Promise<Handler> {
    this.local ??= import("./handler").then((m) => m.createHandler());
    return this.local;
  }

  private async runHere(id: number): Promise<void> {
    await breathe(); // the page paints its spinner first
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    try {
      const handle = await this.handler();
      p.resolve(handle(p.request));
    } catch (e) {
      p.reject(e instanceof Error ? e : new Error(String(e)));
    }
  }
}

let spawner: (() => WorkerLike) | undefined;
let shared: WorkClient | null = null;

/** Called by the pages' entries (spawn.ts): requests go to a worker from then on. */
export function configureWork(spawn: (() => WorkerLike) | undefined): void {
  spawner = spawn;
  shared = null;
}

/** The page's one client (in-page until configureWork gave it a worker). */
export function work(): WorkClient {
  shared ??= new WorkClient(spawner);
  return shared;
}
