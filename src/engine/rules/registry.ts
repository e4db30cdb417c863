// The rule registry: every rule id the engine can emit, its severity and the family (one module in rules/) that
// checks it. RULE_IDS, the zod enum of findings and the priority of errors on one cell all derive from this list.
// Data only, no imports: report.ts builds its schema from it, and the families import report.ts.

/** The rule families, in the order the pipeline runs them (rules/index.ts maps each to its module). */
export const FAMILY_ORDER = ["structure", "values", "relations", "parts", "formulas", "implied"] as const;
export type FamilyName = (typeof FAMILY_ORDER)[number];

/**
 * Errors are listed from the most specific to the least: when two errors land on one cell the earlier one is
 * kept. A family may emit a rule with a lower severity than the registered one where the evidence is weaker
 * (a rate that only disagrees with the other rates of its row is a warning).
 */
export const RULE_REGISTRY = [
  { id: "formula-error", severity: "error", family: "values" },
  { id: "malformed-number", severity: "error", family: "values" },
  { id: "non-integer-count", severity: "error", family: "values" },
  { id: "negative-count", severity: "error", family: "values" },
  { id: "sum-mismatch", severity: "error", family: "relations" },
  { id: "rate-mismatch", severity: "error", family: "relations" },
  { id: "reduction-mismatch", severity: "error", family: "relations" },
  { id: "projection-mismatch", severity: "error", family: "relations" },
  { id: "count-exceeds-total", severity: "error", family: "parts" },
  { id: "reduction-exceeds-poor", severity: "error", family: "parts" },
  { id: "rate-out-of-range", severity: "error", family: "values" },
  { id: "rate-rounding", severity: "warning", family: "relations" },
  { id: "missing-value", severity: "warning", family: "values" },
  { id: "number-as-text", severity: "info", family: "values" },
  { id: "inconsistent-formula", severity: "warning", family: "formulas" },
  { id: "structure-unsure", severity: "warning", family: "structure" },
  { id: "copied-column", severity: "warning", family: "structure" },
  { id: "duplicate-unit", severity: "warning", family: "structure" },
  { id: "reading-adopted", severity: "info", family: "structure" },
  { id: "column-unchecked", severity: "warning", family: "structure" },
  { id: "reduction-unchecked", severity: "warning", family: "structure" },
  { id: "legacy-encoding", severity: "info", family: "structure" },
] as const satisfies readonly {
  id: string;
  severity: "error" | "warning" | "info";
  family: FamilyName;
}[];

export type RegisteredRuleId = (typeof RULE_REGISTRY)[number]["id"];

export const RULE_IDS = RULE_REGISTRY.map((r) => r.id) as unknown as readonly [
  RegisteredRuleId,
  ...RegisteredRuleId[],
];

const PRIORITY = new Map<string, number>(RULE_REGISTRY.map((r, i) => [r.id, i]));
/** Lower is more specific: the error kept when several land on one cell. */
export const rulePriority = (id: string): number => PRIORITY.get(id) ?? RULE_REGISTRY.length;

const FAMILY = new Map<string, FamilyName>(RULE_REGISTRY.map((r) => [r.id, r.family]));
/** The family that emits a rule ("structure": notes on the reading, never mended by a cell's formula). */
export const ruleFamily = (id: string): FamilyName | undefined => FAMILY.get(id);
