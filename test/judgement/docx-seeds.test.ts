// The seed documents as Word plans (issue 21's "done when"): every table defect ../shared/domain.md lists is
// found through the .docx path too, on the right cell with the right value. In a Word table "1.518" is text read as
// 1518, so Cẩm Long's "stored as the number 1.518" exists only in the workbook. Expected values are the domain's.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { SEED_FILES, seedDocx } from "../docx/seeds";
import { runCli } from "../cli/helpers";
import { CAM_LONG_PROJECTED, CAM_LONG_PROJECTED_RATES, DI_SU_2021_RIGHT } from "./seeds";

interface JsonFinding {
  rule: string;
  severity: string;
  cell: string;
  expected: number | null;
}
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "phuluc-docx-seeds-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function defects(seed: keyof typeof SEED_FILES): Promise<string[][]> {
  const file = path.join(dir, `${seed}.docx`);
  fs.writeFileSync(file, seedDocx(SEED_FILES[seed]));
  const r = await runCli(["check", file, "--format", "json"]);
  const json = JSON.parse(r.stdout) as { tables: { findings: JsonFinding[] }[] };
  return json.tables.map((t) =>
    t.findings
      .filter((f) => f.severity !== "info" && f.rule !== "copied-column")
      .map((f) => `${f.cell} ${f.rule} ${f.expected}`)
      .sort(),
  );
}

test("Mỹ Hào and Dị Sử (seed 000): the stale subtotal, the malformed rate, the truncations, the copied 2021 rates", async () => {
  const [myHao, diSu] = await defects("myHao");
  // Word rows: the header takes rows 1-3, group I is row 4, its wards 5-11, group II 12, its communes 13-18.
  expect(myHao).toEqual(
    [
      "C4 sum-mismatch 21598",
      "D4 sum-mismatch 170",
      "E6 malformed-number null",
      "E7 rate-rounding 0.91",
      "E10 rate-rounding 0.86",
      "E14 rate-rounding 1.48",
      "E17 rate-rounding 1.44",
      "E18 rate-rounding 1.36",
    ].sort(),
  );
  const wrong = [5, 6, 9, 10, 11, 12]; // Nhân Vinh, Trai, Rừng, Sài, Bưởi, Tháp (units from row 4)
  expect(diSu).toEqual(
    [
      "C13 sum-mismatch 3975",
      "E4 rate-rounding 0.76",
      ...wrong.map((r) => `H${r} rate-mismatch ${DI_SU_2021_RIGHT[r - 4]}`),
    ].sort(),
  );
});

test("Cẩm Long (seed 003): the projected block copied from the start, flagged with the values that follow", async () => {
  const [camLong] = await defects("camLong");
  expect(camLong).toEqual(
    [
      "E5 rate-rounding 7.53",
      ...CAM_LONG_PROJECTED.map((v, i) => `G${4 + i} projection-mismatch ${v}`),
      ...CAM_LONG_PROJECTED_RATES.map((v, i) => `H${4 + i} rate-mismatch ${v}`),
      "G10 sum-mismatch 163",
      "H10 rate-mismatch 10.74",
    ].sort(),
  );
});
