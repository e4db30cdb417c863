// `phuluc check` on the samples, against findings written by hand from the planted defects.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ReportSchema } from "../../src/engine/report";
import { expectOneLineError, runCli, SAMPLES } from "./helpers";

const DEMO = "samples/ke-hoach-giam-ngheo-2024.xlsx";

// Written by hand from the generator's planted defects (scripts/make-samples.js), computed on paper:
//  C9: 1.518 typed in an English-locale Excel for 1518 households; E10: 6,39 copied from E9 (97/1518), the row's
//  own rate is 29/436 = 6,651 → 6,65; E11: 59/784 = 7,5255 truncated to 7,52, rounds to 7,53; E12: the text
//  "13,70" (70/511 = 13,699 → 13,70); C14: the text "1.518"; F19: total near-poor households typed 512 for
//  247 + 274 = 521.
const DEMO_FINDINGS = [
  { cell: "C9", rule: "non-integer-count", severity: "error", actual: 1.518, expected: 1518 },
  { cell: "E10", rule: "rate-mismatch", severity: "error", actual: 6.39, expected: 6.65 },
  { cell: "E11", rule: "rate-rounding", severity: "warning", actual: 7.52, expected: 7.53 },
  { cell: "E12", rule: "number-as-text", actual: "13,70", expected: 13.7 },
  { cell: "C14", rule: "number-as-text", actual: "1.518", expected: 1518 },
  { cell: "F19", rule: "sum-mismatch", severity: "error", actual: 512, expected: 521 },
];

async function jsonReport(args: string[]) {
  const result = await runCli(["check", ...args, "--format", "json"]);
  expect(result.stderr).toBe("");
  return { code: result.code, report: ReportSchema.parse(JSON.parse(result.stdout)) };
}

describe("phuluc check on the README demo", () => {
  it("finds exactly the planted defects, with the expected values, and exits 1", async () => {
    const { code, report } = await jsonReport([DEMO]);
    expect(code).toBe(1);
    expect(report.file).toBe(DEMO);
    const plan = report.tables.filter((t) => t.sheet === "KH 2024");
    expect(plan).toHaveLength(1);
    const found = plan[0].findings.map((f) => `${f.cell} ${f.rule}`).sort();
    expect(found).toEqual(DEMO_FINDINGS.map((f) => `${f.cell} ${f.rule}`).sort());
    for (const want of DEMO_FINDINGS) {
      const f = plan[0].findings.find((x) => x.cell === want.cell && x.rule === want.rule)!;
      expect(f.expected).toBeCloseTo(want.expected, 9);
      expect(f.actual).toEqual(want.actual);
      if (want.severity) expect(f.severity).toBe(want.severity);
      expect(f.message?.length).toBeGreaterThan(10);
    }
    // The notes sheet holds no table and adds nothing.
    expect(report.tables.every((t) => t.sheet === "KH 2024")).toBe(true);
    expect(report.summary.errors).toBe(3);
  });

  it("understands the layout: header, rows, groups and the total over them", async () => {
    const { report } = await jsonReport([DEMO]);
    const t = report.tables[0];
    expect(t.range).toBe("A4:J19");
    const kinds = Object.fromEntries(t.rows.map((r) => [r.row, r.kind]));
    expect(kinds).toEqual({
      7: "group",
      8: "unit",
      9: "unit",
      10: "unit",
      11: "unit",
      12: "unit",
      13: "group",
      14: "unit",
      15: "unit",
      16: "unit",
      17: "unit",
      18: "unit",
      19: "total",
    });
    const roles = Object.fromEntries(t.columns.map((c) => [c.column, c.role]));
    expect(roles).toMatchObject({
      A: "rowNumber",
      B: "unitName",
      C: "households",
      D: "poorHouseholds",
      E: "poorRate",
      F: "nearPoorHouseholds",
      G: "nearPoorRate",
      H: "reduction",
      I: "poorHouseholds",
      J: "poorRate",
    });
  });

  it("prints a readable Vietnamese table by default", async () => {
    const { code, stdout, stderr } = await runCli(["check", DEMO]);
    expect(code).toBe(1);
    expect(stderr).toBe("");
    expect(stdout).toContain('Trang tính "KH 2024", bảng A4:J19');
    expect(stdout).toMatch(/Mức độ\s+Ô\s+Quy tắc\s+Đang ghi\s+Đúng là\s+Nội dung/);
    // One line per finding: severity, cell, rule, actual, expected (Vietnamese number style), message.
    // Rules by their Vietnamese names (issue 23 item 6; the ids stay in JSON).
    expect(stdout).toMatch(/lỗi\s+F19\s+Tổng không khớp\s+512\s+521\s+\S/);
    expect(stdout).toMatch(/lỗi\s+E10\s+Tỷ lệ sai\s+6,39\s+6,65\s+\S/);
    expect(stdout).toMatch(/cảnh báo\s+E11\s+Tỷ lệ bị cắt thay vì làm tròn\s+7,52\s+7,53\s+\S/);
    expect(stdout).toMatch(/C14\s+Số lưu dạng văn bản\s+"1\.518"\s+1\.518\s+\S/);
    expect(stdout).not.toMatch(/sum-mismatch|rate-mismatch|number-as-text/);
    expect(stdout).toMatch(
      /Tổng kết samples\/ke-hoach-giam-ngheo-2024\.xlsx: 3 lỗi, 1 cảnh báo, \d+ thông tin\./,
    );
    expect(stdout).toContain('Trang tính "Ghi chú": không tìm thấy bảng số liệu.');
  });

  it("speaks English with --lang en", async () => {
    const { code, stdout } = await runCli(["check", DEMO, "--lang", "en"]);
    expect(code).toBe(1);
    expect(stdout).toContain('Sheet "KH 2024", table A4:J19');
    expect(stdout).toMatch(/Severity\s+Cell\s+Rule\s+Actual\s+Expected\s+Message/);
    expect(stdout).toMatch(/error\s+E10\s+Wrong rate\s+6\.39\s+6\.65\s+\S/);
    expect(stdout).toMatch(/Summary for .*: 3 errors, 1 warnings/);
    expect(stdout).not.toContain("Tổng kết");
    const { report } = await jsonReport([DEMO, "--lang", "en"]);
    const f = report.tables[0].findings.find((x) => x.cell === "F19")!;
    expect(f.message).not.toMatch(/Tổng|không/);
  });

  it("checks one sheet with --sheet, and names the sheets that exist when it is unknown", async () => {
    const notes = await jsonReport([DEMO, "--sheet", "Ghi chú"]);
    expect(notes.code).toBe(0);
    expect(notes.report.tables).toEqual([]);
    const plan = await jsonReport([DEMO, "--sheet", "KH 2024"]);
    expect(plan.code).toBe(1);
    expect(plan.report.tables.map((t) => t.sheet)).toEqual(["KH 2024"]);
    const missing = await runCli(["check", DEMO, "--sheet", "Biểu 5"]);
    expectOneLineError(missing);
    expect(missing.stderr).toContain('không có trang tính "Biểu 5"');
    expect(missing.stderr).toContain('"KH 2024", "Ghi chú"');
  });
});

describe("phuluc check on the other samples", () => {
  it("flags nothing on the clean report of results (formulas, start/end/reduction) and exits 0", async () => {
    const { code, report } = await jsonReport(["samples/bao-cao-ket-qua-2023-sach.xlsx"]);
    expect(report.tables).toHaveLength(1);
    expect(report.tables[0].findings).toEqual([]);
    expect(report.tables[0].range).toBe("A4:I14");
    expect(code).toBe(0);
  });

  it("flags nothing on the Bình Định table without a households column", async () => {
    const { code, report } = await jsonReport(["samples/binh-dinh-dau-ky-2022.xlsx"]);
    expect(report.tables).toHaveLength(1);
    expect(report.tables[0].findings).toEqual([]);
    expect(report.tables[0].rows.filter((r) => r.kind === "group").map((r) => r.row)).toEqual([7, 19]);
    expect(code).toBe(0);
  });

  it("finds the one planted defect of the flow table (9=1-2-3-4+5+6+7+8)", async () => {
    const { code, report } = await jsonReport(["samples/bien-dong-ho-ngheo-2023.xlsx"]);
    expect(code).toBe(1);
    // Escaped households in the district total: 14+21+18+25+16+12+29+35 = 170, typed 180.
    const findings = report.tables[0].findings;
    expect(findings.map((f) => `${f.cell} ${f.rule} ${f.expected}`)).toEqual(["D15 sum-mismatch 170"]);
    expect(findings[0].actual).toBe(180);
  });
});

describe("phuluc check on files it cannot use", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-bad-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("a text file renamed .xlsx", async () => {
    const file = path.join(dir, "bao-cao.xlsx");
    fs.writeFileSync(file, "STT;Thôn;Số hộ\n1;Thôn 1;412\n");
    const r = await runCli(["check", file]);
    expectOneLineError(r);
    expect(r.stderr).toContain("không phải là bảng tính Excel (.xlsx)");
    expect(r.stderr).toContain("bao-cao.xlsx");
  });

  it("a missing file", async () => {
    const r = await runCli(["check", "samples/khong-co.xlsx"]);
    expectOneLineError(r);
    expect(r.stderr).toContain('không tìm thấy tệp "samples/khong-co.xlsx"');
  });

  it("a missing file, in English", async () => {
    const r = await runCli(["check", "samples/khong-co.xlsx", "--lang", "en"]);
    expectOneLineError(r);
    expect(r.stderr).toContain('file not found: "samples/khong-co.xlsx"');
  });

  it("an empty file, a directory, a damaged zip", async () => {
    fs.writeFileSync(path.join(dir, "rong.xlsx"), "");
    expect((await runCli(["check", path.join(dir, "rong.xlsx")])).stderr).toContain("rỗng");
    const d = await runCli(["check", dir]);
    expectOneLineError(d);
    expect(d.stderr).toContain("không phải là một tệp");
    const good = fs.readFileSync(path.join(SAMPLES, "ke-hoach-giam-ngheo-2024.xlsx"));
    fs.writeFileSync(path.join(dir, "hong.xlsx"), good.subarray(0, Math.floor(good.length / 2)));
    const broken = await runCli(["check", path.join(dir, "hong.xlsx")]);
    expectOneLineError(broken);
    expect(broken.stderr).toContain("bị hỏng");
  });

  it("a password-protected workbook and an old .xls (both OLE compound files)", async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const encrypted = Buffer.concat([
      ole,
      Buffer.alloc(504),
      Buffer.from("EncryptedPackage", "utf16le"),
      Buffer.alloc(64),
    ]);
    fs.writeFileSync(path.join(dir, "mat-khau.xlsx"), encrypted);
    const e = await runCli(["check", path.join(dir, "mat-khau.xlsx")]);
    expectOneLineError(e);
    expect(e.stderr).toContain("mật khẩu");
    fs.writeFileSync(path.join(dir, "cu.xlsx"), Buffer.concat([ole, Buffer.alloc(1000)]));
    const x = await runCli(["check", path.join(dir, "cu.xlsx")]);
    expectOneLineError(x);
    expect(x.stderr).toContain(".xls");
  });

  it("bad arguments", async () => {
    expectOneLineError(await runCli(["check"]));
    const r = await runCli(["check", DEMO, "--format", "xml"]);
    expectOneLineError(r);
    expect(r.stderr).toContain("text, json");
  });
});

describe("issue 7 on the command line: the bundled clean samples, legacy text, and tables read in doubt", () => {
  const CLEAN = [
    "bao-cao-ket-qua-2023-sach.xlsx",
    "binh-dinh-dau-ky-2022.xlsx",
    "toan-quoc-theo-tinh-2024.xlsx",
    "bao-cao-tcvn3-chi-tieu-2024.xlsx",
  ];
  it.each(CLEAN)("no false alarm on the clean sample %s", async (file) => {
    const { code, report } = await jsonReport([`samples/${file}`]);
    expect(code).toBe(0);
    const alarms = report.tables.flatMap((t) => t.findings).filter((f) => f.rule !== "legacy-encoding");
    expect(alarms).toEqual([]);
  });

  it("the TCVN3 report is read (its target column is an input) and fix --unicode converts its text", async () => {
    const { report } = await jsonReport(["samples/bao-cao-tcvn3-chi-tieu-2024.xlsx"]);
    expect(report.tables[0].findings.map((f) => f.rule)).toEqual(["legacy-encoding"]);
    expect(report.tables[0].columns.map((c) => c.role)).toContain("households");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-unicode-"));
    const out = path.join(dir, "out.xlsx");
    const r = await runCli(["fix", "samples/bao-cao-tcvn3-chi-tieu-2024.xlsx", "-o", out, "--unicode"]);
    expect(r.stderr).toBe("");
    const after = await jsonReport([out]);
    expect(after.code).toBe(0);
    expect(after.report.tables[0].findings).toEqual([]);
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet("BC 2024")!.getCell("C4").value).toBe("Tổng số hộ");
  });

  async function misleadingFile(): Promise<string> {
    // The "poor rate" column holds poor + near-poor over households: the engine cannot confirm its reading.
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.addRow(["STT", "Thôn", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ hộ nghèo (%)", "Số hộ cận nghèo"]);
    const villages = [
      [412, 20, 31],
      [288, 15, 9],
      [530, 31, 12],
      [197, 18, 11],
      [355, 27, 20],
    ];
    villages.forEach(([h, p, n], i) =>
      ws.addRow([String(i + 1), `Thôn ${i + 1}`, h, p, Math.round(((p + n) / h) * 10000) / 100, n]),
    );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-unsure-"));
    const file = path.join(dir, "in.xlsx");
    await wb.xlsx.writeFile(file);
    return file;
  }

  it("a table read in doubt: one structure-unsure warning; fix writes nothing and says so in one line", async () => {
    const file = await misleadingFile();
    const { code, report } = await jsonReport([file]);
    expect(code).toBe(0);
    expect(report.tables[0].findings.map((f) => `${f.cell} ${f.rule} ${f.severity}`)).toEqual([
      "E1 structure-unsure warning",
    ]);
    // check's text names the exact option to type (issue 23 item 4), and the sentence speaks of the table.
    const text = await runCli(["check", file]);
    expect(text.stdout).toContain('Cột E ("Tỷ lệ hộ nghèo (%)", ô E1): ở 5/5 dòng, E không khớp với D/C×100');
    expect(text.stdout).toContain(
      "Cách đọc bảng chưa được xác nhận. Nếu đúng như vậy, thêm --roles E=poorRate (hoặc --trust-structure) vào lệnh;",
    );
    const out = file.replace("in.xlsx", "out.xlsx");
    const r = await runCli(["fix", file, "-o", out]);
    expect(r.code).toBe(1);
    // Issue 23 items 3 and 4: nothing written is said first, no fixed copy announced nor made, and the line
    // names the exact option that confirms the reading (column E read as the poor rate).
    expect(r.stdout).toMatch(
      /^Chưa sửa gì: .*không ghi tệp ra\.\nBảng A1:F6 ở trang tính "S" không được sửa/,
    );
    expect(r.stdout.split("\n").filter((l) => l.includes("không được sửa"))).toHaveLength(1);
    expect(r.stdout).toContain("thêm --roles E=poorRate (hoặc --trust-structure)");
    expect(r.stdout).not.toContain("Bản đã sửa");
    expect(fs.existsSync(out)).toBe(false);
  });

  it("--roles confirms the reading (the rates are then checked, and wrong), --trust-structure lets fix write", async () => {
    const file = await misleadingFile();
    const roles = await jsonReport([file, "--roles", "E=poorRate"]);
    expect(roles.code).toBe(1);
    expect(roles.report.tables[0].findings.filter((f) => f.rule === "rate-mismatch")).toHaveLength(5);
    const out = file.replace("in.xlsx", "trusted.xlsx");
    const r = await runCli(["fix", file, "-o", out, "--trust-structure"]);
    expect(r.stdout).not.toMatch(/không được sửa/);
    expect(r.stdout).toMatch(/^Đã ghi \d+ ô/);
  });

  it("bad --roles and --rows values get one clear line", async () => {
    expectOneLineError(await runCli(["check", "samples/bao-cao-ket-qua-2023-sach.xlsx", "--roles", "C=hộ"]));
    expectOneLineError(
      await runCli(["check", "samples/bao-cao-ket-qua-2023-sach.xlsx", "--rows", "x=group"]),
    );
  });
});
