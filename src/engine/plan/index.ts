// Target allocation: split a reduction of poor households among unit rows, exactly, in whole households.
// allocate.ts is the pure arithmetic, project.ts makes a plan of units, from-table.ts reads the units of an
// analysed table out of its grid, target.ts reads a target typed by a person. No sentences here: errors and notes
// are codes with parameters, worded by src/i18n/plan.ts.
export type {
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
export { PlanError, type PlanErrorCode, type PlanErrorParams, type PlanFigure } from "./error";
export { allocate, pointsToHouseholds, rateHalfUp, type AllocationResult } from "./allocate";
export { makePlan } from "./project";
export { parseTarget } from "./target";
export { planTable, type TablePlanInput } from "./from-table";
