// Addresses as Office.js returns them: "Sheet1!B3:H20", "'Thôn, bản'!A1", several areas joined by commas.
import { parseRangeA1, type CellRange } from "../../engine/grid";

/** Splits "S!A1:B2,S!C3" into areas, minding quoted sheet names that contain commas. */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") {
      // '' inside a quoted name is an escaped quote
      if (quoted && address[i + 1] === "'") {
        current += "''";
        i++;
        continue;
      }
      quoted = !quoted;
    }
    if (ch === "," && !quoted) {
      if (current.trim()) out.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/** "Sheet1!B3:H20" → B3:H20 as a range (the sheet part is dropped). */
export function rangeOfAddress(address: string): CellRange {
  const bang = address.lastIndexOf("!");
  return parseRangeA1(bang >= 0 ? address.slice(bang + 1) : address);
}

export function intersect(a: CellRange, b: CellRange): CellRange | null {
  const r = {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
  return r.top <= r.bottom && r.left <= r.right ? r : null;
}

export function cellCount(r: CellRange): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}
