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

// A years sheet (years as columns, read transposed) is covered like any table: a column it did not read is said.
const YEARS = [
  ["Chỉ tiêu", "Năm 2022", "Năm 2023", "Ước TH năm 2024", "Giai đoạn 2022-2024"],
  ["Tổng số hộ", 3010, 3052, 3090, null],
  ["Số hộ nghèo", 241, 205, 170, null],
  ["Số hộ thoát nghèo", null, 36, 35, 71],
  ["Tỷ lệ hộ nghèo (%)", 8.01, 6.72, 5.5, null],
];

test("a years sheet with a column not read (a period total): status 3, the column named, JSON unread", async () => {
  const file = write("giai-doan.xlsx", [{ name: "GĐ", rows: YEARS }]);
  const text = await runCli(["check", file]);
  expect(text.code).toBe(3);
  expect(text.stdout).toContain('CHƯA ĐỌC: trang "GĐ", cột ở E1:E4');
  const json = await runCli(["check", file, "--format", "json"]);
  expect(json.code).toBe(3);
  expect(JSON.parse(json.stdout).unread).toEqual([{ sheet: "GĐ", range: "E1:E4", reason: "columns" }]);
});

test("the same years sheet without it: read whole (the estimate column too), status 0", async () => {
  const file = write("giai-doan-sach.xlsx", [{ name: "GĐ", rows: YEARS.map((r) => r.slice(0, 4)) }]);
  const r = await runCli(["check", file, "--format", "json"]);
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout);
  expect(json.unread).toBeUndefined();
  expect(json.tables[0].rows.map((x: { label: string }) => x.label)).toEqual([
    "Năm 2022",
    "Năm 2023",
    "Năm 2024 (ước thực hiện)",
  ]);
});

test("the years sheet with a wrong estimated rate (5,05 for 5,50): status 1, the cell found", async () => {
  const rows = YEARS.map((r) => r.slice(0, 4));
  rows[4][3] = 5.05;
  const r = await runCli(["check", write("giai-doan-sai.xlsx", [{ name: "GĐ", rows }]), "--format", "json"]);
  expect(r.code).toBe(1);
  const cells = JSON.parse(r.stdout).tables.flatMap((t: { findings: { cell: string; severity: string }[] }) =>
    t.findings.filter((f) => f.severity === "error").map((f) => f.cell),
  );
  expect(cells).toEqual(["D5"]);
});
