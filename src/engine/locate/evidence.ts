// Evidence for a set of changes: an input is changed only when a relation OTHER than the one its new value
// repairs confirms that value; among sets of equal weight, the one with more evidence wins.
import { refKey } from "../relations";
import { EPS } from "./board";
import type { Change } from "./journal";
import type { Hubs, LocateState } from "./state";
import type { LocatorRelation } from "./types";

/**
 * The relations a change explains: those that hold with it and break without it (the other changes kept). A
 * relation mended by two changes together is not evidence for either alone.
 */
export function explainedBy(
  s: LocateState,
  c: Change,
  goal: ReadonlySet<LocatorRelation>,
  hubs: Hubs,
): LocatorRelation[] {
  const { board } = s;
  const entries = board.entriesOf(c.key);
  // A relation whose target is another change, chosen or recomputed (a rate set to agree with the changed
  // count), is no evidence for this change: it would confirm any value. Only a relation that holds after the
  // change with its own target as typed confirms it.
  const shared = (rel: LocatorRelation) => movedTarget(s, rel, c.key);
  const holding = entries
    .filter((e) => goal.has(e.rel) && !board.broken(e.rel) && !shared(e.rel))
    .map((e) => e.rel);
  const progressing = entries.filter((e) => progressed(s, e.rel, hubs)).map((e) => e.rel);
  board.restore(c.key);
  const out = holding.filter((r) => board.broken(r));
  const hubOut = progressing.filter((r) => !progressed(s, r, hubs));
  board.setValue(c.key, c.value);
  return [...out, ...hubOut];
}

/** The relation's target is a cell the current changes moved (other than `self`). */
function movedTarget(s: LocateState, rel: LocatorRelation, self: number): boolean {
  const t = refKey(rel.target);
  return t !== self && s.journal.has(t);
}

/** Evidence of the current changes, or undefined when an input change is not confirmed. */
export function evidenceOf(
  s: LocateState,
  goal: ReadonlySet<LocatorRelation>,
  hubs: Hubs,
): number | undefined {
  const { board } = s;
  let evidence = 0;
  for (const c of s.journal.live()) {
    if (!c.chosen) continue;
    const explained = explainedBy(s, c, goal, hubs).length;
    // A truncated-looking rate that the change turns right confirms it, unless the rate itself was recomputed.
    const softened = board
      .entriesOf(c.key)
      .filter(
        (e) => s.originallySoft.has(e.rel) && board.status(e.rel) === "ok" && !movedTarget(s, e.rel, c.key),
      ).length;
    if (s.weight(c.key) > s.derivedWeight && explained + softened < 2) return undefined;
    evidence += explained - 1 + softened / 2;
  }
  // A value that makes a hub hold exactly beats one that only brings it closer.
  for (const h of hubs.keys()) if (!board.broken(h)) evidence += 0.25;
  return evidence;
}

/** A total over many defects cannot hold until all are corrected; a change that brings it closer is evidence. */
export function progressed(s: LocateState, rel: LocatorRelation, hubs: Hubs): boolean {
  const before = hubs.get(rel);
  return before !== undefined && s.board.residual(rel) < before - EPS;
}
