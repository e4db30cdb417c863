// A target typed by a person, read and validated.
import { fail } from "./error";
import type { PlanTarget } from "./types";

/**
 * Validates a target typed by a person: a number, or text such as "45", "1.518" (households, Vietnamese thousands),
 * "0,5" or "0.5" (points). Throws PlanError (not-a-number, negative, not-whole) with the text as typed.
 */
export function parseTarget(raw: string | number, kind: PlanTarget["kind"]): PlanTarget {
  const text = String(raw).trim();
  let value: number;
  if (typeof raw === "number") value = raw;
  else if (kind === "households" && /^\d{1,3}(\.\d{3})+$/.test(text)) value = Number(text.replace(/\./g, ""));
  else if (/^[-+]?\d+([.,]\d+)?$/.test(text)) value = Number(text.replace(",", "."));
  else value = NaN;
  if (!Number.isFinite(value)) fail("not-a-number", { text });
  if (value < 0) fail("negative", { text });
  if (kind === "households") {
    if (!Number.isInteger(value)) fail("not-whole", { text });
    return { kind, households: value };
  }
  return { kind, points: value };
}
