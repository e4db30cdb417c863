// Layouts typed by other offices (red team, issue 18): abbreviated headers (TS hộ, HN, HCN, hộ CN), a second
// header row with the rate before the count, units split into numbered sub-rows ("3.1", "3.2" under "3"), and a
// rate with no base to be checked over. Examples for each wording, and properties over generated tables: a clean
// table is silent, one planted defect is found on its cell (or its aggregate), never silence.
import fc from "fast-check";
import { analyzeGrid } from "../../src/engine";
import { gridFromRows } from "../../src/engine/grid";
import type { Finding } from "../../src/engine/report";
import { roleOf } from "../../src/engine/vocabulary";
import { describeFinding } from "../../src/i18n/findings";
import { rate } from "./fixtures";

const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== "info");
const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

describe("header abbreviations", () => {
  test.each([
    "Tổng số hộ",
    "TS hộ",
    "TS HỘ",
    "Ts hộ",
    "Tổng hộ",
    "Số hộ dân",
    "Hộ dân cư",
    "Tổng số hộ dân cư",
  ])("%s reads as households", (h) => expect(roleOf([h])).toBe("households"));
  test.each([
    [["HN"], "poorHouseholds"],
    [["Số HN"], "poorHouseholds"],
    [["HCN"], "nearPoorHouseholds"],
    [["Số hộ CN"], "nearPoorHouseholds"],
    [["Tỷ lệ HN (%)"], "poorRate"],
    [["TL HN (%)"], "poorRate"],
    [["Tỷ lệ HCN (%)"], "nearPoorRate"],
    [["Tỷ lệ hộ CN"], "nearPoorRate"],
    [["TS hộ nghèo"], "poorHouseholds"],
    [["HCN", "Số hộ"], "nearPoorHouseholds"],
    [["HCN", "Tỷ lệ (%)"], "nearPoorRate"],
    [["HN", "Tỷ lệ (%)"], "poorRate"],
    [["Tỷ lệ HN và HCN (%)"], "multidimRate"],
  ] as const)("%j reads as %s", (path, role) => expect(roleOf([...path])).toBe(role));
  test.each(["HNX", "THN", "Ghi chú CN", "Mã HNC"])("%s is no abbreviation of poor or near-poor", (h) => {
    expect(["poorHouseholds", "nearPoorHouseholds", "poorRate", "nearPoorRate"]).not.toContain(roleOf([h]));
  });
});

// ---- generated tables ----
const unitArb = fc
  .record({
    households: fc.integer({ min: 80, max: 4000 }),
    poorShare: fc.double({ min: 0.01, max: 0.3, noNaN: true }),
    nearShare: fc.double({ min: 0.01, max: 0.25, noNaN: true }),
  })
  .map(({ households, poorShare, nearShare }) => {
    const poor = Math.max(3, Math.round(households * poorShare));
    const nearPoor = Math.max(3, Math.round((households - poor) * nearShare));
    return { households, poor, nearPoor };
  });
type U = { households: number; poor: number; nearPoor: number };

const HOUSEHOLDS = ["Tổng số hộ", "TS hộ", "Tổng hộ", "Số hộ dân", "Hộ dân cư"];
const POOR = ["Hộ nghèo", "HN", "Số hộ nghèo"];
const NEAR = ["Hộ cận nghèo", "HCN", "Hộ CN"];

/** One header row: households, then poor count and rate, near-poor count and rate, in the wordings given. */
function flatTable(us: U[], words: { h: string; p: string; n: string }) {
  const tot = {
    h: sum(us.map((u) => u.households)),
    p: sum(us.map((u) => u.poor)),
    n: sum(us.map((u) => u.nearPoor)),
  };
  return [
    ["STT", "Thôn", words.h, words.p, `Tỷ lệ ${words.p} (%)`, words.n, `Tỷ lệ ${words.n} (%)`],
    ...us.map((u, i) => [
      i + 1,
      `Thôn ${i + 1}`,
      u.households,
      u.poor,
      rate(u.poor, u.households),
      u.nearPoor,
      rate(u.nearPoor, u.households),
    ]),
    [null, "Tổng cộng", tot.h, tot.p, rate(tot.p, tot.h), tot.n, rate(tot.n, tot.h)],
  ];
}

describe("tables with abbreviated headers", () => {
  const arb = fc.record({
    units: fc.array(unitArb, { minLength: 3, maxLength: 8 }),
    h: fc.constantFrom(...HOUSEHOLDS),
    p: fc.constantFrom(...POOR),
    n: fc.constantFrom(...NEAR),
    pick: fc.nat(),
    near: fc.boolean(),
  });
  test("clean: silent, roles read; a swapped rate is found on its cell with the value from the counts", () => {
    fc.assert(
      fc.property(arb, ({ units, h, p, n, pick, near }) => {
        const rows = flatTable(units, { h, p, n });
        const [a] = analyzeGrid(gridFromRows("S", rows));
        expect(a.table.columns.map((c) => c.role).slice(2)).toEqual([
          "households",
          "poorHouseholds",
          "poorRate",
          "nearPoorHouseholds",
          "nearPoorRate",
        ]);
        expect(loud(a.findings)).toEqual([]);
        // Defect: one unit's rate replaced by a value it cannot round to.
        const i = pick % units.length;
        const col = near ? 6 : 4;
        const right = rows[1 + i][col] as number;
        const bad = Number((right + 1.11).toFixed(2));
        const broken = rows.map((r) => [...r]);
        broken[1 + i][col] = bad;
        const [b] = analyzeGrid(gridFromRows("S", broken));
        const cell = `${near ? "G" : "E"}${2 + i}`;
        const f = b.findings.find((x) => x.cell === cell && x.severity === "error");
        expect(f?.expected).toBe(right);
      }),
      { numRuns: 60 },
    );
  });

  test("rate-only with HN / HCN: clean silent; a copied poor count is blamed with the count the total implies", () => {
    fc.assert(
      fc.property(fc.array(unitArb, { minLength: 4, maxLength: 7 }), fc.nat(), (units, pick) => {
        const tot = {
          h: sum(units.map((u) => u.households)),
          p: sum(units.map((u) => u.poor)),
          n: sum(units.map((u) => u.nearPoor)),
        };
        const rows: unknown[][] = [
          ["TT", "Phường, xã", "HN", "Tỷ lệ HN (%)", "HCN", "Tỷ lệ HCN (%)"],
          ...units.map((u, i) => [
            i + 1,
            `Xã ${i + 1}`,
            u.poor,
            rate(u.poor, u.households),
            u.nearPoor,
            rate(u.nearPoor, u.households),
          ]),
          [null, "Toàn thành phố", tot.p, rate(tot.p, tot.h), tot.n, rate(tot.n, tot.h)],
        ];
        const [a] = analyzeGrid(gridFromRows("S", rows));
        expect(loud(a.findings)).toEqual([]);
        // Defect: a unit's poor count copied from the row above, its rate its own.
        const i = 1 + (pick % (units.length - 1));
        const above = units[i - 1].poor;
        const own = units[i];
        fc.pre(Math.abs(above - own.poor) >= 3);
        // The copy must be told by the rates: the near-poor pair's households must exclude the copied count.
        const implied = (above * 100) / rate(own.poor, own.households);
        fc.pre(Math.abs(implied - own.households) > own.households * 0.05);
        const broken = rows.map((r) => [...r]);
        broken[1 + i][2] = above;
        const [b] = analyzeGrid(gridFromRows("S", broken));
        const errors = b.findings.filter((f) => f.severity === "error");
        const cell = `C${2 + i}`;
        // Found: on the copied cell with the count the total implies, or on the total that no longer adds up.
        const onCell = errors.find((f) => f.cell === cell);
        const onTotal = errors.find((f) => f.cell === `C${units.length + 2}`);
        expect(onCell !== undefined || onTotal !== undefined).toBe(true);
        if (onCell) expect(onCell.expected).toBe(own.poor);
      }),
      { numRuns: 60 },
    );
  });
});

describe("two header rows, the rate before or after the count under merged groups", () => {
  const arb = fc.record({
    units: fc.array(unitArb, { minLength: 3, maxLength: 6 }),
    rateFirst: fc.tuple(fc.boolean(), fc.boolean()),
    totalFirst: fc.boolean(),
    stt: fc.boolean(),
    pick: fc.nat(),
  });
  test("the second row is header, never a unit; clean silent; a wrong rate found", () => {
    fc.assert(
      fc.property(arb, ({ units, rateFirst, totalFirst, stt, pick }) => {
        const pair = (first: boolean, count: unknown, r: unknown) => (first ? [r, count] : [count, r]);
        const line = (label: string, u: U, n: unknown) => [
          ...(stt ? [n] : []),
          label,
          u.households,
          ...pair(rateFirst[0], u.poor, rate(u.poor, u.households)),
          ...pair(rateFirst[1], u.nearPoor, rate(u.nearPoor, u.households)),
        ];
        const tot = {
          households: sum(units.map((u) => u.households)),
          poor: sum(units.map((u) => u.poor)),
          nearPoor: sum(units.map((u) => u.nearPoor)),
        };
        const body = units.map((u, i) => line(`Tổ dân phố ${i + 1}`, u, i + 1));
        const total = line("Toàn phường", tot, null);
        const off = stt ? 1 : 0;
        const rows: unknown[][] = [
          ["BÁO CÁO KẾT QUẢ GIẢM NGHÈO NĂM 2024"],
          [],
          [...(stt ? ["STT"] : []), "Đơn vị", "Tổng số hộ", "Hộ nghèo", null, "Hộ cận nghèo", null],
          [
            ...(stt ? [null] : []),
            null,
            null,
            ...pair(rateFirst[0], "Số hộ", "Tỷ lệ (%)"),
            ...pair(rateFirst[1], "Số hộ", "Tỷ lệ (%)"),
          ],
          ...(totalFirst ? [total, ...body] : [...body, total]),
        ];
        const L = (k: number) => String.fromCharCode(65 + k + off);
        const merges = [
          ...(stt ? ["A3:A4"] : []),
          `${L(0)}3:${L(0)}4`,
          `${L(1)}3:${L(1)}4`,
          `${L(2)}3:${L(3)}3`,
          `${L(4)}3:${L(5)}3`,
        ];
        const [a] = analyzeGrid(gridFromRows("S", rows, { merges }));
        expect(a.table.headerRows).toEqual([3, 4]);
        expect(a.table.rows.filter((r) => r.kind === "unit")).toHaveLength(units.length);
        expect(a.table.rows.filter((r) => r.kind === "total").map((r) => r.row)).toEqual([
          totalFirst ? 5 : 5 + units.length,
        ]);
        expect(loud(a.findings)).toEqual([]);
        const i = pick % units.length;
        const rowIndex = 4 + (totalFirst ? 1 : 0) + i;
        const col = off + (rateFirst[0] ? 2 : 3);
        const right = rows[rowIndex][col] as number;
        const broken = rows.map((r) => [...r]);
        broken[rowIndex][col] = Number((right + 2.22).toFixed(2));
        const [b] = analyzeGrid(gridFromRows("S", broken, { merges }));
        const f = b.findings.find(
          (x) => x.cell === `${L(col - off)}${rowIndex + 1}` && x.severity === "error",
        );
        expect(f?.expected).toBe(right);
      }),
      { numRuns: 60 },
    );
  });
});

describe("units split into numbered sub-rows (3.1, 3.2 under 3)", () => {
  const arb = fc.record({
    units: fc.array(unitArb, { minLength: 3, maxLength: 6 }),
    split: fc.nat(),
    parts: fc.array(fc.double({ min: 0.15, max: 1, noNaN: true }), { minLength: 2, maxLength: 4 }),
    dot: fc.boolean(),
  });
  /** Unit `split` divided into hamlets in the proportions `parts` (households and poor split exactly). */
  function hamletRows(units: U[], split: number, parts: number[], dot: boolean) {
    const s = split % units.length;
    const whole = units[s];
    const weights = parts.map((p) => p / sum(parts));
    const cut = (n: number) => {
      const xs = weights.map((w) => Math.floor(n * w));
      xs[xs.length - 1] += n - sum(xs);
      return xs;
    };
    const hh = cut(whole.households);
    const pp = cut(whole.poor);
    const hamlets = hh.map((h, k) => ({ households: h, poor: pp[k] }));
    const tot = { h: sum(units.map((u) => u.households)), p: sum(units.map((u) => u.poor)) };
    const rows: unknown[][] = [["STT", "Thôn, xóm", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ (%)"]];
    units.forEach((u, i) => {
      rows.push([
        dot ? `${i + 1}.` : String(i + 1),
        `Thôn ${i + 1}`,
        u.households,
        u.poor,
        rate(u.poor, u.households),
      ]);
      if (i === s)
        hamlets.forEach((x, k) =>
          rows.push([
            `${i + 1}.${k + 1}`,
            `Xóm ${k + 1}`,
            x.households,
            x.poor,
            x.households ? rate(x.poor, x.households) : 0,
          ]),
        );
    });
    rows.push([null, "Toàn xã", tot.h, tot.p, rate(tot.p, tot.h)]);
    return { rows, s, hamlets };
  }
  test("clean: the sub-rows are parts of their unit, not units of the total; silent", () => {
    fc.assert(
      fc.property(arb, ({ units, split, parts, dot }) => {
        const { rows, s, hamlets } = hamletRows(units, split, parts, dot);
        fc.pre(hamlets.every((x) => x.households > 0 && x.poor <= x.households));
        const [a] = analyzeGrid(gridFromRows("S", rows));
        const parent = a.table.rows.find((r) => r.label === `Thôn ${s + 1}`)!;
        const subs = a.table.rows.filter((r) => r.label.startsWith("Xóm"));
        expect(subs.map((r) => [r.kind, r.partOf])).toEqual(hamlets.map(() => ["part", parent.row]));
        expect(parent.covers).toEqual(subs.map((r) => r.row));
        expect(a.table.rows.filter((r) => r.kind === "unit")).toHaveLength(units.length);
        expect(loud(a.findings)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
  test("defective: a hamlet's poor count changed (its rate with it): the sub-rows no longer add up, found", () => {
    fc.assert(
      fc.property(arb, fc.integer({ min: 1, max: 9 }), ({ units, split, parts, dot }, delta) => {
        const { rows, s, hamlets } = hamletRows(units, split, parts, dot);
        fc.pre(hamlets.every((x) => x.households > 0 && x.poor + delta <= x.households));
        const broken = rows.map((x) => [...x]);
        const idx = s + 2; // 0-based: the header, units 0..s, then the first hamlet
        const h = broken[idx][2] as number;
        const p = (broken[idx][3] as number) + delta;
        broken[idx][3] = p;
        broken[idx][4] = rate(p, h);
        const [b] = analyzeGrid(gridFromRows("S", broken));
        const unitRow = s + 2; // sheet row of the split unit
        const found = loud(b.findings).some(
          (f) => /^D\d+$/.test(f.cell) && [unitRow, idx + 1].includes(Number(f.cell.slice(1))),
        );
        expect(found).toBe(true);
        // Never a false total: the units still add up to it.
        expect(b.findings.some((f) => f.cell === `D${rows.length}` && f.severity === "error")).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});

describe("a rate with no base", () => {
  test.each(["Quy mô", "Số lượng", "Cộng đồng dân cư"])(
    "households under '%s' (not recognised): the rate column is said unchecked, never silent",
    (header) => {
      const us = [
        [412, 31],
        [288, 12],
        [530, 40],
        [197, 9],
      ];
      const rows: unknown[][] = [
        ["STT", "Thôn", header, "Số hộ nghèo", "Tỷ lệ (%)"],
        ...us.map(([h, p], i) => [i + 1, `Thôn ${i + 1}`, h, p, rate(p, h)]),
      ];
      const [a] = analyzeGrid(gridFromRows("S", rows));
      expect(a.table.columns.some((c) => c.role === "households")).toBe(false);
      const f = a.findings.find((x) => x.rule === "column-unchecked");
      expect(f?.cell).toBe("E1");
      expect(f?.severity).toBe("warning");
      expect(describeFinding(f!, "vi")).toMatch(/không tìm thấy cột tổng số hộ/);
      expect(describeFinding(f!, "en")).toMatch(/no households column/);
    },
  );
});
