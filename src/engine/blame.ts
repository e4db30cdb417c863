// Locating the cell to blame. One wrong cell breaks several relations (a mistyped household count breaks its
// row's rates and its group's total): find the single cell whose corrected value satisfies every relation it is
// part of, and report that cell once, with that value. What no single cell explains is reported on the derived
// cell of each broken relation.
import { a1 } from "./grid";
import type { Finding } from "./report";
import { type Ref, type Relation, refFromKey, refKey, relationCells } from "./relations";
import { relationValue } from "./recompute";
import { checkRelation, describe, relatedOf } from "./check";
import { type TableContext, makeFinding } from "./context";

interface Candidate {
  ref: Ref;
  key: number;
  value: number;
  fixes: Relation[];
  /** Rates now explained by truncation that the correction makes exact: further evidence for this cell. */
  softFixes: Relation[];
  derived: boolean;
}

function proposeFromBase(
  ctx: TableContext,
  ref: Ref,
  rates: Relation[],
  get: (r: Ref) => number | undefined,
): number | undefined {
  let lo = 1;
  let hi = Number.POSITIVE_INFINITY;
  for (const rel of rates) {
    if (rel.kind !== "rate") return undefined;
    const r = get(rel.target);
    if (r === undefined) return undefined;
    let n = 0;
    for (const x of rel.numerator) {
      const v = get(x);
      if (v === undefined) return undefined;
      n += v;
    }
    const half = 0.5 * 10 ** -ctx.decimals(rel.target);
    if (n === 0) continue;
    lo = Math.max(lo, Math.ceil((n * rel.scale) / (r + half) - 1e-9));
    if (r - half > 0) hi = Math.min(hi, Math.floor((n * rel.scale) / (r - half) + 1e-9));
  }
  if (lo > hi || !Number.isFinite(lo)) return undefined;
  const current = get(ref) ?? lo;
  return Math.min(
    Math.max(Math.round(current), lo),
    hi === Number.POSITIVE_INFINITY ? Math.max(lo, Math.round(current)) : hi,
  );
}

function propose(
  ctx: TableContext,
  rel: Relation,
  ref: Ref,
  get: (r: Ref) => number | undefined,
): number | undefined {
  const key = refKey(ref);
  if (refKey(rel.target) === key) return relationValue(rel, get, ctx.decimals(ref));
  if (rel.kind === "rate") return undefined;
  const target = get(rel.target);
  if (target === undefined) return undefined;
  let rest = 0;
  let coef = 0;
  for (const t of rel.terms) {
    if (refKey(t.ref) === key) {
      coef += t.coef;
      continue;
    }
    const v = get(t.ref);
    if (v === undefined) return undefined;
    rest += t.coef * v;
  }
  if (coef === 0) return undefined;
  const v = (target - rest) / coef;
  return Number(v.toPrecision(12));
}

export function blame(
  ctx: TableContext,
  relations: Relation[],
  violated: Relation[],
  primary: Map<number, Relation>,
  soft: Relation[] = [],
): { findings: Finding[]; resolvedSoft: Set<Relation> } {
  const findings: Finding[] = [];
  const resolvedSoft = new Set<Relation>();
  if (violated.length === 0) return { findings, resolvedSoft };
  const remaining = new Set(violated);
  const softSet = new Set(soft);
  const candidateKeys = new Set<number>();
  for (const rel of violated) for (const c of relationCells(rel)) candidateKeys.add(refKey(c));
  // Every relation each candidate cell takes part in, broken or not: a correction must keep them all.
  const index = new Map<number, Relation[]>();
  for (const rel of relations) {
    for (const c of relationCells(rel)) {
      const k = refKey(c);
      if (!candidateKeys.has(k)) continue;
      const list = index.get(k) ?? [];
      if (!list.includes(rel)) list.push(rel);
      index.set(k, list);
    }
  }
  const overrides = new Map<number, number>();
  const get = (r: Ref): number | undefined => {
    const k = refKey(r);
    return overrides.has(k) ? overrides.get(k) : ctx.value(r);
  };

  // In a plan the assigned reduction is an input from above: the projection follows from it, never the reverse.
  const assigned = new Set(
    ctx.table.isPlan
      ? ctx.table.columns
          .filter((c) => c.role === "reduction" || c.role === "nearPoorReduction")
          .map((c) => c.col)
      : [],
  );
  const evaluateCandidate = (ref: Ref): Candidate | undefined => {
    if (assigned.has(ref.col)) return undefined;
    const key = refKey(ref);
    const own = index.get(key) ?? [];
    const broken = own.filter((r) => remaining.has(r));
    if (broken.length === 0) return undefined;
    const proposals: number[] = [];
    for (const rel of broken) {
      const v = propose(ctx, rel, ref, get);
      if (v !== undefined && !proposals.includes(v)) proposals.push(v);
    }
    const brokenRates = broken.filter((r) => r.kind === "rate" && refKey(r.base) === key);
    if (brokenRates.length >= 2) {
      const v = proposeFromBase(ctx, ref, brokenRates, get);
      if (v !== undefined && !proposals.includes(v)) proposals.push(v);
    }
    const isCount = ctx.kindOf.get(key) === "count";
    for (const value of proposals) {
      if (isCount && (!Number.isInteger(value) || value < 0)) continue;
      if (value === get(ref)) continue;
      const with_ = (r: Ref) => (refKey(r) === key ? value : get(r));
      const fixes: Relation[] = [];
      const softFixes: Relation[] = [];
      let ok = true;
      for (const rel of own) {
        const st = checkRelation(rel, with_, ctx.decimals).status;
        if (st === "violated") {
          ok = false;
          break;
        }
        if (remaining.has(rel)) fixes.push(rel);
        else if (softSet.has(rel) && st === "ok") softFixes.push(rel);
      }
      if (ok && fixes.length > 0) return { ref, key, value, fixes, softFixes, derived: primary.has(key) };
    }
    return undefined;
  };

  for (let pass = 0; pass < 6 && remaining.size > 0; pass++) {
    const cells = new Set<number>();
    for (const rel of remaining) for (const c of relationCells(rel)) cells.add(refKey(c));
    const candidates: Candidate[] = [];
    for (const k of cells) {
      const c = evaluateCandidate(refFromKey(k));
      if (c) candidates.push(c);
    }
    candidates.sort(
      (a, b) =>
        b.fixes.length + b.softFixes.length / 2 - (a.fixes.length + a.softFixes.length / 2) ||
        Number(b.derived) - Number(a.derived) ||
        a.ref.row - b.ref.row ||
        a.ref.col - b.ref.col,
    );
    let accepted = 0;
    const touched = new Set<Relation>();
    for (const cand of candidates) {
      // Accept only while the candidate's relations are untouched in this pass; the rest wait for the next pass.
      if (cand.fixes.some((r) => touched.has(r) || !remaining.has(r))) continue;
      if ((index.get(cand.key) ?? []).some((r) => touched.has(r))) continue;
      overrides.set(cand.key, cand.value);
      for (const r of index.get(cand.key) ?? []) touched.add(r);
      for (const r of cand.fixes) remaining.delete(r);
      for (const r of cand.softFixes) {
        softSet.delete(r);
        resolvedSoft.add(r);
      }
      accepted++;
      findings.push(blameFinding(ctx, cand, primary));
    }
    if (accepted === 0) break;
  }

  const reported = new Set<number>();
  for (const rel of remaining) {
    const key = refKey(rel.target);
    if (reported.has(key)) continue;
    reported.add(key);
    const expected = relationValue(rel, get, ctx.decimals(rel.target));
    findings.push(
      makeFinding(ctx, rel.rule, "error", rel.target, expected ?? null, relatedOf(rel), {
        relation: describe(rel),
      }),
    );
  }
  return { findings, resolvedSoft };
}

function blameFinding(ctx: TableContext, cand: Candidate, primary: Map<number, Relation>): Finding {
  if (cand.derived) {
    const own = primary.get(cand.key)!;
    const rel = cand.fixes.includes(own) ? own : cand.fixes[0];
    return makeFinding(ctx, own.rule, "error", cand.ref, cand.value, relatedOf(own), {
      relation: describe(rel),
    });
  }
  const linear = cand.fixes.find((r) => r.kind !== "rate");
  const rule = (linear ?? cand.fixes[0]).rule;
  const targets = [...new Set(cand.fixes.map((r) => a1(r.target.row, r.target.col)))];
  return makeFinding(ctx, rule, "error", cand.ref, cand.value, targets, {
    variant: "input-typo",
    targets: targets.join(", "),
  });
}
