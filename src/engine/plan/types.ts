// The shapes of a plan: the units it is made from, what each unit is given, and how the numbers were obtained
// (notes as codes with parameters; the sentences are made in src/i18n/plan.ts).

export type AllocationMethod = "households" | "poor" | "equal" | "weights";

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

/** How the numbers were obtained, as data: describePlanNote (src/i18n/plan.ts) words it. */
export type PlanNote =
  /** A target in points converted to households: points × totalHouseholds / 100 = exact → households. */
  | {
      code: "points-conversion";
      params: { points: number; totalHouseholds: number; exact: number; households: number };
    }
  /** The method and the largest-remainder rule, with its tie-break (larger base, then earlier row). */
  | { code: "allocation-rule"; params: { method: AllocationMethod; households: number } }
  /** Units given all their poor households because their share was larger. */
  | { code: "capped"; params: { units: { label: string; poor: number }[] } }
  /** How projected rates are rounded. */
  | { code: "rate-rounding"; params: { decimals: number } };

export interface Plan {
  target: number;
  method: AllocationMethod;
  /** The target as given, when it was stated in percentage points. */
  points?: number;
  allocations: UnitAllocation[];
  aggregates: AggregateProjection[];
  /** How the numbers were obtained: the points conversion, the caps, the tie-break rule. */
  notes: PlanNote[];
}

export interface PlanOptions {
  method?: AllocationMethod;
  /** Aggregate rows to project (groups, totals), in sheet order. */
  aggregates?: readonly PlanAggregate[];
}
