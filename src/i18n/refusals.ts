// Why a cell was not written (the file forbids it there), in the user's language: one table of reasons for the
// command line's list and the pages' notices.
import type { Lang } from "./lang";
import type { Refusal } from "../engine";

const REASONS = {
  pivot: { vi: "nằm trong PivotTable", en: "inside a pivot table" },
  totals: { vi: "dòng tổng của bảng (Table)", en: "a table's totals row" },
  array: { vi: "thuộc một công thức mảng", en: "part of an array formula" },
  protected: { vi: "ô bị khóa trên trang tính được bảo vệ", en: "a locked cell of a protected sheet" },
  boolean: {
    vi: "ô chứa giá trị Đúng/Sai (TRUE/FALSE) do người dùng nhập",
    en: "holds a TRUE/FALSE the user typed",
  },
} as const;

function wanted(r: Refusal): string {
  return r.write.formula ?? String(r.write.value ?? "");
}

/** The command line's line for a refused cell. */
export function refusalText(r: Refusal, lang: Lang): string {
  return lang === "en"
    ? `  - "${r.sheet}"!${r.cell}: ${REASONS[r.reason].en}; not written (should be ${wanted(r)})`
    : `  - "${r.sheet}"!${r.cell}: ${REASONS[r.reason].vi}; không ghi (đúng ra là ${wanted(r)})`;
}

/** A refused cell in a sentence of the pages: "F12: nằm trong PivotTable (đúng ra là 66)". */
export function refusalPhrase(r: Refusal, lang: Lang, shown: string = wanted(r)): string {
  return lang === "en"
    ? `${r.cell}: ${REASONS[r.reason].en} (should be ${shown})`
    : `${r.cell}: ${REASONS[r.reason].vi} (đúng ra là ${shown})`;
}
