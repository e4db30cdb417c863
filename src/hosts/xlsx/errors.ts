// Why a workbook could not be read, in words a user understands. Browser-safe (no Node imports).
import type { Lang } from "../../i18n/lang";
import { showCount } from "../../i18n/numbers";

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
  | "write-failed"
  | "ods"
  | "csv"
  | "too-large"
  | "bomb"
  | "sheet-damaged"
  | "exists"
  | "read-only"
  | "verify-failed"
  | "limit"
  | "utf16"
  | "changed-meanwhile";

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
      `không đọc được tệp "${f}": tệp .xlsx bị hỏng hoặc không đúng định dạng${d ? ` (${explain(d, "vi")})` : ""}`,
    en: (f, d) =>
      `cannot read "${f}": the .xlsx file is damaged or malformed${d ? ` (${explain(d, "en")})` : ""}`,
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
    vi: (f, d) => `không ghi được tệp "${f}"${d ? `: ${errnoText(d, "vi")}` : ""}`,
    en: (f, d) => `cannot write "${f}"${d ? `: ${errnoText(d, "en")}` : ""}`,
  },
  ods: {
    vi: (f) =>
      `tệp "${f}" là bảng tính OpenDocument (.ods); hãy mở bằng LibreOffice hoặc Excel và lưu thành .xlsx`,
    en: (f) =>
      `"${f}" is an OpenDocument spreadsheet (.ods); open it in LibreOffice or Excel and save it as .xlsx`,
  },
  csv: {
    vi: (f) =>
      `tệp "${f}" không phải là bảng tính Excel (.xlsx) mà là tệp văn bản (.csv), không có công thức hay định dạng; hãy mở bằng Excel và lưu thành .xlsx`,
    en: (f) =>
      `"${f}" is not an Excel workbook (.xlsx) but a text file (.csv) with no formulas or formats; open it in Excel and save it as .xlsx`,
  },
  "too-large": {
    vi: (f, d) => `tệp "${f}" quá lớn để xử lý an toàn${d ? ` (${explain(d, "vi")})` : ""}`,
    en: (f, d) => `"${f}" is too large to handle safely${d ? ` (${explain(d, "en")})` : ""}`,
  },
  bomb: {
    vi: (f, d) =>
      `tệp "${f}" bị nén bất thường (giải nén ra lớn gấp hàng trăm lần), có thể là tệp độc hại; không mở${d ? ` (${d})` : ""}`,
    en: (f, d) =>
      `"${f}" is abnormally compressed (expands hundreds of times), possibly malicious; not opened${d ? ` (${d})` : ""}`,
  },
  "sheet-damaged": {
    vi: (f, d) => `không đọc được tệp "${f}", trang tính ${explain(d, "vi")}: phần này của tệp bị hỏng`,
    en: (f, d) => `cannot read "${f}", sheet ${explain(d, "en")}: this part of the file is damaged`,
  },
  exists: {
    vi: (f) => `tệp "${f}" đã có; thêm --force nếu muốn ghi đè, hoặc chọn tên khác`,
    en: (f) => `"${f}" already exists; add --force to overwrite it, or choose another name`,
  },
  "read-only": {
    vi: (f) => `tệp "${f}" chỉ cho phép đọc; không ghi đè`,
    en: (f) => `"${f}" is read-only; not overwritten`,
  },
  "verify-failed": {
    vi: (f, d) => `không ghi tệp "${f}": bản kiểm tra lại thiếu ${d}; tệp gốc được giữ nguyên`,
    en: (f, d) => `"${f}" not written: the re-read copy lacks ${d}; the original is untouched`,
  },
  "changed-meanwhile": {
    vi: (f, d) =>
      `tệp "${f}" đã được chương trình khác lưu lại trong lúc Phụ lục sửa: bản đó được giữ nguyên, bản đã sửa được ghi bên cạnh vào "${d}"`,
    en: (f, d) =>
      `"${f}" was saved by another program while Phụ lục was fixing it: that save is kept, the fixed copy was written beside it to "${d}"`,
  },
  limit: {
    vi: (f, d) =>
      `không mở tệp "${f}": phần ${explain(d, "vi")}; tệp bị hỏng hoặc được tạo bất thường (có thể là tệp độc hại)`,
    en: (f, d) =>
      `"${f}" not opened: part ${explain(d, "en")}; the file is damaged or crafted (possibly malicious)`,
  },
  utf16: {
    vi: (f, d) =>
      `không đọc được tệp "${f}": phần ${d} được mã hóa UTF-16, Phụ lục chỉ đọc UTF-8; hãy mở tệp bằng Excel và lưu lại (Excel lưu bằng UTF-8)`,
    en: (f, d) =>
      `cannot read "${f}": part ${d} is encoded in UTF-16 and Phụ lục reads UTF-8 only; open the file in Excel and save it again (Excel saves UTF-8)`,
  },
};

/**
 * Details that carry a reason as data (`where\treason\tvalue`), so the same error can be worded in either language
 * (the CLI and the page re-create errors in the user's language from code, file and detail).
 */
export type ReasonKind =
  | "depth"
  | "attributes"
  | "tag"
  | "text"
  | "doctype"
  | "beyond-grid"
  | "crc"
  | "duplicate"
  | "cells"
  | "time"
  | "memory";

export function reasonDetail(where: string, kind: ReasonKind, value: string | number = ""): string {
  return `${where}\t${kind}\t${value}`;
}

const count = (n: number, lang: Lang) => showCount(n, lang);

const REASONS: Record<ReasonKind, Record<Lang, (value: string) => string>> = {
  depth: {
    vi: (v) => `có các phần tử lồng nhau quá ${count(Number(v), "vi")} cấp`,
    en: (v) => `nests elements deeper than ${count(Number(v), "en")} levels`,
  },
  attributes: {
    vi: (v) => `có một phần tử mang hơn ${count(Number(v), "vi")} thuộc tính`,
    en: (v) => `has an element with more than ${count(Number(v), "en")} attributes`,
  },
  tag: {
    vi: (v) => `có một thẻ dài hơn ${count(Number(v), "vi")} ký tự`,
    en: (v) => `has a tag longer than ${count(Number(v), "en")} characters`,
  },
  text: {
    vi: (v) => `có một đoạn văn bản dài hơn ${count(Number(v), "vi")} ký tự`,
    en: (v) => `has a run of text longer than ${count(Number(v), "en")} characters`,
  },
  doctype: {
    vi: () => `có khai báo DTD (<!DOCTYPE>), điều tệp .xlsx không được phép có`,
    en: () => `has a DTD (<!DOCTYPE>), which an .xlsx file must not have`,
  },
  "beyond-grid": {
    vi: (v) =>
      `${/^\d+$/.test(v) ? "dòng" : "ô"} ${v} nằm ngoài lưới của Excel (tối đa 1.048.576 dòng, đến cột XFD)`,
    en: (v) =>
      `${/^\d+$/.test(v) ? "row" : "cell"} ${v} lies outside Excel's grid (at most 1,048,576 rows, up to column XFD)`,
  },
  crc: {
    vi: () => `dữ liệu không khớp mã kiểm tra CRC`,
    en: () => `the data does not match its CRC checksum`,
  },
  duplicate: {
    vi: () => `có hai phần cùng tên trong tệp nén`,
    en: () => `two entries of the package have the same name`,
  },
  cells: {
    vi: (v) => `có hơn ${count(Number(v), "vi")} ô, quá sức của trang web; hãy dùng lệnh phuluc`,
    en: (v) =>
      `has more than ${count(Number(v), "en")} cells, more than the page can hold; use the phuluc command`,
  },
  time: {
    vi: (v) => `đọc quá ${count(Number(v), "vi")} giây, đã dừng`,
    en: (v) => `reading took more than ${count(Number(v), "en")} seconds and was stopped`,
  },
  memory: {
    vi: () => `cần nhiều bộ nhớ hơn trang web có, đã dừng`,
    en: () => `it needs more memory than the page has and was stopped`,
  },
};

/** A detail in words: `where: reason` for reason details, anything else as it is. */
export function explain(detail: string, lang: Lang): string {
  const [where, kind, value] = detail.split("\t");
  const reason = kind !== undefined ? REASONS[kind as ReasonKind] : undefined;
  if (!reason) return detail;
  // The bounds read as a verb after the part ("xl/… has …"); the others as a note ("xl/…: …").
  const sep = !where ? "" : kind === "beyond-grid" || kind === "crc" || kind === "duplicate" ? ": " : " ";
  return `${where}${sep}${reason[lang](value ?? "")}`;
}

const ERRNO: Record<string, Record<Lang, string>> = {
  ENOSPC: { vi: "ổ đĩa đã đầy", en: "the disk is full" },
  EDQUOT: { vi: "đã hết hạn mức dung lượng", en: "disk quota exceeded" },
  EROFS: { vi: "ổ đĩa chỉ cho phép đọc", en: "the disk is read-only" },
  EACCES: { vi: "không có quyền ghi vào đó", en: "no permission to write there" },
  EPERM: { vi: "không được phép ghi vào đó", en: "not permitted to write there" },
  ENOENT: { vi: "thư mục không tồn tại", en: "the folder does not exist" },
  ENOTDIR: { vi: "đường dẫn không phải là thư mục", en: "a part of the path is not a folder" },
  EISDIR: { vi: "đó là một thư mục", en: "it is a folder" },
  EBUSY: { vi: "tệp đang được chương trình khác mở", en: "the file is in use by another program" },
  ETXTBSY: { vi: "tệp đang được chương trình khác mở", en: "the file is in use by another program" },
  EMFILE: { vi: "mở quá nhiều tệp cùng lúc", en: "too many open files" },
  EXDEV: { vi: "không thể chuyển tệp giữa hai ổ đĩa", en: "cannot move the file across disks" },
  ENAMETOOLONG: { vi: "tên tệp quá dài", en: "the file name is too long" },
  EIO: { vi: "lỗi đọc/ghi ổ đĩa", en: "disk input/output error" },
};

/** An errno code (ENOSPC ...) in words; other details pass through. */
function errnoText(detail: string, lang: Lang): string {
  return ERRNO[detail]?.[lang] ?? detail;
}

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
