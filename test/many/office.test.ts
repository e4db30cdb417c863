// "Ghi vào sổ tính này" in Excel: the consolidated table and its Nguồn sheet through the Office host's appendix
// writer (the fake Excel enforces Excel's limits), formulas and values where the layout puts them.
import { createOfficeHost } from "../../src/hosts/office";
import { consolidate, consolidationLayouts } from "../../src/engine";
import { consolidationLabels } from "../../src/i18n/many";
import { makeWorkbook } from "../office/sheet";
import { gen, sourceOf } from "./helpers";

test("Tổng hợp and Nguồn are written as two new sheets of the open workbook", async () => {
  const communes = gen.district();
  const result = consolidate(communes.map((c) => sourceOf(c.file, c.bytes)));
  const [main, sources] = consolidationLayouts(result, consolidationLabels(result));
  const wb = makeWorkbook();
  const host = createOfficeHost({ env: wb.env() });
  const a = await host.writeAppendix(main);
  const b = await host.writeAppendix(sources);
  expect([a, b]).toEqual(["Tổng hợp", "Nguồn"]);
  const included = communes.filter((c) => !c.defect || c.defect === "tcvn3");
  const last = 6 + included.length;
  const s = wb.sheet(a);
  expect(s.cells.get(`C${last + 1}`)).toMatchObject({
    formula: `=SUM(C7:C${last})`,
    numberFormat: "#,##0",
  });
  expect(s.cells.get("E7")).toMatchObject({ formula: "=ROUND(D7/C7*100,2)", numberFormat: "0.00" });
  expect(s.cells.get("B7")?.value).toBe(included[0].unit);
  // Nguồn: one row per source, the left-out ones last.
  expect(wb.sheet(b).cells.get(`B${5 + communes.length - 1}`)?.value).toBe("Xã Cam Chính");
  expect(wb.sheet(b).cells.get(`M${5 + communes.length - 1}`)?.value).toBe("Không");
});
