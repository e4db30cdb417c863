// The paragraph officials put in the plan, written from a checked table: the situation at the start (households,
// poor and near-poor with their rates, per group when the table has groups), the target or the result (reduction,
// rate at the end, points of reduction), and a line per unit on request. Codes and numbers only: every rate is
// recomputed from the counts the appendix stands for (facts.ts), so the text cannot disagree with the appendix.
import { normalize } from "../vocabulary";
import { roundHalfUp } from "../numbers";
import {
  householdsOf,
  rateOf,
  totalRow,
  type Period,
  type PeriodFacts,
  type RowFacts,
  type TableFacts,
} from "./facts";

/** Who "toàn ..." is: read from the units' own words (thôn → the commune, xã → the district ...) and the title. */
export type Scope =
  "commune" | "ward" | "township" | "district" | "town" | "city" | "province" | "country" | "area";

export interface SituationParams {
  when: Period["kind"];
  year?: number;
  scope: Scope;
  households: number;
  poor?: number;
  poorRate?: number;
  nearPoor?: number;
  nearPoorRate?: number;
}

export interface ChangeParams {
  when: Period["kind"];
  year?: number;
  scope: Scope;
  households: number;
  poorEnd: number;
  rateStart: number;
  rateEnd: number;
  reduction: number;
  /** Percentage points: start rate − end rate, both as printed. */
  points: number;
  nearPoorEnd?: number;
  nearPoorRateEnd?: number;
}

export type DescribeLine =
  | { code: "situation"; params: SituationParams }
  | { code: "group"; params: SituationParams & { label: string } }
  | { code: "target" | "result"; params: ChangeParams }
  | {
      code: "unit";
      params: {
        label: string;
        households: number;
        poor?: number;
        poorRate?: number;
        reduction?: number;
        poorEnd?: number;
        rateEnd?: number;
        isPlan: boolean;
      };
    };

export interface Description {
  sheet: string;
  title: string;
  isPlan: boolean;
  lines: DescribeLine[];
}

export interface DescribeOptions {
  /** A line per unit (thôn, bản, xã ...). */
  units?: boolean;
  /** Decimals of rates (the custom: two). */
  decimals?: number;
}

function scopeOf(facts: TableFacts): Scope {
  const first = facts.rows.find((r) => r.kind === "unit");
  // The first unit's own word ("Thôn Minh Long"), else the column's header ("Tổ dân phố", "Xã, phường").
  const own = normalize(first?.label ?? "");
  const label = /^(thon|ban|to|xom|khu|ap|xa|phuong|thi tran|huyen|thi xa|thanh pho|tinh)\b/.test(own)
    ? own
    : normalize(facts.unitHeader ?? "");
  const total = normalize(totalRow(facts)?.label ?? "");
  const title = normalize(facts.title);
  if (/toan xa/.test(total)) return "commune";
  if (/toan phuong/.test(total)) return "ward";
  if (/toan thi tran/.test(total)) return "township";
  if (/toan huyen/.test(total)) return "district";
  if (/toan thi xa/.test(total)) return "town";
  if (/toan thanh pho/.test(total)) return "city";
  if (/toan tinh/.test(total)) return "province";
  if (/toan quoc|ca nuoc/.test(total)) return "country";
  if (/^(thon|ban|to dan pho|to|xom|khu pho|khu|ap)\b/.test(label)) {
    if (/\bphuong\b/.test(title)) return "ward";
    if (/\bthi tran\b/.test(title)) return "township";
    return /\bxa\b/.test(title) || /^(thon|ban)/.test(label) ? "commune" : "area";
  }
  if (/^(xa|phuong|thi tran)\b/.test(label)) {
    if (/\bhuyen\b/.test(title)) return "district";
    if (/\bthi xa\b/.test(title)) return "town";
    if (/\bthanh pho\b/.test(title)) return "city";
    return "area";
  }
  if (/^(huyen|thi xa|thanh pho)\b/.test(label)) return "province";
  if (/^tinh\b/.test(label)) return "country";
  return "area";
}

function situation(row: RowFacts, p: PeriodFacts, scope: Scope, d: number): SituationParams | undefined {
  const h = householdsOf(row, p);
  if (!h) return undefined;
  const out: SituationParams = { when: p.period.kind, scope, households: h.value };
  if (p.period.year !== undefined) out.year = p.period.year;
  if (p.poor) {
    out.poor = p.poor.value;
    out.poorRate = rateOf(p.poor.value, h.value, d);
  }
  if (p.nearPoor) {
    out.nearPoor = p.nearPoor.value;
    out.nearPoorRate = rateOf(p.nearPoor.value, h.value, d);
  }
  return out.poor === undefined && out.nearPoor === undefined ? undefined : out;
}

/** The start and the end of a row: the first and last periods, or the start and start − reduction. */
function change(row: RowFacts, isPlan: boolean, scope: Scope, d: number): ChangeParams | undefined {
  const start = row.periods[0];
  if (!start?.poor) return undefined;
  const hStart = householdsOf(row, start);
  if (!hStart) return undefined;
  const end = row.periods.length > 1 ? row.periods[row.periods.length - 1] : undefined;
  const hEnd = end ? (householdsOf(row, end) ?? hStart) : hStart;
  let poorEnd: number | undefined;
  if (end?.poor) poorEnd = end.poor.value;
  else if (row.reduction) poorEnd = start.poor.value - row.reduction.value;
  if (poorEnd === undefined) return undefined;
  const rateStart = rateOf(start.poor.value, hStart.value, d);
  const rateEnd = rateOf(poorEnd, hEnd.value, d);
  if (rateStart === undefined || rateEnd === undefined) return undefined;
  const out: ChangeParams = {
    when: end?.period.kind ?? (isPlan ? "plan" : "end"),
    scope,
    households: hEnd.value,
    poorEnd,
    rateStart,
    rateEnd,
    reduction: start.poor.value - poorEnd,
    points: roundHalfUp(rateStart - rateEnd, d),
  };
  const year = end?.period.year ?? row.periods.find((p) => p.period.year !== undefined)?.period.year;
  if (year !== undefined) out.year = year;
  if (end?.nearPoor) {
    out.nearPoorEnd = end.nearPoor.value;
    out.nearPoorRateEnd = rateOf(end.nearPoor.value, hEnd.value, d);
  }
  return out;
}

export function describeTable(facts: TableFacts, options: DescribeOptions = {}): Description {
  const d = options.decimals ?? 2;
  const scope = scopeOf(facts);
  const lines: DescribeLine[] = [];
  const total = totalRow(facts);
  const isPlan = facts.isPlan;
  if (total && total.periods.length > 0) {
    const s = situation(total, total.periods[0], scope, d);
    if (s) {
      // The start of a plan's year: "đầu năm 2023" when the start column names no year of its own.
      if (s.year === undefined) {
        const later = total.periods.find((p) => p.period.year !== undefined)?.period.year;
        if (later !== undefined) s.year = later;
      }
      lines.push({ code: "situation", params: s });
    }
    for (const g of facts.rows.filter((r) => r.kind === "group")) {
      const gs = g.periods.length > 0 ? situation(g, g.periods[0], scope, d) : undefined;
      if (gs) lines.push({ code: "group", params: { ...gs, label: g.label } });
    }
    const c = change(total, isPlan, scope, d);
    if (c) lines.push({ code: isPlan ? "target" : "result", params: c });
  }
  if (options.units) {
    for (const u of facts.rows.filter((r) => r.kind === "unit")) {
      const start = u.periods[0];
      const h = start ? householdsOf(u, start) : undefined;
      if (!start || !h) continue;
      const c = change(u, isPlan, scope, d);
      lines.push({
        code: "unit",
        params: {
          label: u.label,
          households: h.value,
          ...(start.poor ? { poor: start.poor.value, poorRate: rateOf(start.poor.value, h.value, d) } : {}),
          ...(c ? { reduction: c.reduction, poorEnd: c.poorEnd, rateEnd: c.rateEnd } : {}),
          isPlan,
        },
      });
    }
  }
  return { sheet: facts.sheet, title: facts.title, isPlan, lines };
}
