import {
  buildAppendix,
  toRoman,
  translateFormula,
  uniqueSheetName,
  type AppendixLayout,
} from "../../src/engine/appendix";
import { appendixLabels } from "../../src/i18n/appendix";
import { makePlan, planTable } from "../../src/engine/plan";
import { makeFixture, SMALL } from "./fixture";

const at = (layout: AppendixLayout, ref: string) => {
  const m = /^([A-Z])(\d+)$/.exec(ref)!;
  const col = m[1].charCodeAt(0) - 64;
  return layout.cells.find((c) => c.row === Number(m[2]) && c.col === col);
};
const merged = (layout: AppendixLayout) =>
  layout.merges.map(
    (m) => `${String.fromCharCode(64 + m.left)}${m.top}:${String.fromCharCode(64 + m.right)}${m.bottom}`,
  );

describe("the table as it is, corrected", () => {
  const { grid, analysis } = makeFixture(SMALL);
  const layout = buildAppendix(analysis, {
    grid,
    labels: appendixLabels(),
    existingSheetNames: ["KH 2024", "Phụ lục"],
  });

  it("title block: bold capitals, then the italic (Kèm theo ...) line of the source", () => {
    expect(at(layout, "A1")).toMatchObject({
      value: "DỰ KIẾN TỶ LỆ HỘ NGHÈO XÃ PHƯỚC AN NĂM 2024",
      style: { bold: true },
    });
    expect(at(layout, "A2")?.value).toBe(
      "(Kèm theo Kế hoạch số 45/KH-UBND ngày 15/01/2024 của UBND xã Phước An)",
    );
    expect(at(layout, "A2")?.style?.italic).toBe(true);
    expect(merged(layout)).toEqual(expect.arrayContaining(["A1:E1", "A2:E2"]));
  });

  it("header with merged group cells, then the numbering row, all repeated on every page", () => {
    expect(at(layout, "D4")).toMatchObject({
      value: "Hộ nghèo",
      style: { bold: true, wrap: true, border: true },
    });
    expect(at(layout, "E5")?.value).toBe("Tỷ lệ (%)");
    expect(merged(layout)).toEqual(expect.arrayContaining(["A4:A5", "B4:B5", "C4:C5", "D4:E4"]));
    expect(at(layout, "E6")?.value).toBe("3=2/1*100");
    expect(layout.printTitleRows).toEqual([4, 6]);
  });

  it("derived cells are live formulas on the new sheet's own rows, with the engine's value", () => {
    // source row 9 (Thôn Phú Hòa) is row 8 of the appendix (group I at 7)
    expect(at(layout, "B8")?.value).toBe("Thôn Phú Hòa");
    expect(at(layout, "E8")).toMatchObject({ formula: "=ROUND(D8/C8*100,2)", value: 9.71 });
    expect(at(layout, "C7")).toMatchObject({ formula: "=SUM(C8:C9)", value: 700 });
    expect(at(layout, "A7")).toMatchObject({ value: "I", style: { bold: true } });
    // the total over the groups: source C16 = C9+C12 → C14 = C7+C10
    expect(at(layout, "C14")).toMatchObject({ formula: "=C7+C10", value: 1782, style: { bold: true } });
    expect(at(layout, "E14")).toMatchObject({ formula: "=ROUND(D14/C14*100,2)", value: 10.16 });
    expect(merged(layout)).toContain("A14:B14");
    expect(layout.notes).toBeUndefined();
  });

  it("number formats: #,##0 for counts, 0.00 for rates; Times New Roman; unique sheet name", () => {
    expect(at(layout, "C8")).toMatchObject({
      value: 412,
      style: { numberFormat: "#,##0", horizontal: "right" },
    });
    expect(at(layout, "E10")?.style?.numberFormat).toBe("0.00");
    expect(layout.fontName).toBe("Times New Roman");
    expect(layout.sheetName).toBe("Phụ lục (2)");
    expect(layout.page).toEqual({ paper: "A4", orientation: "portrait", fitToWidth: true });
  });

  it("column widths fit the Vietnamese labels; wrapped header rows get room", () => {
    expect(layout.columnWidths[1]).toBeGreaterThanOrEqual("Khu vực nông thôn".length);
    expect(layout.columnWidths[0]).toBeLessThanOrEqual(7);
    expect(layout.rowHeights?.[1]).toBeGreaterThan(18);
  });

  it("an edited title is written in capitals", () => {
    const edited = buildAppendix(analysis, {
      grid,
      labels: appendixLabels(),
      title: "Tỷ lệ hộ nghèo xã Phước An",
      subtitle: "(Kèm theo Báo cáo số 12)",
    });
    expect(at(edited, "A1")?.value).toBe("TỶ LỆ HỘ NGHÈO XÃ PHƯỚC AN");
    expect(at(edited, "A2")?.value).toBe("(Kèm theo Báo cáo số 12)");
    expect(edited.sheetName).toBe("Phụ lục");
  });
});

describe("the plan table 'Dự kiến năm N'", () => {
  const { grid, analysis } = makeFixture(SMALL);
  const plan = planTable(analysis.table, grid, analysis.derived, { kind: "households", households: 30 });
  const layout = buildAppendix(analysis, { grid, labels: appendixLabels(), plan, year: 2025 });

  it("allocates on the sheet's units and names the sheet after the year", () => {
    expect(plan.allocations.map((a) => [a.row, a.reduction])).toEqual([
      [10, 7],
      [11, 5],
      [13, 9],
      [14, 3],
      [15, 6],
    ]);
    expect(layout.sheetName).toBe("Dự kiến năm 2025");
    expect(at(layout, "A1")?.value).toBe("CHỈ TIÊU GIẢM HỘ NGHÈO VÀ DỰ KIẾN TỶ LỆ HỘ NGHÈO NĂM 2025");
  });

  it("header: start, reduction, projected; numbering states the relations", () => {
    expect(at(layout, "D4")?.value).toBe("Hộ nghèo đầu năm 2025");
    expect(at(layout, "F4")?.value).toBe("Chỉ tiêu giảm hộ nghèo năm 2025");
    expect(at(layout, "H4")?.value).toBe("Dự kiến hộ nghèo cuối năm 2025");
    expect(merged(layout)).toEqual(expect.arrayContaining(["A4:A5", "D4:E4", "F4:G4", "H4:I4"]));
    expect([..."ABCDEFGHI"].map((c) => at(layout, `${c}6`)?.value)).toEqual([
      "A",
      "B",
      "1",
      "2",
      "3=2/1*100",
      "4",
      "5=3-7",
      "6=2-4",
      "7=6/1*100",
    ]);
  });

  it("units hold inputs, everything that follows is a formula", () => {
    // row 8 = Thôn Phú Hòa: 412 households, 40 poor, reduction 7 → 33 poor, 8.01 %
    expect(at(layout, "B8")?.value).toBe("Thôn Phú Hòa");
    expect(at(layout, "F8")).toMatchObject({ value: 7 });
    expect(at(layout, "F8")?.formula).toBeUndefined();
    expect(at(layout, "H8")).toMatchObject({ formula: "=D8-F8", value: 33 });
    expect(at(layout, "I8")).toMatchObject({ formula: "=ROUND(H8/C8*100,2)", value: 8.01 });
    expect(at(layout, "G8")).toMatchObject({ formula: "=ROUND(E8-I8,2)", value: 1.7 });
    // group I sums its villages; the total sums the groups
    expect(at(layout, "F7")).toMatchObject({ formula: "=SUM(F8:F9)", value: 12 });
    expect(at(layout, "F14")).toMatchObject({ formula: "=SUM(F7,F10)", value: 30 });
    expect(at(layout, "I14")).toMatchObject({ formula: "=ROUND(H14/C14*100,2)", value: 8.47 });
  });

  it("without households the rate columns are left out", () => {
    const units = plan.allocations.map((a) => ({
      row: a.row,
      label: a.label,
      households: null,
      poor: a.startPoor,
    }));
    const noRates = makePlan(
      units,
      { kind: "households", households: 10 },
      {
        method: "poor",
        aggregates: plan.aggregates.map((g) => ({
          ...g,
          covers: analysis.table.rows.find((r) => r.row === g.row)!.covers,
        })),
      },
    );
    const l = buildAppendix(analysis, { grid, labels: appendixLabels(), plan: noRates, year: 2025 });
    expect(l.columnWidths).toHaveLength(5);
    expect(at(l, "E6")?.value).toBe("3=1-2");
  });
});

describe("helpers", () => {
  it("Roman numerals", () => {
    expect([1, 2, 4, 9, 14, 40].map(toRoman)).toEqual(["I", "II", "IV", "IX", "XIV", "XL"]);
  });
  it("unique sheet names Excel accepts", () => {
    expect(uniqueSheetName("Phụ lục", ["phụ lục", "Phụ lục (2)"])).toBe("Phụ lục (3)");
    expect(uniqueSheetName("Dự kiến: năm/2025?", [])).toBe("Dự kiến  năm 2025");
    expect(uniqueSheetName("x".repeat(40), ["x".repeat(31)])).toBe(`${"x".repeat(27)} (2)`);
  });
  it("formula references move with the rows; unknown rows or other sheets refuse", () => {
    const rows = new Map([
      [9, 8],
      [10, 9],
      [12, 10],
    ]);
    const mapRow = (r: number) => rows.get(r);
    const mapCol = (c: number) => c;
    expect(translateFormula("=ROUND(D9/C9*100,2)", mapRow, mapCol)).toBe("=ROUND(D8/C8*100,2)");
    expect(translateFormula("=SUM(C9:C10)+$C$12", mapRow, mapCol)).toBe("=SUM(C8:C9)+$C$10");
    expect(translateFormula("=LOG10(C9)", mapRow, mapCol)).toBe("=LOG10(C8)");
    expect(translateFormula("=C11", mapRow, mapCol)).toBeUndefined();
    expect(translateFormula("=Sheet2!C9", mapRow, mapCol)).toBeUndefined();
  });
});
