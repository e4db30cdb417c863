// A component too large for one exact search, solved neighbourhood by neighbourhood in sheet order. Totals over
// many cells (hubs) join hundreds of defects into one component. A hub cannot say which row is wrong, but it can
// say whether the rows' input corrections together account for all of its difference: first every neighbourhood
// is solved with a hub brought closer counted as a repair; if the hubs then hold exactly, that reading stands.
// Otherwise one or two neighbourhoods whose change is exactly the difference left are solved without the hubs;
// failing that, every neighbourhood is (derived cells, then the hubs' totals are reported).
import { refKey } from "../relations";
import { EPS } from "./board";
import { HUB, commit, search } from "./search";
import type { LocateState } from "./state";
import { type Blame, type LocatorRelation, locatorCells } from "./types";

export interface Solved {
  blames: Blame[];
  /** Broken relations no small set of changes explains. */
  leftover: LocatorRelation[];
}

export function solveByNeighbourhoods(s: LocateState, goal: ReadonlySet<LocatorRelation>): Solved {
  const { board } = s;
  const blames: Blame[] = [];
  const leftover: LocatorRelation[] = [];
  const hubs = new Map<LocatorRelation, number>();
  // Totals of aggregate rows are hubs here: they may hold several rows' defects at once.
  for (const rel of goal) if (rel.kind === "sum" || board.sizeOf(rel) > HUB) hubs.set(rel, 0);
  const small = [...goal].filter((r) => !hubs.has(r)).sort((a, b) => refKey(a.target) - refKey(b.target));
  const start = board.snapshot();
  const back = () => {
    board.reset(start);
    blames.length = 0;
    leftover.length = 0;
  };
  const signed = (h: LocatorRelation) => board.signedResidual(h);
  /** Solves the neighbourhoods; returns each one's effect on the hubs' signed differences. */
  const pass = (withCredit: (anchor: LocatorRelation) => boolean): Map<LocatorRelation, number[]> => {
    const effects = new Map<LocatorRelation, number[]>();
    for (const rel of small) {
      if (!board.broken(rel)) continue;
      const near = new Set<LocatorRelation>([rel]);
      for (const c of locatorCells(rel))
        for (const e of board.entriesOf(refKey(c)))
          if (goal.has(e.rel) && !hubs.has(e.rel) && board.broken(e.rel)) near.add(e.rel);
      for (const h of hubs.keys()) hubs.set(h, board.residual(h));
      const before = [...hubs.keys()].map(signed);
      const credit = hubs.size > 0 && withCredit(rel);
      const local = near.size <= 8 ? search(s, near, hubs, credit) : undefined;
      const alone = local ?? (near.size > 1 ? search(s, new Set([rel]), hubs, credit) : undefined);
      if (alone) {
        blames.push(...commit(s, alone, local ? near : new Set([rel]), hubs));
        effects.set(
          rel,
          [...hubs.keys()].map((h, i) => signed(h) - before[i]),
        );
      } else leftover.push(rel);
    }
    return effects;
  };
  const hubsHold = () => [...hubs.keys()].every((h) => !board.broken(h));
  if (hubs.size > 0) {
    const effects = pass(() => true);
    if (!hubsHold()) {
      const hubList = [...hubs.keys()];
      const left = hubList.map(signed);
      const moved = [...effects].filter(([, e]) => e.some((x) => Math.abs(x) > EPS));
      const matches = (xs: number[][]) =>
        left.every((l, i) => Math.abs(xs.reduce((sum, e) => sum + e[i], 0) + l) < EPS);
      let undo: Set<LocatorRelation> | undefined;
      for (let i = 0; i < moved.length && !undo; i++) {
        if (matches([moved[i][1]])) undo = new Set([moved[i][0]]);
        for (let j = i + 1; j < moved.length && !undo && moved.length <= 40; j++)
          if (matches([moved[i][1], moved[j][1]])) undo = new Set([moved[i][0], moved[j][0]]);
      }
      if (!undo) {
        // Hubs still off: the neighbourhoods that moved them are solved without their evidence; the others
        // (whose hubs hold) keep theirs.
        const off = hubList.map((h, i) => Math.abs(left[i]) > EPS && board.broken(h));
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
    if (!board.broken(hub)) continue;
    const sol = search(s, new Set([hub]));
    if (sol) blames.push(...commit(s, sol, new Set([hub])));
    else leftover.push(hub);
  }
  return { blames, leftover };
}
