// "Dùng bảng mẫu": the bundled sample as data, drawn by both writers — the standalone page's small .xlsx package
// (src/standalone/sample.ts, fflate) and the Excel add-in's new worksheet (src/hosts/office/sample.ts, Office.js).
// A commune's plan table with three planted mistakes; the figures follow the domain's worked example (villages of
// 412, 288, 530, 197 and 355 households). Pure data: no Office, DOM or Node import.
import type { RuleId } from "../engine";

export type SampleValue = string | number | null;

/** Row by row from A1; text in a number column stays text (a count pasted from Word). */
export const SAMPLE_ROWS: readonly (readonly SampleValue[])[] = [
  ["DỰ KIẾN TỶ LỆ HỘ NGHÈO XÃ HÒA BÌNH NĂM 2024"],
  ["(Kèm theo Kế hoạch số 45/KH-UBND ngày 15/01/2024 của UBND xã Hòa Bình)"],
  [],
  ["STT", "Tên thôn", "Tổng số hộ", "Hộ nghèo", null],
  [null, null, null, "Số hộ", "Tỷ lệ (%)"],
  ["A", "B", "1", "2", "3=2/1*100"],
  [1, "Thôn Đông", 412, 20, 4.85],
  [2, "Thôn Tây", 288, 15, 5.21],
  [3, "Thôn Nam", 530, 30, 5.6],
  [4, "Thôn Bắc", 197, "13", 6.6],
  [5, "Thôn Trung", 355, 9, 2.54],
  [null, "Tổng cộng", 1792, 87, 4.88],
];

/**
 * The planted mistakes (by hand); everything else is right (D12 = 20+15+30+13+9 = 87; E12 = 87/1782 → 4.88).
 * Tests check the checker against this list, not against its own output.
 */
export const SAMPLE_PLANTED: readonly { cell: string; rule: RuleId; why: string }[] = [
  { cell: "C12", rule: "sum-mismatch", why: "total households 1792; the villages add up to 1782" },
  { cell: "E9", rule: "rate-mismatch", why: "rate 5.6; 30/530*100 = 5.660 → 5.66" },
  { cell: "D10", rule: "number-as-text", why: '"13" typed as text' },
];

export const SAMPLE_MERGES: readonly string[] = ["A1:E1", "A2:E2", "A4:A5", "B4:B5", "C4:C5", "D4:E4"];
/** 1-based rows in bold: the title, the two header rows, the total. */
export const SAMPLE_BOLD_ROWS: readonly number[] = [1, 4, 5, 12];
/** Column widths in characters (Excel's unit in .xlsx; the Office writer converts to points). */
export const SAMPLE_WIDTHS: readonly number[] = [6, 22, 12, 10, 10];
export const SAMPLE_FONT = { name: "Times New Roman", size: 12 } as const;
/** The first body row: number formats apply from here down. */
const SAMPLE_BODY_ROW = 7;
export const SAMPLE_COUNT_FORMAT = "#,##0";
export const SAMPLE_RATE_FORMAT = "0.00";

export const SAMPLE_COLUMNS = SAMPLE_WIDTHS.length;

/** The sheet's rectangle, A1:E12. */
export const SAMPLE_RANGE = `A1:${String.fromCharCode(64 + SAMPLE_COLUMNS)}${SAMPLE_ROWS.length}`;

/** The number format of a cell (1-based row and column): households as `#,##0`, rates as `0.00`. */
export function sampleNumberFormat(row: number, col: number): string {
  if (row < SAMPLE_BODY_ROW) return "General";
  if (col === 3) return SAMPLE_COUNT_FORMAT;
  if (col === 5) return SAMPLE_RATE_FORMAT;
  return "General";
}

export function sampleBold(row: number): boolean {
  return SAMPLE_BOLD_ROWS.includes(row);
}

/** The value of a cell (1-based), with `changes` (A1 → value) applied: tests vary a cell through it. */
export function sampleValue(
  row: number,
  col: number,
  changes: Record<string, SampleValue> = {},
): SampleValue {
  const ref = `${String.fromCharCode(64 + col)}${row}`;
  if (ref in changes) return changes[ref];
  return SAMPLE_ROWS[row - 1]?.[col - 1] ?? null;
}
