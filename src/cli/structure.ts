// The user's word on a table's reading, on the command line: --roles "C=households,J=otherIncrease",
// --rows "15=group,16=part", --confirm "C10,D12" (values the user says are right: never blamed nor corrected),
// --trust-structure. A table whose reading the data did not confirm (structure-unsure)
// is not written by fix, plan or appendix until the user confirms it; each refusal is one line.
import { UserError } from "./io";
import {
  type TableAnalysis,
  type AnalyzeOptions,
  type Overrides,
  COLUMN_ROLES,
  ROW_KINDS,
  type ColumnRole,
  type Finding,
  type RowKind,
  rangeA1,
} from "../engine";
import type { Lang } from "../i18n/lang";

export const STRUCTURE_OPTIONS = {
  roles: { type: "string" },
  rows: { type: "string" },
  confirm: { type: "string" },
  "trust-structure": { type: "boolean" },
} as const;

type StructureFlags = { roles?: string; rows?: string; confirm?: string; "trust-structure"?: boolean };

function pairs(text: string): [string, string][] {
  return text
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => {
      const eq = p.indexOf("=");
      return eq < 0 ? [p, ""] : [p.slice(0, eq).trim(), p.slice(eq + 1).trim()];
    });
}

/** Engine options from the structure flags; a clear one-line message for any value it cannot use. */
export function structureOptions(command: string, flags: StructureFlags, lang: Lang): AnalyzeOptions {
  const en = lang === "en";
  const overrides: Overrides = {};
  if (flags.roles !== undefined) {
    overrides.columns = {};
    for (const [column, role] of pairs(flags.roles)) {
      if (!/^[A-Za-z]{1,3}$/.test(column) || !(COLUMN_ROLES as readonly string[]).includes(role)) {
        throw new UserError(
          en
            ? `phuluc ${command}: --roles expects "C=households,J=otherIncrease"; "${column}=${role}" is not a column and a role (roles: ${COLUMN_ROLES.join(", ")})`
            : `phuluc ${command}: --roles cần dạng "C=households,J=otherIncrease"; "${column}=${role}" không phải cột và vai trò hợp lệ (vai trò: ${COLUMN_ROLES.join(", ")})`,
        );
      }
      overrides.columns[column.toUpperCase()] = { role: role as ColumnRole };
    }
  }
  if (flags.rows !== undefined) {
    overrides.rows = {};
    for (const [row, kind] of pairs(flags.rows)) {
      if (!/^\d+$/.test(row) || Number(row) < 1 || !(ROW_KINDS as readonly string[]).includes(kind)) {
        throw new UserError(
          en
            ? `phuluc ${command}: --rows expects "15=group,16=part"; "${row}=${kind}" is not a row number and a kind (kinds: ${ROW_KINDS.join(", ")})`
            : `phuluc ${command}: --rows cần dạng "15=group,16=part"; "${row}=${kind}" không phải số dòng và loại dòng hợp lệ (loại: ${ROW_KINDS.join(", ")})`,
        );
      }
      overrides.rows[Number(row)] = kind as RowKind;
    }
  }
  if (flags.confirm !== undefined) {
    overrides.confirmedCells = [];
    for (const [cell, rest] of pairs(flags.confirm)) {
      if (
        !/^\$?[A-Za-z]{1,3}\$?\d+$/.test(cell) ||
        rest !== "" ||
        /^[A-Za-z]+0+$/.test(cell.replace(/\$/g, ""))
      ) {
        throw new UserError(
          en
            ? `phuluc ${command}: --confirm expects cells like "C10,D12"; "${cell}" is not a cell address`
            : `phuluc ${command}: --confirm cần dạng ô "C10,D12"; "${cell}" không phải địa chỉ ô`,
        );
      }
      overrides.confirmedCells.push(cell.replace(/\$/g, "").toUpperCase());
    }
  }
  const options: AnalyzeOptions = {};
  if (overrides.columns || overrides.rows || overrides.confirmedCells) options.overrides = overrides;
  if (flags["trust-structure"]) options.trustStructure = true;
  return options;
}

/**
 * The exact option that confirms a table's reading as it is: `--roles E=poorRate` for the columns in doubt (the
 * role the table was read with), or undefined when the doubt is about rows (a total that is not a sum).
 */
export function confirmRoles(analysis: TableAnalysis): string | undefined {
  return confirmRolesOf(
    analysis.findings,
    analysis.table.columns.map((c) => ({ column: c.letter, role: c.role })),
  );
}

/** confirmRoles over a report's findings and columns (what `check` prints). */
export function confirmRolesOf(
  findings: readonly Finding[],
  columns: readonly { column: string; role: string }[],
): string | undefined {
  const pairs: string[] = [];
  for (const f of findings) {
    if (f.rule !== "structure-unsure") continue;
    const column = String(f.params?.column ?? "");
    if (!/^[A-Z]{1,3}$/.test(column) || f.params?.reading === "sum") return undefined;
    const role = columns.find((c) => c.column === column)?.role;
    if (!role) return undefined;
    if (!pairs.includes(`${column}=${role}`)) pairs.push(`${column}=${role}`);
  }
  return pairs.length > 0 ? `--roles ${pairs.join(",")}` : undefined;
}

/** One line: which table was left untouched, which header cells, and exactly what to type to go on. */
export function refusalLine(
  sheet: string,
  range: string,
  cells: string[],
  lang: Lang,
  roles?: string,
): string {
  const where = cells.join(", ");
  return lang === "en"
    ? `Table ${range} on sheet "${sheet}" was not changed: its reading is not confirmed (${where}). If it reads right, add ${roles ? `${roles} (or --trust-structure)` : "--trust-structure"}; if not, give the right role with --roles (or a row's kind with --rows).`
    : `Bảng ${range} ở trang tính "${sheet}" không được sửa: cách đọc bảng chưa được xác nhận (${where}). Nếu bảng đọc đúng như vậy, thêm ${roles ? `${roles} (hoặc --trust-structure)` : "--trust-structure"}; nếu sai, ghi vai trò đúng bằng --roles (hoặc loại dòng bằng --rows).`;
}

/** Plan and appendix build on one table: an unsure one stops the command with one line. */
export function refuseIfUnsure(command: string, analysis: TableAnalysis, lang: Lang): void {
  if (!analysis.unsure) return;
  const cells = analysis.findings.filter((f) => f.rule === "structure-unsure").map((f) => f.cell);
  throw new UserError(
    `phuluc ${command}: ${refusalLine(analysis.table.sheet, rangeA1(analysis.table.range), cells, lang, confirmRoles(analysis))}`,
  );
}
