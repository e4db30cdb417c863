// What an appendix is (a host-neutral layout the ExcelJS and Office.js adapters both render), what it is asked
// with, and the words it writes. The words come from the caller (src/i18n/appendix.ts): the engine chooses where
// a text goes and which one, never how it is said.
import type { CellRange, Grid } from "../grid";
import type { Plan } from "../plan";

export interface AppendixCellStyle {
  bold?: boolean;
  italic?: boolean;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle" | "bottom";
  wrap?: boolean;
  numberFormat?: string;
  border?: boolean;
  fontSize?: number;
  /** Indent from the aligned edge, in Excel indent steps (numbers keep off the right border). */
  indent?: number;
}

export interface AppendixCell {
  row: number;
  col: number;
  /** The value to show; for a formula cell, the engine's value of the formula (the cached result). */
  value: number | string | null;
  /** With "=", English function names, comma separators; references only cells of the appendix sheet. */
  formula?: string;
  style?: AppendixCellStyle;
}

export interface AppendixLayout {
  sheetName: string;
  cells: AppendixCell[];
  merges: CellRange[];
  /** Widths in Excel character units, column 1 first. */
  columnWidths: number[];
  /** First and last sheet rows of the header, repeated on every printed page. */
  printTitleRows: [number, number];
  page: { paper: "A4"; orientation: "portrait" | "landscape"; fitToWidth: true };
  fontName: string;
  /** Heights in points of rows whose text wraps (title, header, long labels); other rows keep the default. */
  rowHeights?: Record<number, number>;
  /** Which appendix this is. */
  variant?: "table" | "plan";
  /** Things the writer could not carry over as asked (a formula it had to replace by its value ...). */
  notes?: string[];
}

/** The body that issued the source (named above its title): the appendix is signed on its behalf. */
export type IssuingBody = "committee" | "council";

/** The date line and the signature block under an appendix (placeholders the official fills in by hand). */
export interface SignatureLabels {
  /** The date line; with the place the source names, else with dots for the official to fill. */
  date: (place?: string) => string;
  /** Left: who prepared the table, and the note under it. */
  preparer: string;
  preparerNote: string;
  /** Right: the line "on behalf of" the issuing body (the committee's when the source names none). */
  onBehalfOf: (body?: IssuingBody) => string;
  /** Right, under it: the signatory's title. */
  authorityTitle: string;
}

/** Every word an appendix writes. */
export interface AppendixLabels {
  /** The table appendix's sheet name, unless the caller names it. */
  sheetName: string;
  /** The table appendix's title when the source has none. */
  title: string;
  /** The "(Kèm theo ...)" line when the source has none, for the appendix's year. */
  subtitle: (year: number) => string;
  /** The plan appendix ("Dự kiến năm N"). */
  plan: {
    sheetName: (year: number) => string;
    title: (year: number) => string;
    /** Column headers; groups of the year N over the counts and rates under them. */
    rowNumber: string;
    unit: string;
    households: string;
    start: (year: number) => string;
    reduction: (year: number) => string;
    projected: (year: number) => string;
    count: string;
    rate: string;
    rateReduction: string;
  };
  /** Lines of the layout's notes: what the appendix printed differently from the source, and why. */
  notes: {
    /** An input the corrections list replaced: a thousands separator read as a decimal point (1.518 for 1518). */
    thousandsSeparator: (cell: string, old: string, value: string) => string;
    /** An input the corrections list replaced by the value the cells `by` agree on. */
    consistentWith: (cell: string, old: string, value: string, by: readonly string[]) => string;
    /** A derived cell whose formula could not be carried over: its value is printed. */
    formulaKept: (cell: string, value: string, formula: string) => string;
  };
  signature: SignatureLabels;
}

export interface AppendixOptions {
  /** The sheet the table was read from (values of input cells). */
  grid: Grid;
  /** The words the appendix writes (src/i18n/appendix.ts). */
  labels: AppendixLabels;
  /** Title line, written in capitals. Default: the table's own title, or a title naming the plan. */
  title?: string;
  /** The "(Kèm theo ...)" line. Default: the source's own line, or a blank form of it. */
  subtitle?: string;
  /** The plan variant: the allocation to show (plan.ts). Absent: the table as it is, corrected. */
  plan?: Plan;
  /** Year N of "Dự kiến năm N"; default: the year after the one the table names, or the current year. */
  year?: number;
  /** Names already used in the workbook: the appendix gets a new, unique one. */
  existingSheetNames?: readonly string[];
  sheetName?: string;
}
