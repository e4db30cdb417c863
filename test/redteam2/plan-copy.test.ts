// Red team 2, class D: a commune's plan for 2025 (households, poor at the start, the target reduction, the
// projected poor and rate) whose projected block was copied from the start block. In a plan the target is the
// input: the projected poor are start − target and their rate follows. Right values are worked out here.
import { dump, errCells, rate, read, sum, vnInt, vnRate, writes } from "./helpers";

type U = [name: string, h: number, p: number, t: number];
const THON: U[] = [
  ["Thôn Khe Ang", 356, 41, 6],
  ["Thôn Khe Su", 298, 37, 5],
  ["Thôn Bãi Gỗ", 412, 22, 3],
  ["Thôn Tân Lập", 265, 18, 0], // no target: the copy is right by chance here
  ["Thôn Đồng Mới", 389, 45, 7],
];
const tot = (k: 1 | 2 | 3) => sum(THON.map((u) => u[k]));

function plan(copy: boolean) {
  const line = (stt: unknown, name: string, h: number, p: number, t: number) => {
    const proj = copy ? p : p - t;
    return [stt, name, vnInt(h), vnInt(p), vnRate(rate(p, h)), vnInt(t), vnInt(proj), vnRate(rate(proj, h))];
  };
  const rows: unknown[][] = [
    ["UBND XÃ HƯƠNG SƠN", null, null, null, null, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    [null, null, null, null, null, "Độc lập - Tự do - Hạnh phúc"],
    ["KẾ HOẠCH GIẢM NGHÈO NĂM 2025"],
    [
      "STT",
      "Thôn",
      "Tổng số hộ",
      "Hộ nghèo đầu năm 2025",
      null,
      "Chỉ tiêu giảm hộ nghèo (hộ)",
      "Dự kiến cuối năm 2025",
      null,
    ],
    [null, null, null, "Số hộ", "Tỷ lệ (%)", null, "Số hộ nghèo", "Tỷ lệ (%)"],
    ...THON.map(([n, h, p, t], i) => line(i + 1, n, h, p, t)),
    line("", "Tổng cộng", tot(1), tot(2), tot(3)),
    [],
    [null, null, null, null, null, "TM. UBND XÃ"],
  ];
  return read(rows, { merges: ["A4:A5", "B4:B5", "C4:C5", "D4:E4", "F4:F5", "G4:H4"] });
}
const BODY = [
  ...THON.map((u, i) => ({ row: 6 + i, u: u as [string, number, number, number] })),
  {
    row: 11,
    u: ["", tot(1), tot(2), tot(3)] as [string, number, number, number],
  },
];

describe("D. Kế hoạch giảm nghèo năm 2025: projected block copied from the start block", () => {
  test("clean twin: silent", () => {
    const r = plan(false);
    dump(r);
    expect(r.unitRows).toEqual([6, 7, 8, 9, 10]);
    expect(r.loud).toEqual([]);
  });
  test("defective: the copy is named (copied-column), the reading is not unsure", () => {
    const r = plan(true);
    dump(r);
    expect(r.findings.filter((f) => f.rule === "copied-column").length).toBeGreaterThan(0);
    expect(r.findings.filter((f) => f.rule === "structure-unsure")).toEqual([]);
  });
  test("defective: each projected count is start − target and each projected rate its rate; Tân Lập silent", () => {
    const r = plan(true);
    const want = BODY.filter((x) => x.u[3] > 0).flatMap((x) => [
      [`G${x.row}`, x.u[2] - x.u[3]],
      [`H${x.row}`, rate(x.u[2] - x.u[3], x.u[1])],
    ]);
    expect(errCells(r.findings)).toEqual(
      want.sort((a, b) => String(a[0]).localeCompare(String(b[0]), "en", { numeric: true })),
    );
  });
  test("defective: nothing is written from a suggestion; what fix writes is the plan's value", () => {
    const r = plan(true);
    const w = writes(r);
    for (const f of r.findings.filter((x) => x.certainty === "suggested")) {
      const typed = r.grid.cells[Number(f.cell.slice(1)) - 1]?.[f.cell.charCodeAt(0) - 65]?.value;
      const v = w.get(f.cell);
      if (v !== undefined)
        expect([f.cell, Number(String(v).replace(",", "."))]).toEqual([
          f.cell,
          Number(String(typed).replace(/\./g, "").replace(",", ".")),
        ]);
    }
    for (const x of BODY) {
      const g = w.get(`G${x.row}`);
      const proved = !r.findings.some((f) => f.cell === `G${x.row}` && f.certainty === "suggested");
      if (g !== undefined && proved) expect([x.row, g]).toEqual([x.row, x.u[2] - x.u[3]]);
    }
  });
});
