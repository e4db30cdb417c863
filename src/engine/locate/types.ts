// What the locator reasons over and what it answers: relations (and part ≤ whole bounds), what it knows of the
// cells, and the cells it blames.
import { type Ref, type Relation, relationCells } from "../relations";

/** A part that cannot exceed its whole (poor households ≤ households, a reduction ≤ the poor at the start). */
export interface Bound {
  kind: "bound";
  rule: Relation["rule"];
  target: Ref;
  whole: Ref;
}
export type LocatorRelation = Relation | Bound;

/** The cells of a relation (for a bound: part and whole). */
export function locatorCells(rel: LocatorRelation): Ref[] {
  return rel.kind === "bound" ? [rel.target, rel.whole] : relationCells(rel);
}

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
