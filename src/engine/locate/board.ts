// The cells as the search sees them: the table's values with the changes tried so far laid over them, which
// relations each cell is in, and whether each relation holds. Linear relations over many terms (a national
// total) are kept as running sums, so trying a change costs O(1).
import { roundHalfUp } from "../numbers";
import { type Ref, type Relation, refFromKey, refKey, relationCells } from "../relations";
import { type CellValues, type LocatorRelation, locatorCells } from "./types";

export type Status = "ok" | "violated" | "soft" | "skip";

export const EPS = 1e-6;

export interface Entry {
  rel: LocatorRelation;
  /** Coefficient of the cell in a linear relation's right-hand side (0 for its target, rates and bounds). */
  coef: number;
}

type Linear = Extract<Relation, { kind: "sum" | "linear" }>;
const NONE: Entry[] = [];

export class Board {
  // Which relations each cell is in: built only when something is broken (a clean table costs one pass).
  private index: Map<number, Entry[]> | undefined;
  private readonly overrides = new Map<number, number>();
  private readonly sums = new Map<LocatorRelation, number | undefined>();
  private readonly sizes = new Map<LocatorRelation, number>();

  constructor(
    private readonly relations: readonly LocatorRelation[],
    readonly values: CellValues,
  ) {}

  entriesOf(key: number): Entry[] {
    return (this.index ??= this.buildIndex()).get(key) ?? NONE;
  }

  private buildIndex(): Map<number, Entry[]> {
    const m = new Map<number, Entry[]>();
    const add = (key: number, e: Entry) => {
      const list = m.get(key);
      if (list) list.push(e);
      else m.set(key, [e]);
    };
    for (const rel of this.relations) {
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
  }

  /** The cell's value with the changes in force. */
  readonly get = (r: Ref): number | undefined => {
    const k = refKey(r);
    const o = this.overrides.get(k);
    return o !== undefined ? o : this.values.value(k);
  };

  decimals(r: Ref): number {
    return this.values.decimals(refKey(r));
  }

  isCount(key: number): boolean {
    return this.values.isCount?.(key) ?? false;
  }

  linearSum(rel: Linear): number | undefined {
    if (this.sums.has(rel)) return this.sums.get(rel);
    let s = 0;
    for (const t of rel.terms) {
      const v = this.get(t.ref);
      if (v === undefined) {
        s = Number.NaN;
        break;
      }
      s += t.coef * v;
    }
    const out = Number.isNaN(s) ? undefined : s;
    this.sums.set(rel, out);
    return out;
  }

  setValue(key: number, v: number | undefined): void {
    this.moveSums(key, v);
    if (v === undefined) this.overrides.delete(key);
    else this.overrides.set(key, v);
  }

  /** Back to the table's own value. */
  restore(key: number): void {
    this.moveSums(key, this.values.value(key));
    this.overrides.delete(key);
  }

  private moveSums(key: number, v: number | undefined): void {
    const before = this.get(refFromKey(key));
    for (const e of this.entriesOf(key)) {
      if (e.coef === 0 || !this.sums.has(e.rel)) continue;
      const s = this.sums.get(e.rel);
      if (s === undefined || before === undefined || v === undefined) this.sums.delete(e.rel);
      else this.sums.set(e.rel, s + e.coef * (v - before));
    }
  }

  /** The changes in force, to go back to with `reset`. */
  snapshot(): Map<number, number> {
    return new Map(this.overrides);
  }

  reset(snapshot: ReadonlyMap<number, number>): void {
    this.overrides.clear();
    for (const [k, v] of snapshot) this.overrides.set(k, v);
    this.sums.clear();
  }

  /** Relation status with plain values: the changes in force, or `at` when given. */
  plainStatus(rel: LocatorRelation, at?: (r: Ref) => number | undefined): Status {
    const read = at ?? this.get;
    if (rel.kind === "bound") {
      const p = read(rel.target);
      const w = read(rel.whole);
      if (p === undefined || w === undefined) return "skip";
      return p <= w + EPS ? "ok" : "violated";
    }
    const actual = read(rel.target);
    if (actual === undefined) return "skip";
    const d = this.decimals(rel.target);
    if (rel.kind === "rate") {
      const base = read(rel.base);
      if (base === undefined || base === 0) return "skip";
      let num = 0;
      for (const n of rel.numerator) {
        const v = read(n);
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
    const s = rel.terms.length > 8 && at === undefined ? this.linearSum(rel) : sumOf(rel, read);
    if (s === undefined) return "skip";
    if (rel.rateTarget) {
      // A difference of two rounded rates carries the rounding of both: one unit in the last decimal.
      const tol = 10 ** -d + 1e-9;
      return Math.abs(actual - s) <= tol ? "ok" : "violated";
    }
    return Math.abs(actual - s) < EPS ? "ok" : "violated";
  }

  /** The cell has no number but plausible readings of its text. */
  hasReadings(r: Ref): boolean {
    const values = this.values;
    return (
      values.readings !== undefined &&
      this.get(r) === undefined &&
      (values.readings(refKey(r))?.length ?? 0) > 0
    );
  }

  /** Status where unreadable numbers count through their plausible readings: the relation holds if one does. */
  status(rel: LocatorRelation): Status {
    const plain = this.plainStatus(rel);
    // Only a relation with a cell that has no number is skipped: there the readings may speak.
    const values = this.values;
    if (plain !== "skip" || !values.readings) return plain;
    const uncertain = locatorCells(rel).filter((r) => this.hasReadings(r));
    if (uncertain.length === 0 || uncertain.length > 2) return plain;
    const keys = uncertain.map(refKey);
    const lists = keys.map((k) => values.readings!(k)!);
    let best: Status = "violated";
    const pick = (i: number, chosen: Map<number, number>): void => {
      if (best === "ok") return;
      if (i === keys.length) {
        const st = this.plainStatus(rel, (r) => chosen.get(refKey(r)) ?? this.get(r));
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
  }

  broken(rel: LocatorRelation): boolean {
    return this.status(rel) === "violated";
  }

  /** Number of cells of a relation. */
  sizeOf(rel: LocatorRelation): number {
    let n = this.sizes.get(rel);
    if (n === undefined) {
      n = rel.kind === "rate" ? rel.numerator.length + 2 : rel.kind === "bound" ? 2 : rel.terms.length + 1;
      this.sizes.set(rel, n);
    }
    return n;
  }

  /** How far a linear relation is from holding. */
  residual(rel: LocatorRelation): number {
    if (rel.kind !== "sum" && rel.kind !== "linear") return 0;
    const actual = this.get(rel.target);
    const sum = this.linearSum(rel);
    return actual === undefined || sum === undefined ? 0 : Math.abs(actual - sum);
  }

  /** A linear relation's target less its terms, signed. */
  signedResidual(rel: LocatorRelation): number {
    if (rel.kind !== "sum" && rel.kind !== "linear") return 0;
    return (this.get(rel.target) ?? 0) - (this.linearSum(rel) ?? 0);
  }
}

function sumOf(rel: Linear, at: (r: Ref) => number | undefined): number | undefined {
  let s = 0;
  for (const t of rel.terms) {
    const v = at(t.ref);
    if (v === undefined) return undefined;
    s += t.coef * v;
  }
  return s;
}
