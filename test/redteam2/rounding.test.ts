// Red team 2, class B: rounding and display conventions. A whole column truncated (a convention: warnings, not an
// error per row), rates stored as fractions under "0.00%", rates with one decimal, rates typed English-style with
// three decimals ("1.234" in a rate column is 1,234 %, not one thousand). Right values are worked out here.
import { dump, errCells, rate, read, roundTo, sum, truncTo, vnInt, writes } from "./helpers";

type U = [name: string, h: number, p: number, n: number];
// Chosen so that truncation and rounding differ in several rows (third decimal ≥ 5).
const WARDS: U[] = [
  ["Phường Bắc Lý", 3214, 47, 88], // 1.4623 / 2.7380
  ["Phường Nam Lý", 2876, 39, 71], // 1.3560 / 2.4687
  ["Phường Đồng Hới", 4102, 29, 63], // 0.7069 / 1.5358
  ["Phường Hải Thành", 2655, 33, 59], // 1.2429 / 2.2222
  ["Xã Bảo Ninh", 1987, 58, 104], // 2.9190 / 5.2340
  ["Xã Lộc Ninh", 2431, 71, 96], // 2.9206 / 3.9490
];
const H = sum(WARDS.map((u) => u[1]));
const P = sum(WARDS.map((u) => u[2]));
const N = sum(WARDS.map((u) => u[3]));
const pct = (c: number, h: number) => (c / h) * 100;

function table(show: (c: number, h: number) => number, fmt: (x: number) => unknown, formats = {}) {
  const rows: unknown[][] = [
    ["UBND THÀNH PHỐ ĐỒNG HỚI"],
    ["TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2024"],
    ["STT", "Xã, phường", "Tổng số hộ", "Hộ nghèo", null, "Hộ cận nghèo", null],
    [null, null, null, "Số hộ", "Tỷ lệ (%)", "Số hộ", "Tỷ lệ (%)"],
    ...WARDS.map(([n, h, p, c], i) => [
      i + 1,
      n,
      vnInt(h),
      vnInt(p),
      fmt(show(p, h)),
      vnInt(c),
      fmt(show(c, h)),
    ]),
    [null, "Toàn thành phố", vnInt(H), vnInt(P), fmt(show(P, H)), vnInt(N), fmt(show(N, H))],
    [],
    [null, null, null, null, "KT. CHỦ TỊCH"],
  ];
  return { rows, merges: ["A3:A4", "B3:B4", "C3:C4", "D3:E3", "F3:G3"], formats };
}
const run = (t: ReturnType<typeof table>) => read(t.rows, { merges: t.merges, formats: t.formats });
const vn = (d: number) => (x: number) => x.toFixed(d).replace(".", ",");
const rateCells = ["E", "G"].flatMap((c) => [5, 6, 7, 8, 9, 10, 11].map((r) => `${c}${r}`));
const countOf = (cell: string): [number, number] => {
  const r = Number(cell.slice(1));
  const u = r === 11 ? ["", H, P, N] : WARDS[r - 5];
  return [cell[0] === "E" ? (u[2] as number) : (u[3] as number), u[1] as number];
};

describe("B1. a whole rate column truncated instead of rounded", () => {
  const t = table((c, h) => truncTo(pct(c, h), 2), vn(2));
  const differing = rateCells.filter((c) => {
    const [n, h] = countOf(c);
    return truncTo(pct(n, h), 2) !== roundTo(pct(n, h), 2);
  });
  test("the plant is real: truncation differs from rounding in several cells", () => {
    expect(differing.length).toBeGreaterThanOrEqual(4);
  });
  test("no error: a convention is not a wrong rate", () => {
    const r = run(t);
    dump(r);
    expect(errCells(r.findings)).toEqual([]);
  });
  test("said as a rounding convention (rate-rounding), nothing else loud", () => {
    const r = run(t);
    const loud = r.findings.filter((f) => f.severity !== "info");
    expect(loud.length).toBeGreaterThan(0);
    expect([...new Set(loud.map((f) => f.rule))]).toEqual(["rate-rounding"]);
  });
  // Lead's decision: the convention is said on each cell it changes (a warning with the rounded value), so the
  // official sees every rate that would read differently; one note per column would hide which ones.
  test("the convention is said on exactly the truncated cells that differ, each with its rounded value", () => {
    const r = run(t);
    const notes = r.findings.filter((f) => f.rule === "rate-rounding");
    expect(notes.map((f) => f.cell).sort()).toEqual([...differing].sort());
    for (const f of notes) {
      const [n, h] = countOf(f.cell);
      expect([f.cell, f.expected]).toEqual([f.cell, roundTo(pct(n, h), 2)]);
    }
  });
  test("a real wrong rate among truncated ones is still an error, with its value", () => {
    const bad = table((c, h) => truncTo(pct(c, h), 2), vn(2));
    bad.rows[7][4] = "1,42"; // Phường Hải Thành: 33 / 2.655 = 1,2429
    const r = run(bad);
    const e = errCells(r.findings);
    expect(e.map((x) => x[0])).toEqual(["E8"]);
    expect([truncTo(pct(33, 2655), 2), roundTo(pct(33, 2655), 2)]).toContain(e[0][1]);
  });
  test("the clean (rounded) twin is silent", () => {
    const r = run(table((c, h) => rate(c, h), vn(2)));
    expect(r.loud).toEqual([]);
  });
});

describe("B2. rates stored as fractions under a 0.00% format", () => {
  const formats = Object.fromEntries(rateCells.map((c) => [c, "0.00%"]));
  const frac = (d: number) => (c: number, h: number) => Number((c / h).toFixed(d));
  test("clean: fractions rounded to the four places 0.00% shows, silent", () => {
    const r = run(table(frac(4), (x) => x, formats));
    dump(r);
    expect(r.loud).toEqual([]);
  });
  test("clean: full-precision fractions (a live =D/C pasted as values), silent", () => {
    const r = run(
      table(
        (c, h) => c / h,
        (x) => x,
        formats,
      ),
    );
    expect(r.loud).toEqual([]);
  });
  test("defective: Xã Bảo Ninh's poor rate 0.0219 (2,19%) for 2,92% is one error on E9; fix writes a fraction", () => {
    const t = table(frac(4), (x) => x, formats);
    t.rows[8][4] = 0.0219;
    const r = run(t);
    const e = errCells(r.findings);
    expect(e.map((x) => x[0])).toEqual(["E9"]);
    // the expected value is said either as the percentage shown or as the fraction stored
    expect([rate(58, 1987), roundTo(58 / 1987, 4)]).toContain(e[0][1]);
    const w = writes(r).get("E9");
    if (w !== undefined) expect(w).toBeCloseTo(58 / 1987, 4);
  });
});

describe("B3. rates with one decimal", () => {
  test("clean: rounded to one decimal, silent", () => {
    const r = run(table((c, h) => roundTo(pct(c, h), 1), vn(1)));
    dump(r);
    expect(r.loud).toEqual([]);
  });
  test("defective: Phường Đồng Hới's near-poor rate 1,3 for 1,5 (G7): one error with 1,5", () => {
    const t = table((c, h) => roundTo(pct(c, h), 1), vn(1));
    t.rows[6][6] = "1,3";
    const r = run(t);
    expect(errCells(r.findings)).toEqual([["G7", roundTo(pct(63, 4102), 1)]]);
  });
});

describe("B4. rates typed English-style with three decimals ('1.462' is 1,462 %)", () => {
  const en3 = (x: number) => x.toFixed(3);
  test("clean: read as rates, silent (no rate-out-of-range, no thousands)", () => {
    const r = run(table((c, h) => roundTo(pct(c, h), 3), en3));
    dump(r);
    expect(r.loud).toEqual([]);
  });
  test("defective: Xã Lộc Ninh's poor rate '2.290' for 2,921 (E10): one error with 2,921", () => {
    const t = table((c, h) => roundTo(pct(c, h), 3), en3);
    t.rows[9][4] = "2.290";
    const r = run(t);
    expect(errCells(r.findings)).toEqual([["E10", roundTo(pct(71, 2431), 3)]]);
  });
  test("Vietnamese twin: '1,462' three decimals with a comma, silent", () => {
    const r = run(table((c, h) => roundTo(pct(c, h), 3), vn(3)));
    expect(r.loud).toEqual([]);
  });
});
