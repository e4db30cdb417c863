// `phuluc check file.docx` and `phuluc describe file.xlsx|docx`, run in-process on the seeds made into .docx files
// in a temporary folder, and on the bundled sample workbooks.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { SAMPLES, expectOneLineError, runCli } from "../cli/helpers";
import { SEED_FILES, makeDocx, seedDocx } from "./seeds";
import { readDocx } from "../../src/hosts/docx/read";
import { analyzeDocx } from "../../src/hosts/docx/analyze";
import { renderDocxCheck } from "../../src/cli/docx";

let dir: string;
const camLong = () => path.join(dir, "cam-long.docx");

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-docx-"));
  fs.writeFileSync(camLong(), seedDocx(SEED_FILES.camLong));
  fs.writeFileSync(path.join(dir, "my-hao.docx"), seedDocx(SEED_FILES.myHao));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("phuluc check file.docx", () => {
  test("tables and sentences, located in the document's words; the file is not touched", async () => {
    const before = fs.readFileSync(camLong());
    const r = await runCli(["check", camLong()], dir);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain(
      'Bảng 1 "TỶ LỆ HỘ NGHÈO CUỐI NĂM 2022 VÀ DỰ KIẾN KẾ HOẠCH GIẢM NGHÈO NĂM 2023"',
    );
    expect(r.stdout).toContain("Bảng 1, dòng 5, cột 'Số đầu kỳ > tỷ lệ (%)'");
    expect(r.stdout).toContain("Lời văn: 2 câu có số liệu không khớp:");
    expect(r.stdout).toContain("đoạn 22");
    expect(r.stdout).toContain(
      "« - Phấn đấu cuối năm 2023 tỷ lệ hộ nghèo toàn xã xuống còn 10.73% tương đương còn 163 hộ . »",
    );
    expect(r.stdout).toContain("Chương trình không ghi gì vào tệp .docx.");
    expect(fs.readFileSync(camLong()).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(["cam-long.docx", "my-hao.docx"]);
  });

  test("--format json: findings with their location and sentence; the exit code follows the errors", async () => {
    const r = await runCli(["check", "my-hao.docx", "--format", "json"], dir);
    const json = JSON.parse(r.stdout) as {
      tables: { table: number; findings: { rule: string; location: string; message: string }[] }[];
      prose: { rule: string; location: string; message: string; certainty?: string }[];
      summary: { errors: number };
    };
    expect(json.tables.map((t) => t.table)).toEqual([1, 2]);
    expect(json.tables[0].findings).toContainEqual(
      expect.objectContaining({
        rule: "malformed-number",
        location: "Bảng 1, dòng 6, cột 'Tỷ lệ hộ nghèo (%)'",
        message: 'Không đọc được số: ô E6 ghi "0.36,6".',
      }),
    );
    expect(json.prose).toEqual([
      expect.objectContaining({ rule: "prose-end-rate", location: "đoạn 13", certainty: "suggested" }),
    ]);
    expect(json.summary.errors).toBeGreaterThan(0); // the malformed 0.36,6 at least
    expect(r.code).toBe(1);
  });

  test("--sheet picks one table; English on request", async () => {
    const r = await runCli(["check", "my-hao.docx", "--sheet", "2", "--lang", "en"], dir);
    expect(r.stdout).toContain('Table 2 "DỰ KIẾN TỶ LỆ HỘ NGHÈO PHƯỜNG DỊ SỬ NĂM 2021"');
    expect(r.stdout).not.toContain("Table 1 ");
    expect(r.stdout).toContain("Nothing is written to the .docx file.");
    const missing = await runCli(["check", "my-hao.docx", "--sheet", "Bảng 9"], dir);
    expectOneLineError(missing);
    expect(missing.stderr).toContain('không có bảng "Bảng 9"; văn bản có 2 bảng');
  });

  test("a file that is not a readable .docx: one line naming it", async () => {
    fs.writeFileSync(
      path.join(dir, "cu.docx"),
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]),
    );
    const old = await runCli(["check", "cu.docx"], dir);
    expectOneLineError(old);
    expect(old.stderr).toBe(
      'phuluc: tệp "cu.docx" là định dạng Word cũ (.doc); hãy mở bằng Word và lưu thành .docx\n',
    );
    fs.rmSync(path.join(dir, "cu.docx"));
    const none = await runCli(["check", "khong-co.docx"], dir);
    expectOneLineError(none);
    expect(none.stderr).toContain('không tìm thấy tệp "khong-co.docx"');
  });
});

test("a table read only in part: listed unread, exit 3 when nothing is an error", () => {
  const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  const tc = (t: string | number) => `<w:tc><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
  const rows = [
    ["STT", "Thôn", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ (%)"],
    // Clean rows: 10/250 = 4,00 %, 12/300 = 4,00 %, ...
    ...Array.from({ length: 30 }, (_, i) => [i + 1, `Thôn ${i + 1}`, 250 + 50 * i, 10 + 2 * i, "4,00"]),
  ];
  const xml = `<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body><w:tbl>${rows.map((r) => `<w:tr>${r.map(tc).join("")}</w:tr>`).join("")}</w:tbl></w:body></w:document>`;
  const document = readDocx(makeDocx(xml), "lon.docx", { maxTableCells: 50 });
  const result = renderDocxCheck("lon.docx", analyzeDocx(document), "vi");
  expect(result.text).toContain("Bảng 1: quá lớn, chỉ đọc 10/31 dòng đầu; phần còn lại chưa được kiểm tra.");
  expect(result.json).toMatchObject({
    unread: [{ sheet: "Bảng 1", reason: "too-large", rowsRead: 10, rowsTotal: 31 }],
  });
  expect(result.exitCode).toBe(3);
});

describe("phuluc describe", () => {
  test("Cẩm Long's appendix written as the plan's paragraph, numbers recomputed from the counts", async () => {
    const r = await runCli(["describe", "cam-long.docx", "--units"], dir);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    // By hand: 208/1518 = 13,70 %; 208 − 45 = 163; 163/1518 = 10,74 %; 13,70 − 10,74 = 2,96 points.
    expect(lines).toContain(
      "Đầu năm 2023, toàn xã có 1.518 hộ, trong đó có 208 hộ nghèo, chiếm tỷ lệ 13,70%.",
    );
    expect(lines).toContain(
      "Phấn đấu năm 2023 giảm 45 hộ nghèo, đưa tỷ lệ hộ nghèo toàn xã từ 13,70% xuống còn 10,74% (giảm 2,96 điểm phần trăm), còn 163 hộ nghèo.",
    );
    // The projected block of the table is a copy of the start; the text follows start − reduction: 14 − 5 = 9,
    // 9/186 = 4,84 %; Vân Ngọc 59 − 10 = 49, 49/329 = 14,89 %.
    expect(lines).toContain(
      "- Thôn Tân Long: 186 hộ, 14 hộ nghèo (7,53%); phấn đấu giảm 5 hộ, còn 9 hộ nghèo (4,84%).",
    );
    expect(lines).toContain(
      "- Thôn Vân Ngọc: 329 hộ, 59 hộ nghèo (17,93%); phấn đấu giảm 10 hộ, còn 49 hộ nghèo (14,89%).",
    );
    // The staff lists give no paragraph.
    expect(r.stdout.match(/^Bảng \d/gm)).toEqual(["Bảng 1"]);
  });

  test("a workbook: the sample plan with groups and near-poor, and the sample report (English too)", async () => {
    const plan = await runCli(["describe", path.join(SAMPLES, "ke-hoach-giam-ngheo-2024.xlsx")]);
    expect(plan.code).toBe(0);
    // The sample's 1.518 typed in an English-locale Excel is corrected to 1518 before anything is written.
    expect(plan.stdout).toMatch(
      /^Đầu năm 2024, toàn phường có 7\.947 hộ, trong đó có 566 hộ nghèo, chiếm tỷ lệ 7,12%; 521 hộ cận nghèo, chiếm tỷ lệ 6,56%\.$/m,
    );
    expect(plan.stdout).toContain("(bảng còn 3 lỗi:");
    const report = await runCli([
      "describe",
      path.join(SAMPLES, "bao-cao-ket-qua-2023-sach.xlsx"),
      "--lang",
      "en",
    ]);
    expect(report.stdout).toContain(
      "At the start of 2023, the commune has 2,577 households, of which 211 poor households (8.19%).",
    );
    expect(report.stdout).toContain(
      "At the end of 2023, the commune has 169 poor households left (6.56%), 42 fewer than at the start (1.63 percentage points).",
    );
  });
});
