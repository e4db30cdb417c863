// Candidate values for a cell: what each of its broken relations asks of it, the other cells as they are now.
import { roundHalfUp } from "../numbers";
import { type Ref, type Relation, refFromKey, refKey } from "../relations";
import { relationValue } from "../recompute";
import type { Board } from "./board";
import type { LocatorRelation } from "./types";

type Rate = Extract<Relation, { kind: "rate" }>;

export function proposals(board: Board, key: number): number[] {
  const out: number[] = [];
  for (const e of board.entriesOf(key)) {
    if (!board.broken(e.rel)) continue;
    for (const v of solveFor(board, e.rel, key))
      if (acceptable(board, key, v) && !out.some((x) => Math.abs(x - v) < 1e-9)) out.push(v);
  }
  // A count whose rates all disagree: the value every rate allows.
  const rates = board
    .entriesOf(key)
    .filter((e) => e.rel.kind === "rate" && refKey((e.rel as { base: Ref }).base) === key);
  if (rates.length >= 2) {
    const v = commonBase(
      board,
      rates.map((e) => e.rel as Rate),
      key,
    );
    if (v !== undefined && acceptable(board, key, v) && !out.includes(v)) out.push(v);
  }
  return out;
}

/** Values of `key` that would make `rel` hold, the other cells as they are now. */
function solveFor(board: Board, rel: LocatorRelation, key: number): number[] {
  const { get } = board;
  const ref = refFromKey(key);
  const current = get(ref);
  if (rel.kind === "bound") return [];
  if (refKey(rel.target) === key) {
    const v = relationValue(rel, get, board.decimals(ref));
    return v === undefined ? [] : [v];
  }
  if (rel.kind === "rate") {
    const r = get(rel.target);
    if (r === undefined) return [];
    const h = 0.5 * 10 ** -board.decimals(rel.target);
    const lo = rel.truncate ? r : r - h;
    const hi = rel.truncate ? r + 2 * h : r + h;
    if (refKey(rel.base) === key) {
      let n = 0;
      for (const x of rel.numerator) {
        const v = get(x);
        if (v === undefined) return [];
        n += v;
      }
      if (n === 0 || hi <= 0) return [];
      const bLo = (n * rel.scale) / hi;
      const bHi = lo > 0 ? (n * rel.scale) / lo : Number.POSITIVE_INFINITY;
      return nearestIn(bLo, bHi, current, board.isCount(key));
    }
    const base = get(rel.base);
    if (base === undefined || base === 0) return [];
    let rest = 0;
    for (const x of rel.numerator) {
      if (refKey(x) === key) continue;
      const v = get(x);
      if (v === undefined) return [];
      rest += v;
    }
    return nearestIn(
      (lo * base) / rel.scale - rest,
      (hi * base) / rel.scale - rest,
      current,
      board.isCount(key),
    );
  }
  const target = get(rel.target);
  if (target === undefined) return [];
  let rest = 0;
  let coef = 0;
  for (const t of rel.terms) {
    if (refKey(t.ref) === key) {
      coef += t.coef;
      continue;
    }
    const v = get(t.ref);
    if (v === undefined) return [];
    rest += t.coef * v;
  }
  if (coef === 0) return [];
  let v = Number(((target - rest) / coef).toPrecision(12));
  if (!board.isCount(key)) v = roundHalfUp(v, Math.max(board.decimals(ref), 0));
  return [v];
}

function acceptable(board: Board, key: number, v: number): boolean {
  if (!Number.isFinite(v)) return false;
  if (board.isCount(key) && (!Number.isInteger(v) || v < 0)) return false;
  const cur = board.get(refFromKey(key));
  return cur === undefined || Math.abs(cur - v) > 1e-9;
}

/** The base every rate of the count allows, nearest to the current one. */
function commonBase(board: Board, rates: Rate[], key: number): number | undefined {
  const { get } = board;
  let lo = 1;
  let hi = Number.POSITIVE_INFINITY;
  for (const rel of rates) {
    const r = get(rel.target);
    if (r === undefined) return undefined;
    let n = 0;
    for (const x of rel.numerator) {
      const v = get(x);
      if (v === undefined) return undefined;
      n += v;
    }
    if (n === 0) continue;
    const h = 0.5 * 10 ** -board.decimals(rel.target);
    lo = Math.max(lo, Math.ceil((n * rel.scale) / (r + h) - 1e-9));
    if (r - h > 0) hi = Math.min(hi, Math.floor((n * rel.scale) / (r - h) + 1e-9));
  }
  if (lo > hi || !Number.isFinite(hi)) return undefined;
  const cur = get(refFromKey(key)) ?? lo;
  return Math.min(Math.max(Math.round(cur), lo), hi);
}

/** The value in [lo, hi] nearest to the current one (a whole number for counts). */
function nearestIn(lo: number, hi: number, current: number | undefined, whole: boolean): number[] {
  if (!(hi > lo)) return [];
  if (whole) {
    const a = Math.ceil(lo - 1e-9);
    const b = Math.ceil(hi - 1e-9) - 1; // hi is exclusive
    if (a > b) return [];
    const c = current === undefined ? a : Math.round(current);
    return [Math.min(Math.max(c, a), b)];
  }
  const c = current ?? lo;
  return [Math.min(Math.max(c, lo), hi)];
}
