// The expected value and live Excel formula of every derived cell (English function names, comma separators,
// as Office.js `Range.formulas` and ExcelJS expect).
import { a1, columnLetter } from "./grid";
import { roundHalfUp, truncateTo } from "./numbers";
import { type Ref, type Relation, refKey } from "./relations";

/** "C9:C15" for consecutive rows of one column, else single cells; in row order. */
export function compressRefs(refs: Ref[]): string[] {
  const byCol = new Map<number, number[]>();
  for (const r of refs) {
    const list = byCol.get(r.col) ?? [];
    list.push(r.row);
    byCol.set(r.col, list);
  }
  const out: string[] = [];
  for (const [col, rowsUnsorted] of byCol) {
    const rows = [...new Set(rowsUnsorted)].sort((a, b) => a - b);
    let start = rows[0];
    let prev = rows[0];
    const flush = () => out.push(start === prev ? a1(start, col) : `${a1(start, col)}:${a1(prev, col)}`);
    for (let i = 1; i < rows.length; i++) {
      if (rows[i] === prev + 1) prev = rows[i];
      else {
        flush();
        start = prev = rows[i];
      }
    }
    if (rows.length) flush();
  }
  return out;
}

function term(ref: Ref): string {
  return `${columnLetter(ref.col)}${ref.row}`;
}

export function relationFormula(rel: Relation, decimals: number, baseIsZero: boolean): string {
  if (rel.kind !== "rate") {
    if (rel.kind === "sum") return `=SUM(${compressRefs(rel.terms.map((t) => t.ref)).join(",")})`;
    let s = "";
    rel.terms.forEach((t, i) => {
      const coef = Math.abs(t.coef) === 1 ? "" : `${Math.abs(t.coef)}*`;
      const sign = t.coef < 0 ? "-" : i === 0 ? "" : "+";
      s += `${sign}${coef}${term(t.ref)}`;
    });
    return rel.rateTarget ? `=${rel.truncate ? "ROUNDDOWN" : "ROUND"}(${s},${decimals})` : `=${s}`;
  }
  const num = rel.numerator.length === 1 ? term(rel.numerator[0]) : `(${rel.numerator.map(term).join("+")})`;
  const scale = rel.scale === 1 ? "" : `*${rel.scale}`;
  const core = `${rel.truncate ? "ROUNDDOWN" : "ROUND"}(${num}/${term(rel.base)}${scale},${decimals})`;
  return baseIsZero ? `=IF(${term(rel.base)}=0,0,${core})` : `=${core}`;
}

/** Evaluates a relation's right-hand side the way the spreadsheet will (same order of operations). */
export function relationValue(
  rel: Relation,
  get: (r: Ref) => number | undefined,
  decimals: number,
): number | undefined {
  if (rel.kind === "rate") {
    let num = 0;
    for (const n of rel.numerator) {
      const v = get(n);
      if (v === undefined) return undefined;
      num += v;
    }
    const base = get(rel.base);
    if (base === undefined) return undefined;
    if (base === 0) return 0;
    const r = (rel.truncate ? truncateTo : roundHalfUp)((num / base) * rel.scale, decimals);
    return Number.isFinite(r) ? r : undefined;
  }
  let s = 0;
  for (const t of rel.terms) {
    const v = get(t.ref);
    if (v === undefined) return undefined;
    s += t.coef * v;
  }
  const r = rel.rateTarget ? (rel.truncate ? truncateTo : roundHalfUp)(s, decimals) : s;
  return Number.isFinite(r) ? r : undefined;
}

/**
 * The value of a derived cell computed from the inputs, in dependency order (units → groups → totals → rates),
 * memoised. `primary` maps each derived cell to the relation that defines its formula.
 */
export function computeDerived(
  primary: Map<number, Relation>,
  inputValue: (r: Ref) => number | undefined,
  decimalsOf: (r: Ref) => number,
): (r: Ref) => number | undefined {
  const memo = new Map<number, number | undefined>();
  const visiting = new Set<number>();
  const value = (ref: Ref): number | undefined => {
    const key = refKey(ref);
    const rel = primary.get(key);
    if (!rel) return inputValue(ref);
    if (memo.has(key)) return memo.get(key);
    if (visiting.has(key)) return inputValue(ref);
    visiting.add(key);
    const v = relationValue(rel, value, decimalsOf(ref));
    visiting.delete(key);
    memo.set(key, v);
    return v;
  };
  return value;
}
