// One commune's (ward's, village's) workbook as a source of a consolidation: its table's total row, keyed by column
// role and period, with the unit it speaks for and how sure the engine is of it. Pure: the host reads the file.
import type { Grid } from "../grid";
import { cellAt, rangeA1 } from "../grid";
import { isPercentFormat } from "../context";
import type { TableAnalysis } from "../index";
import type { Finding } from "../report";
import { normalizeUnitName } from "../units";
import { type ValueColumn, tableValues } from "./values";

/** Why a source is not taken as it is. "ok" sources are consolidated; the others are listed and left out. */
export type SourceStatus = "ok" | "errors" | "unsure" | "no-table" | "no-total";

export interface SourceValue extends ValueColumn {
  /** A1 of the total row's cell. */
  cell: string;
  value: number | null;
  decimals: number;
}

export interface UnitSource {
  /** The file as the user named it. */
  file: string;
  sheet: string;
  range: string;
  /** The unit it speaks for, as a person writes it ("Xã Cẩm Long"). */
  unit: string;
  /** normalizeUnitName(unit): how units are matched everywhere. */
  unitKey: string;
  /** Where the name came from. */
  unitFrom: "title" | "file" | "given";
  year?: number;
  totalRow?: number;
  columns: SourceValue[];
  status: SourceStatus;
  errors: number;
  warnings: number;
  /** The findings of the table, for the listing (errors first). */
  findings: Finding[];
  /** SHA-256 of the file's bytes, hex, when the host computed it. */
  sha256?: string;
  /** The sheet's text was typed in TCVN3 or VNI (read through the decoder). */
  legacyEncoding?: "tcvn3" | "vni";
}

const UNIT_WORDS = "xã|phường|thị trấn|thôn|bản|tổ dân phố|khu phố|huyện|thị xã|thành phố|quận";
const UNIT_IN_TITLE = new RegExp(
  `(?:^|[\\s(,:-])(${UNIT_WORDS})\\s+(.+?)(?=\\s*(?:,|;|\\.|\\(|\\)|-|–|\\bnăm\\b|\\bgiai đoạn\\b|\\bđến\\b|\\btính đến\\b|\\bhuyện\\b|\\btỉnh\\b|$))`,
  "iu",
);

/** "Cẩm Long" from "CẨM LONG": capitals of a title made into the way a name is written. */
function properCase(text: string): string {
  if (text !== text.toUpperCase()) return text.trim();
  return text
    .toLowerCase()
    .split(/\s+/)
    .map((w) => (w ? w[0].toUpperCase() + w.slice(1) : w))
    .join(" ")
    .trim();
}

// A commune-level word names the table's own unit; a village word only when no commune is named; a district's
// ("UBND HUYỆN ...", "..., HUYỆN CAM LỘ") only when nothing else is.
const RANK: Record<string, number> = { xã: 3, phường: 3, "thị trấn": 3, huyện: 1, "thị xã": 1, quận: 1 };

/**
 * The unit a title speaks for: the last "Xã ..." / "Phường ..." / "Thị trấn ..." in it (the issuing body's line
 * comes first, the table's own unit last); undefined when the title names none.
 */
export function unitFromTitle(title: string): string | undefined {
  let found: { name: string; rank: number } | undefined;
  for (const line of title.split("\n")) {
    let rest = line;
    for (;;) {
      const m = UNIT_IN_TITLE.exec(rest);
      if (!m) break;
      rest = rest.slice(m.index + m[0].length);
      const lowerWord = m[1].toLowerCase();
      const word = lowerWord[0].toUpperCase() + lowerWord.slice(1);
      const name = properCase(m[2]).replace(/\s+/g, " ");
      if (!name || /^(năm|giai đoạn|các|theo|ủy ban|uỷ ban|ubnd)\b/iu.test(name)) continue;
      const rank = RANK[m[1].toLowerCase()] ?? 2;
      if (!found || rank >= found.rank) found = { name: `${word} ${name}`, rank };
    }
  }
  return found?.name;
}

/** "xa-cam-long.xlsx" → "Xa cam long": the file name when the title names no unit. */
export function unitFromFile(file: string): string {
  const base = file.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "");
  const words = base.replace(/[-_.]+/g, " ").trim();
  return words ? words[0].toUpperCase() + words.slice(1) : base;
}

/** The table that speaks for the unit: the one with a total row and the most rows (first on ties). */
function chooseTable(analyses: TableAnalysis[]): TableAnalysis | undefined {
  let best: TableAnalysis | undefined;
  for (const a of analyses) {
    const hasTotal = a.table.rows.some((r) => r.kind === "total");
    const bestHasTotal = best?.table.rows.some((r) => r.kind === "total") ?? false;
    if (
      !best ||
      (hasTotal && !bestHasTotal) ||
      (hasTotal === bestHasTotal && a.table.rows.length > best.table.rows.length)
    )
      best = a;
  }
  return best;
}

/**
 * A source from one workbook's analyses (or one sheet's): the chosen table's total row. `grids` are the sheets
 * as read (the analyses name their sheet). `name` overrides the unit's name.
 */
export function unitSource(
  file: string,
  analyses: TableAnalysis[],
  grids: Grid[],
  options: { name?: string; sha256?: string; fallbackName?: string } = {},
): UnitSource {
  const chosen = chooseTable(analyses);
  const base = {
    file,
    ...(options.sha256 ? { sha256: options.sha256 } : {}),
  };
  if (!chosen) {
    const unit = options.name ?? options.fallbackName ?? unitFromFile(file);
    return {
      ...base,
      sheet: grids[0]?.sheet ?? "",
      range: "",
      unit,
      unitKey: normalizeUnitName(unit),
      unitFrom: options.name ? "given" : "file",
      columns: [],
      status: "no-table",
      errors: 0,
      warnings: 0,
      findings: [],
    };
  }
  const { table, findings } = chosen;
  const grid = grids.find((g) => g.sheet === table.sheet) ?? grids[0];
  const fromTitle = unitFromTitle(table.title);
  const unit = options.name ?? fromTitle ?? options.fallbackName ?? unitFromFile(file);
  const values = tableValues(table, grid);
  // The grand total: a total row that covers the most rows (the last such row when a table repeats it).
  const totals = values.rows.filter((r) => r.kind === "total");
  const coverage = new Map(table.rows.map((r) => [r.row, r.covers.length]));
  let total = totals[0];
  for (const t of totals) if ((coverage.get(t.row) ?? 0) > (coverage.get(total.row) ?? 0)) total = t;
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.filter((f) => f.severity === "warning").length;
  const status = chosen.unsure ? "unsure" : errors > 0 ? "errors" : total ? "ok" : "no-total";
  // A total saved as a formula without its value (openpyxl writes no cached results): the engine's own value.
  let derived: Map<string, number> | undefined;
  const computed = (cell: string, col: number, rate: boolean): number | null => {
    derived ??= new Map(
      chosen.derived.filter((w) => typeof w.value === "number").map((w) => [w.cell, w.value as number]),
    );
    const v = derived.get(cell);
    if (v === undefined) return null;
    // A rate under a percent format is written back as a fraction; consolidation speaks in percentages.
    const percent = rate && isPercentFormat(cellAt(grid, total!.row, col)?.numberFormat);
    return percent ? Number((v * 100).toPrecision(12)) : v;
  };
  const columns: SourceValue[] = total
    ? values.columns.map((c) => {
        const cell = `${c.letter}${total.row}`;
        return {
          ...c,
          cell,
          value: total.values.get(c.key) ?? computed(cell, c.col, c.rate),
          decimals: total.decimals.get(c.key) ?? (c.rate ? 2 : 0),
        };
      })
    : [];
  const sorted = [...findings].sort((a, b) => rank(a) - rank(b));
  return {
    ...base,
    sheet: table.sheet,
    range: rangeA1(table.range),
    unit,
    unitKey: normalizeUnitName(unit),
    unitFrom: options.name ? "given" : fromTitle ? "title" : "file",
    ...(values.year !== undefined ? { year: values.year } : {}),
    ...(total ? { totalRow: total.row } : {}),
    columns,
    status,
    ...(chosen.legacyEncoding ? { legacyEncoding: chosen.legacyEncoding } : {}),
    errors,
    warnings,
    findings: sorted,
  };
}

const rank = (f: Finding) => (f.severity === "error" ? 0 : f.severity === "warning" ? 1 : 2);
