// What one call of `locate` works with: the board, the journal of changes tried, the weights and the limits.
import type { Board } from "./board";
import type { Journal } from "./journal";
import type { LocatorRelation } from "./types";

export interface LocateState {
  board: Board;
  journal: Journal;
  /** The cost of changing a cell. */
  weight: (key: number) => number;
  /** At or below this weight a cell is derived: recomputed, not searched. */
  derivedWeight: number;
  maxDepth: number;
  nodeBudget: number;
  /** Relations broken in the table as it is. */
  originallyBroken: ReadonlySet<LocatorRelation>;
  /** Rates that look truncated in the table as it is. */
  originallySoft: ReadonlySet<LocatorRelation>;
}

/** Totals over many cells (hubs) with their residual before the neighbourhood being solved. */
export type Hubs = ReadonlyMap<LocatorRelation, number>;
export const NO_HUBS: Hubs = new Map();
