// The sentences with figures, and what each figure claims: "X hộ nghèo, chiếm Y%", "Y% tương đương X hộ",
// "X/N hộ = Y%", "xuống còn Y%", "từ A xuống B ... giảm C", "đạt/vượt chỉ tiêu". Pure: text in, claims out.
import { decimalsOf, readNumber } from "../numbers";
import { normalize } from "../vocabulary";

/** A figure as typed: "1.597" households, "4,10" percent. */
export interface Figure {
  text: string;
  value: number;
  decimals: number;
  /** Index in the sentence. */
  at: number;
}

export type Category = "poor" | "nearPoor" | "any";

interface ClaimBase {
  sentence: string;
  /** Last year named before the figure in the sentence. */
  year?: number;
}

/** A count and its rate: the rate is count / households × 100 (households stated, or to be found). */
export interface RateClaim extends ClaimBase {
  kind: "rate";
  count: Figure;
  rate: Figure;
  /** The households the sentence states ("77/1.329 hộ"). */
  base?: Figure;
  category: Category;
}

/** A rate at the end of the period: "xuống còn 10,73 %", "đạt 10,73 % trở xuống". */
export interface EndRateClaim extends ClaimBase {
  kind: "end-rate";
  rate: Figure;
  category: Category;
}

/** "từ A xuống B" with "giảm C" in the same sentence: C = A − B (households, or points of a rate). */
export interface ChangeClaim extends ClaimBase {
  kind: "change";
  unit: "households" | "percent";
  from: Figure;
  to: Figure;
  reduction: Figure;
}

/** "giảm A hộ ... chỉ tiêu B hộ ... vượt/đạt/không đạt". */
export interface TargetClaim extends ClaimBase {
  kind: "target";
  unit: "households" | "percent";
  result: Figure;
  target: Figure;
  verdict: "met" | "exceeded" | "missed";
  said: string;
}

/** "giảm Z hộ" / "giảm Y%" alone: the reduction of the period, to compare with the table's start − end. */
export interface ReductionClaim extends ClaimBase {
  kind: "reduction";
  unit: "households" | "percent";
  reduction: Figure;
  category: Category;
}

/** "đạt/vượt/không đạt chỉ tiêu" with no figures in the sentence: the table's result against its target. */
export interface VerdictClaim extends ClaimBase {
  kind: "verdict";
  verdict: "met" | "exceeded" | "missed";
  said: string;
}

export type Claim = RateClaim | EndRateClaim | ChangeClaim | TargetClaim | ReductionClaim | VerdictClaim;

// A figure starts at a digit that follows no digit or separator (never "518" inside "1.518").
const N = String.raw`(?<![\d.,])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)`;
/** Words between a count and its rate: no figure but a year, so one match never swallows the next claim. */
const WORDS = String.raw`((?:[^%;\d]|\b(?:19|20)\d\d\b)`;
const HO = String.raw`hộ(?![\p{L}])`;
const PCT = String.raw`\s*%`;

const FRACTION = new RegExp(String.raw`${N}\s*\/\s*${N}\s*${HO}([^%;\d]{0,40}?)${N}${PCT}`, "giu");
const COUNT_RATE = new RegExp(String.raw`${N}\s*${HO}${WORDS}{0,60}?)${N}${PCT}`, "giu");
/** "có 1.518 hộ, trong đó có 208 hộ nghèo": the households a count of the sentence is part of. */
const BASE_BEFORE = new RegExp(
  String.raw`${N}\s*${HO}(?:\s+(?:dân cư|gia đình))?\s*[,:;]?\s*trong đó[^\d]*$`,
  "iu",
);
const RATE_COUNT = new RegExp(
  String.raw`${N}${PCT}([^;\d()%]{0,30}?)(?:tương đương|tương ứng|ứng với|=|bằng)\s*(?:(?:với|còn|là)\s+)*${N}\s*${HO}`,
  "giu",
);
const END_RATE = new RegExp(
  String.raw`(?:xuống còn|giảm còn|chỉ còn|còn|đạt)\s*(?:(?:mức|tỷ lệ|tỉ lệ|là)\s*)*${N}${PCT}`,
  "giu",
);
const CHANGE_PCT = new RegExp(String.raw`từ\s*${N}${PCT}([^;%]{0,60}?)xuống\s*(?:còn\s*)?${N}${PCT}`, "giu");
const CHANGE_HO = new RegExp(
  String.raw`từ\s*${N}\s*${HO}([^;]{0,60}?)(?:xuống|còn)\s*(?:còn\s*)?${N}\s*${HO}`,
  "giu",
);
const REDUCED_PCT = new RegExp(String.raw`giảm\s*(?:được\s*)?${N}${PCT}`, "giu");
const REDUCED_HO = new RegExp(String.raw`(?:giảm|thoát nghèo)\s*(?:được\s*)?${N}\s*${HO}`, "giu");
const TARGET = new RegExp(String.raw`(?:chỉ tiêu|kế hoạch)[^\d;]{0,30}?${N}\s*(hộ(?![\p{L}])|%)`, "giu");

/** The connective words that tie a count to its rate. */
const TIES = /chiếm|là|=|bằng|với tỷ lệ|với tỉ lệ|tỷ lệ|tỉ lệ|,/i;
/**
 * The words just before the rate tie it to the count ("…, chiếm tỷ lệ", "… là", "… với tỷ lệ giảm nghèo"); a rate
 * after "đưa tỷ lệ … từ" belongs to another phrase.
 */
const TIE_END = /(?:chiếm(?:\s+(?:tỷ|tỉ) lệ)?|là|=|bằng|với (?:tỷ|tỉ) lệ[^,;]{0,24}|,\s*(?:tỷ|tỉ) lệ|,)\s*$/i;
const YEAR = /\b(?:19|20)\d{2}\b/g;

/** Sentences of a paragraph: ". " or "; " before a capital, a dash or an opening bracket; numbers keep their dots. */
export function sentences(text: string): string[] {
  const flat = text.replace(/\s+/g, " ").trim();
  if (!flat) return [];
  return flat
    .split(/(?<=[.!?])\s+(?=[\p{Lu}\-–(])/u)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

function figure(text: string, at: number, kind: "count" | "rate"): Figure | undefined {
  const r = readNumber(text, kind);
  if (r.status !== "ok") return undefined;
  const value = r.intended ?? r.value;
  const decimals = r.fromText ? (r.textDecimals ?? decimalsOf(value)) : decimalsOf(value);
  return { text, value, decimals, at };
}

function yearBefore(sentence: string, at: number): number | undefined {
  let year: number | undefined;
  for (const m of sentence.slice(0, at).matchAll(YEAR)) year = Number(m[0]);
  return year;
}

function categoryAround(sentence: string, from: number, to: number): Category {
  const near = normalize(sentence.slice(Math.max(0, from - 40), to + 20));
  if (/can ngheo/.test(near) && !/ho ngheo[^c]*$/.test(normalize(sentence.slice(Math.max(0, from - 15), to))))
    return "nearPoor";
  if (/ngheo/.test(near)) return "poor";
  return "any";
}

/** The middle of a "count … rate" phrase may hold words and a year, never another figure. */
const quietMiddle = (middle: string) => !/\d/.test(middle.replace(YEAR, "")) && !/[.!?]\s/.test(middle);

export function claimsOf(sentence: string): Claim[] {
  const out: Claim[] = [];
  const taken: [number, number][] = [];
  const free = (a: number, b: number) => taken.every(([x, y]) => b <= x || a >= y);
  const indexOf = (m: RegExpMatchArray, group: number): number => {
    // The start of a capture group: search its text from the match start (groups are in order).
    const full = m[0];
    let from = 0;
    for (let g = 1; g < group; g++) if (m[g]) from = full.indexOf(m[g], from) + m[g].length;
    return (m.index ?? 0) + full.indexOf(m[group], from);
  };

  for (const m of sentence.matchAll(FRACTION)) {
    const [, x, n, middle, y] = m;
    if (!TIES.test(middle) || /\d/.test(middle)) continue;
    const count = figure(x, indexOf(m, 1), "count");
    const base = figure(n, indexOf(m, 2), "count");
    const rate = figure(y, indexOf(m, 4), "rate");
    if (!count || !base || !rate) continue;
    taken.push([m.index ?? 0, (m.index ?? 0) + m[0].length]);
    out.push({
      kind: "rate",
      sentence,
      count,
      base,
      rate,
      category: categoryAround(sentence, m.index ?? 0, (m.index ?? 0) + m[0].length),
      year: yearBefore(sentence, rate.at),
    });
  }
  let listBase: Figure | undefined;
  for (const m of sentence.matchAll(COUNT_RATE)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const [, x, middle, y] = m;
    if (!free(start, end) || !TIE_END.test(middle) || !quietMiddle(middle) || /[()]/.test(middle)) continue;
    // "X hộ" right after a slash belongs to a fraction.
    if (/\/\s*$/.test(sentence.slice(0, start))) continue;
    const count = figure(x, indexOf(m, 1), "count");
    const rate = figure(y, indexOf(m, 3), "rate");
    if (!count || !rate || !Number.isInteger(count.value)) continue;
    taken.push([start, end]);
    // "có N hộ, trong đó A hộ nghèo, chiếm …; B hộ cận nghèo, chiếm …": N is the base of every part listed.
    const b = BASE_BEFORE.exec(sentence.slice(0, start));
    if (b) listBase = figure(b[1], b.index, "count");
    const base = listBase;
    out.push({
      kind: "rate",
      sentence,
      count,
      rate,
      ...(base ? { base } : {}),
      category: categoryAround(sentence, start, end),
      year: yearBefore(sentence, rate.at),
    });
  }
  for (const m of sentence.matchAll(RATE_COUNT)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (!free(start, end)) continue;
    const rate = figure(m[1], indexOf(m, 1), "rate");
    const count = figure(m[3], indexOf(m, 3), "count");
    if (!count || !rate || !Number.isInteger(count.value)) continue;
    taken.push([start, end]);
    out.push({
      kind: "rate",
      sentence,
      count,
      rate,
      category: categoryAround(sentence, start, end),
      year: yearBefore(sentence, rate.at),
    });
  }
  const rateClaims = out.filter((c): c is RateClaim => c.kind === "rate");
  for (const m of sentence.matchAll(END_RATE)) {
    const start = m.index ?? 0;
    const rate = figure(m[1], indexOf(m, 1), "rate");
    if (!rate) continue;
    // Only the rate of poor (or near-poor) households: the sentence speaks of it.
    const before = normalize(sentence.slice(0, start));
    if (!/ty le ho (can )?ngheo|ti le ho (can )?ngheo|ho (can )?ngheo/.test(before)) continue;
    if (rateClaims.some((c) => c.rate.at === rate.at)) continue;
    out.push({
      kind: "end-rate",
      sentence,
      rate,
      category: categoryAround(sentence, start, start + m[0].length),
      year: yearBefore(sentence, rate.at),
    });
  }
  for (const [re, unit] of [
    [CHANGE_PCT, "percent"],
    [CHANGE_HO, "households"],
  ] as const) {
    for (const m of sentence.matchAll(re)) {
      const kind = unit === "percent" ? "rate" : "count";
      const from = figure(m[1], indexOf(m, 1), kind);
      const to = figure(m[3], indexOf(m, 3), kind);
      if (!from || !to || /\d/.test(m[2].replace(YEAR, ""))) continue;
      const reducedRe = unit === "percent" ? REDUCED_PCT : REDUCED_HO;
      for (const r of sentence.matchAll(reducedRe)) {
        const at = (r.index ?? 0) + r[0].indexOf(r[1], r[0].search(/\d/));
        if (at === from.at || at === to.at) continue;
        const reduction = figure(r[1], at, kind);
        if (!reduction) continue;
        out.push({ kind: "change", sentence, unit, from, to, reduction, year: yearBefore(sentence, to.at) });
        break;
      }
    }
  }
  const verdictText = normalize(sentence);
  const verdict: TargetClaim["verdict"] | undefined =
    /khong dat|chua dat|khong hoan thanh|chua hoan thanh/.test(verdictText)
      ? "missed"
      : /vuot (chi tieu|ke hoach|muc tieu)/.test(verdictText)
        ? "exceeded"
        : /(dat|hoan thanh) (chi tieu|ke hoach|muc tieu)/.test(verdictText)
          ? "met"
          : undefined;
  if (verdict) {
    // The verdict as the sentence words it (quoted back to the reader).
    const said =
      /(không|chưa) (đạt|hoàn thành)|vượt|đạt|hoàn thành/i.exec(sentence)?.[0].toLowerCase() ?? verdict;
    for (const t of sentence.matchAll(TARGET)) {
      const unit = t[2] === "%" ? "percent" : "households";
      const kind = unit === "percent" ? "rate" : "count";
      const target = figure(t[1], (t.index ?? 0) + t[0].lastIndexOf(t[1]), kind);
      if (!target) continue;
      const reducedRe = unit === "percent" ? REDUCED_PCT : REDUCED_HO;
      for (const r of sentence.matchAll(reducedRe)) {
        const at = (r.index ?? 0) + r[0].lastIndexOf(r[1]);
        if (at === target.at) continue;
        const result = figure(r[1], at, kind);
        if (!result) continue;
        out.push({
          kind: "target",
          sentence,
          unit,
          result,
          target,
          verdict,
          said,
          year: yearBefore(sentence, at),
        });
        break;
      }
      break;
    }
    // No figures to weigh: the verdict is weighed against the table's result and assigned target.
    if (!out.some((c) => c.kind === "target"))
      out.push({ kind: "verdict", sentence, verdict, said, year: yearBefore(sentence, sentence.length) });
  }
  // A reduction no other claim of the sentence accounts for.
  const used = new Set<number>();
  for (const c of out) {
    if (c.kind === "change") used.add(c.reduction.at);
    if (c.kind === "target") used.add(c.result.at).add(c.target.at);
    if (c.kind === "rate") used.add(c.count.at).add(c.rate.at);
  }
  for (const [re, unit] of [
    [REDUCED_HO, "households"],
    [REDUCED_PCT, "percent"],
  ] as const) {
    for (const m of sentence.matchAll(re)) {
      const at = (m.index ?? 0) + m[0].lastIndexOf(m[1]);
      if (used.has(at)) continue;
      const reduction = figure(m[1], at, unit === "percent" ? "rate" : "count");
      if (!reduction) continue;
      out.push({
        kind: "reduction",
        sentence,
        unit,
        reduction,
        category: categoryAround(sentence, m.index ?? 0, (m.index ?? 0) + m[0].length),
        year: yearBefore(sentence, at),
      });
    }
  }
  return out;
}
