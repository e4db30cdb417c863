// The one unit-name normaliser: consolidation, year-over-year matching and the duplicate-unit rule all compare
// unit names through it, so "Thôn Tân Long", "THON TAN LONG" and "Tân Long" are the same unit everywhere.
import { normalize } from "./vocabulary";

// Administrative prefixes, already normalised; longer first so "to dan pho" wins over "to".
const PREFIXES = ["to dan pho", "thi tran", "khu pho", "phuong", "thon", "tdp", "ban", "xa", "to"];

/**
 * Lower case, no diacritics, đ → d, punctuation as spaces, spaces collapsed, one leading administrative prefix
 * ("Thôn", "Tổ dân phố", "TDP", "Tổ", "Xã", "Phường", "Thị trấn", "Bản", "Khu phố") removed with a following
 * "số", and leading zeros of numbers dropped ("Tổ dân phố số 05" → "5"). A label that is only a prefix stays.
 */
export function normalizeUnitName(label: string): string {
  const t = normalize(label.replace(/[.,:;\-–—_/()"'“”]+/g, " ")).replace(/\b0+(\d)/g, "$1");
  for (const prefix of PREFIXES) {
    if (t.startsWith(prefix + " ")) {
      const rest = t.slice(prefix.length + 1).replace(/^so (?=\d)/, "");
      if (rest !== "") return rest;
    }
  }
  return t;
}
