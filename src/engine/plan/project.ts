// A plan: a target allocated to units (allocate.ts), every unit and aggregate projected, and notes saying how
// the numbers were obtained, as codes (the sentences are made in src/i18n/plan.ts).
import { allocate, pointsToHouseholds, rateHalfUp, type AllocationResult } from "./allocate";
import { fail } from "./error";
import type {
  AggregateProjection,
  AllocationMethod,
  Plan,
  PlanAggregate,
  PlanNote,
  PlanOptions,
  PlanTarget,
  PlanUnit,
  UnitAllocation,
} from "./types";

/** Projected rates: half-up to two decimals. */
const RATE_DECIMALS = 2;

/** Integer bases for a method. User weights are scaled to integers by their decimals (at most 6). */
function basesFor(method: AllocationMethod, units: readonly PlanUnit[]): number[] {
  switch (method) {
    case "households":
      return units.map((u) => {
        if (u.households === null) fail("no-households", { row: u.row });
        return u.households;
      });
    case "poor":
      return units.map((u) => u.poor);
    case "equal":
      return units.map(() => 1);
    case "weights": {
      const weights = units.map((u) => u.weight ?? 0);
      for (const [k, w] of weights.entries()) {
        if (!Number.isFinite(w) || w < 0) fail("bad-input", { row: units[k].row, what: "weight" });
      }
      let decimals = 0;
      for (const w of weights)
        decimals = Math.max(decimals, Math.min(6, (w.toString().split(".")[1] ?? "").length));
      return weights.map((w) => Math.round(w * 10 ** decimals));
    }
  }
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

/** Allocates a target to units and projects every unit and aggregate. Throws PlanError (a code and parameters). */
export function makePlan(units: readonly PlanUnit[], target: PlanTarget, options: PlanOptions = {}): Plan {
  const method = options.method ?? "households";
  if (units.length === 0) fail("no-units");
  for (const u of units) {
    if (!Number.isInteger(u.poor) || u.poor < 0) fail("bad-input", { row: u.row, what: "poor" });
    if (u.households !== null && (!Number.isInteger(u.households) || u.households < 0))
      fail("bad-input", { row: u.row, what: "households" });
  }
  const notes: PlanNote[] = [];
  const total = totalHouseholds(units);
  let households: number;
  let points: number | undefined;
  if (target.kind === "points") {
    points = target.points;
    if (!Number.isFinite(points)) fail("not-a-number", { text: String(points) });
    if (points < 0) fail("negative", { value: points });
    if (total === null) fail("no-households", { row: units.find((u) => u.households === null)!.row });
    households = pointsToHouseholds(points, total);
    notes.push({
      code: "points-conversion",
      params: { points, totalHouseholds: total, exact: (points * total) / 100, households },
    });
  } else {
    households = target.households;
    if (!Number.isFinite(households)) fail("not-a-number", { text: String(households) });
    if (households < 0) fail("negative", { text: String(households) });
    if (!Number.isInteger(households)) fail("not-whole", { text: String(households) });
  }
  const allPoor = units.reduce((a, u) => a + u.poor, 0);
  if (households > allPoor) fail("exceeds-poor", { households, poor: allPoor });

  const bases = basesFor(method, units);
  const caps = units.map((u) => u.poor);
  let result: AllocationResult;
  try {
    result = allocate(households, bases, caps);
  } catch {
    fail("no-weights", { households });
  }

  // allocate() breaks a tie (equal remainders) by the larger base, then the earlier row: the note says so.
  notes.push({ code: "allocation-rule", params: { method, households } });
  const cappedUnits = units.filter((_, i) => result.capped[i]);
  if (cappedUnits.length > 0)
    notes.push({
      code: "capped",
      params: { units: cappedUnits.map((u) => ({ label: u.label, poor: u.poor })) },
    });
  notes.push({ code: "rate-rounding", params: { decimals: RATE_DECIMALS } });

  const allocations: UnitAllocation[] = units.map((u, i) => {
    const projectedPoor = u.poor - result.parts[i];
    return {
      row: u.row,
      label: u.label,
      reduction: result.parts[i],
      projectedPoor,
      projectedRate: u.households === null ? null : rateHalfUp(projectedPoor, u.households, RATE_DECIMALS),
      households: u.households,
      startPoor: u.poor,
      startRate: u.households === null ? null : rateHalfUp(u.poor, u.households, RATE_DECIMALS),
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
      startRate: s.households === null ? null : rateHalfUp(s.startPoor, s.households, RATE_DECIMALS),
      projectedRate: s.households === null ? null : rateHalfUp(projectedPoor, s.households, RATE_DECIMALS),
    };
  });
}
