// The cross-level check (phuluc check huyen.xlsx --against xa-*.xlsx) and year over year (phuluc so-sanh), each
// with planted defects and a clean twin that must stay silent.
import * as fs from "fs";
import * as path from "path";
import { runCli } from "../cli/helpers";
import { compareYears, crossCheck, analyzeGrid } from "../../src/engine";
import { describeYear } from "../../src/i18n/many";
import { gen, gridsOf, sourceOf, tempDir, writeAll, type Commune } from "./helpers";

/** 141 → 114: the two last digits typed the other way round. */
function swapLastTwo(x: number): number {
  const t = String(x);
  return Number(t.slice(0, -2) + t[t.length - 1] + t[t.length - 2]);
}

describe("phuluc check huyen.xlsx --against xa-*.xlsx", () => {
  let dir: string;
  let communes: Commune[];

  beforeAll(() => {
    dir = tempDir();
    communes = gen.district();
    writeAll(dir, communes);
    const thanh = communes.find((c) => c.name === "Cam Thành")!;
    const thuy = communes.find((c) => c.name === "Cam Thủy")!;
    // Transcription mistakes typed into the district's table: digits swapped, a digit wrong.
    const swapped = swapLastTwo(thanh.totals.poor);
    fs.writeFileSync(
      path.join(dir, "huyen.xlsx"),
      gen.districtWorkbook(communes, {
        mistakes: [
          { commune: "Cam Thành", field: "poor", value: swapped },
          { commune: "Cam Thủy", field: "households", value: thuy.totals.households + 100 },
        ],
      }),
    );
    fs.writeFileSync(path.join(dir, "huyen-sach.xlsx"), gen.districtWorkbook(communes));
  });

  it("flags each planted mistake on the district's cell, with both figures", async () => {
    const thanh = communes.find((c) => c.name === "Cam Thành")!;
    const thuy = communes.find((c) => c.name === "Cam Thủy")!;
    // The district table is consistent with itself: only the cross-level check can see the mistakes.
    const own = await runCli(["check", "huyen.xlsx"], dir);
    expect(own.code).toBe(0);
    const r = await runCli(["check", "huyen.xlsx", "--against", "xa-*.xlsx", "thi-tran-cam-loc.xlsx"], dir);
    expect(r.code).toBe(1);
    const errors = r.stdout.split("\n").filter((l) => l.startsWith("LỖI"));
    // Rows: communes in district order from row 7; Cam Thành is the 2nd (row 8), Cam Thủy the 6th (row 12).
    const fmt = (x: number) => x.toLocaleString("de-DE");
    expect(errors).toEqual([
      `LỖI  D8 (Xã Cam Thành, Hộ nghèo - Số hộ): bảng tổng hợp ghi ${fmt(swapLastTwo(thanh.totals.poor))}, báo cáo của đơn vị ghi ${fmt(thanh.totals.poor)} (xa-cam-thanh.xlsx, ô C4)`,
      `LỖI  C12 (Xã Cam Thủy, Tổng số hộ): bảng tổng hợp ghi ${fmt(thuy.totals.households + 100)}, báo cáo của đơn vị ghi ${fmt(thuy.totals.households)} (xa-cam-thuy.xlsx, ô C15)`,
    ]);
    // The flawed reports are named and not used as a yardstick.
    expect(r.stdout).toMatch(
      /B9: báo cáo của Xã Cam Hiếu \(xa-cam-hieu\.xlsx\) có 1 lỗi, không dùng để đối chiếu/,
    );
    expect(r.stdout).toMatch(/B10: báo cáo của Xã Cam Chính \(xa-cam-chinh\.xlsx\) chưa chắc đã đọc đúng/);
  });

  it("--format json: the table's own report plus the cross-level findings with their sentences", async () => {
    const r = await runCli(
      ["check", "huyen.xlsx", "--against", "xa-*.xlsx", "thi-tran-cam-loc.xlsx", "--format", "json"],
      dir,
    );
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as {
      tables: { findings: unknown[] }[];
      crossLevel: { findings: { code: string; cell?: string; message: string }[]; unread: unknown[] };
    };
    expect(json.tables[0].findings).toEqual([]);
    const mismatches = json.crossLevel.findings.filter((f) => f.code === "cross-level-mismatch");
    expect(mismatches.map((f) => f.cell)).toEqual(["D8", "C12"]);
    expect(mismatches[0].message).toMatch(/^D8 \(Xã Cam Thành, Hộ nghèo - Số hộ\): bảng tổng hợp ghi/);
    expect(json.crossLevel.unread).toEqual([]);
  });

  it("a clean district table stays silent", async () => {
    const r = await runCli(
      ["check", "huyen-sach.xlsx", "--against", "xa-*.xlsx", "thi-tran-cam-loc.xlsx"],
      dir,
    );
    expect(r.stdout).not.toMatch(/LỖI/);
    expect(r.stdout).toMatch(/12 đơn vị khớp tên, 60 ô so sánh, 0 ô khác/);
    // Two reports were not usable: said, and exit 3 (something was not read).
    expect(r.code).toBe(3);
  });

  it("a commune missing from the district's table is named", () => {
    const grids = gridsOf(gen.districtWorkbook(communes.slice(0, 5)));
    const [a] = analyzeGrid(grids[0]);
    const sources = communes.slice(0, 7).map((c) => sourceOf(c.file, c.bytes));
    const result = crossCheck(a.table, grids[0], sources);
    const noRow = result.findings.filter((f) => f.code === "cross-level-no-row").map((f) => f.unit);
    expect(noRow).toEqual(["Xã Cam Thủy", "Xã Cam An"]);
    expect(result.findings.filter((f) => f.code === "cross-level-mismatch")).toEqual([]);
  });
});

describe("phuluc so-sanh nam-2023.xlsx nam-2024.xlsx", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    const planted = gen.yearPair();
    const clean = gen.yearPair({ planted: false });
    fs.writeFileSync(path.join(dir, "nam-2023.xlsx"), planted.last);
    fs.writeFileSync(path.join(dir, "nam-2024.xlsx"), planted.current);
    fs.writeFileSync(path.join(dir, "nam-2024-sach.xlsx"), clean.current);
  });

  const compare = (last: string, current: string) => {
    const l = gridsOf(fs.readFileSync(path.join(dir, last)));
    const c = gridsOf(fs.readFileSync(path.join(dir, current)));
    const [la] = analyzeGrid(l[0]);
    const [ca] = analyzeGrid(c[0]);
    return compareYears({ table: la.table, grid: l[0] }, { table: ca.table, grid: c[0] });
  };

  it("flags every planted defect where it is", () => {
    const r = compare("nam-2023.xlsx", "nam-2024.xlsx");
    const got = r.findings.map((f) => `${f.code} ${f.cell}`).sort();
    // By hand from the generator: Phú Ngạn (row 9) starts with 48 poor, 2023 ended with 45; the near-poor rate
    // column (I) is 2023's; An Bình (row 10) reduced 4 of a target of 6 but is typed "Đạt" (K10); Xuân Lâm (row 11)
    // went from 320 to 410 households (+28,1 %); Đông Hà → Đông Hòa; Hà Thượng new; Bến Đò gone.
    expect(got).toEqual(
      [
        "start-not-last-end D9",
        "stale-column I7",
        "target-not-met F10",
        "target-verdict-wrong K10",
        "households-changed C11",
        "unit-renamed B8",
        "unit-added B12",
        "unit-removed B12",
      ].sort(),
    );
    const start = r.findings.find((f) => f.code === "start-not-last-end")!;
    expect([start.actual, start.expected]).toEqual([48, 45]);
    expect(describeYear(r.findings.find((f) => f.code === "households-changed")!)).toMatch(
      /thay đổi 28,1%, quá ngưỡng ±15%/,
    );
    expect(
      r.targets.map((t) => `${t.unit}: ${t.planned}/${t.actual} ${t.met ? "Đạt" : "Không đạt"}`),
    ).toEqual([
      "Tân Long: 5/5 Đạt",
      "Thôn Phú Ngạn: 6/9 Đạt",
      "Thôn An Bình: 6/4 Không đạt",
      "Thôn Xuân Lâm: 4/4 Đạt",
    ]);
    // "Tân Long" is "Thôn Tân Long": matched by the normaliser, not reported as added.
    expect(r.matched.map((m) => m.unit)).toContain("Tân Long");
  });

  it("the clean twin keeps only the units' changes", () => {
    const r = compare("nam-2023.xlsx", "nam-2024-sach.xlsx");
    expect(r.findings.map((f) => f.code).sort()).toEqual(["unit-added", "unit-removed", "unit-renamed"]);
    expect(r.targets.every((t) => t.met === t.actual >= t.planned)).toBe(true);
  });

  it("the command prints the findings, errors first, and exits 1", async () => {
    const r = await runCli(["so-sanh", "nam-2023.xlsx", "nam-2024.xlsx"], dir);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe(
      "So sánh năm 2023 với năm 2024: 4 đơn vị khớp tên, 1 đơn vị mới, 1 đơn vị không còn, 1 đơn vị có vẻ đổi tên.",
    );
    expect(lines[2]).toMatch(/^LỖI {2}D9 \(Thôn Phú Ngạn, .*\): đầu năm nay ghi 48, cuối năm trước ghi 45/);
    expect(lines[3]).toMatch(
      /^LỖI {2}K10: ghi "Đạt" nhưng chỉ tiêu giảm 6, thực hiện giảm 4 — đúng là "Không đạt"/,
    );
    const json = await runCli(["so-sanh", "nam-2023.xlsx", "nam-2024.xlsx", "--format", "json"], dir);
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout) as {
      findings: { code: string; message: string }[];
      targets: unknown[];
    };
    expect(parsed.findings).toHaveLength(8);
    expect(parsed.findings[0].message).toMatch(/^D9 \(Thôn Phú Ngạn/);
    expect(parsed.targets).toHaveLength(4);
    const clean = await runCli(
      ["compare", "nam-2023.xlsx", "nam-2024-sach.xlsx", "--threshold", "40", "--lang", "en"],
      dir,
    );
    expect(clean.code).toBe(0);
    expect(clean.stdout).not.toMatch(/ERROR/);
  });
});

describe("last year's plan against this year's plan", () => {
  // Two plans of Xã Cam An: 2024's (poor at the end of 2023, target, projection) and 2025's (poor at the end of
  // 2024, ...). The actual reduction of 2024 is 2023's figure minus 2024's; Thôn 2 reduced 3 of a target of 5.
  const plan = (year: number, rows: [string, number, number, number][]) =>
    gen.workbookBytes({
      sheet: `KH ${year}`,
      rows: [
        [`DỰ KIẾN GIẢM HỘ NGHÈO XÃ CAM AN NĂM ${year}`],
        [],
        [
          "STT",
          "Thôn",
          "Tổng số hộ",
          `Số hộ nghèo năm ${year - 1}`,
          `Chỉ tiêu giảm hộ nghèo năm ${year}`,
          `Dự kiến số hộ nghèo năm ${year}`,
        ],
        ...rows.map(([name, households, poor, target], i) => [
          i + 1,
          name,
          households,
          poor,
          target,
          poor - target,
        ]),
        [
          null,
          { v: "Tổng cộng", bold: true },
          { v: rows.reduce((a, r) => a + r[1], 0), bold: true },
          { v: rows.reduce((a, r) => a + r[2], 0), bold: true },
          { v: rows.reduce((a, r) => a + r[3], 0), bold: true },
          { v: rows.reduce((a, r) => a + r[2] - r[3], 0), bold: true },
        ],
      ],
    });
  const last = plan(2024, [
    ["Thôn 1", 310, 24, 4],
    ["Thôn 2", 280, 30, 5],
    ["Thôn 3", 405, 18, 3],
  ]);
  const current = plan(2025, [
    ["Thôn 1", 312, 20, 3],
    ["Thôn 2", 284, 27, 5],
    ["Thôn 3", 400, 15, 2],
  ]);

  it("computes Đạt / Không đạt from the two years' actual figures", () => {
    const l = gridsOf(last);
    const c = gridsOf(current);
    const [la] = analyzeGrid(l[0]);
    const [ca] = analyzeGrid(c[0]);
    expect(la.findings.filter((f) => f.severity === "error")).toEqual([]);
    const r = compareYears({ table: la.table, grid: l[0] }, { table: ca.table, grid: c[0] });
    // By hand: Thôn 1 24 → 20 (4 of 4), Thôn 2 30 → 27 (3 of 5), Thôn 3 18 → 15 (3 of 3).
    expect(r.targets.map((t) => [t.unit, t.planned, t.actual, t.met])).toEqual([
      ["Thôn 1", 4, 4, true],
      ["Thôn 2", 5, 3, false],
      ["Thôn 3", 3, 3, true],
    ]);
    // Rows: title, blank, header, then Thôn 1-3 on rows 4-6; the actual figure of Thôn 2 is D5.
    expect(r.findings.map((f) => `${f.code} ${f.cell}`)).toEqual(["target-not-met D5"]);
  });
});
