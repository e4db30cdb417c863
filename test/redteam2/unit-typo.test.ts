// Red team 2, class C: a unit typo the evidence pins down (households 2.947 for 2.497: its own rate and the total
// both say 2.497) versus one it does not (a near-poor count with no rate beside it, only the total disagrees).
// The first is pinned (its value found on its cell); the second is never a blame on the unit, nor written.
// Lead's decision (issue 23, item 1): a typed count whose value could be right is never changed by the program, however
// strong the evidence: it is suggested with the value that makes its rate and the total agree, and the page offers
// "Sửa thành 2.497" as the user's own decision; nothing is recomputed from the typed value meanwhile.
import { fixPlan } from "../../src/engine";
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
  test("suggested with the value both relations pin: a typed count that could be right is the user's to change", () => {
    const f = typo().findings.find((x) => x.cell === "C5" && x.severity === "error");
    expect([f?.certainty, f?.expected]).toEqual(["suggested", 2497]);
  });
  test("fix does not write 2.947 back as a number, nor E5 or the total C10 from it", () => {
    const w = writes(typo());
    expect(w.get("C5")).not.toBe(2947);
    // E5 may be written only as its typed text made a number (5,25), never recomputed from 2.947.
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
  // Lead's decision: a total that does not add up is reported on the total (the seeds' stale subtotals, the demo's
  // 512 for 521); fix makes it a live =SUM of its rows, never a typed number, so it follows the rows as soon as the
  // unit is corrected. No unit cell is changed.
  test("fix writes no unit's near-poor count other than as typed; the total becomes a live SUM, not a number", () => {
    const plan = fixPlan(typo().analyses).writes;
    const w = new Map(plan.map((x) => [x.cell, x.value]));
    const typed = [164, 140, 172, 119, 151];
    typed.forEach((v, i) => expect([i, w.get(`F${5 + i}`) ?? v]).toEqual([i, v]));
    const total = plan.find((x) => x.cell === "F10");
    if (total) expect(total.formula).toBe("=SUM(F5:F9)");
  });
});

describe("C3. the same typo in a count whose rate is there (D7 poor 181 for 118): proved by its rate and the total", () => {
  const typo = () =>
    huyen((rows) => {
      rows[6][3] = "181";
    });
  test("one error on D7 with 118, suggested (a typed count that could be right), nothing written from 181", () => {
    const r = typo();
    dump(r);
    expect(errCells(r.findings)).toEqual([["D7", 118]]);
    const f = r.findings.find((x) => x.cell === "D7" && x.severity === "error");
    expect(f?.certainty).toBe("suggested");
    const w = writes(r);
    expect(w.get("D7")).not.toBe(181);
    expect(w.get("E7") ?? rate(118, 2215)).toBe(rate(118, 2215));
    expect(w.get("D10") ?? P).toBe(P);
  });
});
