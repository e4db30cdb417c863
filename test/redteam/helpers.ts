// Red-team helpers: run a grid literal through the engine as the hosts do and summarise what came back.
// Expected values in the tests are computed from the tables' own counts (round half-up), never from the engine.
import { analyzeGrid, unreadParts } from "../../src/engine";
import { gridFromRows, type GridLiteralOptions } from "../../src/engine/grid";
import type { Finding } from "../../src/engine/report";

export { rate } from "../engine/fixtures";

export function read(rows: unknown[][], options: GridLiteralOptions = {}, sheet = "Biểu") {
  const grid = gridFromRows(sheet, rows, options);
  const analyses = analyzeGrid(grid);
  const findings = analyses.flatMap((a) => a.findings);
  return {
    grid,
    analyses,
    findings,
    /** Error and warning findings: what a clean table must not have. */
    loud: findings.filter((f) => f.severity !== "info").map(brief),
    errors: findings.filter((f) => f.severity === "error"),
    unread: unreadParts(
      grid,
      analyses.map((a) => a.table),
    ),
    unitRows: analyses.flatMap((a) => a.table.rows.filter((r) => r.kind === "unit").map((r) => r.row)),
    rowsOf: (kind: string) =>
      analyses.flatMap((a) => a.table.rows.filter((r) => r.kind === kind).map((r) => r.row)),
  };
}

export const brief = (f: Finding) => `${f.rule}@${f.cell}${f.expected === null ? "" : `=${f.expected}`}`;

/** The finding on `cell` that is not info, if any. */
export const on = (fs: Finding[], cell: string) => fs.find((f) => f.cell === cell && f.severity !== "info");

export const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

/** Vietnamese text of a count: 1518 → "1.518". */
export const vnInt = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
/** Vietnamese text of a rate: 13.7 → "13,70". */
export const vnRate = (x: number) => x.toFixed(2).replace(".", ",");

export const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

/** Debug: prints what the engine read (set RT_DEBUG=1). */
export function dump(r: ReturnType<typeof read>) {
  if (!process.env.RT_DEBUG) return;
  for (const a of r.analyses)
    console.log(
      JSON.stringify({
        range: a.report.range,
        headerRows: a.table.headerRows,
        cols: a.table.columns.map((c) => `${c.letter}:${c.role}:${c.period}`),
        rows: a.table.rows.map((x) => `${x.row}:${x.kind}:${x.label}`),
        findings: a.findings.map(brief),
        unsure: a.unsure,
      }),
    );
  console.log(JSON.stringify(r.unread));
}
