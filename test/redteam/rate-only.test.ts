// Red team, issue 18.4: rate-only tables (counts and rates, no households column), as offices type them:
// national row first then regions, rate before count, a "poor + near-poor" column and the multidimensional rate.
// Households are invented here, rates computed from them, then the households are left out.
import { rate, read, sum, vnInt, vnRate } from "./helpers";

// ---- O1: the country and its regions, the national row first, rate before count ----
const REG = [
  ["Trung du và miền núi phía Bắc", 3350000, 554000, 301000],
  ["Đồng bằng sông Hồng", 7120000, 98000, 170000],
  ["Bắc Trung Bộ và duyên hải miền Trung", 5810000, 331000, 352000],
  ["Tây Nguyên", 1620000, 175000, 95000],
  ["Đông Nam Bộ", 5480000, 22000, 41000],
  ["Đồng bằng sông Cửu Long", 5190000, 172000, 205000],
] as const;
const VH = sum(REG.map((r) => r[1]));
const VP = sum(REG.map((r) => r[2]));
const VN = sum(REG.map((r) => r[3]));
function national(edit: (rows: unknown[][]) => void = () => undefined) {
  const rows: unknown[][] = [
    ["TỶ LỆ HỘ NGHÈO, HỘ CẬN NGHÈO THEO VÙNG NĂM 2022"],
    ["TT", "Vùng", "Tỷ lệ hộ nghèo (%)", "Số hộ nghèo", "Tỷ lệ hộ cận nghèo (%)", "Số hộ cận nghèo"],
    [null, "Cả nước", rate(VP, VH), VP, rate(VN, VH), VN],
    ...REG.map(([n, h, p, c], i) => [i + 1, n, rate(p, h), p, rate(c, h), c]),
  ];
  edit(rows);
  return read(rows);
}
describe("O1 the country first, then six regions; rates before counts", () => {
  test("clean: six regions read as units, the country as the total, silent", () => {
    const r = national();
    expect(r.unitRows).toEqual([4, 5, 6, 7, 8, 9]);
    expect(r.rowsOf("total")).toEqual([3]);
    expect(r.loud).toEqual([]);
    expect(r.unread).toEqual([]);
  });
  test("defective: the country's poor 1.325.000 for 1.352.000 (D3): the sum of the regions", () => {
    const r = national((rows) => {
      rows[2][3] = 1325000;
    });
    expect(r.errors.map((f) => [f.cell, f.expected])).toEqual([["D3", VP]]);
  });
});

// ---- O2: a province's districts, Bình Định's column order (multidimensional rate, poor + near-poor, poor rate,
// poor, near-poor rate, near-poor), numbering row A B 1..6, text numbers ----
const DI = [
  ["Huyện An Lão", 8420, 1120, 760],
  ["Huyện Vĩnh Thạnh", 7310, 930, 655],
  ["Huyện Vân Canh", 6950, 1385, 702],
  ["Huyện Hoài Ân", 26400, 845, 1190],
  ["Huyện Tây Sơn", 38100, 910, 1325],
] as const;
function provinceRows(edit: (rows: unknown[][]) => void = () => undefined) {
  const H = sum(DI.map((d) => d[1]));
  const P = sum(DI.map((d) => d[2]));
  const C = sum(DI.map((d) => d[3]));
  const line = (a: unknown, n: string, h: number, p: number, c: number) => [
    a,
    n,
    vnRate(rate(p + c, h)),
    vnInt(p + c),
    vnRate(rate(p, h)),
    vnInt(p),
    vnRate(rate(c, h)),
    vnInt(c),
  ];
  const rows: unknown[][] = [
    ["KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO ĐẦU KỲ 2022-2025"],
    [
      "STT",
      "Đơn vị",
      "Tỷ lệ nghèo đa chiều (%)",
      "Tổng số hộ nghèo và cận nghèo",
      "Hộ nghèo",
      null,
      "Hộ cận nghèo",
      null,
    ],
    [null, null, null, null, "Tỷ lệ (%)", "Số hộ", "Tỷ lệ (%)", "Số hộ"],
    ["A", "B", "1", "2", "3", "4", "5", "6"],
    line("I", "Khu vực miền núi", H, P, C),
    ...DI.map(([n, h, p, c], i) => line(i + 1, n, h, p, c)),
  ];
  edit(rows);
  return read(rows, { merges: ["A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:F2", "G2:H2"] });
}
describe("O2 Bình Định's column order, text numbers, group I first", () => {
  test("clean: five districts, the group above them, silent (text-number info allowed)", () => {
    const r = provinceRows();
    expect(r.unitRows).toEqual([6, 7, 8, 9, 10]);
    expect(r.loud).toEqual([]);
    expect(r.unread).toEqual([]);
  });
  test("defective: Vân Canh's poor + near-poor '2.807' for '2.087' (D8): the sum of its poor and near-poor", () => {
    const r = provinceRows((rows) => {
      rows[7][3] = "2.807";
    });
    expect(r.errors.map((f) => [f.cell, f.expected])).toEqual(expect.arrayContaining([["D8", 1385 + 702]]));
  });
  test("defective: Hoài Ân's near-poor rate '4,15' for '4,51' (G9) disagrees with the poor pair: flagged on row 9", () => {
    const r = provinceRows((rows) => {
      rows[8][6] = "4,15";
    });
    expect(r.loud.filter((x) => /@[C-H]9\b/.test(x)).length).toBeGreaterThan(0);
  });
});

// ---- O3: counts and rates only, the same rate's households shared by poor and near-poor; a row whose poor
// count was copied from the row above (its rate its own) ----
const CO = [
  ["Phường Quang Trung", 5120, 41, 77],
  ["Phường Trần Phú", 4480, 36, 69],
  ["Phường Lê Lợi", 3960, 58, 90],
  ["Xã Nhơn Bình", 2870, 95, 121],
  ["Xã Nhơn Phú", 3315, 88, 134],
] as const;
function city(edit: (rows: unknown[][]) => void = () => undefined) {
  const H = sum(CO.map((d) => d[1]));
  const P = sum(CO.map((d) => d[2]));
  const C = sum(CO.map((d) => d[3]));
  const rows: unknown[][] = [
    ["TT", "Phường, xã", "HN", "Tỷ lệ HN (%)", "HCN", "Tỷ lệ HCN (%)"],
    ...CO.map(([n, h, p, c], i) => [i + 1, n, p, rate(p, h), c, rate(c, h)]),
    [null, "Toàn thành phố", P, rate(P, H), C, rate(C, H)],
  ];
  edit(rows);
  return read(rows);
}
describe("O3 abbreviations HN / HCN, a city's wards and communes, rate-only", () => {
  test("clean: five units, the total, silent; HN and HCN read as poor and near-poor", () => {
    const r = city();
    expect(r.unitRows).toEqual([2, 3, 4, 5, 6]);
    expect(r.rowsOf("total")).toEqual([7]);
    expect(r.analyses[0].table.columns.map((c) => c.role)).toEqual([
      "rowNumber",
      "unitName",
      "poorHouseholds",
      "poorRate",
      "nearPoorHouseholds",
      "nearPoorRate",
    ]);
    expect(r.loud).toEqual([]);
  });
  test("defective: Xã Nhơn Phú's poor copied from the row above, 95 for 88 (C6): the total says 88", () => {
    const r = city((rows) => {
      rows[5][2] = 95;
    });
    const f = r.errors.find((x) => x.cell === "C6");
    expect(f?.expected).toBe(88);
  });
});
