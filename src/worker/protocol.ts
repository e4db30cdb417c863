// The messages between the pages and the worker that reads workbooks and runs the engine off the main thread
// (src/worker/index.ts). Everything crosses by structured clone: plain data only.
import type { Grid, Overrides, CellWrite, TableAnalysis } from "../engine";
import type { PaneSettings } from "../hosts/port";
import type { Packed } from "./text";

export type WorkRequest =
  /** Keep a copy of an .xlsx under an id (the page keeps its own for writing). */
  | { op: "open"; file: number; bytes: ArrayBuffer; fileName: string }
  /** A sheet's grid as the file has it (no writes), as text (gridText.ts). */
  | { op: "sheet"; file: number; sheet: string }
  /** The first sheet on which the engine finds a table (else the first sheet), with its grid as text. */
  | { op: "first-table"; file: number }
  | { op: "close"; file: number }
  /** The pane's analysis: the engine's findings with their sentences in the user's language. */
  | { op: "analyze"; source: GridSource; settings: PaneSettings; overrides: Overrides };

/**
 * The grid to check: sent whole (Excel's pane), or named by the page that opened the file here, with the cell
 * writes it has made since (the page then never sends a 10,000-row grid back).
 */
export type GridSource =
  | { grid: Grid }
  /** The grid as JSON text (text.ts): cloning a 10,000-row grid's objects costs the page 100-200 ms, its JSON ~20. */
  | { gridText: string }
  | { file: number; sheet: string; writes: CellWrite[] };

export interface WorkResults {
  open: { sheets: string[] };
  sheet: string;
  "first-table": { sheet: string; grid: string | null };
  close: null;
  analyze: Packed<TableAnalysis[]>;
}

export type ResultOf<R extends WorkRequest> = WorkResults[R["op"]];

/** An error as it crosses: the reader's errors keep their code, so the page can word them in its language. */
export interface WorkError {
  message: string;
  xlsx?: { code: string; file: string; detail: string };
}

export type WorkResponse =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WorkError };
