// A commune's plan sheet as officials type it (title block, merged two-level header, numbering row, Roman-numbered
// groups carrying subtotals, a total over the groups), with the analysis the engine gives it. The analysis is
// written by hand here so that the appendix writer can be tested on its own; integration tests use the engine.
import { a1, gridFromRows, type Grid } from "../../src/engine/grid";
import type { TableAnalysis } from "../../src/engine";
import type { Row, Table } from "../../src/engine/model";
import type { CellWrite } from "../../src/engine/report";

export interface FixtureUnit {
  name: string;
  households: number;
  poor: number;
}
export interface FixtureGroup {
  name: string;
  units: FixtureUnit[];
}

export const SMALL: FixtureGroup[] = [
  {
    name: "Khu vực thành thị",
    units: [
      { name: "Thôn Phú Hòa", households: 412, poor: 40 },
      { name: "Thôn An Lạc", households: 288, poor: 31 },
    ],
  },
  {
    name: "Khu vực nông thôn",
    units: [
      { name: "Thôn Đông Bình", households: 530, poor: 52 },
      { name: "Thôn Tân Thành", households: 197, poor: 25 },
      { name: "Thôn Hòa Bình", households: 355, poor: 33 },
    ],
  },
];

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

function halfUp2(count: number, households: number): number {
  // independent of the code under test: exact integer arithmetic
  return Math.floor((count * 10000 * 2 + households) / (2 * households)) / 100;
}

/** Builds the sheet (rows 1-4 title block, 6-7 header, 8 numbering, body from 9) and its analysis. */
export function makeFixture(
  groups: FixtureGroup[],
  sheet = "KH 2024",
): { grid: Grid; analysis: TableAnalysis } {
  const rows: unknown[][] = [
    ["ỦY BAN NHÂN DÂN XÃ PHƯỚC AN"],
    [],
    ["DỰ KIẾN TỶ LỆ HỘ NGHÈO XÃ PHƯỚC AN NĂM 2024"],
    ["(Kèm theo Kế hoạch số 45/KH-UBND ngày 15/01/2024 của UBND xã Phước An)"],
    [],
    ["STT", "Thôn", "Tổng số hộ", "Hộ nghèo", ""],
    ["", "", "", "Số hộ", "Tỷ lệ (%)"],
    ["A", "B", "1", "2", "3=2/1*100"],
  ];
  const tableRows: Row[] = [];
  const derived: CellWrite[] = [];
  const groupRows: number[] = [];
  let r = 9;
  let totalHh = 0;
  let totalPoor = 0;
  groups.forEach((g, gi) => {
    const groupRow = r++;
    groupRows.push(groupRow);
    const covers: number[] = [];
    let hh = 0;
    let poor = 0;
    rows[groupRow - 1] = [ROMAN[gi], g.name, `=SUM(C${groupRow + 1}:C${groupRow + g.units.length})`, "", ""];
    g.units.forEach((u, ui) => {
      const row = r++;
      covers.push(row);
      hh += u.households;
      poor += u.poor;
      // The source's rate column holds typed (possibly stale) values, as real sheets do.
      rows[row - 1] = [
        ui + 1,
        u.name,
        u.households,
        u.poor,
        halfUp2(u.poor, u.households) + (ui === 0 ? 0.5 : 0),
      ];
      tableRows.push({ row, kind: "unit", label: u.name, number: String(ui + 1), covers: [] });
      derived.push({
        sheet,
        cell: a1(row, 5),
        value: halfUp2(u.poor, u.households),
        formula: `=ROUND(D${row}/C${row}*100,2)`,
        numberFormat: "0.00",
      });
    });
    tableRows.push({ row: groupRow, kind: "group", label: g.name, number: ROMAN[gi], covers });
    const first = covers[0];
    const last = covers[covers.length - 1];
    derived.push({
      sheet,
      cell: a1(groupRow, 3),
      value: hh,
      formula: `=SUM(C${first}:C${last})`,
      numberFormat: "#,##0",
    });
    derived.push({
      sheet,
      cell: a1(groupRow, 4),
      value: poor,
      formula: `=SUM(D${first}:D${last})`,
      numberFormat: "#,##0",
    });
    derived.push({
      sheet,
      cell: a1(groupRow, 5),
      value: halfUp2(poor, hh),
      formula: `=ROUND(D${groupRow}/C${groupRow}*100,2)`,
      numberFormat: "0.00",
    });
    totalHh += hh;
    totalPoor += poor;
  });
  const totalRow = r;
  const totalLabel = `Tổng cộng (${groups.map((_, gi) => ROMAN[gi]).join("+")})`;
  rows[totalRow - 1] = [totalLabel, "", totalHh, totalPoor, ""];
  tableRows.push({ row: totalRow, kind: "total", label: totalLabel, number: "", covers: groupRows });
  const plus = (col: string) => `=${groupRows.map((g) => `${col}${g}`).join("+")}`;
  derived.push({ sheet, cell: a1(totalRow, 3), value: totalHh, formula: plus("C"), numberFormat: "#,##0" });
  derived.push({ sheet, cell: a1(totalRow, 4), value: totalPoor, formula: plus("D"), numberFormat: "#,##0" });
  derived.push({
    sheet,
    cell: a1(totalRow, 5),
    value: halfUp2(totalPoor, totalHh),
    formula: `=ROUND(D${totalRow}/C${totalRow}*100,2)`,
    numberFormat: "0.00",
  });

  for (let i = 0; i < rows.length; i++) rows[i] = rows[i] ?? [];
  const grid = gridFromRows(sheet, rows, {
    merges: ["A1:B1", "A3:E3", "A4:E4", "A6:A7", "B6:B7", "C6:C7", "D6:E6", `A${totalRow}:B${totalRow}`],
  });
  const table: Table = {
    sheet,
    range: { top: 6, left: 1, bottom: totalRow, right: 5 },
    title: "DỰ KIẾN TỶ LỆ HỘ NGHÈO XÃ PHƯỚC AN NĂM 2024",
    headerRows: [6, 7],
    numberingRow: 8,
    columns: [
      { col: 1, letter: "A", role: "rowNumber", period: "", header: "STT", label: "A" },
      { col: 2, letter: "B", role: "unitName", period: "", header: "Thôn", label: "B" },
      { col: 3, letter: "C", role: "households", period: "", header: "Tổng số hộ", label: "1" },
      { col: 4, letter: "D", role: "poorHouseholds", period: "", header: "Hộ nghèo > Số hộ", label: "2" },
      {
        col: 5,
        letter: "E",
        role: "poorRate",
        period: "",
        header: "Hộ nghèo > Tỷ lệ (%)",
        label: "3=2/1*100",
      },
    ],
    rows: tableRows.sort((x, y) => x.row - y.row),
    stated: [],
    isPlan: false,
  };
  const analysis: TableAnalysis = {
    table,
    findings: [],
    derived,
    conversions: [],
    report: { sheet, range: `A6:E${totalRow}`, columns: [], rows: [], findings: [] },
  };
  return { grid, analysis };
}

/** Many villages, so that the printed appendix runs over more than one A4 page. */
export function largeGroups(): FixtureGroup[] {
  const names = ["Phú", "An", "Đông", "Tân", "Hòa", "Bình", "Thạnh", "Lộc", "Mỹ", "Xuân", "Quảng", "Nhơn"];
  const suffix = ["Hưng", "Thịnh", "Lợi", "Đức", "Phước", "Trường"];
  return ["Khu vực thành thị", "Khu vực nông thôn", "Khu vực miền núi"].map((name, g) => ({
    name,
    units: Array.from({ length: 22 }, (_, i) => {
      const households = 150 + ((i * 37 + g * 101) % 480);
      return {
        name: `Thôn ${names[(i + g) % names.length]} ${suffix[(i * 5 + g) % suffix.length]} ${i + 1}`,
        households,
        poor: Math.floor(households * (0.04 + ((i * 7 + g * 3) % 11) / 100)),
      };
    }),
  }));
}
