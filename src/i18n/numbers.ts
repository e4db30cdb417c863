// The one place a number becomes text for a person: counts, rates, a fraction under a percent format, in
// Vietnamese (1.518; 13,70) or English (1,518; 13.70) separators, whatever the computer's regional settings.
// The CLI, the pane, the standalone page and the appendix preview all call these; nothing else formats a number.

import type { Lang } from "./lang";

export type NumberLang = Lang;

/** Decimals a number shows when written without binary noise (4.8500000001 → 2), at most `max`. */
export function naturalDecimals(x: number, max = 6): number {
  if (!Number.isFinite(x)) return 0;
  const a = Math.abs(x);
  for (let d = 0; d <= max; d++) {
    const s = a * 10 ** d;
    if (Math.abs(s - Math.round(s)) <= Math.max(1, s) * 1e-11) return d;
  }
  return max;
}

/** Decimals a number format shows ("0.00" → 2, "#,##0" → 0, "0.0%" → 1); undefined for General or none. */
export function formatDecimals(format: string | undefined): number | undefined {
  if (!format) return undefined;
  const section = format.split(";")[0].replace(/"[^"]*"/g, "");
  if (/^general$/i.test(section.trim()) || section.trim() === "@") return undefined;
  const m = /[0#?]([.,])?/.exec(section);
  if (!m) return undefined;
  const frac = /[0#?]\.([0#?]+)/.exec(section);
  return frac ? frac[1].length : 0;
}

/** A format that shows the cell's value times 100 with "%" (not a quoted or escaped "%"): the engine decides it. */
import { isPercentFormat } from "../engine";
export { isPercentFormat };

/**
 * A number with exactly `decimals` decimals (default: its own, up to 6), grouped by thousands. A small non-zero
 * value never reads as zero: 0.000733 with 2 decimals is "0,000733", not "0,00" (the digits that matter).
 */
export function showNumber(x: number, lang: NumberLang, decimals?: number): string {
  if (!Number.isFinite(x)) return String(x);
  let d = decimals ?? naturalDecimals(x);
  if (x !== 0 && Math.abs(x) < 10 ** -d / 2)
    d = Math.min(naturalDecimals(x, 10), -Math.floor(Math.log10(Math.abs(x))) + 2);
  let fixed = Math.abs(x).toFixed(d);
  // Natural decimals: no trailing zeros (4.8500000001 reads 4,85, not 4,850000).
  if (decimals === undefined && fixed.includes(".")) fixed = fixed.replace(/\.?0+$/, "");
  const [int, frac] = fixed.split(".");
  const [thousands, point] = lang === "vi" ? [".", ","] : [",", "."];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  const zero = /^[0.]*$/.test(fixed);
  return `${x < 0 && !zero ? "-" : ""}${grouped}${frac ? point + frac : ""}`;
}

/** A count: 1518 → "1.518" (vi), "1,518" (en). */
export function showCount(n: number, lang: NumberLang): string {
  return showNumber(n, lang, Number.isInteger(n) ? 0 : undefined);
}

/**
 * A cell's value as the sheet shows it under its number format: decimals from the format, a fraction under a
 * percent format as its percentage ("0.00%": 0.0579 → "5,79%"), text as typed, empty as "".
 */
export function showCell(
  value: number | string | boolean | null | undefined,
  lang: NumberLang,
  format?: string,
): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "number") return String(value);
  const decimals = formatDecimals(format);
  if (isPercentFormat(format))
    return `${showNumber(value * 100, lang, decimals ?? naturalDecimals(value * 100))}%`;
  return showNumber(value, lang, decimals);
}

/**
 * A value in a sentence or a list of findings: a number with the decimals of its format (a rate keeps the digits
 * that matter), text in quotes so that "13" typed as text reads apart from the number 13.
 */
export function showValue(
  value: number | string | null | undefined,
  lang: NumberLang,
  format?: string,
  empty = "—",
): string {
  if (value === null || value === undefined || value === "") return empty;
  if (typeof value === "string") return `"${value.length > 32 ? value.slice(0, 31) + "…" : value}"`;
  return showNumber(value, lang, formatDecimals(format));
}

/**
 * A cell's value before or after a write, as the cell shows it (a fraction under a percent format as its
 * percentage), with text in quotes so that a text "13" becoming the number 13 reads as a change.
 */
export function showCellValue(
  value: number | string | null | undefined,
  lang: NumberLang,
  format?: string,
  empty = "—",
): string {
  if (value === null || value === undefined || value === "") return empty;
  if (typeof value === "string") return showValue(value, lang, format, empty);
  return showCell(value, lang, format);
}
