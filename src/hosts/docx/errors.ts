// Why a Word document could not be read, in words a user understands. Browser-safe (no Node imports).
import type { Lang } from "../../i18n/lang";

export type DocxReadErrorCode =
  "empty" | "legacy-doc" | "encrypted" | "not-docx" | "corrupt" | "too-large" | "bomb";

const MESSAGES: Record<DocxReadErrorCode, Record<Lang, (file: string, detail: string) => string>> = {
  empty: {
    vi: (f) => `tệp "${f}" rỗng (0 byte), không phải văn bản Word`,
    en: (f) => `"${f}" is empty (0 bytes), not a Word document`,
  },
  "legacy-doc": {
    vi: (f) => `tệp "${f}" là định dạng Word cũ (.doc); hãy mở bằng Word và lưu thành .docx`,
    en: (f) => `"${f}" is an old Word file (.doc); open it in Word and save it as .docx`,
  },
  encrypted: {
    vi: (f) => `tệp "${f}" được đặt mật khẩu; hãy mở bằng Word, bỏ mật khẩu rồi lưu lại`,
    en: (f) => `"${f}" is password-protected; open it in Word, remove the password and save it again`,
  },
  "not-docx": {
    vi: (f) => `tệp "${f}" không phải là văn bản Word (.docx)`,
    en: (f) => `"${f}" is not a Word document (.docx)`,
  },
  corrupt: {
    vi: (f, d) =>
      `không đọc được tệp "${f}": tệp .docx bị hỏng hoặc không đúng định dạng${d ? ` (${d})` : ""}`,
    en: (f, d) => `cannot read "${f}": the .docx file is damaged or malformed${d ? ` (${d})` : ""}`,
  },
  "too-large": {
    vi: (f, d) => `tệp "${f}" quá lớn để xử lý an toàn${d ? ` (${d})` : ""}`,
    en: (f, d) => `"${f}" is too large to handle safely${d ? ` (${d})` : ""}`,
  },
  bomb: {
    vi: (f, d) =>
      `tệp "${f}" bị nén bất thường (giải nén ra lớn gấp hàng trăm lần), có thể là tệp độc hại; không mở${d ? ` (${d})` : ""}`,
    en: (f, d) =>
      `"${f}" is abnormally compressed (expands hundreds of times), possibly malicious; not opened${d ? ` (${d})` : ""}`,
  },
};

export class DocxReadError extends Error {
  constructor(
    readonly code: DocxReadErrorCode,
    readonly file: string,
    readonly detail = "",
    readonly lang: Lang = "vi",
  ) {
    super(MESSAGES[code][lang](file, detail));
    this.name = "DocxReadError";
  }

  /** The same error in another language. */
  in(lang: Lang, file = this.file): DocxReadError {
    return new DocxReadError(this.code, file, this.detail, lang);
  }
}
