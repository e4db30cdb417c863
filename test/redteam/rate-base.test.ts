// Red team, issue 18.2: rates whose base is not the row's households. The base must be read from the words and
// confirmed by the data (then a wrong cell is flagged against it), or the column said unchecked: never a rate
// checked against the wrong base, never a column silently passed.
import type { Finding } from "../../src/engine/report";
import { rate, read, sum } from "./helpers";

const errs = (fs: Finding[]) => fs.filter((f) => f.severity === "error").map((f) => [f.cell, f.expected]);
/** The column is either confirmed (a reading said as info) or said unchecked: not passed in silence. */
const spoken = (fs: Finding[], col: string) =>
  fs.some(
    (f) =>
      f.cell.startsWith(col) && ["reading-adopted", "column-unchecked", "structure-unsure"].includes(f.rule),
  );

// ---- B1: ethnic-minority poor as a share of all poor, beside the usual poor rate ----
const KB = [
  ["Xã Krông Búk", 2140, 188, 151],
  ["Xã Ea Sin", 1675, 231, 219],
  ["Xã Cư Né", 1980, 144, 97],
  ["Xã Chư Kbô", 2310, 119, 64],
  ["Xã Pơng Drang", 3025, 260, 172],
] as const;
function dtts(edit: (rows: unknown[][]) => void = () => undefined) {
  const rows: unknown[][] = [
    ["TỔNG HỢP HỘ NGHÈO DÂN TỘC THIỂU SỐ NĂM 2024"],
    ["TT", "Tên xã", "Tổng số hộ", "Hộ nghèo", null, "Hộ nghèo là người DTTS", null],
    [null, null, null, "Số hộ", "Tỷ lệ (%)", "Số hộ", "Tỷ lệ so với tổng số hộ nghèo (%)"],
    ...KB.map(([n, h, p, d], i) => [i + 1, n, h, p, rate(p, h), d, rate(d, p)]),
  ];
  edit(rows);
  return read(rows, { merges: ["A2:A3", "B2:B3", "C2:C3", "D2:E2", "F2:G2"] });
}
describe("B1 DTTS poor as a share of all poor, grouped under 'Hộ nghèo là người DTTS'", () => {
  test("clean: silent (info allowed), the share confirmed over the poor households", () => {
    const r = dtts();
    expect(r.loud).toEqual([]);
    expect(r.unitRows).toEqual([4, 5, 6, 7, 8]);
  });
  test("defective: Ea Sin's share 49,81 for 94,81 (G5) and Cư Né's poor rate 7,72 for 7,27 (E6)", () => {
    const r = dtts((rows) => {
      rows[4][6] = 49.81;
      rows[5][4] = 7.72;
    });
    expect(errs(r.findings).sort()).toEqual([
      ["E6", rate(144, 1980)],
      ["G5", rate(219, 231)],
    ]);
  });
});

// ---- B2: a district's share of the province's poor households ("Tỷ trọng so với toàn tỉnh") ----
const QN = [
  ["Huyện Ba Chẽ", 6120, 512],
  ["Huyện Bình Liêu", 8050, 604],
  ["Huyện Tiên Yên", 13420, 377],
  ["Huyện Đầm Hà", 11260, 281],
  ["Huyện Hải Hà", 17930, 240],
] as const;
const QN_P = sum(QN.map((u) => u[2]));
const QN_H = sum(QN.map((u) => u[1]));
function province(edit: (rows: unknown[][]) => void = () => undefined) {
  const rows: unknown[][] = [
    ["HỘ NGHÈO CÁC HUYỆN MIỀN NÚI NĂM 2023"],
    ["STT", "Huyện", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ hộ nghèo (%)", "Tỷ trọng so với toàn tỉnh (%)"],
    ["", "Toàn tỉnh", QN_H, QN_P, rate(QN_P, QN_H), 100],
    ...QN.map(([n, h, p], i) => [i + 1, n, h, p, rate(p, h), rate(p, QN_P)]),
  ];
  edit(rows);
  return read(rows);
}
describe("B2 a district's share of the province's poor", () => {
  test("clean: silent (info allowed), read whole", () => {
    const r = province();
    expect(r.unitRows).toEqual([4, 5, 6, 7, 8]);
    expect(r.loud).toEqual([]);
  });
  test("defective: Tiên Yên's share 18,84 for 18,48 (F6): flagged with 18,48, or the column said unchecked", () => {
    const r = province((rows) => {
      rows[5][5] = 18.84;
    });
    const f = r.findings.find((x) => x.cell === "F6" && x.severity === "error");
    if (f) expect(f.expected).toBe(rate(377, QN_P));
    else expect(spoken(r.findings, "F")).toBe(true);
    // never checked against the row's households (377 / 13.420 = 2,81)
    expect(r.findings.some((x) => x.cell.startsWith("F") && x.expected === rate(377, 13420))).toBe(false);
  });
});

// ---- B3: the national survey form: persons beside households, persons' rate over persons (10=9/2*100) ----
const SV = [
  ["Xã Nậm Cuổi", 1032, 4710, 388, 1905],
  ["Xã Nậm Hăn", 865, 3892, 402, 1987],
  ["Xã Pa Tần", 1210, 5546, 515, 2560],
  ["Xã Chăn Nưa", 940, 4120, 231, 1086],
] as const;
function survey(numbering: boolean, edit: (rows: unknown[][]) => void = () => undefined) {
  const H = sum(SV.map((u) => u[1]));
  const K = sum(SV.map((u) => u[2]));
  const P = sum(SV.map((u) => u[3]));
  const PK = sum(SV.map((u) => u[4]));
  const rows: unknown[][] = [
    ["Biểu 1: KẾT QUẢ RÀ SOÁT HỘ NGHÈO NĂM 2022"],
    ["STT", "Đơn vị", "Tổng số", null, "Hộ nghèo", null, "Nhân khẩu nghèo", null],
    [null, null, "Hộ", "Khẩu", "Số hộ", "Tỷ lệ (%)", "Số khẩu", "Tỷ lệ (%)"],
    ...(numbering ? [["A", "B", "1", "2", "3", "4=3/1*100", "5", "6=5/2*100"]] : []),
    ...SV.map(([n, h, k, p, pk], i) => [i + 1, n, h, k, p, rate(p, h), pk, rate(pk, k)]),
    [null, "Cộng", H, K, P, rate(P, H), PK, rate(PK, K)],
  ];
  edit(rows);
  return read(rows, { merges: ["A2:A3", "B2:B3", "C2:D2", "E2:F2", "G2:H2"] });
}
for (const numbering of [true, false]) {
  const o = numbering ? 1 : 0;
  describe(`B3 persons' rate over persons (${numbering ? "with" : "without"} the numbering row)`, () => {
    test("clean: silent, four units and the total", () => {
      const r = survey(numbering);
      expect(r.unitRows).toEqual([4 + o, 5 + o, 6 + o, 7 + o]);
      // "Cộng" as the one aggregate row (read as a total or a subtotal over all four)
      expect([...r.rowsOf("total"), ...r.rowsOf("subtotal")]).toEqual([8 + o]);
      expect(r.loud).toEqual([]);
    });
    test("defective: Pa Tần's persons' rate 64,16 for 46,16 (H); the total persons 18.628 for 18.268 (D)", () => {
      const r = survey(numbering, (rows) => {
        rows[5 + o][7] = 64.16;
        rows[7 + o][3] = 18628;
      });
      expect(errs(r.findings)).toEqual(
        expect.arrayContaining([
          [`H${6 + o}`, rate(2560, 5546)],
          [`D${8 + o}`, 18268],
        ]),
      );
    });
  });
}

// ---- B4: the poor rate among ethnic-minority households: base is the DTTS households column, not all ----
const DT = [
  ["Xã Thanh Sơn", 1850, 920, 210],
  ["Xã Thanh Lâm", 1420, 1105, 302],
  ["Xã Đồng Sơn", 2010, 640, 98],
  ["Xã Ký Thượng", 690, 655, 233],
] as const;
function dttsBase(edit: (rows: unknown[][]) => void = () => undefined) {
  const rows: unknown[][] = [
    [
      "STT",
      "Xã",
      "Tổng số hộ",
      "Số hộ DTTS",
      "Số hộ nghèo DTTS",
      "Tỷ lệ hộ nghèo DTTS so với số hộ DTTS (%)",
    ],
    ...DT.map(([n, h, d, p], i) => [i + 1, n, h, d, p, rate(p, d)]),
  ];
  edit(rows);
  return read(rows);
}
describe("B4 the poor rate among DTTS households, over the DTTS households column", () => {
  test("clean: no error, no warning", () => {
    expect(dttsBase().loud).toEqual([]);
  });
  test("defective: Đồng Sơn's rate 51,31 for 15,31 (F4): flagged over the DTTS households, or said unchecked", () => {
    const r = dttsBase((rows) => {
      rows[3][5] = 51.31;
    });
    const f = r.findings.find((x) => x.cell === "F4" && x.severity === "error");
    if (f) expect(f.expected).toBe(rate(98, 640));
    else expect(spoken(r.findings, "F")).toBe(true);
    expect(r.findings.some((x) => x.expected === rate(98, 2010))).toBe(false);
  });
});
