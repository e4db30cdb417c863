// What the Office adapter tells the user, in Vietnamese (default) and English. Every message names the sheet
// and, where there is one, the cell.
import type { Lang } from "../../i18n/lang";

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
  cellEditWait: {
    vi: "Excel đang chờ bạn nhập xong ô đang sửa: nhấn Enter hoặc Esc để Phụ lục tiếp tục.",
    en: "Excel is waiting for you to finish editing a cell: press Enter or Esc and Phụ lục will continue.",
  },
  cellEditBusy: {
    vi: "Excel đang ở chế độ sửa ô (có ô đang được gõ dở): nhấn Enter hoặc Esc rồi bấm lại.",
    en: "Excel is in cell-edit mode (a cell is being typed in): press Enter or Esc, then try again.",
  },
  sheetProtected: {
    vi: 'Trang "{sheet}" đang được bảo vệ (Xem lại > Bỏ bảo vệ trang tính): Phụ lục không ghi gì (ô đầu tiên: {cell}).',
    en: 'Sheet "{sheet}" is protected (Review > Unprotect Sheet): Phụ lục wrote nothing (first cell: {cell}).',
  },
  workbookProtected: {
    vi: 'Cấu trúc sổ tính đang được bảo vệ (Xem lại > Bảo vệ sổ làm việc): không thêm được trang "{sheet}".',
    en: 'The workbook structure is protected (Review > Protect Workbook): cannot add the sheet "{sheet}".',
  },
  tooManyMerges: {
    vi: 'Trang "{sheet}" có quá nhiều vùng gộp ô (trên 512) để Excel trả về một lần: chỉ đọc vùng gộp ở các dòng tiêu đề {rows}.',
    en: 'Sheet "{sheet}" has too many merged areas (over 512) for Excel to return at once: only those in the header rows {rows} are read.',
  },
  textsNotRead: {
    vi: 'Excel không trả về chữ hiển thị của {count} ô trên trang "{sheet}" (từ ô {cell}: ngày tháng, số kèm đơn vị): các ô đó được đọc theo giá trị.',
    en: 'Excel did not return the displayed text of {count} cells on sheet "{sheet}" (from cell {cell}: dates, numbers with units): those cells are read by their values.',
  },
  marksReadFailed: {
    vi: 'Không đọc được các ô tô màu của Phụ lục trên trang "{sheet}": {reason}',
    en: 'Could not read Phụ lục\'s highlights on sheet "{sheet}": {reason}',
  },
  marksWriteFailed: {
    vi: 'Không tô màu / bỏ tô màu được trên trang "{sheet}": {reason}',
    en: 'Could not add or remove highlights on sheet "{sheet}": {reason}',
  },
  undoKeptEdits: {
    vi: 'Đã hoàn tác trừ {count} ô bạn đã sửa sau khi Phụ lục ghi (giữ nguyên bản sửa của bạn) trên trang "{sheet}": {cells}',
    en: 'Undone, except {count} cells you edited after Phụ lục wrote them (your edits kept) on sheet "{sheet}": {cells}',
  },
  undoInMemory: {
    vi: 'Cấu trúc sổ tính đang được bảo vệ nên Phụ lục không tạo được trang "{sheet}" để lưu hoàn tác: chỉ hoàn tác được khi ngăn Phụ lục còn mở.',
    en: 'The workbook structure is protected, so Phụ lục cannot add the sheet "{sheet}" that keeps undo data: undo works only while the pane stays open.',
  },
  undoTooLarge: {
    vi: "Lần ghi này lớn ({cells} ô) nên Phụ lục chỉ giữ bản hoàn tác khi ngăn còn mở; Ctrl+Z của Excel vẫn hoàn tác được.",
    en: "This write is large ({cells} cells), so Phụ lục keeps its undo only while the pane stays open; Excel's Ctrl+Z still undoes it.",
  },
  undoGroupUnsupported: {
    vi: "Excel không gộp được lần ghi này thành một bước Ctrl+Z; đã ghi từng phần. Dùng nút Hoàn tác của Phụ lục để hoàn tác cả lần ghi.",
    en: "Excel could not make this write one Ctrl+Z step; it was written in parts. Use Phụ lục's Undo to undo all of it.",
  },
  printFitNotApplied: {
    vi: 'Excel chưa nhận cách in "vừa một trang chiều ngang" cho trang "{sheet}": hãy chọn Bố trí trang > Co giãn cho vừa > Chiều rộng: 1 trang.',
    en: 'Excel did not apply "fit to one page wide" for sheet "{sheet}": set Page Layout > Scale to Fit > Width: 1 page.',
  },
  sampleCellEdit: {
    vi: 'Excel đang ở chế độ sửa ô nên chưa thêm được trang "{sheet}": nhấn Enter hoặc Esc rồi bấm lại “Dùng bảng mẫu”.',
    en: 'Excel is editing a cell, so the sheet "{sheet}" was not added: press Enter or Esc, then “Use the sample table” again.',
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
    /** Office.js's error code behind it, when there is one ("UndoNotSupported", "AccessDenied"...). */
    readonly code = "",
  ) {
    super(message(id, args, lang));
    this.name = "OfficeHostError";
  }
}

/** Office.js error code ("AccessDenied", "InvalidOperationInCellEditMode", "UndoNotSupported"...), or "". */
export function codeOf(error: unknown): string {
  if (error && typeof error === "object" && "code" in error) return String((error as { code: unknown }).code);
  return "";
}

/** The message of an Office.js error without its stack or debug info. */
export function reasonOf(error: unknown): string {
  if (error && typeof error === "object" && "message" in error)
    return String((error as { message: unknown }).message);
  return String(error);
}
