// Checking one relation against the values (no findings, no blame): shared by the relation rules and blame.ts.
import { a1 } from "./grid";
import { roundHalfUp, truncateTo } from "./numbers";
import type { Ref, Relation } from "./relations";
import { compressRefs, relationValue } from "./recompute";

export type Check = { status: "ok" | "violated" | "rounding" | "skip"; expected?: number };

/** Compares a relation's target with the value its inputs give. */
export function checkRelation(
  rel: Relation,
  get: (r: Ref) => number | undefined,
  decimals: (r: Ref) => number,
): Check {
  const actual = get(rel.target);
  if (actual === undefined) return { status: "skip" };
  const d = decimals(rel.target);
  const expected = relationValue(rel, get, d);
  if (expected === undefined) return { status: "skip" };
  if (rel.kind === "rate") {
    const base = get(rel.base);
    if (base === 0) return { status: "skip" };
    const shown = roundHalfUp(actual, d);
    if (Math.abs(shown - expected) < 1e-9) return { status: "ok", expected };
    let num = 0;
    for (const n of rel.numerator) num += get(n) ?? 0;
    const exact = (num / (base as number)) * rel.scale;
    // Where the table's custom is truncation, a properly rounded rate is not a mistake either.
    if (rel.truncate)
      return Math.abs(shown - roundHalfUp(exact, d)) < 1e-9
        ? { status: "ok", expected }
        : { status: "violated", expected };
    if (Math.abs(shown - truncateTo(exact, d)) < 1e-9) return { status: "rounding", expected };
    return { status: "violated", expected };
  }
  if (rel.rateTarget) {
    // A reduction in points may be taken from rounded or unrounded rates: allow one unit in the last decimal.
    let raw = 0;
    for (const t of rel.terms) raw += t.coef * (get(t.ref) as number);
    const tol = 10 ** -d + 1e-9;
    return Math.abs(actual - raw) <= tol || Math.abs(actual - expected) < 1e-9
      ? { status: "ok", expected }
      : { status: "violated", expected };
  }
  return Math.abs(actual - expected) < 1e-6 ? { status: "ok", expected } : { status: "violated", expected };
}

export function relatedOf(rel: Relation): string[] {
  if (rel.kind === "rate") return compressRefs([...rel.numerator, rel.base]);
  return compressRefs(rel.terms.map((t) => t.ref));
}

/** How a relation is described in a message ("D8/C8×100", "C9:C15", "C12−I12"). */
export function describe(rel: Relation): string {
  if (rel.kind === "sum") return compressRefs(rel.terms.map((t) => t.ref)).join(", ");
  if (rel.kind === "rate") {
    const num = rel.numerator.map((r) => a1(r.row, r.col)).join("+");
    return `${rel.numerator.length > 1 ? `(${num})` : num}/${a1(rel.base.row, rel.base.col)}${rel.scale === 100 ? "×100" : ""}`;
  }
  return rel.terms
    .map((t, i) => `${t.coef < 0 ? "−" : i === 0 ? "" : "+"}${a1(t.ref.row, t.ref.col)}`)
    .join("");
}
