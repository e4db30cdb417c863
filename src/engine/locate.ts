// Locating the cells to blame, as errorlocate does: detecting a broken relation, locating the cells to change and
// proposing their values are separate steps. This module only locates, over plain data (relations, values,
// weights), so it is testable without a grid.
//
// The objective: the smallest weighted set of cells whose change satisfies every relation. Weights are data
// (WEIGHTS below: derived cells cheap, inputs dear, assigned targets dearer, cells the user confirmed never).
// Among sets of equal weight, the one with more confirming evidence wins, then the one higher and further left.
// An input is changed only when a relation OTHER than the one its new value repairs confirms that value (its
// row's rate, a second total, a stated relation, a part ≤ whole bound): otherwise the relations cannot tell
// which part is wrong, and the aggregate that does not match its parts is what gets reported.
//
// The search is exact over small candidate sets: the broken relations are split into connected components (they
// share cells), and each component is solved by a bounded depth-first search that branches on a broken relation's
// cells. Derived cells that a change makes wrong are recomputed, not searched (they are consequences: fix
// recomputes them, no finding lands on them). A component too large for the exact search (hundreds of defects in
// one column under one total) is solved neighbourhood by neighbourhood.
import { roundHalfUp } from "./numbers";
import { type Ref, type Relation, refFromKey, refKey, relationCells } from "./relations";
import { relationValue } from "./recompute";

/** A part that cannot exceed its whole (poor households ≤ households, a reduction ≤ the poor at the start). */
export interface Bound {
  kind: "bound";
  rule: Relation["rule"];
  target: Ref;
  whole: Ref;
}
export type LocatorRelation = Relation | Bound;

export const WEIGHTS = {
  /** A cell of a column found copied from another (explain.ts): the likeliest wrong of all. */
  copied: 0.5,
  /** A cell whose value follows from a relation (a rate, a subtotal, a reduction in a report). */
  derived: 1,
  /** A number someone typed (households, poor households at the start and end). */
  input: 2,
  /** A target assigned from above (the reduction in a plan): typed too, but the figure least likely wrong. */
  target: 3,
  /** A cell the user confirmed in the pane: never changed. */
  confirmed: Number.POSITIVE_INFINITY,
} as const;

/** What the locator knows of the cells, addressed by refKey. */
export interface CellValues {
  /** The number in the cell; undefined when empty or unreadable. */
  value(key: number): number | undefined;
  /** Plausible readings of an unreadable number (`0.52,4` → 0,52 and 0,524): a relation holds if one does. */
  readings?(key: number): readonly number[] | undefined;
  /** Decimals the cell shows (rates). */
  decimals(key: number): number;
  /** The cell holds a count: any new value must be a whole non-negative number. */
  isCount?(key: number): boolean;
}

export interface Blame {
  cell: Ref;
  /** The value now in the cell (undefined when empty). */
  old: number | undefined;
  /** The value that satisfies every relation of the cell. */
  value: number;
  /** `cell`: a cell to correct. `consequence`: a derived cell that follows a correction (no finding of its
   *  own). `aggregate`: a total that does not match its parts where the relations cannot tell which part is
   *  wrong, or what no small set of changes explains. */
  kind: "cell" | "consequence" | "aggregate";
  /** Broken relations this change repairs. */
  explains: LocatorRelation[];
  /** Relations other than the first repaired one that agree with the new value. */
  confirmedBy: LocatorRelation[];
  /** True when the cell's weight is that of a derived cell. */
  derived: boolean;
}

export interface LocateOptions {
  /** Weight of a derived cell (default WEIGHTS.derived): the threshold below which a cell is recomputed. */
  derivedWeight?: number;
  /** Branching depth of the exact search (default 3 changes, consequences not counted). */
  maxDepth?: number;
  /** Search nodes per component before it is solved neighbourhood by neighbourhood (default 4000). */
  nodeBudget?: number;
}

type Status = "ok" | "violated" | "soft" | "skip";

const EPS = 1e-6;
/** A relation over more cells than this is a hub (a total over many rows): it is searched only through its
 *  derived cells, and in a large component it is settled after the rows. */
const HUB = 12;

/** The cells of a relation (for a bound: part and whole). */
export function locatorCells(rel: LocatorRelation): Ref[] {
  return rel.kind === "bound" ? [rel.target, rel.whole] : relationCells(rel);
}

/** Plausible readings of a malformed number: each separator taken as the decimal point with what follows it
 *  up to the next separator (`0.52,4` → 0,52) or with every later digit (`0.52,4` → 0,524). */
export function plausibleReadings(text: string): number[] {
  const s = text.replace(/[\s%]/g, "");
  if (!/^[+-]?[\d.,]+$/.test(s)) return [];
  const sign = s.startsWith("-") ? -1 : 1;
  const body = s.replace(/^[+-]/, "");
  const parts = body.split(/[.,]/);
  if (parts.length < 2 || parts.some((p) => p === "")) return [];
  const out = new Set<number>();
  for (let i = 1; i < parts.length; i++) {
    const int = parts.slice(0, i).join("");
    out.add(sign * Number(`${int}.${parts[i]}`));
    out.add(sign * Number(`${int}.${parts.slice(i).join("")}`));
  }
  out.add(sign * Number(parts.join("")));
  return [...out].filter(Number.isFinite);
}

interface Entry {
  rel: LocatorRelation;
  /** Coefficient of the cell in a linear relation's right-hand side (0 for its target, rates and bounds). */
  coef: number;
}

/** Finds the cells to blame. Relations that hold are never broken by the changes it proposes. */
export function locate(
  relations: readonly LocatorRelation[],
  values: CellValues,
  weights: (key: number) => number,
  options: LocateOptions = {},
): Blame[] {
  const derivedWeight = options.derivedWeight ?? WEIGHTS.derived;
  const maxDepth = options.maxDepth ?? 3;
  const nodeBudget = options.nodeBudget ?? 4000;
  // Which relations each cell is in: built only when something is broken (a clean table costs one pass).
  let index: Map<number, Entry[]> | undefined;
  const buildIndex = (): Map<number, Entry[]> => {
    const m = new Map<number, Entry[]>();
    const add = (key: number, e: Entry) => {
      const list = m.get(key);
      if (list) list.push(e);
      else m.set(key, [e]);
    };
    for (const rel of relations) {
      if (rel.kind === "bound") {
        add(refKey(rel.target), { rel, coef: 0 });
        add(refKey(rel.whole), { rel, coef: 0 });
      } else if (rel.kind === "rate") {
        for (const c of relationCells(rel)) add(refKey(c), { rel, coef: 0 });
      } else {
        add(refKey(rel.target), { rel, coef: 0 });
        for (const t of rel.terms) add(refKey(t.ref), { rel, coef: t.coef });
      }
    }
    return m;
  };
  const NONE: Entry[] = [];
  const entriesOf = (key: number): Entry[] => (index ??= buildIndex()).get(key) ?? NONE;

  const overrides = new Map<number, number>();
  const get = (r: Ref): number | undefined => {
    const k = refKey(r);
    const o = overrides.get(k);
    return o !== undefined ? o : values.value(k);
  };
  // Linear relations over many terms (a national total) are kept as running sums: a change costs O(1).
  const sums = new Map<LocatorRelation, number | undefined>();
  const linearSum = (rel: Extract<Relation, { kind: "sum" | "linear" }>): number | undefined => {
    if (sums.has(rel)) return sums.get(rel);
    let s = 0;
    for (const t of rel.terms) {
      const v = get(t.ref);
      if (v === undefined) {
        s = Number.NaN;
        break;
      }
      s += t.coef * v;
    }
    const out = Number.isNaN(s) ? undefined : s;
    sums.set(rel, out);
    return out;
  };
  const setValue = (key: number, v: number | undefined) => {
    const before = get(refFromKey(key));
    for (const e of entriesOf(key)) {
      if (e.coef === 0 || !sums.has(e.rel)) continue;
      const s = sums.get(e.rel);
      if (s === undefined || before === undefined || v === undefined) sums.delete(e.rel);
      else sums.set(e.rel, s + e.coef * (v - before));
    }
    if (v === undefined) overrides.delete(key);
    else overrides.set(key, v);
  };
  const restore = (key: number) => {
    const original = values.value(key);
    const before = get(refFromKey(key));
    for (const e of entriesOf(key)) {
      if (e.coef === 0 || !sums.has(e.rel)) continue;
      const s = sums.get(e.rel);
      if (s === undefined || before === undefined || original === undefined) sums.delete(e.rel);
      else sums.set(e.rel, s + e.coef * (original - before));
    }
    overrides.delete(key);
  };

  const decimals = (r: Ref) => values.decimals(refKey(r));

  /** Relation status with plain values. */
  const plainStatus = (rel: LocatorRelation, at: (r: Ref) => number | undefined): Status => {
    if (rel.kind === "bound") {
      const p = at(rel.target);
      const w = at(rel.whole);
      if (p === undefined || w === undefined) return "skip";
      return p <= w + EPS ? "ok" : "violated";
    }
    const actual = at(rel.target);
    if (actual === undefined) return "skip";
    const d = decimals(rel.target);
    if (rel.kind === "rate") {
      const base = at(rel.base);
      if (base === undefined || base === 0) return "skip";
      let num = 0;
      for (const n of rel.numerator) {
        const v = at(n);
        if (v === undefined) return "skip";
        num += v;
      }
      const exact = (num / base) * rel.scale;
      const shown = roundHalfUp(actual, d);
      const f = 10 ** d;
      const rounded = roundHalfUp(exact, d);
      const truncated = Math.floor(Math.abs(exact) * f + Math.max(1, Math.abs(exact) * f) * 4e-15) / f;
      if (rel.truncate)
        return Math.abs(shown - truncated) < 1e-9 || Math.abs(shown - rounded) < 1e-9 ? "ok" : "violated";
      if (Math.abs(shown - rounded) < 1e-9) return "ok";
      return Math.abs(shown - truncated) < 1e-9 ? "soft" : "violated";
    }
    const s = rel.terms.length > 8 && at === get ? linearSum(rel) : sumOf(rel, at);
    if (s === undefined) return "skip";
    if (rel.rateTarget) {
      // A difference of two rounded rates carries the rounding of both: one unit in the last decimal.
      const tol = 10 ** -d + 1e-9;
      return Math.abs(actual - s) <= tol ? "ok" : "violated";
    }
    return Math.abs(actual - s) < EPS ? "ok" : "violated";
  };

  const hasReadings = (r: Ref) =>
    values.readings !== undefined && get(r) === undefined && (values.readings(refKey(r))?.length ?? 0) > 0;

  const sizes = new Map<LocatorRelation, number>();
  const sizeOf = (rel: LocatorRelation): number => {
    let n = sizes.get(rel);
    if (n === undefined) {
      n = rel.kind === "rate" ? rel.numerator.length + 2 : rel.kind === "bound" ? 2 : rel.terms.length + 1;
      sizes.set(rel, n);
    }
    return n;
  };

  /** Status where unreadable numbers count through their plausible readings: the relation holds if one does. */
  const status = (rel: LocatorRelation): Status => {
    const plain = plainStatus(rel, get);
    // Only a relation with a cell that has no number is skipped: there the readings may speak.
    if (plain !== "skip" || !values.readings) return plain;
    const uncertain = locatorCells(rel).filter(hasReadings);
    if (uncertain.length === 0 || uncertain.length > 2) return plain;
    const keys = uncertain.map(refKey);
    const lists = keys.map((k) => values.readings!(k)!);
    let best: Status = "violated";
    const pick = (i: number, chosen: Map<number, number>): void => {
      if (best === "ok") return;
      if (i === keys.length) {
        const st = plainStatus(rel, (r) => chosen.get(refKey(r)) ?? get(r));
        if (st === "ok" || st === "skip") best = "ok";
        else if (st === "soft") best = "soft";
        return;
      }
      for (const v of lists[i]) {
        chosen.set(keys[i], v);
        pick(i + 1, chosen);
      }
      chosen.delete(keys[i]);
    };
    pick(0, new Map());
    return best;
  };

  const broken = (rel: LocatorRelation) => status(rel) === "violated";

  // ---- the broken relations, in connected components ----
  const violated0: LocatorRelation[] = [];
  const originallySoft = new Set<LocatorRelation>();
  for (const rel of relations) {
    const st = status(rel);
    if (st === "violated") violated0.push(rel);
    else if (st === "soft") originallySoft.add(rel);
  }
  if (violated0.length === 0) return [];
  const originallyBroken = new Set<LocatorRelation>(violated0);
  const parent = new Map<number, number>();
  const find = (k: number): number => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r)!;
    let c = k;
    while (c !== r) {
      const n = parent.get(c)!;
      parent.set(c, r);
      c = n;
    }
    return r;
  };
  for (const rel of violated0) {
    const keys = locatorCells(rel).map(refKey);
    for (const k of keys) if (!parent.has(k)) parent.set(k, k);
    for (const k of keys.slice(1)) {
      const a = find(keys[0]);
      const b = find(k);
      if (a !== b) parent.set(b, a);
    }
  }
  const components = new Map<number, LocatorRelation[]>();
  for (const rel of violated0) {
    const root = find(refKey(locatorCells(rel)[0]));
    const list = components.get(root) ?? [];
    list.push(rel);
    components.set(root, list);
  }
  const firstKey = (rels: LocatorRelation[]) => {
    let min = Infinity;
    for (const r of rels) min = Math.min(min, refKey(r.target));
    return min;
  };
  const ordered = [...components.values()].sort((a, b) => firstKey(a) - firstKey(b));

  const weightOf = (key: number) => weights(key);
  const isCount = (key: number) => values.isCount?.(key) ?? false;

  /** Values of `key` that would make `rel` hold, the other cells as they are now. */
  const solveFor = (rel: LocatorRelation, key: number): number[] => {
    const ref = refFromKey(key);
    const current = get(ref);
    if (rel.kind === "bound") return [];
    if (refKey(rel.target) === key) {
      const v = relationValue(rel, get, decimals(ref));
      return v === undefined ? [] : [v];
    }
    if (rel.kind === "rate") {
      const r = get(rel.target);
      if (r === undefined) return [];
      const h = 0.5 * 10 ** -decimals(rel.target);
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
        return nearestIn(bLo, bHi, current, isCount(key));
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
      return nearestIn((lo * base) / rel.scale - rest, (hi * base) / rel.scale - rest, current, isCount(key));
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
    if (!isCount(key)) v = roundHalfUp(v, Math.max(decimals(ref), 0));
    return [v];
  };

  const acceptable = (key: number, v: number): boolean => {
    if (!Number.isFinite(v)) return false;
    if (isCount(key) && (!Number.isInteger(v) || v < 0)) return false;
    const cur = get(refFromKey(key));
    return cur === undefined || Math.abs(cur - v) > 1e-9;
  };

  /** Candidate values for a cell: what each of its broken relations asks of it. */
  const proposals = (key: number): number[] => {
    const out: number[] = [];
    for (const e of entriesOf(key)) {
      if (!broken(e.rel)) continue;
      for (const v of solveFor(e.rel, key))
        if (acceptable(key, v) && !out.some((x) => Math.abs(x - v) < 1e-9)) out.push(v);
    }
    // A count whose rates all disagree: the value every rate allows.
    const rates = entriesOf(key).filter(
      (e) => e.rel.kind === "rate" && refKey((e.rel as { base: Ref }).base) === key,
    );
    if (rates.length >= 2) {
      const v = commonBase(
        rates.map((e) => e.rel as Extract<Relation, { kind: "rate" }>),
        key,
      );
      if (v !== undefined && acceptable(key, v) && !out.includes(v)) out.push(v);
    }
    return out;
  };

  const commonBase = (rates: Extract<Relation, { kind: "rate" }>[], key: number): number | undefined => {
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
      const h = 0.5 * 10 ** -decimals(rel.target);
      lo = Math.max(lo, Math.ceil((n * rel.scale) / (r + h) - 1e-9));
      if (r - h > 0) hi = Math.min(hi, Math.floor((n * rel.scale) / (r - h) + 1e-9));
    }
    if (lo > hi || !Number.isFinite(hi)) return undefined;
    const cur = get(refFromKey(key)) ?? lo;
    return Math.min(Math.max(Math.round(cur), lo), hi);
  };

  // ---- search state ----
  interface Change {
    key: number;
    value: number;
    chosen: boolean;
    /** Index of the change this one replaces (a consequence recomputed again): restored on undo. */
    replaces?: number;
  }
  // A journal: undoing a branch restores exactly what it changed, consequences recomputed twice included.
  const changes: Change[] = [];
  const changedAt = new Map<number, number>(); // key → index of its live change

  const apply = (key: number, v: number, chosen: boolean) => {
    const replaces = changedAt.get(key);
    changedAt.set(key, changes.length);
    changes.push({ key, value: v, chosen, replaces });
    setValue(key, v);
  };
  const undoTo = (n: number) => {
    while (changes.length > n) {
      const c = changes.pop()!;
      if (c.replaces === undefined) {
        changedAt.delete(c.key);
        restore(c.key);
      } else {
        changedAt.set(c.key, c.replaces);
        setValue(c.key, changes[c.replaces].value);
      }
    }
  };
  /** The changes in force (the last of each cell). */
  const live = (): Change[] => changes.filter((c, i) => changedAt.get(c.key) === i);

  /** Recomputes derived targets of relations the changes broke; false when a change breaks what it cannot mend. */
  const propagate = (from: number): boolean => {
    const queue: number[] = [];
    for (let i = from; i < changes.length; i++) queue.push(changes[i].key);
    let steps = 0;
    while (queue.length) {
      if (++steps > 400) return false;
      const key = queue.shift()!;
      for (const e of entriesOf(key)) {
        const rel = e.rel;
        if (originallyBroken.has(rel) || rel.kind === "bound") continue;
        if (!broken(rel)) continue;
        const t = refKey(rel.target);
        if (t === key && changedAt.has(t) && changes[changedAt.get(t)!].chosen) return false;
        if (weightOf(t) > derivedWeight) return false;
        const v = relationValue(rel, get, decimals(rel.target));
        if (v === undefined) return false;
        if (changedAt.has(t) && changes[changedAt.get(t)!].chosen) return false;
        apply(t, v, false);
        queue.push(t);
      }
    }
    return true;
  };

  interface Solution {
    changes: Change[];
    cost: number;
    evidence: number;
    keys: number[];
  }

  /**
   * The relations a change explains: those that hold with it and break without it (the other changes kept). A
   * relation mended by two changes together is not evidence for either alone.
   */
  const explainedBy = (
    c: Change,
    goal: Set<LocatorRelation>,
    hubs: Map<LocatorRelation, number>,
  ): LocatorRelation[] => {
    const entries = entriesOf(c.key);
    // A relation whose target is another change, chosen or recomputed (a rate set to agree with the changed
    // count), is no evidence for this change: it would confirm any value. Only a relation that holds after the
    // change with its own target as typed confirms it.
    const shared = (rel: LocatorRelation) => movedTarget(rel, c.key);
    const holding = entries
      .filter((e) => goal.has(e.rel) && !broken(e.rel) && !shared(e.rel))
      .map((e) => e.rel);
    const progressing = entries.filter((e) => progressed(e.rel, hubs)).map((e) => e.rel);
    restore(c.key);
    const out = holding.filter((r) => broken(r));
    const hubOut = progressing.filter((r) => !progressed(r, hubs));
    setValue(c.key, c.value);
    return [...out, ...hubOut];
  };

  /** The relation's target is a cell the current changes moved (other than `self`). */
  const movedTarget = (rel: LocatorRelation, self: number): boolean => {
    const t = refKey(rel.target);
    return t !== self && changedAt.has(t);
  };

  /** Evidence of the current changes, or undefined when an input change is not confirmed. */
  const evidenceOf = (goal: Set<LocatorRelation>, hubs: Map<LocatorRelation, number>): number | undefined => {
    let evidence = 0;
    for (const c of live()) {
      if (!c.chosen) continue;
      const explained = explainedBy(c, goal, hubs).length;
      // A truncated-looking rate that the change turns right confirms it, unless the rate itself was recomputed.
      const softened = entriesOf(c.key).filter(
        (e) => originallySoft.has(e.rel) && status(e.rel) === "ok" && !movedTarget(e.rel, c.key),
      ).length;
      if (weightOf(c.key) > derivedWeight && explained + softened < 2) return undefined;
      evidence += explained - 1 + softened / 2;
    }
    // A value that makes a hub hold exactly beats one that only brings it closer.
    for (const h of hubs.keys()) if (!broken(h)) evidence += 0.25;
    return evidence;
  };

  /** How far a linear relation is from holding. */
  const residual = (rel: LocatorRelation): number => {
    if (rel.kind !== "sum" && rel.kind !== "linear") return 0;
    const actual = get(rel.target);
    const sum = linearSum(rel);
    return actual === undefined || sum === undefined ? 0 : Math.abs(actual - sum);
  };
  /** A total over many defects cannot hold until all are corrected; a change that brings it closer is evidence. */
  const progressed = (rel: LocatorRelation, hubs: Map<LocatorRelation, number>): boolean => {
    const before = hubs.get(rel);
    return before !== undefined && residual(rel) < before - EPS;
  };
  const noHubs = new Map<LocatorRelation, number>();

  const better = (a: Solution, b: Solution | undefined): boolean => {
    if (!b) return true;
    if (a.cost !== b.cost) return a.cost < b.cost;
    if (Math.abs(a.evidence - b.evidence) > 1e-9) return a.evidence > b.evidence;
    for (let i = 0; i < Math.min(a.keys.length, b.keys.length); i++)
      if (a.keys[i] !== b.keys[i]) return a.keys[i] < b.keys[i];
    return a.keys.length < b.keys.length;
  };

  /** Exact search: the best set of changes that repairs every relation of `goal` and breaks none. */
  const search = (
    goal: Set<LocatorRelation>,
    hubs: Map<LocatorRelation, number> = noHubs,
    credit = false,
  ): Solution | undefined => {
    let best: Solution | undefined;
    let nodes = 0;
    // With credit, a hub brought closer to holding saves the change of its total: the weight of a derived cell.
    const maxCredit = credit ? derivedWeight * hubs.size : 0;
    const costNow = () => {
      let c = live().reduce((s, x) => s + weightOf(x.key), 0);
      if (credit) for (const h of hubs.keys()) if (progressed(h, hubs)) c -= derivedWeight;
      return c;
    };
    const dfs = (depth: number) => {
      if (++nodes > nodeBudget) return;
      const cost = costNow();
      if (best && cost - maxCredit > best.cost) return;
      let open: LocatorRelation | undefined;
      for (const rel of goal) {
        if (!broken(rel)) continue;
        // Branch on the broken relation with the fewest cells: the smallest choice.
        if (!open || sizeOf(rel) < sizeOf(open)) open = rel;
      }
      if (!open) {
        // Nothing else may be left broken by the changes.
        const now = live();
        for (const c of now)
          for (const e of entriesOf(c.key))
            if (!goal.has(e.rel) && !originallyBroken.has(e.rel) && broken(e.rel)) return;
        const evidence = evidenceOf(goal, hubs);
        if (evidence === undefined) return;
        const keys = now
          .filter((c) => c.chosen)
          .map((c) => c.key)
          .sort((a, b) => a - b);
        const sol: Solution = {
          changes: now.map((c) => ({ key: c.key, value: c.value, chosen: c.chosen })),
          cost,
          evidence,
          keys,
        };
        if (better(sol, best)) best = sol;
        return;
      }
      if (depth >= maxDepth) return;
      // A total over many cells alone can only confirm a change of itself (or of another derived cell).
      const wide = sizeOf(open) > HUB;
      for (const ref of locatorCells(open)) {
        const key = refKey(ref);
        if (changedAt.has(key)) continue;
        const w = weightOf(key);
        if (!Number.isFinite(w) || (wide && w > derivedWeight)) continue;
        if (values.value(key) === undefined && hasReadings(ref)) continue;
        if (best && cost + w - maxCredit > best.cost) continue;
        // The relations this cell breaks now: a change must mend one of them (not necessarily `open`, which may
        // need a second change: two wrong cells under one subtotal).
        const brokenHere = entriesOf(key)
          .filter((e) => goal.has(e.rel) && broken(e.rel))
          .map((e) => e.rel);
        for (const v of proposals(key)) {
          const mark = changes.length;
          apply(key, v, true);
          if (brokenHere.some((r) => !broken(r)) && propagate(mark)) dfs(depth + 1);
          undoTo(mark);
        }
      }
    };
    dfs(0);
    return best;
  };

  const result: Blame[] = [];
  const commit = (sol: Solution, goal: Set<LocatorRelation>, hubs: Map<LocatorRelation, number> = noHubs) => {
    for (const c of sol.changes) {
      apply(c.key, c.value, c.chosen);
    }
    for (const c of sol.changes) {
      const entries = entriesOf(c.key);
      const explains = c.chosen
        ? explainedBy(c, goal, hubs)
        : entries.filter((e) => goal.has(e.rel) && !broken(e.rel)).map((e) => e.rel);
      const soft = entries
        .filter((e) => originallySoft.has(e.rel) && status(e.rel) === "ok")
        .map((e) => e.rel);
      const ref = refFromKey(c.key);
      result.push({
        cell: ref,
        old: values.value(c.key),
        value: c.value,
        kind: c.chosen ? "cell" : "consequence",
        explains: [...explains, ...soft.filter((s) => !explains.includes(s))],
        confirmedBy: [...explains.slice(1), ...soft],
        derived: weightOf(c.key) <= derivedWeight,
      });
    }
    changes.length = 0;
    changedAt.clear();
  };

  const leftover: LocatorRelation[] = [];
  for (const component of ordered) {
    const goal = new Set(component.filter(broken));
    if (goal.size === 0) continue;
    const sol = goal.size <= 8 ? search(goal) : undefined;
    if (sol) {
      commit(sol, goal);
      continue;
    }
    // Too large for one search: neighbourhood by neighbourhood, in sheet order. Totals over many cells (hubs)
    // join hundreds of defects into one component. A hub cannot say which row is wrong, but it can say whether
    // the rows' input corrections together account for all of its difference: first every neighbourhood is
    // solved with a hub brought closer counted as a repair; if the hubs then hold exactly, that reading stands.
    // Otherwise one or two neighbourhoods whose change is exactly the difference left are solved without the
    // hubs; failing that, every neighbourhood is (derived cells, then the hubs' totals are reported).
    const hubs = new Map<LocatorRelation, number>();
    // Totals of aggregate rows are hubs here: they may hold several rows' defects at once.
    for (const rel of goal) if (rel.kind === "sum" || sizeOf(rel) > HUB) hubs.set(rel, 0);
    const small = [...goal].filter((r) => !hubs.has(r)).sort((a, b) => refKey(a.target) - refKey(b.target));
    const start = { overrides: new Map(overrides), results: result.length, leftovers: leftover.length };
    const back = () => {
      overrides.clear();
      for (const [k, v] of start.overrides) overrides.set(k, v);
      sums.clear();
      result.length = start.results;
      leftover.length = start.leftovers;
    };
    const signed = (h: LocatorRelation): number => {
      if (h.kind !== "sum" && h.kind !== "linear") return 0;
      return (get(h.target) ?? 0) - (linearSum(h) ?? 0);
    };
    /** Solves the neighbourhoods; returns each one's effect on the hubs' signed differences. */
    const pass = (withCredit: (anchor: LocatorRelation) => boolean): Map<LocatorRelation, number[]> => {
      const effects = new Map<LocatorRelation, number[]>();
      for (const rel of small) {
        if (!broken(rel)) continue;
        const near = new Set<LocatorRelation>([rel]);
        for (const c of locatorCells(rel))
          for (const e of entriesOf(refKey(c)))
            if (goal.has(e.rel) && !hubs.has(e.rel) && broken(e.rel)) near.add(e.rel);
        for (const h of hubs.keys()) hubs.set(h, residual(h));
        const before = [...hubs.keys()].map(signed);
        const credit = hubs.size > 0 && withCredit(rel);
        const local = near.size <= 8 ? search(near, hubs, credit) : undefined;
        const alone = local ?? (near.size > 1 ? search(new Set([rel]), hubs, credit) : undefined);
        if (alone) {
          commit(alone, local ? near : new Set([rel]), hubs);
          effects.set(
            rel,
            [...hubs.keys()].map((h, i) => signed(h) - before[i]),
          );
        } else leftover.push(rel);
      }
      return effects;
    };
    const hubsHold = () => [...hubs.keys()].every((h) => !broken(h));
    if (hubs.size > 0) {
      const effects = pass(() => true);
      if (!hubsHold()) {
        const hubList = [...hubs.keys()];
        const left = hubList.map(signed);
        const moved = [...effects].filter(([, e]) => e.some((x) => Math.abs(x) > EPS));
        const matches = (xs: number[][]) =>
          left.every((l, i) => Math.abs(xs.reduce((s, e) => s + e[i], 0) + l) < EPS);
        let undo: Set<LocatorRelation> | undefined;
        for (let i = 0; i < moved.length && !undo; i++) {
          if (matches([moved[i][1]])) undo = new Set([moved[i][0]]);
          for (let j = i + 1; j < moved.length && !undo && moved.length <= 40; j++)
            if (matches([moved[i][1], moved[j][1]])) undo = new Set([moved[i][0], moved[j][0]]);
        }
        if (!undo) {
          // Hubs still off: the neighbourhoods that moved them are solved without their evidence; the others
          // (whose hubs hold) keep theirs.
          const off = hubList.map((h, i) => Math.abs(left[i]) > EPS && broken(h));
          undo = new Set(
            moved.filter(([, e]) => e.some((x, i) => off[i] && Math.abs(x) > EPS)).map(([r]) => r),
          );
        }
        back();
        const skip = undo;
        pass((anchor) => !skip.has(anchor));
      }
    } else pass(() => false);
    for (const hub of [...hubs.keys()].sort((a, b) => refKey(a.target) - refKey(b.target))) {
      if (!broken(hub)) continue;
      const sol = search(new Set([hub]));
      if (sol) commit(sol, new Set([hub]));
      else leftover.push(hub);
    }
  }

  // What no small set of changes explains: reported on the relation's own target with what its parts give.
  const reported = new Set<number>();
  for (const rel of leftover) {
    if (!broken(rel)) continue;
    const key = refKey(rel.target);
    if (reported.has(key) || rel.kind === "bound") continue;
    reported.add(key);
    const v = relationValue(rel, get, decimals(rel.target));
    if (v === undefined) continue;
    result.push({
      cell: rel.target,
      old: values.value(key),
      value: v,
      kind: "aggregate",
      explains: [rel],
      confirmedBy: [],
      derived: weightOf(key) <= derivedWeight,
    });
  }
  return result;
}

function sumOf(
  rel: Extract<Relation, { kind: "sum" | "linear" }>,
  at: (r: Ref) => number | undefined,
): number | undefined {
  let s = 0;
  for (const t of rel.terms) {
    const v = at(t.ref);
    if (v === undefined) return undefined;
    s += t.coef * v;
  }
  return s;
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
