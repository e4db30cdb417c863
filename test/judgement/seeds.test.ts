// The three appendix tables of the seeds: a careful reviewer finds exactly what ../shared/domain.md lists ("What
// goes wrong in the seeds' tables"), on the right cell, with the right value, and nothing else; the clean twins
// are silent. Expected values are the domain's, worked by hand (see seeds.ts), not read from the engine.
import { analyzeGrid, fixPlan } from "../../src/engine";
import type { Finding } from "../../src/engine/report";
import { describeFinding } from "../../src/i18n/findings";
import {
  CAM_LONG_PROJECTED,
  CAM_LONG_PROJECTED_RATES,
  DI_SU_2021_RIGHT,
  camLongGrid,
  diSuGrid,
  myHaoGrid,
} from "./seeds";

const defects = (fs: Finding[]) =>
  fs
    .filter((f) => f.severity !== "info" && f.rule !== "copied-column")
    .map((f) => `${f.cell} ${f.rule} ${f.expected}`)
    .sort();

describe("Mỹ Hào 2024: a stale subtotal, a malformed rate, five truncated rates", () => {
  const [a] = analyzeGrid(myHaoGrid());
  test("every defect on its cell with its value, nothing else", () => {
    expect(a.unsure).toBe(false);
    expect(defects(a.findings)).toEqual(
      [
        "C7 sum-mismatch 21598",
        "D7 sum-mismatch 170",
        "E9 malformed-number null",
        "E10 rate-rounding 0.91",
        "E13 rate-rounding 0.86",
        "E17 rate-rounding 1.48",
        "E20 rate-rounding 1.44",
        "E21 rate-rounding 1.36",
      ].sort(),
    );
  });
  test("no ward is blamed for the subtotal: the finding is on the subtotal and fix changes no input", () => {
    const plan = fixPlan([a]);
    const inputs = plan.writes.filter(
      (w) => /^[CD]/.test(w.cell) && !["C7", "D7", "C15", "D15", "C22", "D22"].includes(w.cell),
    );
    expect(inputs).toEqual([]);
    expect(plan.writes.find((w) => w.cell === "C7")).toMatchObject({ formula: "=SUM(C8:C14)", value: 21598 });
    expect(describeFinding(a.findings.find((f) => f.cell === "C7")!)).toContain("21.598");
  });
  test("the clean twin is silent", () => {
    expect(analyzeGrid(myHaoGrid(true)).flatMap((t) => t.findings)).toEqual([]);
  });
});

describe("Dị Sử 2021: the 2021 rates copied from 2020, a wrong total, a truncated rate", () => {
  const [a] = analyzeGrid(diSuGrid());
  test("each copied rate wrong for its own row, the total and the truncated rate; the right copies stay silent", () => {
    expect(a.unsure).toBe(false);
    const wrongRows = [9, 10, 13, 14, 15, 16]; // Nhân Vinh, Trai, Rừng, Sài, Bưởi; Tháp 0,95 for 0,85
    expect(defects(a.findings)).toEqual(
      [
        "C17 sum-mismatch 3975",
        "E8 rate-rounding 0.76",
        ...wrongRows.map((r) => `H${r} rate-mismatch ${DI_SU_2021_RIGHT[r - 8]}`),
      ].sort(),
    );
  });
  test("one note names the copy: column H from column E", () => {
    const copy = a.findings.filter((f) => f.rule === "copied-column");
    expect(copy).toHaveLength(1);
    expect(copy[0].params).toMatchObject({ target: "H", source: "E" });
    expect(describeFinding(copy[0], "vi")).toMatch(/Cột H giống hệt cột E ở \d+\/\d+ dòng/);
  });
  test("fix rewrites the copied rates as formulas and changes no count", () => {
    const plan = fixPlan([a]);
    expect(plan.writes.find((w) => w.cell === "H9")).toMatchObject({
      formula: "=ROUND(G9/F9*100,2)",
      value: 1.18,
    });
    expect(plan.writes.filter((w) => /^[DFG]\d+$/.test(w.cell) && Number(w.cell.slice(1)) < 17)).toEqual([]);
  });
  test("the clean twin is silent", () => {
    expect(analyzeGrid(diSuGrid(true)).flatMap((t) => t.findings)).toEqual([]);
  });
});

describe("Cẩm Long 2023: the projected block copied from the start, 1.518 households, a truncated rate", () => {
  const [a] = analyzeGrid(camLongGrid());
  test("projected poor and rates flagged with their values; the reduction rate read as I/C×100 and silent", () => {
    expect(a.unsure).toBe(false);
    expect(defects(a.findings)).toEqual(
      [
        "C12 non-integer-count 1518",
        "F12 non-integer-count 1518",
        "E7 rate-rounding 7.53",
        ...CAM_LONG_PROJECTED.map((v, i) => `G${6 + i} projection-mismatch ${v}`),
        ...CAM_LONG_PROJECTED_RATES.map((v, i) => `H${6 + i} rate-mismatch ${v}`),
        "G12 sum-mismatch 163",
        "H12 rate-mismatch 10.74",
      ].sort(),
    );
    const adopted = a.findings.filter((f) => f.rule === "reading-adopted");
    expect(adopted.map((f) => [f.cell, f.params?.holds])).toEqual([["J3", "I/C×100"]]);
    expect(a.findings.filter((f) => f.cell.startsWith("J") && f.severity !== "info")).toEqual([]);
  });
  test("the copy is named as a block", () => {
    const copy = a.findings.filter((f) => f.rule === "copied-column");
    expect(copy.map((f) => f.params?.columns)).toEqual(["F, G, H"]);
  });
  test("fix: formulas for the projection, 1518 for the households, nothing else typed changes", () => {
    const plan = fixPlan([a]);
    expect(plan.writes.find((w) => w.cell === "G6")).toMatchObject({ formula: "=D6-I6", value: 7 });
    expect(plan.writes.find((w) => w.cell === "C12")).toMatchObject({ value: 1518 });
    const typed = plan.writes.filter((w) => /^[DI]\d+$/.test(w.cell) && w.cell !== "D12" && w.cell !== "I12");
    expect(typed).toEqual([]);
  });
  test("the clean twin is silent", () => {
    expect(analyzeGrid(camLongGrid(true)).flatMap((t) => t.findings)).toEqual([]);
  });
});
