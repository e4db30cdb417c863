// Red team 2, class F: an appendix built from a table with a suggested (unproved) finding must not carry a value
// recomputed from the suspected cell (nor the suggestion itself as if proved). The table: households typed 2.947
// in one row where its rate says 2.497 (the engine calls it suggested); the total and the rate are as typed.
import { analyzeGrid } from "../../src/engine";
import { buildAppendix } from "../../src/engine/appendix";
import { appendixLabels } from "../../src/i18n/appendix";
import { gridFromRows } from "../../src/engine/grid";
import { rate, sum, vnInt, vnRate } from "./helpers";

const XA = [
  ["Xã Cẩm Bình", 2497, 131],
  ["Xã Cẩm Thạch", 1862, 97],
  ["Xã Cẩm Duệ", 2215, 118],
  ["Xã Cẩm Quan", 1540, 76],
] as const;
const H = sum(XA.map((u) => u[1]));
const P = sum(XA.map((u) => u[2]));

function grid() {
  return gridFromRows(
    "Biểu 2",
    [
      ["UBND HUYỆN CẨM XUYÊN"],
      ["TỶ LỆ HỘ NGHÈO CÁC XÃ NĂM 2024"],
      ["TT", "Tên xã", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ hộ nghèo (%)"],
      ...XA.map(([n, h, p], i) => [i + 1, n, vnInt(i === 0 ? 2947 : h), vnInt(p), vnRate(rate(p, h))]),
      [null, "Tổng cộng", vnInt(H), vnInt(P), vnRate(rate(P, H))],
    ],
    {},
  );
}

test("F. the appendix carries no rate recomputed from the suspected households, and no total recomputed from them", () => {
  const g = grid();
  const [a] = analyzeGrid(g);
  const f = a.findings.find((x) => x.cell === "C4" && x.severity === "error");
  // the premise: the engine points at C4 without proving it
  expect(f?.certainty).toBe("suggested");
  const layout = buildAppendix(a, { grid: g, labels: appendixLabels() });
  const values = layout.cells.map((c) => c.value);
  const asNum = values.map((v) =>
    typeof v === "number" ? v : Number(String(v).replace(/\./g, "").replace(",", ".")),
  );
  const fromSuspect = rate(131, 2947); // 4,45: the rate recomputed from 2.947
  const totalFromSuspect = H + 450; // 10.564: the total recomputed with 2.947
  const totalRateFromSuspect = rate(P, totalFromSuspect);
  expect(asNum).not.toContain(fromSuspect);
  expect(asNum).not.toContain(totalFromSuspect);
  expect(asNum).not.toContain(totalRateFromSuspect);
  // the row's rate as the source shows it (5,25) is carried
  expect(asNum).toContain(rate(131, 2497));
});
