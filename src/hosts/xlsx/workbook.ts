// An .xlsx held in memory for the standalone page: the user's package as it was opened, the cell writes and new
// appendix sheets made since, and the bytes to download, which go through the same patcher as the CLI (only the
// written cells change, every other part is copied as it is). Browser-safe: no ExcelJS, no Node.
import {
  type Cell,
  type Grid,
  parseA1,
  type CellWrite,
  uniqueSheetName,
  type AppendixLayout,
} from "../../engine";
import { openPackage, type OpenOptions, type XlsxPackage } from "./package";
import { readContext, readSheet, type ReadContext } from "./sheet";
import { checkWrites, patchPackage, type PatchResult, type Refusal } from "./patch";

export interface WorkbookSheet {
  name: string;
}

export class XlsxWorkbook {
  private ctx?: ReadContext;
  private readonly grids = new Map<string, Grid>();
  /** sheet → A1 → the write in force (later writes replace earlier ones). */
  private readonly pending = new Map<string, Map<string, CellWrite>>();
  private readonly appendices: { name: string; layout: AppendixLayout }[] = [];

  constructor(
    readonly pkg: XlsxPackage,
    /** Most cells a sheet may hold here (the page's memory budget). */
    private readonly maxCells?: number,
  ) {}

  static open(
    data: ArrayBuffer | Uint8Array,
    fileName: string,
    budget: OpenOptions & { maxCells?: number } = {},
  ): XlsxWorkbook {
    return new XlsxWorkbook(openPackage(data, fileName, budget), budget.maxCells);
  }

  get fileName(): string {
    return this.pkg.fileName;
  }

  /** The user's worksheets in tab order, then the appendices added here. */
  get worksheets(): WorkbookSheet[] {
    return [...this.pkg.worksheets, ...this.appendices.map((a) => ({ name: a.name }))];
  }

  getWorksheet(name: string): WorkbookSheet | undefined {
    return this.worksheets.find((w) => w.name === name);
  }

  /** An appendix added here (not in the user's package). */
  isAppendix(name: string): boolean {
    return this.appendices.some((a) => a.name === name);
  }

  /** True when the sheet's cells are at hand (read here, or read elsewhere and adopted): grid() is then cheap. */
  hasGrid(name: string): boolean {
    return this.grids.has(name) || this.appendices.some((a) => a.name === name);
  }

  /**
   * Takes a sheet's grid read from the same bytes elsewhere (the page's worker), so that it is not read twice.
   * Only for the file's own sheets, before any write.
   */
  adoptGrid(name: string, grid: Grid): void {
    if (!this.pkg.sheet(name)) throw new Error(`Không có trang tính "${name}" trong tệp`);
    if (!this.grids.has(name)) this.grids.set(name, grid);
  }

  /** The sheet as the engine sees it, with the writes made so far. */
  grid(name: string): Grid {
    const appendix = this.appendices.find((a) => a.name === name);
    if (appendix) return layoutGrid(name, appendix.layout);
    const writes = this.pending.get(name);
    const base = this.base(name);
    return writes && writes.size > 0 ? withWrites(base, writes.values()) : base;
  }

  /** The sheet's cells as the file has them, read once. */
  private base(name: string): Grid {
    let base = this.grids.get(name);
    if (!base) {
      const info = this.pkg.sheet(name);
      if (!info) throw new Error(`Không có trang tính "${name}" trong tệp`);
      this.ctx ??= { ...readContext(this.pkg), maxCells: this.maxCells };
      base = readSheet(this.pkg, info, this.ctx).grid;
      this.grids.set(name, base);
    }
    return base;
  }

  /** The writes in force on a sheet (what grid() lays over the file's cells). */
  pendingWrites(sheet: string): CellWrite[] {
    return [...(this.pending.get(sheet)?.values() ?? [])];
  }

  /** The sheet as the file has it with these writes over it (the worker's copy of what the page holds). */
  gridWith(name: string, writes: readonly CellWrite[]): Grid {
    const base = this.base(name);
    return writes.length > 0 ? withWrites(base, writes) : base;
  }

  /** The write in force at a cell (undefined: the cell as the file has it). */
  pendingAt(sheet: string, cell: string): CellWrite | undefined {
    return this.pending.get(sheet)?.get(cell);
  }

  /**
   * Records writes; those the file's structure forbids (pivot, table totals row, array formula, locked cell of a
   * protected sheet, a TRUE/FALSE the user typed) are returned and not recorded.
   */
  write(writes: CellWrite[]): Refusal[] {
    const own = writes.filter((w) => this.pkg.sheet(w.sheet));
    const refused = checkWrites(this.pkg, own);
    const blocked = new Set(refused.map((r) => `${r.sheet}!${r.cell}`));
    for (const w of own) {
      if (blocked.has(`${w.sheet}!${w.cell}`)) continue;
      let m = this.pending.get(w.sheet);
      if (!m) this.pending.set(w.sheet, (m = new Map()));
      m.set(w.cell, w);
    }
    return refused;
  }

  /** Puts back what `pendingAt` said before a write (undefined: drop the write). */
  restore(sheet: string, cell: string, previous: CellWrite | undefined): void {
    const m = this.pending.get(sheet);
    if (previous) {
      if (m) m.set(cell, previous);
      else this.pending.set(sheet, new Map([[cell, previous]]));
    } else m?.delete(cell);
  }

  /** Adds an appendix sheet (named uniquely); it is written into the package on download. */
  addAppendix(layout: AppendixLayout): string {
    const name = uniqueSheetName(
      layout.sheetName,
      this.worksheets.map((w) => w.name),
    );
    this.appendices.push({ name, layout: { ...layout, sheetName: name } });
    return name;
  }

  /** The package with the writes and appendices, through the patcher (verified before it is returned). */
  patch(): PatchResult {
    const writes: CellWrite[] = [];
    for (const m of this.pending.values()) for (const w of m.values()) writes.push(w);
    return patchPackage(this.pkg, { writes, sheets: this.appendices.map((a) => a.layout) });
  }

  toBytes(): Uint8Array {
    return this.patch().bytes;
  }
}

/** A grid with cell writes laid over it (the rows written are copied; the grid itself is not changed). */
function withWrites(base: Grid, writes: Iterable<CellWrite>): Grid {
  const cells = base.cells.slice();
  for (const w of writes) {
    const { row, col } = parseA1(w.cell);
    while (cells.length < row) cells.push([]);
    const r = (cells[row - 1] = (cells[row - 1] ?? []).slice());
    const old = r[col - 1];
    if (w.value === null && !w.formula) {
      r[col - 1] = undefined;
      continue;
    }
    const cell: Cell = { value: w.value };
    if (w.formula) cell.formula = w.formula.startsWith("=") ? w.formula : `=${w.formula}`;
    const format = w.numberFormat ?? old?.numberFormat;
    if (format) cell.numberFormat = format;
    if (old?.bold) cell.bold = true;
    r[col - 1] = cell;
  }
  return { ...base, cells };
}

/** An appendix layout shown as a grid (for the page's preview). */
function layoutGrid(name: string, layout: AppendixLayout): Grid {
  const cells: (Cell | undefined)[][] = [];
  for (const c of layout.cells) {
    if (c.value === null && !c.formula) continue;
    while (cells.length < c.row) cells.push([]);
    const cell: Cell = { value: c.value };
    if (c.formula) cell.formula = c.formula.startsWith("=") ? c.formula : `=${c.formula}`;
    if (c.style?.numberFormat) cell.numberFormat = c.style.numberFormat;
    if (c.style?.bold) cell.bold = true;
    cells[c.row - 1][c.col - 1] = cell;
  }
  return { sheet: name, top: 1, left: 1, cells, merges: layout.merges };
}
