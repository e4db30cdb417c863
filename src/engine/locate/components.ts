// The broken relations split into connected components (relations that share a cell), each solved on its own,
// in sheet order.
import { refKey } from "../relations";
import { type LocatorRelation, locatorCells } from "./types";

export function components(violated: readonly LocatorRelation[]): LocatorRelation[][] {
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
  for (const rel of violated) {
    const keys = locatorCells(rel).map(refKey);
    for (const k of keys) if (!parent.has(k)) parent.set(k, k);
    for (const k of keys.slice(1)) {
      const a = find(keys[0]);
      const b = find(k);
      if (a !== b) parent.set(b, a);
    }
  }
  const groups = new Map<number, LocatorRelation[]>();
  for (const rel of violated) {
    const root = find(refKey(locatorCells(rel)[0]));
    const list = groups.get(root) ?? [];
    list.push(rel);
    groups.set(root, list);
  }
  const firstKey = (rels: LocatorRelation[]) => {
    let min = Infinity;
    for (const r of rels) min = Math.min(min, refKey(r.target));
    return min;
  };
  return [...groups.values()].sort((a, b) => firstKey(a) - firstKey(b));
}
