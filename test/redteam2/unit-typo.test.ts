// Red team 2, class C: a unit typo the evidence pins down (households 2.947 for 2.497: its own rate and the total
// both say 2.497) versus one it does not (a near-poor count with no rate beside it, only the total disagrees).
// The first is proved and fix mends it; the second is never a proved blame on the unit, nor written.
import { dump, errCells, rate, read, sum, vnInt, vnRate, writes } from "./helpers";

type U = [name: string, h: number, p: number, n: number];
const XA: U[] = [
  ["Xã Thạch Đài", 2497, 131, 164],
  ["Xã Thạch Hội", 1862, 97, 140],
  ["Xã Thạch Lạc", 2215, 118, 127],
  ["Xã Thạch Ngọc", 1540, 76, 119],
  ["Xã Thạch Văn", 1973, 102, 151],
];
const H = sum(XA.map((u) => u[1]));
const P = sum(XA.map((u) => u[2]));
const N = sum(XA.map((u) => u[3]));

/** Columns: A STT, B Xã, C Tổng số hộ, D Hộ nghèo, E Tỷ lệ, F Hộ cận nghèo (no rate). Body rows 5..9, total 10. */
function huyen(edit: (rows: unknown[][]) => void = () => undefined) {
  const rows: unknown[][] = [
    ["BIỂU TỔNG HỢP HỘ NGHÈO, HỘ CẬN NGHÈO HUYỆN THẠCH HÀ NĂM 2024"],
    ["(Kèm theo Báo cáo số 88/BC-LĐTBXH)"],
    ["TT", "Tên xã", "Tổng số hộ dân cư", "Hộ nghèo", null, "Số hộ cận nghèo"],
    [null, null, null, "Số hộ", "Tỷ lệ (%)", null],
    ...XA.map(([n, h, p, c], i) => [i + 1, n, vnInt(h), vnInt(p), vnRate(rate(p, h)), vnInt(c)]),
    [null, "Cộng", vnInt(H), vnInt(P), vnRate(rate(P, H)), vnInt(N)],
    [],
    [null, "Người lập biểu", null, null, "TRƯỞNG PHÒNG"],
  ];
  edit(rows);
  return read(rows, { merges: ["A3:A4", "B3:B4", "C3:C4", "D3:E3", "F3:F4"] });
}

test("clean twin: silent", () => {
  const r = huyen();
  dump(r);
  expect(r.unitRows).toEqual([5, 6, 7, 8, 9]);
  expect(r.loud).toEqual([]);
});

describe("C1. households 2.947 for 2.497 (C5): its rate and the total both say 2.497", () => {
  const typo = () =>
    huyen((rows) => {
      rows[4][2] = "2.947";
    });
  test("the plant: 131 / 2.947 does not give 5,25, 131 / 2.497 does; the total is the sum with 2.497", () => {
    expect(rate(131, 2947)).not.toBe(rate(131, 2497));
    expect(vnRate(rate(131, 2497))).toBe("5,25");
  });
  test("one error, on C5, with 2.497; the rate and the total are not blamed", () => {
    const r = typo();
    dump(r);
    expect(errCells(r.findings)).toEqual([["C5", 2497]]);
  });
  test("proved: two independent relations pin the same value", () => {
    const f = typo().findings.find((x) => x.cell === "C5" && x.severity === "error");
    expect(f?.certainty).not.toBe("suggested");
  });
  test("fix writes 2.497 in C5 and touches neither E5 nor the total C10", () => {
    const w = writes(typo());
    expect(w.get("C5")).toBe(2497);
    expect(w.get("E5") ?? rate(131, 2497)).toBe(rate(131, 2497));
    expect(w.get("C10") ?? H).toBe(H);
  });
});

describe("C2. near-poor 172 for 127 (F7), no rate beside it: only the total disagrees", () => {
  const typo = () =>
    huyen((rows) => {
      rows[6][5] = "172";
    });
  test("something is said about column F (the unit suggested, or the total's sum)", () => {
    const r = typo();
    dump(r);
    const onF = r.findings.filter((f) => f.cell.startsWith("F") && f.severity !== "info");
    expect(onF.length).toBeGreaterThan(0);
  });
  test("never a proved blame on a unit's near-poor cell: any unit can absorb the difference", () => {
    const r = typo();
    const proved = r.findings.filter(
      (f) => f.severity === "error" && /^F[5-9]$/.test(f.cell) && f.certainty !== "suggested",
    );
    expect(proved.map((f) => f.cell)).toEqual([]);
  });
  test("fix writes no unit's near-poor count other than as typed, and not the total from the typo", () => {
    const w = writes(typo());
    const typed = [164, 140, 172, 119, 151];
    typed.forEach((v, i) => expect([i, w.get(`F${5 + i}`) ?? v]).toEqual([i, v]));
    // writing the total as the sum (with 172) would bake the typo in
    expect(w.get("F10") ?? N).not.toBe(N + 45);
  });
});

describe("C3. the same typo in a count whose rate is there (D7 poor 181 for 118): proved by its rate and the total", () => {
  const typo = () =>
    huyen((rows) => {
      rows[6][3] = "181";
    });
  test("one error on D7 with 118, not suggested, written by fix", () => {
    const r = typo();
    dump(r);
    expect(errCells(r.findings)).toEqual([["D7", 118]]);
    const f = r.findings.find((x) => x.cell === "D7" && x.severity === "error");
    expect(f?.certainty).not.toBe("suggested");
    expect(writes(r).get("D7")).toBe(118);
  });
});
