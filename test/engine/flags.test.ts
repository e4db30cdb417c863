// A yes/no column (TRUE/FALSE, Đạt/Không đạt) beside counts is not a number column, whatever its header says
// ("Trên 5%"): no malformed-number, no rate written over it. The counts beside it are still checked.
import { analyzeGrid, fixPlan } from "../../src/engine";
import { gridFromRows } from "../../src/engine/grid";

const HEADER = ["STT", "Đơn vị", "Tổng số hộ", "Hộ nghèo", "Trên 5%"];
const UNITS: [string, number, number][] = [
  ["Thôn Một", 512, 38],
  ["Thôn Hai", 1518, 97],
  ["Thôn Ba", 436, 12],
  ["Thôn Bốn", 784, 59],
];

function rows(flag: (poor: number, households: number) => unknown, poorOfFirst = 38): unknown[][] {
  const body = UNITS.map(([name, h, p], i) => {
    const poor = i === 0 ? poorOfFirst : p;
    return [i + 1, name, h, poor, flag(poor, h)];
  });
  const households = UNITS.reduce((s, u) => s + u[1], 0);
  const poor = body.reduce((s, r) => s + (r[3] as number), 0);
  return [HEADER, ...body, ["", "Tổng cộng", households, poor, body.filter((r) => r[4] === true).length]];
}

const over5 = (p: number, h: number) => p / h > 0.05;
const dat = (p: number, h: number) => (p / h > 0.05 ? "Không đạt" : "Đạt");

describe("a yes/no column is not a number column", () => {
  it.each([
    ["TRUE/FALSE", over5],
    ["Đạt/Không đạt", dat],
  ])("%s: a clean table stays silent and nothing is written in it", (_name, flag) => {
    const grid = gridFromRows("DS", rows(flag));
    const analyses = analyzeGrid(grid);
    expect(analyses).toHaveLength(1);
    expect(analyses[0].findings).toEqual([]);
    // The totals get their =SUM formulas; the yes/no column gets nothing.
    expect(fixPlan(analyses).writes.map((w) => w.cell)).toEqual(["C6", "D6"]);
  });

  it("TRUE/FALSE given by formulas (LibreOffice's =TRUE()) is a yes/no column too", () => {
    const data = rows(over5).map((r, i) =>
      i === 0 || i === UNITS.length + 1 ? r : [...r.slice(0, 4), r[4] ? "=TRUE()" : "=FALSE()"],
    );
    const cached: Record<string, boolean> = {};
    UNITS.forEach((u, i) => (cached[`E${i + 2}`] = u[2] / u[1] > 0.05));
    const analyses = analyzeGrid(gridFromRows("DS", data, { cached: cached as never }));
    expect(analyses[0].findings).toEqual([]);
    expect(fixPlan(analyses).writes.filter((w) => w.cell.startsWith("E"))).toEqual([]);
  });

  it("the counts beside it are still checked", () => {
    const data = rows(over5);
    data[UNITS.length + 1][3] = 200; // total of the poor off
    const findings = analyzeGrid(gridFromRows("DS", data)).flatMap((t) => t.findings);
    expect(findings.map((f) => `${f.cell} ${f.rule}`)).toEqual(["D6 sum-mismatch"]);
  });

  it("a rate column with one stray TRUE among numbers stays a rate column", () => {
    const data: unknown[][] = [
      ["STT", "Đơn vị", "Tổng số hộ", "Hộ nghèo", "Tỷ lệ hộ nghèo (%)"],
      [1, "Thôn Một", 512, 38, 7.42],
      [2, "Thôn Hai", 1518, 97, true],
      [3, "Thôn Ba", 436, 12, 2.75],
      [4, "Thôn Bốn", 784, 59, 7.53],
    ];
    const findings = analyzeGrid(gridFromRows("DS", data)).flatMap((t) => t.findings);
    expect(findings.map((f) => `${f.cell} ${f.rule}`)).toEqual(["E3 malformed-number"]);
  });
});

describe("a formula saved without its value (openpyxl)", () => {
  it("is not reported as an empty cell", () => {
    const data = rows(over5);
    data[UNITS.length + 1][2] = "=SUM(C2:C5)";
    const findings = analyzeGrid(gridFromRows("DS", data)).flatMap((t) => t.findings);
    expect(findings.map((f) => `${f.cell} ${f.rule}`)).toEqual([]);
  });

  it("a typed total left empty is still missing", () => {
    const data = rows(over5);
    data[UNITS.length + 1][2] = null;
    const findings = analyzeGrid(gridFromRows("DS", data)).flatMap((t) => t.findings);
    expect(findings.map((f) => `${f.cell} ${f.rule} ${f.expected}`)).toEqual(["C6 missing-value 3250"]);
  });
});
