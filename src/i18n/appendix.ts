// Every word an appendix writes (the engine's src/engine/appendix lays it out), Vietnamese first: titles, the
// "(Kèm theo ...)" line, sheet names, the plan's column headers, the notes, and the date line and signature block.
import type { AppendixLabels, IssuingBody, SignatureLabels } from "../engine";
import type { Lang } from "./lang";

/** The date line and the signature block under an appendix (placeholders the official fills in by hand). */
export const SIGNATURE_TEXT: Record<
  Lang,
  { date: string; preparer: string; preparerNote: string; authority: string; authorityTitle: string }
> = {
  vi: {
    date: "…………, ngày …… tháng …… năm ……",
    preparer: "Người lập biểu",
    preparerNote: "(Ký, ghi rõ họ tên)",
    authority: "TM. ỦY BAN NHÂN DÂN",
    authorityTitle: "CHỦ TỊCH",
  },
  en: {
    date: "…………, date …… month …… year ……",
    preparer: "Prepared by",
    preparerNote: "(Signature, full name)",
    authority: "ON BEHALF OF THE PEOPLE'S COMMITTEE",
    authorityTitle: "CHAIRPERSON",
  },
};

/** The issuing bodies as the Vietnamese signature block names them after "TM." (thay mặt, on behalf of). */
const BODY_NAME: Record<IssuingBody, string> = {
  committee: "ỦY BAN NHÂN DÂN",
  council: "HỘI ĐỒNG NHÂN DÂN",
};

export function signatureLabels(lang: Lang = "vi"): SignatureLabels {
  const t = SIGNATURE_TEXT[lang];
  return {
    // The place of the issuing body the source names ("An Bình, ngày …") replaces the leading dots.
    date: (place) => (place ? t.date.replace(/^…+/, place) : t.date),
    preparer: t.preparer,
    preparerNote: t.preparerNote,
    // "TM. HỘI ĐỒNG NHÂN DÂN" when the source is the council's; the committee's otherwise. The English block
    // names the committee whatever the body (as it always has).
    onBehalfOf: (body) => (lang === "vi" ? `TM. ${BODY_NAME[body ?? "committee"]}` : t.authority),
    authorityTitle: t.authorityTitle,
  };
}

export function appendixLabels(lang: Lang = "vi"): AppendixLabels {
  const vi = lang === "vi";
  return {
    sheetName: vi ? "Phụ lục" : "Appendix",
    title: vi ? "PHỤ LỤC" : "APPENDIX",
    subtitle: (year) =>
      vi
        ? `(Kèm theo Kế hoạch số       /KH-UBND ngày     tháng     năm ${year} của Ủy ban nhân dân ...)`
        : `(Attached to Plan No.       /KH-UBND dated ...... ${year} of the People's Committee of ...)`,
    plan: {
      sheetName: (year) => (vi ? `Dự kiến năm ${year}` : `Plan ${year}`),
      title: (year) =>
        vi
          ? `Chỉ tiêu giảm hộ nghèo và dự kiến tỷ lệ hộ nghèo năm ${year}`
          : `Poverty reduction targets and projected poor rates, ${year}`,
      rowNumber: vi ? "STT" : "No.",
      unit: vi ? "Đơn vị" : "Unit",
      households: vi ? "Tổng số hộ" : "Total households",
      start: (year) => (vi ? `Hộ nghèo đầu năm ${year}` : `Poor households, start of ${year}`),
      reduction: (year) => (vi ? `Chỉ tiêu giảm hộ nghèo năm ${year}` : `Reduction target ${year}`),
      projected: (year) =>
        vi ? `Dự kiến hộ nghèo cuối năm ${year}` : `Projected poor households, end of ${year}`,
      count: vi ? "Số hộ" : "Households",
      rate: vi ? "Tỷ lệ (%)" : "Rate (%)",
      rateReduction: vi ? "Tỷ lệ giảm (%)" : "Rate reduction (points)",
    },
    notes: {
      thousandsSeparator: (cell, old, value) =>
        vi
          ? `${cell}: ${old} được ghi là ${value} (dấu chấm phân cách hàng nghìn bị hiểu thành dấu thập phân)`
          : `${cell}: ${old} written as ${value} (a thousands separator read as a decimal point)`,
      consistentWith: (cell, old, value, by) =>
        vi
          ? `${cell}: ${old} được ghi là ${value} (giá trị khớp với các ô ${by.join(", ")})`
          : `${cell}: ${old} written as ${value} (the value consistent with cells ${by.join(", ")})`,
      formulaKept: (cell, value, formula) =>
        vi
          ? `${cell}: giữ giá trị ${value} thay cho công thức ${formula}`
          : `${cell}: value ${value} kept instead of the formula ${formula}`,
    },
    signature: signatureLabels(lang),
  };
}
