// Finding sentences, Vietnamese first, built from parameters already formatted for the reader. Only
// src/i18n/findings.ts calls these (the engine never does: its findings are data).
import type { RuleId } from "../engine";

export type MessageLang = "vi" | "en";

export interface MessageParams {
  cell: string;
  actual: string;
  expected?: string;
  related?: string;
  /** Extra wording for the variant of a rule (e.g. an input cell blamed for a total). */
  detail?: string;
  [key: string]: string | undefined;
  formula?: string;
  pattern?: string;
  whole?: string;
  wholeCell?: string;
  /** The cell in the row above or below that holds the same value: a copy-paste. */
  copiedFrom?: string;
  /** "1" when the copied cell is in the row above. */
  copiedAbove?: string;
}

type Builder = (p: MessageParams) => string;

/**
 * What a sentence is built for: a rule, or a variant of one with its own words (a suspected typo, a rate
 * reduction checked by the projection rules). `copied-column` and `duplicate-unit` are the engine's new rules.
 */
export type MessageRule = RuleId | "input-typo" | "rate-reduction" | "copied-column" | "duplicate-unit";

const VI_ASSUMED: Record<string, string> = {
  rate: "tỷ lệ",
  sum: "dòng tổng bằng cộng các dòng con",
  reduction: "số giảm",
  linear: "quan hệ",
};
const EN_ASSUMED: Record<string, string> = {
  rate: "the rate",
  sum: "totals as sums of their rows",
  reduction: "the reduction",
  linear: "the relation",
};

const VI: Record<MessageRule, Builder> = {
  "sum-mismatch": (p) =>
    `Tổng không khớp: ô ${p.cell} ghi ${p.actual}, cộng ${p.related ?? "các dòng"} được ${p.expected}.` +
    (p.duplicateCell
      ? ` Nhưng đơn vị ở ô ${p.duplicateCell} trùng với ô ${p.duplicateOf}: có thể dòng đó bị dán đè lên một đơn vị khác. Xem lại dòng đó trước; tổng chưa được sửa.`
      : ""),
  "input-typo": (p) =>
    `Có thể nhập sai: ô ${p.cell} ghi ${p.actual}; giá trị khớp với ${p.detail ?? "tổng và tỷ lệ"} là ${p.expected}.`,
  "rate-reduction": (p) =>
    `Tỷ lệ giảm không khớp: ô ${p.cell} ghi ${p.actual}, tính từ ${p.related} được ${p.expected}.`,
  "rate-mismatch": (p) =>
    p.expected !== undefined
      ? `Tỷ lệ sai: ô ${p.cell} ghi ${p.actual}, tính từ ${p.related} được ${p.expected}.`
      : `Tỷ lệ ô ${p.cell} (${p.actual}) không khớp với số hộ và các tỷ lệ khác cùng dòng${p.consistentFrom !== undefined ? ` (khớp khi tỷ lệ trong khoảng ${p.consistentFrom}–${p.consistentTo})` : ""}.`,
  "rate-rounding": (p) =>
    `Tỷ lệ bị cắt bớt thay vì làm tròn: ô ${p.cell} ghi ${p.actual}, làm tròn đúng là ${p.expected}.`,
  "malformed-number": (p) => `Không đọc được số: ô ${p.cell} ghi "${p.actual}".`,
  "number-as-text": (p) => `Số được lưu dạng văn bản: ô ${p.cell} ghi "${p.actual}", đọc là ${p.expected}.`,
  "non-integer-count": (p) =>
    p.expected !== undefined
      ? `Số đếm phải là số nguyên: ô ${p.cell} ghi số thập phân ${p.actual}; có lẽ là ${p.expected} (dấu chấm phân cách hàng nghìn bị hiểu thành dấu thập phân).`
      : `Số đếm phải là số nguyên: ô ${p.cell} ghi ${p.actual}.`,
  "negative-count": (p) => `Số đếm không được âm: ô ${p.cell} ghi ${p.actual}.`,
  "count-exceeds-total": (p) =>
    `Phần lớn hơn tổng: ô ${p.cell} ghi ${p.actual}, lớn hơn ${p.whole} ở ô ${p.wholeCell}.`,
  "rate-out-of-range": (p) => `Tỷ lệ phải nằm trong khoảng 0–100: ô ${p.cell} ghi ${p.actual}.`,
  "reduction-mismatch": (p) =>
    `Số giảm không khớp: ô ${p.cell} ghi ${p.actual}, tính từ ${p.related} được ${p.expected}.`,
  "projection-mismatch": (p) =>
    `Số dự kiến không khớp: ô ${p.cell} ghi ${p.actual}, tính từ ${p.related} được ${p.expected}.`,
  "reduction-exceeds-poor": (p) =>
    `Số giảm lớn hơn số hộ nghèo: ô ${p.cell} ghi ${p.actual}, nhưng ô ${p.wholeCell} chỉ có ${p.whole}.`,
  "missing-value": (p) =>
    p.expected !== undefined
      ? `Ô ${p.cell} đang trống; giá trị tính được là ${p.expected}.`
      : `Ô ${p.cell} đang trống trong khi các dòng khác của cột có số liệu.`,
  "formula-error": (p) => `Công thức bị lỗi ${p.actual} ở ô ${p.cell}.`,
  "inconsistent-formula": (p) =>
    p.variant === "omits-rows"
      ? `Công thức tổng ô ${p.cell} (${p.formula}) bỏ sót dòng: phải là ${p.pattern}${p.expected !== undefined ? `, được ${p.expected}` : ""}.`
      : p.formula
        ? `Công thức ô ${p.cell} (${p.formula}) khác với các dòng khác trong cột (${p.pattern}).`
        : `Ô ${p.cell} là số gõ tay trong khi các dòng khác của cột dùng công thức (${p.pattern}).`,
  // The table's words, not the program's: what the column holds against what its header says, row by row.
  "structure-unsure": (p) =>
    p.reading === "sum"
      ? `Cột ${p.column} ("${p.header}", ô ${p.cell}): dòng tổng không bằng cộng các dòng con ở ${p.failed}/${p.applied} dòng. Chưa ghi gì vào bảng cho đến khi cách đọc cột ${p.column} được xác nhận.`
      : `Cột ${p.column} ("${p.header}", ô ${p.cell}): ở ${p.failed}/${p.applied} dòng, ${p.column} không khớp với ${p.assumed || VI_ASSUMED[p.reading ?? ""] || "quan hệ theo tiêu đề"}${p.holds ? ` mà khớp với ${p.holds} (tiêu đề ghi sai, hay cột chép từ cột khác?)` : ""}. Chưa ghi gì vào bảng cho đến khi cách đọc cột ${p.column} được xác nhận.`,
  "copied-column": (p) =>
    p.columns
      ? `Các cột ${p.columns} giống hệt các cột ${p.sourceColumns} ở ${p.same}/${p.rows} dòng (từ ô ${p.cell}): có lẽ cả khối đã bị chép từ ${p.sourceColumns}. Những ô chép sai cho dòng của nó được báo riêng, kèm giá trị đúng.`
      : `Cột ${p.target} giống hệt cột ${p.source} ở ${p.same}/${p.rows} dòng (từ ô ${p.cell}): có lẽ cột ${p.target} đã bị chép từ cột ${p.source}. Những ô chép sai cho dòng của nó được báo riêng, kèm giá trị đúng.`,
  "duplicate-unit": (p) =>
    `Đơn vị "${p.name}" có hai lần trong cùng một nhóm (ô ${p.cell} và ô ${p.otherCell}): có thể chép trùng dòng, hoặc thiếu một đơn vị khác.`,
  "column-unchecked": (p) =>
    p.base === "none"
      ? `Chưa kiểm tra được cột ${p.column} (ô ${p.cell}, "${p.header}"): không tìm thấy cột tổng số hộ để tính tỷ lệ, nên các tỷ lệ trong cột này chưa được kiểm tra. Hãy cho biết cột nào là tổng số hộ (thẻ Bảng; trên dòng lệnh --roles).`
      : `Chưa kiểm tra được cột ${p.column} (ô ${p.cell}, "${p.header}"): không tìm ra cách tính nào khớp với số liệu ở cả ${p.rows} dòng, nên các số trong cột này chưa được kiểm tra. Hãy cho biết vai trò của cột (thẻ Bảng; trên dòng lệnh --roles).`,
  "reduction-unchecked": (p) =>
    p.applied === "0"
      ? `Chưa kiểm tra được dòng "${p.header}" (ô ${p.cell}): bảng không có dòng số hộ hay tỷ lệ để tính số giảm.`
      : `Chưa kiểm tra được dòng "${p.header}" (ô ${p.cell}): ở ${p.failed}/${p.applied} năm, số liệu không bằng hiệu giữa năm trước và năm nay (cũng không bằng hiệu so với năm đầu); có lẽ dòng này tính so với mốc khác (kế hoạch, chuẩn nghèo cũ), nên các số của dòng chưa được kiểm tra.`,
  "reading-adopted": (p) =>
    !p.assumed
      ? `Cột ${p.column} (ô ${p.cell}, "${p.header}") được đọc là ${p.holds}: khớp ở cả ${p.rows} dòng, nên đã kiểm tra theo cách này.`
      : `Cột ${p.column} (ô ${p.cell}, "${p.header}") không phải ${p.assumed} như tiêu đề gợi ý mà là ${p.holds}: ${p.of ? `đúng ở ${p.rows}/${p.of} dòng như tiêu đề ghi rõ, các dòng còn lại được báo riêng` : `đúng ở cả ${p.rows} dòng`}, nên đã kiểm tra theo cách này.`,
  "legacy-encoding": (p) =>
    `Trang tính được gõ bằng bảng mã cũ ${p.encoding === "vni" ? "VNI (phông VNI-Times)" : "TCVN3 (phông .VnTime)"}, ví dụ ô ${p.cell}: chữ đã được giải mã để đọc bảng. Dùng "phuluc fix --unicode" hoặc nút chuyển sang Unicode để đổi hẳn.`,
};

const EN: Record<MessageRule, Builder> = {
  "sum-mismatch": (p) =>
    `Total does not add up: ${p.cell} holds ${p.actual}, ${p.related ?? "the rows"} add up to ${p.expected}.` +
    (p.duplicateCell
      ? ` But the unit in ${p.duplicateCell} repeats ${p.duplicateOf}: that row may have been pasted over another unit. Check it first; the total was not changed.`
      : ""),
  "input-typo": (p) =>
    `Likely typo: ${p.cell} holds ${p.actual}; the value consistent with ${p.detail ?? "the total and the rates"} is ${p.expected}.`,
  "rate-reduction": (p) =>
    `Rate reduction does not match: ${p.cell} holds ${p.actual}, ${p.related} gives ${p.expected}.`,
  "rate-mismatch": (p) =>
    p.expected !== undefined
      ? `Wrong rate: ${p.cell} holds ${p.actual}, ${p.related} gives ${p.expected}.`
      : `The rate in ${p.cell} (${p.actual}) does not agree with the other rates and counts of its row${p.consistentFrom !== undefined ? ` (it would between ${p.consistentFrom} and ${p.consistentTo})` : ""}.`,
  "rate-rounding": (p) =>
    `Rate truncated instead of rounded: ${p.cell} holds ${p.actual}, rounded it is ${p.expected}.`,
  "malformed-number": (p) => `Cannot read a number: ${p.cell} holds "${p.actual}".`,
  "number-as-text": (p) => `Number stored as text: ${p.cell} holds "${p.actual}", read as ${p.expected}.`,
  "non-integer-count": (p) =>
    p.expected !== undefined
      ? `A count must be a whole number: ${p.cell} holds ${p.actual}; probably ${p.expected} (a thousands separator read as a decimal point).`
      : `A count must be a whole number: ${p.cell} holds ${p.actual}.`,
  "negative-count": (p) => `A count cannot be negative: ${p.cell} holds ${p.actual}.`,
  "count-exceeds-total": (p) =>
    `A part exceeds its whole: ${p.cell} holds ${p.actual}, more than ${p.whole} in ${p.wholeCell}.`,
  "rate-out-of-range": (p) => `A rate must lie between 0 and 100: ${p.cell} holds ${p.actual}.`,
  "reduction-mismatch": (p) =>
    `Reduction does not match: ${p.cell} holds ${p.actual}, ${p.related} gives ${p.expected}.`,
  "projection-mismatch": (p) =>
    `Projection does not match: ${p.cell} holds ${p.actual}, ${p.related} gives ${p.expected}.`,
  "reduction-exceeds-poor": (p) =>
    `Reduction exceeds the poor households: ${p.cell} holds ${p.actual}, but ${p.wholeCell} has only ${p.whole}.`,
  "missing-value": (p) =>
    p.expected !== undefined
      ? `${p.cell} is empty; its computed value is ${p.expected}.`
      : `${p.cell} is empty while the other rows of its column have figures.`,
  "formula-error": (p) => `Formula error ${p.actual} in ${p.cell}.`,
  "inconsistent-formula": (p) =>
    p.variant === "omits-rows"
      ? `The total formula in ${p.cell} (${p.formula}) leaves rows out: it should be ${p.pattern}${p.expected !== undefined ? `, giving ${p.expected}` : ""}.`
      : p.formula
        ? `The formula in ${p.cell} (${p.formula}) differs from the rest of its column (${p.pattern}).`
        : `${p.cell} holds a typed number while the rest of its column uses a formula (${p.pattern}).`,
  "structure-unsure": (p) =>
    p.reading === "sum"
      ? `Column ${p.column} ("${p.header}", ${p.cell}): the total is not the sum of its rows in ${p.failed} of ${p.applied} rows. Nothing is written to the table until the reading of column ${p.column} is confirmed.`
      : `Column ${p.column} ("${p.header}", ${p.cell}): in ${p.failed} of ${p.applied} rows, ${p.column} is not ${p.assumed || EN_ASSUMED[p.reading ?? ""] || "what its header says"}${p.holds ? ` but ${p.holds} (a wrong header, or a column copied from another?)` : ""}. Nothing is written to the table until the reading of column ${p.column} is confirmed.`,
  "copied-column": (p) =>
    p.columns
      ? `Columns ${p.columns} are identical to columns ${p.sourceColumns} in ${p.same} of ${p.rows} rows (from ${p.cell}): the block was probably copied from ${p.sourceColumns}. Copied cells that are wrong for their own row are reported one by one, with their right value.`
      : `Column ${p.target} is identical to column ${p.source} in ${p.same} of ${p.rows} rows (from ${p.cell}): column ${p.target} was probably copied from column ${p.source}. Copied cells that are wrong for their own row are reported one by one, with their right value.`,
  "duplicate-unit": (p) =>
    `Unit "${p.name}" appears twice in the same group (${p.cell} and ${p.otherCell}): a row copied twice, or another unit missing?`,
  "column-unchecked": (p) =>
    p.base === "none"
      ? `Column ${p.column} (${p.cell}, "${p.header}") could not be checked: no households column was found to compute its rates over, so they were not checked. Tell the program which column holds the households (Table view; on the command line --roles).`
      : `Column ${p.column} (${p.cell}, "${p.header}") could not be checked: no way of computing it matches the figures in all ${p.rows} rows, so its numbers were not checked. Tell the program the column's role (Table view; on the command line --roles).`,
  "reduction-unchecked": (p) =>
    p.applied === "0"
      ? `Row "${p.header}" (${p.cell}) could not be checked: the table has no count or rate row to take the reduction from.`
      : `Row "${p.header}" (${p.cell}) could not be checked: in ${p.failed} of ${p.applied} years its figures are not the difference between the previous year and this one (nor from the first year); it is probably measured from another base (a plan, an older poverty line), so its numbers were not checked.`,
  "reading-adopted": (p) =>
    !p.assumed
      ? `Column ${p.column} (${p.cell}, "${p.header}") was read as ${p.holds}: it holds in all ${p.rows} rows, so it was checked that way.`
      : `Column ${p.column} (${p.cell}, "${p.header}") is not ${p.assumed} as its header suggests but ${p.holds}: ${p.of ? `it holds in ${p.rows} of ${p.of} rows, as the header's words say; the others are reported one by one` : `it holds in all ${p.rows} rows`}, so it was checked that way.`,
  "legacy-encoding": (p) =>
    `The sheet is typed in the legacy ${p.encoding === "vni" ? "VNI (VNI-Times font)" : "TCVN3 (.VnTime font)"} encoding, e.g. ${p.cell}: its text was decoded for reading. Use "phuluc fix --unicode" or the convert-to-Unicode button to convert it.`,
};

export function findingMessage(rule: MessageRule, params: MessageParams, lang: MessageLang): string {
  const text = (lang === "en" ? EN : VI)[rule](params);
  if (!params.copiedFrom) return text;
  const where =
    lang === "en"
      ? ` (identical to ${params.copiedFrom} in the row ${params.copiedAbove ? "above" : "below"}: a copy-paste?)`
      : ` (giống hệt ô ${params.copiedFrom} ở dòng ${params.copiedAbove ? "trên" : "dưới"}: có thể chép nhầm)`;
  return text.replace(/\.$/, "") + where + ".";
}
