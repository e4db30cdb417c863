// Never read a table silently wrong (issue 18): merged notes down the data rows, a unit name merged over two rows,
// a header band lower than usual or printed again inside the body, a note row between units. Property: any mix of
// these added to a clean table gives the same findings (none) and drops no row; added to a defective twin, the
// planted defect is still found on its (moved) cell with its value. What is not read is said (coverage).
import fc from "fast-check";
import { analyzeGrid, unreadParts } from "../../src/engine";
import { gridFromRows } from "../../src/engine/grid";
import { REPORT_MERGES, reportRows, setCell } from "../engine/fixtures";

interface Sheet {
  rows: unknown[][];
  merges: string[];
  /** Sheet row of each original row (1-based index into reportRows()). */
  at: number[];
}

const WIDTH = 10;
const pad = (r: unknown[]) => [...r, ...Array(Math.max(0, WIDTH - r.length)).fill(null)];
const shiftMerge = (m: string, from: number, by: number) =>
  m.replace(/([A-Z]+)(\d+)/g, (_, c: string, d: string) => `${c}${Number(d) >= from ? Number(d) + by : d}`);

function start(rows = reportRows()): Sheet {
  return { rows: rows.map(pad), merges: [...REPORT_MERGES], at: rows.map((_, i) => i + 1) };
}

/** Inserts rows before sheet row `before`, moving merges and the map of original rows. */
function insert(s: Sheet, before: number, add: unknown[][], merges: string[] = []): Sheet {
  const rows = [...s.rows.slice(0, before - 1), ...add.map(pad), ...s.rows.slice(before - 1)];
  return {
    rows,
    merges: [...s.merges.map((m) => shiftMerge(m, before, add.length)), ...merges],
    at: s.at.map((r) => (r >= before ? r + add.length : r)),
  };
}

const ORIGINAL = { header: 6, numbering: 8, firstUnit: 10, secondGroup: 13, lastUnit: 16, total: 17 };
const row = (s: Sheet, original: number) => s.at[original - 1];

const transforms: Record<string, (s: Sheet) => Sheet> = {
  // A "Ghi chú" column whose remarks are merged down several data rows, the first one saying "Ghi chú".
  notes: (s) => {
    const rows = s.rows.map((r) => [...r]);
    rows[row(s, ORIGINAL.header) - 1][9] = "Ghi chú";
    rows[row(s, ORIGINAL.firstUnit) - 1][9] = "Ghi chú: thôn có nhiều hộ dân tộc thiểu số";
    const top = row(s, ORIGINAL.firstUnit);
    const bottom = row(s, ORIGINAL.total);
    return {
      ...s,
      rows,
      merges: [
        ...s.merges,
        `J${row(s, ORIGINAL.header)}:J${row(s, ORIGINAL.header) + 1}`,
        `J${top}:J${bottom}`,
      ],
    };
  },
  // The title block of a district office: six more lines above the header.
  lowerHeader: (s) =>
    insert(s, 1, [
      ["ỦY BAN NHÂN DÂN HUYỆN AN LÃO"],
      ["PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"],
      [],
      ["Số: 12/BC-LĐTBXH"],
      ["V/v báo cáo kết quả giảm nghèo"],
      [],
    ]),
  // The header printed again before the second group (a page break), numbering row included.
  secondBand: (s) => {
    const h = row(s, ORIGINAL.header);
    const band = [s.rows[h - 1], s.rows[h], s.rows[row(s, ORIGINAL.numbering) - 1]].map((r) => [...r]);
    const at = row(s, ORIGINAL.secondGroup);
    return insert(s, at, band, [`D${at}:E${at}`, `F${at}:G${at}`]);
  },
  // A remark typed between two units, in the name column.
  noteRow: (s) => insert(s, row(s, ORIGINAL.firstUnit) + 1, [[null, "(Thôn này sáp nhập từ năm 2020)"]]),
  // The first unit's long name merged over two rows (the second row otherwise empty), STT merged too.
  mergedName: (s) => {
    const at = row(s, ORIGINAL.firstUnit);
    const next = insert(s, at + 1, [[]]);
    return { ...next, merges: [...next.merges, `A${at}:A${at + 1}`, `B${at}:B${at + 1}`] };
  },
};
const NAMES = Object.keys(transforms);

function apply(names: string[], base: Sheet) {
  return names.reduce((s, n) => transforms[n](s), base);
}

const unitRowsOf = (s: Sheet) => [10, 11, 12, 14, 15, 16].map((r) => row(s, r));

describe("each layout alone", () => {
  for (const name of NAMES) {
    test(`${name}: the clean table is read whole and silent, nothing left unread`, () => {
      const s = apply([name], start());
      const grid = gridFromRows("S", s.rows, { merges: s.merges });
      const tables = analyzeGrid(grid);
      expect(tables).toHaveLength(1);
      expect(tables[0].findings).toEqual([]);
      expect(tables[0].table.rows.filter((r) => r.kind === "unit").map((r) => r.row)).toEqual(unitRowsOf(s));
      expect(tables[0].table.rows.find((r) => r.kind === "total")?.row).toBe(row(s, ORIGINAL.total));
      expect(
        unreadParts(
          grid,
          tables.map((t) => t.table),
        ),
      ).toEqual([]);
    });
  }
});

test("property: any mix of the layouts keeps the clean table silent and whole, and the defect found", () => {
  fc.assert(
    fc.property(fc.subarray(NAMES), fc.boolean(), (names, defective) => {
      // Defective twin: Thôn 2's poor households at the start typed 51 for 15 (D11), its rate kept.
      const base = start(defective ? setCell(reportRows(), "D11", 51) : reportRows());
      const s = apply(names, base);
      const grid = gridFromRows("S", s.rows, { merges: s.merges });
      const [a, ...more] = analyzeGrid(grid);
      expect(more).toEqual([]);
      expect(a.table.rows.filter((r) => r.kind === "unit").map((r) => r.row)).toEqual(unitRowsOf(s));
      const errors = a.findings.filter((f) => f.severity === "error");
      if (!defective) expect(a.findings).toEqual([]);
      else expect(errors.map((f) => [f.cell, f.expected])).toEqual([[`D${row(s, 11)}`, 15]]);
    }),
    { numRuns: 64, seed: 18 },
  );
});

describe("loud when not read", () => {
  test("numbers on a sheet with no table the engine recognises: said, as the whole sheet", () => {
    const grid = gridFromRows("Số liệu", [
      ["Danh sách"],
      ["An Bình", 412, 20, 7],
      ["An Phú", 288, 15, 4],
      ["An Lạc", 530, 31, 9],
    ]);
    const tables = analyzeGrid(grid);
    expect(tables).toEqual([]);
    expect(unreadParts(grid, [])).toEqual([{ sheet: "Số liệu", reason: "no-table" }]);
  });
  test("a second block of numbers below the table, after a note: its range is said", () => {
    const rows = [...reportRows(), [], ["Bảng phụ"], ["x", "Thôn A", 12, 3], ["y", "Thôn B", 14, 5]];
    const grid = gridFromRows("S", rows, { merges: REPORT_MERGES });
    const tables = analyzeGrid(grid);
    expect(
      unreadParts(
        grid,
        tables.map((t) => t.table),
      ),
    ).toEqual([{ sheet: "S", range: `C${rows.length - 1}:D${rows.length}`, reason: "outside" }]);
  });
  test("a sheet of words only (a note sheet) is not 'unread'", () => {
    const grid = gridFromRows("Ghi chú", [["Ghi chú"], ["Số liệu theo rà soát năm 2023."]]);
    expect(unreadParts(grid, [])).toEqual([]);
  });
});
