// Consolidation: each unit's source gives one row (its total), columns matched by role and period, never by
// position. Returns codes and params; the sentences are made in src/i18n/many.ts.
import type { ColumnRole } from "../report";
import type { PeriodKind } from "./values";
import type { SourceStatus, SourceValue, UnitSource } from "./source";

export type ManyCode =
  | "no-table" // a workbook with no table the engine can read
  | "no-total" // a table without a total row: nothing to take
  | "errors" // the source's own check found errors: left out unless --include-flawed
  | "unsure" // the engine is not sure it read the source right: left out unless --include-flawed
  | "duplicate-unit" // two sources speak for the same unit
  | "mixed-years" // sources of different years
  | "missing-column" // a column the consolidation has and this source lacks: its cell stays empty
  | "nothing-included"; // no source can be consolidated

export interface ManyIssue {
  code: ManyCode;
  /** Blocking issues stop the output being written. */
  blocking: boolean;
  /** The source (file) it concerns, if one. */
  file?: string;
  params: Record<string, string | number>;
}

export interface ConsolidatedColumn {
  key: string;
  role: ColumnRole;
  kind: PeriodKind;
  year?: number;
  header: string;
  rate: boolean;
  /** Rates: the keys of the count and its base in the same period, when the consolidation has both. */
  numerator?: string;
  base?: string;
  /** Decimals of rates (the most any source shows, at least 2). */
  decimals: number;
}

export interface ConsolidatedRow {
  source: UnitSource;
  /** By column key; null where the source lacks the column. */
  values: Map<string, number | null>;
  /** Where each value came from in the source (A1). */
  cells: Map<string, string>;
}

export interface Consolidation {
  year?: number;
  columns: ConsolidatedColumn[];
  rows: ConsolidatedRow[];
  /** Sources listed and left out, with their status. */
  excluded: { source: UnitSource; status: SourceStatus }[];
  issues: ManyIssue[];
  /** False when a blocking issue stands: nothing may be written. */
  writable: boolean;
}

export interface ConsolidateOptions {
  /** Take sources with errors or an unsure reading anyway (they are still named in the sources sheet). */
  includeFlawed?: boolean;
  /** "given" (the default): the order of the sources; "alpha": Vietnamese alphabetical order of the units. */
  order?: "given" | "alpha";
  /**
   * A source with no readable table or no total row is a required source missing: nothing is written unless the
   * user allows it (then it is listed and left out like a flawed one).
   */
  allowMissing?: boolean;
}

/** Numerator role of each rate role, and the base every rate is over. */
const NUMERATOR: Partial<Record<ColumnRole, ColumnRole>> = {
  poorRate: "poorHouseholds",
  nearPoorRate: "nearPoorHouseholds",
  multidimRate: "poorAndNearPoorHouseholds",
};

const ROLE_ORDER: ColumnRole[] = [
  "households",
  "persons",
  "poorHouseholds",
  "poorRate",
  "poorPersons",
  "nearPoorHouseholds",
  "nearPoorRate",
  "nearPoorPersons",
  "poorAndNearPoorHouseholds",
  "multidimRate",
  "escaped",
  "fellBack",
  "newlyPoor",
  "otherDecrease",
  "otherIncrease",
  "reduction",
  "rateReduction",
  "nearPoorReduction",
];

function periodOfKey(key: string): string {
  const [, kind, offset] = key.split("|");
  return `${kind}|${(offset ?? "").replace(/#.*/, "")}`;
}

/** The key of a source column that fills a consolidated key: the same, or the same role and kind without a year. */
function matchIn(source: UnitSource, column: ConsolidatedColumn): SourceValue | undefined {
  const exact = source.columns.find((c) => c.key === column.key);
  if (exact) return exact;
  const [role, kind] = column.key.split("|");
  const loose = source.columns.filter(
    (c) =>
      c.role === role &&
      c.kind === kind &&
      !c.key.includes("#") &&
      (c.year === undefined || column.year === undefined),
  );
  return loose.length === 1 ? loose[0] : undefined;
}

/** Unit names are Vietnamese whatever the user reads the program in: they sort in the Vietnamese alphabet's order. */
const UNIT_NAME_ORDER = "vi-VN";

const collator = (() => {
  try {
    return new Intl.Collator(UNIT_NAME_ORDER, { sensitivity: "base", numeric: true });
  } catch {
    return undefined;
  }
})();

export function compareUnitNames(a: string, b: string): number {
  return collator ? collator.compare(a, b) : a.localeCompare(b);
}

export function consolidate(sources: UnitSource[], options: ConsolidateOptions = {}): Consolidation {
  // Several sheets of one workbook are several sources: name the sheet where the file alone is ambiguous.
  const perFile = new Map<string, number>();
  for (const s of sources) perFile.set(s.file, (perFile.get(s.file) ?? 0) + 1);
  const where = (s: UnitSource) => ((perFile.get(s.file) ?? 0) > 1 ? `${s.file} [${s.sheet}]` : s.file);
  const issues: ManyIssue[] = [];
  const excluded: Consolidation["excluded"] = [];
  const taken: UnitSource[] = [];
  for (const s of sources) {
    const flawed = s.status === "errors" || s.status === "unsure";
    if (s.status === "ok" || (flawed && options.includeFlawed)) {
      taken.push(s);
      if (flawed)
        issues.push({
          code: s.status as ManyCode,
          blocking: false,
          file: where(s),
          params: { included: 1, errors: s.errors, unit: s.unit },
        });
      continue;
    }
    excluded.push({ source: s, status: s.status });
    issues.push({
      code: s.status as ManyCode,
      blocking: !flawed && !options.allowMissing,
      file: where(s),
      params: { unit: s.unit, errors: s.errors, sheet: s.sheet, range: s.range, included: 0 },
    });
  }

  // Two sources for one unit: the district would count it twice.
  const byUnit = new Map<string, UnitSource[]>();
  for (const s of taken) byUnit.set(s.unitKey, [...(byUnit.get(s.unitKey) ?? []), s]);
  for (const list of byUnit.values()) {
    if (list.length < 2) continue;
    issues.push({
      code: "duplicate-unit",
      blocking: true,
      file: where(list[1]),
      params: {
        unit: list[0].unit,
        first: where(list[0]),
        second: list.slice(1).map(where).join(", "),
      },
    });
  }

  // One year: the year most sources name; every other year is a mistake to show.
  const years = new Map<number, UnitSource[]>();
  for (const s of taken) if (s.year !== undefined) years.set(s.year, [...(years.get(s.year) ?? []), s]);
  let year: number | undefined;
  for (const [y, list] of years) if (year === undefined || list.length > years.get(year)!.length) year = y;
  for (const [y, list] of years) {
    if (y === year) continue;
    for (const s of list)
      issues.push({
        code: "mixed-years",
        blocking: true,
        file: where(s),
        params: { unit: s.unit, year: y, expected: year! },
      });
  }

  // Columns: the union of the sources' columns, in the order the first source that has each gives them.
  const columns: ConsolidatedColumn[] = [];
  const byKey = new Map<string, ConsolidatedColumn>();
  for (const s of taken) {
    for (const c of s.columns) {
      const existing = byKey.get(c.key) ?? columns.find((x) => matchIn(s, x) === c);
      if (existing) {
        if (c.rate) existing.decimals = Math.max(existing.decimals, c.decimals);
        continue;
      }
      const col: ConsolidatedColumn = {
        key: c.key,
        role: c.role,
        kind: c.kind,
        ...(c.year !== undefined ? { year: c.year } : {}),
        header: c.header,
        rate: c.rate,
        decimals: c.rate ? Math.max(2, c.decimals) : 0,
      };
      columns.push(col);
      byKey.set(c.key, col);
    }
  }
  // A fixed order whatever the first source's layout: period by period, each count followed by its rate.
  const periodRank = (c: ConsolidatedColumn) =>
    ["start", "year", "", "estimate", "end", "plan"].indexOf(c.kind) * 10000 + (c.year ?? 0);
  const roleRank = (c: ConsolidatedColumn) => {
    const i = ROLE_ORDER.indexOf(c.role);
    return i < 0 ? ROLE_ORDER.length : i;
  };
  const firstSeen = new Map(columns.map((c, i) => [c.key, i]));
  columns.sort(
    (a, b) =>
      periodRank(a) - periodRank(b) ||
      roleRank(a) - roleRank(b) ||
      firstSeen.get(a.key)! - firstSeen.get(b.key)!,
  );
  for (const col of columns) {
    if (!col.rate) continue;
    const numeratorRole = NUMERATOR[col.role];
    if (!numeratorRole) continue;
    const same = (role: ColumnRole) =>
      columns.find(
        (c) => c.role === role && periodOfKey(c.key) === periodOfKey(col.key) && !c.key.includes("#"),
      );
    const numerator = same(numeratorRole);
    const base = same("households");
    if (numerator && base) {
      col.numerator = numerator.key;
      col.base = base.key;
    }
  }

  const rows: ConsolidatedRow[] = taken.map((source) => {
    const values = new Map<string, number | null>();
    const cells = new Map<string, string>();
    for (const col of columns) {
      const c = matchIn(source, col);
      values.set(col.key, c?.value ?? null);
      if (c) cells.set(col.key, c.cell);
      else
        issues.push({
          code: "missing-column",
          blocking: false,
          file: where(source),
          params: { unit: source.unit, header: col.header },
        });
    }
    return { source, values, cells };
  });
  if (options.order === "alpha") rows.sort((a, b) => compareUnitNames(a.source.unit, b.source.unit));
  if (rows.length === 0)
    issues.push({ code: "nothing-included", blocking: true, params: { sources: sources.length } });

  return {
    ...(year !== undefined ? { year } : {}),
    columns,
    rows,
    excluded,
    issues,
    writable: !issues.some((i) => i.blocking),
  };
}
