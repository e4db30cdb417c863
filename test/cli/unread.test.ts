// `check` never says "0 lỗi" with status 0 about numbers it did not read (issue 18.6): one line names what was
// not read and why, the JSON report lists it, and the status is 3 (0 clean, 1 errors, 2 could not run).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { gridSheetXml, makeXlsx } from "../xlsx/make";
import { gridFromRows } from "../../src/engine/grid";
import { runCli } from "./helpers";

const TABLE = [
  ["STT", "Thôn", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ hộ nghèo (%)"],
  [1, "Thôn Đông", 412, 20, 4.85],
  [2, "Thôn Tây", 288, 15, 5.21],
  [null, "Tổng cộng", 700, 35, 5],
];
// Numbers, but no header the engine knows: a list pasted without its header.
const LIST = [["Danh sách"], ["An Bình", 412, 20], ["An Phú", 288, 15], ["An Lạc", 530, 31]];

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-unread-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, sheets: { name: string; rows: (string | number | null)[][] }[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(
    file,
    makeXlsx(sheets.map((s) => ({ name: s.name, xml: gridSheetXml(gridFromRows(s.name, s.rows)) }))),
  );
  return file;
}

test("a clean table and a sheet of numbers with no table: status 3, the sheet named, never '0 lỗi' alone", async () => {
  const file = write("mot-phan.xlsx", [
    { name: "Bảng", rows: TABLE },
    { name: "Dán vào", rows: LIST },
  ]);
  const r = await runCli(["check", file]);
  expect(r.code).toBe(3);
  expect(r.stdout).toContain('CHƯA ĐỌC: trang tính "Dán vào" có số liệu nhưng không nhận ra bảng');
  expect(r.stdout).toMatch(/Còn 1 phần có số liệu chưa đọc được/);
  const json = JSON.parse((await runCli(["check", file, "--format", "json"])).stdout);
  expect(json.unread).toEqual([{ sheet: "Dán vào", reason: "no-table" }]);
});

test("the same table alone: status 0, nothing said about unread parts", async () => {
  const file = write("du.xlsx", [{ name: "Bảng", rows: TABLE }]);
  const r = await runCli(["check", file]);
  expect(r.code).toBe(0);
  expect(r.stdout).not.toContain("CHƯA ĐỌC");
  const json = JSON.parse((await runCli(["check", file, "--format", "json"])).stdout);
  expect(json.unread).toBeUndefined();
});

test("errors win the status: 1, and the unread sheet is still said", async () => {
  const wrong = TABLE.map((r) => [...r]);
  wrong[3][2] = 710;
  const file = write("loi.xlsx", [
    { name: "Bảng", rows: wrong },
    { name: "Dán vào", rows: LIST },
  ]);
  const r = await runCli(["check", file, "--lang", "en"]);
  expect(r.code).toBe(1);
  expect(r.stdout).toContain('NOT READ: sheet "Dán vào" holds numbers but no table was recognised');
});
