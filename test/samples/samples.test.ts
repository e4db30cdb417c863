// The committed samples are what the generator makes, their planted defects are where the record says, and the
// clean ones are consistent by arithmetic done here, independently of the engine.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";

const ROOT = path.resolve(__dirname, "..", "..");
const SAMPLES = path.join(ROOT, "samples");

async function sheet(name: string, sheetName: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(SAMPLES, name));
  return wb.getWorksheet(sheetName)!;
}

/** A cell's number: a typed number or a formula's cached result. */
function num(ws: ExcelJS.Worksheet, addr: string): number {
  const c = ws.getCell(addr);
  const v = c.formula ? c.result : c.value;
  if (typeof v !== "number") throw new Error(`${addr} holds ${JSON.stringify(c.value)}, not a number`);
  return v;
}

/** Half-up to 2 decimals on integers: count/base*100. */
function rate(count: number, base: number): number {
  return Math.floor((2 * count * 10000 + base) / (2 * base)) / 100;
}

describe("sample workbooks", () => {
  it("npm run samples regenerates the committed files byte for byte", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-samples-"));
    try {
      execFileSync(process.execPath, [path.join(ROOT, "scripts", "make-samples.js"), dir], { stdio: "pipe" });
      const made = fs.readdirSync(dir).sort();
      expect(made).toContain("ke-hoach-giam-ngheo-2024.xlsx");
      for (const f of made) {
        expect(
          `${f} ${fs.readFileSync(path.join(dir, f)).equals(fs.readFileSync(path.join(SAMPLES, f)))}`,
        ).toBe(`${f} true`);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60000);

  it("the demo holds each planted defect at the recorded cell", async () => {
    const record = JSON.parse(
      fs.readFileSync(path.join(SAMPLES, "ke-hoach-giam-ngheo-2024.defects.json"), "utf8"),
    );
    const ws = await sheet("ke-hoach-giam-ngheo-2024.xlsx", record.sheet);
    expect(record.defects).toHaveLength(6);
    for (const d of record.defects) expect(ws.getCell(d.cell).value).toEqual(d.actual);
    // The title block, the italic "(Kèm theo ...)" line, the numbering row and the merged total label.
    expect(ws.getCell("A1").font.bold).toBe(true);
    expect(String(ws.getCell("A2").value)).toMatch(/^\(Kèm theo Kế hoạch số/);
    expect(ws.getCell("A2").font.italic).toBe(true);
    expect(ws.getCell("E6").value).toBe("3=2/1*100");
    expect(ws.getCell("A19").value).toBe("Tổng cộng (I+II)");
  });

  it("the clean report is consistent: rates half-up from counts, reductions, total = sum of units", async () => {
    const ws = await sheet("bao-cao-ket-qua-2023-sach.xlsx", "Biểu 01");
    const units = [7, 8, 9, 10, 11, 12, 13];
    for (const r of [...units, 14]) {
      const h = num(ws, `C${r}`);
      expect(num(ws, `E${r}`)).toBe(rate(num(ws, `D${r}`), h));
      expect(num(ws, `G${r}`)).toBe(rate(num(ws, `F${r}`), h));
      expect(num(ws, `H${r}`)).toBe(num(ws, `D${r}`) - num(ws, `F${r}`));
      expect(num(ws, `I${r}`)).toBeCloseTo(num(ws, `E${r}`) - num(ws, `G${r}`), 12);
    }
    for (const col of ["C", "D", "F"]) {
      expect(num(ws, `${col}14`)).toBe(units.reduce((s, r) => s + num(ws, `${col}${r}`), 0));
    }
  });

  it("the Bình Định table keeps the province's published urban rows and its group totals", async () => {
    const ws = await sheet("binh-dinh-dau-ky-2022.xlsx", "Đầu kỳ 2022");
    expect(ws.getCell("B17").value).toBe("Huyện Vĩnh Thạnh");
    expect([3, 4, 5, 6, 7, 8].map((c) => ws.getCell(17, c).value)).toEqual([
      34.16, 701, 27.49, 564, 6.68, 137,
    ]);
    expect([3, 4, 5, 6, 7, 8].map((c) => ws.getCell(7, c).value)).toEqual([
      6.39, 10618, 3.13, 5196, 3.26, 5422,
    ]);
    expect([3, 4, 5, 6, 7, 8].map((c) => ws.getCell(19, c).value)).toEqual([
      14.37, 39088, 7.4, 20125, 6.97, 18963,
    ]);
    for (const [col, group] of [
      ["D", 7],
      ["F", 7],
      ["H", 7],
      ["D", 19],
      ["F", 19],
      ["H", 19],
    ] as const) {
      let sum = 0;
      for (let r = group + 1; r <= group + 11; r++) sum += num(ws, `${col}${r}`);
      expect(`${col}${group} ${sum}`).toBe(`${col}${group} ${num(ws, `${col}${group}`)}`);
    }
  });

  it("the flow table follows 9=1-2-3-4+5+6+7+8 on every row, and only D15 is off", async () => {
    const ws = await sheet("bien-dong-ho-ngheo-2023.xlsx", "Biến động HN");
    expect(ws.getCell("K6").value).toBe("9=1-2-3-4+5+6+7+8");
    for (let r = 7; r <= 15; r++) {
      const v = (c: string) => num(ws, `${c}${r}`);
      const end = v("C") - v("D") - v("E") - v("F") + v("G") + v("H") + v("I") + v("J");
      // The total row's end-of-period agrees with the true escaped total (170), not with the typed 180.
      expect(end + (r === 15 ? 10 : 0)).toBe(v("K"));
    }
  });

  it("the national table is consistent: Toàn quốc = Σ provinces, province = Σ districts (not the Trong đó rows)", async () => {
    const ws = await sheet("toan-quoc-theo-tinh-2024.xlsx", "Toàn quốc");
    const first = 6;
    expect(ws.getCell(`B${first}`).value).toBe("Toàn quốc");
    const provinces: number[] = [];
    let r = first + 1;
    const districts = new Map<number, number[]>();
    for (; ws.getCell(`B${r}`).value; r++) {
      const stt = String(ws.getCell(`A${r}`).value ?? "");
      if (/^[IVXL]+$/.test(stt)) {
        provinces.push(r);
        districts.set(r, []);
      } else if (/^\d+$/.test(stt)) districts.get(provinces[provinces.length - 1])!.push(r);
      else expect(String(ws.getCell(`B${r}`).value)).toMatch(/^Trong đó/);
    }
    expect(provinces).toHaveLength(63);
    expect(ws.getCell(`A${provinces[62]}`).value).toBe("LXIII");
    for (const col of ["C", "D", "F"]) {
      const total = provinces.reduce((a, p) => a + num(ws, `${col}${p}`), 0);
      expect(`${col}${first} ${num(ws, `${col}${first}`)}`).toBe(`${col}${first} ${total}`);
      for (const p of provinces) {
        const s = districts.get(p)!.reduce((a, d) => a + num(ws, `${col}${d}`), 0);
        expect(`${col}${p} ${num(ws, `${col}${p}`)}`).toBe(`${col}${p} ${s}`);
      }
    }
    // Rates are fractions under a percent format, rounded to the two decimals of the percentage shown.
    for (let k = first; k < r; k++) {
      expect(ws.getCell(`E${k}`).numFmt).toBe("0.00%");
      expect(num(ws, `E${k}`)).toBeCloseTo(rate(num(ws, `D${k}`), num(ws, `C${k}`)) / 100, 10);
    }
  });
});
