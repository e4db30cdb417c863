// ExcelJS's reading of a workbook as a Grid: the independent second reader our own reader is compared against
// (reader.test.ts). Test code only; the product reads with src/hosts/xlsx (exceljs is a devDependency).
import ExcelJS from "exceljs";
import type { Cell, CellRange, CellValue, Grid } from "../../src/engine/grid";

export async function exceljsGrids(bytes: Uint8Array): Promise<Grid[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook.worksheets.map(worksheetToGrid);
}

// ExcelJS's ValueType.Merge.
const MERGE = 1;

function worksheetToGrid(worksheet: ExcelJS.Worksheet): Grid {
  const cells: (Cell | undefined)[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const out: (Cell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if ((cell.type as number) === MERGE) return; // a merged area shows its top-left cell only
      const converted = convertCell(cell);
      if (converted) out[colNumber - 1] = converted;
    });
    if (out.length > 0) cells[rowNumber - 1] = out;
  });
  for (let i = 0; i < cells.length; i++) if (!cells[i]) cells[i] = [];
  const index = (worksheet as unknown as { _merges?: Record<string, { model: CellRange }> })._merges ?? {};
  const merges = Object.values(index)
    .filter(Boolean)
    .map((m) => ({ top: m.model.top, left: m.model.left, bottom: m.model.bottom, right: m.model.right }));
  return { sheet: worksheet.name, top: 1, left: 1, cells, merges };
}

function convertCell(cell: ExcelJS.Cell): Cell | undefined {
  const raw = cell.value as unknown;
  const out: Cell = { value: null };
  if (raw !== null && typeof raw === "object" && ("formula" in raw || "sharedFormula" in raw)) {
    const formula = cell.formula; // shared-formula children come back translated to their own address
    if (formula) out.formula = `=${formula}`;
    out.value = plainValue((raw as { result?: unknown }).result, out);
  } else {
    out.value = plainValue(raw, out);
  }
  if ((out.value === null || out.value === "") && !out.formula) return undefined;
  const numFmt = cell.numFmt;
  if (numFmt && numFmt !== "General") out.numberFormat = numFmt;
  if (cell.font?.bold) out.bold = true;
  return out;
}

function plainValue(v: unknown, cell: Cell): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return v;
  if (v instanceof Date) {
    const pad = (n: number) => String(n).padStart(2, "0");
    const text = `${pad(v.getUTCDate())}/${pad(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`;
    cell.text = text;
    return text;
  }
  const o = v as Record<string, unknown>;
  if (typeof o.error === "string") return { error: o.error };
  if (Array.isArray(o.richText)) return o.richText.map((r: { text?: string }) => r.text ?? "").join("");
  if (typeof o.text === "string") return o.text;
  return String(v);
}
