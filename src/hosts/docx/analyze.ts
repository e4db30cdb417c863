// A Word document through the engine: every table's grid analysed as a sheet's would be, findings located in the
// words of the document ("Bảng 2, dòng 5, cột 'Tỷ lệ'"), and the sentences checked against themselves and the
// tables. Browser-safe.
import {
  analyzeGrid,
  type AnalyzeOptions,
  type TableAnalysis,
  parseA1,
  type Finding,
  type TableReport,
  checkProse,
  type ProseFinding,
  type DocTable,
} from "../../engine";
import type { DocxDocument } from "./read";

export interface DocxTableAnalysis {
  table: DocTable;
  analyses: TableAnalysis[];
}

export interface DocxAnalysis {
  document: DocxDocument;
  tables: DocxTableAnalysis[];
  prose: ProseFinding[];
}

/**
 * A Word table holds text only: every number is typed, so "number stored as text" says nothing about a .docx
 * (the engine still reads each number with its column's kind: 1.518 households is 1518, 0.90 % is 0,90).
 */
const SAYS_NOTHING_IN_WORD = new Set<Finding["rule"]>(["number-as-text"]);

export function analyzeDocx(document: DocxDocument, options: AnalyzeOptions = {}): DocxAnalysis {
  const tables = document.tables.map((table) => {
    const analyses = analyzeGrid(table.grid, options).map((a) => withoutTextNumbers(a));
    return { table, analyses };
  });
  const prose = checkProse(document, tables);
  return { document, tables, prose };
}

function withoutTextNumbers(a: TableAnalysis): TableAnalysis {
  const keep = (f: Finding) => !SAYS_NOTHING_IN_WORD.has(f.rule);
  const report = a.report;
  const filtered: TableReport = { ...report, findings: report.findings.filter(keep) };
  // `report` and `derived` are getters on the engine's object: keep every other field as it is.
  return Object.create(a, {
    findings: { value: a.findings.filter(keep), enumerable: true },
    report: { value: filtered, enumerable: true },
  }) as TableAnalysis;
}

/** Where a finding is, in the document's words: table number, row of the Word table, the column's header. */
export interface DocLocation {
  table: number;
  row: number;
  column: string;
}

export function locateInDocument(table: DocTable, report: TableReport, cell: string): DocLocation {
  const { row, col } = parseA1(cell);
  const letter = cell.replace(/\d+$/, "");
  const leafOf = (header: string) => header.split(" > ").pop()?.trim() ?? "";
  const column = report.columns.find((c) => c.column === letter);
  const header = column?.header ?? "";
  // The column's own words: the last level of its header path ("Nghèo > tỷ lệ (%)" → "tỷ lệ (%)"), with its
  // first level when another column has the same last level ("Số đầu kỳ > tỷ lệ (%)").
  let name = leafOf(header);
  const levels = header.split(" > ").map((l) => l.trim());
  if (levels.length > 1 && report.columns.some((c) => c.column !== letter && leafOf(c.header) === name))
    name = `${levels[0]} > ${name}`;
  return { table: table.index, row: row - table.grid.top + 1, column: name || String(col) };
}
