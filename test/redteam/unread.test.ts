// Red team, issue 18.6: loud when not read. Engine coverage (unreadParts) and the CLI's status on real .xlsx
// files: a sheet or a part of a table that is not read must never end in "0 lỗi" with status 0.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { gridSheetXml, makeXlsx } from "../xlsx/make";
import { gridFromRows } from "../../src/engine/grid";
import { runCli } from "../cli/helpers";
import { rate, read, sum, vnInt, vnRate } from "./helpers";

// ---- N1: sub-numbered rows "3.1", "3.2" under unit 3 (a village split into hamlets) ----
function hamlets(edit: (rows: unknown[][]) => void = () => undefined) {
  const u = [
    ["1", "Thôn Làng Mới", 210, 18],
    ["2", "Thôn Làng Cũ", 175, 22],
    ["3", "Thôn Ba Khe", 330, 41],
    ["3.1", "Xóm Trên", 140, 19],
    ["3.2", "Xóm Dưới", 190, 22],
    ["4", "Thôn Đồng Bến", 256, 15],
  ] as const;
  const tops = u.filter((x) => !x[0].includes("."));
  const H = sum(tops.map((x) => x[2]));
  const P = sum(tops.map((x) => x[3]));
  const rows: unknown[][] = [
    ["STT", "Thôn, xóm", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ (%)"],
    ...u.map(([s, n, h, p]) => [s, n, h, p, rate(p, h)]),
    [null, "Toàn xã", H, P, rate(P, H)],
  ];
  edit(rows);
  return read(rows);
}
describe("N1 hamlets 3.1 / 3.2 under village 3", () => {
  test("clean: no false error; either 3.1/3.2 read as parts of 3, or their rows said unread", () => {
    const r = hamlets();
    expect(r.errors.map((f) => f.cell)).toEqual([]);
    const readAll = [2, 3, 4, 5, 6, 7].every((x) => r.analyses[0].table.rows.some((y) => y.row === x));
    if (!readAll) expect(r.unread.length).toBeGreaterThan(0);
    expect(r.loud).toEqual([]);
  });
  test("defective: Xóm Dưới's poor 29 for 22 (D6) makes 3.1 + 3.2 ≠ 3: found, or the rows said unread", () => {
    const r = hamlets((rows) => {
      rows[5][3] = 29;
      rows[5][4] = rate(29, 190);
    });
    const found = r.loud.some((x) => /@[CD][456]\b/.test(x));
    expect(found || r.unread.length > 0).toBe(true);
  });
});

// ---- N2: a second table to the right of the first (near-poor by village), one empty column between ----
test.each([false, true])(
  "N2 two tables side by side (defect in K3: %s): the right one checked, or said unread",
  (bad) => {
    const rows: unknown[][] = [
      [
        "STT",
        "Thôn",
        "Tổng số hộ",
        "Số hộ nghèo",
        "Tỷ lệ (%)",
        null,
        "STT",
        "Thôn",
        "Tổng số hộ",
        "Số hộ cận nghèo",
        "Tỷ lệ (%)",
      ],
      [1, "Thôn Đông", 412, 20, rate(20, 412), null, 1, "Thôn Đông", 412, 31, rate(31, 412)],
      [2, "Thôn Tây", 288, 15, rate(15, 288), null, 2, "Thôn Tây", 288, 27, rate(27, 288)],
      [3, "Thôn Nam", 530, 31, rate(31, 530), null, 3, "Thôn Nam", 530, 44, rate(44, 530)],
    ];
    if (bad) rows[2][10] = 7.29; // 27 / 288 = 9,375 → 9,38
    const r = read(rows);
    if (r.unread.some((u) => u.reason === "outside")) return;
    if (!bad) expect(r.loud).toEqual([]);
    else expect(r.errors.map((f) => [f.cell, f.expected])).toEqual([["K3", rate(27, 288)]]);
  },
);

// ---- CLI ----
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-rt-unread-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
function write(name: string, sheets: { name: string; rows: unknown[][]; merges?: string[] }[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(
    file,
    makeXlsx(
      sheets.map((s) => ({
        name: s.name,
        xml: gridSheetXml(gridFromRows(s.name, s.rows, { merges: s.merges })),
      })),
    ),
  );
  return file;
}

const H = [2105, 2131, 2160, 2188, 2214];
const P = [187, 160, 131, 104, 83];
const series = (r2025: string) => [
  ["STT", "Nội dung", "ĐVT", "Năm 2021", "Năm 2022", "Năm 2023", "Năm 2024", "Ước TH năm 2025"],
  ["1", "Tổng số hộ", "hộ", ...H.map(vnInt)],
  ["2", "Số hộ nghèo", "hộ", ...P],
  [null, "Tỷ lệ hộ nghèo", "%", ...P.slice(0, 4).map((p, i) => vnRate(rate(p, H[i]))), r2025],
];

test("CLI: a years sheet whose 2025 rate is wrong (3,57 for 3,75): status 1 (found) or 3 (said unread), never 0", async () => {
  const file = write("giai-doan.xlsx", [{ name: "2021-2025", rows: series("3,57") }]);
  const r = await runCli(["check", file]);
  expect([1, 3]).toContain(r.code);
  if (r.code === 3) expect(r.stdout).toContain("CHƯA ĐỌC");
});

test("CLI: the same series, clean: status 0 only if all five years were read", async () => {
  const file = write("giai-doan-sach.xlsx", [{ name: "2021-2025", rows: series(vnRate(rate(83, 2214))) }]);
  const r = await runCli(["check", file, "--format", "json"]);
  const json = JSON.parse(r.stdout);
  const years = (json.tables ?? []).flatMap((t: { rows: unknown[] }) => t.rows).length;
  if (r.code === 0) expect(years).toBe(5);
  else expect(r.code).toBe(3);
});

test("CLI: a table with English headers (No. / Commune / Households / Poor / Rate): read, or status 3 with CHƯA ĐỌC", async () => {
  const file = write("english.xlsx", [
    {
      name: "Sheet1",
      rows: [
        ["No.", "Commune", "Households", "Poor households", "Poverty rate (%)"],
        [1, "Nam Po", 412, 20, 4.85],
        [2, "Na Khoa", 288, 15, 5.21],
        [3, "Na Hy", 530, 31, 9.99],
      ],
    },
  ]);
  const r = await runCli(["check", file]);
  // Na Hy's rate is wrong (31 / 530 = 5,85): found (1) or not read and said so (3); 0 would be silent.
  expect([1, 3]).toContain(r.code);
});

test("CLI: the prose-first ward report (header low, rate before count) with a wrong rate: status 1 with the cell", async () => {
  const rows: unknown[][] = [
    ["BÁO CÁO"],
    ["Kết quả thực hiện công tác giảm nghèo năm 2024"],
    ["Toàn phường có 1.592 hộ, trong đó hộ nghèo 31 hộ."],
    [],
    ["Đơn vị", "Tổng số hộ", "Hộ nghèo", null, "Hộ cận nghèo", null],
    [null, null, "Tỷ lệ (%)", "Số hộ", "Tỷ lệ (%)", "Số hộ"],
    ["Tổ dân phố 1", 402, rate(9, 402), 9, rate(14, 402), 14],
    ["Tổ dân phố 2", 377, rate(6, 377), 6, rate(11, 377), 11],
    ["Tổ dân phố 3", 515, 2.23, 12, rate(20, 515), 20],
  ];
  const file = write("phuong.xlsx", [{ name: "BC", rows, merges: ["A5:A6", "B5:B6", "C5:D5", "E5:F5"] }]);
  const r = await runCli(["check", file, "--format", "json"]);
  const json = JSON.parse(r.stdout);
  const cells = json.tables.flatMap((t: { findings: { cell: string; severity: string }[] }) =>
    t.findings.filter((f) => f.severity === "error").map((f) => f.cell),
  );
  expect(cells).toEqual(["C9"]);
  expect(r.code).toBe(1);
});
