// Tables in the shapes officials keep beyond one commune's template (issue 7): long Roman group lists, "Trong đó"
// rows, a total at the top, rates stored as fractions under a percent format or as text with a sign, legacy
// encodings. Every number is computed here with round-half-up, so a generated table is genuinely clean; tests
// plant defects on copies.
import { type Grid, gridFromRows, a1 } from "../../src/engine/grid";
import { toRoman } from "../../src/engine/vocabulary";
import { rate } from "./fixtures";

export interface Unit {
  name: string;
  households: number;
  poor: number;
  nearPoor: number;
  /** "Trong đó: hộ DTTS" under this unit: its own households, poor and near-poor (each ≤ the unit's). */
  part?: { households: number; poor: number; nearPoor: number };
}

export interface Group {
  name: string;
  units: Unit[];
}

export interface ShapeOptions {
  /** Label of the total row, put first ("Toàn quốc") or last ("Tổng cộng"). */
  totalLabel?: string;
  totalFirst?: boolean;
  /** How rates are stored: percentage numbers (5.79), fractions under "0.00%", or text "5,79%". */
  rates?: "number" | "percent-format" | "text";
  /** Group numbering: Roman (I, II ... LXX) or letters (A, B, C). */
  numbering?: "roman" | "letter";
  /** Header of the poor-rate column (a misleading header is planted through this). */
  poorRateHeader?: string;
  /** Values of the poor-rate column, by row: defaults to the poor rate. */
  poorRateOf?: (u: { households: number; poor: number; nearPoor: number }) => number;
  title?: string;
}

const HEADER_ROW = 3;
export const FIRST_BODY_ROW = 5;

export interface Shaped {
  rows: unknown[][];
  formats: Record<string, string>;
  /** Sheet row of each unit (by group index, unit index) and of each group, part and the total. */
  unitRow: number[][];
  groupRow: number[];
  partRow: Map<string, number>;
  totalRow: number;
}

function totals(units: { households: number; poor: number; nearPoor: number }[]) {
  return units.reduce(
    (a, u) => ({
      households: a.households + u.households,
      poor: a.poor + u.poor,
      nearPoor: a.nearPoor + u.nearPoor,
    }),
    { households: 0, poor: 0, nearPoor: 0 },
  );
}

/** Columns: A STT, B name, C households, D poor, E poor rate, F near-poor, G near-poor rate. */
export function shapeRows(groups: Group[], options: ShapeOptions = {}): Shaped {
  const rates = options.rates ?? "number";
  const formats: Record<string, string> = {};
  const rows: unknown[][] = [
    [options.title ?? "TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2024"],
    [],
    [
      "STT",
      "Tỉnh, thành phố",
      "Tổng số hộ",
      "Số hộ nghèo",
      options.poorRateHeader ?? "Tỷ lệ hộ nghèo (%)",
      "Số hộ cận nghèo",
      "Tỷ lệ hộ cận nghèo (%)",
    ],
    ["A", "B", "1", "2", "3", "4", "5"],
  ];
  const rateCell = (value: number, rowIndex: number, col: string): unknown => {
    if (rates === "percent-format") {
      formats[`${col}${rowIndex}`] = "0.00%";
      return Number((value / 100).toFixed(4));
    }
    if (rates === "text") return `${value.toFixed(2).replace(".", ",")}%`;
    return value;
  };
  const line = (stt: string, name: string, v: { households: number; poor: number; nearPoor: number }) => {
    const r = rows.length + 1;
    const poorRate = options.poorRateOf ? options.poorRateOf(v) : rate(v.poor, v.households);
    return [
      stt,
      name,
      v.households,
      v.poor,
      rateCell(poorRate, r, "E"),
      v.nearPoor,
      rateCell(rate(v.nearPoor, v.households), r, "G"),
    ];
  };
  const all = groups.flatMap((g) => g.units);
  const unitRow: number[][] = [];
  const groupRow: number[] = [];
  const partRow = new Map<string, number>();
  const totalLabel = options.totalLabel ?? (options.totalFirst ? "Toàn quốc" : "Tổng cộng");
  let totalRow = 0;
  const pushTotal = () => {
    totalRow = rows.length + 1;
    rows.push(line("", totalLabel, totals(all)));
  };
  if (options.totalFirst) pushTotal();
  groups.forEach((g, gi) => {
    groupRow.push(rows.length + 1);
    const number = options.numbering === "letter" ? String.fromCharCode(65 + gi) : toRoman(gi + 1);
    rows.push(line(number, g.name, totals(g.units)));
    unitRow.push([]);
    g.units.forEach((u, ui) => {
      unitRow[gi].push(rows.length + 1);
      rows.push(line(String(ui + 1), u.name, u));
      if (u.part) {
        partRow.set(`${gi}.${ui}`, rows.length + 1);
        rows.push(line("", "Trong đó: hộ DTTS", u.part));
      }
    });
  });
  if (!options.totalFirst) pushTotal();
  return { rows, formats, unitRow, groupRow, partRow, totalRow };
}

export function shapeGrid(shaped: Shaped, sheet = "Tổng hợp"): Grid {
  return gridFromRows(sheet, shaped.rows, { formats: shaped.formats });
}

/** A deterministic pseudo-random source, so the big tables are the same on every run. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function randomUnit(rand: () => number, name: string, withPart = false): Unit {
  const households = 200 + Math.floor(rand() * 9000);
  const poor = Math.floor(households * rand() * 0.3);
  const nearPoor = Math.floor((households - poor) * rand() * 0.2);
  const u: Unit = { name, households, poor, nearPoor };
  if (withPart) {
    const h = Math.max(1, Math.floor(households * rand() * 0.5));
    u.part = { households: h, poor: Math.min(poor, Math.floor(h * rand() * 0.4)), nearPoor: 0 };
    u.part.nearPoor = Math.min(nearPoor, Math.floor((h - u.part.poor) * rand() * 0.2));
  }
  return u;
}

/** A national table by province and district: `provinces` Roman groups of `districts` units each. */
export function nationalGroups(provinces: number, districts: number, seed = 7, partsEvery = 0): Group[] {
  const rand = seeded(seed);
  return Array.from({ length: provinces }, (_, p) => ({
    name: `Tỉnh số ${p + 1}`,
    units: Array.from({ length: districts }, (_, d) =>
      randomUnit(rand, `Huyện ${p + 1}.${d + 1}`, partsEvery > 0 && d % partsEvery === 0),
    ),
  }));
}

export const cellOf = (col: string, row: number) => `${col}${row}`;
export { a1, HEADER_ROW };
