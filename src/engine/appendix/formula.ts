// Formulas of an appendix: the engine's formulas name cells of the user's sheet, the appendix has its own rows
// and columns; and the SUM of an aggregate over the rows it covers.
import { columnLetter } from "../grid";

const REF =
  /(?<![A-Za-z0-9_.!'"])(\$?)([A-Z]{1,3})(\$?)(\d+)(?::(\$?)([A-Z]{1,3})(\$?)(\d+))?(?![A-Za-z0-9_(!])/g;

/**
 * Rewrites every A1 reference of `formula` through `mapRow` / `mapCol`; undefined when a reference cannot be
 * carried over (another sheet, a row the appendix does not hold).
 */
export function translateFormula(
  formula: string,
  mapRow: (row: number, end?: "start" | "end", other?: number) => number | undefined,
  mapCol: (col: number) => number | undefined,
): string | undefined {
  if (formula.includes("!") || formula.includes('"')) return undefined;
  let ok = true;
  const colNum = (letters: string) => {
    let n = 0;
    for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n;
  };
  const out = formula.replace(REF, (_m, d1, c1, d2, r1, d3, c2, d4, r2) => {
    const col1 = mapCol(colNum(c1));
    if (c2 === undefined) {
      const row1 = mapRow(Number(r1));
      if (col1 === undefined || row1 === undefined) {
        ok = false;
        return _m;
      }
      return `${d1}${columnLetter(col1)}${d2}${row1}`;
    }
    const col2 = mapCol(colNum(c2));
    const row1 = mapRow(Number(r1), "start", Number(r2));
    const row2 = mapRow(Number(r2), "end", Number(r1));
    if (col1 === undefined || col2 === undefined || row1 === undefined || row2 === undefined || row1 > row2) {
      ok = false;
      return _m;
    }
    return `${d1}${columnLetter(col1)}${d2}${row1}:${d3}${columnLetter(col2)}${d4}${row2}`;
  });
  return ok ? out : undefined;
}

/** SUM over the rows an aggregate covers, contiguous runs as ranges: SUM(C8:C10,C14). */
export function sumFormula(letter: string, rows: number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(i === j ? `${letter}${sorted[i]}` : `${letter}${sorted[i]}:${letter}${sorted[j]}`);
    i = j + 1;
  }
  return `SUM(${parts.join(",")})`;
}
