// Without a households column rates cannot be recomputed, but each (count, rate) pair implies a range of possible
// household totals: the pairs of one row (poor, near-poor, both) share the same households, so their ranges must
// overlap; and a group's or total's households are the sum of its rows', so the sum of their ranges must meet its
// own. A rate whose range misses the others is reported with the interval of rates that would be consistent; when
// only two pairs disagree nothing says which one is wrong, and the finding is only suggested.
import type { Finding } from "../report";
import { a1 } from "../grid";
import { impliedPairs } from "../relations";
import { type RuleRun, type TableContext, makeFinding } from "../context";
import { roundHalfUp } from "../numbers";
import { copiedFrom } from "../blame";

interface Range {
  lo: number;
  hi: number;
  count: number;
  rateRef: { row: number; col: number };
  countRef?: { row: number; col: number };
}

export function impliedBaseFindings(ctx: TableContext, run?: Pick<RuleRun, "findings">): Finding[] {
  const { rows } = ctx.table;
  const pairs = impliedPairs(ctx.table);
  if (pairs.length < 2) return [];
  const out: Finding[] = [];
  const overlap = (rs: Range[]) =>
    Math.max(...rs.map((x) => x.lo)) <= Math.min(...rs.map((x) => x.hi)) + 1e-9;
  /** The rates of `x` whose implied households meet [lo, hi]: the interval that would be consistent. */
  const consistent = (x: Range, lo: number, hi: number) => {
    const d = ctx.decimals(x.rateRef);
    return {
      consistentFrom: roundHalfUp(Number.isFinite(hi) ? (x.count * 100) / hi : 0, d),
      consistentTo: roundHalfUp((x.count * 100) / lo, d),
    };
  };
  const report = (x: Range, others: Range[], lo: number, hi: number, suggested: boolean) => {
    const f = makeFinding(
      ctx,
      "rate-mismatch",
      "warning",
      x.rateRef,
      null,
      others.map((o) => a1(o.rateRef.row, o.rateRef.col)),
      consistent(x, lo, hi),
    );
    if (suggested) f.certainty = "suggested";
    out.push(f);
  };
  // Each row's households, as an interval; undefined where its pairs disagree or are missing.
  const households = new Map<number, { lo: number; hi: number } | undefined>();
  const disputed = new Map<number, Range[]>();
  for (const row of rows) {
    const ranges: Range[] = [];
    for (const { count, rate } of pairs) {
      const n = ctx.value({ row: row.row, col: count.col });
      const rateRef = { row: row.row, col: rate.col };
      const r = ctx.value(rateRef);
      if (n === undefined || r === undefined || n <= 0 || r <= 0) continue;
      const half = 0.5 * 10 ** -ctx.decimals(rateRef);
      ranges.push({
        lo: (n * 100) / (r + half),
        hi: r - half > 0 ? (n * 100) / (r - half) : Infinity,
        count: n,
        rateRef,
        countRef: { row: row.row, col: count.col },
      });
    }
    if (ranges.length < 2) {
      households.set(row.row, ranges[0] && { lo: ranges[0].lo, hi: ranges[0].hi });
      continue;
    }
    if (overlap(ranges)) {
      households.set(row.row, {
        lo: Math.max(...ranges.map((x) => x.lo)),
        hi: Math.min(...ranges.map((x) => x.hi)),
      });
      continue;
    }
    households.set(row.row, undefined);
    // The one rate whose removal lets the others agree is the one to look at.
    const culprits = ranges.filter((x) => overlap(ranges.filter((y) => y !== x)));
    if (ranges.length >= 3 && culprits.length === 1) {
      const others = ranges.filter((x) => x !== culprits[0]);
      report(
        culprits[0],
        others,
        Math.max(...others.map((x) => x.lo)),
        Math.min(...others.map((x) => x.hi)),
        false,
      );
    } else if (ranges.length === 2) disputed.set(row.row, ranges);
  }
  /**
   * The culprit pair's count, not its rate, is wrong when the aggregate's count less the other rows' is a count
   * that agrees with the row's own rate over the households the other pair implies (a count copied from the row
   * above, its rate its own): two relations confirm that value. It is blamed instead of the aggregate.
   */
  const countTypo = (r: number, culprit: Range, keep: Range, aggregate: (typeof rows)[number]): boolean => {
    const ref = culprit.countRef;
    if (!ref) return false;
    const total = ctx.value({ row: aggregate.row, col: ref.col });
    const others = aggregate.covers.filter((x) => x !== r).map((x) => ctx.value({ row: x, col: ref.col }));
    if (total === undefined || others.some((v) => v === undefined)) return false;
    const meant = total - others.reduce((sum, v) => sum! + v!, 0)!;
    if (!Number.isInteger(meant) || meant <= 0 || meant === culprit.count) return false;
    const rate = ctx.value(culprit.rateRef)!;
    const half = 0.5 * 10 ** -ctx.decimals(culprit.rateRef);
    const lo = (meant * 100) / (rate + half);
    const hi = rate - half > 0 ? (meant * 100) / (rate - half) : Infinity;
    if (lo > keep.hi + 1e-9 || keep.lo > hi + 1e-9) return false;
    const aggregateCell = a1(aggregate.row, ref.col);
    const related = [
      aggregateCell,
      a1(culprit.rateRef.row, culprit.rateRef.col),
      a1(keep.rateRef.row, keep.rateRef.col),
    ];
    const f = makeFinding(ctx, "sum-mismatch", "error", ref, meant, related, {
      variant: "input-typo",
      targets: related.join(", "),
      ...copyParams(ref),
    });
    out.push(f);
    // The aggregate that did not match its rows is explained by this count: it is not what to correct.
    if (run) {
      const i = run.findings.findIndex(
        (x) => x.cell === aggregateCell && x.rule === "sum-mismatch" && x.severity === "error",
      );
      if (i >= 0) run.findings.splice(i, 1);
    }
    return true;
  };
  const copyParams = (ref: { row: number; col: number }) => {
    const copy = copiedFrom(ctx, ref);
    return copy ? { copiedFrom: copy.cell, copiedAbove: copy.above ? "1" : "" } : {};
  };
  // Two pairs of a row that cannot share one households total: the aggregate above (or below) the row may say
  // which one is wrong, its households less the other rows' leaving a window only one pair's interval meets.
  for (const [r, ranges] of disputed) {
    const aggregate = rows.find((x) => x.covers.includes(r) && households.get(x.row));
    const others = aggregate?.covers.filter((x) => x !== r).map((x) => households.get(x));
    if (aggregate && others && others.every((o) => o !== undefined)) {
      const own = households.get(aggregate.row)!;
      const lo = own.lo - others.reduce((sum, o) => sum + o!.hi, 0);
      const hi = own.hi - others.reduce((sum, o) => sum + o!.lo, 0);
      const fits = ranges.filter((x) => x.lo <= hi + 1e-9 && lo <= x.hi + 1e-9);
      if (fits.length === 1) {
        const [keep] = fits;
        const culprit = ranges.find((x) => x !== keep)!;
        if (run && countTypo(r, culprit, keep, aggregate)) continue;
        // Still only suggested: it rests on the aggregate's own figures being right.
        report(culprit, [keep], keep.lo, keep.hi, true);
        out[out.length - 1].related.push(
          ...aggregate.covers.filter((x) => x !== r).map((x) => a1(x, keep.rateRef.col)),
        );
        out[out.length - 1].related.push(a1(aggregate.row, keep.rateRef.col));
        households.set(r, { lo: Math.max(keep.lo, lo), hi: Math.min(keep.hi, hi) });
        continue;
      }
    }
    // Nothing says which of the two is wrong.
    report(ranges[1], [ranges[0]], ranges[0].lo, ranges[0].hi, true);
  }
  // An aggregate's households are its rows' sum: the sum of their intervals must meet its own.
  for (const row of rows) {
    if (!row.covers.length || (row.kind !== "group" && row.kind !== "subtotal" && row.kind !== "total"))
      continue;
    const own = households.get(row.row);
    const parts = row.covers.map((r) => households.get(r));
    if (!own || parts.some((p) => p === undefined)) continue;
    const lo = parts.reduce((s, p) => s + p!.lo, 0);
    const hi = parts.reduce((s, p) => s + p!.hi, 0);
    if (lo <= own.hi + 1e-9 && own.lo <= hi + 1e-9) continue;
    const first = pairs
      .map(({ count, rate }) => ({ count: ctx.value({ row: row.row, col: count.col }), col: rate.col }))
      .find(
        (p) => p.count !== undefined && p.count > 0 && ctx.value({ row: row.row, col: p.col }) !== undefined,
      );
    if (!first) continue;
    const rateRef = { row: row.row, col: first.col };
    report({ lo: own.lo, hi: own.hi, count: first.count!, rateRef }, [], lo, hi, true);
    out[out.length - 1].related = row.covers.map((r) => a1(r, first.col));
  }
  return out;
}
