// The document's sentences checked against themselves and its tables. A sentence that disagrees is a finding that
// quotes the sentence and the figure and says where the other number comes from (the sentence itself, another
// figure of it, or a table's row and column). Findings are data: codes and numbers; src/i18n/prose.ts words them.
import type { TableAnalysis } from "../index";
import { normalize } from "../vocabulary";
import { roundHalfUp, truncateTo } from "../numbers";
import {
  claimsOf,
  sentences,
  type Claim,
  type EndRateClaim,
  type Figure,
  type RateClaim,
  type ReductionClaim,
  type VerdictClaim,
} from "./claims";
import { householdsOf, rateOf, tableFacts, totalRow, type RowFacts, type TableFacts } from "./facts";
import type { DocTable, ProseDocument } from "./model";

export const PROSE_RULES = [
  "prose-rate",
  "prose-rate-truncated",
  "prose-part-exceeds",
  "prose-end-rate",
  "prose-change",
  "prose-target",
  "prose-bases-disagree",
] as const;
export type ProseRuleId = (typeof PROSE_RULES)[number];

export interface ProseSource {
  kind: "sentence" | "table";
  /** "Bảng N" (table sources). */
  table?: number;
  /** Row of the Word table, 1-based. */
  row?: number;
  /** The row's label ("Tổng", "Thôn Tân Long"). */
  label?: string;
  /** The header of the column the base comes from. */
  column?: string;
}

export interface ProseFinding {
  rule: ProseRuleId;
  severity: "error" | "warning";
  /** "suggested": the data only suggests it (a row matched by name, two figures that may speak of different years). */
  certainty?: "proved" | "suggested";
  /** 1-based paragraph of the document. */
  paragraph: number;
  sentence: string;
  /** The figure as typed ("10.73%", "45 hộ"). */
  figure: string;
  stated: number;
  expected: number;
  decimals?: number;
  source: ProseSource;
  /** The numbers the expected value is made from (count, households, from, to, other ranges ...). */
  params: Record<string, number | string>;
}

export interface TableInput {
  table: DocTable;
  analyses: TableAnalysis[];
}

interface Known {
  doc: DocTable;
  facts: TableFacts;
  names?: Map<string, RowFacts>;
}

export function checkProse(document: ProseDocument, tables: TableInput[]): ProseFinding[] {
  const known: Known[] = [];
  for (const t of tables)
    for (const a of t.analyses) {
      const facts = tableFacts(t.table.grid, a, t.table.title);
      if (facts.rows.some((r) => r.periods.some((p) => p.households))) known.push({ doc: t.table, facts });
    }
  const out: ProseFinding[] = [];
  for (const block of document.blocks) {
    if (block.kind !== "paragraph") continue;
    for (const sentence of sentences(block.text)) {
      const claims = claimsOf(sentence);
      if (claims.length === 0) continue;
      const found: ProseFinding[] = [];
      const unbased: RateClaim[] = [];
      for (const claim of claims) {
        const f = checkClaim(claim, known, unbased);
        if (f) found.push({ ...f, paragraph: block.index, sentence });
      }
      found.push(...basesDisagree(unbased).map((f) => ({ ...f, paragraph: block.index, sentence })));
      out.push(...found);
    }
  }
  return out;
}

type Partial = Omit<ProseFinding, "paragraph" | "sentence">;

const pct = (f: Figure) => `${f.text}%`;

function checkClaim(claim: Claim, known: Known[], unbased: RateClaim[]): Partial | undefined {
  switch (claim.kind) {
    case "rate":
      return checkRate(claim, known, unbased);
    case "end-rate":
      return checkEndRate(claim, known);
    case "reduction":
      return checkReduction(claim, known);
    case "verdict":
      return checkVerdict(claim, known);
    case "change": {
      const expected = roundHalfUp(
        claim.from.value - claim.to.value,
        Math.max(claim.from.decimals, claim.to.decimals),
      );
      // Two rounded rates differ from the rounded difference by one unit of the last decimal at most.
      const unit = claim.unit === "percent" ? Math.pow(10, -Math.max(claim.reduction.decimals, 1)) : 0;
      if (Math.abs(claim.reduction.value - expected) <= unit + 1e-9) return undefined;
      return {
        rule: "prose-change",
        severity: "error",
        figure: claim.unit === "percent" ? pct(claim.reduction) : `${claim.reduction.text} hộ`,
        stated: claim.reduction.value,
        expected,
        ...(claim.unit === "percent" ? { decimals: claim.reduction.decimals } : {}),
        source: { kind: "sentence" },
        params: { from: claim.from.value, to: claim.to.value, unit: claim.unit },
      };
    }
    case "target": {
      const r = claim.result.value;
      const t = claim.target.value;
      const holds = claim.verdict === "exceeded" ? r > t : claim.verdict === "met" ? r >= t : r < t;
      if (holds) return undefined;
      return {
        rule: "prose-target",
        severity: "error",
        figure: claim.said,
        stated: r,
        expected: t,
        source: { kind: "sentence" },
        params: { verdict: claim.verdict, unit: claim.unit, result: r, target: t },
      };
    }
  }
}

/** A rate against count / households: rounded half-up it must be the figure; truncated is a warning. */
function judgeRate(count: number, households: number, rate: Figure): "ok" | "truncated" | "wrong" {
  const exact = (count / households) * 100;
  if (Math.abs(roundHalfUp(exact, rate.decimals) - rate.value) < 1e-9) return "ok";
  if (Math.abs(truncateTo(exact, rate.decimals) - rate.value) < 1e-9) return "truncated";
  return "wrong";
}

function checkRate(claim: RateClaim, known: Known[], unbased: RateClaim[]): Partial | undefined {
  const { count, rate } = claim;
  if (claim.base) {
    if (count.value > claim.base.value)
      return {
        rule: "prose-part-exceeds",
        severity: "error",
        figure: `${count.text}/${claim.base.text}`,
        stated: count.value,
        expected: claim.base.value,
        source: { kind: "sentence" },
        params: { count: count.value, households: claim.base.value },
      };
    return rateFinding(claim, claim.base.value, { kind: "sentence" }, "proved");
  }
  const candidates = basesFor(claim, known);
  if (candidates.length === 0) {
    unbased.push(claim);
    return undefined;
  }
  // The sentence agrees with one of the households the tables state: nothing to say.
  if (candidates.some((c) => judgeRate(count.value, c.households, rate) === "ok")) return undefined;
  const best = candidates[0];
  return rateFinding(claim, best.households, best.source, best.certainty);
}

function rateFinding(
  claim: RateClaim,
  households: number,
  source: ProseSource,
  certainty: "proved" | "suggested",
): Partial | undefined {
  const verdict = judgeRate(claim.count.value, households, claim.rate);
  if (verdict === "ok") return undefined;
  const expected = roundHalfUp((claim.count.value / households) * 100, claim.rate.decimals);
  return {
    rule: verdict === "truncated" ? "prose-rate-truncated" : "prose-rate",
    severity: verdict === "truncated" ? "warning" : certainty === "proved" ? "error" : "warning",
    ...(certainty === "suggested" ? { certainty } : {}),
    figure: pct(claim.rate),
    stated: claim.rate.value,
    expected,
    decimals: claim.rate.decimals,
    source,
    params: {
      count: claim.count.value,
      households,
      exact: roundHalfUp((claim.count.value / households) * 100, claim.rate.decimals + 2),
    },
  };
}

interface Candidate {
  households: number;
  source: ProseSource;
  certainty: "proved" | "suggested";
}

/** The table row a sentence speaks of: a unit it names, else the total. */
function rowFor(sentence: string, k: Known): { row: RowFacts; named: boolean } | undefined {
  const names = namesOf(k);
  const tokens = normalize(sentence)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  for (let i = 0; i < tokens.length; i++) {
    for (let len = Math.min(6, tokens.length - i); len >= 1; len--) {
      const hit = names.get(tokens.slice(i, i + len).join(" "));
      if (!hit) continue;
      // A one-word name ("Trên", "Trai") only after its unit word: "tổ Trên", never "trên địa bàn".
      const after = (n: number) => i >= n && UNIT_WORD_SET.has(tokens.slice(i - n, i).join(" "));
      if (len > 1 || after(1) || after(2) || after(3)) return { row: hit, named: true };
    }
  }
  const total = totalRow(k.facts);
  return total ? { row: total, named: false } : undefined;
}

const UNIT_WORD_SET = new Set([
  "thon",
  "ban",
  "to dan pho",
  "to",
  "khu pho",
  "khu",
  "xom",
  "ap",
  "phuong",
  "xa",
  "thi tran",
  "huyen",
  "thi xa",
  "thanh pho",
]);

/** Each unit or group row's name, without its unit word, built once per table (a national table has thousands). */
function namesOf(k: Known): Map<string, RowFacts> {
  if (k.names) return k.names;
  const out = new Map<string, RowFacts>();
  for (const r of k.facts.rows) {
    if (r.kind !== "unit" && r.kind !== "group") continue;
    const words = normalize(r.label)
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    for (let n = 3; n >= 1; n--)
      if (words.length > n && UNIT_WORD_SET.has(words.slice(0, n).join(" "))) {
        words.splice(0, n);
        break;
      }
    const name = words.join(" ");
    if (name.length >= 2 && !out.has(name)) out.set(name, r);
  }
  k.names = out;
  return out;
}

/** Tables whose year agrees with the claim's (or that name none), the only one first. */
function tablesFor(year: number | undefined, known: Known[]): Known[] {
  const fits = known.filter(
    (k) =>
      year === undefined || k.facts.years.length === 0 || k.facts.years.some((y) => Math.abs(y - year) <= 1),
  );
  return fits;
}

function sourceOf(k: Known, row: RowFacts, column: string): ProseSource {
  return {
    kind: "table",
    table: k.doc.index,
    row: row.row - k.doc.grid.top + 1,
    label: row.label,
    column,
  };
}

function basesFor(claim: RateClaim, known: Known[]): Candidate[] {
  const out: Candidate[] = [];
  const fits = tablesFor(claim.year, known);
  for (const k of fits) {
    const match = rowFor(claim.sentence, k);
    if (!match) continue;
    const { row, named } = match;
    // The claim is about this row when it names it, or when its count is one the row holds (poor, near-poor, the
    // reduction, or what the start leaves after it), or when the document has this one table.
    const counts = new Set<number>();
    for (const p of row.periods) for (const v of [p.poor, p.nearPoor]) if (v) counts.add(v.value);
    if (row.reduction) counts.add(row.reduction.value);
    const about = named || counts.has(claim.count.value) || known.length === 1;
    if (!about) continue;
    for (const p of row.periods) {
      const h = householdsOf(row, p);
      if (!h || out.some((c) => c.households === h.value)) continue;
      out.push({
        households: h.value,
        source: sourceOf(k, row, h.header),
        certainty: known.length === 1 && !named ? "proved" : "suggested",
      });
    }
  }
  return out;
}

function checkEndRate(claim: EndRateClaim, known: Known[]): Partial | undefined {
  for (const k of tablesFor(claim.year, known)) {
    const match = rowFor(claim.sentence, k);
    if (!match) continue;
    const { row, named } = match;
    if (row.periods.length === 0) continue;
    const end = row.periods[row.periods.length - 1];
    // Only a period that is the claim's year, or a plan's projection when the claim names no year.
    if (claim.year !== undefined && end.period.year !== undefined && end.period.year !== claim.year) continue;
    if (end.period.kind === "start") continue;
    const h = householdsOf(row, end);
    const part = claim.category === "nearPoor" ? end.nearPoor : end.poor;
    if (!h || !part) continue;
    const expected = rateOf(part.value, h.value, claim.rate.decimals);
    if (expected === undefined) continue;
    const verdict = judgeRate(part.value, h.value, claim.rate);
    if (verdict === "ok") return undefined;
    const certainty = known.length === 1 && !named ? "proved" : "suggested";
    return {
      rule: verdict === "truncated" ? "prose-rate-truncated" : "prose-end-rate",
      severity: certainty === "proved" && verdict === "wrong" ? "error" : "warning",
      ...(certainty === "suggested" ? { certainty } : {}),
      figure: pct(claim.rate),
      stated: claim.rate.value,
      expected,
      decimals: claim.rate.decimals,
      source: sourceOf(k, row, h.header),
      params: {
        count: part.value,
        households: h.value,
        countColumn: part.header,
        ...(part.from ? { start: part.from.start, reduction: part.from.reduction } : {}),
        exact: roundHalfUp((part.value / h.value) * 100, claim.rate.decimals + 2),
      },
    };
  }
  return undefined;
}

/** "giảm 45 hộ" / "giảm 2,96%" against the table's start and end (a plan's end is start − its reduction). */
function checkReduction(claim: ReductionClaim, known: Known[]): Partial | undefined {
  if (claim.category === "nearPoor") return undefined;
  for (const k of tablesFor(claim.year, known)) {
    const match = rowFor(claim.sentence, k);
    if (!match || match.row.periods.length < 2) continue;
    const { row, named } = match;
    const start = row.periods[0];
    const end = row.periods[row.periods.length - 1];
    if (claim.year !== undefined && end.period.year !== undefined && end.period.year !== claim.year) continue;
    const hStart = householdsOf(row, start);
    const hEnd = householdsOf(row, end);
    if (!start.poor || !end.poor || !hStart || !hEnd) continue;
    let expected: number;
    if (claim.unit === "households") {
      expected = start.poor.value - end.poor.value;
      if (claim.reduction.value === expected) return undefined;
    } else {
      const d = Math.max(claim.reduction.decimals, 2);
      const a = rateOf(start.poor.value, hStart.value, d);
      const b = rateOf(end.poor.value, hEnd.value, d);
      if (a === undefined || b === undefined) continue;
      expected = roundHalfUp(a - b, d);
      // Points of two rounded rates, or the reduction over the start households (both in use): either is right.
      const over = rateOf(start.poor.value - end.poor.value, hStart.value, d);
      if ([expected, over].some((x) => x !== undefined && Math.abs(x - claim.reduction.value) < 1e-9))
        return undefined;
    }
    const certainty = known.length === 1 && !named ? "proved" : "suggested";
    return {
      rule: "prose-change",
      severity: certainty === "proved" ? "error" : "warning",
      ...(certainty === "suggested" ? { certainty } : {}),
      figure: claim.unit === "percent" ? pct(claim.reduction) : `${claim.reduction.text} hộ`,
      stated: claim.reduction.value,
      expected,
      ...(claim.unit === "percent" ? { decimals: claim.reduction.decimals } : {}),
      source: sourceOf(k, row, end.poor.header),
      params: {
        from: claim.unit === "percent" ? (rateOf(start.poor.value, hStart.value, 2) ?? 0) : start.poor.value,
        to: claim.unit === "percent" ? (rateOf(end.poor.value, hEnd.value, 2) ?? 0) : end.poor.value,
        unit: claim.unit,
      },
    };
  }
  return undefined;
}

/** "đạt/vượt/không đạt chỉ tiêu" against a report's result (start − end) and the target it carries. */
function checkVerdict(claim: VerdictClaim, known: Known[]): Partial | undefined {
  for (const k of tablesFor(claim.year, known)) {
    const match = rowFor(claim.sentence, k);
    if (!match?.row.target || match.row.periods.length < 2) continue;
    const { row, named } = match;
    const start = row.periods[0].poor;
    const end = row.periods[row.periods.length - 1].poor;
    const result = row.reduction?.value ?? (start && end ? start.value - end.value : undefined);
    if (result === undefined || !row.target) continue;
    const target = row.target.value;
    const holds =
      claim.verdict === "exceeded"
        ? result > target
        : claim.verdict === "met"
          ? result >= target
          : result < target;
    if (holds) return undefined;
    const certainty = known.length === 1 && !named ? "proved" : "suggested";
    return {
      rule: "prose-target",
      severity: certainty === "proved" ? "error" : "warning",
      ...(certainty === "suggested" ? { certainty } : {}),
      figure: claim.said,
      stated: result,
      expected: target,
      source: sourceOf(k, row, row.target.header),
      params: { verdict: claim.verdict, unit: "households", result, target },
    };
  }
  return undefined;
}

/** Household ranges a count and its rate allow: [lo, hi] whole households. */
function impliedHouseholds(count: number, rate: Figure): [number, number] | undefined {
  const half = 0.5 * Math.pow(10, -rate.decimals);
  if (rate.value - half <= 0) return undefined;
  const lo = Math.ceil((count * 100) / (rate.value + half) - 1e-9);
  const hi = Math.floor((count * 100) / (rate.value - half) + 1e-9);
  return lo <= hi ? [lo, hi] : undefined;
}

/**
 * Figures of one sentence and one year that state no households: poor and near-poor of the same place share one
 * total, so the ranges their rates allow must meet (1.597 hộ = 4,10 % and 2.027 hộ = 5,20 % both allow 38.943-38.998).
 */
function basesDisagree(claims: RateClaim[]): Partial[] {
  const out: Partial[] = [];
  for (let i = 1; i < claims.length; i++) {
    const a = claims[i - 1];
    const b = claims[i];
    if (a.year !== b.year || a.category === b.category) continue;
    const ra = impliedHouseholds(a.count.value, a.rate);
    const rb = impliedHouseholds(b.count.value, b.rate);
    if (!ra || !rb || (ra[0] <= rb[1] && rb[0] <= ra[1])) continue;
    out.push({
      rule: "prose-bases-disagree",
      severity: "warning",
      certainty: "suggested",
      figure: pct(b.rate),
      stated: b.rate.value,
      expected: roundHalfUp((b.count.value / ((ra[0] + ra[1]) / 2)) * 100, b.rate.decimals),
      decimals: b.rate.decimals,
      source: { kind: "sentence" },
      params: {
        count: b.count.value,
        otherCount: a.count.value,
        otherRate: a.rate.value,
        otherDecimals: a.rate.decimals,
        lo: ra[0],
        hi: ra[1],
        ownLo: rb[0],
        ownHi: rb[1],
      },
    });
  }
  return out;
}
