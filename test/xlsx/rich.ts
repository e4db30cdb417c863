// Where the rich workbooks are and what their manifest says (../shared/fixtures/rich/README.md).
import * as fs from "fs";
import * as path from "path";

export const RICH = process.env.PHULUC_RICH ?? path.resolve(__dirname, "../../../shared/fixtures/rich");

export interface RichManifest {
  tableSheet: string;
  derived: Record<string, string[]>;
  arrayFormulaInTotalRow: string;
  pivot: string;
  tableTotalsRow: string;
}

export const MANIFEST = JSON.parse(fs.readFileSync(path.join(RICH, "manifest.json"), "utf8")) as Record<
  string,
  RichManifest
>;
export const FILES = Object.keys(MANIFEST).sort();
