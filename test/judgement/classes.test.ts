// Issue 17's classes on tables typed by other offices than the seeds': a report whose end-of-year columns are a
// copy of the start, a rate column copied in only part of its rows, a wrong unit whose repair is identifiable, and
// a column whose relation is unusual but holds in every row. Each with its clean twin. Right values are worked out
// here from the counts (poor / households × 100, start − reduction), never read from the engine.
import { analyzeGrid, fixPlan } from "../../src/engine";
import { gridFromRows } from "../../src/engine/grid";
import { rate } from "../engine/fixtures";
import type { Finding } from "../../src/engine/report";

const errors = (fs: Finding[]) => fs.filter((f) => f.severity === "error");

// ---- A district's year-end report: communes, start and end of 2024, escaped households ----
const COMMUNES = [
  ["Xã Ân Hảo Đông", 1724, 96, 71],
  ["Xã Ân Hảo Tây", 1388, 84, 60],
  ["Xã Ân Mỹ", 2051, 133, 102],
  ["Xã Ân Tín", 1902, 77, 58],
  ["Xã Ân Tường Tây", 1566, 121, 90],
] as const;
function districtReport(copyEnd: boolean) {
  const body = COMMUNES.map(([name, h, start, end], i) => {
    const e = copyEnd ? start : end;
    return [i + 1, name, h, start, rate(start, h), e, copyEnd ? rate(start, h) : rate(end, h), start - end];
  });
  const sum = (k: number) => body.reduce((s, r) => s + (r[k] as number), 0);
  const H = sum(2);
  return gridFromRows(
    "BC 2024",
    [
      ["BÁO CÁO KẾT QUẢ GIẢM NGHÈO NĂM 2024 - HUYỆN HOÀI ÂN"],
      [],
      [
        "TT",
        "Xã, thị trấn",
        "Tổng số hộ",
        "Hộ nghèo đầu năm",
        null,
        "Hộ nghèo cuối năm",
        null,
        "Số hộ nghèo giảm",
      ],
      [null, null, null, "Số hộ", "Tỷ lệ (%)", "Số hộ", "Tỷ lệ (%)", null],
      ...body,
      [null, "Toàn huyện", H, sum(3), rate(sum(3), H), 381, rate(381, H), sum(7)],
    ],
    { merges: ["A3:A4", "B3:B4", "C3:C4", "D3:E3", "F3:G3", "H3:H4"] },
  );
}

describe("a report whose end-of-year columns are a copy of the start", () => {
  const [a] = analyzeGrid(districtReport(true));
  test("the copy is named once; each copied end count is suggested with start − reduction, its rate follows", () => {
    expect(a.unsure).toBe(false);
    const copy = a.findings.filter((f) => f.rule === "copied-column");
    expect(copy.map((f) => f.params?.columns ?? f.params?.target)).toEqual(["F, G"]);
    const end = COMMUNES.map(([, h, start, right], i) => ({
      row: 5 + i,
      right,
      rateRight: rate(right, h),
      start,
    }));
    for (const u of end) {
      const f = a.findings.find((x) => x.cell === `F${u.row}` && x.severity === "error");
      expect([f?.expected, f?.certainty]).toEqual([u.right, "suggested"]);
      const g = a.findings.find((x) => x.cell === `G${u.row}` && x.severity === "error");
      expect(g?.expected).toBe(u.rateRight);
    }
  });
  test("fix writes no end count and nothing computed from the copies", () => {
    const cells = new Set(fixPlan([a]).writes.map((w) => w.cell));
    for (let r = 5; r <= 9; r++) for (const c of ["F", "G", "H"]) expect(cells.has(`${c}${r}`)).toBe(false);
  });
  test("the clean twin is silent", () => {
    expect(analyzeGrid(districtReport(false)).flatMap((t) => t.findings)).toEqual([]);
  });
});

// ---- A ward's plan: 2025 rates copied from 2024 in five of nine rows ----
const GROUPS = [
  ["TDP Bắc Sơn", 512, 9, 518, 7],
  ["TDP Nam Sơn", 436, 8, 440, 6],
  ["TDP Đông Hải", 618, 12, 625, 10],
  ["TDP Tây Hải", 389, 6, 392, 6],
  ["TDP Trung Hòa", 701, 15, 709, 12],
  ["TDP Hòa Bình", 455, 7, 457, 5],
  ["TDP Quyết Thắng", 290, 5, 296, 4],
  ["TDP Đồng Tâm", 333, 6, 335, 5],
  ["TDP Tân Tiến", 478, 11, 481, 9],
] as const;
const COPIED_ROWS = new Set([0, 1, 4, 5, 8]);
function wardPlan(copy: boolean) {
  const body = GROUPS.map(([name, h0, p0, h1, p1], i) => [
    i + 1,
    name,
    h0,
    p0,
    rate(p0, h0),
    h1,
    p1,
    copy && COPIED_ROWS.has(i) ? rate(p0, h0) : rate(p1, h1),
  ]);
  const sum = (k: number) => body.reduce((s, r) => s + (r[k] as number), 0);
  return gridFromRows(
    "KH 2025",
    [
      ["DỰ KIẾN TỶ LỆ HỘ NGHÈO NĂM 2025"],
      ["Stt", "Tổ dân phố", "Năm 2024", null, null, "Dự kiến năm 2025"],
      [null, null, "Số hộ", "Hộ nghèo", "Tỷ lệ (%)", "Số hộ", "Hộ nghèo", "Tỷ lệ (%)"],
      ...body,
      ["", "Cộng", sum(2), sum(3), rate(sum(3), sum(2)), sum(5), sum(6), rate(sum(6), sum(5))],
    ],
    { merges: ["A2:A3", "B2:B3", "C2:E2", "F2:H2"] },
  );
}

describe("a rate column copied in five of nine rows", () => {
  const [a] = analyzeGrid(wardPlan(true));
  test("every copied rate that is wrong for its row is flagged with its value; the rows typed anew are silent", () => {
    expect(a.unsure).toBe(false);
    const wrong = GROUPS.map(([, , , h1, p1], i) => ({ i, right: rate(p1, h1) })).filter((x) =>
      COPIED_ROWS.has(x.i),
    );
    const shown = wrong.filter((x) => {
      const [, h0, p0] = GROUPS[x.i];
      return rate(p0, h0) !== x.right;
    });
    expect(errors(a.findings).map((f) => [f.cell, f.expected])).toEqual(
      shown.map((x) => [`H${4 + x.i}`, x.right]),
    );
    expect(a.findings.filter((f) => f.rule === "copied-column").map((f) => f.params?.source)).toEqual(["E"]);
  });
  test("the clean twin is silent", () => {
    expect(analyzeGrid(wardPlan(false)).flatMap((t) => t.findings)).toEqual([]);
  });
});

// ---- A wrong unit whose repair is identifiable: its own rate and the total agree on another count ----
function villages(typo: boolean) {
  const v = [
    ["Thôn Phú Xuân", 2497, 135],
    ["Thôn Phú Lộc", 1830, 96],
    ["Thôn Phú Hòa", 2210, 119],
  ] as const;
  const H = v.reduce((s, x) => s + x[1], 0);
  const P = v.reduce((s, x) => s + x[2], 0);
  return gridFromRows("Thôn", [
    ["STT", "Thôn", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ hộ nghèo (%)"],
    ...v.map(([n, h, p], i) => [i + 1, n, typo && i === 0 ? 2947 : h, p, rate(p, h)]),
    [null, "Tổng cộng", H, P, rate(P, H)],
  ]);
}
describe("a wrong unit whose repair is identifiable", () => {
  test("the unit is blamed with the value its rate and the total agree on; nothing is recomputed from it", () => {
    const [a] = analyzeGrid(villages(true));
    expect(errors(a.findings).map((f) => [f.cell, f.expected, f.certainty])).toEqual([
      ["C2", 2497, "suggested"],
    ]);
    const cells = fixPlan([a]).writes.map((w) => w.cell);
    expect(cells).not.toContain("E2");
    expect(cells).not.toContain("C5");
  });
  test("the clean twin is silent", () => {
    expect(analyzeGrid(villages(false)).flatMap((t) => t.findings)).toEqual([]);
  });
});

// ---- An unusual relation that holds in every row: the rate of reduction over the start households ----
function reductionRates(broken: boolean) {
  const v = [
    ["Bản Nà Ngần", 214, 61, 9],
    ["Bản Khuổi Vài", 187, 52, 8],
    ["Bản Pác Nặm", 251, 70, 11],
    ["Bản Cốc Lùng", 163, 49, 7],
  ] as const;
  return gridFromRows("Chỉ tiêu", [
    ["CHỈ TIÊU GIẢM NGHÈO NĂM 2025"],
    ["STT", "Bản", "Tổng số hộ", "Hộ nghèo đầu năm", "Tỷ lệ (%)", "Chỉ tiêu giảm (hộ)", "Tỷ lệ giảm (%)"],
    ...v.map(([n, h, p, r], i) => [i + 1, n, h, p, rate(p, h), r, broken && i === 2 ? 4.8 : rate(r, h)]),
  ]);
}
describe("a column whose relation is unusual but holds in every row", () => {
  test("read as reduction / households × 100, said once as information, silent", () => {
    const [a] = analyzeGrid(reductionRates(false));
    expect(a.unsure).toBe(false);
    expect(a.findings.map((f) => [f.rule, f.severity])).toEqual([["reading-adopted", "info"]]);
    expect(a.findings[0].params?.holds).toBe("F/C×100");
  });
  test("one wrong cell in such a column is no longer 'every row': not adopted, and not silently passed", () => {
    const [a] = analyzeGrid(reductionRates(true));
    expect(a.findings.filter((f) => f.rule === "reading-adopted")).toEqual([]);
    expect(a.findings.map((f) => [f.rule, f.cell])).toEqual([["column-unchecked", "G2"]]);
  });
});
