// Addresses as Office.js returns them: "Sheet1!B3:H20", "'Thôn, bản'!A1", several areas joined by commas.
import { columnNumber, parseRangeA1, type CellRange } from "../../engine";

/** Excel's last row and column: whole-column and whole-row addresses reach them. */
export const MAX_ROW = 1_048_576;
export const MAX_COL = 16_384;

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

/**
 * "Sheet1!B3:H20" → B3:H20 as a range (the sheet part is dropped). Whole columns ("Sheet1!A:H", "$C:$C") and
 * whole rows ("Sheet1!3:10") are what Excel returns for a click on column or row headers: they reach the sheet's
 * last row or column (callers intersect them with the used range). Throws on anything else.
 */
export function rangeOfAddress(address: string): CellRange {
  const bang = address.lastIndexOf("!");
  const ref = (bang >= 0 ? address.slice(bang + 1) : address).trim().replace(/\$/g, "");
  const cols = /^([A-Za-z]{1,3})(?::([A-Za-z]{1,3}))?$/.exec(ref);
  if (cols) {
    const [a, b] = [columnNumber(cols[1]), columnNumber(cols[2] ?? cols[1])];
    return { top: 1, bottom: MAX_ROW, left: Math.min(a, b), right: Math.max(a, b) };
  }
  const rows = /^(\d+)(?::(\d+))?$/.exec(ref);
  if (rows) {
    const [a, b] = [Number(rows[1]), Number(rows[2] ?? rows[1])];
    return { top: Math.min(a, b), bottom: Math.max(a, b), left: 1, right: MAX_COL };
  }
  return parseRangeA1(ref);
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

/** Bytes of a string once encoded as UTF-8 (what Excel on the web counts against its 5 MB payload limit). */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4; // a surrogate pair: one 4-byte character
      i++;
    } else n += 3;
  }
  return n;
}

/** UTF-8 bytes of a value as JSON. */
export function jsonBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value) ?? "");
}
