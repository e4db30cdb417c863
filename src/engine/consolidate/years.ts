// Year over year: last year's table and this year's, of the same units. Units are matched by normalizeUnitName;
// added, removed and renamed-looking units are reported. Flags: this year's start ≠ last year's end; a column of
// this year identical to last year's while the counts moved (a stale copy); last year's planned reduction against
// this year's actual one (Đạt / Không đạt computed, and a typed verdict that says otherwise); households changing
// by more than a threshold. Codes and params; sentences in i18n/many.ts.
import type { Grid } from "../grid";
import type { Table } from "../model";
import type { ColumnRole } from "../report";
import { normalize } from "../vocabulary";
import { normalizeUnitName } from "../units";
import { type PeriodKind, type TableValues, type ValueColumn, type ValueRow, tableValues } from "./values";

export type YearCode =
  | "start-not-last-end"
  | "stale-column"
  | "target-not-met"
  | "target-verdict-wrong"
  | "households-changed"
  | "unit-added"
  | "unit-removed"
  | "unit-renamed";

export interface YearFinding {
  code: YearCode;
  severity: "error" | "warning" | "info";
  /** "suggested": the data only suggests it (a copy, a rename); nothing is written from it. */
  certainty?: "proved" | "suggested";
  /** A1 on this year's sheet (last year's for a removed unit). */
  cell: string;
  sheet: string;
  unit: string;
  related: string[];
  actual?: number | string | null;
  expected?: number | null;
  decimals?: number;
  params: Record<string, string | number>;
}

export interface TargetResult {
  unit: string;
  planned: number;
  actual: number;
  met: boolean;
  /** "households" or "points" (a rate reduction). */
  unitOfMeasure: "households" | "points";
  /** Where the planned figure is (last year's sheet) and the actual (this year's). */
  plannedCell: string;
  actualCells: string[];
}

export interface YearComparison {
  lastYear?: number;
  year?: number;
  matched: { unit: string; lastRow: number; row: number }[];
  added: { unit: string; row: number }[];
  removed: { unit: string; row: number }[];
  renamed: { from: string; to: string; lastRow: number; row: number }[];
  targets: TargetResult[];
  findings: YearFinding[];
}

export interface YearOptions {
  /** Households may change by this fraction before it is worth a warning (default 0.15). */
  threshold?: number;
}

const RATE_NUMERATOR: Partial<Record<ColumnRole, ColumnRole>> = {
  poorRate: "poorHouseholds",
  nearPoorRate: "nearPoorHouseholds",
  multidimRate: "poorAndNearPoorHouseholds",
};

/** The column of a role that holds a period: the first kind in `kinds` the table has (latest year for "year"). */
function pick(
  values: TableValues,
  role: ColumnRole,
  kinds: PeriodKind[],
  notPlan = false,
): ValueColumn | undefined {
  for (const kind of kinds) {
    const cols = values.columns.filter((c) => c.role === role && c.kind === kind);
    if (cols.length === 0) continue;
    if (kind === "year") return cols.reduce((a, b) => ((b.year ?? 0) > (a.year ?? 0) ? b : a));
    if (notPlan && kind === "plan") continue;
    return cols[0];
  }
  return undefined;
}

const END_KINDS: PeriodKind[] = ["end", "estimate", "year", "plan", ""];
const START_KINDS: PeriodKind[] = ["start"];
const LATEST_KINDS: PeriodKind[] = ["end", "estimate", "year", "", "start"];

function shown(a: number, b: number, rate: boolean): boolean {
  return rate ? Math.round(a * 100) === Math.round(b * 100) : a === b;
}

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length];
}

/** Two names that look like one unit renamed: a small edit, or one name inside the other. */
function looksRenamed(a: string, b: string): boolean {
  if (!a || !b) return false;
  if (a.includes(b) || b.includes(a)) return true;
  const dist = levenshtein(a, b);
  return dist <= Math.max(1, Math.floor(Math.min(a.length, b.length) / 4));
}

export function compareYears(
  last: { table: Table; grid: Grid },
  current: { table: Table; grid: Grid },
  options: YearOptions = {},
): YearComparison {
  const threshold = options.threshold ?? 0.15;
  const lv = tableValues(last.table, last.grid);
  const cv = tableValues(current.table, current.grid);
  const sheet = current.table.sheet;
  const findings: YearFinding[] = [];
  const unitCol = (t: Table) =>
    t.columns.find((c) => c.role === "unitName")?.letter ?? t.columns[1]?.letter ?? "B";
  const lastUnits = lv.rows.filter((r) => r.kind === "unit");
  const curUnits = cv.rows.filter((r) => r.kind === "unit");

  // Units: same normalised name; the first row of a name wins (a duplicate is the duplicate-unit rule's).
  const lastByKey = new Map<string, ValueRow>();
  for (const r of lastUnits)
    if (!lastByKey.has(normalizeUnitName(r.label))) lastByKey.set(normalizeUnitName(r.label), r);
  const pairs: { last: ValueRow; cur: ValueRow }[] = [];
  const usedLast = new Set<ValueRow>();
  const unmatchedCur: ValueRow[] = [];
  for (const r of curUnits) {
    const l = lastByKey.get(normalizeUnitName(r.label));
    if (l && !usedLast.has(l)) {
      pairs.push({ last: l, cur: r });
      usedLast.add(l);
    } else unmatchedCur.push(r);
  }
  const unmatchedLast = lastUnits.filter((r) => !usedLast.has(r));
  const renamed: YearComparison["renamed"] = [];
  for (const c of [...unmatchedCur]) {
    const ck = normalizeUnitName(c.label);
    const l = unmatchedLast.find((x) => looksRenamed(normalizeUnitName(x.label), ck));
    if (!l) continue;
    unmatchedLast.splice(unmatchedLast.indexOf(l), 1);
    unmatchedCur.splice(unmatchedCur.indexOf(c), 1);
    renamed.push({ from: l.label, to: c.label, lastRow: l.row, row: c.row });
    findings.push({
      code: "unit-renamed",
      severity: "warning",
      certainty: "suggested",
      cell: `${unitCol(current.table)}${c.row}`,
      sheet,
      unit: c.label,
      related: [`${unitCol(last.table)}${l.row}`],
      params: { from: l.label, to: c.label, lastSheet: last.table.sheet },
    });
  }
  for (const c of unmatchedCur)
    findings.push({
      code: "unit-added",
      severity: "info",
      cell: `${unitCol(current.table)}${c.row}`,
      sheet,
      unit: c.label,
      related: [],
      params: { unit: c.label },
    });
  for (const l of unmatchedLast)
    findings.push({
      code: "unit-removed",
      severity: "warning",
      cell: `${unitCol(last.table)}${l.row}`,
      sheet: last.table.sheet,
      unit: l.label,
      related: [],
      params: { unit: l.label, lastSheet: last.table.sheet },
    });

  // This year's start against last year's end.
  const roles: ColumnRole[] = [
    "households",
    "poorHouseholds",
    "nearPoorHouseholds",
    "poorAndNearPoorHouseholds",
    "poorRate",
    "nearPoorRate",
  ];
  const startPairs: { cur: ValueColumn; last: ValueColumn }[] = [];
  for (const role of roles) {
    const cur = pick(cv, role, START_KINDS);
    const lastEnd = pick(lv, role, END_KINDS);
    if (cur && lastEnd) startPairs.push({ cur, last: lastEnd });
  }
  for (const { cur, last: lc } of startPairs) {
    // A rate whose count is compared already follows it: one finding per unit and period, on the count.
    if (cur.rate && startPairs.some((p) => p.cur.role === RATE_NUMERATOR[cur.role])) continue;
    for (const p of pairs) {
      const a = p.cur.values.get(cur.key);
      const b = p.last.values.get(lc.key);
      if (a == null || b == null || shown(a, b, cur.rate)) continue;
      findings.push({
        code: "start-not-last-end",
        severity: "error",
        cell: `${cur.letter}${p.cur.row}`,
        sheet,
        unit: p.cur.label,
        related: [`${lc.letter}${p.last.row}`],
        actual: a,
        expected: b,
        ...(cur.rate ? { decimals: 2 } : {}),
        params: {
          unit: p.cur.label,
          lastCell: `${lc.letter}${p.last.row}`,
          lastSheet: last.table.sheet,
          header: cur.header,
        },
      });
    }
  }

  // Stale copies: a column of this year equal, unit for unit, to one of last year's while the counts moved.
  const carried = new Set(startPairs.map((p) => `${p.cur.key}=${p.last.key}`));
  const periodOf = (c: ValueColumn) => c.key.split("|").slice(1).join("|").replace(/#.*/, "");
  const countIn = (values: TableValues, period: string, role: ColumnRole) =>
    values.columns.find((c) => c.role === role && periodOf(c) === period);
  const staleCols = new Set<string>();
  for (const cc of cv.columns) {
    for (const lc of lv.columns) {
      if (lc.role !== cc.role || carried.has(`${cc.key}=${lc.key}`) || staleCols.has(cc.key)) continue;
      const both = pairs.filter((p) => p.cur.values.get(cc.key) != null && p.last.values.get(lc.key) != null);
      if (both.length < 3 || both.length < pairs.length * 0.8) continue;
      if (!both.every((p) => shown(p.cur.values.get(cc.key)!, p.last.values.get(lc.key)!, cc.rate))) continue;
      // All zeros prove nothing (no near-poor household in either year).
      if (both.every((p) => p.cur.values.get(cc.key) === 0)) continue;
      // The counts moved: the figures this column follows from differ between the two periods.
      const witnesses: ColumnRole[] = cc.rate
        ? [RATE_NUMERATOR[cc.role], "households"].filter((r): r is ColumnRole => !!r)
        : (["households", "poorHouseholds", "nearPoorHouseholds"] as ColumnRole[]).filter(
            (r) => r !== cc.role,
          );
      let moved = 0;
      let witness = "";
      for (const role of witnesses) {
        const cw = countIn(cv, periodOf(cc), role);
        const lw = countIn(lv, periodOf(lc), role);
        if (!cw || !lw) continue;
        const diff = both.filter((p) => {
          const a = p.cur.values.get(cw.key);
          const b = p.last.values.get(lw.key);
          return a != null && b != null && a !== b;
        }).length;
        if (diff > moved) {
          moved = diff;
          witness = cw.letter;
        }
      }
      if (moved === 0) continue;
      staleCols.add(cc.key);
      findings.push({
        code: "stale-column",
        severity: "warning",
        certainty: "suggested",
        cell: `${cc.letter}${both[0].cur.row}`,
        sheet,
        unit: both[0].cur.label,
        related: both.map((p) => `${cc.letter}${p.cur.row}`),
        params: {
          column: cc.letter,
          lastColumn: lc.letter,
          lastSheet: last.table.sheet,
          header: cc.header,
          rows: both.length,
          moved,
          witness,
        },
      });
    }
  }

  // Last year's planned reduction against this year's actual one.
  const targets: TargetResult[] = [];
  const plannedCol =
    lv.columns.find((c) => c.role === "reduction" && c.kind === "plan") ??
    (last.table.isPlan ? lv.columns.find((c) => c.role === "reduction") : undefined);
  const plannedPoints =
    lv.columns.find((c) => c.role === "rateReduction" && c.kind === "plan") ??
    (last.table.isPlan ? lv.columns.find((c) => c.role === "rateReduction") : undefined);
  const actualCol = cv.columns.find(
    (c) => c.role === "reduction" && c.kind !== "plan" && !(current.table.isPlan && c.kind === ""),
  );
  const startPoor = pick(cv, "poorHouseholds", START_KINDS);
  const endPoor = pick(cv, "poorHouseholds", ["end", "estimate"]);
  const startRate = pick(cv, "poorRate", START_KINDS);
  const endRate = pick(cv, "poorRate", ["end", "estimate"]);
  // A plan followed by a plan ("Năm 2023 | Dự kiến 2024", then "Năm 2024 | Dự kiến 2025"): the actual reduction
  // of the planned year is last year's actual figure minus this year's actual figure for the planned year.
  const planYear = plannedCol?.year;
  const yearCol = (values: TableValues, year: number | undefined) =>
    year === undefined
      ? undefined
      : values.columns.find((c) => c.role === "poorHouseholds" && c.kind === "year" && c.year === year);
  const lastActual = yearCol(lv, planYear !== undefined ? planYear - 1 : undefined);
  const thisActual = yearCol(cv, planYear);
  const verdictLetters = current.table.columns
    .filter((c) => c.role === "other" || c.role === "note")
    .map((c) => c.letter);
  for (const p of pairs) {
    let target: TargetResult | undefined;
    const planned = plannedCol ? p.last.values.get(plannedCol.key) : null;
    if (plannedCol && planned != null) {
      let actual: number | undefined;
      let cells: string[] = [];
      const typed = actualCol ? p.cur.values.get(actualCol.key) : null;
      const s = startPoor ? p.cur.values.get(startPoor.key) : null;
      const e = endPoor ? p.cur.values.get(endPoor.key) : null;
      if (s != null && e != null) {
        actual = s - e;
        cells = [`${startPoor!.letter}${p.cur.row}`, `${endPoor!.letter}${p.cur.row}`];
      } else if (typed != null) {
        actual = typed;
        cells = [`${actualCol!.letter}${p.cur.row}`];
      } else if (lastActual && thisActual) {
        const a = p.last.values.get(lastActual.key);
        const b = p.cur.values.get(thisActual.key);
        if (a != null && b != null) {
          actual = a - b;
          cells = [`${thisActual.letter}${p.cur.row}`];
        }
      }
      if (actual !== undefined)
        target = {
          unit: p.cur.label,
          planned,
          actual,
          met: actual >= planned,
          unitOfMeasure: "households",
          plannedCell: `${plannedCol.letter}${p.last.row}`,
          actualCells: cells,
        };
    } else if (plannedPoints) {
      const pp = p.last.values.get(plannedPoints.key);
      const s = startRate ? p.cur.values.get(startRate.key) : null;
      const e = endRate ? p.cur.values.get(endRate.key) : null;
      if (pp != null && s != null && e != null) {
        const actual = Math.round((s - e) * 100) / 100;
        target = {
          unit: p.cur.label,
          planned: pp,
          actual,
          met: actual >= pp - 1e-9,
          unitOfMeasure: "points",
          plannedCell: `${plannedPoints.letter}${p.last.row}`,
          actualCells: [`${startRate!.letter}${p.cur.row}`, `${endRate!.letter}${p.cur.row}`],
        };
      }
    }
    if (!target) continue;
    targets.push(target);
    const related = [...target.actualCells];
    if (!target.met)
      findings.push({
        code: "target-not-met",
        severity: "warning",
        cell: target.actualCells[target.actualCells.length - 1],
        sheet,
        unit: p.cur.label,
        related,
        actual: target.actual,
        expected: target.planned,
        params: {
          unit: p.cur.label,
          plannedCell: target.plannedCell,
          lastSheet: last.table.sheet,
          measure: target.unitOfMeasure,
        },
      });
    // A verdict typed beside the figures ("Đạt" / "Không đạt") must say what the figures say.
    for (const letter of verdictLetters) {
      const text = p.cur.texts.get(letter);
      if (!text) continue;
      const t = normalize(text);
      const typedMet = /^dat$/.test(t) ? true : /^(khong dat|chua dat)$/.test(t) ? false : undefined;
      if (typedMet === undefined || typedMet === target.met) continue;
      findings.push({
        code: "target-verdict-wrong",
        severity: "error",
        cell: `${letter}${p.cur.row}`,
        sheet,
        unit: p.cur.label,
        related,
        actual: text,
        expected: null,
        params: {
          unit: p.cur.label,
          planned: target.planned,
          achieved: target.actual,
          met: target.met ? 1 : 0,
          plannedCell: target.plannedCell,
          measure: target.unitOfMeasure,
        },
      });
    }
  }

  // Households changing by more than the threshold: worth a look, not an error.
  const lastHouseholds = pick(lv, "households", END_KINDS);
  const curHouseholds = pick(cv, "households", LATEST_KINDS);
  if (lastHouseholds && curHouseholds) {
    for (const p of pairs) {
      const a = p.cur.values.get(curHouseholds.key);
      const b = p.last.values.get(lastHouseholds.key);
      if (a == null || b == null || b === 0) continue;
      const change = (a - b) / b;
      if (Math.abs(change) <= threshold + 1e-12) continue;
      findings.push({
        code: "households-changed",
        severity: "warning",
        cell: `${curHouseholds.letter}${p.cur.row}`,
        sheet,
        unit: p.cur.label,
        related: [`${lastHouseholds.letter}${p.last.row}`],
        actual: a,
        expected: b,
        params: {
          unit: p.cur.label,
          percent: Math.round(change * 1000) / 10,
          threshold: Math.round(threshold * 1000) / 10,
          lastCell: `${lastHouseholds.letter}${p.last.row}`,
          lastSheet: last.table.sheet,
        },
      });
    }
  }

  return {
    ...(lv.year !== undefined ? { lastYear: lv.year } : {}),
    ...(cv.year !== undefined ? { year: cv.year } : {}),
    matched: pairs.map((p) => ({ unit: p.cur.label, lastRow: p.last.row, row: p.cur.row })),
    added: unmatchedCur.map((r) => ({ unit: r.label, row: r.row })),
    removed: unmatchedLast.map((r) => ({ unit: r.label, row: r.row })),
    renamed,
    targets,
    findings,
  };
}
