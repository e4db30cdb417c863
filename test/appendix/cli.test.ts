import ExcelJS from "exceljs";
import * as fs from "fs";
import { readBack } from "../xlsx/read-back";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";

const ROOT = path.resolve(__dirname, "../..");
const SAMPLE = "samples/ke-hoach-giam-ngheo-2024.xlsx";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-appendix-cli-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function phuluc(...args: string[]) {
  let out = "";
  let err = "";
  const io: CliIO = { out: (t) => (out += t), err: (t) => (err += t), cwd: ROOT };
  const code = await main(args, io);
  return { code, out, err };
}

describe("phuluc appendix", () => {
  it("writes the corrected table as a new sheet, twice without clashing names", async () => {
    const first = path.join(tmp, "a.xlsx");
    const r = await phuluc(
      "appendix",
      SAMPLE,
      "--allow-errors",
      "-o",
      first,
      "--title",
      "Tỷ lệ hộ nghèo phường Hoài Thanh Tây năm 2024",
    );
    expect(r.code).toBe(0);
    // asked for on a table with errors: said first (issue 23 item 2)
    expect(r.out.split("\n")[0]).toMatch(/^Cảnh báo: bảng A4:J19 ở trang tính "KH 2024" còn 3 lỗi/);
    expect(r.out).toContain('trang tính mới "Phụ lục"');
    expect(r.out).toContain("C9: 1.518 được ghi là 1518");
    const second = path.join(tmp, "b.xlsx");
    expect((await phuluc("appendix", first, "--allow-errors", "-o", second)).out).toContain('"Phụ lục (2)"');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(first);
    const ws = wb.getWorksheet("Phụ lục")!;
    expect(ws.getCell("A1").value).toBe("TỶ LỆ HỘ NGHÈO PHƯỜNG HOÀI THANH TÂY NĂM 2024");
    expect(ws.getCell("A1").font).toMatchObject({ name: "Times New Roman", bold: true });
    expect(ws.getCell("A2").font).toMatchObject({ italic: true });
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      printTitlesRow: "4:6",
    });
    // the user's sheet keeps its typed (wrong) rate; the appendix holds the formula
    expect(wb.getWorksheet("KH 2024")!.getCell("E10").value).toBe(6.39);
    const e8 = ws.getCell("E8").value as ExcelJS.CellFormulaValue;
    expect(e8.formula).toBe("ROUND(D8/C8*100,2)");
    expect(ws.getCell("C9").value).toBe(1518);
    expect((ws.getCell("E10").value as ExcelJS.CellFormulaValue).result).toBe(6.65);
    expect(ws.getCell("C8").numFmt).toBe("#,##0");
    expect(ws.getCell("E8").numFmt).toBe("0.00");
  });

  it("with a target, the plan table", async () => {
    const out = path.join(tmp, "p.xlsx");
    const r = await phuluc(
      "appendix",
      SAMPLE,
      "--allow-errors",
      "-o",
      out,
      "--reduce-points",
      "0.5",
      "--year",
      "2025",
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('"Dự kiến năm 2025"');
  });

  it("on a table with errors: one line, exit 1, the appendix marked as a draft, unless --allow-errors (issue 23 item 2)", async () => {
    const out = path.join(tmp, "refused.xlsx");
    const r = await phuluc("appendix", SAMPLE, "-o", out);
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toBe(
      'phuluc appendix: bảng A4:J19 ở trang tính "KH 2024" còn 3 lỗi (C9, E10, F19); chưa lập phụ lục để ký (bản đã ghi mang chữ BẢN NHÁP). Hãy sửa trước ("phuluc check", "phuluc fix"), hoặc thêm --allow-errors để vẫn lập.\n',
    );
    const back = readBack(fs.readFileSync(out));
    expect(String(back.value("A1", back.names[back.names.length - 1]))).toMatch(
      /^BẢN NHÁP \(BẢNG CÒN LỖI\) – /u,
    );
    const en = await phuluc("appendix", SAMPLE, "-o", out, "--lang", "en", "--force");
    expect(en.err).toMatch(
      /^phuluc appendix: table A4:J19 on sheet "KH 2024" still has 3 error\(s\) .*DRAFT.*--allow-errors/,
    );
    // Asked for: the same appendix without the draft mark, exit 0.
    const asked = await phuluc("appendix", SAMPLE, "-o", out, "--allow-errors", "--force");
    expect(asked.code).toBe(0);
    const sheets = readBack(fs.readFileSync(out));
    expect(String(sheets.value("A1", sheets.names[sheets.names.length - 1]))).not.toMatch(/NHÁP/u);
  });

  it("bad use: no -o, the input as output, an unknown sheet", async () => {
    // One prefix, not "phuluc: phuluc appendix:" (issue 23 item 13)
    expect((await phuluc("appendix", SAMPLE)).err).toBe("phuluc appendix: thiếu -o <tệp-ra.xlsx>\n");
    expect((await phuluc("appendix", SAMPLE, "-o", SAMPLE)).err).toMatch(/trùng với tệp gốc/);
    const r = await phuluc("appendix", SAMPLE, "-o", path.join(tmp, "x.xlsx"), "--sheet", "Không có");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/không có trang tính "Không có"/);
  });
});
