// A target that cannot be allocated, as a code with parameters; describePlanError (src/i18n/plan.ts) words it.

export type PlanErrorCode =
  | "not-a-number"
  | "negative"
  | "not-whole"
  | "exceeds-poor"
  | "no-households"
  | "no-units"
  | "no-weights"
  | "bad-input"
  | "no-poor-column"
  | "bad-cell";

/** A figure of a unit the plan reads: its weight, its poor households, its total households. */
export type PlanFigure = "weight" | "poor" | "households";

export interface PlanErrorParams {
  /** The target as typed (not-a-number, negative, not-whole). */
  text?: string;
  /** The target as a number, when it was not typed as text (negative points). */
  value?: number;
  /** The target in households (exceeds-poor, no-weights). */
  households?: number;
  /** All poor households of the units (exceeds-poor). */
  poor?: number;
  /** The unit's row (no-households, bad-input). */
  row?: number;
  /** Which figure is wrong (bad-input, bad-cell). */
  what?: PlanFigure;
  /** Where it was read (no-poor-column, bad-cell). */
  sheet?: string;
  cell?: string;
  /** The cell's value as found (bad-cell). */
  found?: string;
}

export class PlanError extends Error {
  constructor(
    readonly code: PlanErrorCode,
    readonly params: PlanErrorParams = {},
  ) {
    // No sentence here: the message is the code, for logs; people read describePlanError.
    super(code);
    this.name = "PlanError";
  }
}

export function fail(code: PlanErrorCode, params: PlanErrorParams = {}): never {
  throw new PlanError(code, params);
}
