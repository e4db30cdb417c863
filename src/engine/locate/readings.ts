// Readings of a number typed with stray separators: the locator lets a relation hold if one of them does.

/** Plausible readings of a malformed number: each separator taken as the decimal point with what follows it
 *  up to the next separator (`0.52,4` → 0,52) or with every later digit (`0.52,4` → 0,524). */
export function plausibleReadings(text: string): number[] {
  const s = text.replace(/[\s%]/g, "");
  if (!/^[+-]?[\d.,]+$/.test(s)) return [];
  const sign = s.startsWith("-") ? -1 : 1;
  const body = s.replace(/^[+-]/, "");
  const parts = body.split(/[.,]/);
  if (parts.length < 2 || parts.some((p) => p === "")) return [];
  const out = new Set<number>();
  for (let i = 1; i < parts.length; i++) {
    const int = parts.slice(0, i).join("");
    out.add(sign * Number(`${int}.${parts[i]}`));
    out.add(sign * Number(`${int}.${parts.slice(i).join("")}`));
  }
  out.add(sign * Number(parts.join("")));
  return [...out].filter(Number.isFinite);
}
