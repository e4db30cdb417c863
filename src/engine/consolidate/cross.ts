// Cross-level check: each unit row of a higher table (the district's, by commune) against the total of the
// matching lower table (that commune's own report). A difference is flagged on the higher table's cell: that is
// where a commune's total was typed wrong into the district's table. Codes and params; sentences in i18n/many.ts.
import type { Grid } from "../grid";
import type { Table } from "../model";
import { normalizeUnitName } from "../units";
import type { UnitSource } from "./source";
import { type ValueColumn, tableValues } from "./values";

export interface CrossFinding {
  code: "cross-level-mismatch" | "cross-level-no-source" | "cross-level-no-row" | "cross-level-flawed-source";
  severity: "error" | "warning" | "info";
  /** On the higher table's sheet (A1); absent for a lower source with no row in the higher table. */
  cell?: string;
  sheet: string;
  unit: string;
  /** The lower source's file. */
  file?: string;
  params: Record<string, string | number>;
  actual?: number;
  expected?: number;
  decimals?: number;
}

export interface CrossCheck {
  findings: CrossFinding[];
  /** Unit rows of the higher table matched with a source. */
  matched: number;
  compared: number;
}

const RATE_NUMERATOR: Partial<Record<string, string>> = {
  poorRate: "poorHouseholds",
  nearPoorRate: "nearPoorHouseholds",
  multidimRate: "poorAndNearPoorHouseholds",
};

function sourceValue(source: UnitSource, column: ValueColumn) {
  const exact = source.columns.find((c) => c.key === column.key);
  if (exact) return exact;
  const loose = source.columns.filter(
    (c) => c.role === column.role && c.kind === column.kind && !c.key.includes("#"),
  );
  return loose.length === 1 ? loose[0] : undefined;
}

/** Equal as shown: counts exactly, rates at the fewer decimals either shows. */
function same(a: number, b: number, rate: boolean, decimals: number): boolean {
  if (!rate) return a === b;
  const f = 10 ** decimals;
  return Math.round(a * f) === Math.round(b * f);
}

export function crossCheck(higher: Table, grid: Grid, sources: UnitSource[]): CrossCheck {
  const values = tableValues(higher, grid);
  const findings: CrossFinding[] = [];
  const byKey = new Map<string, UnitSource>();
  for (const s of sources) if (s.status !== "no-table" && !byKey.has(s.unitKey)) byKey.set(s.unitKey, s);
  const seen = new Set<string>();
  let matched = 0;
  let compared = 0;
  for (const row of values.rows) {
    if (row.kind === "total" || row.kind === "part") continue;
    const key = normalizeUnitName(row.label);
    const source = byKey.get(key);
    // A group row (a commune over its villages in a three-level table) is compared when a source speaks for it.
    if (!source && row.kind !== "unit") continue;
    if (!source) {
      findings.push({
        code: "cross-level-no-source",
        severity: "info",
        cell: `${higher.columns.find((c) => c.role === "unitName")?.letter ?? columnOfLabel(higher)}${row.row}`,
        sheet: higher.sheet,
        unit: row.label,
        params: { unit: row.label },
      });
      continue;
    }
    seen.add(key);
    // A source whose own check fails is no yardstick: named, not compared.
    if (source.status !== "ok") {
      findings.push({
        code: "cross-level-flawed-source",
        severity: "info",
        cell: `${higher.columns.find((c) => c.role === "unitName")?.letter ?? columnOfLabel(higher)}${row.row}`,
        sheet: higher.sheet,
        unit: row.label,
        file: source.file,
        params: { unit: row.label, file: source.file, status: source.status, errors: source.errors },
      });
      continue;
    }
    matched++;
    // Counts first: a rate that differs only because its count or households differ is a consequence, not a
    // second mistake.
    const differing = new Set<string>();
    const ordered = [...values.columns].sort((a, b) => Number(a.rate) - Number(b.rate));
    for (const column of ordered) {
      const v = row.values.get(column.key);
      const s = sourceValue(source, column);
      if (v === null || v === undefined || !s || s.value === null) continue;
      compared++;
      const decimals = column.rate ? Math.min(row.decimals.get(column.key) ?? 2, s.decimals || 2) : 0;
      if (same(v, s.value, column.rate, decimals)) continue;
      const period = column.key.split("|").slice(1).join("|");
      if (
        column.rate &&
        [RATE_NUMERATOR[column.role], "households"].some((r) => differing.has(`${r}|${period}`))
      )
        continue;
      differing.add(column.key);
      findings.push({
        code: "cross-level-mismatch",
        severity: "error",
        cell: `${column.letter}${row.row}`,
        sheet: higher.sheet,
        unit: row.label,
        file: source.file,
        actual: v,
        expected: s.value,
        ...(column.rate ? { decimals } : {}),
        params: {
          unit: row.label,
          file: source.file,
          sourceCell: s.cell,
          sourceSheet: source.sheet,
          header: column.header,
        },
      });
    }
  }
  for (const s of sources) {
    if (seen.has(s.unitKey) || s.status === "no-table") continue;
    findings.push({
      code: "cross-level-no-row",
      severity: "warning",
      sheet: higher.sheet,
      unit: s.unit,
      file: s.file,
      params: { unit: s.unit, file: s.file },
    });
  }
  return { findings, matched, compared };
}

function columnOfLabel(table: Table): string {
  return table.columns[Math.min(1, table.columns.length - 1)]?.letter ?? "B";
}
