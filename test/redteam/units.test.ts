// Red team, issue 18.5: units listed twice or missing. A duplicate is a warning on the second row's name cell,
// whatever the spelling ("TDP số 3", "Tổ dân phố 3", stray spaces, capitals); two groups may share a unit name.
import { fixPlan } from "../../src/engine";
import { rate, read, sum } from "./helpers";

type U = readonly [string, number, number];
function table(units: U[], groups?: { name: string; from: number; to: number }[]) {
  const line = (stt: unknown, n: string, h: number, p: number) => [stt, n, h, p, rate(p, h)];
  const rows: unknown[][] = [["STT", "Tên đơn vị", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ hộ nghèo (%)"]];
  if (!groups) units.forEach((u, i) => rows.push(line(i + 1, ...u)));
  else
    groups.forEach((g, gi) => {
      const us = units.slice(g.from, g.to);
      const h = sum(us.map((u) => u[1]));
      const p = sum(us.map((u) => u[2]));
      rows.push(line(["I", "II", "III"][gi], g.name, h, p));
      us.forEach((u, i) => rows.push(line(i + 1, ...u)));
    });
  const H = sum(units.map((u) => u[1]));
  const P = sum(units.map((u) => u[2]));
  rows.push(line(null, "Tổng cộng", H, P));
  return read(rows);
}
const dup = (r: ReturnType<typeof read>) =>
  r.findings.filter((f) => f.rule === "duplicate-unit").map((f) => f.cell);

describe("D1 a row pasted twice, spelled differently (TDP số 3 / Tổ dân phố 3)", () => {
  const base: U[] = [
    ["TDP số 1", 402, 11],
    ["TDP số 2", 377, 9],
    ["TDP số 3", 515, 14],
    ["TDP số 4", 298, 7],
  ];
  test("clean: silent", () => {
    expect(table(base).loud).toEqual([]);
  });
  test("defective: row 5 is 'Tổ dân phố 3' again with TDP 3's numbers (the total includes it): a warning on B5", () => {
    const r = table([...base.slice(0, 3), ["Tổ dân phố 3", 515, 14], base[3]]);
    expect(dup(r)).toEqual(["B5"]);
  });
  test("defective: 'Thôn  Tân Lập ' and 'THÔN TÂN LẬP' (stray spaces, capitals) are one unit: a warning on B4", () => {
    const r = table([
      ["Thôn  Tân Lập ", 402, 11],
      ["Thôn Tân Hòa", 377, 9],
      ["THÔN TÂN LẬP", 402, 11],
    ]);
    expect(dup(r)).toEqual(["B4"]);
  });
});

describe("D2 two communes each with a 'Thôn 1' and 'Thôn 2': not duplicates", () => {
  const units: U[] = [
    ["Thôn 1", 220, 31],
    ["Thôn 2", 185, 26],
    ["Thôn 1", 240, 40],
    ["Thôn 2", 199, 22],
  ];
  const groups = [
    { name: "Xã Nậm Pồ", from: 0, to: 2 },
    { name: "Xã Nà Khoa", from: 2, to: 4 },
  ];
  test("clean: silent, four units, two groups", () => {
    const r = table(units, groups);
    expect(r.unitRows).toEqual([3, 4, 6, 7]);
    expect(r.loud).toEqual([]);
  });
  test("defective: Nà Khoa's second unit pasted over with its first (Thôn 1 twice, the Thôn 2 missing): warned", () => {
    const r = table([...units.slice(0, 3), ["Thôn 1", 240, 40]], groups);
    expect(dup(r)).toEqual(["B7"]);
  });
});

describe("D3 a unit pasted over its neighbour while the total keeps the true sum", () => {
  // Bản Phiêng Luông (row 4) pasted over with Bản Co Lóng's row; the total (and its rate) are of the true units.
  const units: U[] = [
    ["Bản Co Lóng", 145, 62],
    ["Bản Nà Lừa", 198, 71],
    ["Bản Phiêng Luông", 167, 55],
    ["Bản Huổi Hẩu", 120, 48],
  ];
  test("the duplicate is warned on B4; the total is not blamed with the sum of the rows as they stand", () => {
    const rows = table(units);
    // Build the pasted twin from the clean rows: row 4 becomes a copy of row 2 (name and numbers).
    const r = read(
      rows.grid.cells.map((row, i) =>
        (i === 3 ? rows.grid.cells[1] : row)!.map((c, j) => (i === 3 && j === 0 ? 3 : (c?.value ?? null))),
      ),
    );
    expect(dup(r)).toEqual(["B4"]);
    // The total does not add up as the rows stand (a fact, said), but it is not blamed: the finding is only
    // suggested, names the pasted row, and nothing is written to the total or its rate.
    const onTotal = r.errors.filter((f) => f.cell === "C6");
    for (const f of onTotal) {
      expect(f.certainty).toBe("suggested");
      expect(f.params?.duplicateCell).toBe("B4");
    }
    const written = fixPlan(r.analyses).writes.map((w) => w.cell);
    expect(written).not.toContain("C6");
    expect(written).not.toContain("D6");
    expect(written).not.toContain("E6");
  });
});
