import { detectTables } from "../../src/engine";
import { gridFromRows } from "../../src/engine/grid";
import { roleOf, periodOf, normalize } from "../../src/engine/vocabulary";
import { reportGrid } from "./fixtures";

describe("column roles from header words", () => {
  test.each([
    [["STT"], "rowNumber"],
    [["TT"], "rowNumber"],
    [["Tên đơn vị"], "unitName"],
    [["Xã, thị trấn"], "unitName"],
    [["Tổng số hộ"], "households"],
    [["Tong so ho"], "households"],
    [["TONG HTN"], "households"],
    [["Tổng số hộ dân cư"], "households"],
    [["Hộ nghèo", "Số hộ"], "poorHouseholds"],
    [["Số hộ nghèo"], "poorHouseholds"],
    [["Hộ cận nghèo", "Số hộ"], "nearPoorHouseholds"],
    [["Hộ nghèo", "Tỷ lệ (%)"], "poorRate"],
    [["Cận nghèo", "tỷ lệ (%)"], "nearPoorRate"],
    [["Tỷ lệ nghèo đa chiều (%)"], "multidimRate"],
    [["Hộ nghèo và hộ cận nghèo", "Số hộ"], "poorAndNearPoorHouseholds"],
    [["Số hộ nghèo giảm"], "reduction"],
    [["Chỉ tiêu giảm hộ nghèo"], "reduction"],
    [["Tỷ lệ giảm (%)"], "rateReduction"],
    [["Số hộ thoát nghèo"], "escaped"],
    [["Tái nghèo"], "fellBack"],
    [["Phát sinh mới"], "newlyPoor"],
    [["Nhân khẩu"], "persons"],
    [["Số khẩu nghèo"], "poorPersons"],
    [["Ghi chú"], "note"],
  ])("%j → %s", (path, role) => {
    expect(roleOf(path as string[])).toBe(role);
  });

  test.each([
    [["Hộ nghèo đầu năm 2023", "Số hộ"], "start 2023"],
    [["Số đầu kỳ"], "start"],
    [["Hộ nghèo cuối kỳ"], "end"],
    [["Dự kiến 2024"], "plan 2024"],
    [["Ước thực hiện năm 2023"], "estimate 2023"],
    [["năm 2020"], "2020"],
    [["Tổng số hộ"], ""],
  ])("period of %j is %s", (path, key) => {
    expect(periodOf(path as string[]).key).toBe(key);
  });
});

describe("the layout of a real-looking report", () => {
  const [table] = detectTables(reportGrid());

  test("skips the title block and reads the two-level merged header", () => {
    expect(table.headerRows).toEqual([6, 7]);
    expect(table.numberingRow).toBe(8);
    expect(table.title).toContain("KẾT QUẢ GIẢM NGHÈO NĂM 2023");
    expect(table.columns.map((c) => c.role)).toEqual([
      "rowNumber",
      "unitName",
      "households",
      "poorHouseholds",
      "poorRate",
      "poorHouseholds",
      "poorRate",
      "reduction",
      "rateReduction",
    ]);
    expect(table.columns[3].period).toBe("start 2023");
    expect(table.columns[5].period).toBe("end 2023");
    expect(table.columns[4].header).toBe("Hộ nghèo đầu năm 2023 > Tỷ lệ (%)");
  });

  test("reads the relations stated by the numbering row", () => {
    const ratio = table.stated.find((s) => s.cell === "E8");
    expect(ratio).toMatchObject({ kind: "ratio", target: 5, numerator: [4], base: 3, scale: 100 });
    const diff = table.stated.find((s) => s.cell === "H8");
    expect(diff).toMatchObject({
      kind: "linear",
      target: 8,
      terms: [
        { col: 4, coef: 1 },
        { col: 6, coef: -1 },
      ],
    });
  });

  test("classifies rows and knows what each aggregate covers", () => {
    const kinds = table.rows.map((r) => [r.row, r.kind]);
    expect(kinds).toEqual([
      [9, "group"],
      [10, "unit"],
      [11, "unit"],
      [12, "unit"],
      [13, "group"],
      [14, "unit"],
      [15, "unit"],
      [16, "unit"],
      [17, "total"],
    ]);
    expect(table.rows[0].covers).toEqual([10, 11, 12]);
    expect(table.rows[4].covers).toEqual([14, 15, 16]);
    expect(table.rows[8].covers).toEqual([9, 13]);
    expect(table.range).toEqual({ top: 6, left: 1, bottom: 17, right: 9 });
  });
});

describe("layouts seen in the wild", () => {
  test("total first, merged total label over the first two columns, no numbering row, no diacritics", () => {
    const grid = gridFromRows(
      "Sheet1",
      [
        ["DANH SACH HO NGHEO NAM 2022"],
        ["Stt", "Don vi", "Tong so ho", "So ho ngheo", "Ty le ho ngheo (%)"],
        ["Toàn huyện", null, 3000, 150, 5],
        ["1", "Xã A", 1000, 50, 5],
        ["2", "Xã B", 2000, 100, 5],
      ],
      { merges: ["A3:B3"] },
    );
    const [t] = detectTables(grid);
    expect(t.columns.map((c) => c.role)).toEqual([
      "rowNumber",
      "unitName",
      "households",
      "poorHouseholds",
      "poorRate",
    ]);
    expect(t.rows.map((r) => r.kind)).toEqual(["total", "unit", "unit"]);
    expect(t.rows[0].covers).toEqual([4, 5]);
    expect(t.rows[0].label).toBe("Toàn huyện");
  });

  test("letter groups with 'Cộng' subtotals and a total over the subtotals", () => {
    const grid = gridFromRows("S", [
      ["TT", "Thôn", "Số hộ", "Hộ nghèo"],
      ["A", "Vùng thấp", null, null],
      ["1", "Thôn 1", 100, 5],
      ["2", "Thôn 2", 200, 7],
      ["", "Cộng", 300, 12],
      ["B", "Vùng cao", null, null],
      ["3", "Thôn 3", 150, 30],
      ["", "Cộng", 150, 30],
      ["", "Tổng cộng (A+B)", 450, 42],
    ]);
    const [t] = detectTables(grid);
    expect(t.rows.map((r) => r.kind)).toEqual([
      "group",
      "unit",
      "unit",
      "subtotal",
      "group",
      "unit",
      "subtotal",
      "total",
    ]);
    expect(t.rows[3].covers).toEqual([3, 4]);
    expect(t.rows[6].covers).toEqual([7]);
    expect(t.rows[7].covers).toEqual([5, 8]);
  });

  test("the flow table of Thông tư 07 states 9=1-2-3-4+5+6+7+8", () => {
    const grid = gridFromRows(
      "S",
      [
        [
          "TT",
          "Xã",
          "Số hộ nghèo đầu kỳ",
          "Giảm",
          null,
          null,
          "Tăng",
          null,
          null,
          null,
          "Số hộ nghèo cuối kỳ",
        ],
        [
          null,
          null,
          null,
          "Thoát nghèo",
          "Giảm khác",
          "Cận nghèo thoát",
          "Cận nghèo trở thành hộ nghèo",
          "Tái nghèo",
          "Phát sinh mới",
          "Tăng khác",
          null,
        ],
        ["A", "B", "1", "2", "3", "4", "5", "6", "7", "8", "9=1-2-3-4+5+6+7+8"],
        ["1", "Xã A", 100, 10, 2, 1, 3, 1, 4, 0, 95],
      ],
      { merges: ["A1:A2", "B1:B2", "C1:C2", "D1:F1", "G1:J1", "K1:K2"] },
    );
    const [t] = detectTables(grid);
    expect(t.stated).toHaveLength(1);
    expect(t.stated[0]).toMatchObject({
      kind: "linear",
      target: 11,
      terms: [
        { col: 3, coef: 1 },
        { col: 4, coef: -1 },
        { col: 5, coef: -1 },
        { col: 6, coef: -1 },
        { col: 7, coef: 1 },
        { col: 8, coef: 1 },
        { col: 9, coef: 1 },
        { col: 10, coef: 1 },
      ],
    });
  });

  test("two tables on one sheet, and a sheet with no table", () => {
    const rows = [
      ["BIỂU 1"],
      ["STT", "Thôn", "Tổng số hộ", "Số hộ nghèo"],
      ["1", "Thôn 1", 100, 5],
      ["2", "Thôn 2", 200, 9],
      [],
      [],
      ["BIỂU 2"],
      ["STT", "Thôn", "Tổng số hộ", "Số hộ cận nghèo"],
      ["1", "Thôn 1", 100, 7],
    ];
    const tables = detectTables(gridFromRows("S", rows));
    expect(tables.map((t) => [t.range.top, t.range.bottom])).toEqual([
      [2, 4],
      [8, 9],
    ]);
    expect(
      detectTables(gridFromRows("Ghi chú", [["Ghi chú: bảng này lập theo ..."], ["Người lập biểu"]])),
    ).toEqual([]);
  });

  test("overrides from the pane correct a role and a row kind", () => {
    const grid = gridFromRows("S", [
      ["STT", "Thôn", "Tổng số hộ", "Cột lạ"],
      ["1", "Thôn 1", 100, 5],
      ["2", "Thôn 2", 200, 9],
    ]);
    expect(detectTables(grid)[0].columns[3].role).toBe("other");
    const [t] = detectTables(grid, {
      overrides: { columns: { D: { role: "poorHouseholds" } }, rows: { 3: "total" } },
    });
    expect(t.columns[3].role).toBe("poorHouseholds");
    expect(t.rows[1].kind).toBe("total");
  });
});

describe("normalising header words", () => {
  test.each([
    ["Tổng số hộ", "tong so ho"],
    ["  TỔNG  CỘNG (I+II) ", "tong cong (i+ii)"],
    ["Đơn vị", "don vi"],
    ["Tỷ lệ nghèo đa chiều (%)", "ty le ngheo da chieu (%)"],
    ["Hộ\ncận nghèo", "ho can ngheo"],
    ["Tổng cộng".normalize("NFD"), "tong cong"],
    ["Ước thực hiện", "uoc thuc hien"],
  ])("%j → %j", (text, expected) => {
    expect(normalize(text)).toBe(expected);
  });
});
