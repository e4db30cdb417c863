#!/usr/bin/env node
"use strict";
// Writes the sample workbooks in samples/ with ExcelJS: realistic appendices (title block, merged two-level
// header, numbering row, groups, totals) and a record of every planted defect (samples/*.defects.json).
// Deterministic: fixed document dates and fixed dates inside the zip, so `npm run samples` reproduces the bytes.
// Rates are computed exactly with integer arithmetic and rounded half-up to two decimals.
const path = require("path");
const fs = require("fs");
const ExcelJS = require("exceljs");
const JSZip = require("jszip");

// `node scripts/make-samples.js [folder]`: samples/ by default; the tests regenerate into a temporary folder.
const OUT = path.resolve(process.argv[2] || path.join(__dirname, "..", "samples"));
const FIXED_DATE = new Date(Date.UTC(2024, 0, 15, 8, 0, 0));
const FONT = "Times New Roman";
const COUNT_FMT = "#,##0";
const RATE_FMT = "0.00";
const THIN = { style: "thin" };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** count / base × 100, rounded half-up to 2 decimals, computed on integers (no floating-point surprises). */
function rate(count, base) {
  const hundredths = Math.floor((2 * count * 10000 + base) / (2 * base));
  return hundredths / 100;
}
/** The same, truncated (what many hand-made tables do). */
function truncatedRate(count, base) {
  return Math.floor((count * 10000) / base) / 100;
}
const sum = (xs) => xs.reduce((a, b) => a + b, 0);

function newWorkbook() {
  const wb = new ExcelJS.Workbook();
  wb.creator = "phuluc samples";
  wb.lastModifiedBy = "phuluc samples";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

/**
 * Lays out an appendix: title lines, a header of one or two rows (merges given as A1 ranges), a numbering row,
 * then body rows. Returns the sheet and the first body row.
 */
function layoutSheet(wb, spec) {
  const ws = wb.addWorksheet(spec.sheet, {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = spec.widths.map((width) => ({ width }));
  const lastCol = spec.widths.length;
  let r = 1;
  for (const line of spec.titleLines) {
    ws.mergeCells(r, 1, r, lastCol);
    const c = ws.getCell(r, 1);
    c.value = line.text;
    c.font = { name: FONT, size: line.size ?? 13, bold: !!line.bold, italic: !!line.italic };
    c.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    r++;
  }
  r++; // a blank line between the title block and the table
  const headerTop = r;
  spec.header.forEach((row, i) => {
    row.forEach((text, j) => {
      if (text !== null && text !== undefined) ws.getCell(headerTop + i, j + 1).value = text;
    });
  });
  for (const m of spec.headerMerges) ws.mergeCells(m);
  const numberingRow = headerTop + spec.header.length;
  spec.numbering.forEach((text, j) => (ws.getCell(numberingRow, j + 1).value = text));
  for (let rr = headerTop; rr <= numberingRow; rr++) {
    ws.getRow(rr).height = rr === numberingRow ? 18 : 36;
    for (let cc = 1; cc <= lastCol; cc++) {
      const c = ws.getCell(rr, cc);
      c.font = { name: FONT, size: 12, bold: rr < numberingRow, italic: rr === numberingRow };
      c.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      c.border = BORDER;
    }
  }
  ws.views = [{ state: "frozen", ySplit: numberingRow }];
  ws.pageSetup.printTitlesRow = `${headerTop}:${numberingRow}`;
  return { ws, headerTop, numberingRow, firstBody: numberingRow + 1, lastCol };
}

/**
 * Writes one body row. `cells[j]` is a value, or {f: "formula without =", v: cached result}. `kinds[j]` is
 * "count", "rate" or "text" and chooses the number format.
 */
function writeBodyRow(ws, r, cells, kinds, { bold = false, mergeLabel = false } = {}) {
  cells.forEach((v, j) => {
    const c = ws.getCell(r, j + 1);
    if (v !== undefined && v !== null)
      c.value = v && typeof v === "object" && "f" in v ? { formula: v.f, result: v.v } : v;
    c.font = { name: FONT, size: 12, bold };
    c.border = BORDER;
    const kind = kinds[j];
    if (kind === "count") c.numFmt = COUNT_FMT;
    if (kind === "rate") c.numFmt = RATE_FMT;
    c.alignment = { horizontal: j === 0 ? "center" : kind === "text" ? "left" : "right", vertical: "middle" };
  });
  if (mergeLabel) {
    ws.mergeCells(r, 1, r, 2);
    ws.getCell(r, 1).alignment = { horizontal: "center", vertical: "middle" };
  }
}

function signature(ws, r, place, lastCol) {
  ws.getCell(r, 2).value = "Người lập biểu";
  ws.getCell(r, 2).font = { name: FONT, size: 12, bold: true };
  ws.mergeCells(r - 1, lastCol - 3, r - 1, lastCol);
  ws.getCell(r - 1, lastCol - 3).value = place;
  ws.getCell(r - 1, lastCol - 3).font = { name: FONT, size: 12, italic: true };
  ws.getCell(r - 1, lastCol - 3).alignment = { horizontal: "center" };
  ws.mergeCells(r, lastCol - 3, r, lastCol);
  ws.getCell(r, lastCol - 3).value = "TM. ỦY BAN NHÂN DÂN";
  ws.getCell(r, lastCol - 3).font = { name: FONT, size: 12, bold: true };
  ws.getCell(r, lastCol - 3).alignment = { horizontal: "center" };
}

// ---------------------------------------------------------------------------------------------------------------
// 1. The README demo: a ward's plan for 2024 with the common defects.
function planSample() {
  const wb = newWorkbook();
  const sheet = "KH 2024";
  const { ws, firstBody, lastCol } = layoutSheet(wb, {
    sheet,
    widths: [6, 28, 11, 10, 10, 10, 10, 13, 11, 10],
    titleLines: [
      { text: "DỰ KIẾN TỶ LỆ HỘ NGHÈO, HỘ CẬN NGHÈO PHƯỜNG HOÀI THANH TÂY NĂM 2024", bold: true },
      {
        text: "(Kèm theo Kế hoạch số 12/KH-UBND ngày 15/01/2024 của UBND phường Hoài Thanh Tây)",
        italic: true,
        size: 12,
      },
    ],
    header: [
      [
        "STT",
        "Tổ dân phố",
        "Tổng số hộ",
        "Hộ nghèo đầu năm 2024",
        null,
        "Hộ cận nghèo đầu năm 2024",
        null,
        "Chỉ tiêu giảm hộ nghèo năm 2024 (hộ)",
        "Dự kiến hộ nghèo cuối năm 2024",
        null,
      ],
      [null, null, null, "Số hộ", "Tỷ lệ (%)", "Số hộ", "Tỷ lệ (%)", null, "Số hộ", "Tỷ lệ (%)"],
    ],
    headerMerges: ["A4:A5", "B4:B5", "C4:C5", "D4:E4", "F4:G4", "H4:H5", "I4:J4"],
    numbering: ["A", "B", "1", "2", "3=2/1*100", "4", "5=4/1*100", "6", "7=2-6", "8=7/1*100"],
  });
  const groups = [
    {
      number: "I",
      label: "Khu vực Hoài Thanh",
      units: [
        ["Tổ dân phố Ngọc An Đông", 512, 38, 41, 6],
        ["Tổ dân phố Ngọc An Trung", 1518, 97, 88, 12],
        ["Tổ dân phố Ngọc An Tây", 436, 29, 35, 5],
        ["Tổ dân phố Ngọc Sơn Bắc", 784, 59, 47, 8],
        ["Tổ dân phố Ngọc Sơn Nam", 511, 70, 36, 9],
      ],
    },
    {
      number: "II",
      label: "Khu vực Lộc Thượng",
      units: [
        ["Tổ dân phố Lộc Thượng", 1518, 84, 92, 11],
        ["Tổ dân phố Lộc Hạ", 623, 41, 52, 6],
        ["Tổ dân phố Trung Lương", 958, 73, 64, 10],
        ["Tổ dân phố Phụng Du", 705, 44, 39, 6],
        ["Tổ dân phố Thiện Chánh", 382, 31, 27, 4],
      ],
    },
  ];
  const kinds = ["text", "text", "count", "count", "rate", "count", "rate", "count", "count", "rate"];
  const line = (h, poor, near, cut) => [
    h,
    poor,
    rate(poor, h),
    near,
    rate(near, h),
    cut,
    poor - cut,
    rate(poor - cut, h),
  ];
  const values = {}; // A1 → clean value, to plant defects from
  let r = firstBody;
  const totals = [0, 0, 0, 0];
  const put = (row, nums) => nums.forEach((v, j) => (values[`${String.fromCharCode(67 + j)}${row}`] = v));
  const rows = [];
  for (const g of groups) {
    const gs = [0, 1, 2, 3].map((k) => sum(g.units.map((u) => u[k + 1])));
    gs.forEach((v, k) => (totals[k] += v));
    rows.push({ r, cells: [g.number, g.label, ...line(...gs)], bold: true });
    put(r, line(...gs));
    r++;
    g.units.forEach((u, i) => {
      rows.push({ r, cells: [i + 1, u[0], ...line(u[1], u[2], u[3], u[4])] });
      put(r, line(u[1], u[2], u[3], u[4]));
      r++;
    });
  }
  const totalRow = r;
  rows.push({ r, cells: ["Tổng cộng (I+II)", null, ...line(...totals)], bold: true, mergeLabel: true });
  put(r, line(...totals));

  // The planted defects: what a hand-kept table typically holds.
  const defects = [
    {
      cell: "C9",
      rule: "non-integer-count",
      actual: 1.518,
      expected: 1518,
      note: "số 1.518 gõ trong Excel tiếng Anh",
    },
    {
      cell: "E10",
      rule: "rate-mismatch",
      actual: values.E9,
      expected: values.E10,
      note: "tỷ lệ chép từ dòng trên",
    },
    {
      cell: "E11",
      rule: "rate-rounding",
      actual: truncatedRate(59, 784),
      expected: values.E11,
      note: "tỷ lệ bị cắt bớt thay vì làm tròn",
    },
    { cell: "E12", rule: "number-as-text", actual: "13,70", expected: 13.7, note: "tỷ lệ là văn bản" },
    { cell: "C14", rule: "number-as-text", actual: "1.518", expected: 1518, note: "số hộ là văn bản" },
    {
      cell: `F${totalRow}`,
      rule: "sum-mismatch",
      actual: 512,
      expected: values[`F${totalRow}`],
      note: "tổng cộng không khớp (đảo chữ số)",
    },
  ];
  const planted = Object.fromEntries(defects.map((d) => [d.cell, d.actual]));
  for (const row of rows) {
    const cells = row.cells.map((v, j) => {
      const addr = `${String.fromCharCode(65 + j)}${row.r}`;
      return addr in planted ? planted[addr] : v;
    });
    writeBodyRow(ws, row.r, cells, kinds, { bold: !!row.bold, mergeLabel: !!row.mergeLabel });
  }
  signature(ws, totalRow + 3, "Hoài Thanh Tây, ngày 15 tháng 01 năm 2024", lastCol);

  const notes = wb.addWorksheet("Ghi chú");
  notes.columns = [{ width: 4 }, { width: 90 }];
  const noteLines = [
    "Ghi chú",
    "Số liệu hộ nghèo, hộ cận nghèo đầu năm theo kết quả rà soát cuối năm 2023 (Quyết định của UBND thị xã).",
    "Chỉ tiêu giảm hộ nghèo năm 2024 do UBND thị xã giao: 77 hộ.",
    "Chuẩn nghèo đa chiều giai đoạn 2022-2025 theo Nghị định số 07/2021/NĐ-CP.",
  ];
  noteLines.forEach((t, i) => {
    const c = notes.getCell(i + 1, 2);
    c.value = t;
    c.font = { name: FONT, size: 12, bold: i === 0 };
  });
  return { wb, name: "ke-hoach-giam-ngheo-2024", sheet, defects };
}

// ---------------------------------------------------------------------------------------------------------------
// 2. A clean report of results for 2023 (start, end, reduction), derived cells as live formulas.
function cleanReportSample() {
  const wb = newWorkbook();
  const sheet = "Biểu 01";
  const { ws, firstBody, lastCol } = layoutSheet(wb, {
    sheet,
    widths: [6, 24, 12, 10, 10, 10, 10, 11, 11],
    titleLines: [
      { text: "KẾT QUẢ THỰC HIỆN GIẢM NGHÈO NĂM 2023 XÃ NHƠN HẬU", bold: true },
      {
        text: "(Kèm theo Báo cáo số 215/BC-UBND ngày 20/12/2023 của UBND xã Nhơn Hậu)",
        italic: true,
        size: 12,
      },
    ],
    header: [
      [
        "TT",
        "Thôn",
        "Tổng số hộ dân cư",
        "Hộ nghèo đầu năm 2023",
        null,
        "Hộ nghèo cuối năm 2023",
        null,
        "Kết quả giảm nghèo năm 2023",
        null,
      ],
      [null, null, null, "Số hộ", "Tỷ lệ (%)", "Số hộ", "Tỷ lệ (%)", "Số hộ nghèo giảm", "Tỷ lệ giảm (%)"],
    ],
    headerMerges: ["A4:A5", "B4:B5", "C4:C5", "D4:E4", "F4:G4", "H4:I4"],
    numbering: ["A", "B", "1", "2", "3=2/1*100", "4", "5=4/1*100", "6=2-4", "7=3-5"],
  });
  const units = [
    ["Thôn Thanh Giang", 412, 31, 24],
    ["Thôn Hòa Hội", 288, 22, 18],
    ["Thôn Hòa Bình", 530, 47, 38],
    ["Thôn Hòa Trung", 197, 15, 12],
    ["Thôn Hòa Lạc", 355, 29, 23],
    ["Thôn An Lương", 466, 41, 33],
    ["Thôn Phú Thành", 329, 26, 21],
  ];
  const kinds = ["text", "text", "count", "count", "rate", "count", "rate", "count", "rate"];
  let r = firstBody;
  const first = r;
  for (const [i, [name, h, start, end]] of units.entries()) {
    const e = rate(start, h);
    const g = rate(end, h);
    writeBodyRow(
      ws,
      r,
      [
        i + 1,
        name,
        h,
        start,
        { f: `ROUND(D${r}/C${r}*100,2)`, v: e },
        end,
        { f: `ROUND(F${r}/C${r}*100,2)`, v: g },
        { f: `D${r}-F${r}`, v: start - end },
        { f: `E${r}-G${r}`, v: e - g },
      ],
      kinds,
    );
    r++;
  }
  const last = r - 1;
  const H = sum(units.map((u) => u[1]));
  const S = sum(units.map((u) => u[2]));
  const E = sum(units.map((u) => u[3]));
  const e = rate(S, H);
  const g = rate(E, H);
  writeBodyRow(
    ws,
    r,
    [
      "Toàn xã",
      null,
      { f: `SUM(C${first}:C${last})`, v: H },
      { f: `SUM(D${first}:D${last})`, v: S },
      { f: `ROUND(D${r}/C${r}*100,2)`, v: e },
      { f: `SUM(F${first}:F${last})`, v: E },
      { f: `ROUND(F${r}/C${r}*100,2)`, v: g },
      { f: `D${r}-F${r}`, v: S - E },
      { f: `E${r}-G${r}`, v: e - g },
    ],
    kinds,
    { bold: true, mergeLabel: true },
  );
  signature(ws, r + 3, "Nhơn Hậu, ngày 20 tháng 12 năm 2023", lastCol);
  return { wb, name: "bao-cao-ket-qua-2023-sach", sheet, defects: [] };
}

// ---------------------------------------------------------------------------------------------------------------
// 3. Modelled on Bình Định's published table (start of 2022-2025): no households column. The urban rows are the
// province's own figures; the rural rows are invented around hidden household totals so that every rate agrees.
function binhDinhSample() {
  const wb = newWorkbook();
  const sheet = "Đầu kỳ 2022";
  const { ws, firstBody } = layoutSheet(wb, {
    sheet,
    widths: [6, 26, 13, 11, 10, 11, 10, 11],
    titleLines: [
      {
        text: "KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO ĐẦU KỲ GIAI ĐOẠN 2022-2025 TỈNH BÌNH ĐỊNH",
        bold: true,
      },
      {
        text: "(Kèm theo Quyết định số .../QĐ-UBND ngày .../.../2022 của UBND tỉnh Bình Định)",
        italic: true,
        size: 12,
      },
    ],
    header: [
      [
        "TT",
        "Huyện/Thị xã/Thành phố",
        "Hộ nghèo và hộ cận nghèo",
        null,
        "Hộ nghèo",
        null,
        "Hộ cận nghèo",
        null,
      ],
      [null, null, "Tỷ lệ nghèo đa chiều (%)", "Số hộ", "Tỷ lệ (%)", "Số hộ", "Tỷ lệ (%)", "Số hộ"],
    ],
    headerMerges: ["A4:A5", "B4:B5", "C4:D4", "E4:F4", "G4:H4"],
    numbering: ["A", "B", "1", "2", "3", "4", "5", "6"],
  });
  const names = [
    "Thành phố Quy Nhơn",
    "Huyện Tuy Phước",
    "Thị xã An Nhơn",
    "Huyện Phù Cát",
    "Huyện Phù Mỹ",
    "Thị xã Hoài Nhơn",
    "Huyện Hoài Ân",
    "Huyện Tây Sơn",
    "Huyện Vân Canh",
    "Huyện Vĩnh Thạnh",
    "Huyện An Lão",
  ];
  // Urban: the published figures [multidim rate, poor+near, poor rate, poor, near rate, near].
  const urban = [
    [0.29, 193, 0.12, 77, 0.17, 116],
    [8.08, 650, 5.04, 406, 3.03, 244],
    [6.64, 1490, 3.24, 728, 3.39, 762],
    [10.22, 707, 3.8, 263, 6.42, 444],
    [6.49, 340, 2.96, 155, 3.53, 185],
    [7.49, 3267, 2.94, 1281, 4.55, 1986],
    [11.89, 281, 4.95, 117, 6.94, 164],
    [17.57, 1063, 8.98, 543, 8.6, 520],
    [59.48, 1142, 30.47, 585, 29.01, 557],
    [34.16, 701, 27.49, 564, 6.68, 137],
    [61.68, 784, 37.53, 477, 24.15, 307],
  ];
  // Rural: [households (hidden), poor, near-poor]; sums 272,000 / 20,125 / 18,963.
  const rural = [
    [9800, 512, 604],
    [38500, 2310, 2488],
    [30200, 1602, 1815],
    [41500, 3105, 2950],
    [33600, 2418, 2377],
    [36000, 1985, 2206],
    [19800, 1802, 1530],
    [27500, 2214, 2005],
    [5400, 1290, 830],
    [6900, 1406, 722],
    [22800, 1481, 1436],
  ];
  const ruralSums = [0, 1, 2].map((k) => sum(rural.map((x) => x[k])));
  if (ruralSums[0] !== 272000 || ruralSums[1] !== 20125 || ruralSums[2] !== 18963) {
    throw new Error(`Bình Định rural rows do not add up: ${ruralSums}`);
  }
  const kinds = ["text", "text", "rate", "count", "rate", "count", "rate", "count"];
  const fromCounts = (h, poor, near) => [
    rate(poor + near, h),
    poor + near,
    rate(poor, h),
    poor,
    rate(near, h),
    near,
  ];
  let r = firstBody;
  const urbanSum = [1, 3, 5].map((k) => sum(urban.map((u) => u[k])));
  writeBodyRow(
    ws,
    r++,
    ["I", "Khu vực thành thị", 6.39, urbanSum[0], 3.13, urbanSum[1], 3.26, urbanSum[2]],
    kinds,
    {
      bold: true,
    },
  );
  urban.forEach((u, i) => writeBodyRow(ws, r++, [i + 1, names[i], ...u], kinds));
  const [hII, pII, nII] = ruralSums;
  writeBodyRow(ws, r++, ["II", "Khu vực nông thôn", ...fromCounts(hII, pII, nII)], kinds, { bold: true });
  rural.forEach((x, i) => writeBodyRow(ws, r++, [i + 1, names[i], ...fromCounts(...x)], kinds));
  // Hidden urban households: 166,200 (within every urban row's range and the group's).
  writeBodyRow(
    ws,
    r,
    ["Toàn tỉnh", null, ...fromCounts(166200 + hII, urbanSum[1] + pII, urbanSum[2] + nII)],
    kinds,
    {
      bold: true,
      mergeLabel: true,
    },
  );
  return { wb, name: "binh-dinh-dau-ky-2022", sheet, defects: [] };
}

// ---------------------------------------------------------------------------------------------------------------
// 4. A flow table for poor households (Thông tư 07/2021/TT-BLĐTBXH): 9=1-2-3-4+5+6+7+8, one planted defect.
function flowSample() {
  const wb = newWorkbook();
  const sheet = "Biến động HN";
  const { ws, firstBody, lastCol } = layoutSheet(wb, {
    sheet,
    widths: [6, 22, 11, 10, 12, 9, 12, 9, 10, 9, 11],
    titleLines: [
      { text: "TỔNG HỢP BIẾN ĐỘNG HỘ NGHÈO NĂM 2023 HUYỆN HOÀI ÂN", bold: true },
      {
        text: "(Kèm theo Báo cáo số 88/BC-UBND ngày 25/12/2023 của UBND huyện Hoài Ân)",
        italic: true,
        size: 12,
      },
    ],
    header: [
      [
        "TT",
        "Xã, thị trấn",
        "Số hộ nghèo đầu kỳ",
        "Số hộ nghèo giảm trong kỳ",
        null,
        null,
        "Số hộ nghèo tăng trong kỳ",
        null,
        null,
        null,
        "Số hộ nghèo cuối kỳ",
      ],
      [
        null,
        null,
        null,
        "Thoát nghèo",
        "Thoát nghèo, trở thành hộ cận nghèo",
        "Giảm khác",
        "Hộ cận nghèo trở thành hộ nghèo",
        "Tái nghèo",
        "Phát sinh mới",
        "Tăng khác",
        null,
      ],
    ],
    headerMerges: ["A4:A5", "B4:B5", "C4:C5", "D4:F4", "G4:J4", "K4:K5"],
    numbering: ["A", "B", "1", "2", "3", "4", "5", "6", "7", "8", "9=1-2-3-4+5+6+7+8"],
  });
  // [name, start, escaped, escaped→near-poor, other decrease, near-poor→poor, fell back, newly poor, other increase]
  const units = [
    ["Thị trấn Tăng Bạt Hổ", 96, 14, 9, 1, 3, 0, 2, 0],
    ["Xã Ân Hảo Đông", 142, 21, 12, 2, 4, 1, 3, 0],
    ["Xã Ân Hảo Tây", 128, 18, 11, 0, 2, 0, 1, 1],
    ["Xã Ân Mỹ", 171, 25, 14, 3, 5, 1, 2, 0],
    ["Xã Ân Tín", 119, 16, 10, 1, 3, 0, 2, 0],
    ["Xã Ân Phong", 88, 12, 8, 0, 2, 1, 1, 0],
    ["Xã Ân Nghĩa", 203, 29, 17, 2, 6, 1, 4, 1],
    ["Xã Đak Mang", 265, 35, 19, 4, 7, 2, 5, 0],
  ];
  const kinds = ["text", "text", ...Array(9).fill("count")];
  const end = (u) => u[1] - u[2] - u[3] - u[4] + u[5] + u[6] + u[7] + u[8];
  let r = firstBody;
  for (const [i, u] of units.entries()) writeBodyRow(ws, r++, [i + 1, ...u, end(u)], kinds);
  const totals = [1, 2, 3, 4, 5, 6, 7, 8].map((k) => sum(units.map((u) => u[k])));
  const totalEnd = sum(units.map(end));
  const totalRow = r;
  const defect = { cell: `D${totalRow}`, rule: "sum-mismatch", actual: totals[1] + 10, expected: totals[1] };
  defect.note = "tổng số hộ thoát nghèo cộng sai (dư 10)";
  const cells = ["Toàn huyện", null, ...totals, totalEnd];
  cells[3] = defect.actual;
  writeBodyRow(ws, r, cells, kinds, { bold: true, mergeLabel: true });
  signature(ws, r + 3, "Hoài Ân, ngày 25 tháng 12 năm 2023", lastCol);
  return { wb, name: "bien-dong-ho-ngheo-2023", sheet, defects: [defect] };
}

// ---------------------------------------------------------------------------------------------------------------
// 5. A national summary by province (clean): "Toàn quốc" first, provinces numbered I … LXIII, two districts each
//    with a "Trong đó: hộ DTTS" row under the first, rates stored as fractions under a percent format.
function nationalSample() {
  const wb = newWorkbook();
  const sheet = "Toàn quốc";
  const { ws, firstBody, lastCol } = layoutSheet(wb, {
    sheet,
    widths: [7, 30, 13, 12, 11, 12, 11],
    titleLines: [
      { text: "TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2024 THEO TỈNH", bold: true },
      { text: "(Số liệu minh họa, không phải số liệu thật)", italic: true, size: 12 },
    ],
    header: [["STT", "Tỉnh, thành phố / huyện", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ hộ nghèo (%)", "Số hộ cận nghèo", "Tỷ lệ hộ cận nghèo (%)"]],
    headerMerges: [],
    numbering: ["A", "B", "1", "2", "3=2/1", "4", "5=4/1"],
  });
  let seed = 20240115;
  const rand = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const provinces = [];
  for (let p = 0; p < 63; p++) {
    const districts = [];
    for (let d = 0; d < 2; d++) {
      const households = 8000 + Math.floor(rand() * 60000);
      const poor = Math.floor(households * rand() * 0.2);
      const nearPoor = Math.floor((households - poor) * rand() * 0.15);
      const dtts = Math.floor(households * rand() * 0.4);
      const part = [dtts, Math.min(poor, Math.floor(dtts * rand() * 0.3)), 0];
      part[2] = Math.min(nearPoor, Math.floor((dtts - part[1]) * rand() * 0.2));
      districts.push({ name: `Huyện số ${d + 1} tỉnh ${p + 1}`, v: [households, poor, nearPoor], part: d === 0 ? part : null });
    }
    provinces.push({ name: `Tỉnh số ${p + 1}`, districts });
  }
  const add = (a, b) => a.map((x, i) => x + b[i]);
  const provinceTotal = (pr) => pr.districts.reduce((acc, d) => add(acc, d.v), [0, 0, 0]);
  const national = provinces.reduce((acc, pr) => add(acc, provinceTotal(pr)), [0, 0, 0]);
  const kinds = ["text", "text", "count", "count", "pct", "count", "pct"];
  const line = (stt, name, [h, p, n]) => [stt, name, h, p, rate(p, h) / 100, n, rate(n, h) / 100];
  const put = (r, cells, opts) => {
    writeBodyRow(ws, r, cells, kinds.map((k) => (k === "pct" ? "rate" : k)), opts);
    for (const c of [5, 7]) ws.getCell(r, c).numFmt = "0.00%";
  };
  let r = firstBody;
  put(r++, line("", "Toàn quốc", national), { bold: true });
  const roman = (n) => {
    const t = [[50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
    let s = "";
    for (const [v, l] of t) while (n >= v) { s += l; n -= v; }
    return s;
  };
  provinces.forEach((pr, i) => {
    put(r++, line(roman(i + 1), pr.name, provinceTotal(pr)), { bold: true });
    pr.districts.forEach((d, j) => {
      put(r++, line(String(j + 1), d.name, d.v));
      if (d.part) put(r++, line("", "Trong đó: hộ DTTS", d.part));
    });
  });
  signature(ws, r + 3, "Hà Nội, ngày 15 tháng 01 năm 2024", lastCol);
  return { wb, name: "toan-quoc-theo-tinh-2024", sheet, defects: [] };
}

// ---------------------------------------------------------------------------------------------------------------
// 6. A commune's year-end report typed in TCVN3 (.VnTime), beside the targets it was assigned (clean): a village
//    where the poor rose has a negative reduction; the "Đạt/Không đạt" column is text.
function legacyReportSample() {
  const wb = newWorkbook();
  const sheet = "BC 2024";
  // TCVN3 bytes as Excel shows them under a Unicode font ("Tæng sè hé" is "Tổng số hộ").
  const { ws, firstBody, lastCol } = layoutSheet(wb, {
    sheet,
    widths: [6, 20, 11, 10, 10, 10, 10, 11, 14, 12],
    titleLines: [
      { text: "KÕT QU¶ GI¶M NGHÌO N¡M 2024 X· AN PHó", bold: true },
      { text: "(KÌm theo B¸o c¸o sè 12/BC-UBND ngµy 20/12/2024)", italic: true, size: 12 },
    ],
    header: [
      ["STT", "Tªn th«n", "Tæng sè hé", "Hé nghÌo ®Çu n¨m", null, "Hé nghÌo cuèi n¨m", null, "Sè hé nghÌo gi¶m", "ChØ tiªu gi¶m hé nghÌo ®­îc giao", "§¸nh gi¸"],
      [null, null, null, "Sè hé", "Tû lÖ (%)", "Sè hé", "Tû lÖ (%)", null, null, "§¹t/Kh«ng ®¹t"],
    ],
    headerMerges: ["A4:A5", "B4:B5", "C4:C5", "D4:E4", "F4:G4", "H4:H5", "I4:I5"],
    numbering: ["A", "B", "1", "2", "3=2/1*100", "4", "5=4/1*100", "6=2-4", "7", "8"],
  });
  const villages = [
    ["Th«n 1", 412, 20, 14, 5],
    ["Th«n 2", 288, 15, 17, 3],
    ["Th«n 3", 530, 31, 24, 6],
    ["Th«n 4", 197, 18, 15, 3],
    ["Th«n 5", 355, 27, 21, 5],
  ];
  const kinds = ["text", "text", "count", "count", "rate", "count", "rate", "count", "count", "text"];
  let r = firstBody;
  villages.forEach(([name, h, s, e, target], i) => {
    const met = s - e >= target ? "§¹t" : "Kh«ng ®¹t";
    writeBodyRow(ws, r++, [i + 1, name, h, s, rate(s, h), e, rate(e, h), s - e, target, met], kinds);
  });
  const H = sum(villages.map((v) => v[1]));
  const S = sum(villages.map((v) => v[2]));
  const E = sum(villages.map((v) => v[3]));
  const T = sum(villages.map((v) => v[4]));
  writeBodyRow(ws, r, ["Tæng céng", null, H, S, rate(S, H), E, rate(E, H), S - E, T, S - E >= T ? "§¹t" : "Kh«ng ®¹t"], kinds, {
    bold: true,
    mergeLabel: true,
  });
  signature(ws, r + 3, "An Phó, ngµy 20 th¸ng 12 n¨m 2024", lastCol);
  return { wb, name: "bao-cao-tcvn3-chi-tieu-2024", sheet, defects: [] };
}

/** Rewrites the zip with fixed entry dates so the same input gives the same bytes. */
async function deterministicZip(buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const out = new JSZip();
  const names = Object.keys(zip.files).sort();
  for (const name of names) {
    const entry = zip.files[name];
    if (entry.dir) continue;
    out.file(name, await entry.async("nodebuffer"), { date: FIXED_DATE, createFolders: false });
  }
  return out.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  for (const make of [planSample, cleanReportSample, binhDinhSample, flowSample, nationalSample, legacyReportSample]) {
    const { wb, name, sheet, defects } = make();
    const file = path.join(OUT, `${name}.xlsx`);
    fs.writeFileSync(file, await deterministicZip(await wb.xlsx.writeBuffer()));
    fs.writeFileSync(
      path.join(OUT, `${name}.defects.json`),
      JSON.stringify({ file: `samples/${name}.xlsx`, sheet, defects }, null, 2) + "\n",
    );
    process.stdout.write(`${path.relative(process.cwd(), file)}: ${defects.length} lỗi cài sẵn\n`);
  }
}

main().catch((err) => {
  process.stderr.write(`make-samples: ${err.stack || err}\n`);
  process.exit(1);
});
