// The units of an analysed table, read out of its grid, and the plan of that table.
import { a1, cellAt, type Grid } from "../grid";
import type { Column, Table } from "../model";
import { readNumber } from "../numbers";
import type { CellWrite, ColumnRole } from "../report";
import type { Correction } from "../corrections";
import { PlanError, type PlanFigure } from "./error";
import { makePlan } from "./project";
import type { Plan, PlanAggregate, PlanOptions, PlanTarget, PlanUnit } from "./types";

export interface TablePlanInput {
  units: PlanUnit[];
  aggregates: PlanAggregate[];
  /** Columns the figures were read from (letters), for messages and notes. */
  householdsColumn?: string;
  poorColumn: string;
}

function isPlannedPeriod(period: string, header: string): boolean {
  const t = `${period} ${header}`
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/gi, "d")
    .toLowerCase();
  return /plan|du kien|ke hoach|chi tieu|uoc/.test(t);
}

/**
 * The units (with total and poor households) and aggregates of an analysed table, read from its grid. Picks the
 * poor-household column of the latest period that is not itself a plan (a report's end of period is next year's
 * start), and the households column of the same period when there is one. Derived cells count with their
 * corrected value. Throws PlanError naming the sheet and cell when a figure cannot be read.
 */
export function planInputFromTable(
  table: Table,
  grid: Grid,
  derived: readonly CellWrite[] = [],
  corrections: readonly Correction[] = [],
): TablePlanInput {
  const corrected = new Map<string, { value: CellWrite["value"] }>();
  for (const w of derived) if (w.sheet === table.sheet) corrected.set(w.cell, w);
  // Inputs change only through the corrections list (corrections.ts): a count typed 1.518 is 1518 only there.
  for (const c of corrections) if (c.sheet === table.sheet) corrected.set(c.cell, { value: c.value });
  const pick = (role: ColumnRole): Column | undefined => {
    const cols = table.columns.filter((c) => c.role === role);
    const actual = cols.filter((c) => !isPlannedPeriod(c.period, c.header));
    const pool = actual.length ? actual : cols;
    return pool.find((c) => /end|cuoi/i.test(c.period)) ?? pool[pool.length - 1];
  };
  const poorCol = pick("poorHouseholds");
  if (!poorCol) throw new PlanError("no-poor-column", { sheet: table.sheet });
  const hhCols = table.columns.filter((c) => c.role === "households");
  const hhCol = hhCols.find((c) => c.period === poorCol.period) ?? pick("households");
  const read = (row: number, col: Column, what: PlanFigure): number | null => {
    const addr = a1(row, col.col);
    const fixed = corrected.get(addr);
    const value = fixed ? fixed.value : (cellAt(grid, row, col.col)?.value ?? null);
    const reading = readNumber(value, "count");
    if (reading.status === "ok") {
      const v = reading.value;
      if (Number.isInteger(v) && v >= 0) return v;
    }
    if (reading.status === "empty") return null;
    throw new PlanError("bad-cell", { sheet: table.sheet, cell: addr, what, found: String(value) });
  };
  const units: PlanUnit[] = [];
  const aggregates: PlanAggregate[] = [];
  for (const row of [...table.rows].sort((a, b) => a.row - b.row)) {
    if (row.kind === "unit") {
      const poor = read(row.row, poorCol, "poor") ?? 0;
      const households = hhCol ? read(row.row, hhCol, "households") : null;
      units.push({ row: row.row, label: row.label, households, poor });
    } else if (row.kind !== "part") {
      // "Of which" rows are parts of a row already counted: a plan allocates nothing to them.
      aggregates.push({ row: row.row, label: row.label, kind: row.kind, covers: row.covers });
    }
  }
  return { units, aggregates, householdsColumn: hhCol?.letter, poorColumn: poorCol.letter };
}

/** planInputFromTable + makePlan: the plan of an analysed table. */
export function planTable(
  table: Table,
  grid: Grid,
  derived: readonly CellWrite[],
  target: PlanTarget,
  options: Omit<PlanOptions, "aggregates"> & {
    weights?: Record<number, number>;
    /** The analysis's corrections list: the only inputs the plan reads otherwise than typed. */
    corrections?: readonly Correction[];
  } = {},
): Plan {
  const input = planInputFromTable(table, grid, derived, options.corrections);
  const units = options.weights
    ? input.units.map((u) => ({ ...u, weight: options.weights![u.row] ?? 0 }))
    : input.units;
  return makePlan(units, target, { method: options.method, aggregates: input.aggregates });
}
