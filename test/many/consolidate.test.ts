// phuluc gop on a district of 14 communes typed by different offices: varied layouts, one with a wrong total, one
// the engine cannot read, one typed in TCVN3. Expected figures come from the generator's own village data (sums of
// the villages), never from the output under test.
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { runCli } from "../cli/helpers";
import { analyzeGrid } from "../../src/engine";
import { gen, gridsOf, sheetValues, tempDir, writeAll, type Commune } from "./helpers";

const rate = gen.rate;

describe("phuluc gop: a district of 14 communes", () => {
  let dir: string;
  let communes: Commune[];
  let files: string[];

  beforeAll(() => {
    dir = tempDir();
    communes = gen.district();
    files = writeAll(dir, communes);
  });

  it("consolidates the clean communes, lists the flawed ones and writes the appendix with formulas and Nguồn", async () => {
    const r = await runCli(["gop", ...files, "-o", "huyen.xlsx"], dir);
    expect(r.stderr).toBe("");
    // Something was left out: written, exit 3.
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/12 đơn vị đưa vào bảng tổng hợp, 2 để ra ngoài/);
    expect(r.stdout).toMatch(/xa-cam-hieu\.xlsx: Xã Cam Hiếu có 1 lỗi, không đưa vào/);
    expect(r.stdout).toMatch(
      /xa-cam-chinh\.xlsx: chưa chắc đã đọc đúng bảng .* của Xã Cam Chính, không đưa vào/,
    );

    const bytes = fs.readFileSync(path.join(dir, "huyen.xlsx"));
    const [main, sources] = gridsOf(bytes);
    expect(main.sheet).toBe("Tổng hợp");
    expect(sources.sheet).toBe("Nguồn");

    // Rows: one per included commune, in the order given, with its totals; the total row sums them.
    const included = communes.filter((c) => !c.defect || c.defect === "tcvn3");
    expect(included).toHaveLength(12);
    const v = sheetValues(main);
    const bodyTop = 7;
    included.forEach((c, i) => {
      const row = v.get(bodyTop + i)!;
      expect(row.get("B")).toBe(c.unit);
      expect(row.get("C")).toBe(c.totals.households);
      expect(row.get("D")).toBe(c.totals.poor);
      expect(row.get("E")).toBe(c.totals.poorRate);
      expect(row.get("F")).toBe(c.totals.nearPoor);
      expect(row.get("G")).toBe(c.totals.nearPoorRate);
    });
    const total = v.get(bodyTop + included.length)!;
    const H = included.reduce((a, c) => a + c.totals.households, 0);
    const P = included.reduce((a, c) => a + c.totals.poor, 0);
    const N = included.reduce((a, c) => a + c.totals.nearPoor, 0);
    expect(total.get("B")).toBe("Tổng cộng");
    expect([total.get("C"), total.get("D"), total.get("E"), total.get("F"), total.get("G")]).toEqual([
      H,
      P,
      rate(P, H),
      N,
      rate(N, H),
    ]);
    // Derived cells are live formulas.
    const last = bodyTop + included.length - 1;
    const cellOf = (row: number, col: string) =>
      main.cells[row - main.top][col.charCodeAt(0) - 64 - main.left];
    expect(cellOf(last + 1, "C")?.formula).toBe(`=SUM(C${bodyTop}:C${last})`);
    expect(cellOf(bodyTop, "E")?.formula).toBe(`=ROUND(D${bodyTop}/C${bodyTop}*100,2)`);
    expect(cellOf(last + 1, "G")?.formula).toBe(`=ROUND(F${last + 1}/C${last + 1}*100,2)`);

    // The consolidated sheet is a clean table for our own checker.
    const analysis = analyzeGrid(main);
    expect(analysis).toHaveLength(1);
    expect(analysis[0].findings).toEqual([]);

    // Nguồn: every source, included first, with its file's SHA-256.
    const s = sheetValues(sources);
    const listed = [...included, ...communes.filter((c) => c.defect && c.defect !== "tcvn3")];
    listed.forEach((c, i) => {
      const row = s.get(5 + i)!;
      expect(row.get("B")).toBe(c.unit);
      expect(row.get("C")).toBe(c.file);
      expect(row.get("M")).toBe(i < 12 ? "Có" : "Không");
      expect(row.get("N")).toBe(createHash("sha256").update(c.bytes).digest("hex"));
    });
    // Cam Nghĩa was typed in TCVN3: read through the decoder, and said so.
    const nghia = listed.findIndex((c) => c.name === "Cam Nghĩa");
    expect(s.get(5 + nghia)!.get("L")).toBe("Không có sai sót (chữ TCVN3, đã đọc được)");
    // Cam Hiếu's total of poor households was typed 9 too many; Cam Chính's reading is unsure.
    const hieu = communes.find((c) => c.name === "Cam Hiếu")!;
    expect(String(s.get(5 + 12)!.get("L"))).toBe(
      `1 lỗi, 0 cảnh báo: Tổng không khớp: ô D12 ghi ${hieu.totals.poor + 9}, cộng D6:D11 được ${hieu.totals.poor}.`,
    );
    expect(s.get(5 + 13)!.get("L")).toBe("Chưa chắc đã đọc đúng cấu trúc bảng");
  });

  it("--include-flawed takes every commune and exits 0", async () => {
    const r = await runCli(["gop", ...files, "-o", "all.xlsx", "--include-flawed"], dir);
    expect(r.code).toBe(0);
    const [main] = gridsOf(fs.readFileSync(path.join(dir, "all.xlsx")));
    const units = sheetValues(main);
    const names = [...units.values()]
      .map((m) => m.get("B"))
      .filter((x) => typeof x === "string" && /^(Xã|Thị trấn) /.test(x));
    expect(names).toEqual(communes.map((c) => c.unit));
    // Cam Hiếu's row holds what its report says (the typed total, 9 too many), and the sentence said so.
    expect(r.stdout).toMatch(/Xã Cam Hiếu có 1 lỗi nhưng vẫn được đưa vào/);
  });

  it("--format json: what was included, left out and why", async () => {
    const r = await runCli(["gop", ...files, "-o", "j.xlsx", "--format", "json", "--lang", "en"], dir);
    expect(r.code).toBe(3);
    const json = JSON.parse(r.stdout) as {
      written: boolean;
      included: { unit: string; values: Record<string, number | null> }[];
      excluded: { file: string; status: string }[];
      issues: { code: string; message: string }[];
    };
    expect(json.written).toBe(true);
    expect(json.included).toHaveLength(12);
    expect(json.included[0].values["households||"]).toBe(communes[0].totals.households);
    expect(json.excluded.map((e) => [e.file, e.status])).toEqual([
      ["xa-cam-hieu.xlsx", "errors"],
      ["xa-cam-chinh.xlsx", "unsure"],
    ]);
    expect(json.issues[0].message).toMatch(/^xa-cam-hieu\.xlsx: Xã Cam Hiếu has 1 error and is left out/);
    const blocked = await runCli(["gop", files[0], "nope.xlsx", "-o", "k.xlsx", "--format", "json"], dir);
    expect(blocked.code).toBe(2);
    expect((JSON.parse(blocked.stdout) as { written: boolean }).written).toBe(false);
    expect(fs.existsSync(path.join(dir, "k.xlsx"))).toBe(false);
  });

  it("--sort alpha orders the units by Vietnamese collation", async () => {
    const r = await runCli(["gop", ...files, "-o", "abc.xlsx", "--sort", "alpha"], dir);
    expect(r.code).toBe(3);
    const [main] = gridsOf(fs.readFileSync(path.join(dir, "abc.xlsx")));
    const names = [...sheetValues(main).values()]
      .map((m) => m.get("B"))
      .filter((x) => typeof x === "string" && /^(Xã|Thị trấn) /.test(x));
    // By hand: Thị trấn before Xã; among the Xã, Vietnamese order (a < ă < â ... ; o < ô < ơ; u < ư).
    expect(names).toEqual([
      "Thị trấn Cam Lộc",
      "Xã Cam An",
      "Xã Cam Giang",
      "Xã Cam Hòa",
      "Xã Cam Nghĩa",
      "Xã Cam Phúc",
      "Xã Cam Sơn",
      "Xã Cam Tân",
      "Xã Cam Thành",
      "Xã Cam Thủy",
      "Xã Cam Tuyền",
      "Xã Cam Vĩnh",
    ]);
  });

  it("a .xls among the .xlsx: one line, nothing written", async () => {
    fs.writeFileSync(path.join(dir, "xa-cu.xls"), gen.xlsBytes());
    const r = await runCli(["gop", ...files, "xa-cu.xls", "-o", "x.xlsx"], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/xa-cu\.xls" là định dạng Excel cũ \(\.xls\).* — nguồn bắt buộc bị thiếu/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(path.join(dir, "x.xlsx"))).toBe(false);
    // The user may accept leaving it out.
    const ok = await runCli(["gop", ...files, "xa-cu.xls", "-o", "x.xlsx", "--allow-missing"], dir);
    expect(ok.code).toBe(3);
    expect(ok.stdout).toMatch(/xa-cu\.xls.* — để ra ngoài/);
  });

  it("a file with no readable table is a required source missing", async () => {
    fs.writeFileSync(
      path.join(dir, "ghi-chu.xlsx"),
      gen.workbookBytes({ rows: [["Công văn số 12/UBND"], ["Kính gửi: UBND huyện"]] }),
    );
    const r = await runCli(["gop", files[0], "ghi-chu.xlsx", "-o", "y.xlsx"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ghi-chu\.xlsx: không có bảng số liệu nào đọc được — nguồn bắt buộc bị thiếu/);
    expect(fs.existsSync(path.join(dir, "y.xlsx"))).toBe(false);
  });

  it("two sources for one unit: one line, nothing written", async () => {
    fs.copyFileSync(path.join(dir, files[0]), path.join(dir, "ban-sao.xlsx"));
    const r = await runCli(["gop", files[0], files[1], "ban-sao.xlsx", "-o", "z.xlsx"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ban-sao\.xlsx: cùng đơn vị Xã Cam Tuyền với xa-cam-tuyen\.xlsx/);
    expect(fs.existsSync(path.join(dir, "z.xlsx"))).toBe(false);
  });

  it("files of different years: one line each, nothing written", async () => {
    const old = gen.communeWorkbook({
      name: "Cam Mới",
      year: 2023,
      villages: [
        { name: "Thôn 1", households: 300, poor: 20, nearPoor: 15 },
        { name: "Thôn 2", households: 250, poor: 12, nearPoor: 18 },
        { name: "Thôn 3", households: 410, poor: 30, nearPoor: 22 },
      ],
    });
    fs.writeFileSync(path.join(dir, "xa-cam-moi-2023.xlsx"), old);
    const r = await runCli(["gop", files[0], files[1], "xa-cam-moi-2023.xlsx", "-o", "w.xlsx"], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /xa-cam-moi-2023\.xlsx: bảng của Xã Cam Mới là năm 2023, các tệp khác là năm 2024/,
    );
    expect(fs.existsSync(path.join(dir, "w.xlsx"))).toBe(false);
  });

  it("--each-sheet: one workbook holding every commune, a sheet each", async () => {
    const villages = (k: number) =>
      [1, 2, 3].map((i) => ({
        name: `Thôn ${i}`,
        households: 200 + 10 * i + k,
        poor: 10 + i + k,
        nearPoor: 12 + i,
      }));
    const book = gen.workbookBytes({
      sheets: [
        gen.communeSheet({ name: "Cam An", villages: villages(1), sheet: "Cam An" }),
        gen.communeSheet({ name: "Cam Hòa", villages: villages(2), layout: "flat", sheet: "Cam Hòa" }),
        gen.communeSheet({ name: "Cam Sơn", villages: villages(3), layout: "percent", sheet: "Cam Sơn" }),
      ],
    });
    fs.writeFileSync(path.join(dir, "ca-huyen.xlsx"), book);
    const r = await runCli(["gop", "ca-huyen.xlsx", "--each-sheet", "-o", "tung-trang.xlsx"], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const [main] = gridsOf(fs.readFileSync(path.join(dir, "tung-trang.xlsx")));
    const v = sheetValues(main);
    // By hand: households 211+221+231 = 663, 212+222+232 = 666, 213+223+233 = 669; poor 12+13+14 = 39, 42, 45.
    expect(
      [7, 8, 9].map((row) => [v.get(row)!.get("B"), v.get(row)!.get("C"), v.get(row)!.get("D")]),
    ).toEqual([
      ["Xã Cam An", 663, 39],
      ["Xã Cam Hòa", 666, 42],
      ["Xã Cam Sơn", 669, 45],
    ]);
    expect(v.get(10)!.get("C")).toBe(663 + 666 + 669);
  });

  it("never writes over a source and needs --force over an existing output", async () => {
    const r = await runCli(["gop", files[0], files[1], "-o", files[1]], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/tệp ra trùng với tệp nguồn/);
    const again = await runCli(["gop", files[0], files[1], "-o", "huyen.xlsx"], dir);
    expect(again.code).toBe(2);
    expect(again.stderr.trim().split("\n")).toHaveLength(1);
  });
});
