// The exact search: a bounded depth-first search that branches on a broken relation's cells and keeps the
// cheapest set of changes that repairs every relation of its goal and breaks none. Derived cells that a change
// makes wrong are recomputed, not searched (they are consequences: fix recomputes them, no finding lands on them).
import { refFromKey, refKey } from "../relations";
import { relationValue } from "../recompute";
import { evidenceOf, explainedBy, progressed } from "./evidence";
import { proposals } from "./proposals";
import { type Hubs, type LocateState, NO_HUBS } from "./state";
import { type Blame, type LocatorRelation, locatorCells } from "./types";

/** A relation over more cells than this is a hub (a total over many rows): it is searched only through its
 *  derived cells, and in a large component it is settled after the rows. */
export const HUB = 12;

export interface Solution {
  changes: { key: number; value: number; chosen: boolean }[];
  cost: number;
  evidence: number;
  /** The chosen cells, in sheet order. */
  keys: number[];
}

/** Cheaper first, then more evidence, then higher and further left. */
function better(a: Solution, b: Solution | undefined): boolean {
  if (!b) return true;
  if (a.cost !== b.cost) return a.cost < b.cost;
  if (Math.abs(a.evidence - b.evidence) > 1e-9) return a.evidence > b.evidence;
  for (let i = 0; i < Math.min(a.keys.length, b.keys.length); i++)
    if (a.keys[i] !== b.keys[i]) return a.keys[i] < b.keys[i];
  return a.keys.length < b.keys.length;
}

/** Recomputes derived targets of relations the changes broke; false when a change breaks what it cannot mend. */
function propagate(s: LocateState, from: number): boolean {
  const { board, journal } = s;
  const queue: number[] = [];
  for (let i = from; i < journal.length; i++) queue.push(journal.changes[i].key);
  let steps = 0;
  while (queue.length) {
    if (++steps > 400) return false;
    const key = queue.shift()!;
    for (const e of board.entriesOf(key)) {
      const rel = e.rel;
      if (s.originallyBroken.has(rel) || rel.kind === "bound") continue;
      if (!board.broken(rel)) continue;
      const t = refKey(rel.target);
      if (t === key && journal.chosen(t)) return false;
      if (s.weight(t) > s.derivedWeight) return false;
      const v = relationValue(rel, board.get, board.decimals(rel.target));
      if (v === undefined) return false;
      if (journal.chosen(t)) return false;
      journal.apply(t, v, false);
      queue.push(t);
    }
  }
  return true;
}

/** The best set of changes that repairs every relation of `goal` and breaks none. With credit, a hub brought
 *  closer to holding saves the change of its total: the weight of a derived cell. */
export function search(
  s: LocateState,
  goal: ReadonlySet<LocatorRelation>,
  hubs: Hubs = NO_HUBS,
  credit = false,
): Solution | undefined {
  const { board, journal, derivedWeight } = s;
  let best: Solution | undefined;
  let nodes = 0;
  const maxCredit = credit ? derivedWeight * hubs.size : 0;
  const costNow = () => {
    let c = journal.live().reduce((sum, x) => sum + s.weight(x.key), 0);
    if (credit) for (const h of hubs.keys()) if (progressed(s, h, hubs)) c -= derivedWeight;
    return c;
  };
  const dfs = (depth: number) => {
    if (++nodes > s.nodeBudget) return;
    const cost = costNow();
    if (best && cost - maxCredit > best.cost) return;
    let open: LocatorRelation | undefined;
    for (const rel of goal) {
      if (!board.broken(rel)) continue;
      // Branch on the broken relation with the fewest cells: the smallest choice.
      if (!open || board.sizeOf(rel) < board.sizeOf(open)) open = rel;
    }
    if (!open) {
      // Nothing else may be left broken by the changes.
      const now = journal.live();
      for (const c of now)
        for (const e of board.entriesOf(c.key))
          if (!goal.has(e.rel) && !s.originallyBroken.has(e.rel) && board.broken(e.rel)) return;
      const evidence = evidenceOf(s, goal, hubs);
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
    if (depth >= s.maxDepth) return;
    // A total over many cells alone can only confirm a change of itself (or of another derived cell).
    const wide = board.sizeOf(open) > HUB;
    for (const ref of locatorCells(open)) {
      const key = refKey(ref);
      if (journal.has(key)) continue;
      const w = s.weight(key);
      if (!Number.isFinite(w) || (wide && w > derivedWeight)) continue;
      if (board.values.value(key) === undefined && board.hasReadings(ref)) continue;
      if (best && cost + w - maxCredit > best.cost) continue;
      // The relations this cell breaks now: a change must mend one of them (not necessarily `open`, which may
      // need a second change: two wrong cells under one subtotal).
      const brokenHere = board
        .entriesOf(key)
        .filter((e) => goal.has(e.rel) && board.broken(e.rel))
        .map((e) => e.rel);
      for (const v of proposals(board, key)) {
        const mark = journal.length;
        journal.apply(key, v, true);
        if (brokenHere.some((r) => !board.broken(r)) && propagate(s, mark)) dfs(depth + 1);
        journal.undoTo(mark);
      }
    }
  };
  dfs(0);
  return best;
}

/** Puts a solution on the board for good and says what each of its changes explains. */
export function commit(
  s: LocateState,
  sol: Solution,
  goal: ReadonlySet<LocatorRelation>,
  hubs: Hubs = NO_HUBS,
): Blame[] {
  const { board, journal } = s;
  const out: Blame[] = [];
  for (const c of sol.changes) journal.apply(c.key, c.value, c.chosen);
  for (const c of sol.changes) {
    const entries = board.entriesOf(c.key);
    const explains = c.chosen
      ? explainedBy(s, c, goal, hubs)
      : entries.filter((e) => goal.has(e.rel) && !board.broken(e.rel)).map((e) => e.rel);
    const soft = entries
      .filter((e) => s.originallySoft.has(e.rel) && board.status(e.rel) === "ok")
      .map((e) => e.rel);
    out.push({
      cell: refFromKey(c.key),
      old: board.values.value(c.key),
      value: c.value,
      kind: c.chosen ? "cell" : "consequence",
      explains: [...explains, ...soft.filter((x) => !explains.includes(x))],
      confirmedBy: [...explains.slice(1), ...soft],
      derived: s.weight(c.key) <= s.derivedWeight,
    });
  }
  journal.clear();
  return out;
}
