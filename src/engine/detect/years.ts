// Indicator tables with years as columns ("Chỉ tiêu | Năm 2016 | Năm 2017 …", rows "Tổng số hộ", "Số hộ nghèo",
// "Tỷ lệ hộ nghèo (%)" …), common in resolutions and reports. They are read transposed: each year becomes a row,
// each indicator a column, and the ordinary engine checks that (rates per year over that year's households, counts
// whole). Findings come back on the cells of the sheet as typed. Reading only: nothing is written to such a table.
import { type Cell, type CellRange, type Grid, a1, cellAt, gridBottom, gridRight, parseA1 } from "../grid";
import type { Finding, TableReport } from "../report";
import { normalize } from "../vocabulary";
import { analyzeTable } from "../analyze";
import { detectTables } from "./layout";
import type { AnalyzeOptions } from "../model";

const YEAR = /^(nam\s*)?((19|20)\d\d)$/;

function text(cell: Cell | undefined): string {
  if (!cell || cell.value === null || cell.value === undefined) return "";
  return typeof cell.value === "object" ? "" : String(cell.value).trim();
}

interface YearsLayout {
  headerRow: number;
  labelCol: number;
  years: { col: number; year: number }[];
  rows: number[];
}

/** The years-as-columns layout of a sheet: a row of three or more increasing years, labels to their left. */
function findYearsLayout(grid: Grid): YearsLayout | undefined {
  const bottom = gridBottom(grid);
  const right = gridRight(grid);
  for (let r = grid.top; r <= Math.min(bottom, grid.top + 40); r++) {
    const years: { col: number; year: number }[] = [];
    for (let c = grid.left; c <= right; c++) {
      const cell = cellAt(grid, r, c);
      const m = YEAR.exec(typeof cell?.value === "number" ? String(cell.value) : normalize(text(cell)));
      if (m) years.push({ col: c, year: Number(m[2]) });
    }
    if (years.length < 3 || years.some((y, i) => i > 0 && y.year <= years[i - 1].year)) continue;
    const labelCol = years[0].col - 1;
    if (labelCol < grid.left) continue;
    const rows: number[] = [];
    for (let k = r + 1; k <= bottom; k++) {
      const label = text(cellAt(grid, k, labelCol));
      const numbers = years.filter((y) => cellAt(grid, k, y.col)?.value !== undefined).length;
      if (label === "" && numbers === 0) {
        if (rows.length) break;
        continue;
      }
      if (label === "" || typeof cellAt(grid, k, labelCol)?.value === "number") break;
      if (numbers > 0) rows.push(k);
    }
    if (rows.length >= 2) return { headerRow: r, labelCol, years, rows };
  }
  return undefined;
}

/** Findings of a years-as-columns table, on the sheet's own cells, and a report of what was read. */
export function analyzeYearsTable(grid: Grid, options: AnalyzeOptions = {}): TableReport | undefined {
  const layout = findYearsLayout(grid);
  if (!layout) return undefined;
  const { headerRow, labelCol, years, rows } = layout;
  // The transposed grid: row 1 the indicators, then a row per year ("Năm 2016" as the unit's name).
  const cells: (Cell | undefined)[][] = [
    [{ value: "STT" }, { value: "Năm" }, ...rows.map((r) => ({ value: text(cellAt(grid, r, labelCol)) }))],
    ...years.map((y, i) => [
      { value: i + 1 },
      { value: `Năm ${y.year}` },
      ...rows.map((r) => {
        const c = cellAt(grid, r, y.col);
        return c
          ? { value: c.value, ...(c.numberFormat ? { numberFormat: c.numberFormat } : {}) }
          : undefined;
      }),
    ]),
  ];
  const transposed: Grid = { sheet: grid.sheet, top: 1, left: 1, cells, merges: [] };
  const [table] = detectTables(transposed, options.overrides);
  if (!table) return undefined;
  const analysis = analyzeTable(transposed, table, { ...options, overrides: undefined });
  const toSource = (ref: string): string => {
    const { row, col } = parseA1(ref);
    const yearCol = years[row - 2]?.col ?? years[0].col;
    if (col >= 3) return a1(row === 1 ? rows[col - 3] : rows[col - 3], row === 1 ? labelCol : yearCol);
    return a1(headerRow, yearCol);
  };
  const mapRef = (ref: string) => ref.split(":").map(toSource).join(":");
  const findings: Finding[] = analysis.findings.map((f) => {
    const out: Finding = { ...f, cell: toSource(f.cell), related: f.related.map(mapRef) };
    // Nothing is written to a table read transposed: its findings carry no fix, and their relation is said in the
    // sheet's own cells.
    delete out.fix;
    if (typeof out.params?.relation === "string")
      out.params = { ...out.params, relation: out.params.relation.replace(/[A-Z]{1,3}\d+/g, toSource) };
    return out;
  });
  const range: CellRange = {
    top: headerRow,
    left: labelCol,
    bottom: rows[rows.length - 1],
    right: years[years.length - 1].col,
  };
  return {
    sheet: grid.sheet,
    range: `${a1(range.top, range.left)}:${a1(range.bottom, range.right)}`,
    columns: [],
    rows: years.map((y) => ({ row: headerRow, kind: "unit" as const, label: `Năm ${y.year}` })),
    findings,
  };
}
