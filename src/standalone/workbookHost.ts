// A PaneHost over an .xlsx held in the browser's memory: the standalone page's "Excel". Reading goes through our
// own reader and the download through the same patcher as the CLI (src/hosts/xlsx/workbook.ts): the user's package
// comes back with only the written cells changed. This file keeps the undo stack, the marks and the selection, and
// remembers settings and corrections in localStorage. Nothing leaves the page.
import {
  type Grid,
  parseA1,
  type Overrides,
  type CellWrite,
  type Finding,
  type WritePlan,
  type AppendixLayout,
} from "../engine";
import type { XlsxWorkbook } from "../hosts/xlsx/workbook";
import type { Refusal } from "../hosts/xlsx/patch";
import { renderAppendixSheet } from "./appendixSheet";
import { DEFAULT_SETTINGS, type PaneHost, type PaneSettings, type WriteOutcome } from "../hosts/port";

interface SavedCell {
  sheet: string;
  address: string;
  /** The write in force before (undefined: the cell as the file has it). */
  previous: CellWrite | undefined;
}

export interface HostEvents {
  /** Cells, marks or the selection changed: the page redraws its preview. */
  onChange?(): void;
  onSettings?(settings: PaneSettings): void;
}

const SETTINGS_KEY = "phuluc.settings";

/** Storage that never throws (private windows and file:// pages may refuse localStorage). */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

export function browserStore(): KeyValueStore {
  const memory = new Map<string, string>();
  return {
    get(key) {
      try {
        return window.localStorage.getItem(key);
      } catch {
        return memory.get(key) ?? null;
      }
    },
    set(key, value) {
      memory.set(key, value);
      try {
        window.localStorage.setItem(key, value);
      } catch {
        // memory only
      }
    },
  };
}

export class WorkbookHost implements PaneHost {
  readonly kind = "standalone" as const;
  private readonly undoStack: { step: number; cells: SavedCell[] }[] = [];
  private nextStep = 1;
  readonly marks = new Map<string, Set<string>>();
  selected: { sheet: string; address: string } | null = null;
  /** Cells the last fix could not write (pivot table, table totals row, array formula, protected, TRUE/FALSE). */
  refused: Refusal[] = [];

  constructor(
    readonly workbook: XlsxWorkbook,
    /** The sheet the user picked. */
    public sheetName: string,
    /** Identifies the file for remembered corrections (its name). */
    private readonly fileKey: string,
    private readonly store: KeyValueStore = browserStore(),
    private readonly events: HostEvents = {},
  ) {}

  /** Tells the page to redraw (cells, marks, the selection or a sheet read). */
  protected changed(): void {
    this.events.onChange?.();
  }

  async readGrid(): Promise<Grid | null> {
    if (!this.workbook.getWorksheet(this.sheetName))
      throw new Error(`Không có trang tính "${this.sheetName}" trong tệp`);
    const grid = this.workbook.grid(this.sheetName);
    return grid.cells.some((row) => row && row.some(Boolean)) ? grid : null;
  }

  async applyWrites(plan: WritePlan): Promise<WriteOutcome> {
    if (plan.writes.length === 0) return { refused: [] };
    for (const w of plan.writes) {
      if (!this.workbook.getWorksheet(w.sheet)) throw new Error(`Không có trang tính "${w.sheet}" trong tệp`);
    }
    const saved: SavedCell[] = plan.writes.map((w) => ({
      sheet: w.sheet,
      address: w.cell,
      previous: this.workbook.pendingAt(w.sheet, w.cell),
    }));
    this.refused = this.workbook.write(plan.writes);
    const refused = new Set(this.refused.map((r) => `${r.sheet}!${r.cell}`));
    const done = saved.filter((s) => !refused.has(`${s.sheet}!${s.address}`));
    // A write the file refused entirely changed nothing: no undo step (else "Hoàn tác" undoes nothing).
    if (done.length > 0) this.undoStack.push({ step: this.nextStep++, cells: done });
    this.changed();
    return { refused: this.refused };
  }

  /** The last write still in force (0: none): the same number means the same cells as when it was taken. */
  protected get lastStep(): number {
    return this.undoStack[this.undoStack.length - 1]?.step ?? 0;
  }

  async canUndo(): Promise<boolean> {
    return this.undoStack.length > 0;
  }

  async undo(): Promise<boolean> {
    const saved = this.undoStack.pop()?.cells;
    if (!saved) return false;
    // Restore in reverse so a cell written twice in one plan gets its first saved state back.
    for (const s of [...saved].reverse()) this.workbook.restore(s.sheet, s.address, s.previous);
    this.changed();
    return true;
  }

  async markFindings(sheet: string, findings: Finding[]): Promise<void> {
    // Marks live beside the workbook, never in it: the downloaded file keeps the user's formatting.
    this.marks.set(sheet, new Set(findings.map((f) => f.cell)));
    this.changed();
  }

  async clearMarks(sheet: string): Promise<void> {
    this.marks.delete(sheet);
    this.changed();
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    parseA1(address); // throws on a malformed address
    this.selected = { sheet, address };
    this.changed();
  }

  async writeAppendix(layout: AppendixLayout): Promise<string> {
    const name = renderAppendixSheet(this.workbook, layout);
    this.changed();
    return name;
  }

  private overridesKey(sheet: string): string {
    return `phuluc.overrides:${this.fileKey}:${sheet}`;
  }

  async loadOverrides(sheet: string): Promise<Overrides> {
    return parseJson<Overrides>(this.store.get(this.overridesKey(sheet))) ?? {};
  }

  async saveOverrides(sheet: string, overrides: Overrides): Promise<void> {
    this.store.set(this.overridesKey(sheet), JSON.stringify(overrides));
  }

  async loadSettings(): Promise<PaneSettings> {
    return loadSettings(this.store);
  }

  async saveSettings(settings: PaneSettings): Promise<void> {
    this.store.set(SETTINGS_KEY, JSON.stringify(settings));
    this.events.onSettings?.(settings);
  }

  /** The corrected workbook as .xlsx bytes: the user's package patched, every other part as it was. */
  async toBytes(): Promise<ArrayBuffer> {
    const bytes = this.workbook.toBytes();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }
}

export function loadSettings(store: KeyValueStore): PaneSettings {
  const saved = parseJson<Partial<PaneSettings>>(store.get(SETTINGS_KEY)) ?? {};
  const s = { ...DEFAULT_SETTINGS, ...saved };
  // A damaged entry must not break the pane.
  if (s.lang !== "vi" && s.lang !== "en") s.lang = "vi";
  if (s.rounding !== "half-up" && s.rounding !== "truncate") s.rounding = "half-up";
  if (!Number.isInteger(s.rateDecimals) || s.rateDecimals < 0 || s.rateDecimals > 6) s.rateDecimals = 2;
  s.writeFormulas = s.writeFormulas !== false;
  return s;
}

function parseJson<T>(text: string | null): T | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

/** `Ke hoach 2024.xlsx` → `Ke hoach 2024.da-sua.xlsx`. */
export function correctedFileName(name: string): string {
  const base = name.replace(/\.xlsx$/i, "");
  return `${base || "bang"}.da-sua.xlsx`;
}
