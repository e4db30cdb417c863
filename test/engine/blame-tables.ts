// Table builders for the locator's tests: groups of villages with a subtotal per group and a total (first or
// last), as reports of results or as plans (assigned reduction, projected count and rate, rate reduction).
// Every derived cell is computed here with round-half-up to two decimals, so a built table is clean.
import { type Grid, gridFromRows, parseA1 } from "../../src/engine/grid";
import type { CellWrite } from "../../src/engine/report";

export const rate = (n: number, h: number): number =>
  h === 0 ? 0 : Number((Math.floor((n / h) * 100 * 100 + 0.5 + 1e-9) / 100).toFixed(2));

export interface Unit {
  households: number;
  poor: number;
  /** Plan: the assigned reduction; report: the poor at the end is poor − reduction. */
  reduction: number;
}

export interface Shape {
  plan: boolean;
  totalFirst: boolean;
  /** Roman-numbered groups with their subtotal rows; otherwise units directly under the total. */
  groups: boolean;
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

function sum(units: Unit[]): Unit {
  return units.reduce(
    (a, u) => ({
      households: a.households + u.households,
      poor: a.poor + u.poor,
      reduction: a.reduction + u.reduction,
    }),
    { households: 0, poor: 0, reduction: 0 },
  );
}

/** One body row: STT, name, C households, D poor, E rate, F reduction, G end poor, H end rate, I rate reduction. */
function bodyRow(stt: string, name: string, u: Unit): unknown[] {
  const end = u.poor - u.reduction;
  const r0 = rate(u.poor, u.households);
  const r1 = rate(end, u.households);
  return [stt, name, u.households, u.poor, r0, u.reduction, end, r1, Number((r0 - r1).toFixed(2))];
}

export const HEADER_ROW = 2;
/** The sheet row of the first body row (after title, two header rows and the numbering row). */
export const FIRST_BODY_ROW = 5;

export function buildRows(groups: Unit[][], shape: Shape): unknown[][] {
  const title = shape.plan ? "DỰ KIẾN TỶ LỆ HỘ NGHÈO NĂM 2025" : "KẾT QUẢ GIẢM NGHÈO NĂM 2024";
  const header = shape.plan
    ? [
        "STT",
        "Thôn",
        "Tổng số hộ",
        "Hộ nghèo đầu năm",
        null,
        "Chỉ tiêu giảm hộ nghèo",
        "Dự kiến hộ nghèo cuối năm 2025",
        null,
        "Tỷ lệ giảm (%)",
      ]
    : [
        "STT",
        "Thôn",
        "Tổng số hộ",
        "Hộ nghèo đầu năm 2024",
        null,
        "Số hộ nghèo giảm",
        "Hộ nghèo cuối năm 2024",
        null,
        "Tỷ lệ giảm (%)",
      ];
  const sub = [null, null, null, "Số hộ", "Tỷ lệ (%)", null, "Số hộ", "Tỷ lệ (%)", null];
  const numbering = shape.plan
    ? ["A", "B", "1", "2", "3", "4", "5", "6", "7"]
    : ["A", "B", "1", "2", "3", "4", "5", "6", "7"];
  const body: unknown[][] = [];
  let n = 0;
  const all = groups.flat();
  const total = bodyRow("", shape.groups && groups.length === 2 ? "Tổng cộng (I+II)" : "Tổng cộng", sum(all));
  if (shape.totalFirst) total[1] = "Toàn xã";
  if (shape.totalFirst) body.push(total);
  groups.forEach((g, gi) => {
    if (shape.groups) body.push(bodyRow(ROMAN[gi], `Khu vực ${gi + 1}`, sum(g)));
    for (const u of g) {
      n++;
      body.push(bodyRow(String(n), `Thôn ${n}`, u));
    }
  });
  if (!shape.totalFirst) body.push(total);
  return [[title], header, sub, numbering, ...body];
}

export const MERGES = ["A2:A3", "B2:B3", "C2:C3", "D2:E2", "F2:F3", "G2:H2", "I2:I3"];

export function buildGrid(rows: unknown[][], sheet = "Biểu"): Grid {
  return gridFromRows(sheet, rows, { merges: MERGES });
}

/** A1 address → [row index, column index] in a rows literal. */
export function at(address: string): [number, number] {
  const m = /^([A-Z])(\d+)$/.exec(address)!;
  return [Number(m[2]) - 1, m[1].charCodeAt(0) - 65];
}

export function setCells(rows: unknown[][], cells: Record<string, unknown>): unknown[][] {
  const copy = rows.map((r) => [...r]);
  for (const [a, v] of Object.entries(cells)) {
    const [r, c] = at(a);
    while (copy[r].length <= c) copy[r].push(null);
    copy[r][c] = v;
  }
  return copy;
}

export function cell(rows: unknown[][], address: string): unknown {
  const [r, c] = at(address);
  return rows[r][c];
}

/** Applies a write plan to a grid in memory (what a host does), for "check after fix" tests. */
export function applyWrites(grid: Grid, writes: readonly CellWrite[]): Grid {
  const cells = grid.cells.map((row) => [...row]);
  for (const w of writes) {
    const { row, col } = parseA1(w.cell);
    const r = row - grid.top;
    const c = col - grid.left;
    while (cells.length <= r) cells.push([]);
    cells[r][c] = {
      ...(cells[r][c] ?? { value: null }),
      value: w.value,
      formula: w.formula,
      ...(w.numberFormat ? { numberFormat: w.numberFormat } : {}),
    };
  }
  return { ...grid, cells };
}
