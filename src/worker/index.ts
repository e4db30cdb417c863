// The worker: reads sheets and runs the engine so that the page never stalls on a 10,000-row table. Started by
// the pages through spawn.ts; it answers each request (protocol.ts) with the handler's result or its error.
import "../hosts/jitless";
import { createHandler, toWorkError } from "./handler";
import type { WorkRequest, WorkResponse } from "./protocol";

const handle = createHandler();
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<{ id: number; request: WorkRequest }>) => void) | null;
  postMessage(message: WorkResponse): void;
};

// Started: from now on a death is a death while working (the client then never moves that file into the page).
scope.postMessage({ id: 0, ok: true, value: "ready" });

scope.onmessage = (e) => {
  const { id, request } = e.data;
  let response: WorkResponse;
  try {
    response = { id, ok: true, value: handle(request) };
  } catch (err) {
    response = { id, ok: false, error: toWorkError(err) };
  }
  scope.postMessage(response);
};
