// One budgeted request planner for every read and write of the Office adapter (issue 22, item 6). Excel on the web
// refuses a request or a response over 5 MB counted in UTF-8 bytes; the budgets below leave room for Office.js's
// own envelope. Writes are operations with an estimated size, packed into syncs under REQUEST_BUDGET; reads are
// pieces with an estimated answer, grouped under RESPONSE_BUDGET, and a piece Excel still refuses as too large
// (ResponsePayloadSizeLimitExceeded) is asked again in halves by its reader.
import { codeOf } from "./messages";

/** Estimated UTF-8 bytes of one request: under 4 MB. */
export const REQUEST_BUDGET = 4_000_000;
/** Estimated UTF-8 bytes of one response: under 4 MB. */
export const RESPONSE_BUDGET = 4_000_000;
/** Our estimates leave a margin under the budget for what they do not count. */
export const PACK_BUDGET = REQUEST_BUDGET * 0.95;
/** Bytes counted for a command's own envelope (method, object path). */
export const OP_OVERHEAD = 200;

/** One write command, queued on the context when its batch's turn comes. */
export interface Op {
  bytes: number;
  apply(context: Excel.RequestContext): void;
}

/** Operations in order, in batches under `budget` bytes (an operation larger than the budget goes alone). */
export function pack(ops: Op[], budget: number = PACK_BUDGET): Op[][] {
  return groupBy(ops, (op) => op.bytes, budget);
}

/** Items in order, in groups whose estimated bytes stay under `budget` (one item alone when it is larger). */
export function groupBy<T>(items: T[], bytesOf: (item: T) => number, budget: number): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const b = bytesOf(item);
    if (current.length > 0 && bytes + b > budget) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += b;
  }
  if (current.length) groups.push(current);
  return groups;
}

/** Queues each batch and syncs it; a failed sync goes to `failed`, which throws the message the user reads. */
export async function syncPacked(
  context: Excel.RequestContext,
  ops: Op[],
  failed: (e: unknown) => Error,
  budget: number = PACK_BUDGET,
): Promise<void> {
  for (const batch of pack(ops, budget)) {
    for (const op of batch) op.apply(context);
    try {
      await context.sync();
    } catch (e) {
      throw failed(e);
    }
  }
}

/** Excel refused the answer as too large: the reader asks again for less. */
export function tooLarge(e: unknown): boolean {
  return codeOf(e) === "ResponsePayloadSizeLimitExceeded";
}
