// Why a workbook could not be read, in words a user understands. Browser-safe (no Node imports).
import type { Lang } from "../../engine/model";

export type XlsxReadErrorCode =
  | "not-found"
  | "not-a-file"
  | "no-access"
  | "empty"
  | "encrypted"
  | "legacy-xls"
  | "not-xlsx"
  | "corrupt"
  | "no-sheet"
  | "unknown-sheet"
  | "write-failed";

const MESSAGES: Record<XlsxReadErrorCode, Record<Lang, (file: string, detail: string) => string>> = {
  "not-found": {
    vi: (f) => `không tìm thấy tệp "${f}"`,
    en: (f) => `file not found: "${f}"`,
  },
  "not-a-file": {
    vi: (f) => `"${f}" không phải là một tệp (có thể là thư mục)`,
    en: (f) => `"${f}" is not a file (a directory?)`,
  },
  "no-access": {
    vi: (f) => `không có quyền đọc tệp "${f}"`,
    en: (f) => `no permission to read "${f}"`,
  },
  empty: {
    vi: (f) => `tệp "${f}" rỗng (0 byte), không phải bảng tính Excel`,
    en: (f) => `"${f}" is empty (0 bytes), not an Excel workbook`,
  },
  encrypted: {
    vi: (f) =>
      `tệp "${f}" được đặt mật khẩu; hãy mở bằng Excel, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ sổ làm việc) rồi lưu lại`,
    en: (f) => `"${f}" is password-protected; open it in Excel, remove the password and save it again`,
  },
  "legacy-xls": {
    vi: (f) => `tệp "${f}" là định dạng Excel cũ (.xls); hãy mở bằng Excel và lưu thành .xlsx`,
    en: (f) => `"${f}" is an old Excel file (.xls); open it in Excel and save it as .xlsx`,
  },
  "not-xlsx": {
    vi: (f) => `tệp "${f}" không phải là bảng tính Excel (.xlsx)`,
    en: (f) => `"${f}" is not an Excel workbook (.xlsx)`,
  },
  corrupt: {
    vi: (f, d) =>
      `không đọc được tệp "${f}": tệp .xlsx bị hỏng hoặc không đúng định dạng${d ? ` (${d})` : ""}`,
    en: (f, d) => `cannot read "${f}": the .xlsx file is damaged or malformed${d ? ` (${d})` : ""}`,
  },
  "no-sheet": {
    vi: (f) => `tệp "${f}" không có trang tính nào`,
    en: (f) => `"${f}" has no worksheet`,
  },
  "unknown-sheet": {
    vi: (f, d) => `tệp "${f}" không có trang tính ${d}`,
    en: (f, d) => `"${f}" has no sheet ${d}`,
  },
  "write-failed": {
    vi: (f, d) => `không ghi được tệp "${f}"${d ? `: ${d}` : ""}`,
    en: (f, d) => `cannot write "${f}"${d ? `: ${d}` : ""}`,
  },
};

/** A workbook that cannot be read or written; the message is meant for the user, as is. */
export class XlsxReadError extends Error {
  constructor(
    readonly code: XlsxReadErrorCode,
    readonly file: string,
    readonly detail = "",
    readonly lang: Lang = "vi",
  ) {
    super(MESSAGES[code][lang](file, detail));
    this.name = "XlsxReadError";
  }

  /** The same error in another language. */
  inLang(lang: Lang): XlsxReadError {
    return new XlsxReadError(this.code, this.file, this.detail, lang);
  }
}
