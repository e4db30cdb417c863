// The pages' door to the worker: each request gets a promise. Where no worker can start (a page opened from
// file://, a webview without workers, jest), the same handler runs in the page instead, one request per task.
// The page never freezes on a file (issue 24.7): each request has a time budget; when it runs out, or the user
// presses "Hủy", or the worker dies while working (out of memory), the worker is ended, that file's requests fail
// with one line (the reader's own message for a file too large), and a fresh worker takes the other files and the
// waiting requests. A file that killed the worker is never read again in the page.
import type { Handler } from "./handler";
import { fromWorkError } from "./errors";
import { reasonDetail, XlsxReadError } from "../hosts/xlsx/errors";
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

export interface WorkOptions {
  /** Longest a request on a file may run in the worker before it is stopped, ms (60 s). */
  budgetMs?: number;
}

/** The user stopped the reading ("Hủy"): not an error to show as one. */
export class WorkCancelled extends Error {
  constructor() {
    super("cancelled");
    this.name = "WorkCancelled";
  }
}

const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class WorkClient {
  private worker: WorkerLike | null = null;
  /** True once the worker has answered: a worker that dies after that died working, not starting. */
  private answered = false;
  private local: Promise<Handler> | null = null;
  private nextId = 1;
  /** Requests sent and not answered, in the order the worker takes them (the first is the one it works on). */
  private readonly pending = new Map<number, Pending>();
  /** Files opened through this client, to open again in a new worker (or in the page). */
  private readonly opened = new Map<number, Extract<WorkRequest, { op: "open" }>>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timed = 0;
  private readonly budgetMs: number;

  constructor(
    private readonly spawn?: () => WorkerLike,
    options: WorkOptions = {},
  ) {
    this.budgetMs = options.budgetMs ?? 60000;
    if (spawn) this.start();
  }

  private start(): void {
    try {
      const worker = this.spawn!();
      worker.onmessage = (e) => this.settle(e.data);
      worker.onerror = (e) => {
        e.preventDefault?.();
        this.died(worker);
      };
      // A message that cannot be read back is as good as lost.
      (worker as { onmessageerror?: ((e: Event) => void) | null }).onmessageerror = () => this.died(worker);
      this.worker = worker;
    } catch {
      // file:// pages and some webviews refuse workers: the page does the work itself.
      this.worker = null;
    }
  }

  /** True while requests run in the worker (false: in the page, where they cannot be stopped). */
  get offThread(): boolean {
    return this.worker !== null;
  }

  run<R extends WorkRequest>(request: R): Promise<ResultOf<R>> {
    if (request.op === "open") this.opened.set(request.file, request as Extract<WorkRequest, { op: "open" }>);
    if (request.op === "close") this.opened.delete(request.file);
    return new Promise<ResultOf<R>>((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { request, resolve: resolve as (v: unknown) => void, reject });
      if (this.worker) {
        this.worker.postMessage({ id, request });
        this.arm();
      } else void this.runHere(id);
    });
  }

  /**
   * Stops the work on a file ("Hủy"; the file being worked on when none is named): its requests fail with
   * WorkCancelled and the worker goes on with the others. No-op where the work runs in the page.
   */
  cancel(file?: number): void {
    if (!this.worker) return;
    const target = file ?? fileOf(this.pending.values().next().value?.request);
    if (target === undefined) return;
    this.restart(target, () => new WorkCancelled());
  }

  private settle(response: WorkResponse): void {
    this.answered = true;
    const p = this.pending.get(response.id);
    if (!p) return;
    this.pending.delete(response.id);
    this.arm();
    if (response.ok) p.resolve(response.value);
    else p.reject(fromWorkError(response.error));
  }

  /** The budget runs for the request the worker works on (the oldest unanswered). */
  private arm(): void {
    const head = this.pending.keys().next().value;
    if (head === this.timed && this.timer !== undefined) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.timed = head ?? 0;
    if (head === undefined || !this.worker) return;
    // The budget is for reading a file; a grid sent whole (Excel's pane) has no file to blame and runs on.
    if (fileOf(this.pending.get(head)?.request) === undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const p = this.pending.get(head);
      if (!p) return;
      this.restart(fileOf(p.request), () => tooLarge(this.nameOf(p.request), "time", this.budgetMs / 1000));
    }, this.budgetMs);
  }

  private died(worker: WorkerLike): void {
    if (worker !== this.worker) return;
    if (!this.answered) {
      // It never worked: no worker can run here. Everything moves into the page.
      void this.fallBack();
      return;
    }
    // It died working, most likely out of memory on the file of the request it was on.
    const head = this.pending.values().next().value;
    this.restart(fileOf(head?.request), () => tooLarge(this.nameOf(head?.request), "memory"));
  }

  /**
   * Ends the worker; the requests of `file` (or only the request being worked on, when it names no file) fail
   * with `why`; a new worker opens the other files again and takes the waiting requests, in order.
   */
  private restart(file: number | undefined, why: () => Error): void {
    this.worker?.terminate();
    this.worker = null;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const entries = [...this.pending.entries()];
    const headId = entries[0]?.[0];
    for (const [id, p] of entries) {
      if (id === headId || (file !== undefined && fileOf(p.request) === file)) {
        this.pending.delete(id);
        p.reject(why());
      }
    }
    if (file !== undefined) this.opened.delete(file);
    this.answered = false;
    this.start();
    const worker = this.worker as WorkerLike | null;
    if (!worker) {
      void this.fallBack();
      return;
    }
    const waiting = new Set(
      [...this.pending.values()].flatMap((p) => (p.request.op === "open" ? [p.request.file] : [])),
    );
    for (const open of this.opened.values()) {
      if (waiting.has(open.file)) continue; // its own request opens it
      worker.postMessage({ id: 0, request: open }); // answered with id 0: nobody waits for it
    }
    for (const [id, p] of this.pending) worker.postMessage({ id, request: p.request });
    this.arm();
  }

  private nameOf(request: WorkRequest | undefined): string {
    if (!request) return "";
    if (request.op === "open") return request.fileName;
    const file = fileOf(request);
    return file !== undefined ? (this.opened.get(file)?.fileName ?? "") : "";
  }

  /** The worker could not start: every open file and waiting request moves into the page. */
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

/** The file a request works on, if it names one. */
function fileOf(request: WorkRequest | undefined): number | undefined {
  if (!request) return undefined;
  if (request.op === "analyze") return "file" in request.source ? request.source.file : undefined;
  return request.file;
}

/** The reader's own words for a file over the page's budget (as the CLI says "too large to handle safely"). */
function tooLarge(fileName: string, kind: "time" | "memory", value: number | string = ""): XlsxReadError {
  return new XlsxReadError("too-large", fileName, reasonDetail("", kind, value));
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
