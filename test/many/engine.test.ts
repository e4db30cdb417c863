// The engine's consolidation on its own: names from titles, columns matched by role and period whatever their
// position, a column a source lacks left empty and said so, and the layout's formulas.
import {
  consolidate,
  consolidationLayouts,
  normalizeUnitName,
  unitFromFile,
  unitFromTitle,
} from "../../src/engine";
import { consolidationLabels, describeIssue } from "../../src/i18n/many";
import { gen, sourceOf } from "./helpers";

describe("unit names", () => {
  it.each([
    ["ỦY BAN NHÂN DÂN XÃ CẨM LONG\nKẾT QUẢ RÀ SOÁT HỘ NGHÈO NĂM 2024", "Xã Cẩm Long"],
    ["UBND HUYỆN CAM LỘ\nBẢNG TỔNG HỢP HỘ NGHÈO XÃ CAM THÀNH NĂM 2024", "Xã Cam Thành"],
    ["KẾT QUẢ GIẢM NGHÈO THỊ TRẤN CAM LỘ, HUYỆN CAM LỘ NĂM 2023", "Thị trấn Cam Lộ"],
    ["DANH SÁCH HỘ NGHÈO PHƯỜNG DỊ SỬ (Kèm theo Kế hoạch số 12)", "Phường Dị Sử"],
  ])("%s → %s", (title, unit) => {
    expect(unitFromTitle(title)).toBe(unit);
  });
  it("no unit in the title: none, and the file name is used", () => {
    expect(unitFromTitle("KẾT QUẢ RÀ SOÁT HỘ NGHÈO CÁC THÔN NĂM 2024")).toBeUndefined();
    expect(unitFromFile("/tmp/xa-cam-thuy.xlsx")).toBe("Xa cam thuy");
    // ... which still matches the district's row by the one normaliser.
    expect(normalizeUnitName(unitFromFile("xa-cam-thuy.xlsx"))).toBe(normalizeUnitName("Xã Cam Thủy"));
  });
});

describe("consolidate", () => {
  const villages = [
    { name: "Thôn 1", households: 300, poor: 21, nearPoor: 15 },
    { name: "Thôn 2", households: 250, poor: 12, nearPoor: 18 },
    { name: "Thôn 3", households: 410, poor: 30, nearPoor: 22 },
  ];
  // A commune that keeps no near-poor columns: households, poor and the poor rate, in another order.
  const noNearPoor = gen.workbookBytes({
    rows: [
      ["BÁO CÁO HỘ NGHÈO XÃ CAM MỚI NĂM 2024"],
      [],
      ["STT", "Thôn", "Tỷ lệ hộ nghèo (%)", "Số hộ nghèo", "Tổng số hộ"],
      [1, "Thôn A", { v: gen.rate(14, 220), fmt: "rate" }, 14, 220],
      [2, "Thôn B", { v: gen.rate(9, 305), fmt: "rate" }, 9, 305],
      [3, "Thôn C", { v: gen.rate(22, 198), fmt: "rate" }, 22, 198],
      [
        null,
        { v: "Tổng cộng", bold: true },
        { v: gen.rate(45, 723), fmt: "rate", bold: true },
        { v: 45, bold: true },
        { v: 723, bold: true },
      ],
    ],
  });

  it("matches columns by role, leaves a missing column empty and says so", () => {
    const a = sourceOf("xa-cam-cu.xlsx", gen.communeWorkbook({ name: "Cam Cũ", villages, layout: "flat" }));
    const b = sourceOf("xa-cam-moi.xlsx", noNearPoor);
    expect([a.status, b.status]).toEqual(["ok", "ok"]);
    const result = consolidate([a, b]);
    expect(result.writable).toBe(true);
    expect(result.columns.map((c) => c.role)).toEqual([
      "households",
      "poorHouseholds",
      "poorRate",
      "nearPoorHouseholds",
      "nearPoorRate",
    ]);
    const values = result.rows.map((r) => result.columns.map((c) => r.values.get(c.key)));
    // By hand: Cam Cũ 960 households, 63 poor (6,56 %), 55 near-poor (5,73 %); Cam Mới 723, 45 (6,22 %), none.
    expect(values).toEqual([
      [960, 63, 6.56, 55, 5.73],
      [723, 45, 6.22, null, null],
    ]);
    const missing = result.issues.filter((i) => i.code === "missing-column");
    expect(missing.map((i) => describeIssue(i))).toEqual([
      'xa-cam-moi.xlsx: Xã Cam Mới không có cột "Số hộ cận nghèo", ô đó để trống',
      'xa-cam-moi.xlsx: Xã Cam Mới không có cột "Tỷ lệ hộ cận nghèo (%)", ô đó để trống',
    ]);

    const [main] = consolidationLayouts(result, consolidationLabels(result));
    const at = (row: number, col: number) => main.cells.find((c) => c.row === row && c.col === col);
    // Row 8 is Cam Mới: its near-poor rate has no count to come from, so no formula and no value.
    expect(at(8, 7)?.formula).toBeUndefined();
    expect(at(8, 7)?.value).toBeNull();
    expect(at(8, 5)?.formula).toBe("=ROUND(D8/C8*100,2)");
    // Total row 9: 1.683 households, 108 poor → 6,42; 55 near-poor → 3,27.
    expect([at(9, 3)?.value, at(9, 4)?.value, at(9, 5)?.value, at(9, 6)?.value, at(9, 7)?.value]).toEqual([
      1683, 108, 6.42, 55, 3.27,
    ]);
    expect(at(9, 6)?.formula).toBe("=SUM(F7:F8)");
    // The note under the table.
    expect(
      main.cells.some((c) => typeof c.value === "string" && c.value.startsWith("Ghi chú: xa-cam-moi.xlsx")),
    ).toBe(true);
  });

  it("a total saved as formulas without their values (openpyxl) is computed, not lost", () => {
    const bytes = gen.workbookBytes({
      rows: [
        ["KẾT QUẢ RÀ SOÁT HỘ NGHÈO XÃ CAM THỦY NĂM 2024"],
        [],
        ["STT", "Thôn", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ hộ nghèo (%)"],
        [1, "Thôn A", 220, 14, { v: 0.0636, fmt: "pct" }],
        [2, "Thôn B", 305, 9, { v: 0.0295, fmt: "pct" }],
        [3, "Thôn C", 198, 22, { v: 0.1111, fmt: "pct" }],
        [
          null,
          { v: "Tổng cộng", bold: true },
          { v: null, f: "SUM(C4:C6)", bold: true },
          { v: null, f: "SUM(D4:D6)", bold: true },
          { v: null, f: "ROUND(D7/C7,4)", fmt: "pct", bold: true },
        ],
      ],
    });
    const source = sourceOf("xa-cam-thuy.xlsx", bytes);
    expect(source.status).toBe("ok");
    // By hand: 220 + 305 + 198 = 723 households, 14 + 9 + 22 = 45 poor, 45 / 723 = 6,22 %.
    expect(source.columns.map((c) => [c.role, c.value])).toEqual([
      ["households", 723],
      ["poorHouseholds", 45],
      ["poorRate", 6.22],
    ]);
  });

  it("nothing to consolidate is blocking", () => {
    const r = consolidate([]);
    expect(r.writable).toBe(false);
    expect(r.issues.map((i) => i.code)).toEqual(["nothing-included"]);
  });
});
