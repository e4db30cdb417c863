// A minimal in-memory Excel behind the Office.js object model, for what office-addin-mock cannot express: ranges
// by address over a live sheet, writes that later reads see, sheets added and hidden, rows inserted and deleted,
// conditional formats added and deleted. It keeps Office.js's batching rules: commands are queued and run at
// context.sync(), in order; a loaded property throws until the sync that loads it. It counts syncs and the JSON
// size of what each sync sends, and coerces typed text the way an en-US Excel does ("1.518" becomes a number).
//
// It enforces what real Excel enforces (each documented by Microsoft or reported on OfficeDev/office-js):
// - 5 MB a request and 5 MB a response (Excel on the web), counted in UTF-8 bytes: the sync fails;
// - a read of more than 5 million cells returns null values;
// - getMergedAreasOrNullObject over more than 512 merged areas fails its sync;
// - cell-edit mode: every sync fails with InvalidOperationInCellEditMode unless the run asked delayForCellEdit
//   on an Excel that has it (ExcelApi 1.11), which waits until the user leaves the cell;
// - whole-column and whole-row selections are returned as "Sheet!A:H" and "Sheet!3:10";
// - loading every conditional format fails when the sheet holds a rule Office.js cannot describe (#6827, #6835),
//   and deleting items of a loaded collection in a loop fails with ItemNotFound (#5222);
// - protected sheets refuse writes, a protected workbook structure refuses new sheets and visibility changes;
// - Excel's undo stack: each sync that changes the workbook is one step, a mergeUndoGroup run is one step, and an
//   API that is not undoable on Windows and Mac (Worksheet.visibility) clears the stack, or fails with
//   UndoNotSupported inside a mergeUndoGroup run.
// And, since issue 22, what the docs say about Excel as it really runs:
// - the Office.js library is not the host: a library that predates ExcelApi 1.20 (the npm copy, 1.1.110) drops
//   the mergeUndoGroup run option even where isSetSupported("ExcelApi", "1.20") answers yes (env's `library`);
// - each runtime (the pane, a ribbon command) holds its own copy of the document settings: saveAsync writes that
//   whole copy to the document, refreshAsync reads the document again (fakeSettings over one FakeDocument);
// - a conditional format's id is its priority in the collection (a rule added later comes first), not a stable id;
// - a protected sheet refuses writes to its locked cells only (cells are locked unless unlocked by the user), and
//   a write to a range with any locked cell fails as a whole.
import { a1, columnNumber, parseRangeA1, rangeA1, type CellRange } from "../../src/engine/grid";
import type { OfficeEnv } from "../../src/hosts/office/env";

type Scalar = string | number | boolean;

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const CELL_READ_LIMIT = 5_000_000;
export const MERGED_AREA_LIMIT = 512;

const utf8 = (x: unknown) => Buffer.byteLength(JSON.stringify(x) ?? "", "utf8");

/** An Office.js error as the adapter sees it: a code and a message. */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
const fail = (code: string, message = code) => {
  throw new FakeOfficeError(code, message);
};
export interface FakeCell {
  value: Scalar | null;
  formula?: string;
  numberFormat?: string;
  /** Format > Protection > Locked: true unless the user unlocked the cell (what a protected sheet refuses). */
  locked?: boolean;
}
export interface FakeCf {
  /** A user-made rule Office.js fails to describe when the whole collection is loaded. */
  unreadable?: boolean;
  range: string;
  type: string;
  formula: string;
  fill?: string;
  font?: string;
}
export interface FakeSheet {
  name: string;
  visibility: string;
  cells: Map<string, FakeCell>;
  merges: CellRange[];
  cfs: FakeCf[];
  formats: Map<string, Record<string, unknown>>;
  columnWidths: Map<number, number>;
  page: Record<string, unknown>;
  protected?: boolean;
  rowHeights?: Map<number, number>;
  freeze?: number;
  showGridlines?: boolean;
}

class NotLoaded extends Error {}

/** isSetSupported for an Excel that has ExcelApi up to `max` ("1.19": everything but the undo group). */
export function upTo(max: string): (name: string, version: string) => boolean {
  const m = Number(max.split(".")[1]);
  return (name, version) => name !== "ExcelApi" || Number(version.split(".")[1]) <= m;
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  active = 0;
  selection = "A1";
  syncs = 0;
  payloads: number[] = [];
  /** Values of formulas as a real Excel would compute them, keyed "sheet!A1|=FORMULA". */
  knownResults = new Map<string, Scalar | null>();
  queue: (() => void)[] = [];
  pending = 0;
  multiSelection = false;
  calls: string[] = [];
  /** UTF-8 bytes each sync sent and received. */
  responses: number[] = [];
  refusedResponses = 0;
  private response = 0;
  private reverts: (() => void)[] = [];
  /** The user is typing in a cell. */
  cellEditing = false;
  private editWaiters: (() => void)[] = [];
  /** Options each Excel.run was given. */
  runOptions: { delayForCellEdit?: boolean; mergeUndoGroup?: boolean }[] = [];
  /** Excel's own undo stack (the user's steps, then ours); cleared by an API that is not undoable. */
  undoStack: string[] = [];
  undoCleared = 0;
  structureProtected = false;
  /** Model office-js #1860: zoom with one fit direction only is ignored. */
  fitNeedsBoth = true;
  /** A host that applies no zoom at all. */
  ignoreZoom = false;
  /** Cells a single read may return before Excel answers null (5 million; tests may lower it). */
  cellReadLimit = CELL_READ_LIMIT;
  /** Bumped by every command that changes the workbook. */
  version = 0;
  usedCache = new Map<FakeSheet, { key: string; address: string }>();
  /** Some command in the batch cannot be undone on this host: a mergeUndoGroup run fails with UndoNotSupported. */
  groupRefused = false;
  private run: { merge: boolean; recorded: boolean } = { merge: false, recorded: false };
  private mutated = false;
  private notUndoable = false;

  /** The user presses Enter: batches that waited run now. */
  leaveCellEdit() {
    this.cellEditing = false;
    for (const w of this.editWaiters.splice(0)) w();
  }

  addSheet(
    name: string,
    rows: unknown[][] = [],
    opts: {
      top?: number;
      left?: number;
      formats?: Record<string, string>;
      cached?: Record<string, Scalar>;
    } = {},
  ): FakeSheet {
    const sheet: FakeSheet = {
      name,
      visibility: "Visible",
      cells: new Map(),
      merges: [],
      cfs: [],
      formats: new Map(),
      columnWidths: new Map(),
      page: {},
    };
    const top = opts.top ?? 1;
    const left = opts.left ?? 1;
    rows.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === undefined || v === null || v === "") return;
        const addr = a1(top + i, left + j);
        const cell: FakeCell = { value: v as Scalar, numberFormat: opts.formats?.[addr] ?? "General" };
        if (typeof v === "string" && v.startsWith("=")) {
          cell.formula = v;
          cell.value = opts.cached?.[addr] ?? 0;
          this.knownResults.set(`${name}!${addr}|${v}`, cell.value);
        }
        sheet.cells.set(addr, cell);
      }),
    );
    for (const [addr, f] of Object.entries(opts.formats ?? {})) {
      if (!sheet.cells.has(addr)) sheet.cells.set(addr, { value: null, numberFormat: f });
    }
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`ItemNotFound: ${name}`);
    return s;
  }

  /** Everything a user could see or a formula could read in a range: for before/after comparisons. */
  dump(
    name: string,
    range: string,
  ): { value: Scalar | null; formula: string | null; numberFormat: string }[][] {
    const r = parseRangeA1(range);
    const s = this.sheet(name);
    const out = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line = [];
      for (let col = r.left; col <= r.right; col++) {
        const c = s.cells.get(a1(row, col));
        line.push({
          value: c?.value ?? null,
          formula: c?.formula ?? null,
          numberFormat: c?.numberFormat ?? "General",
        });
      }
      out.push(line);
    }
    return out;
  }

  env(
    supported: (name: string, version: string) => boolean = () => true,
    settings?: Office.Settings,
    opts: {
      /** The Office.js library loaded: "current" (Microsoft's CDN) or "bundled" (@microsoft/office-js 1.1.110, which
       * knows nothing of mergeUndoGroup and drops it, whatever the host supports). */
      library?: "current" | "bundled";
    } = {},
  ): OfficeEnv {
    const libraryMerges = (opts.library ?? "current") === "current";
    return {
      run: async (batch, options = {}) => {
        this.runOptions.push(options);
        // delayForCellEdit is a RunOptions of ExcelApi 1.11: an older Excel ignores it and fails in cell-edit mode.
        const delay = Boolean(options.delayForCellEdit) && supported("ExcelApi", "1.11");
        if (this.cellEditing && delay) await new Promise<void>((resolve) => this.editWaiters.push(resolve));
        const merge = Boolean(options.mergeUndoGroup) && supported("ExcelApi", "1.20") && libraryMerges;
        this.run = { merge, recorded: false };
        const context = this.context() as unknown as Record<string, unknown>;
        // What the library's onBeforeExcelRun does with the options: request flags on the context.
        context._requestFlagModifier = (delay ? 64 : 0) | (merge ? 4096 : 0);
        try {
          return await batch(context as unknown as Excel.RequestContext);
        } finally {
          this.run = { merge: false, recorded: false };
        }
      },
      isSetSupported: supported,
      settings,
    };
  }

  private send(bytes: number, op: () => void, mutates = false) {
    this.pending += bytes;
    this.queue.push(
      mutates
        ? () => {
            this.version++;
            op();
            this.mutated = true;
          }
        : op,
    );
  }

  /** A command Excel cannot undo on Windows and Mac. */
  private sendNotUndoable(bytes: number, op: () => void) {
    this.send(
      bytes,
      () => {
        if (this.run.merge) fail("UndoNotSupported", "The operation cannot be grouped for undo.");
        op();
        this.notUndoable = true;
      },
      true,
    );
  }

  /** A loaded result: counted in the response, undone if the response turns out too large. */
  private received(bytes: number, revert: () => void) {
    this.response += bytes;
    this.reverts.push(revert);
  }

  context() {
    const wb = this; // eslint-disable-line @typescript-eslint/no-this-alias
    return {
      workbook: this.workbookProxy(),
      async sync() {
        wb.syncs++;
        wb.payloads.push(wb.pending);
        const request = wb.pending;
        wb.pending = 0;
        const ops = wb.queue;
        wb.queue = [];
        wb.response = 0;
        wb.reverts = [];
        wb.mutated = false;
        wb.notUndoable = false;
        if (wb.cellEditing) fail("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.");
        if (request > PAYLOAD_LIMIT)
          fail(
            "RequestPayloadSizeLimitExceeded",
            `The request payload size has exceeded the limit (${request} bytes).`,
          );
        if (wb.groupRefused && wb.run.merge && ops.length > 0)
          fail("UndoNotSupported", "The operation cannot be grouped for undo.");
        try {
          for (const op of ops) op();
        } finally {
          // Only answers Excel sends: one over the limit is refused (and counted apart).
          if (wb.response <= PAYLOAD_LIMIT) wb.responses.push(wb.response);
          else wb.refusedResponses++;
          if (wb.notUndoable) {
            wb.undoStack = [];
            wb.undoCleared++;
          } else if (wb.mutated && !(wb.run.merge && wb.run.recorded)) {
            wb.undoStack.push("add-in");
            wb.run.recorded = true;
          }
        }
        if (wb.response > PAYLOAD_LIMIT) {
          for (const r of wb.reverts) r();
          fail(
            "ResponsePayloadSizeLimitExceeded",
            `The response payload size has exceeded the limit (${wb.response} bytes).`,
          );
        }
      },
    };
  }

  private workbookProxy() {
    const wb = this; // eslint-disable-line @typescript-eslint/no-this-alias
    const collection = {
      _items: undefined as unknown,
      get items() {
        if (this._items === undefined) throw new NotLoaded("items not loaded");
        return this._items;
      },
      load(_what: string) {
        wb.send(50, () => {
          this._items = wb.sheets.map((s) => {
            const proxy = wb.sheetProxy(() => s);
            proxy.preload(s.name);
            return proxy;
          });
        });
      },
      getItem: (name: string) => wb.sheetProxy(() => wb.sheet(name)),
      getItemOrNullObject(name: string) {
        const proxy = wb.sheetProxy(() => wb.sheet(name)) as ReturnType<FakeWorkbook["sheetProxy"]> & {
          isNullObject?: boolean;
        };
        wb.send(50, () => {
          proxy.isNullObject = !wb.sheets.some((s) => s.name === name);
        });
        return proxy;
      },
      getActiveWorksheet: () => wb.sheetProxy(() => wb.sheets[wb.active]),
      add(name: string) {
        wb.calls.push(`add ${name}`);
        wb.send(
          50,
          () => {
            if (wb.structureProtected) fail("AccessDenied", "The workbook structure is protected.");
            if (wb.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()))
              fail("ItemAlreadyExists", `ItemAlreadyExists: ${name}`);
            wb.addSheet(name);
          },
          true,
        );
        return wb.sheetProxy(() => wb.sheet(name));
      },
    };
    const protection = {
      _p: undefined as boolean | undefined,
      get protected() {
        if (this._p === undefined) throw new NotLoaded("protection");
        return this._p;
      },
      load(_what: string) {
        wb.send(20, () => (this._p = wb.structureProtected));
      },
    };
    return {
      worksheets: collection,
      protection,
      getSelectedRange() {
        return wb.rangeProxy(
          () => wb.sheets[wb.active],
          () => {
            if (wb.multiSelection) fail("InvalidSelection", "InvalidSelection: multiple ranges");
            return wb.selection;
          },
        );
      },
      getSelectedRanges() {
        const r = wb.rangeProxy(
          () => wb.sheets[wb.active],
          () => wb.selection,
        );
        return {
          get address() {
            const a = r.address;
            return wb.multiSelection ? `${a},${a.split("!")[0]}!Z1:Z2` : a;
          },
          load: (w: string) => r.load(w),
        };
      },
    };
  }

  sheetProxy(get: () => FakeSheet) {
    const wb = this; // eslint-disable-line @typescript-eslint/no-this-alias
    const loaded: Record<string, unknown> = {};
    return {
      get name() {
        if (!("name" in loaded)) throw new NotLoaded("name");
        return loaded.name as string;
      },
      load(_what: string) {
        wb.send(30, () => {
          loaded.name = get().name;
        });
      },
      preload(name: string) {
        loaded.name = name;
      },
      set visibility(v: string) {
        wb.calls.push(`visibility ${v}`);
        wb.sendNotUndoable(30, () => {
          if (wb.structureProtected) fail("AccessDenied", "The workbook structure is protected.");
          get().visibility = v;
        });
      },
      protection: {
        _p: undefined as boolean | undefined,
        get protected() {
          if (this._p === undefined) throw new NotLoaded("protection");
          return this._p;
        },
        load(_what: string) {
          wb.send(20, () => (this._p = Boolean(get().protected)));
        },
      },
      freezePanes: {
        freezeRows(n: number) {
          wb.send(20, () => (get().freeze = n), true);
        },
      },
      set showGridlines(v: boolean) {
        wb.send(20, () => (get().showGridlines = v), true);
      },
      activate() {
        wb.calls.push("activate");
        wb.send(20, () => {
          wb.active = wb.sheets.indexOf(get());
        });
      },
      getRange: (address?: string) => wb.rangeProxy(get, () => address ?? "A1:XFD1048576"),
      getUsedRange: (_valuesOnly?: boolean) =>
        wb.rangeProxy(get, () => {
          const s = get();
          // Cached per state of the workbook: scanning every cell for each derived range would be quadratic.
          const key = `${wb.version}|${s.cells.size}`;
          const hit = wb.usedCache.get(s);
          if (hit && hit.key === key) return hit.address;
          let r: CellRange | null = null;
          for (const [addr, c] of s.cells) {
            if (c.value === null && !c.formula) continue;
            const p = parseRangeA1(addr);
            r = r
              ? {
                  top: Math.min(r.top, p.top),
                  left: Math.min(r.left, p.left),
                  bottom: Math.max(r.bottom, p.top),
                  right: Math.max(r.right, p.left),
                }
              : p;
          }
          const address = r ? rangeA1(r) : "A1";
          wb.usedCache.set(s, { key, address });
          return address;
        }),
      pageLayout: {
        set paperSize(v: string) {
          wb.send(20, () => (get().page.paperSize = v));
        },
        set orientation(v: string) {
          wb.send(20, () => (get().page.orientation = v));
        },
        set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
          wb.send(20, () => {
            // office-js #1860: a fit in one direction alone is not applied unless the Page Layout tab is open.
            if (
              wb.fitNeedsBoth &&
              (v.horizontalFitToPages === undefined || v.verticalFitToPages === undefined)
            )
              return;
            if (wb.ignoreZoom) return;
            get().page.zoom = v;
          });
        },
        _zoom: undefined as unknown,
        get zoom() {
          if (this._zoom === undefined) throw new NotLoaded("zoom");
          return this._zoom as { horizontalFitToPages?: number };
        },
        load(_w: string) {
          wb.send(20, () => (this._zoom = get().page.zoom ?? {}));
        },
        set topMargin(v: number) {
          wb.send(20, () => (get().page.topMargin = v));
        },
        set bottomMargin(v: number) {
          wb.send(20, () => (get().page.bottomMargin = v));
        },
        set leftMargin(v: number) {
          wb.send(20, () => (get().page.leftMargin = v));
        },
        set rightMargin(v: number) {
          wb.send(20, () => (get().page.rightMargin = v));
        },
        set headerMargin(v: number) {
          wb.send(20, () => (get().page.headerMargin = v));
        },
        set footerMargin(v: number) {
          wb.send(20, () => (get().page.footerMargin = v));
        },
        set centerHorizontally(v: boolean) {
          wb.send(20, () => (get().page.centerHorizontally = v));
        },
        setPrintTitleRows(v: string) {
          wb.send(20, () => (get().page.printTitleRows = v));
        },
      },
    };
  }

  rangeProxy(getSheet: () => FakeSheet, getAddress: () => string) {
    const wb = this; // eslint-disable-line @typescript-eslint/no-this-alias
    const loaded: Record<string, unknown> = {};
    const area = () => {
      const addr = getAddress()
        .replace(/\$/g, "")
        .replace(/^(\d+):(\d+)$/, "A$1:XFD$2")
        .replace(/^([A-Z]+):([A-Z]+)$/, "$11:$21048576");
      return parseRangeA1(addr);
    };
    /** Excel answers whole columns and rows in that form, not as A1:H1048576. */
    const wholeForm = () => /^\$?([A-Z]+:\$?[A-Z]+|\d+:\$?\d+)$/.test(getAddress());
    const locked = () => {
      const s = getSheet();
      if (!s.protected) return;
      const r = area();
      // Cells are locked unless the user unlocked them; a range with any locked cell is refused as a whole.
      let unlocked = 0;
      for (const [addr, c] of s.cells) {
        if (c.locked !== false) continue;
        const p = parseRangeA1(addr);
        if (p.top >= r.top && p.top <= r.bottom && p.left >= r.left && p.left <= r.right) unlocked++;
      }
      if (unlocked < (r.bottom - r.top + 1) * (r.right - r.left + 1))
        fail("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
    };
    const derived = (f: (r: CellRange) => CellRange | null) =>
      wb.rangeProxy(getSheet, () => {
        const r = f(area());
        if (!r) fail("ItemNotFound", "The ranges do not intersect.");
        return rangeA1(r!);
      });
    const read = (key: string) => {
      if (!(key in loaded)) throw new NotLoaded(key);
      return loaded[key];
    };
    const matrix = <T>(f: (c: FakeCell | undefined, addr: string) => T): T[][] => {
      const r = area();
      const s = getSheet();
      const out: T[][] = [];
      for (let row = r.top; row <= r.bottom; row++) {
        const line: T[] = [];
        for (let col = r.left; col <= r.right; col++) line.push(f(s.cells.get(a1(row, col)), a1(row, col)));
        out.push(line);
      }
      return out;
    };
    const setEach = (what: "formulas" | "values" | "numberFormat", data: unknown[][]) => {
      wb.calls.push(`${what} ${rangeA1(area())}`);
      wb.send(
        utf8(data) + 60,
        () => {
          locked();
          const r = area();
          const s = getSheet();
          if (data.length !== r.bottom - r.top + 1 || data.some((row) => row.length !== r.right - r.left + 1))
            throw new Error(`InvalidArgument: ${what} shape for ${rangeA1(r)}`);
          data.forEach((row, i) =>
            row.forEach((v, j) => {
              const addr = a1(r.top + i, r.left + j);
              const cell = s.cells.get(addr) ?? { value: null, numberFormat: "General" };
              if (what === "numberFormat") cell.numberFormat = String(v);
              else enter(s.name, addr, cell, v as Scalar);
              s.cells.set(addr, cell);
            }),
          );
        },
        true,
      );
    };
    const enter = (sheet: string, addr: string, cell: FakeCell, v: Scalar) => {
      delete cell.formula;
      if (typeof v !== "string") cell.value = v;
      else if (v === "") cell.value = null;
      else if (v.startsWith("'")) cell.value = v.slice(1);
      else if (cell.numberFormat === "@") cell.value = v;
      else if (v.startsWith("=")) {
        cell.formula = v;
        cell.value = wb.knownResults.get(`${sheet}!${addr}|${v}`) ?? null;
      } else if (/^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(v)) cell.value = Number(v.replace(/,/g, ""));
      else if (/^(true|false)$/i.test(v)) cell.value = v.toLowerCase() === "true";
      else cell.value = v;
    };
    const format = (key: string) => (value: unknown) => {
      wb.send(
        40,
        () => {
          locked();
          const s = getSheet();
          const r = area();
          for (let row = r.top; row <= r.bottom; row++)
            for (let col = r.left; col <= r.right; col++) {
              const f = s.formats.get(a1(row, col)) ?? {};
              f[key] = value;
              s.formats.set(a1(row, col), f);
            }
        },
        true,
      );
    };
    const font = {
      set name(v: string) {
        format("font.name")(v);
      },
      set bold(v: boolean) {
        format("font.bold")(v);
      },
      set italic(v: boolean) {
        format("font.italic")(v);
      },
      set size(v: number) {
        format("font.size")(v);
      },
    };
    const range = {
      get address() {
        return read("address") as string;
      },
      get values() {
        return read("values") as unknown[][];
      },
      get formulas() {
        return read("formulas") as unknown[][];
      },
      get numberFormat() {
        return read("numberFormat") as unknown[][];
      },
      get text() {
        return read("text") as unknown[][];
      },
      set values(v: unknown[][]) {
        setEach("values", v);
      },
      set formulas(v: unknown[][]) {
        setEach("formulas", v);
      },
      set numberFormat(v: unknown[][]) {
        setEach("numberFormat", v);
      },
      load(what: string) {
        let where = "";
        try {
          where = /^[A-Z$\d]/.test(getAddress()) ? getAddress() : "";
        } catch {
          // an address that fails (a selection of several areas) fails at sync, as in Excel
        }
        wb.calls.push(`load ${what} ${where}`.trim());
        wb.send(60, () => {
          const r = area();
          const tooMany = (r.bottom - r.top + 1) * (r.right - r.left + 1) > wb.cellReadLimit;
          for (const key of what.split(",").map((k) => k.trim())) {
            let v: unknown;
            if (key === "address") v = `${getSheet().name}!${wholeForm() ? getAddress() : rangeA1(area())}`;
            else if (key === "values") v = tooMany ? null : matrix((c) => c?.value ?? "");
            else if (key === "formulas") v = tooMany ? null : matrix((c) => c?.formula ?? c?.value ?? "");
            else if (key === "numberFormat") v = tooMany ? null : matrix((c) => c?.numberFormat ?? "General");
            else if (key === "text")
              v = tooMany
                ? null
                : matrix((c) => (c?.value === null || c?.value === undefined ? "" : displayed(c)));
            else continue;
            loaded[key] = v;
            wb.received(utf8(v), () => delete loaded[key]);
          }
        });
      },
      /** ExcelApi 1.9: per-cell properties; only format.protection.locked is modelled. */
      getCellProperties(_spec: unknown) {
        const out: { value?: unknown[][] } = {};
        wb.calls.push(`cellProperties ${rangeA1(area())}`);
        wb.send(80, () => {
          const v = matrix((c) => ({ format: { protection: { locked: c?.locked !== false } } }));
          out.value = v;
          wb.received(utf8(v), () => delete out.value);
        });
        return {
          get value() {
            if (out.value === undefined) throw new NotLoaded("cellProperties");
            return out.value;
          },
        };
      },
      getCell: (row: number, col: number) =>
        derived((r) => ({ top: r.top + row, left: r.left + col, bottom: r.top + row, right: r.left + col })),
      getResizedRange: (rows: number, cols: number) =>
        derived((r) => ({ ...r, bottom: r.bottom + rows, right: r.right + cols })),
      getIntersection(other: { _area: () => CellRange }) {
        return derived((r) => {
          const o = other._area();
          const x = {
            top: Math.max(r.top, o.top),
            left: Math.max(r.left, o.left),
            bottom: Math.min(r.bottom, o.bottom),
            right: Math.min(r.right, o.right),
          };
          return x.top <= x.bottom && x.left <= x.right ? x : null;
        });
      },
      _area: () => area(),
      insert(dir: string) {
        wb.calls.push(`insert ${getAddress()} ${dir}`);
        wb.send(30, () => shiftRows(getSheet(), area().top, +1), true);
      },
      delete(dir: string) {
        wb.calls.push(`delete ${getAddress()} ${dir}`);
        wb.send(30, () => shiftRows(getSheet(), area().top, -1), true);
      },
      select() {
        wb.calls.push(`select ${getAddress()}`);
        wb.send(20, () => {
          wb.selection = rangeA1(area());
        });
      },
      merge(_across: boolean) {
        wb.calls.push(`merge ${getAddress()}`);
        wb.send(
          20,
          () => {
            locked();
            getSheet().merges.push(area());
          },
          true,
        );
      },
      getMergedAreasOrNullObject() {
        const m: { isNullObject?: boolean; address?: string; load: (w: string) => void } = {
          load() {
            wb.send(30, () => {
              const s = getSheet();
              const inside = s.merges.filter(
                (x) =>
                  x.top >= area().top &&
                  x.bottom <= area().bottom &&
                  x.left >= area().left &&
                  x.right <= area().right,
              );
              if (inside.length > MERGED_AREA_LIMIT)
                fail("GeneralException", "There was an internal error while processing the request.");
              m.isNullObject = inside.length === 0;
              m.address = inside
                .map((x) => `${s.name.includes(" ") ? `'${s.name}'` : s.name}!${rangeA1(x)}`)
                .join(",");
            });
          },
        };
        return m;
      },
      format: {
        font,
        set horizontalAlignment(v: string) {
          format("horizontalAlignment")(v);
        },
        set verticalAlignment(v: string) {
          format("verticalAlignment")(v);
        },
        set wrapText(v: boolean) {
          format("wrapText")(v);
        },
        set columnWidth(v: number) {
          wb.send(30, () => {
            const r = area();
            for (let c = r.left; c <= r.right; c++) getSheet().columnWidths.set(c, v);
          });
        },
        autofitRows() {
          wb.calls.push("autofitRows");
          wb.send(20, () => undefined);
        },
        set rowHeight(v: number) {
          wb.send(20, () => {
            const r = area();
            const s = getSheet();
            s.rowHeights ??= new Map();
            for (let row = r.top; row <= r.bottom; row++) s.rowHeights.set(row, v);
          });
        },
        borders: {
          getItem(edge: string) {
            return {
              set style(v: string) {
                format(`border.${edge}`)(v);
              },
              set weight(_v: string) {},
              set color(_v: string) {},
            };
          },
        },
      },
      conditionalFormats: {
        _items: undefined as unknown,
        get items() {
          if (this._items === undefined) throw new NotLoaded("conditionalFormats");
          return this._items;
        },
        load(_what: string) {
          wb.calls.push("cf.loadAll");
          wb.send(40, () => {
            const s = getSheet();
            if (s.cfs.some((cf) => cf.unreadable))
              fail("GeneralException", "There was an internal error while processing the request.");
            this._items = s.cfs.map((cf, index) => ({
              id: String(index),
              type: cf.type,
              customOrNullObject:
                cf.type === "Custom"
                  ? { isNullObject: false, rule: { formula: cf.formula } }
                  : { isNullObject: true },
              delete() {
                // By position in the collection as loaded: once an earlier item is gone, this one is not there.
                wb.send(
                  20,
                  () => {
                    if (s.cfs[index] !== cf) fail("ItemNotFound", "The requested resource doesn't exist.");
                    s.cfs.splice(index, 1);
                  },
                  true,
                );
              },
            }));
          });
        },
        getCount() {
          const out: { value?: number } = {};
          wb.send(20, () => (out.value = getSheet().cfs.length));
          return {
            get value() {
              if (out.value === undefined) throw new NotLoaded("count");
              return out.value;
            },
          };
        },
        getItemAt(index: number) {
          return cfObject(() => getSheet().cfs[index], false, `#${index}`);
        },
        getItem(id: string) {
          return cfObject(() => getSheet().cfs[Number(id)], false, id);
        },
        getItemOrNullObject(id: string) {
          return cfObject(() => (/^\d+$/.test(id) ? getSheet().cfs[Number(id)] : undefined), true, id);
        },
        add(type: string) {
          const cf: FakeCf = { range: rangeA1(area()), type, formula: "" };
          wb.calls.push(`cf.add ${cf.range}`);
          wb.send(
            40,
            () => {
              locked();
              // A new rule takes the first priority: every other rule's id (its priority) moves down by one.
              getSheet().cfs.unshift(cf);
            },
            true,
          );
          const loadedId: { id?: string } = {};
          return {
            get id() {
              if (loadedId.id === undefined) throw new NotLoaded("id");
              return loadedId.id;
            },
            load(_w: string) {
              wb.send(20, () => (loadedId.id = String(getSheet().cfs.indexOf(cf))));
            },
            custom: {
              rule: {
                set formula(v: string) {
                  wb.send(v.length + 20, () => (cf.formula = v));
                },
              },
              format: {
                fill: {
                  set color(v: string) {
                    wb.send(20, () => (cf.fill = v));
                  },
                },
                font: {
                  set color(v: string) {
                    wb.send(20, () => (cf.font = v));
                  },
                },
              },
            },
          };
        },
      },
    };
    /** One conditional format, found when the request runs (by priority); once loaded, that rule itself. */
    const cfObject = (resolve: () => FakeCf | undefined, orNull: boolean, label: string) => {
      wb.calls.push(`cf.get ${label}`);
      const state: { bound?: FakeCf; isNullObject?: boolean; id?: string; type?: string } = {};
      const find = () => state.bound ?? resolve();
      const bind = () => {
        const cf = find();
        if (!cf && !orNull) fail("ItemNotFound", "The requested resource doesn't exist.");
        state.bound = cf;
        state.isNullObject = !cf;
        return cf;
      };
      const rule: { formula?: string; load(w: string): void } = {
        load() {
          wb.send(20, () => {
            const cf = bind();
            rule.formula = cf?.type === "Custom" ? cf.formula : undefined;
            custom.isNullObject = cf?.type !== "Custom";
          });
        },
      };
      const custom: { isNullObject?: boolean; rule: typeof rule } = { rule };
      return {
        get isNullObject() {
          if (state.isNullObject === undefined) throw new NotLoaded("isNullObject");
          return state.isNullObject;
        },
        get id() {
          if (state.id === undefined) throw new NotLoaded("id");
          return state.id;
        },
        get type() {
          if (state.type === undefined) throw new NotLoaded("type");
          return state.type;
        },
        customOrNullObject: custom,
        getRangeOrNullObject() {
          const r: { isNullObject?: boolean; address?: string; load(w: string): void } = {
            load() {
              wb.send(20, () => {
                const cf = bind();
                r.isNullObject = !cf;
                r.address = cf ? `${getSheet().name}!${cf.range}` : undefined;
              });
            },
          };
          return r;
        },
        load(_w: string) {
          wb.send(30, () => {
            const cf = bind();
            state.id = cf ? String(getSheet().cfs.indexOf(cf)) : undefined;
            state.type = cf?.type;
          });
        },
        delete() {
          wb.send(
            20,
            () => {
              const s = getSheet();
              const cf = find();
              if (!cf || !s.cfs.includes(cf)) fail("ItemNotFound", "The requested resource doesn't exist.");
              locked();
              s.cfs = s.cfs.filter((x) => x !== cf);
            },
            true,
          );
        },
      };
    };
    return range;
  }
}

function shiftRows(sheet: FakeSheet, at: number, by: 1 | -1) {
  const moved = new Map<string, FakeCell>();
  for (const [addr, c] of sheet.cells) {
    const m = /^([A-Z]+)(\d+)$/.exec(addr)!;
    const row = Number(m[2]);
    if (row < at) moved.set(addr, c);
    else if (by === -1 && row === at) continue;
    else moved.set(`${m[1]}${row + by}`, c);
  }
  sheet.cells = moved;
}

export function colOf(letter: string): number {
  return columnNumber(letter);
}

/** What the document itself keeps of the add-in's settings (what saveAsync wrote last). */
export interface FakeDocument {
  persisted: Map<string, unknown>;
}

export function fakeDocument(): FakeDocument {
  return { persisted: new Map() };
}

/**
 * One runtime's Office.context.document.settings: its own copy of the document's settings, read when the runtime
 * starts; saveAsync writes that whole copy back (over what another runtime saved meanwhile), refreshAsync reads
 * the document again.
 */
export function fakeSettings(
  doc: FakeDocument = fakeDocument(),
): Office.Settings & { store: Map<string, unknown>; saves: number; refreshes: number } {
  const clone = (v: unknown) => JSON.parse(JSON.stringify(v));
  const copy = () => new Map([...doc.persisted].map(([k, v]) => [k, clone(v)]));
  const s = {
    store: copy(),
    saves: 0,
    refreshes: 0,
    get: (k: string) => (s.store.has(k) ? clone(s.store.get(k)) : null),
    set: (k: string, v: unknown) => void s.store.set(k, clone(v)),
    remove: (k: string) => void s.store.delete(k),
    saveAsync(cb?: (r: { status: string }) => void) {
      s.saves++;
      doc.persisted = new Map([...s.store].map(([k, v]) => [k, clone(v)]));
      cb?.({ status: "succeeded" });
    },
    addHandlerAsync() {},
    removeHandlerAsync() {},
    refreshAsync(cb?: (r: { status: string; value: unknown }) => void) {
      s.refreshes++;
      s.store = copy();
      cb?.({ status: "succeeded", value: s });
    },
  };
  return s as unknown as Office.Settings & { store: Map<string, unknown>; saves: number; refreshes: number };
}

/** The text Excel would show: a date format shows the date (dd/mm/yyyy), anything else the value. */
function displayed(c: FakeCell): string {
  if (typeof c.value === "number" && c.numberFormat && /d.*m.*y|m.*d.*y/i.test(c.numberFormat)) {
    const d = new Date(Date.UTC(1899, 11, 30) + c.value * 86400000);
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
  }
  // A number with a unit in quotes (0" hộ"): the number, then the unit.
  const unit = typeof c.numberFormat === "string" ? /^[#0,.]+"([^"]*)"$/.exec(c.numberFormat) : null;
  if (typeof c.value === "number" && unit) return `${c.value}${unit[1]}`;
  return String(c.value);
}
