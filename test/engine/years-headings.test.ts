// Years as columns (red team 4): a year heading with the words of an estimate or a plan ("Ước TH năm 2025",
// "ƯTH 2025", "KH 2026", "Dự kiến năm 2026", "Năm 2025 (ước)") is that year's column, checked like any year: its
// rate over its own households. And nothing of a years sheet is dropped silently: a column or row holding numbers
// that was not read is said (unreadParts), a clean sheet read whole says nothing.
import { analyzeGrid, analyzeYearsGrid, analyzeYearsTable, unreadParts } from "../../src/engine";
import { yearHeading } from "../../src/engine/detect/years";
import { gridFromRows } from "../../src/engine/grid";
import { rate } from "./fixtures";

const H = [3010, 3052, 3090, 3125];
const P = [241, 205, 170, 138];
const R = P.map((p, i) => rate(p, H[i]));

function sheet(headings: unknown[], edit: (rows: unknown[][]) => void = () => undefined) {
  const rows: unknown[][] = [
    ["KẾT QUẢ GIẢM NGHÈO"],
    ["TT", "Chỉ tiêu", "ĐVT", ...headings],
    ["1", "Tổng số hộ", "hộ", ...H],
    ["2", "Số hộ nghèo", "hộ", ...P],
    ["3", "Tỷ lệ hộ nghèo", "%", ...R],
  ];
  edit(rows);
  const grid = gridFromRows("Năm", rows);
  expect(analyzeGrid(grid)).toEqual([]);
  const report = analyzeYearsTable(grid);
  const analysis = analyzeYearsGrid(grid);
  return {
    report,
    errors: (report?.findings ?? []).filter((f) => f.severity === "error").map((f) => [f.cell, f.expected]),
    loud: (report?.findings ?? []).filter((f) => f.severity !== "info").map((f) => `${f.rule}@${f.cell}`),
    unread: analysis ? unreadParts(grid, [analysis.table]) : [],
  };
}

describe("yearHeading", () => {
  test.each([
    ["Năm 2024", 2024, undefined, false],
    ["Ước TH năm 2025", 2025, "actual", true],
    ["Ước thực hiện 2025", 2025, "actual", true],
    ["ƯTH 2025", 2025, "actual", true],
    ["Năm 2025 (ước)", 2025, "actual", true],
    ["KH 2026", 2026, "plan", false],
    ["Dự kiến năm 2026", 2026, "plan", false],
    ["Kế hoạch năm 2026", 2026, "plan", false],
    ["TH 2024", 2024, "actual", false],
  ])("%s → %d", (heading, year, part, estimate) => {
    const y = yearHeading({ value: heading });
    expect(y?.year).toBe(year);
    expect(y?.part).toBe(part);
    expect(!!y?.estimate).toBe(estimate);
  });
  test.each(["Giai đoạn 2021-2025", "So với năm 2024", "Tăng/giảm 2025", "Ghi chú", "Chỉ tiêu"])(
    "%s is not a year's column",
    (heading) => expect(yearHeading({ value: heading })).toBeUndefined(),
  );
});

const WORDINGS: [string, unknown[]][] = [
  ["Ước TH năm 2025", ["Năm 2022", "Năm 2023", "Năm 2024", "Ước TH năm 2025"]],
  ["Ước thực hiện 2025", ["Năm 2022", "Năm 2023", "Năm 2024", "Ước thực hiện 2025"]],
  ["ƯTH 2025", [2022, 2023, 2024, "ƯTH 2025"]],
  ["Năm 2025 (ước)", ["Năm 2022", "Năm 2023", "Năm 2024", "Năm 2025 (ước)"]],
  ["KH 2025", ["Năm 2022", "Năm 2023", "Năm 2024", "KH 2025"]],
  ["Dự kiến năm 2025", ["Năm 2022", "Năm 2023", "Năm 2024", "Dự kiến năm 2025"]],
];

describe.each(WORDINGS)("the last column headed '%s'", (_, headings) => {
  test("clean: four years read, silent, nothing unread", () => {
    const y = sheet(headings);
    expect(y.report?.rows).toHaveLength(4);
    expect(y.loud).toEqual([]);
    expect(y.unread).toEqual([]);
  });
  test("defective: its rate 4,14 for 4,42 (G5) is found with the rate from its own counts", () => {
    const y = sheet(headings, (rows) => {
      rows[4][6] = 4.14;
    });
    expect(y.errors).toEqual([["G5", rate(138, 3125)]]);
  });
});

test("an estimate beside the same year's plan (KH 2025 | Ước TH 2025): both read, each over its households", () => {
  const rows: unknown[][] = [
    ["Chỉ tiêu", "Năm 2023", "Năm 2024", "KH 2025", "Ước TH 2025", "KH 2026"],
    ["Tổng số hộ", 3010, 3052, 3090, 3090, 3125],
    ["Số hộ nghèo", 241, 205, 175, 170, 138],
    ["Tỷ lệ hộ nghèo (%)", rate(241, 3010), rate(205, 3052), rate(175, 3090), 5.05, rate(138, 3125)],
  ];
  const grid = gridFromRows("KH", rows);
  const report = analyzeYearsTable(grid);
  expect(report?.rows.map((r) => r.label)).toEqual([
    "Năm 2023",
    "Năm 2024",
    "Năm 2025 (kế hoạch)",
    "Năm 2025 (ước thực hiện)",
    "Năm 2026 (kế hoạch)",
  ]);
  // 170 / 3.090 = 5,50: only the estimate's rate is wrong
  expect(report?.findings.filter((f) => f.severity === "error").map((f) => [f.cell, f.expected])).toEqual([
    ["E4", rate(170, 3090)],
  ]);
});

describe("coverage of a years sheet", () => {
  test("a column whose heading is not one year ('Giai đoạn 2022-2024') but holds numbers is said unread", () => {
    const rows: unknown[][] = [
      ["Chỉ tiêu", "Năm 2022", "Năm 2023", "Năm 2024", "Giai đoạn 2022-2024"],
      ["Tổng số hộ", 3010, 3052, 3090, null],
      ["Số hộ nghèo", 241, 205, 170, null],
      ["Số hộ thoát nghèo", null, 36, 35, 71],
      ["Tỷ lệ hộ nghèo (%)", rate(241, 3010), rate(205, 3052), rate(170, 3090), 2.51],
    ];
    const grid = gridFromRows("GĐ", rows);
    const analysis = analyzeYearsGrid(grid);
    expect(analysis).toBeDefined();
    expect(unreadParts(grid, [analysis!.table])).toEqual([
      { sheet: "GĐ", range: "E1:E5", reason: "columns" },
    ]);
  });
  test("the same sheet without the period column: nothing unread", () => {
    const rows: unknown[][] = [
      ["Chỉ tiêu", "Năm 2022", "Năm 2023", "Năm 2024"],
      ["Tổng số hộ", 3010, 3052, 3090],
      ["Số hộ nghèo", 241, 205, 170],
      ["Tỷ lệ hộ nghèo (%)", rate(241, 3010), rate(205, 3052), rate(170, 3090)],
    ];
    const grid = gridFromRows("GĐ", rows);
    expect(unreadParts(grid, [analyzeYearsGrid(grid)!.table])).toEqual([]);
  });
  test("numbers below the table, past an empty row, are said outside it", () => {
    const rows: unknown[][] = [
      ["Chỉ tiêu", "Năm 2022", "Năm 2023", "Năm 2024"],
      ["Tổng số hộ", 3010, 3052, 3090],
      ["Số hộ nghèo", 241, 205, 170],
      ["Tỷ lệ hộ nghèo (%)", rate(241, 3010), rate(205, 3052), rate(170, 3090)],
      [],
      [null, 12, 14, 15],
      [null, 11, 10, 9],
    ];
    const grid = gridFromRows("GĐ", rows);
    expect(unreadParts(grid, [analyzeYearsGrid(grid)!.table])).toEqual([
      { sheet: "GĐ", range: "B6:D7", reason: "outside" },
    ]);
  });
});
