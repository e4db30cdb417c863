// Strings the task pane and the standalone page show. Vietnamese is the default; English on request.
// The engine's finding messages live with the engine, not here.
import type { ColumnRole, RowKind, RuleId, Severity } from "../engine/report";

export type UiLang = "vi" | "en";

const vi = {
  appName: "Phụ lục",
  appTagline: "Kiểm tra bảng số liệu giảm nghèo",
  loading: "Đang đọc bảng…",
  analyzing: "Đang kiểm tra…",
  applying: "Đang ghi vào bảng…",
  undoing: "Đang hoàn tác…",
  marking: "Đang đánh dấu…",
  working: "Đang xử lý…",
  noGrid: "Trang tính đang trống: không có gì để kiểm tra.",
  noTable: "Không tìm thấy bảng số liệu giảm nghèo trên trang tính này.",
  readFailed: "Không đọc được trang tính",
  actionFailed: "Không thực hiện được",
  // toolbar
  check: "Kiểm tra",
  checkHint: "Đọc lại trang tính và kiểm tra",
  fixAll: "Sửa tất cả",
  fixAllHint: "Ghi giá trị và công thức đúng vào mọi ô tính được",
  fix: "Sửa",
  fixHint: "Sửa ô {cell}",
  confirmValue: "Giá trị này đúng",
  confirmValueHint: "Giá trị này đúng: ô {cell} không bị nghi nữa, kiểm tra lại",
  confirmedCells: "Ô đã xác nhận đúng",
  confirmedCellsHint: "Những ô này không bao giờ bị nghi là sai hay bị sửa.",
  unconfirm: "Bỏ xác nhận",
  unconfirmHint: "Bỏ xác nhận ô {cell}",
  undo: "Hoàn tác",
  undoHint: "Khôi phục những gì lần ghi trước đã thay",
  mark: "Đánh dấu",
  markHint: "Tô màu các ô có lỗi trên trang tính",
  clearMarks: "Xóa đánh dấu",
  clearMarksHint: "Bỏ màu đánh dấu, giữ nguyên định dạng của bạn",
  // tabs
  tabFindings: "Kết quả",
  tabTable: "Bảng",
  tabAppendix: "Lập phụ lục",
  tabSettings: "Cài đặt",
  views: "Các mục của ngăn",
  // summary
  summary: "Tóm tắt kết quả",
  sheet: "Trang tính",
  table: "Bảng",
  tableChoice: "Bảng {n} ({range})",
  errors: "Lỗi",
  warnings: "Cảnh báo",
  infos: "Thông tin",
  allClear: "Không phát hiện lỗi hay cảnh báo nào.",
  undecidedNote: "{n} ô số liệu gốc có thể gõ nhầm: cần bạn xem lại, không tự sửa.",
  fixedCount: "Đã ghi {n} ô.",
  notWritten: "Không ghi {n} ô, vì tệp không cho ghi ở đó: {list}.",
  notConverted: "{n} ô khác đã đúng giá trị nhưng không chuyển được sang công thức (tệp không cho ghi ở đó).",
  nothingToFix: "Không có ô nào cần sửa.",
  unicodeConvert: "Chuyển chữ sang Unicode",
  unicodeHint:
    "Trang tính gõ bằng bảng mã cũ (TCVN3/VNI). Phụ lục vẫn đọc được; bấm để chuyển chữ sang Unicode.",
  unicodeDone: "Đã chuyển {n} ô chữ sang Unicode (hoàn tác được).",
  undone: "Đã hoàn tác.",
  nothingToUndo: "Không có gì để hoàn tác.",
  marked: "Đã đánh dấu {n} ô.",
  marksCleared: "Đã xóa đánh dấu.",
  // finding
  findingsList: "Danh sách phát hiện",
  cell: "Ô",
  actual: "Hiện có",
  expected: "Đúng là",
  empty: "(trống)",
  goToCell: "Đến ô {cell}",
  related: "Liên quan",
  // table understanding
  columns: "Các cột",
  rows: "Các dòng",
  column: "Cột",
  header: "Tiêu đề",
  role: "Vai trò",
  period: "Kỳ",
  row: "Dòng",
  kind: "Loại dòng",
  label: "Tên",
  roleOf: "Vai trò của cột {col}",
  kindOf: "Loại của dòng {row}",
  corrected: "đã sửa",
  resetCorrections: "Bỏ các chỉnh sửa",
  understandingHint:
    "Nếu phần mềm hiểu sai một cột hay một dòng, hãy chọn lại; kết quả kiểm tra được tính lại ngay.",
  // settings
  settings: "Cài đặt",
  rateDecimals: "Số chữ số thập phân của tỷ lệ",
  rounding: "Cách làm tròn tỷ lệ",
  roundingHalfUp: "Làm tròn (5 lên)",
  roundingTruncate: "Cắt bớt (bỏ phần dư)",
  writeMode: "Khi sửa, ghi vào ô",
  writeFormulas: "Công thức",
  writeValues: "Giá trị",
  language: "Ngôn ngữ",
  langVi: "Tiếng Việt",
  langEn: "English",
  settingsSaved: "Đã lưu cài đặt.",
  // standalone
  openFile: "Mở tệp Excel",
  openFileHint: "Tệp được đọc ngay trong trình duyệt, không gửi đi đâu.",
  chooseSheet: "Trang tính",
  download: "Tải tệp đã sửa",
  noFile: "Chọn một tệp .xlsx để bắt đầu.",
  fileReadFailed: "Không đọc được tệp {file}",
  cancelReading: "Hủy",
  readingCancelled: "Đã hủy đọc tệp {file}.",
  notXlsx: "Tệp {file} không phải tệp Excel .xlsx.",
  standaloneTitle: "Phụ lục — kiểm tra bảng giảm nghèo",
  selectedCell: "Ô đang chọn: {cell}",
  preview: "Xem trước trang tính",
  cellMarked: "ô được đánh dấu",
  // fix-all, said before it is done
  refusedUnsure:
    "Không sửa ô nào: chưa chắc bảng được đọc đúng (xem cảnh báo về cấu trúc bảng). Hãy kiểm tra mục Bảng rồi kiểm tra lại.",
  fixedOne: "Đã sửa ô {cell}.",
  markFailed: "Không đánh dấu được",
  fixAllTitle: "Sửa tất cả sẽ ghi",
  fixAllSummary: "{fixes} ô sửa lỗi, {formulas} ô chuyển sang công thức",
  fixAllFixes: "Ô sửa lỗi (giá trị thay đổi)",
  fixAllFormulas: "Ô chuyển sang công thức (giá trị giữ nguyên)",
  fixAllKeepFormulas: "Chuyển cả các ô tính được sang công thức",
  fixAllUnchanged: "{n} ô đã có đúng công thức: không ghi lại.",
  fixAllNothing: "Không có ô nào cần sửa",
  confirmWrite: "Ghi {n} ô",
  cancel: "Hủy",
  changesTitle: "Những ô vừa ghi",
  before: "Trước",
  after: "Sau",
  close: "Đóng",
  // results out of the pane
  copyResults: "Sao chép kết quả",
  copyResultsHint: "Chép bản tóm tắt các phát hiện (văn bản thường) để dán vào báo cáo",
  copied: "Đã sao chép kết quả.",
  copyFailed: "Không sao chép được; hãy chọn và chép đoạn văn bản bên dưới.",
  exportList: "Xuất danh sách",
  exportListHint: "Tải danh sách các phát hiện về dạng tệp .xlsx",
  exported: "Đã tạo tệp {file}.",
  reportHeading: "Kết quả kiểm tra bảng {range}, trang tính “{sheet}”",
  reportCounts: "{errors} lỗi, {warnings} cảnh báo, {infos} thông tin.",
  reportNone: "Không phát hiện lỗi hay cảnh báo nào.",
  colSeverity: "Mức độ",
  colRule: "Loại",
  colMessage: "Nội dung",
  // grouped findings
  groupTitle: "{n} ô ở cột {col}: {rule}",
  groupCopied:
    "Các ô này ở cột {col} giống hệt cột {from} trên cùng dòng: có lẽ cột {col} đã bị chép nhầm từ cột {from}.",
  groupExample: "Ví dụ",
  fixSettlesLater:
    "Sửa sẽ ghi công thức {formula}: hiện công thức ra {now}, sẽ ra {expected} khi các ô khác bị báo lỗi được sửa.",
  showCells: "Xem {n} ô",
  hideCells: "Thu gọn",
  // marks
  marksSetting: "Tô màu ô có lỗi, cảnh báo ngay khi kiểm tra",
  markInfosSetting: "Tô màu cả ô thông tin",
  increment: "Tăng một",
  decrement: "Giảm một",
  // first run and help
  guideTitle: "Bắt đầu trong 3 bước",
  guideStep1: "Mở trang tính có bảng số liệu (hoặc chọn vùng bảng).",
  guideStep2: "Bấm “Kiểm tra”: ô sai được tô màu, danh sách ở mục “Kết quả”.",
  guideStep3: "Bấm “Sửa” từng ô hoặc “Sửa tất cả”; “Hoàn tác” nếu cần. Mục “Lập phụ lục” tạo phụ lục.",
  useSample: "Dùng bảng mẫu",
  guideClose: "Đã hiểu",
  help: "Trợ giúp",
  helpTitle: "Trợ giúp",
  helpBack: "Quay lại",
  sampleSheet: "Bảng mẫu",
  // table view on demand
  rowsCount: "{n} dòng. Bấm vào loại dòng để sửa.",
  editKind: "{kind}: đổi loại của dòng {row}",
  previewRows: "Trang tính có {n} dòng, {cols} cột.",
  previewCols: "Chỉ hiện {shown} trên {cols} cột đầu.",
  dropHere: "Hoặc kéo thả tệp .xlsx vào trang này",
  unsavedOpen: "Những sửa đổi trên tệp {file} chưa được tải về. Mở tệp khác sẽ bỏ chúng. Vẫn mở?",
  unsavedLeave: "Có sửa đổi chưa tải về.",
  severityMark: "{severity} tại ô này",
  showMoreCells: "Xem thêm {n} ô (còn {left} ô)",
};

export type UiStrings = typeof vi;

const en: UiStrings = {
  appName: "Phụ lục",
  appTagline: "Check poverty-reduction tables",
  loading: "Reading the table…",
  analyzing: "Checking…",
  applying: "Writing to the sheet…",
  undoing: "Undoing…",
  marking: "Marking…",
  working: "Working…",
  noGrid: "The sheet is empty: nothing to check.",
  noTable: "No poverty-reduction table found on this sheet.",
  readFailed: "Could not read the sheet",
  actionFailed: "Could not complete the action",
  check: "Check",
  checkHint: "Read the sheet again and check it",
  fixAll: "Fix all",
  fixAllHint: "Write the correct value and formula into every derived cell",
  fix: "Fix",
  fixHint: "Fix cell {cell}",
  confirmValue: "This value is right",
  confirmValueHint: "This value is right: stop suspecting {cell} and check again",
  confirmedCells: "Cells confirmed right",
  confirmedCellsHint: "These cells are never suspected or corrected.",
  unconfirm: "Remove",
  unconfirmHint: "Remove the confirmation of {cell}",
  undo: "Undo",
  undoHint: "Restore what the last write replaced",
  mark: "Mark",
  markHint: "Highlight the cells with findings on the sheet",
  clearMarks: "Clear marks",
  clearMarksHint: "Remove the highlights, keeping your own formatting",
  tabFindings: "Findings",
  tabTable: "Table",
  tabAppendix: "Appendix",
  tabSettings: "Settings",
  views: "Pane sections",
  summary: "Summary of results",
  sheet: "Sheet",
  table: "Table",
  tableChoice: "Table {n} ({range})",
  errors: "Errors",
  warnings: "Warnings",
  infos: "Info",
  allClear: "No errors or warnings found.",
  undecidedNote: "{n} input cells look mistyped: please review them; they are not fixed automatically.",
  fixedCount: "Cells written: {n}.",
  notWritten: "Not written, because the file does not allow writing there ({n}): {list}.",
  notConverted:
    "{n} other cell(s) already hold the right value but could not become formulas (the file does not allow writing there).",
  nothingToFix: "Nothing to fix.",
  unicodeConvert: "Convert text to Unicode",
  unicodeHint:
    "This sheet is typed in a legacy encoding (TCVN3/VNI). Phụ lục still reads it; press to convert its text to Unicode.",
  unicodeDone: "Converted {n} text cells to Unicode (can be undone).",
  undone: "Undone.",
  nothingToUndo: "Nothing to undo.",
  marked: "{n} cells marked.",
  marksCleared: "Marks cleared.",
  findingsList: "Findings",
  cell: "Cell",
  actual: "Found",
  expected: "Expected",
  empty: "(empty)",
  goToCell: "Go to cell {cell}",
  related: "Related",
  columns: "Columns",
  rows: "Rows",
  column: "Column",
  header: "Header",
  role: "Role",
  period: "Period",
  row: "Row",
  kind: "Row kind",
  label: "Label",
  roleOf: "Role of column {col}",
  kindOf: "Kind of row {row}",
  corrected: "corrected",
  resetCorrections: "Discard corrections",
  understandingHint: "If a column or row was misread, pick the right one; the checks run again at once.",
  settings: "Settings",
  rateDecimals: "Decimals of rates",
  rounding: "Rate rounding",
  roundingHalfUp: "Round half up",
  roundingTruncate: "Truncate",
  writeMode: "When fixing, write",
  writeFormulas: "Formulas",
  writeValues: "Values",
  language: "Language",
  langVi: "Tiếng Việt",
  langEn: "English",
  settingsSaved: "Settings saved.",
  openFile: "Open an Excel file",
  openFileHint: "The file is read inside the browser and never sent anywhere.",
  chooseSheet: "Sheet",
  download: "Download the corrected file",
  noFile: "Choose an .xlsx file to start.",
  fileReadFailed: "Could not read the file {file}",
  cancelReading: "Cancel",
  readingCancelled: "Reading {file} was cancelled.",
  notXlsx: "{file} is not an Excel .xlsx file.",
  standaloneTitle: "Phụ lục — check poverty-reduction tables",
  selectedCell: "Selected cell: {cell}",
  preview: "Sheet preview",
  cellMarked: "marked cell",
  refusedUnsure:
    "No cell was fixed: the table may not have been read right (see the warning about its structure). Check the Table view, then check again.",
  fixedOne: "Cell {cell} fixed.",
  markFailed: "Could not mark the cells",
  fixAllTitle: "Fix all will write",
  fixAllSummary: "{fixes} cells fixed, {formulas} cells turned into formulas",
  fixAllFixes: "Cells fixed (the value changes)",
  fixAllFormulas: "Cells turned into formulas (same value)",
  fixAllKeepFormulas: "Also turn derived cells into formulas",
  fixAllUnchanged: "{n} cells already hold the right formula: not written again.",
  fixAllNothing: "Nothing to fix",
  confirmWrite: "Write {n} cells",
  cancel: "Cancel",
  changesTitle: "Cells just written",
  before: "Before",
  after: "After",
  close: "Close",
  copyResults: "Copy results",
  copyResultsHint: "Copy a plain-text summary of the findings to paste into a report",
  copied: "Results copied.",
  copyFailed: "Could not copy; select and copy the text below.",
  exportList: "Export list",
  exportListHint: "Download the findings as an .xlsx file",
  exported: "{file} created.",
  reportHeading: "Check of table {range}, sheet “{sheet}”",
  reportCounts: "{errors} errors, {warnings} warnings, {infos} info.",
  reportNone: "No errors or warnings found.",
  colSeverity: "Severity",
  colRule: "Kind",
  colMessage: "Finding",
  groupTitle: "{n} cells in column {col}: {rule}",
  groupCopied:
    "These cells of column {col} hold exactly what column {from} holds on the same rows: column {col} was probably copied from column {from} by mistake.",
  groupExample: "For example",
  fixSettlesLater:
    "Fix writes the formula {formula}: it gives {now} now, and {expected} once the other cells reported wrong are corrected.",
  showCells: "Show {n} cells",
  hideCells: "Collapse",
  marksSetting: "Colour cells with errors and warnings as soon as a check runs",
  markInfosSetting: "Colour info cells too",
  increment: "Increase by one",
  decrement: "Decrease by one",
  guideTitle: "Start in 3 steps",
  guideStep1: "Open the sheet with the table (or select the table).",
  guideStep2: "Press “Check”: wrong cells are coloured and listed under “Findings”.",
  guideStep3: "Press “Fix” on a cell or “Fix all”; “Undo” if needed. “Appendix” makes an appendix.",
  useSample: "Use the sample table",
  guideClose: "Got it",
  help: "Help",
  helpTitle: "Help",
  helpBack: "Back",
  sampleSheet: "Sample table",
  rowsCount: "{n} rows. Press a row's kind to change it.",
  editKind: "{kind}: change the kind of row {row}",
  previewRows: "The sheet has {n} rows, {cols} columns.",
  previewCols: "Only the first {shown} of {cols} columns are shown.",
  dropHere: "Or drop an .xlsx file on this page",
  unsavedOpen:
    "The changes to {file} have not been downloaded. Opening another file discards them. Open anyway?",
  unsavedLeave: "There are changes not downloaded.",
  severityMark: "{severity} in this cell",
  showMoreCells: "Show {n} more cells ({left} left)",
};

const STRINGS: Record<UiLang, UiStrings> = { vi, en };

export function uiStrings(lang: UiLang): UiStrings {
  return STRINGS[lang] ?? vi;
}

/** Fills `{name}` placeholders. */
export function fmt(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );
}

export const ROLE_NAMES: Record<UiLang, Record<ColumnRole, string>> = {
  vi: {
    rowNumber: "Số thứ tự (STT)",
    unitName: "Tên đơn vị",
    households: "Tổng số hộ",
    persons: "Nhân khẩu",
    poorHouseholds: "Số hộ nghèo",
    nearPoorHouseholds: "Số hộ cận nghèo",
    poorAndNearPoorHouseholds: "Hộ nghèo và cận nghèo",
    poorPersons: "Khẩu nghèo",
    nearPoorPersons: "Khẩu cận nghèo",
    poorRate: "Tỷ lệ hộ nghèo (%)",
    nearPoorRate: "Tỷ lệ hộ cận nghèo (%)",
    multidimRate: "Tỷ lệ nghèo đa chiều (%)",
    reduction: "Số hộ nghèo giảm",
    nearPoorReduction: "Số hộ cận nghèo giảm",
    rateReduction: "Tỷ lệ giảm (điểm %)",
    escaped: "Số hộ thoát nghèo",
    fellBack: "Số hộ tái nghèo",
    newlyPoor: "Số hộ nghèo phát sinh",
    otherDecrease: "Giảm khác",
    otherIncrease: "Tăng khác",
    note: "Ghi chú",
    other: "Khác (không kiểm tra)",
  },
  en: {
    rowNumber: "Row number",
    unitName: "Unit name",
    households: "Households",
    persons: "Persons",
    poorHouseholds: "Poor households",
    nearPoorHouseholds: "Near-poor households",
    poorAndNearPoorHouseholds: "Poor + near-poor households",
    poorPersons: "Poor persons",
    nearPoorPersons: "Near-poor persons",
    poorRate: "Poor rate (%)",
    nearPoorRate: "Near-poor rate (%)",
    multidimRate: "Multidimensional poverty rate (%)",
    reduction: "Reduction in poor households",
    nearPoorReduction: "Reduction in near-poor households",
    rateReduction: "Rate reduction (points)",
    escaped: "Escaped poverty",
    fellBack: "Fell back into poverty",
    newlyPoor: "Newly poor",
    otherDecrease: "Other decrease",
    otherIncrease: "Other increase",
    note: "Note",
    other: "Other (not checked)",
  },
};

export const ROW_KIND_NAMES: Record<UiLang, Record<RowKind, string>> = {
  vi: {
    unit: "Đơn vị",
    group: "Nhóm (khu vực)",
    subtotal: "Cộng nhóm",
    total: "Tổng cộng",
    part: "Trong đó",
  },
  en: { unit: "Unit", group: "Group", subtotal: "Subtotal", total: "Total", part: "Of which" },
};

export const SEVERITY_NAMES: Record<UiLang, Record<Severity, string>> = {
  vi: { error: "Lỗi", warning: "Cảnh báo", info: "Thông tin" },
  en: { error: "Errors", warning: "Warnings", info: "Info" },
};

export const RULE_NAMES: Record<UiLang, Record<RuleId, string>> = {
  vi: {
    "sum-mismatch": "Tổng không khớp",
    "rate-mismatch": "Tỷ lệ sai",
    "rate-rounding": "Tỷ lệ bị cắt thay vì làm tròn",
    "malformed-number": "Số viết sai dạng",
    "number-as-text": "Số lưu dạng văn bản",
    "non-integer-count": "Số hộ không phải số nguyên",
    "negative-count": "Số âm",
    "count-exceeds-total": "Phần lớn hơn tổng",
    "rate-out-of-range": "Tỷ lệ ngoài khoảng 0–100",
    "reduction-mismatch": "Số giảm không khớp",
    "projection-mismatch": "Số dự kiến không khớp",
    "reduction-exceeds-poor": "Giảm nhiều hơn số hộ nghèo",
    "missing-value": "Thiếu số liệu",
    "formula-error": "Lỗi công thức",
    "inconsistent-formula": "Công thức khác cả cột",
    "structure-unsure": "Chưa chắc đã hiểu đúng bảng",
    "legacy-encoding": "Bảng mã cũ (TCVN3/VNI)",
    "copied-column": "Cột bị chép từ cột khác",
    "duplicate-unit": "Đơn vị có hai lần",
    "reading-adopted": "Cột được đọc theo số liệu",
    "column-unchecked": "Cột chưa kiểm tra được",
  },
  en: {
    "sum-mismatch": "Total does not add up",
    "rate-mismatch": "Wrong rate",
    "rate-rounding": "Rate truncated instead of rounded",
    "malformed-number": "Malformed number",
    "number-as-text": "Number stored as text",
    "non-integer-count": "Count is not a whole number",
    "negative-count": "Negative count",
    "count-exceeds-total": "Part exceeds its whole",
    "rate-out-of-range": "Rate outside 0–100",
    "reduction-mismatch": "Reduction does not match",
    "projection-mismatch": "Projection does not match",
    "reduction-exceeds-poor": "Reduction exceeds poor households",
    "missing-value": "Missing value",
    "formula-error": "Formula error",
    "inconsistent-formula": "Formula breaks its column's pattern",
    "structure-unsure": "Table structure unsure",
    "legacy-encoding": "Legacy encoding (TCVN3/VNI)",
    "copied-column": "Column copied from another",
    "duplicate-unit": "Unit listed twice",
    "reading-adopted": "Column read from its figures",
    "column-unchecked": "Column could not be checked",
  },
};

/** A column's period as people say it: "2023" → "Năm 2023", "start" → "Đầu kỳ", "plan 2024" → "Kế hoạch 2024". */
export function periodName(period: string, lang: UiLang): string {
  const p = period.trim();
  if (p === "") return "—";
  const words: Record<string, [string, string]> = {
    start: ["Đầu kỳ", "Start"],
    end: ["Cuối kỳ", "End"],
    plan: ["Kế hoạch", "Plan"],
    planned: ["Kế hoạch", "Plan"],
    estimated: ["Ước thực hiện", "Estimated"],
    estimate: ["Ước thực hiện", "Estimated"],
    target: ["Chỉ tiêu", "Target"],
  };
  const idx = lang === "vi" ? 0 : 1;
  if (/^\d{4}$/.test(p)) return lang === "vi" ? `Năm ${p}` : p;
  return p
    .split(/\s+/)
    .map((w) => words[w.toLowerCase()]?.[idx] ?? w)
    .join(" ");
}

/** Numbers the way Vietnamese readers write them (1.518; 13,70); English style in English. */
export function formatNumber(
  value: number | string | null | undefined,
  lang: UiLang,
  /** Excel number format: its decimals ("0.00" → 2) win over the value's own. */
  numberFormat?: string,
): string {
  if (value === null || value === undefined || value === "") return uiStrings(lang).empty;
  if (typeof value === "string") return value;
  const shown = numberFormat ? /0\.(0+)/.exec(numberFormat) : null;
  const decimals = shown ? shown[1].length : Number.isInteger(value) ? 0 : Math.min(countDecimals(value), 4);
  return numberFormatter(lang, decimals).format(value);
}

/** One formatter per language and decimals: building an Intl.NumberFormat costs far more than using one. */
const FORMATTERS = new Map<string, Intl.NumberFormat>();
function numberFormatter(lang: UiLang, decimals: number): Intl.NumberFormat {
  const key = `${lang}:${decimals}`;
  let f = FORMATTERS.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === "vi" ? "vi-VN" : "en-US", {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    FORMATTERS.set(key, f);
  }
  return f;
}

function countDecimals(value: number): number {
  const s = String(value);
  if (s.includes("e-")) return 4;
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}
