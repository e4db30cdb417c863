// What a checked table says, row by row, in the numbers the appendix stands for: every count as the engine would
// write it (a correction where the engine made one, a derived cell's recomputed value, else the input as read with
// its column's kind), and every rate recomputed from those counts. The prose checks compare sentences with these,
// and `describe` writes its sentences from them, so text and appendix come from the same numbers.
import type { TableAnalysis } from "../index";
import { a1, cellAt, columnLetter, type Grid } from "../grid";
import { readNumber, roundHalfUp } from "../numbers";
import { normalize } from "../vocabulary";
import type { ColumnRole, RowKind } from "../report";

export type PeriodKind = "start" | "end" | "plan" | "estimate" | "year" | "none";

export interface Period {
  key: string;
  kind: PeriodKind;
  year?: number;
}

export interface FactValue {
  value: number;
  /** A1 of the cell the value stands for. */
  cell: string;
  /** The column's header (last level), for a person: "Tổng HTN". */
  header: string;
  /** A plan's projected poor: start − assigned reduction, whatever the projected cell holds. */
  from?: { start: number; reduction: number };
}

export interface PeriodFacts {
  period: Period;
  households?: FactValue;
  poor?: FactValue;
  nearPoor?: FactValue;
}

export interface RowFacts {
  row: number;
  kind: RowKind;
  label: string;
  /** The first period is the start, the last the end (projected in a plan). */
  periods: PeriodFacts[];
  reduction?: FactValue;
  /** In a report, the reduction assigned from above ("Chỉ tiêu giảm … được giao"): what the result is weighed against. */
  target?: FactValue;
}

export interface TableFacts {
  sheet: string;
  title: string;
  isPlan: boolean;
  /** The header of the unit-name column ("Thôn", "Tổ dân phố", "Xã, phường"). */
  unitHeader?: string;
  /** Years named by the title or the periods. */
  years: number[];
  rows: RowFacts[];
}

const ROLE_SLOT: Partial<Record<ColumnRole, "households" | "poor" | "nearPoor" | "reduction">> = {
  households: "households",
  poorHouseholds: "poor",
  nearPoorHouseholds: "nearPoor",
  reduction: "reduction",
};

function periodFromKey(key: string): Period {
  const m = /^(start|end|plan|estimate)?\s*((?:19|20)\d{2})?$/.exec(key.trim());
  if (!key || !m) return { key, kind: "none" };
  const year = m[2] ? Number(m[2]) : undefined;
  const kind = (m[1] as PeriodKind | undefined) ?? (year !== undefined ? "year" : "none");
  return year !== undefined ? { key, kind, year } : { key, kind };
}

/** Rate in percent, half-up to `decimals` (the custom: two). */
export function rateOf(count: number, households: number, decimals = 2): number | undefined {
  if (!(households > 0)) return undefined;
  return roundHalfUp((count / households) * 100, decimals);
}

export function tableFacts(grid: Grid, analysis: TableAnalysis, title: string): TableFacts {
  const { table } = analysis;
  const corrected = new Map<string, number>();
  for (const c of analysis.corrections ?? []) corrected.set(c.cell, c.value);
  const derived = new Map<string, number>();
  for (const w of analysis.derived) if (typeof w.value === "number") derived.set(w.cell, w.value);

  const valueAt = (row: number, col: number): number | undefined => {
    const ref = a1(row, col);
    const fixed = corrected.get(ref) ?? derived.get(ref);
    if (fixed !== undefined) return fixed;
    const reading = readNumber(cellAt(grid, row, col)?.value, "count");
    if (reading.status !== "ok") return undefined;
    return reading.intended ?? reading.value;
  };

  const periodKeys: string[] = [];
  for (const c of table.columns) {
    const slot = ROLE_SLOT[c.role];
    if (slot && slot !== "reduction" && !periodKeys.includes(c.period)) periodKeys.push(c.period);
  }
  // A column that names no period (one households column beside start and end counts) serves every period.
  const shared = periodKeys.length > 1 && periodKeys.includes("");
  if (shared) periodKeys.splice(periodKeys.indexOf(""), 1);
  // A table of one period that its header does not name takes the title's year ("DỰ KIẾN ... NĂM 2024").
  // The title's first line names the year; the "(Kèm theo ... ngày 15/01/2024)" line only dates the document.
  const titleYears = [...new Set(normalizeYears(title.split(/\n|\(k[eè]m theo/i)[0]))];
  const periodOfKey = (key: string): Period => {
    const p = periodFromKey(key);
    if (p.kind !== "none" || periodKeys.length > 1 || titleYears.length !== 1) return p;
    const planned = table.isPlan || /du kien|ke hoach|chi tieu/.test(normalize(title.split("\n")[0]));
    return { key, kind: planned ? "plan" : "year", year: titleYears[0] };
  };
  const rows: RowFacts[] = [];
  for (const r of table.rows) {
    const periods: PeriodFacts[] = periodKeys.map((key) => ({ period: periodOfKey(key) }));
    const facts: RowFacts = { row: r.row, kind: r.kind, label: r.label, periods };
    for (const c of table.columns) {
      const slot = ROLE_SLOT[c.role];
      if (!slot) continue;
      const value = valueAt(r.row, c.col);
      if (value === undefined) continue;
      const fact: FactValue = {
        value,
        cell: `${columnLetter(c.col)}${r.row}`,
        header: c.header.split(" > ").pop()?.trim() ?? c.header,
      };
      if (slot === "reduction") {
        if (!table.isPlan && periodFromKey(c.period).kind === "plan") facts.target ??= fact;
        else facts.reduction ??= fact;
        continue;
      }
      if (shared && c.period === "") {
        for (const p of periods) if (!p[slot]) p[slot] = fact;
        continue;
      }
      const p = periods[periodKeys.indexOf(c.period)];
      if (p && !p[slot]) p[slot] = fact;
    }
    // A plan's projected poor follow from the start and the assigned reduction (the domain's rule), whatever the
    // projected column holds.
    if (table.isPlan && facts.reduction && periods.length > 1) {
      const start = periods[0];
      const end = periods[periods.length - 1];
      if (start.poor && end.poor)
        end.poor = {
          ...end.poor,
          value: start.poor.value - facts.reduction.value,
          from: { start: start.poor.value, reduction: facts.reduction.value },
        };
    }
    rows.push(facts);
  }
  const years = new Set<number>();
  for (const m of normalizeYears(title)) years.add(m);
  for (const k of periodKeys) {
    const y = periodFromKey(k).year;
    if (y !== undefined) years.add(y);
  }
  const unitHeader = table.columns.find((c) => c.role === "unitName")?.header;
  return {
    sheet: grid.sheet,
    title,
    isPlan: table.isPlan,
    ...(unitHeader ? { unitHeader } : {}),
    years: [...years],
    rows,
  };
}

function normalizeYears(text: string): number[] {
  return [...text.matchAll(/\b(?:19|20)\d{2}\b/g)].map((m) => Number(m[0]));
}

export function totalRow(facts: TableFacts): RowFacts | undefined {
  return facts.rows.find((r) => r.kind === "total") ?? (facts.rows.length === 1 ? facts.rows[0] : undefined);
}

/** Households of a row's period, else of any period (the base of a rate). */
export function householdsOf(row: RowFacts, period: PeriodFacts): FactValue | undefined {
  return period.households ?? row.periods.find((p) => p.households)?.households;
}
