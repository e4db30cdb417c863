// The one decision to change an input. `fix`, the appendix, the plan and the pane all read this list; nothing else
// changes a number someone typed.
//
// An input is corrected when the locator blames it with a value that some relation other than the one it repairs
// confirms, AND the value as typed cannot be right: a count that is not a whole number (1.518 typed in an
// English-locale Excel), a negative count, a part larger than its whole (2.486 poor of 2.468 households), a
// reduction larger than the poor it reduces. A typo that is possible as typed (421 for 412) stays a finding with
// its expected value, for the user to decide: the engine never overwrites a plausible input.
import { a1 } from "./grid";
import type { Blame, LocatorRelation } from "./locate";
import type { CellWrite, RuleId } from "./report";
import { type Ref, refKey } from "./relations";

export interface Correction {
  sheet: string;
  /** A1 address of the input cell. */
  cell: string;
  /** What the cell holds now. */
  old: number | string | null;
  /** The value every relation of the cell agrees with. */
  value: number;
  /** Why the value as typed cannot be right. */
  why: RuleId;
  /** Cells whose relations confirm the new value (the targets of the relations it repairs, beyond the first). */
  confirmedBy: string[];
}

export interface CorrectionContext {
  sheet: string;
  /** The cell's raw content. */
  raw: (r: Ref) => number | string | null;
  isCount: (key: number) => boolean;
}

/** The cell that speaks for a correction of `self`: a relation's target, or the other side of a part ≤ whole. */
const cellOf = (rel: LocatorRelation, self: Ref): string => {
  const r = rel.kind === "bound" && refKey(rel.target) === refKey(self) ? rel.whole : rel.target;
  return a1(r.row, r.col);
};

/** Why a typed value is impossible, or undefined when it could be right. */
function impossible(b: Blame, isCount: boolean): RuleId | undefined {
  const bound = b.explains.find((r) => r.kind === "bound");
  if (b.old === undefined) return undefined;
  if (isCount && !Number.isInteger(b.old)) return "non-integer-count";
  if (isCount && b.old < 0) return "negative-count";
  if (bound) return bound.rule;
  return undefined;
}

export function decideCorrections(ctx: CorrectionContext, located: readonly Blame[]): Correction[] {
  const out: Correction[] = [];
  for (const b of located) {
    if (b.kind !== "cell" || b.derived || b.confirmedBy.length === 0) continue;
    const why = impossible(b, ctx.isCount(refKey(b.cell)));
    if (!why) continue;
    out.push({
      sheet: ctx.sheet,
      cell: a1(b.cell.row, b.cell.col),
      old: ctx.raw(b.cell),
      value: b.value,
      why,
      confirmedBy: [...new Set(b.confirmedBy.map((r) => cellOf(r, b.cell)))],
    });
  }
  return out.sort((a, b) => byAddress(a.cell, b.cell));
}

/** Addresses by their column letters as text, then by row number: A2, A10, AA1, B1 (no locale involved). */
function byAddress(a: string, b: string): number {
  const [, ca, ra] = /^([A-Z]*)(\d*)$/.exec(a) ?? [a, a, ""];
  const [, cb, rb] = /^([A-Z]*)(\d*)$/.exec(b) ?? [b, b, ""];
  if (ca !== cb) return ca < cb ? -1 : 1;
  return Number(ra) - Number(rb);
}

/** What a fix writes for a correction: the number, shown as a count. */
export function correctionWrite(c: Correction): CellWrite {
  return { sheet: c.sheet, cell: c.cell, value: c.value, numberFormat: "#,##0" };
}
