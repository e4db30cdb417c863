// Groups single cells into rectangles so that a write plan becomes a few range writes: a rate column becomes
// one tall block, a total row one wide block.
import type { CellRange } from "../../engine";

export interface Placed<T> {
  row: number;
  col: number;
  item: T;
}

export interface Block<T> extends CellRange {
  /** Row-major, every position filled. */
  items: T[][];
}

/** Rectangles fully covered by the given cells; cells with different keys never share a rectangle. */
export function rectangles<T>(placed: Placed<T>[], keyOf: (item: T) => string = () => ""): Block<T>[] {
  // Last one wins for a cell given twice.
  const byCell = new Map<string, Placed<T>>();
  for (const p of placed) byCell.set(`${p.row},${p.col}`, p);
  const byKey = new Map<string, Placed<T>[]>();
  for (const p of byCell.values()) {
    const k = keyOf(p.item);
    const list = byKey.get(k);
    if (list) list.push(p);
    else byKey.set(k, [p]);
  }
  const out: Block<T>[] = [];
  for (const cells of byKey.values()) {
    cells.sort((a, b) => a.col - b.col || a.row - b.row);
    // Vertical runs of consecutive rows in one column.
    const runs: { col: number; top: number; bottom: number; items: T[] }[] = [];
    for (const c of cells) {
      const last = runs[runs.length - 1];
      if (last && last.col === c.col && last.bottom + 1 === c.row) {
        last.bottom = c.row;
        last.items.push(c.item);
      } else runs.push({ col: c.col, top: c.row, bottom: c.row, items: [c.item] });
    }
    // Runs with the same rows in adjacent columns make one rectangle.
    const open = new Map<string, Block<T>>();
    for (const run of runs) {
      const span = `${run.top}-${run.bottom}`;
      const block = open.get(span);
      if (block && block.right + 1 === run.col) {
        block.right = run.col;
        run.items.forEach((item, i) => block.items[i].push(item));
      } else {
        const fresh: Block<T> = {
          top: run.top,
          bottom: run.bottom,
          left: run.col,
          right: run.col,
          items: run.items.map((i) => [i]),
        };
        open.set(span, fresh);
        out.push(fresh);
      }
    }
  }
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}
