// Red team 2, class A: a commune's year-end report (start / end of year, households lifted out), typed with
// Vietnamese text numbers, merged headers, groups I/II, a numbering row, a title block and a signature. Defect:
// the end-of-year rate column copied from the start-of-year one in most rows. Right values are worked out here.
import { dump, errCells, rate, read, sum, vnInt, vnRate, writes } from "./helpers";

type U = [name: string, h: number, start: number, end: number];
const G1: U[] = [
  ["Thôn Tân Lập", 1245, 68, 51],
  ["Thôn Tân Hòa", 986, 57, 44],
  ["Thôn Tân Thành", 1518, 83, 62],
];
const G2: U[] = [
  ["Bản Nà Hin", 412, 61, 49],
  ["Bản Pá Khôm", 377, 72, 58],
  ["Bản Co Muông", 298, 44, 38],
];
// Which unit rows (0..5) carry the copy; the last one was typed anew. Groups and total copied too.
const COPIED = new Set([0, 1, 2, 3, 4]);
const FIRST = 8; // sheet row of group I

function baseLine(stt: string, name: string, u: [number, number, number], endRate: number) {
  const [h, s, e] = u;
  return [stt, name, vnInt(h), vnInt(s), vnRate(rate(s, h)), vnInt(e), vnRate(endRate), vnInt(s - e), null];
}
const agg = (us: U[]): [number, number, number] => [
  sum(us.map((u) => u[1])),
  sum(us.map((u) => u[2])),
  sum(us.map((u) => u[3])),
];

/** Sheet row → [households, start, end] for every body row. */
function bodyRows(): { row: number; hse: [number, number, number]; copied: boolean }[] {
  const out: { row: number; hse: [number, number, number]; copied: boolean }[] = [];
  out.push({ row: FIRST, hse: agg(G1), copied: true });
  G1.forEach((u, i) => out.push({ row: FIRST + 1 + i, hse: [u[1], u[2], u[3]], copied: COPIED.has(i) }));
  out.push({ row: FIRST + 4, hse: agg(G2), copied: true });
  G2.forEach((u, i) => out.push({ row: FIRST + 5 + i, hse: [u[1], u[2], u[3]], copied: COPIED.has(3 + i) }));
  out.push({ row: FIRST + 8, hse: agg([...G1, ...G2]), copied: true });
  return out;
}

export function report(copy: boolean, block = false) {
  const endRate = (x: { hse: [number, number, number]; copied: boolean }) =>
    copy && x.copied ? rate(x.hse[1], x.hse[0]) : rate(x.hse[2], x.hse[0]);
  const b = bodyRows();
  const line = (stt: string, name: string, u: [number, number, number], er: number) => {
    const l = baseLine(stt, name, u, er);
    // the whole end-of-year block copied: the end count too (the reduction column was typed right)
    if (block && er === rate(u[1], u[0]) && copy) l[5] = vnInt(u[1]);
    return l;
  };
  const rows: unknown[][] = [
    ["UBND XÃ TÂN PHÚ"],
    ["BÁO CÁO KẾT QUẢ THỰC HIỆN GIẢM NGHÈO NĂM 2024"],
    ["(Kèm theo Báo cáo số 215/BC-UBND ngày 20/12/2024 của UBND xã Tân Phú)"],
    [],
    [
      "STT",
      "Thôn, bản",
      "Tổng số hộ",
      "Đầu năm 2024",
      null,
      "Cuối năm 2024",
      null,
      "Số hộ nghèo giảm",
      "Ghi chú",
    ],
    [null, null, null, "Số hộ nghèo", "Tỷ lệ (%)", "Số hộ nghèo", "Tỷ lệ (%)", null, null],
    ["A", "B", "1", "2", "3=2/1*100", "4", "5=4/1*100", "6=2-4", "7"],
    line("I", "Khu vực vùng thấp", b[0].hse, endRate(b[0])),
    ...G1.map((u, i) => line(String(i + 1), u[0], b[1 + i].hse, endRate(b[1 + i]))),
    line("II", "Khu vực vùng cao", b[4].hse, endRate(b[4])),
    ...G2.map((u, i) => line(String(i + 4), u[0], b[5 + i].hse, endRate(b[5 + i]))),
    line("", "Tổng cộng (I+II)", b[8].hse, endRate(b[8])),
    [],
    [null, "NGƯỜI LẬP BIỂU", null, null, null, null, "TM. ỦY BAN NHÂN DÂN"],
    [null, null, null, null, null, null, "CHỦ TỊCH"],
  ];
  rows[FIRST + 5 - 1][8] = "Thôn ĐBKK";
  return read(rows, {
    merges: ["A1:I1", "A2:I2", "A3:I3", "A5:A6", "B5:B6", "C5:C6", "D5:E5", "F5:G5", "H5:H6", "I5:I6"],
  });
}

describe("A. end-of-year rates copied from the start-of-year rates in most rows", () => {
  test("clean twin: read whole (six units, two groups, one total), silent", () => {
    const r = report(false);
    dump(r);
    expect(r.unitRows).toEqual([9, 10, 11, 13, 14, 15]);
    expect(r.loud).toEqual([]);
  });

  test("defective: the copy is named once, E → G", () => {
    const r = report(true);
    dump(r);
    const copy = r.findings.filter((f) => f.rule === "copied-column");
    expect(copy).toHaveLength(1);
    const said = JSON.stringify([copy[0].params, copy[0].related, copy[0].cell]);
    expect(said).toMatch(/E/);
    expect(said).toMatch(/G/);
  });

  test("defective: not structure-unsure, the reading stands", () => {
    const r = report(true);
    expect(r.findings.filter((f) => f.rule === "structure-unsure")).toEqual([]);
    expect(r.analyses.every((a) => !a.unsure)).toBe(true);
  });

  test("defective: every wrong copied rate is an error with its right value end / households; nothing else", () => {
    const r = report(true);
    const want = bodyRows()
      .filter((x) => x.copied && rate(x.hse[1], x.hse[0]) !== rate(x.hse[2], x.hse[0]))
      .map((x) => [`G${x.row}`, rate(x.hse[2], x.hse[0])]);
    expect(errCells(r.findings)).toEqual(want);
  });

  test("defective: the copied rates are proved (their counts are there and agree with the reduction)", () => {
    const r = report(true);
    const g = r.findings.filter((f) => f.severity === "error" && f.cell.startsWith("G"));
    expect(g.length).toBeGreaterThan(0);
    expect(g.filter((f) => f.certainty === "suggested").map((f) => f.cell)).toEqual([]);
  });

  test("defective: nothing written from a suggestion; what fix writes in G is the right rate", () => {
    const r = report(true);
    const w = writes(r);
    for (const f of r.findings.filter((x) => x.certainty === "suggested")) expect(w.has(f.cell)).toBe(false);
    for (const x of bodyRows()) {
      const v = w.get(`G${x.row}`);
      if (v !== undefined) expect(v).toBe(rate(x.hse[2], x.hse[0]));
      // the counts are right: fix must not touch them
      expect(w.has(`F${x.row}`) && w.get(`F${x.row}`) !== x.hse[2]).toBe(false);
    }
  });
});

describe("A2. the whole end-of-year block (count and rate) copied from the start in most rows", () => {
  const copiedRows = () => bodyRows().filter((x) => x.copied);
  test("each copied end count is flagged with start − reduction, its rate with the rate of that count", () => {
    const r = report(true, true);
    dump(r);
    for (const x of copiedRows()) {
      const [h, s, e] = x.hse;
      const f = r.findings.find((y) => y.cell === `F${x.row}` && y.severity === "error");
      expect([x.row, f?.expected]).toEqual([x.row, e]);
      expect(s - e).toBeGreaterThan(0);
      const g = r.findings.find((y) => y.cell === `G${x.row}` && y.severity === "error");
      expect([x.row, g?.expected]).toEqual([x.row, rate(e, h)]);
    }
  });
  test("not structure-unsure; a copied-column warning names the copy", () => {
    const r = report(true, true);
    expect(r.findings.filter((f) => f.rule === "structure-unsure")).toEqual([]);
    expect(r.findings.filter((f) => f.rule === "copied-column").length).toBeGreaterThan(0);
  });
  test("fix writes no suggested end count and no rate computed from one", () => {
    const r = report(true, true);
    const w = writes(r);
    for (const x of copiedRows()) {
      const f = r.findings.find((y) => y.cell === `F${x.row}` && y.severity === "error");
      if (f?.certainty === "suggested") {
        // a text number may be written back as the number typed (the copy), never as the suggestion
        const [h, s, e] = x.hse;
        expect([x.row, w.get(`F${x.row}`) ?? s]).toEqual([x.row, s]);
        expect([x.row, w.get(`G${x.row}`) ?? rate(s, h)]).toEqual([x.row, rate(s, h)]);
        expect(e).not.toBe(s);
      }
    }
  });
});
