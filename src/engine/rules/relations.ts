// The relation family: detect broken relations (totals, rates, reductions, projections), then let blame.ts
// locate the cells. A truncated rate is a warning unless a located wrong input explains it.
import type { Finding } from "../report";
import { type Relation, refKey } from "../relations";
import { relationValue } from "../recompute";
import { checkRelation, describe, relatedOf } from "../check";
import { type RuleRun, type TableContext, makeFinding } from "../context";
import { blame } from "../blame";
import { omittingSum } from "./formulas";
import { cellAt } from "../grid";

export { checkRelation, describe, relatedOf };
export type { Check } from "../check";

export function evaluate(
  ctx: TableContext,
  relations: Relation[],
): { violated: Relation[]; soft: Relation[]; findings: Finding[]; softFindings: Map<Relation, Finding> } {
  const violated: Relation[] = [];
  const soft: Relation[] = [];
  const softFindings = new Map<Relation, Finding>();
  const findings: Finding[] = [];
  const missingReported = new Set<number>();
  for (const rel of relations) {
    const key = refKey(rel.target);
    const reading = ctx.readings.get(key);
    if (reading?.status === "empty") {
      // A formula saved without its value (openpyxl writes none) is not an empty cell: the spreadsheet computes
      // it on opening, and the formula rules check the formula itself.
      if (cellAt(ctx.grid, rel.target.row, rel.target.col)?.formula) continue;
      if (missingReported.has(key)) continue;
      const expected = relationValue(rel, ctx.value, ctx.decimals(rel.target));
      if (expected === undefined) continue;
      missingReported.add(key);
      findings.push(makeFinding(ctx, "missing-value", "warning", rel.target, expected, relatedOf(rel)));
      continue;
    }
    const check = checkRelation(rel, ctx.value, ctx.decimals);
    if (check.status === "violated") violated.push(rel);
    else if (check.status === "rounding") {
      const f = makeFinding(
        ctx,
        "rate-rounding",
        "warning",
        rel.target,
        check.expected ?? null,
        relatedOf(rel),
        { relation: describe(rel) },
      );
      soft.push(rel);
      softFindings.set(rel, f);
    }
  }
  return { violated, soft, findings, softFindings };
}

export function relationFindings(ctx: TableContext, run: RuleRun): Finding[] {
  const evaluation = evaluate(ctx, run.relations);
  // A total whose formula leaves rows out is reported on the total by the formula rules; the omitted row is
  // not a suspect.
  const violated = evaluation.violated.filter((rel) => !omittingSum(ctx, rel));
  const copied = new Set<number>();
  for (const e of run.explanations ?? [])
    if (e.kind === "copy") for (const c of e.cells) copied.add(refKey(c));
  const located = blame(ctx, run.relations, violated, run.primary, evaluation.soft, run.confirmed, copied);
  for (const f of located.findings) run.blamed.push(f);
  run.located = located.located;
  const out = [...evaluation.findings, ...located.findings];
  // A rate that looked truncated only because of a wrong input is not a rounding problem.
  for (const [rel, f] of evaluation.softFindings) if (!located.resolvedSoft.has(rel)) out.push(f);
  return out;
}
