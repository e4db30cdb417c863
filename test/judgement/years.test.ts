// Years as columns (issue 18.3): an indicator table of a resolution ("Chỉ tiêu | Năm 2016 … Năm 2020") is read
// transposed: each year's rate over that year's households, counts whole. Findings land on the sheet's own cells.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { analyzeYearsTable } from "../../src/engine";
import { gridFromRows } from "../../src/engine/grid";
import { rate } from "../engine/fixtures";
import { gridSheetXml, makeXlsx } from "../xlsx/make";
import { runCli } from "../cli/helpers";

const H = [12400, 12610, 12800, 12950, 13100];
const P = [1120, 980, 840, 690, 560];
function indicators(edit: (rows: unknown[][]) => void = () => undefined) {
  const rows: unknown[][] = [
    ["KẾT QUẢ GIẢM NGHÈO GIAI ĐOẠN 2016-2020"],
    ["Chỉ tiêu", "Năm 2016", "Năm 2017", "Năm 2018", "Năm 2019", "Năm 2020"],
    ["Tổng số hộ", ...H],
    ["Số hộ nghèo", ...P],
    ["Tỷ lệ hộ nghèo (%)", ...P.map((p, i) => rate(p, H[i]))],
  ];
  edit(rows);
  return gridFromRows("Chỉ tiêu", rows);
}

test("the clean table is read (five years) and silent", () => {
  const report = analyzeYearsTable(indicators());
  expect(report?.range).toBe("A2:F5");
  expect(report?.rows.map((r) => r.label)).toEqual([
    "Năm 2016",
    "Năm 2017",
    "Năm 2018",
    "Năm 2019",
    "Năm 2020",
  ]);
  expect(report?.findings).toEqual([]);
});

test("a wrong rate of 2018 and a count typed 10,98 are found on the sheet's own cells", () => {
  const report = analyzeYearsTable(
    indicators((rows) => {
      rows[4][3] = 7.56; // 2018: 840 / 12.800 = 6,5625 → 6,56
      rows[3][5] = 10.98; // 2020's poor typed as 10,98
    }),
  );
  const found = report!.findings.filter((f) => f.severity === "error").map((f) => [f.cell, f.rule]);
  expect(found).toEqual(expect.arrayContaining([["D5", "rate-mismatch"]]));
  expect(found.map((f) => f[0])).toContain("F4");
  expect(report!.findings.find((f) => f.cell === "D5")?.expected).toBe(6.56);
  expect(report!.findings.every((f) => f.fix === undefined)).toBe(true);
});

test("phuluc check reads it: the finding on its cell, not 'không tìm thấy bảng' and not 'chưa đọc'", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-years-"));
  const grid = indicators((rows) => {
    rows[4][3] = 7.56;
  });
  const xml = gridSheetXml(grid);
  const file = path.join(dir, "chi-tieu.xlsx");
  fs.writeFileSync(file, makeXlsx([{ name: "Chỉ tiêu", xml }]));
  const r = await runCli(["check", file]);
  fs.rmSync(dir, { recursive: true, force: true });
  expect(r.code).toBe(1);
  expect(r.stdout).toMatch(/D5\s+Tỷ lệ sai\s+7,56\s+6,56/u);
  expect(r.stdout).not.toContain("CHƯA ĐỌC");
  expect(r.stdout).not.toContain("không tìm thấy bảng");
});
