// Indicator tables with years as columns ("Chỉ tiêu | Năm 2016 | Năm 2017 …", rows "Tổng số hộ", "Số hộ nghèo",
// "Tỷ lệ hộ nghèo (%)" …), common in resolutions and reports. They are read transposed: each year becomes a row,
// each indicator a column, and the ordinary engine checks that (rates per year over that year's households, counts
// whole). A year split into "Kế hoạch / Thực hiện" gives two rows, plan and actual, each checked on its own and
// never against the other. Rows whose words say they are reductions ("Số hộ thoát nghèo", "Tỷ lệ giảm (%)") are
// checked here as year-on-year differences. Findings come back on the cells of the sheet as typed. Reading only:
// nothing is written to such a table.
import { type Cell, type CellRange, type Grid, a1, cellAt, gridBottom, gridRight, rangeA1 } from "../grid";
import type { Finding, TableReport } from "../report";
import { normalize } from "../vocabulary";
import { analyzeTable } from "../analyze";
import { detectTables } from "./layout";
import type { AnalyzeOptions, Table } from "../model";
import { decimalsOf, formatDecimals, roundHalfUp } from "../numbers";
import type { TableAnalysis } from "../index";

const YEAR = /^(nam\s*)?((19|20)\d\d)$/;
/** Words around a year that make it an estimate ("Ước TH năm 2025", "ƯTH 2025", "Năm 2025 (ước)"). */
const ESTIMATE = /^(uoc|uoc tinh|uoc th|uoc thuc hien|uoc tinh thuc hien|uoc dat|uth|u th)$/;
/** Words around a year that make it a plan ("KH 2026", "Dự kiến năm 2026", "Chỉ tiêu 2026"). */
const PLANNED = /^(ke hoach|kh|du kien|chi tieu|chi tieu giao|ke hoach giao|muc tieu|du bao)$/;
const DONE = /^(thuc hien|th|ket qua|thuc te)$/;
const PLAN = /^(ke hoach|kh|chi tieu|chi tieu giao|ke hoach giao|muc tieu|nghi quyet|nq)$/;
const ACTUAL = /^(thuc hien|th|uoc thuc hien|uoc th|uoc|ket qua|thuc te)$/;
/** A row that says it is a reduction: escaped poverty, poor fewer, or a fall compared with the year before. */
const REDUCTION =
  /thoat (khoi )?(can )?ngheo|ngheo giam|giam so ho|so ho giam|muc giam|ty le giam|giam .*so voi/;
const UNIT_OF_MEASURE = /^(dvt|don vi tinh|don vi)$/;
const RATE_WORDS = /ty le|%|diem/;

function text(cell: Cell | undefined): string {
  if (!cell || cell.value === null || cell.value === undefined) return "";
  return typeof cell.value === "object" ? "" : String(cell.value).trim();
}

/** A column of the table: a year, or the plan or actual half of a year. */
interface YearColumn {
  col: number;
  year: number;
  part?: "plan" | "actual";
  /** An estimate of the year's result ("Ước thực hiện"): an actual, said as an estimate. */
  estimate?: boolean;
}

/**
 * A year heading: "Năm 2021", 2021, and a year with the words of a plan or an estimate around it ("Ước TH năm
 * 2025", "ƯTH 2025", "KH 2026", "Dự kiến năm 2026", "Năm 2025 (ước)"). Anything else ("Giai đoạn 2021-2025", "So
 * với 2024") is not one year's column.
 */
export function yearHeading(cell: Cell | undefined): Omit<YearColumn, "col"> | undefined {
  if (typeof cell?.value === "number") {
    const m = YEAR.exec(String(cell.value));
    return m ? { year: Number(m[2]) } : undefined;
  }
  const t = normalize(text(cell));
  const plain = YEAR.exec(t);
  if (plain) return { year: Number(plain[2]) };
  const years = t.match(/\b(19|20)\d\d\b/g);
  if (!years || years.length !== 1) return undefined;
  const words = t
    .replace(/\b(19|20)\d\d\b/, " ")
    .replace(/[()[\]{}:,.;*\-–]/g, " ")
    .replace(/\bnam\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const year = Number(years[0]);
  if (ESTIMATE.test(words)) return { year, part: "actual", estimate: true };
  if (PLANNED.test(words)) return { year, part: "plan" };
  if (DONE.test(words)) return { year, part: "actual" };
  return undefined;
}

/** Years left to right: later, or the same year's other part (a plan beside its estimate). */
function inOrder(years: YearColumn[]): boolean {
  return years.every((y, i) => {
    if (i === 0) return true;
    const p = years[i - 1];
    if (y.year > p.year) return true;
    return y.year === p.year && !!y.part && !!p.part && y.part !== p.part;
  });
}

interface YearsLayout {
  headerRow: number;
  /** The "Kế hoạch / Thực hiện" row under the years, when each year has two sub-columns. */
  subHeaderRow?: number;
  labelCol: number;
  years: YearColumn[];
  rows: number[];
}

/** The "Kế hoạch / Thực hiện" sub-columns under a row of years, when there are at least two. */
function subColumns(grid: Grid, row: number, years: { col: number; year: number }[]): YearColumn[] {
  const out: YearColumn[] = [];
  for (let c = years[0].col; c <= gridRight(grid); c++) {
    const t = normalize(text(cellAt(grid, row, c)));
    const part = PLAN.test(t) ? "plan" : ACTUAL.test(t) ? "actual" : undefined;
    const year = [...years].reverse().find((y) => y.col <= c);
    if (part && year) out.push({ col: c, year: year.year, part });
  }
  return out.length >= 2 && out.some((y) => y.part === "actual") ? out : [];
}

/** The years-as-columns layout of a sheet: a row of three or more increasing years, labels to their left. */
function findYearsLayout(grid: Grid): YearsLayout | undefined {
  const bottom = gridBottom(grid);
  const right = gridRight(grid);
  for (let r = grid.top; r <= Math.min(bottom, grid.top + 40); r++) {
    const found: YearColumn[] = [];
    for (let c = grid.left; c <= right; c++) {
      const y = yearHeading(cellAt(grid, r, c));
      if (y) found.push({ col: c, ...y });
    }
    if (found.length < 3 || !inOrder(found)) continue;
    let labelCol = found[0].col - 1;
    // "Chỉ tiêu | ĐVT | Năm 2016 …": the unit of measure ("hộ", "%") sits between the labels and the years.
    if (UNIT_OF_MEASURE.test(normalize(text(cellAt(grid, r, labelCol))))) labelCol--;
    if (labelCol < grid.left) continue;
    const parts = r < bottom ? subColumns(grid, r + 1, found) : [];
    const years: YearColumn[] = parts.length ? parts : found;
    const first = parts.length ? r + 2 : r + 1;
    const rows: number[] = [];
    for (let k = first; k <= bottom; k++) {
      const label = text(cellAt(grid, k, labelCol));
      const numbers = years.filter((y) => cellAt(grid, k, y.col)?.value !== undefined).length;
      if (label === "" && numbers === 0) {
        if (rows.length) break;
        continue;
      }
      if (label === "" || typeof cellAt(grid, k, labelCol)?.value === "number") break;
      if (numbers > 0) rows.push(k);
    }
    if (rows.length >= 2)
      return { headerRow: r, ...(parts.length ? { subHeaderRow: r + 1 } : {}), labelCol, years, rows };
  }
  return undefined;
}

const PART_WORDS = { plan: "kế hoạch", actual: "thực hiện" } as const;
const yearLabel = (y: YearColumn) =>
  `Năm ${y.year}${y.estimate ? " (ước thực hiện)" : y.part ? ` (${PART_WORDS[y.part]})` : ""}`;

interface YearsReading {
  layout: YearsLayout;
  range: CellRange;
  table: Table;
  findings: Finding[];
}

/** Reads the table transposed and checks it; undefined when the sheet holds no years-as-columns table. */
function readYears(grid: Grid, options: AnalyzeOptions): YearsReading | undefined {
  const layout = findYearsLayout(grid);
  if (!layout) return undefined;
  const { headerRow, labelCol, years, rows } = layout;
  const labels = new Map(rows.map((r) => [r, normalize(text(cellAt(grid, r, labelCol)))]));
  const reductions = rows.filter((r) => REDUCTION.test(labels.get(r)!));
  const checked = rows.filter((r) => !reductions.includes(r));
  if (checked.length < 2) return undefined;
  // The transposed grid: row 1 the indicators, then a row per year (or per plan and actual of a year); `source`
  // holds, for each of its cells, the sheet's cell it was read from.
  const source: string[][] = [
    [a1(headerRow, years[0].col), a1(headerRow, years[0].col), ...checked.map((r) => a1(r, labelCol))],
  ];
  const cells: (Cell | undefined)[][] = [
    [{ value: "STT" }, { value: "Năm" }, ...checked.map((r) => ({ value: text(cellAt(grid, r, labelCol)) }))],
  ];
  years.forEach((y, i) => {
    source.push([a1(headerRow, y.col), a1(headerRow, y.col), ...checked.map((r) => a1(r, y.col))]);
    cells.push([
      { value: i + 1 },
      { value: yearLabel(y) },
      ...checked.map((r) => {
        const c = cellAt(grid, r, y.col);
        return c
          ? { value: c.value, ...(c.numberFormat ? { numberFormat: c.numberFormat } : {}) }
          : undefined;
      }),
    ]);
  });
  const transposed: Grid = { sheet: grid.sheet, top: 1, left: 1, cells, merges: [] };
  let [table] = detectTables(transposed, options.overrides);
  if (!table) return undefined;
  // Plan and actual of one year with a single households value: both are over that year's households.
  const households = table.columns.find((c) => c.role === "households");
  const twice = years.some((y, i) => years.findIndex((o) => o.year === y.year) !== i);
  if (households && (layout.subHeaderRow !== undefined || twice)) {
    const j = households.col - 1;
    years.forEach((y, i) => {
      if (cells[i + 1][j]?.value !== undefined) return;
      const k = years.findIndex((o) => o.year === y.year && o !== y && cells[years.indexOf(o) + 1][j]);
      if (k < 0) return;
      cells[i + 1][j] = cells[k + 1][j];
      source[i + 1][j] = source[k + 1][j];
    });
    [table] = detectTables(transposed, options.overrides);
    if (!table) return undefined;
  }
  const analysis = analyzeTable(transposed, table, { ...options, overrides: undefined });
  const toSource = (ref: string): string => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref.replace(/\$/g, ""));
    if (!m) return ref;
    const row = Number(m[2]);
    const col = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return source[row - 1]?.[col - 1] ?? ref;
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
  // The rows reductions are taken from: the counts and rates the engine read, as sheet rows.
  const rowOf = (role: string) => {
    const c = table.columns.find((x) => x.role === role);
    return c ? checked[c.col - 3] : undefined;
  };
  for (const r of reductions) {
    const label = labels.get(r)!;
    const near = /can ngheo/.test(label);
    const rate = RATE_WORDS.test(label);
    const countRow = rowOf(near ? "nearPoorHouseholds" : "poorHouseholds");
    const rateRow = rowOf(near ? "nearPoorRate" : "poorRate");
    const householdsRow = rowOf("households");
    findings.push(
      ...reductionFindings(grid, layout, r, rate ? "rate" : "count", {
        countRow,
        rateRow,
        householdsRow,
        rateDecimals: options.rateDecimals ?? 2,
      }),
    );
  }
  const yearsRead = new Set(table.rows.map((r) => r.row));
  const range: CellRange = {
    top: headerRow,
    left: labelCol,
    bottom: rows[rows.length - 1],
    right: Math.max(...years.map((y) => y.col)),
  };
  const sourceTable: Table = {
    sheet: grid.sheet,
    range,
    title: "",
    headerRows: layout.subHeaderRow !== undefined ? [headerRow, layout.subHeaderRow] : [headerRow],
    columns: [],
    rows: [],
    stated: [],
    isPlan: false,
    // What the transposed table really read: its rows are the years, its columns the indicators.
    transposed: {
      rows: [
        ...checked.filter((_, j) => j + 3 >= table.range.left && j + 3 <= table.range.right),
        ...reductions,
      ].sort((a, b) => a - b),
      columns: [...new Set([labelCol, ...years.filter((_, i) => yearsRead.has(i + 2)).map((y) => y.col)])],
      labelColumn: labelCol,
    },
  };
  return { layout, range, table: sourceTable, findings };
}

const num = (grid: Grid, row: number | undefined, col: number): number | undefined => {
  if (row === undefined) return undefined;
  const v = cellAt(grid, row, col)?.value;
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
};

/**
 * A reduction row checked year on year: a count is the previous year's poor less this year's, a rate the previous
 * rate less this one (points, at the decimals shown). The numbers decide the base: year on year, or since the
 * first year; when neither holds in most years the row is said to be unchecked, not flagged year after year.
 */
function reductionFindings(
  grid: Grid,
  layout: YearsLayout,
  row: number,
  kind: "count" | "rate",
  base: { countRow?: number; rateRow?: number; householdsRow?: number; rateDecimals: number },
): Finding[] {
  const { years, labelCol } = layout;
  const from = kind === "count" ? base.countRow : base.rateRow;
  if (from === undefined) return [unchecked(grid, row, labelCol, 0, 0)];
  // What a rate is taken to be: as typed, or recomputed from the counts (a wrong rate is reported on its own).
  const rates = (y: YearColumn): number[] => {
    const typed = num(grid, base.rateRow, y.col);
    const p = num(grid, base.countRow, y.col);
    const h = num(grid, base.householdsRow, y.col) ?? householdsOfYear(y);
    const out = typed === undefined ? [] : [typed];
    if (p !== undefined && h) out.push((p * 100) / h);
    return out;
  };
  function householdsOfYear(y: YearColumn): number | undefined {
    for (const o of years) if (o.year === y.year && o !== y) return num(grid, base.householdsRow, o.col);
    return undefined;
  }
  /** The values this cell may hold when its base is `prev`. */
  const candidates = (prev: YearColumn, y: YearColumn, d: number): number[] => {
    if (kind === "count") {
      const a = num(grid, from, prev.col);
      const b = num(grid, from, y.col);
      return a === undefined || b === undefined ? [] : [a - b];
    }
    const rd = base.rateRow !== undefined ? rateDecimals(grid, base.rateRow, base.rateDecimals) : d;
    const a = rates(prev);
    const b = rates(y);
    const out: number[] = [];
    for (const x of a)
      for (const z of b) {
        out.push(roundHalfUp(x - z, d));
        out.push(roundHalfUp(roundHalfUp(x, rd) - roundHalfUp(z, rd), d));
      }
    return out;
  };
  /** The previous columns this year's reduction may be measured from, by base. */
  const previous = (y: YearColumn, basis: "previous" | "first"): YearColumn[] => {
    const earlier = years.filter((o) => o.year < y.year);
    if (!earlier.length) return [];
    const year = basis === "first" ? earlier[0].year : earlier[earlier.length - 1].year;
    const same = earlier.filter((o) => o.year === year);
    // A plan is measured from last year's actual (or its plan); an actual from last year's actual.
    const actual = same.filter((o) => o.part !== "plan");
    return y.part === "plan" ? same : actual.length ? actual : same;
  };
  type Check = {
    y: YearColumn;
    value: number;
    d: number;
    basis: Record<string, { prev: YearColumn[]; ok: boolean; expected?: number }>;
  };
  const checks: Check[] = [];
  const rowDecimals = kind === "rate" ? rateDecimals(grid, row, base.rateDecimals) : 0;
  for (const y of years) {
    const value = num(grid, row, y.col);
    if (value === undefined) continue;
    // At the decimals the row shows (a 1,2 typed in a row of 1,23 and 1,15 is read with two).
    const d = kind === "count" ? 0 : Math.max(decimalsShown(grid, row, y.col), rowDecimals);
    const basis: Check["basis"] = {};
    for (const b of ["previous", "first"] as const) {
      const prev = previous(y, b);
      const all = prev.flatMap((p) => candidates(p, y, d));
      if (!all.length) continue;
      const ok = all.some((c) => Math.abs(c - value) <= 1e-9);
      basis[b] = { prev, ok, expected: all[0] };
    }
    if (Object.keys(basis).length) checks.push({ y, value, d, basis });
  }
  if (!checks.length) return [];
  const score = (b: string) => checks.filter((c) => c.basis[b]?.ok).length;
  const basis = score("first") > score("previous") ? "first" : "previous";
  const applied = checks.filter((c) => c.basis[basis]);
  const failed = applied.filter((c) => !c.basis[basis].ok);
  if (!failed.length) return [];
  if (applied.length >= 2 && failed.length * 2 > applied.length)
    return [unchecked(grid, row, labelCol, failed.length, applied.length)];
  return failed.map((c) => {
    const prev = c.basis[basis].prev[0];
    const relation = `${a1(from, prev.col)}−${a1(from, c.y.col)}`;
    return {
      rule: "reduction-mismatch",
      severity: "error",
      cell: a1(row, c.y.col),
      actual: c.value,
      expected: c.basis[basis].expected!,
      related: [a1(from, prev.col), a1(from, c.y.col)],
      params: { relation, ...(kind === "rate" ? { variant: "rate-reduction" } : {}) },
      ...(kind === "rate" ? { decimals: c.d } : {}),
    } satisfies Finding;
  });
}

function decimalsShown(grid: Grid, row: number, col: number): number {
  const c = cellAt(grid, row, col);
  const f = formatDecimals(c?.numberFormat);
  if (f !== undefined) return f;
  return typeof c?.value === "number" ? decimalsOf(c.value) : 0;
}

/** The decimals a rate row shows: its cells' formats, else the most decimals its values carry. */
function rateDecimals(grid: Grid, row: number, fallback: number): number {
  let d = -1;
  for (let c = grid.left; c <= gridRight(grid); c++) {
    const cell = cellAt(grid, row, c);
    if (typeof cell?.value !== "number") continue;
    d = Math.max(d, decimalsShown(grid, row, c));
  }
  return d < 0 ? fallback : d;
}

function unchecked(grid: Grid, row: number, labelCol: number, failed: number, applied: number): Finding {
  return {
    rule: "reduction-unchecked",
    severity: "warning",
    cell: a1(row, labelCol),
    actual: text(cellAt(grid, row, labelCol)),
    expected: null,
    related: [],
    params: { header: text(cellAt(grid, row, labelCol)), failed, applied },
  };
}

/** Findings of a years-as-columns table, on the sheet's own cells, and a report of what was read. */
export function analyzeYearsTable(grid: Grid, options: AnalyzeOptions = {}): TableReport | undefined {
  const read = readYears(grid, options);
  return read && reportOf(grid, read);
}

function reportOf(grid: Grid, read: YearsReading): TableReport {
  return {
    sheet: grid.sheet,
    range: rangeA1(read.range),
    columns: [],
    rows: read.layout.years.map((y) => ({
      row: read.layout.headerRow,
      kind: "unit" as const,
      label: yearLabel(y),
    })),
    findings: read.findings,
  };
}

/**
 * The same reading as an analysis the pane and the page can show: findings only, nothing derived, nothing to
 * convert, and `readOnly` so that no fix, recomputation, mark or appendix is made from it.
 */
export function analyzeYearsGrid(grid: Grid, options: AnalyzeOptions = {}): TableAnalysis | undefined {
  const read = readYears(grid, options);
  if (!read) return undefined;
  return {
    table: read.table,
    findings: read.findings,
    derived: [],
    conversions: [],
    report: reportOf(grid, read),
    readOnly: "years",
    options,
  };
}
