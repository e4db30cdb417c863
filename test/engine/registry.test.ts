// The rule registry is complete: every registered rule has a table that triggers it (on the planted cell) and a
// clean twin of the same shape where it stays silent. Adding a rule id without both makes this file fail to
// compile (the cases are keyed by every registered id) and to pass.
import { analyzeGrid, analyzeYearsGrid, type Finding } from "../../src/engine";
import { type Grid, gridFromRows } from "../../src/engine/grid";
import { RULE_IDS } from "../../src/engine/report";
import { RULE_REGISTRY, type RegisteredRuleId, rulePriority } from "../../src/engine/rules/registry";
import { FAMILIES } from "../../src/engine/rules";
import { describeFinding } from "../../src/i18n/findings";
import { reportGrid, reportRows, setCell } from "./fixtures";
import { nationalGroups, shapeGrid, shapeRows } from "./shapes";
import { camLongGrid, diSuGrid } from "../judgement/seeds";

const planGrid = (reduction: number, projected: number, projectedRate?: number) =>
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
      [
        "2",
        "Thôn 2",
        288,
        15,
        5.21,
        reduction,
        projected,
        projectedRate ?? Math.round((projected / 288) * 10000) / 100,
      ],
      ["3", "Thôn 3", 530, 31, 5.85, 9, 22, 4.15],
    ],
    { merges: ["A2:A3", "B2:B3", "C2:C3", "D2:E2", "F2:F3", "G2:H2"] },
  );

const villages = (rows: unknown[][]) =>
  gridFromRows("S", [
    ["STT", "Thôn", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ hộ nghèo (%)", "Số hộ cận nghèo"],
    ...rows,
  ]);
const cleanVillages = () =>
  villages([
    ["1", "Thôn 1", 100, 12, 12, 5],
    ["2", "Thôn 2", 200, 10, 5, 3],
    ["3", "Thôn 3", 150, 15, 10, 8],
  ]);

const withRateFormulas = (e11: string): Grid => {
  let rows = reportRows();
  const cached: Record<string, number> = {};
  for (const row of [10, 11, 12, 14, 15, 16]) {
    cached[`E${row}`] = rows[row - 1][4] as number;
    rows = setCell(rows, `E${row}`, row === 11 ? e11 : `=ROUND(D${row}/C${row}*100,2)`);
  }
  return gridFromRows("Báo cáo 2023", rows, {
    cached,
    merges: ["A3:I3", "A4:I4", "A6:A7", "B6:B7", "C6:C7", "D6:E6", "F6:G6", "H6:H7", "I6:I7"],
  });
};

interface Case {
  trigger: () => Grid;
  cell: string;
  silent: () => Grid;
  /** How the sheet is read, when not by analyzeGrid (a years-as-columns table, read transposed). */
  analyze?: (grid: Grid) => { findings: Finding[] }[];
}

/** An indicator table with years as columns whose "Số hộ thoát nghèo" row is `escaped` (2017 on). */
const yearsGrid = (escaped: number[]) =>
  gridFromRows("Chỉ tiêu", [
    ["Chỉ tiêu", "Năm 2016", "Năm 2017", "Năm 2018", "Năm 2019"],
    ["Tổng số hộ", 5000, 5100, 5150, 5200],
    ["Số hộ nghèo", 400, 350, 300, 260],
    ["Tỷ lệ hộ nghèo (%)", 8, 6.86, 5.83, 5],
    ["Số hộ thoát nghèo", null, ...escaped],
  ]);
const readYears = (grid: Grid) => {
  const a = analyzeYearsGrid(grid);
  return a ? [a] : [];
};

const report = (cell: string, value: unknown): Case => ({
  trigger: () => reportGrid(setCell(reportRows(), cell, value)),
  cell,
  silent: () => reportGrid(),
});

const legacyGrid = (texts: string[]) =>
  gridFromRows("S", [
    ["STT", texts[0], texts[1], texts[2], texts[3]],
    ["1", texts[4], 412, 20, 4.85],
    ["2", texts[5], 288, 15, 5.21],
    ["", texts[6], 700, 35, 5],
  ]);
const UNICODE_TEXTS = [
  "Thôn",
  "Tổng số hộ",
  "Số hộ nghèo",
  "Tỷ lệ hộ nghèo (%)",
  "Thôn Đông",
  "Thôn Tây",
  "Tổng cộng",
];
const TCVN3_TEXTS = [
  "Th«n",
  "Tæng sè hé",
  "Sè hé nghÌo",
  "Tû lÖ hé nghÌo (%)",
  "Th«n §«ng",
  "Th«n T©y",
  "Tæng céng",
];

const CASES: Record<RegisteredRuleId, Case> = {
  // A reduction row that is no year-on-year difference in most years (nor since the first year): said once.
  "reduction-unchecked": {
    trigger: () => yearsGrid([75, 80, 66]),
    cell: "A5",
    silent: () => yearsGrid([50, 50, 40]),
    analyze: readYears,
  },
  // Dị Sử's 2021 rates copied from 2020 (../shared/domain.md): one note names the copy, on its first cell.
  "copied-column": { trigger: () => diSuGrid(), cell: "H8", silent: () => diSuGrid(true) },
  // Cẩm Long's "tỷ lệ giảm" is reduction / start households × 100, not start rate − projected rate.
  "reading-adopted": { trigger: () => camLongGrid(), cell: "J3", silent: () => camLongGrid(true) },
  // A "tỷ lệ giảm" column that no reduction / households explains: said, not passed over in silence.
  "column-unchecked": {
    trigger: () =>
      gridFromRows("S", [
        ["STT", "Thôn", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ hộ nghèo (%)", "Số hộ giảm", "Tỷ lệ giảm (%)"],
        ["1", "Thôn 1", 100, 12, 12, 2, 1.5],
        ["2", "Thôn 2", 200, 10, 5, 3, 0.9],
        ["3", "Thôn 3", 150, 15, 10, 4, 2.2],
      ]),
    cell: "G1",
    silent: cleanVillages,
  },
  "duplicate-unit": {
    trigger: () =>
      villages([
        ["1", "Thôn 1", 100, 12, 12, 5],
        ["2", "THÔN 1", 100, 12, 12, 5],
        ["3", "Thôn 3", 150, 15, 10, 8],
      ]),
    cell: "B3",
    silent: cleanVillages,
  },
  "structure-unsure": {
    // The "poor rate" column holds poor + near-poor over households: no reading of it holds.
    trigger: () =>
      shapeGrid(
        shapeRows(nationalGroups(5, 3, 9), {
          poorRateOf: (u) => Math.round(((u.poor + u.nearPoor) / u.households) * 10000) / 100,
        }),
      ),
    cell: "E3",
    silent: () => shapeGrid(shapeRows(nationalGroups(5, 3, 9))),
  },
  "legacy-encoding": {
    trigger: () => legacyGrid(TCVN3_TEXTS),
    cell: "B1",
    silent: () => legacyGrid(UNICODE_TEXTS),
  },
  "formula-error": report("E14", { error: "#DIV/0!" }),
  "malformed-number": report("G11", "0.36,6"),
  "non-integer-count": report("C16", 1.518),
  "negative-count": {
    trigger: () =>
      villages([
        ["1", "Thôn 1", 100, 12, 12, 5],
        ["2", "Thôn 2", 200, 10, 5, -3],
        ["3", "Thôn 3", 150, 15, 10, 8],
      ]),
    cell: "F3",
    silent: cleanVillages,
  },
  "sum-mismatch": report("D9", 76),
  "rate-mismatch": report("E11", 4.85),
  "reduction-mismatch": report("H10", 5),
  "projection-mismatch": { trigger: () => planGrid(5, 11, 3.47), cell: "G5", silent: () => planGrid(5, 10) },
  "count-exceeds-total": {
    trigger: () =>
      villages([
        ["1", "Thôn 1", 100, 120, 120, 5],
        ["2", "Thôn 2", 200, 10, 5, 3],
        ["3", "Thôn 3", 150, 15, 10, 8],
      ]),
    cell: "D2",
    silent: cleanVillages,
  },
  "reduction-exceeds-poor": { trigger: () => planGrid(16, -1), cell: "F5", silent: () => planGrid(5, 10) },
  "rate-out-of-range": {
    trigger: () =>
      villages([
        ["1", "Thôn 1", 100, 120, 120, 5],
        ["2", "Thôn 2", 200, 10, 5, 3],
        ["3", "Thôn 3", 150, 15, 10, 8],
      ]),
    cell: "E2",
    silent: cleanVillages,
  },
  "rate-rounding": {
    trigger: () => reportGrid(setCell(setCell(reportRows(), "E12", 5.84), "I12", 1.31)),
    cell: "E12",
    silent: () => reportGrid(),
  },
  "missing-value": report("F15", null),
  "number-as-text": report("C16", "1.518"),
  "inconsistent-formula": {
    trigger: () => withRateFormulas("=ROUND(D10/C11*100,2)"),
    cell: "E11",
    silent: () => withRateFormulas("=ROUND(D11/C11*100,2)"),
  },
};

describe("every registered rule fires on its planted cell and stays silent on the clean twin", () => {
  test.each(RULE_IDS.map((id) => [id]))("%s", (id) => {
    const c = CASES[id as RegisteredRuleId];
    expect(c).toBeDefined();
    const read = c.analyze ?? analyzeGrid;
    const fired = read(c.trigger()).flatMap((t) => t.findings);
    const hit = fired.filter((f) => f.rule === id);
    expect(hit.map((f) => f.cell)).toContain(c.cell);
    // Every finding reads as a sentence in both languages, naming its cell.
    for (const f of hit) {
      expect(describeFinding(f, "vi")).toContain(f.cell);
      expect(describeFinding(f, "en")).toContain(f.cell);
    }
    expect(read(c.silent()).flatMap((t) => t.findings)).toEqual([]);
  });
});

describe("the registry", () => {
  test("RULE_IDS is the registry's list, ids are unique, every family has a check", () => {
    expect([...RULE_IDS]).toEqual(RULE_REGISTRY.map((r) => r.id));
    expect(new Set(RULE_IDS).size).toBe(RULE_IDS.length);
    for (const r of RULE_REGISTRY) expect(typeof FAMILIES[r.family]).toBe("function");
  });
  test("errors are ranked by the registry's order, most specific first", () => {
    expect(rulePriority("formula-error")).toBeLessThan(rulePriority("sum-mismatch"));
    expect(rulePriority("non-integer-count")).toBeLessThan(rulePriority("sum-mismatch"));
  });
});
