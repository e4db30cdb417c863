// The relations a table's cells must satisfy, built from column roles, row hierarchy and the numbering row's
// stated formulas. Detecting a broken relation, blaming a cell and proposing a value are separate steps
// (rules/relations.ts, blame.ts).
import type { Column, Table } from "./model";
import type { RuleId } from "./report";
import { COUNT_ROLES, RATE_ROLES, normalize } from "./vocabulary";
import type { ColumnRole } from "./report";

export interface Ref {
  row: number;
  col: number;
}

/** One number per cell, row × KEY_COLUMNS + column (Excel has at most 16,384 columns): cheap map and array keys. */
const KEY_COLUMNS = 20000;
export const cellKey = (row: number, col: number): number => row * KEY_COLUMNS + col;
export const refKey = (r: Ref): number => cellKey(r.row, r.col);
export const keyRow = (key: number): number => Math.floor(key / KEY_COLUMNS);
export const keyCol = (key: number): number => key % KEY_COLUMNS;
export const refFromKey = (key: number): Ref => ({ row: keyRow(key), col: keyCol(key) });

export type Relation =
  | {
      kind: "sum" | "linear";
      rule: RuleId;
      target: Ref;
      terms: { ref: Ref; coef: number }[];
      /** The target is a rate (a reduction in percentage points): compared to its decimals. */
      rateTarget?: boolean;
      stated?: boolean;
      truncate?: boolean;
    }
  | {
      kind: "rate";
      rule: RuleId;
      target: Ref;
      numerator: Ref[];
      base: Ref;
      scale: number;
      stated?: boolean;
      /** The table's custom truncates rates (ROUNDDOWN) instead of rounding half-up. */
      truncate?: boolean;
    };

export function relationCells(rel: Relation): Ref[] {
  return rel.kind === "rate"
    ? [rel.target, ...rel.numerator, rel.base]
    : [rel.target, ...rel.terms.map((t) => t.ref)];
}

export const SUBJECT_COUNT: Record<string, ColumnRole> = {
  poorRate: "poorHouseholds",
  nearPoorRate: "nearPoorHouseholds",
  multidimRate: "poorAndNearPoorHouseholds",
};

function nearestLeft(columns: Column[], from: Column, role: ColumnRole, period?: string): Column | undefined {
  const candidates = columns.filter((c) => c.role === role && c.col < from.col);
  const samePeriod = period === undefined ? [] : candidates.filter((c) => c.period === period);
  const pool = samePeriod.length ? samePeriod : candidates;
  return pool[pool.length - 1];
}

/** The households column that is the base of a count in `period`. */
function baseColumn(columns: Column[], period: string, near: Column): Column | undefined {
  const hh = columns.filter((c) => c.role === "households");
  if (hh.length === 0) return undefined;
  return (
    hh.find((c) => c.period === period) ??
    hh.find((c) => c.period === "") ??
    [...hh].reverse().find((c) => c.col < near.col) ??
    hh[0]
  );
}

/** For a reduction column: the start and end columns of the same subject around it. */
function startEnd(columns: Column[], at: Column, role: ColumnRole): [Column, Column] | undefined {
  const all = columns.filter((c) => c.role === role);
  const left = all.filter((c) => c.col < at.col);
  const right = all.filter((c) => c.col > at.col);
  if (left.length && right.length) return [left[left.length - 1], right[0]];
  if (left.length >= 2) return [left[left.length - 2], left[left.length - 1]];
  return undefined;
}

/** The rule a stated row-wise formula checks, from what its target column holds. */
function statedRule(role: ColumnRole, isPlan: boolean): RuleId {
  if (
    role === "reduction" ||
    role === "nearPoorReduction" ||
    role === "rateReduction" ||
    role === "poorHouseholds" ||
    role === "nearPoorHouseholds"
  )
    return isPlan ? "projection-mismatch" : "reduction-mismatch";
  return "sum-mismatch";
}

/**
 * `filled(row, col)` says whether a cell holds a number: a part row ("Trong đó") without its own households takes
 * its rate over the households of the row it is part of.
 */
export function buildRelations(
  table: Table,
  rounding: "half-up" | "truncate" = "half-up",
  filled: (row: number, col: number) => boolean = () => true,
): Relation[] {
  const relations: Relation[] = [];
  const { columns, rows } = table;
  const byCol = new Map(columns.map((c) => [c.col, c]));
  const bodyRows = rows.map((r) => r.row);
  const rowOf = new Map(rows.map((r) => [r.row, r]));
  const takenTargets = new Set<number>(); // columns whose row-wise relation is stated by the numbering row

  // 1. Stated relations (numbering row), row by row.
  for (const s of table.stated) {
    const target = byCol.get(s.target);
    if (!target) continue;
    takenTargets.add(s.target);
    for (const row of bodyRows) {
      if (s.kind === "ratio") {
        const scale = s.scale === 1 && RATE_ROLES.has(target.role) ? 100 : s.scale;
        relations.push({
          kind: "rate",
          rule: "rate-mismatch",
          target: { row, col: s.target },
          numerator: s.numerator.map((col) => ({ row, col })),
          base: { row, col: s.base },
          scale,
          stated: true,
        });
      } else {
        const r = rowOf.get(row)!;
        // Aggregate rows of count columns are checked as sums below; the stated formula holds there too.
        if (r.kind !== "unit" && COUNT_ROLES.has(target.role) && r.covers.length > 0) continue;
        relations.push({
          kind: "linear",
          // A balance of many flows (9=1-2-3-4+5+6+7+8) is checked like a total; start − end like a reduction.
          rule: s.terms.length > 2 ? "sum-mismatch" : statedRule(target.role, table.isPlan),
          target: { row, col: s.target },
          terms: s.terms.map((t) => ({ ref: { row, col: t.col }, coef: t.coef })),
          rateTarget: RATE_ROLES.has(target.role),
          stated: true,
        });
      }
    }
  }

  // 2. Aggregate rows: sums of count columns.
  for (const row of rows) {
    // A unit covers rows only when split into numbered sub-rows ("3" = "3.1" + "3.2").
    if (row.covers.length === 0) continue;
    for (const c of columns) {
      if (!COUNT_ROLES.has(c.role)) continue;
      relations.push({
        kind: "sum",
        rule: "sum-mismatch",
        target: { row: row.row, col: c.col },
        terms: row.covers.map((r) => ({ ref: { row: r, col: c.col }, coef: 1 })),
      });
    }
  }

  const rowWise = (target: Column, make: (row: number) => Relation | undefined) => {
    if (takenTargets.has(target.col)) return;
    for (const row of bodyRows) {
      const rel = make(row);
      if (rel) relations.push(rel);
    }
  };

  // 3. Rates from counts and households of the same period.
  for (const c of columns) {
    const countRole = SUBJECT_COUNT[c.role];
    if (!countRole) continue;
    let numeratorCols: Column[] = [];
    const count =
      nearestLeft(columns, c, countRole, c.period) ??
      columns.find((x) => x.role === countRole && x.period === c.period);
    if (count) numeratorCols = [count];
    else if (c.role === "multidimRate") {
      const poor = nearestLeft(columns, c, "poorHouseholds", c.period);
      const near = nearestLeft(columns, c, "nearPoorHouseholds", c.period);
      if (poor && near) numeratorCols = [poor, near];
    }
    // Persons rates are over persons (Thông tư 07: 10=9/2*100): a rate right after a count of poor persons.
    const prev = columns.find((x) => x.col === c.col - 1);
    const overPersons =
      prev && (prev.role === "poorPersons" || prev.role === "nearPoorPersons")
        ? columns.find((x) => x.role === "persons" && (x.period === prev.period || x.period === ""))
        : undefined;
    if (overPersons && prev) numeratorCols = [prev];
    if (numeratorCols.length === 0) continue;
    // "Tỷ trọng so với toàn tỉnh", "Cơ cấu (%)": each row's count over the total row's, not over its households.
    // With no total row the base is not in the table: no relation, and the column is said unchecked (confirm.ts).
    const share = shareOfTotal(c.header);
    const whole = share ? totalRowOf(table) : undefined;
    if (share && (whole === undefined || numeratorCols.length !== 1)) continue;
    if (whole !== undefined) {
      const count = numeratorCols[0];
      rowWise(c, (row) => ({
        kind: "rate",
        rule: "rate-mismatch",
        target: { row, col: c.col },
        numerator: [{ row, col: count.col }],
        base: { row: whole, col: count.col },
        scale: 100,
      }));
      continue;
    }
    const base = overPersons ?? baseColumn(columns, numeratorCols[0].period || c.period, numeratorCols[0]);
    if (!base) continue;
    rowWise(c, (row) => {
      const r = rowOf.get(row)!;
      const baseRow = r.kind === "part" && r.partOf !== undefined && !filled(row, base.col) ? r.partOf : row;
      return {
        kind: "rate",
        rule: "rate-mismatch",
        target: { row, col: c.col },
        numerator: numeratorCols.map((n) => ({ row, col: n.col })),
        base: { row: baseRow, col: base.col },
        scale: 100,
      };
    });
  }

  // 4. Poor + near-poor households.
  for (const c of columns.filter((x) => x.role === "poorAndNearPoorHouseholds")) {
    const poor = columns.find((x) => x.role === "poorHouseholds" && x.period === c.period);
    const near = columns.find((x) => x.role === "nearPoorHouseholds" && x.period === c.period);
    if (!poor || !near) continue;
    rowWise(c, (row) => {
      const r = rowOf.get(row)!;
      if (r.kind !== "unit" && r.covers.length > 0) return undefined;
      return {
        kind: "linear",
        rule: "sum-mismatch",
        target: { row, col: c.col },
        terms: [
          { ref: { row, col: poor.col }, coef: 1 },
          { ref: { row, col: near.col }, coef: 1 },
        ],
      };
    });
  }

  // 5. Reductions and projections: in a report the reduction follows from start and end; in a plan the assigned
  // reduction is the input and the projected end follows.
  const changes: [ColumnRole, ColumnRole][] = [
    ["reduction", "poorHouseholds"],
    ["nearPoorReduction", "nearPoorHouseholds"],
    ["rateReduction", "poorRate"],
  ];
  for (const [changeRole, subjectRole] of changes) {
    for (const c of columns.filter((x) => x.role === changeRole)) {
      // A target assigned from above beside a report's results ("Chỉ tiêu giảm ... được giao") is an input.
      if (!table.isPlan && isTargetColumn(c)) continue;
      const se = startEnd(columns, c, subjectRole);
      if (!se) continue;
      const [start, end] = se;
      const isRate = changeRole === "rateReduction";
      const planned = table.isPlan && !isRate;
      const target = planned ? end : c;
      rowWise(target, (row) => {
        const r = rowOf.get(row)!;
        // Aggregates of counts are checked as sums; a rate reduction is checked on every row.
        if (!isRate && r.kind !== "unit" && r.covers.length > 0) return undefined;
        if (planned) {
          return {
            kind: "linear",
            rule: "projection-mismatch",
            target: { row, col: end.col },
            terms: [
              { ref: { row, col: start.col }, coef: 1 },
              { ref: { row, col: c.col }, coef: -1 },
            ],
          };
        }
        return {
          kind: "linear",
          rule: table.isPlan ? "projection-mismatch" : "reduction-mismatch",
          target: { row, col: c.col },
          terms: [
            { ref: { row, col: start.col }, coef: 1 },
            { ref: { row, col: end.col }, coef: -1 },
          ],
          rateTarget: isRate,
        };
      });
    }
  }
  // 6. A flow table without a stated balance (Thông tư 07: end = start − decreases + increases).
  const flow = flowBalance(table);
  if (flow) {
    rowWise(flow.end, (row) => {
      const r = rowOf.get(row)!;
      if (r.kind !== "unit" && r.kind !== "part" && r.covers.length > 0) return undefined;
      return {
        kind: "linear",
        rule: "sum-mismatch",
        target: { row, col: flow.end.col },
        terms: [
          { ref: { row, col: flow.start.col }, coef: 1 },
          ...flow.changes.map((c) => ({ ref: { row, col: c.col }, coef: c.sign })),
        ],
      };
    });
  }

  if (rounding === "truncate")
    for (const rel of relations) if (rel.kind === "rate" || rel.rateTarget) rel.truncate = true;
  return relations;
}

/** Words of a share of the whole table ("tỷ trọng", "cơ cấu", "so với toàn tỉnh", "so với tổng số hộ nghèo toàn
 * huyện"): each row's count over the total row's. "So với tổng số hộ nghèo" alone is a share of the row's own poor. */
const SHARE_OF_TOTAL =
  /\b(ty trong|co cau)\b|\bso voi (.* )?(toan|ca) (tinh|huyen|xa|phuong|thi xa|thi tran|thanh pho|quan|nuoc|quoc)\b|\bso voi (toan|ca nuoc)\b/;

export function shareOfTotal(header: string): boolean {
  return SHARE_OF_TOTAL.test(normalize(header));
}

/**
 * The row every other row is a part of: the total row (the one covering most rows when there are several), else
 * an aggregate row ("Cộng" read as a subtotal) that adds up every unit of the table.
 */
export function totalRowOf(table: Table): number | undefined {
  const totals = table.rows.filter((r) => r.kind === "total");
  if (totals.length) return totals.reduce((best, r) => (r.covers.length > best.covers.length ? r : best)).row;
  const byRow = new Map(table.rows.map((r) => [r.row, r]));
  const units = table.rows.filter((r) => r.kind === "unit").map((r) => r.row);
  const unitsUnder = (row: number, seen = new Set<number>()): Set<number> => {
    const out = new Set<number>();
    for (const c of byRow.get(row)?.covers ?? []) {
      if (seen.has(c)) continue;
      seen.add(c);
      if (byRow.get(c)?.kind === "unit") out.add(c);
      else for (const u of unitsUnder(c, seen)) out.add(u);
    }
    return out;
  };
  const whole = table.rows.find(
    (r) =>
      r.kind !== "unit" &&
      r.kind !== "part" &&
      r.covers.length > 0 &&
      unitsUnder(r.row).size === units.length,
  );
  return units.length > 0 ? whole?.row : undefined;
}

const FLOW_ROLES = new Set<ColumnRole>([
  "escaped",
  "fellBack",
  "newlyPoor",
  "otherDecrease",
  "otherIncrease",
]);

/**
 * The balance of a flow table: a start and an end column of one subject (poor or near-poor households) with the
 * flows between them, each signed by its header ("giảm" / "tăng" groups) or its role. In a near-poor flow, "trở
 * thành hộ nghèo" leaves the near-poor: a decrease.
 */
function flowBalance(
  table: Table,
): { start: Column; end: Column; changes: { col: number; sign: number }[] } | undefined {
  const { columns } = table;
  for (const subject of ["poorHouseholds", "nearPoorHouseholds"] as const) {
    const own = columns.filter((c) => c.role === subject);
    const start = own.find((c) => c.period.startsWith("start")) ?? (own.length === 2 ? own[0] : undefined);
    const end = own.find((c) => c.period.startsWith("end")) ?? (own.length === 2 ? own[1] : undefined);
    if (!start || !end || end.col <= start.col) continue;
    const between = columns.filter((c) => c.col > start.col && c.col < end.col);
    if (between.length < 2 || !between.every((c) => FLOW_ROLES.has(c.role))) continue;
    const changes = between.map((c) => {
      const h = normalize(c.header);
      let sign: number;
      if (/\bgiam\b/.test(h)) sign = -1;
      else if (/\btang\b/.test(h)) sign = 1;
      else if (c.role === "escaped" || c.role === "otherDecrease") sign = -1;
      else if (subject === "nearPoorHouseholds" && /(tro thanh|chuyen thanh|chuyen sang) (ho )?ngheo/.test(h))
        sign = -1;
      else sign = 1;
      return { col: c.col, sign };
    });
    return { start, end, changes };
  }
  return undefined;
}

/** A column of targets assigned from above (plan period) in a report of results: an input, not a result. */
function isTargetColumn(c: Column): boolean {
  return c.period.startsWith("plan");
}

const IMPLIED_PAIRS: [ColumnRole, ColumnRole][] = [
  ["poorHouseholds", "poorRate"],
  ["nearPoorHouseholds", "nearPoorRate"],
  ["poorAndNearPoorHouseholds", "multidimRate"],
];

/**
 * The (count, rate) pairs of a table without households (rules/implied.ts): each implies a range of household
 * totals, and two or more pairs of a row must agree. Fewer than two pairs check nothing.
 */
export function impliedPairs(table: Table): { count: Column; rate: Column }[] {
  const { columns } = table;
  if (columns.some((c) => c.role === "households")) return [];
  const pairs = IMPLIED_PAIRS.flatMap(([countRole, rateRole]) => {
    const count = columns.find((c) => c.role === countRole);
    const rate = columns.find((c) => c.role === rateRole && (!count || c.period === count.period));
    return count && rate ? [{ count, rate }] : [];
  });
  return pairs.length >= 2 ? pairs : [];
}

/** Pairs (part, whole) that must satisfy part ≤ whole on every row. */
export function partWholePairs(table: Table): { part: Column; whole: Column; rule: RuleId }[] {
  const pairs: { part: Column; whole: Column; rule: RuleId }[] = [];
  const { columns } = table;
  for (const c of columns) {
    if (["poorHouseholds", "nearPoorHouseholds", "poorAndNearPoorHouseholds"].includes(c.role)) {
      const base = baseColumn(columns, c.period, c);
      if (base) pairs.push({ part: c, whole: base, rule: "count-exceeds-total" });
    }
    if (c.role === "poorPersons" || c.role === "nearPoorPersons") {
      const persons = columns.find((x) => x.role === "persons" && (x.period === c.period || x.period === ""));
      if (persons) pairs.push({ part: c, whole: persons, rule: "count-exceeds-total" });
    }
    if (c.role === "reduction") {
      const se = startEnd(columns, c, "poorHouseholds");
      if (se) pairs.push({ part: c, whole: se[0], rule: "reduction-exceeds-poor" });
    }
  }
  return pairs;
}
