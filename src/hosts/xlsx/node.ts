// Node-only file helpers around the browser-safe core (read.ts, write.ts).
import { promises as fs } from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import { loadWorkbook } from "./read";
import { XlsxReadError } from "./errors";
import { readFileBytes } from "./file";

/** Reads an .xlsx file; any failure becomes an XlsxReadError with a message for the user. */
export async function readWorkbookFile(file: string): Promise<ExcelJS.Workbook> {
  return loadWorkbook(await readFileBytes(file), file);
}

/** Writes the workbook through a temporary file in the same folder, so a failed write never leaves half a file. */
export async function writeWorkbookFile(workbook: ExcelJS.Workbook, file: string): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await fs.mkdir(dir, { recursive: true });
    const buffer = await workbook.xlsx.writeBuffer();
    await fs.writeFile(tmp, Buffer.from(buffer as ArrayBuffer));
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    const e = err as NodeJS.ErrnoException;
    throw new XlsxReadError("write-failed", file, e.code ?? e.message);
  }
}
