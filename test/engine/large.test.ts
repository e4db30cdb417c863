// 200,000 rows with a finding on each: no step may spread a large array into a call's arguments
// (arr.push(...big) overflows the call stack long before memory runs out).
import { analyzeGrid } from "../../src/engine";
import type { Cell, Grid } from "../../src/engine/grid";

const ROWS = 200_000;

function bigGrid(): Grid {
  const cells: (Cell | undefined)[][] = [
    [{ value: "STT" }, { value: "Tên thôn" }, { value: "Tổng số hộ" }, { value: "Số hộ nghèo" }],
  ];
  for (let i = 1; i <= ROWS; i++) {
    // Every poor count typed as text: one number-as-text finding per row.
    cells.push([{ value: i }, { value: `Thôn ${i}` }, { value: 100 + (i % 50) }, { value: String(i % 7) }]);
  }
  return { sheet: "Lớn", top: 1, left: 1, cells, merges: [] };
}

it("a 200,000-row table with a finding on every row is analysed (no call-stack overflow)", () => {
  const [analysis] = analyzeGrid(bigGrid());
  expect(analysis.table.rows).toHaveLength(ROWS);
  const findings = analysis.findings;
  expect(findings).toHaveLength(ROWS);
  expect(findings.every((f) => f.rule === "number-as-text")).toBe(true);
  expect(findings[ROWS - 1].cell).toBe(`D${ROWS + 1}`);
}, 60_000);
