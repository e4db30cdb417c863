// The allocation core: pure arithmetic over numbers. All arithmetic that decides a household or a rounded rate is
// done on integers (quota numerators, not floating quotas), so a remainder of exactly .5 or a tie between two
// units is seen as such and broken by the stated rule.

/** Writes a finite decimal as an integer over a power of ten: 0.45 → [45, 100]. */
export function toFraction(x: number): [number, number] {
  if (Number.isInteger(x)) return [x, 1];
  const s = x.toString();
  if (/e/i.test(s)) {
    // Very small or large: fall back to 12 decimals, enough for any target a person types.
    const scale = 1e12;
    return [Math.round(x * scale), scale];
  }
  const decimals = (s.split(".")[1] ?? "").length;
  const scale = 10 ** decimals;
  return [Math.round(x * scale), scale];
}

/** numerator / denominator rounded half-up (away from zero at .5), both non-negative integers. */
function divHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** count / households × 100 rounded half-up to `decimals` (default 2), computed exactly. */
export function rateHalfUp(count: number, households: number, decimals = 2): number | null {
  if (!(households > 0)) return null;
  const scale = 10 ** decimals;
  if (
    Number.isInteger(count) &&
    Number.isInteger(households) &&
    count * 100 * scale * 2 < Number.MAX_SAFE_INTEGER
  ) {
    return divHalfUp(count * 100 * scale, households) / scale;
  }
  return Math.round((count / households) * 100 * scale + 1e-9) / scale;
}

/**
 * Percentage points of the whole unit's rate → households: points × totalHouseholds / 100, rounded half-up to a
 * whole household. 0,5 point of 1.782 households = 8,91 → 9.
 */
export function pointsToHouseholds(points: number, totalHouseholds: number): number {
  const [num, scale] = toFraction(points);
  return divHalfUp(num * totalHouseholds, 100 * scale);
}

export interface AllocationResult {
  parts: number[];
  /** Units that received all they could take because their exact share was larger. */
  capped: boolean[];
  /** Exact shares of the final round (capped units: their cap). */
  quotas: number[];
}

/**
 * Splits `target` whole units among items in proportion to `bases`, never giving item i more than `caps[i]`.
 * Caps are settled first on exact quotas: an item whose exact share exceeds its cap gets the cap, and the rest is
 * shared again among the others by the same rule, until no share exceeds its cap. The remaining target is then
 * split by the largest remainder (Hamilton) method: everyone gets the floor of their exact quota, and the units
 * left go one each to the largest remainders. Ties: larger remainder, then larger base, then earlier item.
 *
 * Bases and caps must be non-negative integers (scale weights to integers first); the target an integer between 0
 * and the sum of the caps. Throws a plain Error otherwise (callers validate and word the message).
 */
export function allocate(
  target: number,
  bases: readonly number[],
  caps: readonly number[],
): AllocationResult {
  const n = bases.length;
  if (caps.length !== n) throw new Error("bases and caps differ in length");
  for (let i = 0; i < n; i++) {
    if (!Number.isInteger(bases[i]) || bases[i] < 0)
      throw new Error(`base ${i} is not a non-negative integer`);
    if (!Number.isInteger(caps[i]) || caps[i] < 0) throw new Error(`cap ${i} is not a non-negative integer`);
  }
  if (!Number.isInteger(target) || target < 0) throw new Error("target is not a non-negative integer");
  const totalCap = caps.reduce((a, b) => a + b, 0);
  if (target > totalCap) throw new Error("target exceeds the sum of caps");

  const parts = new Array<number>(n).fill(0);
  const capped = new Array<boolean>(n).fill(false);
  const quotas = new Array<number>(n).fill(0);
  // Items with a cap of 0 can take nothing; they leave the sharing at once (and are not "capped" by their share).
  let active = bases.map((_, i) => i).filter((i) => caps[i] > 0);
  let remaining = target;

  for (;;) {
    if (remaining === 0 || active.length === 0) break;
    const sum = active.reduce((a, i) => a + bases[i], 0);
    if (sum === 0) throw new Error("no base left to share by");
    // Exact quota of i is remaining * base / sum; it exceeds the cap when remaining * base > cap * sum.
    const over = active.filter((i) => remaining * bases[i] > caps[i] * sum);
    if (over.length === 0) {
      const floors = active.map((i) => Math.floor((remaining * bases[i]) / sum));
      let left = remaining - floors.reduce((a, b) => a + b, 0);
      const order = active
        .map((i, k) => ({ i, k, rem: remaining * bases[i] - floors[k] * sum }))
        .sort((a, b) => b.rem - a.rem || bases[b.i] - bases[a.i] || a.i - b.i);
      active.forEach((i, k) => {
        parts[i] = floors[k];
        quotas[i] = (remaining * bases[i]) / sum;
      });
      for (const o of order) {
        if (left === 0) break;
        parts[o.i] += 1;
        left--;
      }
      break;
    }
    for (const i of over) {
      parts[i] = caps[i];
      quotas[i] = caps[i];
      capped[i] = true;
      remaining -= caps[i];
    }
    const overSet = new Set(over);
    active = active.filter((i) => !overSet.has(i));
  }
  return { parts, capped, quotas };
}
