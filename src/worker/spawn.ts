// Starts the worker. Imported only by the pages' entry files: webpack turns `new URL(…, import.meta.url)` into
// the worker's own bundle (its chunks load from the same origin, which the pages' CSP allows); jest and the CLI,
// compiled as CommonJS, never load this file.
import { configureWork } from "./client";

export function startWorker(): void {
  configureWork(
    // @ts-expect-error -- import.meta: webpack compiles this file as an ES module (tsconfig says commonjs).
    () => new Worker(new URL("./index.ts", import.meta.url), { name: "phuluc" }),
  );
}
