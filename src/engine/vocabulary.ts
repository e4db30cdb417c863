// Header and label words → column roles, periods and row kinds. Matching ignores diacritics and case
// ("Tong so ho", "TONG HTN"); every Vietnamese term the engine knows lives in this file.
import type { ColumnRole } from "./report";

// Vietnamese letters with diacritics → base letter, built once; a table lookup per character is several times
// faster than Unicode decomposition, and labels are normalised once per row of a 100,000-row table.
const FOLD = new Map<string, string>();
for (const base of "aeiouyd") {
  const variants =
    base === "d"
      ? "đĐ"
      : {
          a: "àáảãạăằắẳẵặâầấẩẫậ",
          e: "èéẻẽẹêềếểễệ",
          i: "ìíỉĩị",
          o: "òóỏõọôồốổỗộơờớởỡợ",
          u: "ùúủũụưừứửữự",
          y: "ỳýỷỹỵ",
        }[base]!;
  for (const ch of variants) {
    FOLD.set(ch, base);
    FOLD.set(ch.toUpperCase(), base);
  }
}

/** Lower case, no diacritics, đ → d, single spaces. */
export function normalize(text: string): string {
  let out = "";
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const code = ch.charCodeAt(0);
    if (code === 32 || code === 9 || code === 10 || code === 13 || code === 160) {
      space = out.length > 0;
      continue;
    }
    if (space) {
      out += " ";
      space = false;
    }
    if (code < 128) out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
    else {
      const folded = FOLD.get(ch);
      if (folded !== undefined) out += folded;
      else if (code >= 0x300 && code <= 0x36f)
        continue; // combining marks of decomposed input
      else {
        const lower = ch.toLowerCase();
        const f2 = FOLD.get(lower);
        out += f2 ?? lower.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
      }
    }
  }
  return out;
}

const has = (t: string, re: RegExp) => re.test(t);

// Abbreviations officials type in headers, as whole words of normalised text: "HN" (hộ nghèo), "HCN" and "hộ CN"
// (hộ cận nghèo), "TS hộ" (tổng số hộ), "TL" before whose rate (tỷ lệ). "hn" inside "thn" or "hnx" is not one.
const ABBREVIATIONS: [RegExp, string][] = [
  [/\bhcn\b/g, "ho can ngheo"],
  [/\bhn\b/g, "ho ngheo"],
  [/\b(ho|so ho|khau) cn\b/g, "$1 can ngheo"],
  [/\bts (ho|khau)\b/g, "tong so $1"],
  [/\btl\b(?= ?(ho|ngheo|can ngheo|%|\())/g, "ty le"],
];

/** A header's words normalised and with the abbreviations written out ("Tỷ lệ HCN (%)" → "ty le ho can ngheo (%)"). */
export function headerWords(text: string): string {
  let t = normalize(text);
  if (!/\b(hcn|hn|cn|ts|tl)\b/.test(t)) return t;
  for (const [re, out] of ABBREVIATIONS) t = t.replace(re, out);
  // "Tỷ lệ HN" reads "ty le ho ngheo"; "HN" alone under "Số hộ" reads "so ho ho ngheo": one "ho" is enough.
  return t.replace(/\bho ho\b/g, "ho");
}

const ROW_NUMBER = /^(stt|tt|so tt|so thu tu|s\.?t\.?t\.?)$/;
// "la[n]g" is the village word "làng" without its accent, written so that the engine's source never holds the
// four letters of a locale flag (test/engine/words.test.ts).
const UNIT_NAME =
  /^(ten )?(don vi|to dan pho|to dp|thon|ban|la[n]g|ap|khu pho|khoi|xa|phuong|thi tran|huyen|quan|thi xa|thanh pho|tinh|dia ban|khu vuc|thon, ban|thon, to|xa, phuong|xa, thi tran|phuong\/xa|huyen\/thi xa\/thanh pho|ten|noi dung)\b/;
const COUNT_WORDS = /\b(so ho|ho ngheo|ho can ngheo|tong so|tong htn|khau|ty le|%)\b|%/;

/** Subject of a rate or count: whose households. Order matters: "cận nghèo" contains "nghèo". */
function subjectOf(t: string): "multidim" | "nearPoor" | "poor" | undefined {
  if (has(t, /da chieu/) || has(t, /ngheo\s*(va|,|\+|&)\s*(ho\s+)?can ngheo/)) return "multidim";
  if (has(t, /can ngheo/)) return "nearPoor";
  if (has(t, /ngheo/)) return "poor";
  return undefined;
}

/**
 * The role of a column from its header path (top level first). `leaf` is the lowest header cell, `full` the
 * whole path: a group header "Hộ nghèo" gives the subject of a leaf "Số hộ" or "Tỷ lệ (%)".
 */
export function roleOf(path: string[]): ColumnRole {
  const parts = path.map(headerWords).filter((p) => p !== "");
  if (parts.length === 0) return "other";
  const leaf = parts[parts.length - 1];
  const full = parts.join(" > ");
  if (
    ROW_NUMBER.test(leaf) ||
    (parts.length > 1 && ROW_NUMBER.test(parts[0]) && parts.every((p) => ROW_NUMBER.test(p)))
  )
    return "rowNumber";
  if (has(full, /ghi chu/)) return "note";
  if (UNIT_NAME.test(leaf) && !COUNT_WORDS.test(leaf)) return "unitName";
  const subject = subjectOf(full);
  const leafSubject = subjectOf(leaf);
  const isRate = has(leaf, /ty le|%/) || (has(full, /ty le/) && !has(leaf, /so ho|khau/));
  const isReduction =
    has(leaf, /giam/) ||
    (has(full, /giam/) &&
      !has(leaf, /so ho ngheo (dau|cuoi)/) &&
      !isRate &&
      has(full, /(so ho|ho) ngheo giam|giam (ho|so ho)/));

  // Flow columns (Thông tư 07, Phụ lục VII): the wordings officials type. They contain "số hộ" and "nghèo" but
  // are changes, never the households or the poor of the period.
  if (has(leaf, /(khac giam|giam khac|giam do nguyen nhan khac|giam (do )?(chet|chuyen di|di chuyen))/))
    return "otherDecrease";
  if (has(leaf, /(khac tang|tang khac|tang do nguyen nhan khac|tang (do )?(chuyen den|nhap khau))/))
    return "otherIncrease";
  if (has(leaf, /thoat (ngheo|can ngheo)/) || has(full, /thoat ngheo|thoat can ngheo/)) return "escaped";
  if (has(leaf, /(can ngheo )?(tro thanh|chuyen thanh|chuyen sang|roi xuong) (ho )?(can )?ngheo/))
    return "otherIncrease";
  if (has(full, /tai ngheo|tai can ngheo/)) return "fellBack";
  if (has(full, /phat sinh/)) return "newlyPoor";

  if (isRate) {
    if (has(leaf, /giam/) || has(full, /ty le (ho ngheo )?giam|giam ty le/)) return "rateReduction";
    const s = leafSubject ?? subject;
    if (s === "multidim") return "multidimRate";
    if (s === "nearPoor") return "nearPoorRate";
    if (s === "poor") return "poorRate";
    return "poorRate";
  }
  if (isReduction || has(leaf, /^giam$|so (ho )?giam|chi tieu giam/)) {
    return (leafSubject ?? subject) === "nearPoor" ? "nearPoorReduction" : "reduction";
  }
  if (has(leaf, /khau|nhan khau|so nguoi/) || (has(full, /khau/) && !has(leaf, /ho/))) {
    const s =
      leafSubject ??
      (has(leaf, /ngheo/) ? subject : has(full, /khau ngheo|khau can ngheo/) ? subject : undefined);
    if (s === "nearPoor") return "nearPoorPersons";
    if (s === "poor") return "poorPersons";
    return "persons";
  }
  if (
    has(
      full,
      /tong so ho dan cu|tong so ho|tong htn|ho thuong tru|so ho dan cu|\bho dan cu\b|\bso ho dan\b|\btong ho\b|tong so ho gia dinh/,
    ) &&
    !leafSubject
  ) {
    if (!subject || has(leaf, /tong so ho$|tong htn|dan cu|thuong tru|^tong ho$|so ho dan$/))
      return "households";
  }
  const s = leafSubject ?? subject;
  if (s === "multidim") return "poorAndNearPoorHouseholds";
  if (s === "nearPoor") return "nearPoorHouseholds";
  if (s === "poor") return "poorHouseholds";
  if (has(leaf, /^(so ho|tong so ho|ho|so luong ho)$/) || has(leaf, /tong so ho|so ho/)) return "households";
  return "other";
}

/** Roles counted in whole households or persons: summed by aggregate rows. */
export const COUNT_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  "households",
  "persons",
  "poorHouseholds",
  "nearPoorHouseholds",
  "poorAndNearPoorHouseholds",
  "poorPersons",
  "nearPoorPersons",
  "reduction",
  "nearPoorReduction",
  "escaped",
  "fellBack",
  "newlyPoor",
  "otherDecrease",
  "otherIncrease",
]);

export const RATE_ROLES: ReadonlySet<ColumnRole> = new Set<ColumnRole>([
  "poorRate",
  "nearPoorRate",
  "multidimRate",
  "rateReduction",
]);

export function isHeaderWord(text: string): boolean {
  const t = headerWords(text);
  if (t === "") return false;
  return (
    ROW_NUMBER.test(t) ||
    UNIT_NAME.test(t) ||
    /so ho|ho ngheo|can ngheo|ty le|tong so|tong htn|\btong ho\b|\bho dan\b|khau|thoat ngheo|tai ngheo|phat sinh|ghi chu|du kien|ke hoach|chi tieu|dau ky|cuoi ky|dau nam|cuoi nam/.test(
      t,
    )
  );
}

export type PeriodKind = "start" | "end" | "plan" | "estimate" | "year";

/** The period a header path speaks of, or "" when it names none. */
export function periodOf(path: string[]): { key: string; kind?: PeriodKind; year?: number } {
  const full = normalize(path.join(" > "));
  const yearMatch = /\b(19|20)\d{2}\b/.exec(full);
  const year = yearMatch ? Number(yearMatch[0]) : undefined;
  let kind: PeriodKind | undefined;
  if (
    /du kien|ke hoach|chi tieu|muc tieu|giao/.test(full) &&
    !/thuc hien/.test(full.replace(/uoc thuc hien/, ""))
  )
    kind = "plan";
  if (/uoc thuc hien|uoc th\b|uoc tinh/.test(full)) kind = "estimate";
  if (/dau ky|dau nam|dau giai doan|so dau ky/.test(full)) kind = "start";
  if (/cuoi ky|cuoi nam|cuoi giai doan|so cuoi ky/.test(full)) kind = "end";
  if (!kind && year !== undefined) kind = "year";
  if (!kind) return { key: "" };
  const key = kind === "year" ? String(year) : year !== undefined ? `${kind} ${year}` : kind;
  return { key, kind, year };
}

export function isPlanWord(text: string): boolean {
  return /du kien|ke hoach|chi tieu/.test(normalize(text));
}

// "Total Result" / "Grand Total": the grand-total row of a pivot table made in an English LibreOffice or Excel.
const TOTAL_LABEL =
  /^(tong cong|tong so|tong|cong chung|toan (quoc|xa|phuong|huyen|tinh|thi xa|thi tran|thanh pho|quan|khu vuc)|ca (nuoc|xa|phuong|huyen|tinh)|total result$|grand total$)\b/;
/** "Of which" rows: a part of the row above, never added into a sum. */
const PART_LABEL = /^(trong do|gom|rieng|bao gom|trong so do)\b/;

export function isPartLabel(label: string, normalized = normalize(label)): boolean {
  return PART_LABEL.test(normalized.replace(/^[-+*•\s]+/, ""));
}
const SUBTOTAL_LABEL = /^(cong|cong nhom|cong khu vuc|cong khoi)\b/;

/** Label tests; the `normalized` argument skips normalising again on the hot path. */
export function isTotalLabel(label: string, normalized = normalize(label)): boolean {
  return TOTAL_LABEL.test(normalized);
}

export function isSubtotalLabel(label: string, normalized = normalize(label)): boolean {
  return SUBTOTAL_LABEL.test(normalized) && !TOTAL_LABEL.test(normalized);
}

/** Rows that end a table: notes and the signature block. */
export function isTableEnd(label: string, normalized = normalize(label)): boolean {
  const t = normalized;
  if (/ngay \d{1,2} thang \d{1,2} nam \d{4}/.test(t)) return true;
  return /^(ghi chu|nguoi lap|nguoi lap bieu|t\/?m\.?|tm\.|chu tich|noi nhan|xac nhan|thu truong|ky ten|lanh dao|\* )/.test(
    t,
  );
}

/** A well-formed Roman numeral up to 399 (provincial lists run to LXIII), with an optional dot. */
const ROMAN = /^(c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})\.?$/i;

/** The value of a Roman numeral ("XLIX" → 49), or undefined. */
export function romanValue(text: string): number | undefined {
  const t = text.trim().replace(/\.$/, "").toUpperCase();
  if (t === "" || !ROMAN.test(t)) return undefined;
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let n = 0;
  for (let i = 0; i < t.length; i++) {
    const a = v[t[i]];
    const b = i + 1 < t.length ? v[t[i + 1]] : 0;
    n += a < b ? -a : a;
  }
  return toRoman(n) === t ? n : undefined;
}

const ROMAN_TABLE: [number, string][] = [
  [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
  [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
]; // prettier-ignore

export function toRoman(n: number): string {
  let s = "";
  let rest = n;
  for (const [v, r] of ROMAN_TABLE) {
    while (rest >= v) {
      s += r;
      rest -= v;
    }
  }
  return s;
}

/** The style of a row number: a unit ("1", "1.", "2a"), a group ("I", "A"), or none. */
export function numberStyle(text: string): "unit" | "roman" | "letter" | "none" {
  const t = text.trim();
  if (t === "") return "none";
  if (/^\d{1,4}[.)]?$/.test(t) || /^\d{1,3}\.\d{1,3}$/.test(t)) return "unit";
  if (/[ivxlc]/i.test(t) && ROMAN.test(t)) return "roman";
  if (/^[A-Za-z][.)]?$/.test(t) && /[A-Z]/.test(t[0])) return "letter";
  return "none";
}
