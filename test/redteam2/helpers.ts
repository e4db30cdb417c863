// Red team 2 helpers: the first round's reader plus what these tests check about writes and certainty.
// Expected values in the tests are computed from the tables' own counts (round half-up), never from the engine.
import { fixPlan } from "../../src/engine";
import type { Finding } from "../../src/engine/report";
import { read } from "../redteam/helpers";

export { brief, dump, rate, read, sum, vnInt, vnRate } from "../redteam/helpers";

export const errs = (fs: Finding[]) => fs.filter((f) => f.severity === "error");
export const errCells = (fs: Finding[]) =>
  errs(fs)
    .map((f) => [f.cell, f.expected] as [string, number | null])
    .sort((a, b) => a[0].localeCompare(b[0], "en", { numeric: true }));
export const isSuggested = (f: Finding) => f.certainty === "suggested";

/** The cells fix would write, with their values. */
export function writes(r: ReturnType<typeof read>): Map<string, unknown> {
  return new Map(fixPlan(r.analyses).writes.map((w) => [w.cell, w.value]));
}

/** Round half-up to d decimals. */
export const roundTo = (x: number, d: number) => {
  const k = 10 ** d;
  return Number((Math.floor(x * k + 0.5 + 1e-9) / k).toFixed(d));
};
/** Truncate to d decimals. */
export const truncTo = (x: number, d: number) => {
  const k = 10 ** d;
  return Number((Math.floor(x * k + 1e-9) / k).toFixed(d));
};
