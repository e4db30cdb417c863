// Locating the cells to blame, as errorlocate does: detecting a broken relation, locating the cells to change and
// proposing their values are separate steps. This module only locates, over plain data (relations, values,
// weights), so it is testable without a grid.
//
// The objective: the smallest weighted set of cells whose change satisfies every relation. Weights are data
// (WEIGHTS, weights.ts: derived cells cheap, inputs dear, assigned targets dearer, cells the user confirmed
// never). Among sets of equal weight, the one with more confirming evidence wins, then the one higher and further
// left. An input is changed only when a relation OTHER than the one its new value repairs confirms that value
// (its row's rate, a second total, a stated relation, a part ≤ whole bound; evidence.ts): otherwise the
// relations cannot tell which part is wrong, and the aggregate that does not match its parts is what gets
// reported.
//
// The search is exact over small candidate sets: the broken relations are split into connected components (they
// share cells; components.ts), and each component is solved by a bounded depth-first search that branches on a
// broken relation's cells (search.ts, with the candidate values of proposals.ts). A component too large for the
// exact search (hundreds of defects in one column under one total) is solved neighbourhood by neighbourhood
// (neighbourhoods.ts).
import { refKey } from "../relations";
import { relationValue } from "../recompute";
import { Board } from "./board";
import { components } from "./components";
import { Journal } from "./journal";
import { solveByNeighbourhoods } from "./neighbourhoods";
import { commit, search } from "./search";
import type { LocateState } from "./state";
import type { Blame, CellValues, LocateOptions, LocatorRelation } from "./types";
import { WEIGHTS } from "./weights";

export type { Blame, Bound, CellValues, LocateOptions, LocatorRelation } from "./types";
export { WEIGHTS } from "./weights";
export { plausibleReadings } from "./readings";

/** Finds the cells to blame. Relations that hold are never broken by the changes it proposes. */
export function locate(
  relations: readonly LocatorRelation[],
  values: CellValues,
  weights: (key: number) => number,
  options: LocateOptions = {},
): Blame[] {
  const board = new Board(relations, values);
  const violated: LocatorRelation[] = [];
  const originallySoft = new Set<LocatorRelation>();
  for (const rel of relations) {
    const st = board.status(rel);
    if (st === "violated") violated.push(rel);
    else if (st === "soft") originallySoft.add(rel);
  }
  if (violated.length === 0) return [];
  const s: LocateState = {
    board,
    journal: new Journal(board),
    weight: (key) => weights(key),
    derivedWeight: options.derivedWeight ?? WEIGHTS.derived,
    maxDepth: options.maxDepth ?? 3,
    nodeBudget: options.nodeBudget ?? 4000,
    originallyBroken: new Set(violated),
    originallySoft,
  };

  const result: Blame[] = [];
  const leftover: LocatorRelation[] = [];
  for (const component of components(violated)) {
    const goal = new Set(component.filter((rel) => board.broken(rel)));
    if (goal.size === 0) continue;
    const sol = goal.size <= 8 ? search(s, goal) : undefined;
    if (sol) {
      result.push(...commit(s, sol, goal));
      continue;
    }
    const solved = solveByNeighbourhoods(s, goal);
    for (const b of solved.blames) result.push(b);
    for (const rel of solved.leftover) leftover.push(rel);
  }
  return result.concat(aggregates(s, leftover));
}

/** What no small set of changes explains: reported on the relation's own target with what its parts give. */
function aggregates(s: LocateState, leftover: readonly LocatorRelation[]): Blame[] {
  const { board } = s;
  const out: Blame[] = [];
  const reported = new Set<number>();
  for (const rel of leftover) {
    if (!board.broken(rel)) continue;
    const key = refKey(rel.target);
    if (reported.has(key) || rel.kind === "bound") continue;
    reported.add(key);
    const v = relationValue(rel, board.get, board.decimals(rel.target));
    if (v === undefined) continue;
    out.push({
      cell: rel.target,
      old: board.values.value(key),
      value: v,
      kind: "aggregate",
      explains: [rel],
      confirmedBy: [],
      derived: s.weight(key) <= s.derivedWeight,
    });
  }
  return out;
}
