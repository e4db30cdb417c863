// Red team 2, class E: tables the engine cannot read as a poverty table: a crosstab (villages × ethnic groups), a
// list of households by name with ticks, a table of only text. Never a silent "0 lỗi": the numbers not read are
// said (unread), and the CLI's status is 3 when numbers were not read.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { gridSheetXml, makeXlsx } from "../xlsx/make";
import { gridFromRows } from "../../src/engine/grid";
import { runCli } from "../cli/helpers";
import { dump, read } from "./helpers";

const CROSSTAB: (string | number | null)[][] = [
  ["SỐ HỘ NGHÈO PHÂN THEO DÂN TỘC VÀ THÔN, XÃ PHÌN NGAN NĂM 2024"],
  ["Thôn \\ Dân tộc", "Kinh", "Tày", "Nùng", "Dao", "H'Mông", "Cộng"],
  ["Thôn Sín Chải", 2, 11, 4, 17, 23, 57],
  ["Thôn Lũng Pô", 0, 6, 9, 12, 31, 58],
  ["Thôn Nậm Sò", 3, 14, 2, 8, 19, 46],
  ["Thôn Pờ Hồ", 1, 5, 7, 21, 15, 49],
  ["Cộng", 6, 36, 22, 58, 88, 210],
];
const LIST: (string | number | null)[][] = [
  ["DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO THÔN ĐỒNG TÂM NĂM 2024"],
  ["STT", "Họ và tên chủ hộ", "Năm sinh", "Số nhân khẩu", "Hộ nghèo", "Hộ cận nghèo", "Ghi chú"],
  [1, "Nguyễn Văn Bình", 1968, 5, "x", null, null],
  [2, "Lò Thị Mai", 1975, 4, null, "x", null],
  [3, "Hoàng Văn Tỉnh", 1959, 2, "x", null, "Neo đơn"],
  [4, "Vàng A Sử", 1982, 7, "x", null, null],
  [5, "Đinh Thị Hoa", 1990, 3, null, "x", null],
  [null, "Cộng", null, 21, 3, 2, null],
];
const TEXT: (string | number | null)[][] = [
  ["CÁC GIẢI PHÁP GIẢM NGHÈO NĂM 2025"],
  ["STT", "Nội dung", "Đơn vị thực hiện", "Thời gian"],
  ["1", "Rà soát hộ nghèo, hộ cận nghèo", "Ban giảm nghèo xã", "Quý IV"],
  ["2", "Hỗ trợ vay vốn ưu đãi", "Ngân hàng CSXH", "Cả năm"],
  ["3", "Đào tạo nghề cho lao động nông thôn", "Trung tâm GDNN", "Quý II - III"],
];

describe("E. in the engine: what it cannot read is said", () => {
  for (const [name, rows] of [
    ["a crosstab of villages × ethnic groups", CROSSTAB],
    ["a list of households by name with ticks", LIST],
  ] as const) {
    test(`${name}: unread non-empty, or a claimed table says it is unsure / unchecked`, () => {
      const r = read(rows as unknown[][]);
      dump(r);
      const spoken = r.findings.some((f) => ["structure-unsure", "column-unchecked"].includes(f.rule));
      expect(r.unread.length > 0 || spoken).toBe(true);
      // and no claimed table passes its numbers in silence as checked poverty figures
      if (r.analyses.length && r.unread.length === 0) expect(r.loud.length).toBeGreaterThan(0);
    });
  }
  test("a table of only text: no table claimed, no finding", () => {
    const r = read(TEXT as unknown[][]);
    dump(r);
    expect(r.analyses).toEqual([]);
    expect(r.findings).toEqual([]);
  });
});

describe("E. on the CLI: status 3 when numbers were not read, never '0 lỗi' alone", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-red2-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, rows: (string | number | null)[][]) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, makeXlsx([{ name: "Biểu 1", xml: gridSheetXml(gridFromRows("Biểu 1", rows)) }]));
    return file;
  };
  test("the crosstab: status 3", async () => {
    const r = await runCli(["check", write("crosstab.xlsx", CROSSTAB)]);
    expect([r.code, r.stdout]).toEqual([3, expect.stringContaining("CHƯA ĐỌC")]);
  });
  test("the list of households: status 3", async () => {
    const r = await runCli(["check", write("danhsach.xlsx", LIST)]);
    expect([r.code, r.stdout]).toEqual([3, expect.stringContaining("CHƯA ĐỌC")]);
  });
  test("only text: no '0 lỗi' and not status 0 as if a table were checked clean", async () => {
    const r = await runCli(["check", write("chu.xlsx", TEXT)]);
    expect(r.stdout).not.toMatch(/(^|\D)0 lỗi/);
    expect(r.code).not.toBe(1);
    expect(r.code === 0 ? /bảng/i.test(r.stdout + r.stderr) : true).toBe(true);
  });
});

describe("E. a descriptive column of numbers beside a clean table is not 'unread' (a clean table stays silent)", () => {
  const table = (header: string, values: unknown[]) =>
    read([
      ["STT", "Tên xã", header, "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ (%)"],
      [1, "Xã An Bình", values[0], 1200, 60, 5],
      [2, "Xã An Lạc", values[1], 800, 20, 2.5],
      [3, "Xã An Phú", values[2], 1000, 45, 4.5],
      [null, "Tổng cộng", null, 3000, 125, 4.17],
    ]);
  const cases: [string, unknown[]][] = [
    ["Mã xã", [25450, 25453, 25456]],
    ["Mã ĐVHC", ["25450", "25453", "25456"]],
    ["Số thôn", [5, 7, 6]],
    ["Diện tích (km2)", [12.5, 30.1, 22]],
  ];
  for (const [header, values] of cases)
    test(`"${header}": read whole, silent, nothing said unread`, () => {
      const r = table(header, values);
      expect(r.unitRows).toEqual([2, 3, 4]);
      expect(r.loud).toEqual([]);
      expect(r.unread).toEqual([]);
    });
  test("a column headed as a poverty figure that could not be placed ('Hộ nghèo' as ticks) is said", () => {
    const r = read(LIST as unknown[][]);
    expect(r.unread.map((u) => u.range)).toEqual(expect.arrayContaining(["E8"]));
  });
});
