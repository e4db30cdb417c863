// "Dùng bảng mẫu" inside Excel: the bundled sample (src/taskpane/sampleTable.ts, the data the standalone page's
// package is written from) as a NEW worksheet, never over a user's sheet. One Excel.run, two syncs: the sheet names
// (and the workbook's protection), then everything — values, number formats, font, bold rows, merges, column
// widths — and the new sheet activated with A1 selected, so the pane's next read is the sample.
import { rangeA1, uniqueSheetName, widthToPoints } from "../../engine";
import type { Lang } from "../../i18n/lang";
import {
  SAMPLE_BOLD_ROWS,
  SAMPLE_COLUMNS,
  SAMPLE_FONT,
  SAMPLE_MERGES,
  SAMPLE_RANGE,
  SAMPLE_ROWS,
  SAMPLE_WIDTHS,
  sampleNumberFormat,
  sampleValue,
} from "../sample-table";
import type { OfficeEnv } from "./env";
import { OfficeHostError, codeOf, reasonOf } from "./messages";
import { formulaInput } from "./write";

type Scalar = string | number | boolean;

/**
 * Adds the sample as a new sheet named `title` ("Bảng mẫu", then "Bảng mẫu (2)"...), activates it and returns
 * its name. Failures (the user typing in a cell on an Excel without delayForCellEdit, a protected workbook
 * structure) are an OfficeHostError in the user's language naming the sheet. Nothing goes on the pane's undo:
 * adding a sheet is not a cell fix (the user deletes the sheet to be rid of it).
 */
export async function writeSample(env: OfficeEnv, title: string, lang: Lang): Promise<string> {
  const protection = env.isSetSupported("ExcelApi", "1.7"); // WorkbookProtection
  const layout = env.isSetSupported("ExcelApi", "1.2"); // Range.merge, columnWidth (the manifest asks 1.9)
  let name = title;
  let stage: "names" | "write" = "names";
  try {
    return await env.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const workbook = context.workbook.protection;
      if (protection) workbook.load("protected");
      await context.sync();
      name = uniqueSheetName(
        title,
        sheets.items.map((s) => s.name),
      );
      if (protection && workbook.protected)
        throw new OfficeHostError("workbookProtected", { sheet: name }, lang);

      stage = "write";
      const ws = sheets.add(name);
      const all = ws.getRange(SAMPLE_RANGE);
      all.format.font.name = SAMPLE_FONT.name;
      all.format.font.size = SAMPLE_FONT.size;
      // Formats first, so that what is written is read under them; text that Excel would turn into a number
      // ("13", the planted text count; the numbering row's "1") is written quoted and stays text.
      const formats: string[][] = [];
      const cells: Scalar[][] = [];
      for (let r = 1; r <= SAMPLE_ROWS.length; r++) {
        const f: string[] = [];
        const v: Scalar[] = [];
        for (let c = 1; c <= SAMPLE_COLUMNS; c++) {
          const format = sampleNumberFormat(r, c);
          f.push(format);
          v.push(formulaInput(sampleValue(r, c), undefined, format));
        }
        formats.push(f);
        cells.push(v);
      }
      all.numberFormat = formats;
      all.formulas = cells;
      for (const rows of runs(SAMPLE_BOLD_ROWS))
        ws.getRange(
          rangeA1({ top: rows[0], bottom: rows[1], left: 1, right: SAMPLE_COLUMNS }),
        ).format.font.bold = true;
      if (layout) {
        for (const m of SAMPLE_MERGES) ws.getRange(m).merge(false);
        SAMPLE_WIDTHS.forEach((w, i) => {
          const col = rangeA1({ top: 1, bottom: 1, left: i + 1, right: i + 1 }).replace(/\d+/g, "");
          ws.getRange(`${col}:${col}`).format.columnWidth = widthToPoints(w);
        });
      }
      ws.activate();
      // A new sheet's selection is A1 in Excel; said explicitly so the pane reads the whole table.
      ws.getRange("A1").select();
      await context.sync();
      return name;
    });
  } catch (e) {
    if (e instanceof OfficeHostError) throw e;
    throw sampleError(e, name, stage, lang);
  }
}

function sampleError(e: unknown, sheet: string, stage: "names" | "write", lang: Lang): OfficeHostError {
  const code = codeOf(e);
  if (code === "InvalidOperationInCellEditMode")
    return new OfficeHostError("sampleCellEdit", { sheet }, lang, code);
  // Adding a sheet to a protected workbook structure is refused with AccessDenied.
  if (code === "AccessDenied" && stage === "write")
    return new OfficeHostError("workbookProtected", { sheet }, lang, code);
  const cell = stage === "write" ? SAMPLE_RANGE : "A1";
  return new OfficeHostError("writeFailed", { sheet, cell, reason: reasonOf(e) }, lang, code);
}

/** Consecutive rows → [first, last] runs: one range (one command) per run. */
function runs(rows: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const r of [...rows].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && last[1] === r - 1) last[1] = r;
    else out.push([r, r]);
  }
  return out;
}
