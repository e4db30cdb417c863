// Errors across the worker boundary: the reader's errors keep their code, so the page words them in its language.
import { XlsxReadError } from "../hosts/xlsx/errors";
import type { WorkError } from "./protocol";

export function toWorkError(e: unknown): WorkError {
  if (e instanceof XlsxReadError)
    return { message: e.message, xlsx: { code: e.code, file: e.file, detail: e.detail } };
  return { message: e instanceof Error ? e.message : String(e) };
}

export function fromWorkError(error: WorkError): Error {
  if (error.xlsx)
    return new XlsxReadError(error.xlsx.code as XlsxReadError["code"], error.xlsx.file, error.xlsx.detail);
  return new Error(error.message);
}
