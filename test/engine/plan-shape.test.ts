// fixPlan no longer runs its output through zod (the command's text path starts without loading it), so the shape
// is checked here instead: on every bundled sample, the plan is exactly what WritePlanSchema accepts, no key more.
import * as fs from "fs";
import * as path from "path";
import { analyzeGrid, fixPlan } from "../../src/engine";
import { WritePlanSchema } from "../../src/engine/report";
import { openPackage } from "../../src/hosts/xlsx/package";
import { readGrids } from "../../src/hosts/xlsx/sheet";

const SAMPLES = path.join(__dirname, "../../samples");
const files = fs.readdirSync(SAMPLES).filter((f) => f.endsWith(".xlsx"));

test("there are samples to check", () => {
  expect(files.length).toBeGreaterThanOrEqual(6);
});

test.each(files)("%s: the fix plan is exactly a WritePlan", (file) => {
  const pkg = openPackage(fs.readFileSync(path.join(SAMPLES, file)), file);
  const analyses = readGrids(pkg).flatMap((g) => analyzeGrid(g));
  const plan = fixPlan(analyses);
  expect(WritePlanSchema.parse(plan)).toEqual(plan);
  expect(JSON.parse(JSON.stringify(WritePlanSchema.parse(plan)))).toEqual(JSON.parse(JSON.stringify(plan)));
});
