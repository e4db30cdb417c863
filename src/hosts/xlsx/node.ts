// Node-only file helpers around the browser-safe core (read.ts, write.ts).
import { promises as fs } from "fs";
import * as path from "path";
import type ExcelJS from "exceljs";
import { loadWorkbook } from "./read";
import { XlsxReadError } from "./errors";

/** Reads an .xlsx file; any failure becomes an XlsxReadError with a message for the user. */
export async function readWorkbookFile(file: string): Promise<ExcelJS.Workbook> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new XlsxReadError("not-a-file", file);
    bytes = await fs.readFile(file);
  } catch (err) {
    if (err instanceof XlsxReadError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new XlsxReadError("not-found", file);
    if (code === "EACCES" || code === "EPERM") throw new XlsxReadError("no-access", file);
    if (code === "EISDIR") throw new XlsxReadError("not-a-file", file);
    throw new XlsxReadError("corrupt", file, (err as Error).message);
  }
  return loadWorkbook(bytes, file);
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
