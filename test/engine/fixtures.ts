// Grid literals that mirror real appendices. Rates are computed here with round-half-up to two decimals, so the
// clean tables are genuinely consistent; defects are planted by tests on copies.
import { type Grid, gridFromRows } from "../../src/engine/grid";

export const r2 = (x: number) => Math.round((x + Number.EPSILON) * 100) / 100;
export const rate = (n: number, h: number) =>
  Number((Math.floor((n / h) * 100 * 100 + 0.5 + 1e-9) / 100).toFixed(2));

export interface Village {
  name: string;
  households: number;
  poorStart: number;
  poorEnd: number;
}

export const GROUP_I: Village[] = [
  { name: "Tổ dân phố 1", households: 412, poorStart: 20, poorEnd: 14 },
  { name: "Tổ dân phố 2", households: 288, poorStart: 15, poorEnd: 11 },
  { name: "Tổ dân phố 3", households: 530, poorStart: 31, poorEnd: 24 },
];
export const GROUP_II: Village[] = [
  { name: "Thôn Đông", households: 197, poorStart: 18, poorEnd: 15 },
  { name: "Thôn Tây", households: 355, poorStart: 27, poorEnd: 21 },
  { name: "Thôn Nam", households: 1518, poorStart: 96, poorEnd: 80 },
];

function row(stt: string, name: string, v: { households: number; poorStart: number; poorEnd: number }) {
  return [
    stt,
    name,
    v.households,
    v.poorStart,
    rate(v.poorStart, v.households),
    v.poorEnd,
    rate(v.poorEnd, v.households),
    v.poorStart - v.poorEnd,
    r2(rate(v.poorStart, v.households) - rate(v.poorEnd, v.households)),
  ];
}

function sum(vs: Village[]) {
  return vs.reduce(
    (a, v) => ({
      households: a.households + v.households,
      poorStart: a.poorStart + v.poorStart,
      poorEnd: a.poorEnd + v.poorEnd,
    }),
    { households: 0, poorStart: 0, poorEnd: 0 },
  );
}

/** A commune's report of results: title block, two-level merged header, numbering row, groups I/II, total. */
export function reportRows(groupI = GROUP_I, groupII = GROUP_II): unknown[][] {
  const all = [...groupI, ...groupII];
  return [
    ["ỦY BAN NHÂN DÂN", null, null, null, null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ["XÃ AN BÌNH"],
    ["KẾT QUẢ GIẢM NGHÈO NĂM 2023"],
    ["(Kèm theo Báo cáo số 45/BC-UBND ngày 15/12/2023 của UBND xã An Bình)"],
    [],
    [
      "STT",
      "Thôn, tổ dân phố",
      "Tổng số hộ",
      "Hộ nghèo đầu năm 2023",
      null,
      "Hộ nghèo cuối năm 2023",
      null,
      "Số hộ nghèo giảm",
      "Tỷ lệ giảm (%)",
    ],
    [null, null, null, "Số hộ", "Tỷ lệ (%)", "Số hộ", "Tỷ lệ (%)", null, null],
    ["A", "B", "1", "2", "3=2/1*100", "4", "5=4/1*100", "6=2-4", "7=3-5"],
    row("I", "Khu vực thị trấn", sum(groupI)),
    ...groupI.map((v, i) => row(String(i + 1), v.name, v)),
    row("II", "Khu vực nông thôn", sum(groupII)),
    ...groupII.map((v, i) => row(String(groupI.length + i + 1), v.name, v)),
    row("", "Tổng cộng (I+II)", sum(all)),
    [],
    ["Ghi chú: số liệu theo kết quả rà soát cuối năm."],
  ];
}

export const REPORT_MERGES = [
  "A3:I3",
  "A4:I4",
  "A6:A7",
  "B6:B7",
  "C6:C7",
  "D6:E6",
  "F6:G6",
  "H6:H7",
  "I6:I7",
];

export function reportGrid(rows = reportRows()): Grid {
  return gridFromRows("Báo cáo 2023", rows, { merges: REPORT_MERGES });
}

/** Sets a cell of a rows literal by A1 address (1-based sheet rows). */
export function setCell(rows: unknown[][], address: string, value: unknown): unknown[][] {
  const m = /^([A-Z])(\d+)$/.exec(address)!;
  const r = Number(m[2]) - 1;
  const c = m[1].charCodeAt(0) - 65;
  const copy = rows.map((x) => [...x]);
  while (copy[r].length <= c) copy[r].push(null);
  copy[r][c] = value;
  return copy;
}

export function getCell(rows: unknown[][], address: string): unknown {
  const m = /^([A-Z])(\d+)$/.exec(address)!;
  return rows[Number(m[2]) - 1][m[1].charCodeAt(0) - 65];
}
