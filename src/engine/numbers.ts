// Reading numbers the way Vietnamese tables write them: "1.518" is 1518 in a count column, "13,70" is 13.7 in a
// rate column, documents mix in English style, cells pasted from Word stay text.
import { type CellValue, isErrorValue } from "./grid";

export type NumberKind = "count" | "rate";

export type NumberReading =
  | { status: "empty" }
  | { status: "error"; error: string }
  | { status: "malformed"; text: string }
  | {
      status: "ok";
      value: number;
      /** The cell held text that we read as this number. */
      fromText: boolean;
      /** Decimals written in the text, when the number came from text. */
      textDecimals?: number;
      /** A count that is not whole but is almost certainly a misread thousands separator (1.518 → 1518). */
      intended?: number;
    };

const DASHES = /^[-–—]$/;

/**
 * Round half away from zero (Excel's ROUND), immune to binary noise such as 4.845*100 = 484.49999999999994: a
 * scaled value within a few units of the 15th significant digit of a half counts as the half.
 */
export function roundHalfUp(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const scaled = Math.abs(x) * f;
  const floor = Math.floor(scaled);
  const eps = Math.max(1, scaled) * 4e-15;
  const r = (scaled - floor >= 0.5 - eps ? floor + 1 : floor) / f;
  return x < 0 ? -r : r;
}

export function truncateTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const scaled = Math.abs(x) * f;
  const eps = Math.max(1, scaled) * 4e-15;
  const r = Math.floor(scaled + eps) / f;
  return x < 0 ? -r : r;
}

/** Decimals a number shows when written without binary noise (4.8500000001 → 2). */
export function decimalsOf(x: number): number {
  if (!Number.isFinite(x)) return 0;
  const a = Math.abs(x);
  for (let d = 0; d <= 6; d++) {
    const s = a * 10 ** d;
    if (Math.abs(s - Math.round(s)) <= Math.max(1, s) * 1e-11) return d;
  }
  const s = String(Number(x.toPrecision(12)));
  if (s.includes("e-")) return Number(s.split("e-")[1]);
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** Decimals a number format shows ("0.00" → 2, "#,##0" → 0); undefined for General or no format. */
export function formatDecimals(format: string | undefined): number | undefined {
  if (!format) return undefined;
  const f = format
    .split(";")[0]
    .replace(/"[^"]*"/g, "")
    .replace(/\[[^\]]*\]/g, "");
  if (/general/i.test(f) || f.trim() === "@") return undefined;
  const m = /[0#?]([.,]([0#?]+))?/.exec(f);
  if (!m) return undefined;
  // In stored formats the decimal point is always "."; a "," there is a thousands separator.
  const dec = /\.([0#?]+)/.exec(f);
  return dec ? dec[1].length : 0;
}

function stripText(text: string): string {
  return text
    .replace(/[\u00a0\u202f\u2009\s]/g, "")
    .replace(/%$/, "")
    .replace(/^\((.*)\)$/, "-$1");
}

/**
 * Reads a cell as a number of the given kind. Text numbers are read and flagged (fromText); malformed text
 * ("0.36,6") and error values are reported as such.
 */
export function readNumber(value: CellValue | undefined, kind: NumberKind): NumberReading {
  if (value === null || value === undefined) return EMPTY;
  if (isErrorValue(value)) return reading("error", 0, false, undefined, undefined, undefined, value.error);
  if (typeof value === "boolean") return reading("malformed", 0, false, undefined, undefined, String(value));
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return reading("malformed", 0, false, undefined, undefined, String(value));
    if (kind === "count" && !Number.isInteger(value)) {
      const scaled = Number((value * 1000).toPrecision(12));
      // A whole number of thousandths with exactly three decimals: "1.518" typed in an English-locale Excel.
      if (Number.isInteger(scaled) && decimalsOf(value) === 3 && Math.abs(value) < 1000) {
        return reading("ok", value, false, undefined, scaled);
      }
    }
    return reading("ok", value, false);
  }
  const raw = value.trim();
  if (raw === "") return EMPTY;
  if (DASHES.test(raw)) return reading("ok", 0, true, 0);
  const s = stripText(raw);
  const parsed = parseNumberText(s, kind);
  if (parsed === undefined) return reading("malformed", 0, false, undefined, undefined, raw);
  return reading("ok", parsed.value, true, parsed.decimals);
}

/**
 * Every reading has the same fields in the same order, so that rules reading them over 100,000 rows stay on one
 * object shape (fast property access).
 */
function reading(
  status: "ok" | "empty" | "error" | "malformed",
  value: number,
  fromText: boolean,
  textDecimals?: number,
  intended?: number,
  text?: string,
  error?: string,
): NumberReading {
  return { status, value, fromText, textDecimals, intended, text, error } as NumberReading;
}

const EMPTY = reading("empty", 0, false);

function parseNumberText(s: string, kind: NumberKind): { value: number; decimals: number } | undefined {
  const m = /^([+-]?)([\d.,]+)$/.exec(s);
  if (!m) return undefined;
  const sign = m[1] === "-" ? -1 : 1;
  const body = m[2];
  if (!/\d/.test(body) || /^[.,]|[.,]$/.test(body)) return undefined;
  const make = (intPart: string, frac: string) => ({
    value: sign * Number(`${intPart}${frac ? "." + frac : ""}`),
    decimals: frac.length,
  });
  if (/^\d+$/.test(body)) return make(body, "");
  // Vietnamese: thousands ".", decimals ","
  let g = /^(\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/.exec(body);
  if (g && (g[2] !== undefined || kind === "count" || (g[1].match(/\./g) ?? []).length > 1)) {
    return make(g[1].replace(/\./g, ""), g[2] ?? "");
  }
  // English: thousands ",", decimals "."
  g = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/.exec(body);
  if (g && (g[2] !== undefined || kind === "count" || (g[1].match(/,/g) ?? []).length > 1)) {
    return make(g[1].replace(/,/g, ""), g[2] ?? "");
  }
  // One separator: a decimal point of either style.
  g = /^(\d+)[.,](\d+)$/.exec(body);
  if (g) return make(g[1], g[2]);
  return undefined;
}
