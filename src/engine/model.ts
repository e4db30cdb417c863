// What the engine understood of a table: its layout, column roles and periods, row kinds and hierarchy.
import type { CellRange } from "./grid";
import type { ColumnRole, RowKind } from "./report";

export interface Column {
  col: number;
  letter: string;
  role: ColumnRole;
  /** "" when the table has one period; else e.g. "2023", "start", "end", "plan 2024". */
  period: string;
  /** Header text of the column, levels joined with " > ". */
  header: string;
  /** The column's label in the numbering row ("1", "(5)", "A"), if any. */
  label?: string;
}

export interface Row {
  row: number;
  kind: RowKind;
  /** The unit or group name, or the total label. */
  label: string;
  /** The row number as written: "1", "I", "A", "". */
  number: string;
  /** Sheet rows whose counts this row adds up (empty for unit rows and for group rows that carry no numbers). */
  covers: number[];
  /** A group's numbering, read by sequence: "C" after "B" is a letter, "L" after "XLIX" is fifty. */
  style?: "roman" | "letter";
  /** A part row ("Trong đó: hộ DTTS"): the sheet row it is a part of. */
  partOf?: number;
}

/** A relation stated by the numbering row, e.g. `(5)=(4)/(3)` or `9=1-2-3-4+5+6+7+8`. */
export type StatedRelation =
  | { kind: "linear"; target: number; terms: { col: number; coef: number }[]; text: string; cell: string }
  | {
      kind: "ratio";
      target: number;
      numerator: number[];
      base: number;
      scale: number;
      text: string;
      cell: string;
    };

export interface Table {
  sheet: string;
  range: CellRange;
  title: string;
  headerRows: number[];
  numberingRow?: number;
  columns: Column[];
  rows: Row[];
  stated: StatedRelation[];
  /** A plan (Dự kiến, Kế hoạch, Chỉ tiêu): the reduction is the input and the projection follows. */
  isPlan: boolean;
  /** Rows inside the body read as what they are and left out on purpose: a header band repeated, a note. */
  skippedRows?: number[];
  /**
   * A table read transposed (years as columns, detect/years.ts): the sheet rows and columns it read. Coverage
   * (coverage.ts) says any other row or column of it holding numbers, as for a table read the usual way.
   */
  transposed?: { rows: number[]; columns: number[]; labelColumn: number };
}

/** Corrections the user made in the pane, remembered per sheet. */
export interface Overrides {
  columns?: Record<string, { role?: ColumnRole; period?: string }>;
  rows?: Record<number, RowKind>;
  /** Cells (A1) the user confirmed in the pane ("Giá trị này đúng"): never blamed, never corrected. */
  confirmedCells?: string[];
}

/** How the engine reads a table. No words: findings are data, sentences are made at the edge. */
export interface AnalyzeOptions {
  /** Decimals of rates when neither the cell nor its column shows any (default 2). */
  rateDecimals?: number;
  /** How the table's rates are rounded: half-up (the custom, and the default) or truncated. */
  rounding?: "half-up" | "truncate";
  overrides?: Overrides;
  /**
   * The user accepts the reading as it is (CLI --trust-structure): every guessed relation is kept and checked, no
   * structure-unsure doubt is raised, and the table may be rewritten.
   */
  trustStructure?: boolean;
  /** The sheet's text is in a legacy encoding (found by analyzeGrid; set to force one). */
  legacy?: { encoding: "tcvn3" | "vni"; cell: string; text?: string };
}
