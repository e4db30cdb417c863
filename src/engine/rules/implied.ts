// Without a households column rates cannot be recomputed, but each rate and its count imply a range of possible
// household totals, and the ranges of one row must overlap. A rate whose range misses the others is reported.
import type { Finding } from "../report";
import { a1 } from "../grid";
import type { ColumnRole } from "../report";
import { type TableContext, makeFinding } from "../context";

const PAIRS: [ColumnRole, ColumnRole][] = [
  ["poorHouseholds", "poorRate"],
  ["nearPoorHouseholds", "nearPoorRate"],
  ["poorAndNearPoorHouseholds", "multidimRate"],
];

export function impliedBaseFindings(ctx: TableContext): Finding[] {
  const { columns, rows } = ctx.table;
  if (columns.some((c) => c.role === "households")) return [];
  const pairs = PAIRS.flatMap(([countRole, rateRole]) => {
    const count = columns.find((c) => c.role === countRole);
    const rate = columns.find((c) => c.role === rateRole && (!count || c.period === count.period));
    return count && rate ? [{ count, rate }] : [];
  });
  if (pairs.length < 3) return [];
  const out: Finding[] = [];
  for (const row of rows) {
    const ranges: { lo: number; hi: number; rateRef: { row: number; col: number } }[] = [];
    for (const { count, rate } of pairs) {
      const n = ctx.value({ row: row.row, col: count.col });
      const rateRef = { row: row.row, col: rate.col };
      const r = ctx.value(rateRef);
      if (n === undefined || r === undefined || n <= 0 || r <= 0) continue;
      const half = 0.5 * 10 ** -ctx.decimals(rateRef);
      ranges.push({
        lo: (n * 100) / (r + half),
        hi: r - half > 0 ? (n * 100) / (r - half) : Infinity,
        rateRef,
      });
    }
    if (ranges.length < 3) continue;
    const overlap = (rs: typeof ranges) =>
      Math.max(...rs.map((x) => x.lo)) <= Math.min(...rs.map((x) => x.hi)) + 1e-9;
    if (overlap(ranges)) continue;
    // The one rate whose removal lets the others agree is the one to look at.
    const culprits = ranges.filter((x) => overlap(ranges.filter((y) => y !== x)));
    if (culprits.length !== 1) continue;
    out.push(
      makeFinding(
        ctx,
        "rate-mismatch",
        "warning",
        culprits[0].rateRef,
        null,
        ranges.filter((x) => x !== culprits[0]).map((x) => a1(x.rateRef.row, x.rateRef.col)),
      ),
    );
  }
  return out;
}
