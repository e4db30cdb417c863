// Target allocation: split a reduction of poor households among unit rows, exactly, in whole households.
// The core (`allocate`, `pointsToHouseholds`, `projectPlan`) is pure arithmetic over numbers; `planUnitsFromTable`
// reads the units of an analysed table out of its grid.
//
// All arithmetic that decides a household or a rounded rate is done on integers (quota numerators, not floating
// quotas), so a remainder of exactly .5 or a tie between two units is seen as such and broken by the stated rule.
import { a1, cellAt, type Grid } from "./grid";
import type { Column, Lang, Table } from "./model";
import { readNumber } from "./numbers";
import type { CellWrite, ColumnRole } from "./report";
import type { Correction } from "./corrections";

export type AllocationMethod = "households" | "poor" | "equal" | "weights";
export const ALLOCATION_METHODS: readonly AllocationMethod[] = ["households", "poor", "equal", "weights"];

/** A target as the higher level states it: households to lift out of poverty, or percentage points of the rate. */
export type PlanTarget = { kind: "households"; households: number } | { kind: "points"; points: number };

export interface PlanUnit {
  /** The unit's row on the sheet. */
  row: number;
  label: string;
  /** Total households (the base of the rate); null when the table has none. */
  households: number | null;
  /** Poor households at the start: the most a unit can be given. */
  poor: number;
  /** The user's weight (method "weights"). */
  weight?: number;
}

/** An aggregate row (group, subtotal, total): it adds up the rows it covers, which may themselves be aggregates. */
export interface PlanAggregate {
  row: number;
  label: string;
  kind: "group" | "subtotal" | "total";
  covers: number[];
}

export interface UnitAllocation {
  row: number;
  label: string;
  reduction: number;
  projectedPoor: number;
  /** Half-up to two decimals; null without households. */
  projectedRate: number | null;
  households: number | null;
  startPoor: number;
  startRate: number | null;
  /** True when the unit got all its poor households because its share was larger. */
  capped: boolean;
  /** The exact share before rounding (after caps were settled), as a decimal for display. */
  quota: number;
}

export interface AggregateProjection {
  row: number;
  label: string;
  kind: "group" | "subtotal" | "total";
  households: number | null;
  startPoor: number;
  reduction: number;
  projectedPoor: number;
  startRate: number | null;
  projectedRate: number | null;
}

export interface Plan {
  target: number;
  method: AllocationMethod;
  /** The target as given, when it was stated in percentage points. */
  points?: number;
  allocations: UnitAllocation[];
  aggregates: AggregateProjection[];
  /** How the numbers were obtained: the points conversion, the caps, the tie-break rule. */
  notes: string[];
}

/** A target that cannot be allocated; the message is in the requested language. */
export class PlanError extends Error {
  constructor(
    message: string,
    readonly code: PlanErrorCode,
  ) {
    super(message);
    this.name = "PlanError";
  }
}

export type PlanErrorCode =
  | "not-a-number"
  | "negative"
  | "not-whole"
  | "exceeds-poor"
  | "no-households"
  | "no-units"
  | "no-weights"
  | "bad-input";

const MESSAGES = {
  "not-a-number": {
    vi: (v: string) => `Chỉ tiêu giảm "${v}" không phải là một số.`,
    en: (v: string) => `The target "${v}" is not a number.`,
  },
  negative: {
    vi: (v: string) => `Chỉ tiêu giảm ${v} là số âm; chỉ tiêu phải từ 0 trở lên.`,
    en: (v: string) => `The target ${v} is negative; it must be 0 or more.`,
  },
  "not-whole": {
    vi: (v: string) => `Chỉ tiêu giảm ${v} hộ không phải là số hộ nguyên.`,
    en: (v: string) => `The target of ${v} households is not a whole number.`,
  },
  "exceeds-poor": {
    vi: (v: string, p: string) => `Chỉ tiêu giảm ${v} hộ vượt quá tổng số hộ nghèo của các đơn vị (${p} hộ).`,
    en: (v: string, p: string) =>
      `The target of ${v} households exceeds all poor households of the units (${p}).`,
  },
  "no-households": {
    vi: (r: string) =>
      `Không có tổng số hộ (dòng ${r}) nên không thể chia theo tổng số hộ hay quy đổi điểm phần trăm ra số hộ.`,
    en: (r: string) =>
      `Total households are missing (row ${r}): cannot allocate by households or convert percentage points.`,
  },
  "no-units": {
    vi: () => "Bảng không có dòng đơn vị nào để phân bổ chỉ tiêu.",
    en: () => "The table has no unit rows to allocate the target to.",
  },
  "no-weights": {
    vi: (v: string) => `Không thể phân bổ ${v} hộ: các đơn vị còn hộ nghèo đều có trọng số 0.`,
    en: (v: string) => `Cannot allocate ${v} households: every unit with poor households left has weight 0.`,
  },
  "bad-input": {
    vi: (r: string, what: string) => `Dòng ${r}: ${what} không hợp lệ (phải là số nguyên không âm).`,
    en: (r: string, what: string) => `Row ${r}: ${what} is not valid (must be a whole non-negative number).`,
  },
} as const;

function fail(lang: Lang, code: PlanErrorCode, ...args: string[]): never {
  const f = MESSAGES[code][lang] as (...a: string[]) => string;
  throw new PlanError(f(...args), code);
}

/** Vietnamese display of a number: `.` thousands, `,` decimals. */
export function formatNumber(n: number, decimals = 0, lang: Lang = "vi"): string {
  const fixed = Math.abs(n).toFixed(decimals);
  const [int, frac] = fixed.split(".");
  const sep = lang === "vi" ? "." : ",";
  const dec = lang === "vi" ? "," : ".";
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return (n < 0 ? "-" : "") + grouped + (frac ? dec + frac : "");
}

// ---------------------------------------------------------------------------------------------------------------
// Exact helpers

/** Writes a finite decimal as an integer over a power of ten: 0.45 → [45, 100]. */
export function toFraction(x: number): [number, number] {
  if (Number.isInteger(x)) return [x, 1];
  const s = x.toString();
  if (/e/i.test(s)) {
    // Very small or large: fall back to 12 decimals, enough for any target a person types.
    const scale = 1e12;
    return [Math.round(x * scale), scale];
  }
  const decimals = (s.split(".")[1] ?? "").length;
  const scale = 10 ** decimals;
  return [Math.round(x * scale), scale];
}

/** numerator / denominator rounded half-up (away from zero at .5), both non-negative integers. */
function divHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** count / households × 100 rounded half-up to `decimals` (default 2), computed exactly. */
export function rateHalfUp(count: number, households: number, decimals = 2): number | null {
  if (!(households > 0)) return null;
  const scale = 10 ** decimals;
  if (
    Number.isInteger(count) &&
    Number.isInteger(households) &&
    count * 100 * scale * 2 < Number.MAX_SAFE_INTEGER
  ) {
    return divHalfUp(count * 100 * scale, households) / scale;
  }
  return Math.round((count / households) * 100 * scale + 1e-9) / scale;
}

/**
 * Percentage points of the whole unit's rate → households: points × totalHouseholds / 100, rounded half-up to a
 * whole household. 0,5 point of 1.782 households = 8,91 → 9.
 */
export function pointsToHouseholds(points: number, totalHouseholds: number): number {
  const [num, scale] = toFraction(points);
  return divHalfUp(num * totalHouseholds, 100 * scale);
}

// ---------------------------------------------------------------------------------------------------------------
// The allocation core

export interface AllocationResult {
  parts: number[];
  /** Units that received all they could take because their exact share was larger. */
  capped: boolean[];
  /** Exact shares of the final round (capped units: their cap). */
  quotas: number[];
}

/**
 * Splits `target` whole units among items in proportion to `bases`, never giving item i more than `caps[i]`.
 * Caps are settled first on exact quotas: an item whose exact share exceeds its cap gets the cap, and the rest is
 * shared again among the others by the same rule, until no share exceeds its cap. The remaining target is then
 * split by the largest remainder (Hamilton) method: everyone gets the floor of their exact quota, and the units
 * left go one each to the largest remainders. Ties: larger remainder, then larger base, then earlier item.
 *
 * Bases and caps must be non-negative integers (scale weights to integers first); the target an integer between 0
 * and the sum of the caps. Throws a plain Error otherwise (callers validate and word the message).
 */
export function allocate(
  target: number,
  bases: readonly number[],
  caps: readonly number[],
): AllocationResult {
  const n = bases.length;
  if (caps.length !== n) throw new Error("bases and caps differ in length");
  for (let i = 0; i < n; i++) {
    if (!Number.isInteger(bases[i]) || bases[i] < 0)
      throw new Error(`base ${i} is not a non-negative integer`);
    if (!Number.isInteger(caps[i]) || caps[i] < 0) throw new Error(`cap ${i} is not a non-negative integer`);
  }
  if (!Number.isInteger(target) || target < 0) throw new Error("target is not a non-negative integer");
  const totalCap = caps.reduce((a, b) => a + b, 0);
  if (target > totalCap) throw new Error("target exceeds the sum of caps");

  const parts = new Array<number>(n).fill(0);
  const capped = new Array<boolean>(n).fill(false);
  const quotas = new Array<number>(n).fill(0);
  // Items with a cap of 0 can take nothing; they leave the sharing at once (and are not "capped" by their share).
  let active = bases.map((_, i) => i).filter((i) => caps[i] > 0);
  let remaining = target;

  for (;;) {
    if (remaining === 0 || active.length === 0) break;
    const sum = active.reduce((a, i) => a + bases[i], 0);
    if (sum === 0) throw new Error("no base left to share by");
    // Exact quota of i is remaining * base / sum; it exceeds the cap when remaining * base > cap * sum.
    const over = active.filter((i) => remaining * bases[i] > caps[i] * sum);
    if (over.length === 0) {
      const floors = active.map((i) => Math.floor((remaining * bases[i]) / sum));
      let left = remaining - floors.reduce((a, b) => a + b, 0);
      const order = active
        .map((i, k) => ({ i, k, rem: remaining * bases[i] - floors[k] * sum }))
        .sort((a, b) => b.rem - a.rem || bases[b.i] - bases[a.i] || a.i - b.i);
      active.forEach((i, k) => {
        parts[i] = floors[k];
        quotas[i] = (remaining * bases[i]) / sum;
      });
      for (const o of order) {
        if (left === 0) break;
        parts[o.i] += 1;
        left--;
      }
      break;
    }
    for (const i of over) {
      parts[i] = caps[i];
      quotas[i] = caps[i];
      capped[i] = true;
      remaining -= caps[i];
    }
    const overSet = new Set(over);
    active = active.filter((i) => !overSet.has(i));
  }
  return { parts, capped, quotas };
}

/** Integer bases for a method. User weights are scaled to integers by their decimals (at most 6). */
function basesFor(method: AllocationMethod, units: readonly PlanUnit[], lang: Lang): number[] {
  switch (method) {
    case "households":
      return units.map((u) => {
        if (u.households === null) fail(lang, "no-households", String(u.row));
        return u.households;
      });
    case "poor":
      return units.map((u) => u.poor);
    case "equal":
      return units.map(() => 1);
    case "weights": {
      const weights = units.map((u) => u.weight ?? 0);
      for (const [k, w] of weights.entries()) {
        if (!Number.isFinite(w) || w < 0)
          fail(lang, "bad-input", String(units[k].row), lang === "vi" ? "trọng số" : "weight");
      }
      let decimals = 0;
      for (const w of weights)
        decimals = Math.max(decimals, Math.min(6, (w.toString().split(".")[1] ?? "").length));
      return weights.map((w) => Math.round(w * 10 ** decimals));
    }
  }
}

export interface PlanOptions {
  method?: AllocationMethod;
  lang?: Lang;
  /** Aggregate rows to project (groups, totals), in sheet order. */
  aggregates?: readonly PlanAggregate[];
}

/**
 * Validates a target typed by a person: a number, or text such as "45", "1.518" (households, Vietnamese thousands),
 * "0,5" or "0.5" (points).
 */
export function parseTarget(raw: string | number, kind: PlanTarget["kind"], lang: Lang = "vi"): PlanTarget {
  const text = String(raw).trim();
  let value: number;
  if (typeof raw === "number") value = raw;
  else if (kind === "households" && /^\d{1,3}(\.\d{3})+$/.test(text)) value = Number(text.replace(/\./g, ""));
  else if (/^[-+]?\d+([.,]\d+)?$/.test(text)) value = Number(text.replace(",", "."));
  else value = NaN;
  if (!Number.isFinite(value)) fail(lang, "not-a-number", text);
  if (value < 0) fail(lang, "negative", text);
  if (kind === "households") {
    if (!Number.isInteger(value)) fail(lang, "not-whole", text);
    return { kind, households: value };
  }
  return { kind, points: value };
}

/** The whole unit's households: the sum over its units (what the corrected total row holds). */
export function totalHouseholds(units: readonly PlanUnit[]): number | null {
  let sum = 0;
  for (const u of units) {
    if (u.households === null) return null;
    sum += u.households;
  }
  return sum;
}

/** Allocates a target to units and projects every unit and aggregate. Throws PlanError with a readable message. */
export function makePlan(units: readonly PlanUnit[], target: PlanTarget, options: PlanOptions = {}): Plan {
  const lang = options.lang ?? "vi";
  const method = options.method ?? "households";
  if (units.length === 0) fail(lang, "no-units");
  for (const u of units) {
    if (!Number.isInteger(u.poor) || u.poor < 0)
      fail(lang, "bad-input", String(u.row), lang === "vi" ? "số hộ nghèo" : "poor households");
    if (u.households !== null && (!Number.isInteger(u.households) || u.households < 0))
      fail(lang, "bad-input", String(u.row), lang === "vi" ? "tổng số hộ" : "total households");
  }
  const notes: string[] = [];
  const total = totalHouseholds(units);
  let households: number;
  let points: number | undefined;
  if (target.kind === "points") {
    points = target.points;
    if (!Number.isFinite(points)) fail(lang, "not-a-number", String(points));
    if (points < 0) fail(lang, "negative", formatNumber(points, decimalsOf(points), lang));
    if (total === null) fail(lang, "no-households", String(units.find((u) => u.households === null)!.row));
    households = pointsToHouseholds(points, total);
    const exact = (points * total) / 100;
    notes.push(
      lang === "vi"
        ? `Quy đổi: ${formatNumber(points, decimalsOf(points))} điểm % × ${formatNumber(total)} hộ / 100 = ` +
            `${formatNumber(exact, 4)} → ${formatNumber(households)} hộ (làm tròn nửa lên đến hộ nguyên).`
        : `Conversion: ${formatNumber(points, decimalsOf(points), "en")} points × ${formatNumber(total, 0, "en")} ` +
            `households / 100 = ${formatNumber(exact, 4, "en")} → ${formatNumber(households, 0, "en")} households ` +
            `(rounded half-up to a whole household).`,
    );
  } else {
    households = target.households;
    if (!Number.isFinite(households)) fail(lang, "not-a-number", String(households));
    if (households < 0) fail(lang, "negative", String(households));
    if (!Number.isInteger(households)) fail(lang, "not-whole", String(households));
  }
  const allPoor = units.reduce((a, u) => a + u.poor, 0);
  if (households > allPoor)
    fail(lang, "exceeds-poor", formatNumber(households, 0, lang), formatNumber(allPoor, 0, lang));

  const bases = basesFor(method, units, lang);
  const caps = units.map((u) => u.poor);
  let result: AllocationResult;
  try {
    result = allocate(households, bases, caps);
  } catch {
    fail(lang, "no-weights", formatNumber(households, 0, lang));
  }

  const methodText = {
    households: {
      vi: "theo tỷ lệ tổng số hộ (cùng mức giảm tỷ lệ ở mọi đơn vị)",
      en: "in proportion to total households (the same rate reduction everywhere)",
    },
    poor: { vi: "theo tỷ lệ số hộ nghèo", en: "in proportion to poor households" },
    equal: { vi: "chia đều", en: "equal shares" },
    weights: { vi: "theo trọng số do người dùng nhập", en: "by the user's weights" },
  }[method][lang];
  // What allocate() really does on a tie (equal remainders): the larger base first, then the earlier row.
  const tie = {
    households: {
      vi: "đơn vị có nhiều hộ hơn, rồi dòng đứng trước",
      en: "the unit with more households, then the earlier row",
    },
    poor: {
      vi: "đơn vị có nhiều hộ nghèo hơn, rồi dòng đứng trước",
      en: "the unit with more poor households, then the earlier row",
    },
    equal: { vi: "dòng đứng trước", en: "the earlier row" },
    weights: {
      vi: "đơn vị có trọng số lớn hơn, rồi dòng đứng trước",
      en: "the unit with the larger weight, then the earlier row",
    },
  }[method][lang];
  notes.push(
    lang === "vi"
      ? `Phân bổ ${methodText}: mỗi đơn vị nhận phần nguyên của phần được chia, các hộ còn lại giao lần lượt cho đơn vị ` +
          `có phần dư lớn nhất để tổng đúng bằng ${formatNumber(households)} hộ; khi phần dư bằng nhau, ưu tiên ${tie}.`
      : `Allocated ${methodText}: each unit gets the whole part of its share, the households left go one by one to the ` +
          `largest remainders so the parts add up to exactly ${households}; on equal remainders, ${tie} first.`,
  );
  const cappedUnits = units.filter((_, i) => result.capped[i]);
  if (cappedUnits.length > 0) {
    const list = cappedUnits.map((u) => `${u.label} (${formatNumber(u.poor, 0, lang)})`).join(", ");
    notes.push(
      lang === "vi"
        ? `Không giao quá số hộ nghèo hiện có: ${list} được giao toàn bộ số hộ nghèo; phần vượt chia lại cho các đơn vị khác theo cùng quy tắc.`
        : `No unit gets more than its poor households: ${list} get all of theirs; the excess went to the others by the same rule.`,
    );
  }
  notes.push(
    lang === "vi"
      ? "Tỷ lệ dự kiến = số hộ nghèo dự kiến / tổng số hộ × 100, làm tròn nửa lên 2 chữ số thập phân."
      : "Projected rate = projected poor / total households × 100, rounded half-up to 2 decimals.",
  );

  const allocations: UnitAllocation[] = units.map((u, i) => {
    const projectedPoor = u.poor - result.parts[i];
    return {
      row: u.row,
      label: u.label,
      reduction: result.parts[i],
      projectedPoor,
      projectedRate: u.households === null ? null : rateHalfUp(projectedPoor, u.households),
      households: u.households,
      startPoor: u.poor,
      startRate: u.households === null ? null : rateHalfUp(u.poor, u.households),
      capped: result.capped[i],
      quota: Math.round(result.quotas[i] * 1000) / 1000,
    };
  });
  const aggregates = projectAggregates(allocations, options.aggregates ?? []);
  return {
    target: households,
    method,
    ...(points !== undefined ? { points } : {}),
    allocations,
    aggregates,
    notes,
  };
}

function decimalsOf(x: number): number {
  return Math.min(6, (x.toString().split(".")[1] ?? "").length);
}

/** Sums of covered rows, recursively (a total may cover groups); rates recomputed from the sums, never added. */
export function projectAggregates(
  allocations: readonly UnitAllocation[],
  aggregates: readonly PlanAggregate[],
): AggregateProjection[] {
  type Sums = { households: number | null; startPoor: number; reduction: number };
  const byRow = new Map<number, Sums>();
  for (const a of allocations)
    byRow.set(a.row, { households: a.households, startPoor: a.startPoor, reduction: a.reduction });
  const aggByRow = new Map(aggregates.map((a) => [a.row, a]));
  const resolving = new Set<number>();
  const sumsOf = (row: number): Sums | undefined => {
    const known = byRow.get(row);
    if (known) return known;
    const agg = aggByRow.get(row);
    if (!agg || resolving.has(row)) return undefined;
    resolving.add(row);
    const s: Sums = { households: 0, startPoor: 0, reduction: 0 };
    for (const r of agg.covers) {
      const c = sumsOf(r);
      if (!c) continue;
      s.households = s.households === null || c.households === null ? null : s.households + c.households;
      s.startPoor += c.startPoor;
      s.reduction += c.reduction;
    }
    resolving.delete(row);
    byRow.set(row, s);
    return s;
  };
  return aggregates.map((agg) => {
    const s = sumsOf(agg.row) ?? { households: null, startPoor: 0, reduction: 0 };
    const projectedPoor = s.startPoor - s.reduction;
    return {
      row: agg.row,
      label: agg.label,
      kind: agg.kind,
      households: s.households,
      startPoor: s.startPoor,
      reduction: s.reduction,
      projectedPoor,
      startRate: s.households === null ? null : rateHalfUp(s.startPoor, s.households),
      projectedRate: s.households === null ? null : rateHalfUp(projectedPoor, s.households),
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Units of an analysed table

export interface TablePlanInput {
  units: PlanUnit[];
  aggregates: PlanAggregate[];
  /** Columns the figures were read from (letters), for messages and notes. */
  householdsColumn?: string;
  poorColumn: string;
}

function isPlannedPeriod(period: string, header: string): boolean {
  const t = `${period} ${header}`
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/gi, "d")
    .toLowerCase();
  return /plan|du kien|ke hoach|chi tieu|uoc/.test(t);
}

/**
 * The units (with total and poor households) and aggregates of an analysed table, read from its grid. Picks the
 * poor-household column of the latest period that is not itself a plan (a report's end of period is next year's
 * start), and the households column of the same period when there is one. Derived cells count with their
 * corrected value. Throws PlanError naming the sheet and cell when a figure cannot be read.
 */
export function planInputFromTable(
  table: Table,
  grid: Grid,
  derived: readonly CellWrite[] = [],
  lang: Lang = "vi",
  corrections: readonly Correction[] = [],
): TablePlanInput {
  const corrected = new Map<string, { value: CellWrite["value"] }>();
  for (const w of derived) if (w.sheet === table.sheet) corrected.set(w.cell, w);
  // Inputs change only through the corrections list (corrections.ts): a count typed 1.518 is 1518 only there.
  for (const c of corrections) if (c.sheet === table.sheet) corrected.set(c.cell, { value: c.value });
  const pick = (role: ColumnRole): Column | undefined => {
    const cols = table.columns.filter((c) => c.role === role);
    const actual = cols.filter((c) => !isPlannedPeriod(c.period, c.header));
    const pool = actual.length ? actual : cols;
    return pool.find((c) => /end|cuoi/i.test(c.period)) ?? pool[pool.length - 1];
  };
  const poorCol = pick("poorHouseholds");
  if (!poorCol) {
    throw new PlanError(
      lang === "vi"
        ? `Trang "${table.sheet}": bảng không có cột số hộ nghèo để phân bổ chỉ tiêu.`
        : `Sheet "${table.sheet}": the table has no poor-households column to allocate a target to.`,
      "bad-input",
    );
  }
  const hhCols = table.columns.filter((c) => c.role === "households");
  const hhCol = hhCols.find((c) => c.period === poorCol.period) ?? pick("households");
  const read = (row: number, col: Column, what: { vi: string; en: string }): number | null => {
    const addr = a1(row, col.col);
    const fixed = corrected.get(addr);
    const value = fixed ? fixed.value : (cellAt(grid, row, col.col)?.value ?? null);
    const reading = readNumber(value, "count");
    if (reading.status === "ok") {
      const v = reading.value;
      if (Number.isInteger(v) && v >= 0) return v;
    }
    if (reading.status === "empty") return null;
    throw new PlanError(
      lang === "vi"
        ? `Trang "${table.sheet}", ô ${addr}: ${what.vi} "${String(value)}" không phải là số nguyên không âm.`
        : `Sheet "${table.sheet}", cell ${addr}: ${what.en} "${String(value)}" is not a whole non-negative number.`,
      "bad-input",
    );
  };
  const units: PlanUnit[] = [];
  const aggregates: PlanAggregate[] = [];
  for (const row of [...table.rows].sort((a, b) => a.row - b.row)) {
    if (row.kind === "unit") {
      const poor = read(row.row, poorCol, { vi: "số hộ nghèo", en: "poor households" }) ?? 0;
      const households = hhCol ? read(row.row, hhCol, { vi: "tổng số hộ", en: "total households" }) : null;
      units.push({ row: row.row, label: row.label, households, poor });
    } else if (row.kind !== "part") {
      // "Of which" rows are parts of a row already counted: a plan allocates nothing to them.
      aggregates.push({ row: row.row, label: row.label, kind: row.kind, covers: row.covers });
    }
  }
  return { units, aggregates, householdsColumn: hhCol?.letter, poorColumn: poorCol.letter };
}

/** planInputFromTable + makePlan: the plan of an analysed table. */
export function planTable(
  table: Table,
  grid: Grid,
  derived: readonly CellWrite[],
  target: PlanTarget,
  options: Omit<PlanOptions, "aggregates"> & {
    weights?: Record<number, number>;
    /** The analysis's corrections list: the only inputs the plan reads otherwise than typed. */
    corrections?: readonly Correction[];
  } = {},
): Plan {
  const lang = options.lang ?? "vi";
  const input = planInputFromTable(table, grid, derived, lang, options.corrections);
  const units = options.weights
    ? input.units.map((u) => ({ ...u, weight: options.weights![u.row] ?? 0 }))
    : input.units;
  return makePlan(units, target, { ...options, aggregates: input.aggregates });
}
