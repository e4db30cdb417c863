// readGrid through office-addin-mock: what is loaded, ONE context.sync(), the conversion to the engine's Grid,
// the selection rule, and the fallback when ExcelApi 1.13 (merged areas) is missing.
import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock needs only the OfficeApp enum from office-addin-manifest, whose ESM-only dependencies jest
// (CommonJS) cannot load: give it the enum alone.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
}));
import { cellAt, mergedCellAt, rangeA1 } from "../../src/engine/grid";
import type { OfficeEnv } from "../../src/hosts/office/env";
import { readGrid } from "../../src/hosts/office/read";
import { createOfficeHost } from "../../src/hosts/office";
import { SHEET } from "./sheet";
import { FakeWorkbook, upTo } from "./fake-excel";

const values = [
  ["STT", "Thôn", "Tổng số hộ", "Hộ nghèo", ""],
  ["", "", "", "Số hộ", "Tỷ lệ (%)"],
  ["A", "B", "1", "2", "3=2/1*100"],
  [1, "Thôn Bình An", 412, 21, 5.1],
  [2, "Thôn Phú Lộc", "1.518", 47, 3.1],
  [3, "Thôn Tân Lập", 0, 0, "#DIV/0!"],
  ["Tổng cộng", "", 1930, 68, 3.52],
];
const formulas = values.map((row, i) =>
  row.map((v, j) => (i === 5 && j === 4 ? "=D10/C10*100" : i === 6 && j === 2 ? "=SUM(C8:C10)" : v)),
);
const numberFormat = values.map((row, i) =>
  row.map((_, j) => (i >= 3 && j === 4 ? "0.00" : i >= 3 && j === 2 ? "#,##0" : "General")),
);
const text = values.map((row, i) =>
  row.map((v, j) => (i >= 3 && j === 2 && typeof v === "number" ? v.toLocaleString("de-DE") : String(v))),
);

function mockData(selection: string) {
  return {
    context: {
      workbook: {
        worksheets: {
          sheet: {
            name: SHEET,
            used: {
              address: `'${SHEET}'!A5:E11`,
              // The window: the used range's top-left cell, resized to 1000 × 50, intersected with the used range.
              corner: {
                resized: {
                  window: {
                    address: `'${SHEET}'!A5:E11`,
                    values,
                    formulas,
                    numberFormat,
                    text,
                    merged: {
                      address: `'${SHEET}'!A5:A6,'${SHEET}'!B5:B6,'${SHEET}'!D5:E5,'${SHEET}'!A11:B11`,
                    },
                    getMergedAreasOrNullObject: function () {
                      return this.merged;
                    },
                  },
                  getIntersection: function () {
                    return this.window;
                  },
                },
                getResizedRange: function () {
                  return this.resized;
                },
              },
              getCell: function () {
                return this.corner;
              },
            },
            getUsedRange: function () {
              return this.used;
            },
          },
          getActiveWorksheet: function () {
            return this.sheet;
          },
        },
        selected: { address: `'${SHEET}'!${selection}` },
        getSelectedRange: function () {
          return this.selected;
        },
        getSelectedRanges: function () {
          return this.selected;
        },
      },
    },
  };
}

function mockEnv(selection: string, supported: (v: string) => boolean) {
  const excel = new OfficeMockObject(mockData(selection)) as unknown as {
    context: Excel.RequestContext & { sync(): Promise<void> };
  };
  const sync = jest.spyOn(excel.context, "sync");
  const usedMergedCall = jest.spyOn(
    (
      excel.context.workbook.worksheets as unknown as {
        sheet: { used: { corner: { resized: { window: { getMergedAreasOrNullObject: () => unknown } } } } };
      }
    ).sheet.used.corner.resized.window,
    "getMergedAreasOrNullObject",
  );
  const env: OfficeEnv = {
    run: (batch) => batch(excel.context),
    isSetSupported: (name, version) => name === "ExcelApi" && supported(version),
    settings: undefined,
  };
  return { env, sync, usedMergedCall };
}

describe("readGrid (office-addin-mock)", () => {
  test("an ordinary table in one sync: values, formulas with '=', number formats, errors, merged areas", async () => {
    const { env, sync } = mockEnv("C9", () => true);
    const grid = await readGrid(env);
    expect(sync).toHaveBeenCalledTimes(1);
    expect(grid).not.toBeNull();
    const g = grid!;
    expect([g.sheet, g.top, g.left]).toEqual([SHEET, 5, 1]);
    expect(cellAt(g, 5, 1)).toEqual({ value: "STT", text: "STT" });
    expect(cellAt(g, 5, 5)).toBeUndefined();
    expect(cellAt(g, 9, 3)).toMatchObject({ value: "1.518", numberFormat: "#,##0" });
    // Displayed text is not loaded: numbers with a plain number format say it all.
    expect(cellAt(g, 8, 3)).toEqual({ value: 412, numberFormat: "#,##0" });
    expect(cellAt(g, 10, 5)).toEqual({
      value: { error: "#DIV/0!" },
      formula: "=D10/C10*100",
      numberFormat: "0.00",
      text: "#DIV/0!",
    });
    expect(cellAt(g, 11, 3)).toEqual({
      value: 1930,
      formula: "=SUM(C8:C10)",
      numberFormat: "#,##0",
    });
    expect(g.merges.map(rangeA1)).toEqual(["A5:A6", "B5:B6", "D5:E5", "A11:B11"]);
    expect(mergedCellAt(g, 5, 5)?.value).toBe("Hộ nghèo");
  });

  test("a selection of several cells narrows the grid to it, sliced from the same single load", async () => {
    const { env, sync } = mockEnv("A7:E10", () => true);
    const g = (await readGrid(env))!;
    expect(sync).toHaveBeenCalledTimes(1);
    expect([g.top, g.left, g.cells.length, g.cells[0].length]).toEqual([7, 1, 4, 5]);
    expect(cellAt(g, 7, 5)?.value).toBe("3=2/1*100");
    expect(cellAt(g, 11, 3)).toBeUndefined();
    // merged areas outside the selection are dropped
    expect(g.merges.map(rangeA1)).toEqual([]);
  });

  test("without ExcelApi 1.13 merged areas are not asked for: no merges, still one sync", async () => {
    const { env, sync, usedMergedCall } = mockEnv("C9", (v) => Number(v.split(".")[1]) < 13);
    const g = (await readGrid(env))!;
    expect(sync).toHaveBeenCalledTimes(1);
    expect(usedMergedCall).not.toHaveBeenCalled();
    expect(g.merges).toEqual([]);
    expect(cellAt(g, 8, 2)?.value).toBe("Thôn Bình An");
  });
});

describe("readGrid (fake workbook)", () => {
  test("several selected areas: the used range is read (getSelectedRanges, one sync)", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet(SHEET, [
      ["STT", "Thôn", "Tổng số hộ"],
      [1, "Thôn Bình An", 412],
    ]);
    wb.multiSelection = true;
    const g = await createOfficeHost({ env: wb.env() }).readGrid();
    expect(g?.cells.length).toBe(2);
    expect(wb.syncs).toBe(1);
  });

  test("several selected areas before ExcelApi 1.9: getSelectedRange throws, read again without it", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet(SHEET, [
      ["STT", "Thôn", "Tổng số hộ"],
      [1, "Thôn Bình An", 412],
    ]);
    wb.multiSelection = true;
    const g = await createOfficeHost({ env: wb.env(upTo("1.8")) }).readGrid();
    expect(g?.cells.length).toBe(2);
    expect(wb.syncs).toBe(2);
  });

  test("an empty sheet gives null", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("Trống");
    expect(await createOfficeHost({ env: wb.env() }).readGrid()).toBeNull();
    expect(wb.syncs).toBe(1);
  });
});
