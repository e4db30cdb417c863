// Red team, other shapes from domain.md: "Trong đó" part rows, the national poor-household flow form
// (9=1-2-3-4+5+6+7+8) with other wordings, and three levels (district, communes I/II, villages).
import { rate, read, sum } from "./helpers";

// ---- S1: "Trong đó: hộ DTTS" under each commune: never added into the total ----
function parts(edit: (rows: unknown[][]) => void = () => undefined) {
  const c = [
    ["Xã Hồng Thái", 1240, 210, 188],
    ["Xã Bằng Cốc", 980, 175, 160],
    ["Xã Thái Sơn", 1105, 143, 101],
  ] as const;
  const H = sum(c.map((x) => x[1]));
  const P = sum(c.map((x) => x[2]));
  const rows: unknown[][] = [
    ["TT", "Đơn vị", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ (%)"],
    ...c.flatMap(([n, h, p, d], i) => [
      [i + 1, n, h, p, rate(p, h)],
      [null, "Trong đó: hộ DTTS", null, d, rate(d, h)],
    ]),
    [null, "Tổng cộng", H, P, rate(P, H)],
  ];
  edit(rows);
  return read(rows);
}
describe("S1 'Trong đó: hộ DTTS' rows under each commune", () => {
  test("clean: three units, three parts, silent", () => {
    const r = parts();
    expect(r.unitRows).toEqual([2, 4, 6]);
    expect(r.rowsOf("part")).toEqual([3, 5, 7]);
    expect(r.loud).toEqual([]);
  });
  test("defective: Bằng Cốc's DTTS poor 716 for 160 (D5) exceeds its poor 175", () => {
    const r = parts((rows) => {
      rows[4][3] = 716;
    });
    expect(r.loud.some((x) => x.includes("@D5"))).toBe(true);
    expect(r.errors.filter((f) => f.cell === "D8")).toEqual([]);
  });
});

// ---- S2: the poor-household flow (Thông tư 07 form), other wordings, stated relation in the numbering row ----
const FL = [
  ["Xã Mường Mít", 412, 38, 21, 6, 4, 2, 11, 1],
  ["Xã Pha Mu", 366, 29, 18, 3, 2, 1, 9, 0],
  ["Xã Mường Cang", 298, 41, 12, 5, 6, 3, 7, 2],
] as const;
const end = (x: readonly number[]) => x[0] - x[1] - x[2] - x[3] + x[4] + x[5] + x[6] + x[7];
function flow(edit: (rows: unknown[][]) => void = () => undefined) {
  const body = FL.map(([n, ...x], i) => [i + 1, n, ...x, end(x)]);
  const tot = [
    null,
    "Toàn huyện",
    ...Array.from({ length: 9 }, (_, k) => sum(body.map((r) => r[2 + k] as number))),
  ];
  const rows: unknown[][] = [
    ["Biểu 3: DIỄN BIẾN HỘ NGHÈO NĂM 2023"],
    [
      "STT",
      "Đơn vị",
      "Số hộ nghèo đầu kỳ",
      "Số hộ nghèo giảm",
      null,
      null,
      "Số hộ nghèo tăng",
      null,
      null,
      null,
      "Số hộ nghèo cuối kỳ",
    ],
    [
      null,
      null,
      null,
      "Thoát nghèo thành cận nghèo",
      "Thoát nghèo vượt cận nghèo",
      "Giảm khác",
      "Cận nghèo rơi xuống nghèo",
      "Tái nghèo",
      "Phát sinh mới",
      "Tăng khác",
      null,
    ],
    ["A", "B", "1", "2", "3", "4", "5", "6", "7", "8", "9=1-2-3-4+5+6+7+8"],
    ...body,
    tot,
  ];
  edit(rows);
  return read(rows, { merges: ["A2:A3", "B2:B3", "C2:C3", "D2:F2", "G2:J2", "K2:K3"] });
}
describe("S2 the poor-household flow with other wordings", () => {
  test("clean: three communes and the district total, silent", () => {
    const r = flow();
    expect(r.unitRows).toEqual([5, 6, 7]);
    expect(r.rowsOf("total")).toEqual([8]);
    expect(r.loud).toEqual([]);
  });
  test("defective: Pha Mu's end of period 346 for 336 (K6) breaks 9=1-2-3-4+5+6+7+8", () => {
    const r = flow((rows) => {
      rows[5][10] = 346;
    });
    expect(r.errors.map((f) => [f.cell, f.expected])).toEqual(
      expect.arrayContaining([["K6", end(FL[1].slice(1) as unknown as number[])]]),
    );
  });
});

// ---- S3: three levels: district total, communes (I, II) with subtotals, villages 1, 2, 3 ----
function levels(edit: (rows: unknown[][]) => void = () => undefined) {
  const A = [
    ["Thôn Khuôn Vạc", 180, 22],
    ["Thôn Bản Giang", 210, 31],
  ] as const;
  const B = [
    ["Bản Nà Lừa", 145, 62],
    ["Bản Tà Sa", 176, 40],
    ["Bản Pá Hu", 98, 35],
  ] as const;
  const line = (s: unknown, n: string, h: number, p: number) => [s, n, h, p, rate(p, h)];
  const agg = (xs: readonly (readonly [string, number, number])[]) =>
    [sum(xs.map((x) => x[1])), sum(xs.map((x) => x[2]))] as const;
  const [ha, pa] = agg(A);
  const [hb, pb] = agg(B);
  const rows: unknown[][] = [
    ["STT", "Đơn vị", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ hộ nghèo (%)"],
    line(null, "Toàn huyện", ha + hb, pa + pb),
    line("I", "Xã Hòa An", ha, pa),
    ...A.map(([n, h, p], i) => line(i + 1, n, h, p)),
    line("II", "Xã Nà Sang", hb, pb),
    ...B.map(([n, h, p], i) => line(i + 1, n, h, p)),
  ];
  edit(rows);
  return read(rows);
}
describe("S3 three levels, the district total first", () => {
  test("clean: five villages, two communes, total first, silent", () => {
    const r = levels();
    expect(r.unitRows).toEqual([4, 5, 7, 8, 9]);
    expect(r.rowsOf("total")).toEqual([2]);
    expect(r.loud).toEqual([]);
  });
  test("defective: Xã Nà Sang's households 491 for 419 (C6), its rate kept: the subtotal blamed with 419", () => {
    const r = levels((rows) => {
      rows[5][2] = 491;
    });
    expect(r.errors.map((f) => [f.cell, f.expected])).toEqual([["C6", 419]]);
  });
});
