// The column roles and row kinds the engine knows, as plain constants: the CLI's --roles/--rows parsing and the
// zod schemas (report.ts) share them without loading zod where no schema is needed.
export const COLUMN_ROLES = [
  "rowNumber",
  "unitName",
  "households",
  "persons",
  "poorHouseholds",
  "nearPoorHouseholds",
  "poorAndNearPoorHouseholds",
  "poorPersons",
  "nearPoorPersons",
  "poorRate",
  "nearPoorRate",
  "multidimRate",
  "reduction",
  "nearPoorReduction",
  "rateReduction",
  "escaped",
  "fellBack",
  "newlyPoor",
  "otherDecrease",
  "otherIncrease",
  "note",
  "other",
] as const;

/** "part": an "of which" row (Trong đó, Gồm, Riêng), a part of the row above, never added into a sum. */
export const ROW_KINDS = ["unit", "group", "subtotal", "total", "part"] as const;
