// Each rule fires on a planted defect, blames the right cell, and stays silent on the clean table.
import { analyzeGrid, fixPlan } from "../../src/engine";
import { gridFromRows, type Grid } from "../../src/engine/grid";
import type { Finding } from "../../src/engine/report";
import { FindingSchema, TableReportSchema } from "../../src/engine/report";
import { reportGrid, reportRows, setCell } from "./fixtures";
import { withMessage } from "../../src/i18n/findings";

const findings = (grid: Grid, lang: "vi" | "en" = "vi"): Finding[] =>
  analyzeGrid(grid)
    .flatMap((t) => t.findings)
    .map((f) => withMessage(f, lang));
const brief = (fs: Finding[]) => fs.map((f) => `${f.severity} ${f.cell} ${f.rule} ${f.expected}`);

describe("a clean report", () => {
  test("gets no finding at all", () => {
    expect(findings(reportGrid())).toEqual([]);
  });
});

describe("totals, rates, reductions: one finding on the cell to blame", () => {
  // Row 10: Tổ dân phố 1, 412 households, 20 poor at the start (4,85%), 14 at the end (3,40%), 6 fewer (1,45 points).
  test("a mistyped household count (421 for 412) is blamed once, with the value that satisfies every relation", () => {
    const fs = findings(reportGrid(setCell(reportRows(), "C10", 421)));
    expect(brief(fs)).toEqual(["error C10 sum-mismatch 412"]);
    expect(fs[0].message).toContain("C10");
    expect(fs[0].related).toEqual(expect.arrayContaining(["C9", "E10", "G10"]));
    expect(fs[0].fix).toBeUndefined();
  });

  test("a wrong group total is blamed on the group, not on the grand total", () => {
    const fs = findings(reportGrid(setCell(reportRows(), "D9", 76)));
    expect(brief(fs)).toEqual(["error D9 sum-mismatch 66"]);
    expect(fs[0].fix).toMatchObject({ value: 66, formula: "=SUM(D10:D12)" });
  });

  test("a wrong grand total", () => {
    const fs = findings(reportGrid(setCell(reportRows(), "C17", 3200)));
    expect(brief(fs)).toEqual(["error C17 sum-mismatch 3300"]);
    expect(fs[0].fix?.formula).toBe("=SUM(C9,C13)");
  });

  test("a rate copied from the row above", () => {
    const fs = findings(reportGrid(setCell(reportRows(), "E11", 4.85)));
    expect(brief(fs)).toEqual(["error E11 rate-mismatch 5.21"]);
    expect(fs[0].fix).toMatchObject({ value: 5.21, formula: "=ROUND(D11/C11*100,2)" });
    expect(fs[0].message).toBe("Tỷ lệ sai: ô E11 ghi 4,85, tính từ D11/C11×100 được 5,21.");
  });

  test("a truncated rate is a warning, not an error", () => {
    // 31/530 = 5.849…%: shown 5,84 by truncation, 5,85 rounded.
    const fs = findings(reportGrid(setCell(setCell(reportRows(), "E12", 5.84), "I12", 1.31)));
    expect(brief(fs)).toEqual(["warning E12 rate-rounding 5.85"]);
  });

  test("a wrong reduction in households and in points", () => {
    expect(brief(findings(reportGrid(setCell(reportRows(), "H10", 5))))).toEqual([
      "error H10 reduction-mismatch 6",
    ]);
    expect(brief(findings(reportGrid(setCell(reportRows(), "I10", 1.2))))).toEqual([
      "error I10 reduction-mismatch 1.45",
    ]);
  });

  test("messages in English on request", () => {
    const [f] = findings(reportGrid(setCell(reportRows(), "E11", 4.85)), "en");
    expect(f.message).toBe("Wrong rate: E11 holds 4.85, D11/C11×100 gives 5.21.");
  });
});

describe("values", () => {
  test("numbers typed as text are read, reported as info, and fixed to numbers", () => {
    const rows = setCell(setCell(reportRows(), "C16", "1.518"), "E16", "6,32");
    const [t] = analyzeGrid(reportGrid(rows));
    expect(brief(t.findings)).toEqual(["info C16 number-as-text 1518", "info E16 number-as-text 6.32"]);
    expect(t.conversions).toEqual([
      { sheet: "Báo cáo 2023", cell: "C16", value: 1518, numberFormat: "#,##0" },
    ]);
  });

  test("the number 1.518 in a household column: non-integer count, 1518 likely, nothing else reported", () => {
    const fs = findings(reportGrid(setCell(reportRows(), "C16", 1.518)));
    expect(brief(fs)).toEqual(["error C16 non-integer-count 1518"]);
    // The total and both rates independently give 1518: the fix corrects the cell and computes from 1518.
    const plan = fixPlan(analyzeGrid(reportGrid(setCell(reportRows(), "C16", 1.518))));
    expect(plan.undecided).toEqual([]);
    expect(plan.writes.find((w) => w.cell === "C16")).toEqual({
      sheet: "Báo cáo 2023",
      cell: "C16",
      value: 1518,
      numberFormat: "#,##0",
    });
    expect(plan.writes.find((w) => w.cell === "E16")).toMatchObject({
      value: 6.32,
      formula: "=ROUND(D16/C16*100,2)",
    });
  });

  test("a non-integer count that no relation confirms is left to the user", () => {
    const grid = gridFromRows("S", [
      ["STT", "Thôn", "Tổng số hộ", "Số hộ nghèo"],
      ["1", "Thôn 1", 1.518, 50],
      ["2", "Thôn 2", 200, 9],
    ]);
    const plan = fixPlan(analyzeGrid(grid));
    expect(plan.undecided.map((f) => [f.cell, f.rule, f.expected])).toEqual([
      ["C2", "non-integer-count", 1518],
    ]);
    expect(plan.writes).toEqual([]);
  });

  test("a mistyped count (421 for 412) is listed, not changed, by a fix", () => {
    const plan = fixPlan(analyzeGrid(reportGrid(setCell(reportRows(), "C10", 421))));
    expect(plan.undecided.map((f) => [f.cell, f.expected])).toEqual([["C10", 412]]);
    expect(plan.writes.find((w) => w.cell === "C10")).toBeUndefined();
  });

  test("malformed numbers and Excel errors", () => {
    const rows = setCell(setCell(reportRows(), "G11", "0.36,6"), "E14", { error: "#DIV/0!" });
    const fs = findings(reportGrid(rows));
    // G11 is a derived rate: its unreadable text gets the value its row gives.
    expect(brief(fs)).toEqual(["error G11 malformed-number 3.82", "error E14 formula-error null"]);
  });

  test("negative counts, parts above their whole, rates outside 0-100", () => {
    const grid = gridFromRows("S", [
      ["STT", "Thôn", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ hộ nghèo (%)", "Số hộ cận nghèo"],
      ["1", "Thôn 1", 100, 120, 120, 5],
      ["2", "Thôn 2", 200, 10, 5, -3],
      ["3", "Thôn 3", 150, 15, 10, 8],
    ]);
    expect(brief(findings(grid))).toEqual([
      "error D2 count-exceeds-total null",
      "error E2 rate-out-of-range null",
      "error F3 negative-count null",
    ]);
  });

  test("missing values: an empty derived cell gets its computed value, an empty input is pointed at", () => {
    const rows = setCell(setCell(reportRows(), "E10", null), "F15", null);
    const fs = findings(reportGrid(rows));
    expect(brief(fs)).toContain("warning E10 missing-value 4.85");
    expect(brief(fs)).toContain("warning F15 missing-value null");
  });
});

describe("plans", () => {
  const plan = (reduction: number, projected: number) =>
    gridFromRows(
      "KH",
      [
        ["DỰ KIẾN TỶ LỆ HỘ NGHÈO NĂM 2024"],
        [
          "STT",
          "Thôn",
          "Tổng số hộ",
          "Hộ nghèo đầu năm",
          null,
          "Chỉ tiêu giảm hộ nghèo",
          "Dự kiến hộ nghèo cuối năm 2024",
          null,
        ],
        [null, null, null, "Số hộ", "Tỷ lệ (%)", null, "Số hộ", "Tỷ lệ (%)"],
        ["1", "Thôn 1", 412, 20, 4.85, 7, 13, 3.16],
        ["2", "Thôn 2", 288, 15, 5.21, reduction, projected, Math.round((projected / 288) * 10000) / 100],
        ["3", "Thôn 3", 530, 31, 5.85, 9, 22, 4.15],
      ],
      { merges: ["A2:A3", "B2:B3", "C2:C3", "D2:E2", "F2:F3", "G2:H2"] },
    );

  test("a consistent plan is clean", () => {
    expect(findings(plan(5, 10))).toEqual([]);
  });
  test("the projection follows from the assigned reduction", () => {
    expect(brief(findings(plan(5, 11)))).toEqual(["error G5 projection-mismatch 10"]);
  });
  test("a reduction above the poor households", () => {
    expect(brief(findings(plan(16, -1)))).toEqual([
      "error F5 reduction-exceeds-poor null",
      "error G5 negative-count null",
      "error H5 rate-out-of-range null",
    ]);
  });
});

describe("formulas", () => {
  const withFormulas = (e11: string) => {
    const rows = reportRows();
    const f: Record<string, number> = {};
    let r = rows;
    for (const row of [10, 11, 12, 14, 15, 16]) {
      const formula = row === 11 ? e11 : `=ROUND(D${row}/C${row}*100,2)`;
      f[`E${row}`] = rows[row - 1][4] as number;
      r = setCell(r, `E${row}`, formula);
    }
    return gridFromRows("Báo cáo 2023", r, {
      cached: f,
      merges: ["A3:I3", "A4:I4", "A6:A7", "B6:B7", "C6:C7", "D6:E6", "F6:G6", "H6:H7", "I6:I7"],
    });
  };
  test("consistent formulas are silent", () => {
    expect(findings(withFormulas("=ROUND(D11/C11*100,2)"))).toEqual([]);
  });
  test("a formula that points at another row breaks the pattern of its column", () => {
    const fs = findings(withFormulas("=ROUND(D10/C11*100,2)"));
    expect(brief(fs)).toContain("warning E11 inconsistent-formula null");
  });
});

test("every finding matches the report schema", () => {
  const rows = setCell(setCell(setCell(reportRows(), "C10", 421), "G11", "0.36,6"), "E16", "6,32");
  for (const f of findings(reportGrid(rows))) expect(() => FindingSchema.parse(f)).not.toThrow();
});

describe("rounding setting", () => {
  test("where the custom is truncation, truncated rates are right and formulas use ROUNDDOWN", () => {
    const rows = setCell(setCell(reportRows(), "E12", 5.84), "I12", 1.31);
    const [t] = analyzeGrid(reportGrid(rows), { rounding: "truncate" });
    expect(t.findings).toEqual([]);
    expect(t.derived.find((w) => w.cell === "E12")).toMatchObject({
      value: 5.84,
      formula: "=ROUNDDOWN(D12/C12*100,2)",
    });
  });
  test("a wrong rate is still wrong when truncating", () => {
    const [t] = analyzeGrid(reportGrid(setCell(reportRows(), "E11", 4.85)), { rounding: "truncate" });
    expect(t.findings.map((f) => [f.cell, f.rule, f.expected])).toEqual([["E11", "rate-mismatch", 5.2]]);
  });
});

test("the table report matches its schema", () => {
  const [t] = analyzeGrid(reportGrid(setCell(reportRows(), "C10", 421)));
  const report = TableReportSchema.parse(t.report);
  expect(report.range).toBe("A6:I17");
  expect(report.rows).toHaveLength(9);
  expect(report.findings.map((f) => f.cell)).toEqual(["C10"]);
});
