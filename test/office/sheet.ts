// A realistic commune table for the Office adapter's tests: title block, two header rows with merged cells,
// a numbering row that states the rate, five villages, a total row; one count pasted as text, one rate cell
// formatted as Text, one #DIV/0!.
import type { CellWrite, WritePlan } from "../../src/engine/report";
import { FakeWorkbook } from "./fake-excel";

export const SHEET = "Biểu 01";

export const ROWS: unknown[][] = [
  ["UỶ BAN NHÂN DÂN XÃ AN HÒA"],
  ["DỰ KIẾN TỶ LỆ HỘ NGHÈO XÃ AN HÒA NĂM 2024"],
  ["(Kèm theo Kế hoạch số 45/KH-UBND ngày 12/3/2024 của UBND xã An Hòa)"],
  [],
  ["STT", "Thôn", "Tổng số hộ", "Hộ nghèo"],
  [null, null, null, "Số hộ", "Tỷ lệ (%)"],
  ["A", "B", "1", "2", "3=2/1*100"],
  [1, "Thôn Bình An", 412, 21, 5.1],
  [2, "Thôn Phú Lộc", "1.518", 47, 3.1],
  [3, "Thôn Hòa Mỹ", 530, 35, "6.60"],
  [4, "Thôn Tân Lập", 0, 0, "=D11/C11*100"],
  [5, "Thôn Đông Hải", 355, 18, 5.07],
  ["Tổng cộng", null, "=SUM(C8:C12)", "=SUM(D8:D12)", 4.6],
];

export const MERGES = ["A5:A6", "B5:B6", "C5:C6", "D5:E5", "A13:B13"];

export function makeWorkbook(): FakeWorkbook {
  const wb = new FakeWorkbook();
  const sheet = wb.addSheet(SHEET, ROWS, {
    formats: { E8: "0.00", E9: "0.00", E10: "@", E11: "0.00", E12: "0.00", E13: "0.00", C8: "#,##0" },
    cached: { E11: "#DIV/0!", C13: 1297, D13: 121 },
  });
  for (const m of MERGES) {
    const [s, e] = m.split(":");
    sheet.merges.push({
      top: Number(s.slice(1)),
      left: s.charCodeAt(0) - 64,
      bottom: Number(e.slice(1)),
      right: e.charCodeAt(0) - 64,
    });
  }
  wb.addSheet("Ghi chú", [["Số liệu rà soát cuối năm 2023"]]);
  return wb;
}

/** What "Tính lại" would write on that table: the rates, the totals, and the text count as a number. */
export function fixPlanForSheet(): WritePlan {
  const writes: CellWrite[] = [{ sheet: SHEET, cell: "C9", value: 1518 }];
  for (let r = 8; r <= 12; r++)
    writes.push({
      sheet: SHEET,
      cell: `E${r}`,
      value: null,
      formula: `=IF(C${r}=0,0,ROUND(D${r}/C${r}*100,2))`,
      numberFormat: "0.00",
    });
  writes.push({ sheet: SHEET, cell: "C13", value: 2815, formula: "=SUM(C8:C12)" });
  writes.push({ sheet: SHEET, cell: "D13", value: 121, formula: "=SUM(D8:D12)" });
  writes.push({
    sheet: SHEET,
    cell: "E13",
    value: 4.3,
    formula: "=ROUND(D13/C13*100,2)",
    numberFormat: "0.00",
  });
  return { writes, undecided: [] };
}
