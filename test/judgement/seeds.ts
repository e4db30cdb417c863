// The three appendix tables of the seeds (../shared/seeds), typed into Excel the way their offices would: numbers
// as numbers, rates under "0.00", the malformed and stored-as-number cells as the documents show them. The
// defects a careful reviewer finds in them are listed in ../shared/domain.md ("What goes wrong in the seeds'
// tables"); the clean twins below are the same tables with those defects mended by hand.
import { type Grid, gridFromRows, a1 } from "../../src/engine/grid";

type Row = unknown[];

/** Number formats: every numeric cell of the rate columns under "0.00" (or the decimals the document shows). */
function formats(rows: Row[], rateCols: number[], first: number, overrides: Record<string, string> = {}) {
  const out: Record<string, string> = {};
  rows.forEach((r, i) => {
    if (i + 1 < first) return;
    for (const c of rateCols) if (typeof r[c] === "number") out[a1(i + 1, c + 1)] = "0.00";
  });
  return { ...out, ...overrides };
}

// ---- Mỹ Hào 2024, wards and communes by urban/rural group (seed 000) ----
export function myHaoRows(clean = false): Row[] {
  return [
    ["DỰ KIẾN TỶ LỆ HỘ NGHÈO PHƯỜNG DỊ SỬ NĂM 2024"],
    [
      "(Kèm theo Kế hoạch số: /KH-UBND ngày / /2021 của UBND phường về thực hiện mục tiêu giảm nghèo năm 2024)",
    ],
    [],
    ["Stt", "Xã, phường", "Dự kiến tỷ lệ hộ nghèo năm 2024"],
    [null, null, "Tổng số hộ dân cư", "Tổng số hộ nghèo", "Tỷ lệ hộ nghèo (%)"],
    [1, 2, 6, 7, 8],
    ["I", "Khu vực thành thị", clean ? 21598 : 21815, clean ? 170 : 186, clean ? 0.79 : 0.85],
    [1, "Phường Bạch Sam", 2158, 29, 1.34],
    [2, "Phường Dị Sử", 3825, 14, clean ? 0.37 : "0.36,6"],
    [3, "Phường Minh Đức", 2540, 23, clean ? 0.91 : 0.9],
    [4, "Phường Nhân Hòa", 3681, 30, 0.81],
    [5, "Phường Phan Đình Phùng", 2722, 33, 1.21],
    [6, "Phường Phùng Chí Kiên", 1985, 17, clean ? 0.86 : 0.85],
    [7, "Phường Bàn Yên Nhân", 4687, 24, 0.51],
    ["II", "Khu vực nông thôn", 14636, 182, 1.24],
    [1, "Xã Cẩm Xá", 3674, 39, 1.06],
    [2, "Xã Dương Quang", 2778, 41, clean ? 1.48 : 1.47],
    [3, "Xã Hòa Phong", 3225, 30, 0.93],
    [4, "Xã Hưng Long", 1318, 21, 1.59],
    [5, "Xã Ngọc Lâm", 2019, 29, clean ? 1.44 : 1.43],
    [6, "Xã Xuân Dục", 1622, 22, clean ? 1.36 : 1.35],
    [null, "Tổng cộng: I+II", clean ? 36234 : 36451, clean ? 352 : 368, clean ? 0.97 : 1.0],
  ];
}

export function myHaoGrid(clean = false): Grid {
  const rows = myHaoRows(clean);
  return gridFromRows("Mỹ Hào 2024", rows, {
    merges: ["A1:E1", "A2:E2", "A4:A5", "B4:B5", "C4:E4"],
    formats: formats(rows, [4], 7, clean ? {} : { E22: "0.0" }),
  });
}

// ---- Dị Sử 2021, residential groups: 2020 and planned 2021 (seed 000) ----
const DI_SU = [
  // name, 2020 households, poor, rate as typed; 2021 households, poor, rate as typed
  ["Phan Bôi", 794, 6, 0.75, 796, 6, 0.75],
  ["Nhân Vinh", 506, 6, 1.19, 508, 6, 1.19],
  ["Trai", 284, 3, 1.06, 287, 3, 1.06],
  ["Trên", 426, 7, 1.64, 428, 7, 1.64],
  ["Thợ", 447, 6, 1.34, 449, 6, 1.34],
  ["Rừng", 313, 3, 0.96, 315, 3, 0.96],
  ["Sài", 228, 2, 0.88, 230, 2, 0.88],
  ["Bưởi", 274, 2, 0.73, 277, 2, 0.73],
  ["Tháp", 703, 7, 1, 705, 6, 0.95],
] as const;
/** The right 2021 rates (poor / households × 100, two decimals), worked by hand. */
export const DI_SU_2021_RIGHT = [0.75, 1.18, 1.05, 1.64, 1.34, 0.95, 0.87, 0.72, 0.85];

export function diSuRows(clean = false): Row[] {
  return [
    ["DỰ KIẾN"],
    ["TỶ LỆ HỘ NGHÈO PHƯỜNG DỊ SỬ NĂM 2021"],
    [
      "(Kèm theo Kế hoạch số: 12/KH-UBND ngày 10/5/2021 của UBND phường về thực hiện mục tiêu giảm nghèo phường Dị Sử năm 2021)",
    ],
    [],
    ["Stt", "Tổ dân phố", "Tỷ lệ hộ nghèo năm 2020", null, null, "Dự kiến tỷ lệ hộ nghèo năm 2021"],
    [
      null,
      null,
      "Tổng số hộ dân cư",
      "Tổng số hộ nghèo",
      "Tỷ lệ hộ nghèo (%)",
      "Tổng số hộ dân cư",
      "Tổng số hộ nghèo",
      "Tỷ lệ hộ nghèo (%)",
    ],
    [1, 2, 3, 4, 5, 6, 7, 8],
    ...DI_SU.map((u, i) => [
      i + 1,
      u[0],
      u[1],
      u[2],
      clean && i === 0 ? 0.76 : u[3],
      u[4],
      u[5],
      clean ? DI_SU_2021_RIGHT[i] : u[6],
    ]),
    ["Tổng cộng:", null, clean ? 3975 : 3992, 42, 1.06, 3995, 41, 1.03],
  ];
}

export function diSuGrid(clean = false): Grid {
  const rows = diSuRows(clean);
  return gridFromRows("Dị Sử 2021", rows, {
    merges: ["A1:H1", "A2:H2", "A3:H3", "A5:A6", "B5:B6", "C5:E5", "F5:H5", "A17:B17"],
    formats: formats(rows, [4, 7], 8, clean ? {} : { E16: "0" }),
  });
}

// ---- Cẩm Long 2023, villages: start, projected, reduction (seed 003) ----
const CAM_LONG = [
  ["Thôn Minh Long", 221, 14, 6.33, 7, 3.17],
  ["Thôn Tân Long", 186, 14, 7.52, 5, 2.69],
  ["Thôn Phi Long", 267, 47, 17.6, 8, 3.0],
  ["Thôn Vân Ngọc", 329, 59, 17.93, 10, 3.04],
  ["Thôn Cao Long", 243, 41, 16.87, 7, 2.88],
  ["Thôn Long Tiến", 272, 33, 12.13, 8, 2.94],
] as const;
/** Projected poor (start − reduction) and their rates, worked by hand. */
export const CAM_LONG_PROJECTED = [7, 9, 39, 49, 34, 25];
export const CAM_LONG_PROJECTED_RATES = [3.17, 4.84, 14.61, 14.89, 13.99, 9.19];

export function camLongRows(clean = false): Row[] {
  return [
    ["TỶ LỆ HỘ NGHÈO CUỐI NĂM 2022 VÀ DỰ KIẾN KẾ HOẠCH GIẢM NGHÈO NĂM 2023"],
    [],
    [
      "TT",
      "Đơn vị",
      "Số đầu kỳ",
      null,
      null,
      "Dự kiến 2023",
      null,
      null,
      "Số hộ nghèo giảm 2023 (hộ)",
      "tỷ lệ giảm 2023 (%)",
    ],
    [null, null, "Tổng HTN", "Nghèo", null, "Tổng HTN", "Nghèo"],
    [null, null, null, "Số hộ", "tỷ lệ (%)", null, "Số hộ", "tỷ lệ (%)"],
    ...CAM_LONG.map((u, i) => [
      i + 1,
      u[0],
      u[1],
      u[2],
      clean && i === 1 ? 7.53 : u[3],
      u[1],
      clean ? CAM_LONG_PROJECTED[i] : u[2],
      clean ? CAM_LONG_PROJECTED_RATES[i] : clean && i === 1 ? 7.53 : u[3],
      u[4],
      u[5],
    ]),
    [
      null,
      "Tổng",
      clean ? 1518 : 1.518,
      208,
      13.7,
      clean ? 1518 : 1.518,
      clean ? 163 : 208,
      clean ? 10.74 : 13.7,
      45,
      2.96,
    ],
  ];
}

export function camLongGrid(clean = false): Grid {
  const rows = camLongRows(clean);
  return gridFromRows("Cẩm Long 2023", rows, {
    merges: [
      "A1:J1",
      "A3:A5",
      "B3:B5",
      "C3:E3",
      "F3:H3",
      "I3:I5",
      "J3:J5",
      "C4:C5",
      "D4:E4",
      "F4:F5",
      "G4:H4",
    ],
    formats: formats(rows, [4, 7, 9], 6, {
      J8: "0.0",
      C12: clean ? "#,##0" : "0.000",
      F12: clean ? "#,##0" : "0.000",
    }),
  });
}
