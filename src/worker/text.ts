// Large results as text for the trip from the worker to the page: Chromium parses the JSON of a 10,000-row grid
// or its analysis several times faster than it takes the same objects by structured clone (which stalled the page
// for 100-270 ms). Only what JSON carries exactly goes as text; anything else goes as it is.
import type { Cell, Grid } from "../engine";

export function encodeGrid(grid: Grid): string {
  return JSON.stringify(grid);
}

/** JSON writes a missing row or cell as null; the engine's grids leave them undefined. */
export function decodeGrid(text: string): Grid {
  const grid = JSON.parse(text) as Grid;
  const cells = grid.cells as ((Cell | null | undefined)[] | null | undefined)[];
  for (let r = 0; r < cells.length; r++) {
    const row = cells[r];
    if (row === null) {
      cells[r] = undefined;
      continue;
    }
    if (!row) continue;
    for (let c = 0; c < row.length; c++) if (row[c] === null) row[c] = undefined;
  }
  return grid;
}

/** A value as JSON when JSON gives it back exactly (plain objects, arrays without holes, finite numbers). */
export type Packed<T> = { json: string } | { value: T };

export function pack<T>(value: T): Packed<T> {
  return jsonExact(value) ? { json: JSON.stringify(value) } : { value };
}

export function unpack<T>(packed: Packed<T>): T {
  return "json" in packed ? (JSON.parse(packed.json) as T) : packed.value;
}

function jsonExact(x: unknown): boolean {
  switch (typeof x) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(x);
    case "undefined":
      return true; // a property left out: read back as missing, which it means
    case "object": {
      if (x === null) return true;
      if (Array.isArray(x)) {
        for (let i = 0; i < x.length; i++) {
          if (!(i in x) || x[i] === undefined || !jsonExact(x[i])) return false;
        }
        return true;
      }
      const proto = Object.getPrototypeOf(x);
      if (proto !== Object.prototype && proto !== null) return false;
      for (const k in x) if (!jsonExact((x as Record<string, unknown>)[k])) return false;
      return true;
    }
    default:
      return false;
  }
}
