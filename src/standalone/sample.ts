// "Dùng bảng mẫu": a commune's plan table with three planted mistakes, built in the browser so the page can be
// tried without a file of one's own. The figures follow the domain's worked example (villages of 412, 288, 530,
// 197 and 355 households).
import ExcelJS from "exceljs";

export const SAMPLE_FILE = "bang-mau-phu-luc.xlsx";

/**
 * Planted (by hand), everything else is right (D12 = 20+15+30+13+9 = 87; E12 = 87/1782 → 4.88):
 * - C12 total households 1792; the villages add up to 1782 (sum-mismatch).
 * - E9 rate 5.6; 30/530*100 = 5.660 → 5.66 (rate-mismatch).
 * - D10 "13" typed as text (number-as-text).
 */
export function sampleWorkbook(sheetName: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  const rows: (string | number | null)[][] = [
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
  rows.forEach((values, i) => {
    const row = ws.getRow(i + 1);
    values.forEach((v, j) => {
      if (v !== null) row.getCell(j + 1).value = v;
    });
    row.font = { name: "Times New Roman", size: 12, bold: i === 0 || i === 3 || i === 4 || i === 11 };
  });
  for (const m of ["A1:E1", "A2:E2", "A4:A5", "B4:B5", "C4:C5", "D4:E4"]) ws.mergeCells(m);
  for (let r = 7; r <= 12; r++) {
    ws.getCell(`C${r}`).numFmt = "#,##0";
    ws.getCell(`E${r}`).numFmt = "0.00";
  }
  ws.columns = [6, 22, 12, 10, 10].map((width) => ({ width }));
  return wb;
}
