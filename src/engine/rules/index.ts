// The families of rules, each one module, run in the registry's order over one table context. The registry
// (registry.ts) says which rule ids each family emits and with what severity; this map gives each its check.
import type { Finding } from "../report";
import type { RuleRun, TableContext } from "../context";
import { FAMILY_ORDER, type FamilyName } from "./registry";
import { structureFindings } from "./structure";
import { valueFindings } from "./values";
import { relationFindings } from "./relations";
import { partWholeFindings } from "./parts";
import { formulaFindings } from "./formulas";
import { impliedBaseFindings } from "./implied";

export type RuleCheck = (ctx: TableContext, run: RuleRun) => Finding[];

/** Every family named in the registry has exactly one check (the type makes a missing one a compile error). */
export const FAMILIES: Record<FamilyName, RuleCheck> = {
  structure: structureFindings,
  values: valueFindings,
  relations: relationFindings,
  parts: partWholeFindings,
  formulas: formulaFindings,
  implied: impliedBaseFindings,
};

/** Runs every family in order; each sees the findings of the ones before it. */
export function runRules(ctx: TableContext, run: RuleRun): Finding[] {
  // A loop, not push(...): a 200,000-row table can give 200,000 findings, too many for a call's arguments.
  for (const name of FAMILY_ORDER) for (const f of FAMILIES[name](ctx, run)) run.findings.push(f);
  return run.findings;
}
