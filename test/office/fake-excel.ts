// A minimal in-memory Excel behind the Office.js object model, for what office-addin-mock cannot express: ranges
// by address over a live sheet, writes that later reads see, sheets added and hidden, rows inserted and deleted,
// conditional formats added and deleted. It keeps Office.js's batching rules: commands are queued and run at
// context.sync(), in order; a loaded property throws until the sync that loads it. It counts syncs and the JSON
// size of what each sync sends, and coerces typed text the way an en-US Excel does ("1.518" becomes a number).
import { a1, columnNumber, parseRangeA1, rangeA1, type CellRange } from "../../src/engine/grid";
import type { OfficeEnv } from "../../src/hosts/office/env";

type Scalar = string | number | boolean;
export interface FakeCell {
  value: Scalar | null;
  formula?: string;
  numberFormat?: string;
}
export interface FakeCf {
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
}

class NotLoaded extends Error {}

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
  ): OfficeEnv {
    return {
      run: async (batch) => batch(this.context() as unknown as Excel.RequestContext),
      isSetSupported: supported,
      settings,
    };
  }

  private send(bytes: number, op: () => void) {
    this.pending += bytes;
    this.queue.push(op);
  }

  context() {
    const wb = this; // eslint-disable-line @typescript-eslint/no-this-alias
    return {
      workbook: this.workbookProxy(),
      async sync() {
        wb.syncs++;
        wb.payloads.push(wb.pending);
        wb.pending = 0;
        const ops = wb.queue;
        wb.queue = [];
        for (const op of ops) op();
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
        wb.send(50, () => {
          if (wb.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()))
            throw new Error(`ItemAlreadyExists: ${name}`);
          wb.addSheet(name);
        });
        return wb.sheetProxy(() => wb.sheet(name));
      },
    };
    return {
      worksheets: collection,
      getSelectedRange() {
        return wb.rangeProxy(
          () => wb.sheets[wb.active],
          () => {
            if (wb.multiSelection) throw new Error("InvalidSelection: multiple ranges");
            return wb.selection;
          },
        );
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
        wb.send(30, () => {
          get().visibility = v;
        });
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
          return r ? rangeA1(r) : "A1";
        }),
      pageLayout: {
        set paperSize(v: string) {
          wb.send(20, () => (get().page.paperSize = v));
        },
        set orientation(v: string) {
          wb.send(20, () => (get().page.orientation = v));
        },
        set zoom(v: unknown) {
          wb.send(20, () => (get().page.zoom = v));
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
        .replace(/^(\d+):(\d+)$/, "A$1:XFD$2")
        .replace(/^([A-Z]+):([A-Z]+)$/, "$11:$21048576");
      return parseRangeA1(addr);
    };
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
      wb.send(JSON.stringify(data).length + 60, () => {
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
      });
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
      wb.send(40, () => {
        const s = getSheet();
        const r = area();
        for (let row = r.top; row <= r.bottom; row++)
          for (let col = r.left; col <= r.right; col++) {
            const f = s.formats.get(a1(row, col)) ?? {};
            f[key] = value;
            s.formats.set(a1(row, col), f);
          }
      });
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
        wb.calls.push(`load ${what}`);
        wb.send(60, () => {
          for (const key of what.split(",").map((k) => k.trim())) {
            if (key === "address") loaded.address = `${getSheet().name}!${rangeA1(area())}`;
            else if (key === "values") loaded.values = matrix((c) => c?.value ?? "");
            else if (key === "formulas") loaded.formulas = matrix((c) => c?.formula ?? c?.value ?? "");
            else if (key === "numberFormat")
              loaded.numberFormat = matrix((c) => c?.numberFormat ?? "General");
            else if (key === "text")
              loaded.text = matrix((c) =>
                c?.value === null || c?.value === undefined ? "" : String(c.value),
              );
          }
        });
      },
      insert(dir: string) {
        wb.calls.push(`insert ${getAddress()} ${dir}`);
        wb.send(30, () => shiftRows(getSheet(), area().top, +1));
      },
      delete(dir: string) {
        wb.calls.push(`delete ${getAddress()} ${dir}`);
        wb.send(30, () => shiftRows(getSheet(), area().top, -1));
      },
      select() {
        wb.calls.push(`select ${getAddress()}`);
        wb.send(20, () => {
          wb.selection = rangeA1(area());
        });
      },
      merge(_across: boolean) {
        wb.send(20, () => getSheet().merges.push(area()));
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
          wb.send(20, () => undefined);
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
          wb.send(40, () => {
            const s = getSheet();
            this._items = s.cfs.map((cf) => ({
              type: cf.type,
              customOrNullObject:
                cf.type === "Custom"
                  ? { isNullObject: false, rule: { formula: cf.formula } }
                  : { isNullObject: true },
              delete() {
                wb.send(20, () => {
                  s.cfs = s.cfs.filter((x) => x !== cf);
                });
              },
            }));
          });
        },
        add(type: string) {
          const cf: FakeCf = { range: rangeA1(area()), type, formula: "" };
          wb.calls.push(`cf.add ${cf.range}`);
          wb.send(40, () => getSheet().cfs.push(cf));
          return {
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

export function fakeSettings(): Office.Settings & { store: Map<string, unknown>; saves: number } {
  const store = new Map<string, unknown>();
  const s = {
    store,
    saves: 0,
    get: (k: string) => (store.has(k) ? JSON.parse(JSON.stringify(store.get(k))) : null),
    set: (k: string, v: unknown) => void store.set(k, JSON.parse(JSON.stringify(v))),
    remove: (k: string) => void store.delete(k),
    saveAsync(cb?: (r: { status: string }) => void) {
      s.saves++;
      cb?.({ status: "succeeded" });
    },
    addHandlerAsync() {},
    removeHandlerAsync() {},
    refreshAsync() {},
  };
  return s as unknown as Office.Settings & { store: Map<string, unknown>; saves: number };
}
