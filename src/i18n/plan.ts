// The sentences of a plan: why a target cannot be allocated (PlanError) and how the numbers were obtained
// (Plan.notes), from the engine's codes and parameters, in Vietnamese or English.
import type { AllocationMethod, PlanError, PlanFigure, PlanNote } from "../engine";
import type { Lang } from "./lang";
import { naturalDecimals, showCount, showNumber } from "./numbers";

const FIGURES: Record<PlanFigure, Record<Lang, string>> = {
  weight: { vi: "trọng số", en: "weight" },
  poor: { vi: "số hộ nghèo", en: "poor households" },
  households: { vi: "tổng số hộ", en: "total households" },
};

/** Why a target cannot be allocated, naming the sheet and cell when the engine gave them. */
export function describePlanError(err: PlanError, lang: Lang = "vi"): string {
  const p = err.params;
  const vi = lang === "vi";
  const target = p.text ?? (p.value === undefined ? "" : showNumber(p.value, lang, naturalDecimals(p.value)));
  const households = showCount(p.households ?? 0, lang);
  const row = String(p.row ?? "");
  const what = p.what ? FIGURES[p.what][lang] : "";
  switch (err.code) {
    case "not-a-number":
      return vi
        ? `Chỉ tiêu giảm "${target}" không phải là một số.`
        : `The target "${target}" is not a number.`;
    case "negative":
      return vi
        ? `Chỉ tiêu giảm ${target} là số âm; chỉ tiêu phải từ 0 trở lên.`
        : `The target ${target} is negative; it must be 0 or more.`;
    case "not-whole":
      return vi
        ? `Chỉ tiêu giảm ${target} hộ không phải là số hộ nguyên.`
        : `The target of ${target} households is not a whole number.`;
    case "exceeds-poor": {
      const poor = showCount(p.poor ?? 0, lang);
      return vi
        ? `Chỉ tiêu giảm ${households} hộ vượt quá tổng số hộ nghèo của các đơn vị (${poor} hộ).`
        : `The target of ${households} households exceeds all poor households of the units (${poor}).`;
    }
    case "no-households":
      return vi
        ? `Không có tổng số hộ (dòng ${row}) nên không thể chia theo tổng số hộ hay quy đổi điểm phần trăm ra số hộ.`
        : `Total households are missing (row ${row}): cannot allocate by households or convert percentage points.`;
    case "no-units":
      return vi
        ? "Bảng không có dòng đơn vị nào để phân bổ chỉ tiêu."
        : "The table has no unit rows to allocate the target to.";
    case "no-weights":
      return vi
        ? `Không thể phân bổ ${households} hộ: các đơn vị còn hộ nghèo đều có trọng số 0.`
        : `Cannot allocate ${households} households: every unit with poor households left has weight 0.`;
    case "bad-input":
      return vi
        ? `Dòng ${row}: ${what} không hợp lệ (phải là số nguyên không âm).`
        : `Row ${row}: ${what} is not valid (must be a whole non-negative number).`;
    case "no-poor-column":
      return vi
        ? `Trang "${p.sheet}": bảng không có cột số hộ nghèo để phân bổ chỉ tiêu.`
        : `Sheet "${p.sheet}": the table has no poor-households column to allocate a target to.`;
    case "bad-cell":
      return vi
        ? `Trang "${p.sheet}", ô ${p.cell}: ${what} "${p.found}" không phải là số nguyên không âm.`
        : `Sheet "${p.sheet}", cell ${p.cell}: ${what} "${p.found}" is not a whole non-negative number.`;
  }
}

const METHODS: Record<AllocationMethod, Record<Lang, string>> = {
  households: {
    vi: "theo tỷ lệ tổng số hộ (cùng mức giảm tỷ lệ ở mọi đơn vị)",
    en: "in proportion to total households (the same rate reduction everywhere)",
  },
  poor: { vi: "theo tỷ lệ số hộ nghèo", en: "in proportion to poor households" },
  equal: { vi: "chia đều", en: "equal shares" },
  weights: { vi: "theo trọng số do người dùng nhập", en: "by the user's weights" },
};

// What allocate() really does on a tie (equal remainders): the larger base first, then the earlier row.
const TIES: Record<AllocationMethod, Record<Lang, string>> = {
  households: {
    vi: "đơn vị có nhiều hộ hơn, rồi dòng đứng trước",
    en: "the unit with more households, then the earlier row",
  },
  poor: {
    vi: "đơn vị có nhiều hộ nghèo hơn, rồi dòng đứng trước",
    en: "the unit with more poor households, then the earlier row",
  },
  equal: { vi: "dòng đứng trước", en: "the earlier row" },
  weights: {
    vi: "đơn vị có trọng số lớn hơn, rồi dòng đứng trước",
    en: "the unit with the larger weight, then the earlier row",
  },
};

/** One note of a plan: the points conversion, the allocation rule and its tie-break, the caps, the rounding. */
export function describePlanNote(note: PlanNote, lang: Lang = "vi"): string {
  const vi = lang === "vi";
  const count = (n: number) => showCount(n, lang);
  switch (note.code) {
    case "points-conversion": {
      const p = note.params;
      const points = showNumber(p.points, lang, naturalDecimals(p.points));
      const exact = showNumber(p.exact, lang, 4);
      return vi
        ? `Quy đổi: ${points} điểm % × ${count(p.totalHouseholds)} hộ / 100 = ${exact} → ${count(p.households)} hộ ` +
            `(làm tròn nửa lên đến hộ nguyên).`
        : `Conversion: ${points} points × ${count(p.totalHouseholds)} households / 100 = ${exact} → ` +
            `${count(p.households)} households (rounded half-up to a whole household).`;
    }
    case "allocation-rule": {
      const { method, households } = note.params;
      return vi
        ? `Phân bổ ${METHODS[method].vi}: mỗi đơn vị nhận phần nguyên của phần được chia, các hộ còn lại giao lần lượt ` +
            `cho đơn vị có phần dư lớn nhất để tổng đúng bằng ${count(households)} hộ; khi phần dư bằng nhau, ưu tiên ` +
            `${TIES[method].vi}.`
        : `Allocated ${METHODS[method].en}: each unit gets the whole part of its share, the households left go one by ` +
            `one to the largest remainders so the parts add up to exactly ${count(households)}; on equal remainders, ` +
            `${TIES[method].en} first.`;
    }
    case "capped": {
      const list = note.params.units.map((u) => `${u.label} (${count(u.poor)})`).join(", ");
      return vi
        ? `Không giao quá số hộ nghèo hiện có: ${list} được giao toàn bộ số hộ nghèo; phần vượt chia lại cho các đơn ` +
            `vị khác theo cùng quy tắc.`
        : `No unit gets more than its poor households: ${list} get all of theirs; the excess went to the others by ` +
            `the same rule.`;
    }
    case "rate-rounding": {
      const d = note.params.decimals;
      return vi
        ? `Tỷ lệ dự kiến = số hộ nghèo dự kiến / tổng số hộ × 100, làm tròn nửa lên ${d} chữ số thập phân.`
        : `Projected rate = projected poor / total households × 100, rounded half-up to ${d} decimals.`;
    }
  }
}

/** Every note of a plan, in order. */
export function describePlanNotes(notes: readonly PlanNote[], lang: Lang = "vi"): string[] {
  return notes.map((n) => describePlanNote(n, lang));
}
