// The locator without a grid: relations, values and weights in, blames out. Its objective is stated in
// src/engine/locate/index.ts: the smallest weighted set of cells whose change satisfies every relation, inputs only
// when a second relation confirms them, ties by evidence then position.
import { cellKey, type Ref, type Relation } from "../../src/engine/relations";
import { type Bound, type CellValues, WEIGHTS, locate, plausibleReadings } from "../../src/engine/locate";

const ref = (row: number, col: number): Ref => ({ row, col });
const H = 3; // households
const P = 4; // poor
const R = 5; // rate

/** Units on rows 2..n+1 and their total on row 1: sums of H and P, a rate per row, poor ≤ households. */
function table(units: [number, number][], overrides: Record<string, number | undefined> = {}) {
  const values = new Map<number, number>();
  const derived = new Set<number>();
  const relations: (Relation | Bound)[] = [];
  const total = units.reduce((a, [h, p]) => [a[0] + h, a[1] + p], [0, 0]);
  const rows: [number, number][] = [total as [number, number], ...units];
  rows.forEach(([h, p], i) => {
    const row = i + 1;
    values.set(cellKey(row, H), h);
    values.set(cellKey(row, P), p);
    values.set(cellKey(row, R), Math.round((p / h) * 10000) / 100);
    derived.add(cellKey(row, R));
    relations.push({
      kind: "rate",
      rule: "rate-mismatch",
      target: ref(row, R),
      numerator: [ref(row, P)],
      base: ref(row, H),
      scale: 100,
    });
    relations.push({ kind: "bound", rule: "count-exceeds-total", target: ref(row, P), whole: ref(row, H) });
  });
  for (const col of [H, P]) {
    derived.add(cellKey(1, col));
    relations.push({
      kind: "sum",
      rule: "sum-mismatch",
      target: ref(1, col),
      terms: units.map((_, i) => ({ ref: ref(i + 2, col), coef: 1 })),
    });
  }
  for (const [a, v] of Object.entries(overrides)) {
    const [row, col] = a.split(",").map(Number);
    if (v === undefined) values.delete(cellKey(row, col));
    else values.set(cellKey(row, col), v);
  }
  const cells: CellValues = {
    value: (k) => values.get(k),
    decimals: (k) => (k % 20000 === R ? 2 : 0),
    isCount: (k) => k % 20000 !== R,
  };
  const weights = (k: number) => (derived.has(k) ? WEIGHTS.derived : WEIGHTS.input);
  return { relations, cells, weights, derived };
}

const UNITS: [number, number][] = [
  [412, 20],
  [288, 15],
  [530, 31],
  [197, 18],
];
const short = (bs: ReturnType<typeof locate>) =>
  bs.map((b) => `${b.kind} ${b.cell.row},${b.cell.col} ${b.old}→${b.value} by ${b.confirmedBy.length}`);

test("consistent values: nothing to blame", () => {
  const t = table(UNITS);
  expect(locate(t.relations, t.cells, t.weights)).toEqual([]);
});

test("a typed count that breaks its total and its rate is blamed with the value both give", () => {
  const t = table(UNITS, { [`3,${P}`]: 51 });
  expect(short(locate(t.relations, t.cells, t.weights))).toEqual([`cell 3,${P} 51→15 by 1`]);
});

test("a count only the total disagrees with is not blamed: the total is, and its rate follows", () => {
  // Unit 2's rate is typed from the wrong count: nothing but the sum points at the unit.
  const t = table(UNITS, { [`3,${P}`]: 51, [`3,${R}`]: 17.71 });
  const out = locate(t.relations, t.cells, t.weights);
  expect(short(out)).toEqual([`cell 1,${P} 84→120 by 0`, `consequence 1,${R} 5.89→8.41 by 0`]);
  expect(out.every((b) => b.cell.row !== 3)).toBe(true);
});

test("a cell the user confirmed is never changed", () => {
  const t = table(UNITS, { [`3,${P}`]: 51 });
  const never = (k: number) => (k === cellKey(3, P) ? WEIGHTS.confirmed : t.weights(k));
  const out = locate(t.relations, t.cells, never);
  expect(out.some((b) => b.cell.row === 3 && b.cell.col === P)).toBe(false);
  // What is left: the unit's rate and the total, recomputed from 51.
  expect(short(out).sort()).toEqual(
    [`cell 1,${P} 84→120 by 0`, `consequence 1,${R} 5.89→8.41 by 0`, `cell 3,${R} 5.21→17.71 by 0`].sort(),
  );
});

test("weights are data: flat weights tie the count with the total, and position decides", () => {
  const t = table(UNITS, { [`3,${P}`]: 51, [`3,${R}`]: 17.71 });
  // Flat weights: {count, its rate} and {total, its rate} both cost 2 and neither has evidence: the higher wins.
  expect(short(locate(t.relations, t.cells, () => 1))).toEqual([
    `cell 1,${P} 84→120 by 0`,
    `consequence 1,${R} 5.89→8.41 by 0`,
  ]);
  // Inputs cheaper than the total: the unit's count and its rate, 0.5 + 0.5 < 1 + 1.
  const cheapInputs = (k: number) => (k === cellKey(1, P) || k === cellKey(1, R) ? 1 : 0.5);
  expect(short(locate(t.relations, t.cells, cheapInputs, { derivedWeight: 1 }))).toEqual([
    `cell 3,${P} 51→15 by 0`,
    `consequence 3,${R} 17.71→5.21 by 0`,
  ]);
});

test("a part larger than its whole, confirmed by its rate: the bound is evidence", () => {
  const t = table(UNITS, { [`2,${P}`]: 2000 });
  const out = locate(t.relations, t.cells, t.weights);
  expect(short(out)).toEqual([`cell 2,${P} 2000→20 by 2`]);
  expect(out[0].explains.map((r) => r.kind).sort()).toEqual(["bound", "rate", "sum"]);
});

test("unreadable numbers constrain through their plausible readings", () => {
  expect(plausibleReadings("0.52,4")).toEqual(expect.arrayContaining([0.52, 0.524]));
  expect(plausibleReadings("abc")).toEqual([]);
  // Households of unit 2 typed 2880; its rate unreadable ("5.2,1"): the readings 5,2 / 5,21 confirm 288.
  const t = table(UNITS, { [`3,${H}`]: 2880, [`3,${R}`]: undefined });
  const readings = (k: number) => (k === cellKey(3, R) ? plausibleReadings("5.2,1") : undefined);
  const withReadings = locate(t.relations, { ...t.cells, readings }, t.weights);
  expect(short(withReadings)).toEqual([`cell 3,${H} 2880→288 by 1`]);
  // Without them nothing but the sum speaks for 288: the total is reported instead.
  const without = locate(t.relations, t.cells, t.weights);
  expect(without.some((b) => b.cell.row === 3)).toBe(false);
});

test("ties between equal sets: the one higher in the sheet", () => {
  // Two units swapped their rates: each rate is wrong, each count is right; the rates are blamed, top first.
  const t = table(UNITS, { [`2,${R}`]: 5.21, [`3,${R}`]: 4.85 });
  expect(short(locate(t.relations, t.cells, t.weights))).toEqual([
    `cell 2,${R} 5.21→4.85 by 0`,
    `cell 3,${R} 4.85→5.21 by 0`,
  ]);
});

test("hundreds of defects under one total: every defective row is located, and the changes satisfy every relation", () => {
  // One total over 2.000 rows cannot say which of 300 rows it disagrees with; each row's own rate still locates
  // its defect on the row (the count or the rate: by the objective, the cheaper derived rate), the total last.
  const units: [number, number][] = Array.from({ length: 2000 }, (_, i) => [300 + (i % 97), 10 + (i % 23)]);
  const typos: Record<string, number> = {};
  for (let i = 0; i < 300; i++) typos[`${2 + i * 6},${P}`] = units[i * 6][1] + 7;
  const t = table(units, typos);
  const out = locate(t.relations, t.cells, t.weights);
  const rows = new Set(out.filter((b) => b.kind === "cell").map((b) => b.cell.row));
  for (let i = 0; i < 300; i++) expect(rows.has(2 + i * 6)).toBe(true);
  // Apply every change: nothing is left broken.
  const changed = new Map(out.map((b) => [cellKey(b.cell.row, b.cell.col), b.value]));
  const after = locate(
    t.relations,
    { ...t.cells, value: (k) => changed.get(k) ?? t.cells.value(k) },
    t.weights,
  );
  expect(after).toEqual([]);
});

test("the same defects in provinces with their own subtotals are located on the counts", () => {
  // 50 provinces of 40 rows, one typo each: every subtotal sees one defect, which its row's rate confirms.
  const values = new Map<number, number>();
  const relations: (Relation | Bound)[] = [];
  const derived = new Set<number>();
  const truth = new Map<number, number>();
  let row = 1;
  for (let p = 0; p < 50; p++) {
    const head = row++;
    const members: number[] = [];
    let hh = 0;
    let poor = 0;
    for (let u = 0; u < 40; u++, row++) {
      const h = 300 + ((p * 40 + u) % 97);
      const n = 10 + ((p * 7 + u) % 23);
      values.set(cellKey(row, H), h);
      values.set(cellKey(row, P), n);
      values.set(cellKey(row, R), Math.round((n / h) * 10000) / 100);
      derived.add(cellKey(row, R));
      relations.push({
        kind: "rate",
        rule: "rate-mismatch",
        target: ref(row, R),
        numerator: [ref(row, P)],
        base: ref(row, H),
        scale: 100,
      });
      members.push(row);
      hh += h;
      poor += n;
    }
    values.set(cellKey(head, H), hh);
    values.set(cellKey(head, P), poor);
    for (const col of [H, P]) {
      derived.add(cellKey(head, col));
      relations.push({
        kind: "sum",
        rule: "sum-mismatch",
        target: ref(head, col),
        terms: members.map((m) => ({ ref: ref(m, col), coef: 1 })),
      });
    }
    const bad = members[(p * 13) % 40];
    truth.set(bad, values.get(cellKey(bad, P))!);
    values.set(cellKey(bad, P), truth.get(bad)! + 5);
  }
  const out = locate(
    relations,
    {
      value: (k) => values.get(k),
      decimals: (k) => (k % 20000 === R ? 2 : 0),
      isCount: (k) => k % 20000 !== R,
    },
    (k) => (derived.has(k) ? WEIGHTS.derived : WEIGHTS.input),
  );
  expect(out).toHaveLength(50);
  for (const b of out) {
    expect(b.cell.col).toBe(P);
    expect(b.value).toBe(truth.get(b.cell.row));
  }
});
