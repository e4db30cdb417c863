// What the Office adapter tells the user, in Vietnamese (default) and English. Every message names the sheet
// and, where there is one, the cell.
import type { Lang } from "../../engine/model";

type Args = Record<string, string | number>;
const MESSAGES = {
  sheetMissing: {
    vi: 'Không tìm thấy trang tính "{sheet}" (có thể đã đổi tên hoặc bị xóa).',
    en: 'Sheet "{sheet}" was not found (it may have been renamed or deleted).',
  },
  badAddress: {
    vi: 'Địa chỉ ô "{cell}" trên trang "{sheet}" không hợp lệ.',
    en: 'Cell address "{cell}" on sheet "{sheet}" is not valid.',
  },
  readFailed: {
    vi: 'Không đọc được trang tính "{sheet}": {reason}',
    en: 'Could not read sheet "{sheet}": {reason}',
  },
  writeFailed: {
    vi: 'Không ghi được vào trang "{sheet}", vùng {cell}: {reason}',
    en: 'Could not write to sheet "{sheet}", range {cell}: {reason}',
  },
  undoCorrupt: {
    vi: "Dữ liệu hoàn tác trong sổ tính bị hỏng; không thể hoàn tác.",
    en: "The undo data kept in the workbook is damaged; cannot undo.",
  },
  undoSheetVisible: {
    vi: 'Phiên bản Excel này không ẩn được trang "{sheet}" chứa dữ liệu hoàn tác; xin đừng xóa trang đó.',
    en: 'This Excel version cannot hide the sheet "{sheet}" that keeps undo data; please do not delete it.',
  },
  marksUnsupported: {
    vi: "Phiên bản Excel này chưa hỗ trợ định dạng có điều kiện qua add-in (cần ExcelApi 1.6): không tô màu các ô có lỗi.",
    en: "This Excel version does not support conditional formats for add-ins (ExcelApi 1.6 needed): cells are not highlighted.",
  },
  marksCapped: {
    vi: 'Chỉ tô màu {count} vùng đầu tiên trên trang "{sheet}" (quá nhiều phát hiện).',
    en: 'Only the first {count} areas on sheet "{sheet}" are highlighted (too many findings).',
  },
  pageLayoutUnsupported: {
    vi: 'Phiên bản Excel này chưa cho add-in đặt trang in (cần ExcelApi 1.9): hãy tự chọn khổ A4, lặp dòng tiêu đề cho trang "{sheet}".',
    en: 'This Excel version does not let add-ins set up printing (ExcelApi 1.9 needed): set A4 and repeated header rows for "{sheet}" yourself.',
  },
  settingsSaveFailed: {
    vi: "Không lưu được cài đặt vào sổ tính: {reason}",
    en: "Could not save the settings in the workbook: {reason}",
  },
} as const;

export type MessageId = keyof typeof MESSAGES;

export function message(id: MessageId, args: Args = {}, lang: Lang = "vi"): string {
  return MESSAGES[id][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(args[k] ?? ""));
}

/** A failure the user can act on; `message` is already in the user's language. */
export class OfficeHostError extends Error {
  constructor(
    readonly id: MessageId,
    args: Args = {},
    lang: Lang = "vi",
  ) {
    super(message(id, args, lang));
    this.name = "OfficeHostError";
  }
}

/** The message of an Office.js error without its stack or debug info. */
export function reasonOf(error: unknown): string {
  if (error && typeof error === "object" && "message" in error)
    return String((error as { message: unknown }).message);
  return String(error);
}
