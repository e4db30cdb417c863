import fc from "fast-check";
import {
  allocate,
  makePlan,
  parseTarget,
  PlanError,
  pointsToHouseholds,
  rateHalfUp,
  type PlanUnit,
} from "../../src/engine/plan";
import { describePlanError, describePlanNotes } from "../../src/i18n/plan";

const villages: PlanUnit[] = [
  { row: 8, label: "Thôn Phú Hòa", households: 412, poor: 40 },
  { row: 9, label: "Thôn An Lạc", households: 288, poor: 31 },
  { row: 10, label: "Thôn Đông Bình", households: 530, poor: 52 },
  { row: 11, label: "Thôn Tân Thành", households: 197, poor: 25 },
  { row: 12, label: "Thôn Hòa Bình", households: 355, poor: 33 },
];

describe("the worked example of domain.md", () => {
  it("30 households among 412, 288, 530, 197, 355 → 7, 5, 9, 3, 6", () => {
    const plan = makePlan(villages, { kind: "households", households: 30 });
    expect(plan.allocations.map((a) => a.reduction)).toEqual([7, 5, 9, 3, 6]);
    expect(plan.target).toBe(30);
    expect(plan.method).toBe("households");
    // 40 - 7 = 33 poor left out of 412: 8.009...% → 8.01
    expect(plan.allocations[0]).toMatchObject({ projectedPoor: 33, projectedRate: 8.01, capped: false });
  });

  it("the pure core gives the same split", () => {
    expect(allocate(30, [412, 288, 530, 197, 355], [1000, 1000, 1000, 1000, 1000]).parts).toEqual([
      7, 5, 9, 3, 6,
    ]);
  });
});

describe("caps", () => {
  it("a unit never gets more than its poor households; the excess goes to the others", () => {
    // By households the big unit's quota is 20 * 900/1000 = 18, but it has only 5 poor households.
    const units: PlanUnit[] = [
      { row: 7, label: "Tổ 1", households: 900, poor: 5 },
      { row: 8, label: "Tổ 2", households: 60, poor: 20 },
      { row: 9, label: "Tổ 3", households: 40, poor: 20 },
    ];
    const plan = makePlan(units, { kind: "households", households: 20 });
    // 15 left for Tổ 2 and Tổ 3 in proportion 60:40 → 9 and 6.
    expect(plan.allocations.map((a) => a.reduction)).toEqual([5, 9, 6]);
    expect(plan.allocations.map((a) => a.capped)).toEqual([true, false, false]);
    expect(describePlanNotes(plan.notes).join(" ")).toMatch(/Tổ 1 \(5\)/);
  });

  it("iterates when redistributing makes another unit exceed its cap", () => {
    // 30 by 50:30:20 → 15, 9, 6; first cap 2 → 28 by 30:20 → 16.8 > 10 → cap 10 → 18 to the last (cap 20).
    expect(allocate(30, [50, 30, 20], [2, 10, 20]).parts).toEqual([2, 10, 18]);
  });

  it("all poor households can be lifted out", () => {
    const all = villages.reduce((a, u) => a + u.poor, 0);
    const plan = makePlan(villages, { kind: "households", households: all });
    expect(plan.allocations.map((a) => a.reduction)).toEqual(villages.map((u) => u.poor));
    expect(plan.allocations.every((a) => a.projectedRate === 0)).toBe(true);
  });
});

describe("ties are broken deterministically", () => {
  it("equal remainders go to the larger base, then the earlier row", () => {
    // 1 household among three equal units: the first row gets it.
    expect(allocate(1, [1, 1, 1], [5, 5, 5]).parts).toEqual([1, 0, 0]);
    // bases 2, 4 for target 3 → quotas 1, 2: no remainder, nothing to break.
    expect(allocate(3, [2, 4], [5, 5]).parts).toEqual([1, 2]);
    // target 2 with bases 1, 1, 2 → quotas .5, .5, 1: remainders .5/.5 tie with equal bases → the earlier row.
    expect(allocate(2, [1, 1, 2], [5, 5, 5]).parts).toEqual([1, 0, 1]);
    // target 4 by bases 3, 5 → quotas 1.5, 2.5: equal remainders, the larger base wins.
    expect(allocate(4, [3, 5], [9, 9]).parts).toEqual([1, 3]);
  });
});

describe("methods", () => {
  it("in proportion to poor households", () => {
    const plan = makePlan(villages, { kind: "households", households: 18 }, { method: "poor" });
    // poor 40, 31, 52, 25, 33 (181): quotas 3.978, 3.083, 5.171, 2.486, 3.282 → floors 3,3,5,2,3 (16) + 2 → 4, 3, 5, 3, 3
    expect(plan.allocations.map((a) => a.reduction)).toEqual([4, 3, 5, 3, 3]);
  });

  it("equal shares", () => {
    const plan = makePlan(villages, { kind: "households", households: 12 }, { method: "equal" });
    expect(plan.allocations.map((a) => a.reduction)).toEqual([3, 3, 2, 2, 2]);
  });

  it("user weights, decimals allowed", () => {
    const units = villages.map((u, i) => ({ ...u, weight: [0.5, 1.5, 0, 1, 1][i] }));
    const plan = makePlan(units, { kind: "households", households: 8 }, { method: "weights" });
    expect(plan.allocations.map((a) => a.reduction)).toEqual([1, 3, 0, 2, 2]);
  });
});

describe("a target in percentage points", () => {
  it("is converted with the whole unit's households, half-up", () => {
    // 0,5 × 1.782 / 100 = 8,91 → 9 households
    expect(pointsToHouseholds(0.5, 1782)).toBe(9);
    // exactly .5 rounds up: 0,25 × 1.782 / 100 = 4,455 → 4; 0,5 × 1.781/100 = 8,905 → 9; 1 × 250/100 = 2,5 → 3
    expect(pointsToHouseholds(0.25, 1782)).toBe(4);
    expect(pointsToHouseholds(1, 250)).toBe(3);
    expect(pointsToHouseholds(0.1, 2345)).toBe(2); // 2,345 → 2
    const plan = makePlan(villages, { kind: "points", points: 0.5 });
    expect(plan.target).toBe(9);
    expect(plan.points).toBe(0.5);
    expect(describePlanNotes(plan.notes)[0]).toContain("8,9100 → 9 hộ");
  });
});

describe("projected aggregates", () => {
  it("groups and totals add up the rows they cover, rates recomputed", () => {
    const plan = makePlan(
      villages,
      { kind: "households", households: 30 },
      {
        aggregates: [
          { row: 7, label: "Khu vực I", kind: "group", covers: [8, 9] },
          { row: 13, label: "Khu vực II", kind: "group", covers: [10, 11, 12] },
          { row: 14, label: "Tổng cộng", kind: "total", covers: [7, 13] },
        ],
      },
    );
    const [g1, g2, total] = plan.aggregates;
    expect(g1).toMatchObject({ households: 700, startPoor: 71, reduction: 12, projectedPoor: 59 });
    expect(g2).toMatchObject({ households: 1082, startPoor: 110, reduction: 18, projectedPoor: 92 });
    // 151 / 1782 = 8.4736...% → 8.47; start 181 / 1782 = 10.157...% → 10.16
    expect(total).toMatchObject({ households: 1782, startPoor: 181, reduction: 30, projectedPoor: 151 });
    expect(total.projectedRate).toBe(8.47);
    expect(total.startRate).toBe(10.16);
  });

  it("rates are rounded half-up exactly, not by floating point luck", () => {
    expect(rateHalfUp(1, 8)).toBe(12.5);
    expect(rateHalfUp(1, 16)).toBe(6.25);
    expect(rateHalfUp(1, 32)).toBe(3.13); // 3.125 → 3.13 (a float round would give 3.12)
    expect(rateHalfUp(1005, 100000)).toBe(1.01); // 1.005 → 1.01
    expect(rateHalfUp(3, 0)).toBeNull();
  });
});

describe("impossible targets", () => {
  const code = (f: () => unknown, lang: "vi" | "en" = "vi"): string => {
    try {
      f();
    } catch (e) {
      if (e instanceof PlanError) return `${e.code}: ${describePlanError(e, lang)}`;
      throw e;
    }
    return "no error";
  };

  it("more than all poor households", () => {
    expect(code(() => makePlan(villages, { kind: "households", households: 182 }))).toBe(
      "exceeds-poor: Chỉ tiêu giảm 182 hộ vượt quá tổng số hộ nghèo của các đơn vị (181 hộ).",
    );
    expect(code(() => makePlan(villages, { kind: "points", points: 20 }), "en")).toMatch(
      /^exceeds-poor: The target of 356 households exceeds all poor households/,
    );
  });

  it("negative, not a number, not whole", () => {
    expect(code(() => parseTarget("-3", "households"))).toMatch(/^negative: .*số âm/);
    expect(code(() => parseTarget("mười", "households"))).toMatch(/^not-a-number: Chỉ tiêu giảm "mười"/);
    expect(code(() => parseTarget("2,5", "households"))).toMatch(/^not-whole/);
    expect(code(() => makePlan(villages, { kind: "households", households: NaN }))).toMatch(/^not-a-number/);
    expect(code(() => makePlan(villages, { kind: "points", points: -0.5 }))).toMatch(/^negative/);
    expect(parseTarget("0,5", "points")).toEqual({ kind: "points", points: 0.5 });
    expect(parseTarget("1.518", "households")).toEqual({ kind: "households", households: 1518 });
  });

  it("by households without a households column", () => {
    const noBase = villages.map((u) => ({ ...u, households: null }));
    expect(code(() => makePlan(noBase, { kind: "households", households: 5 }))).toMatch(
      /^no-households: .*dòng 8/,
    );
    // by poor households it still works, without rates
    const plan = makePlan(noBase, { kind: "households", households: 5 }, { method: "poor" });
    expect(plan.allocations.reduce((a, x) => a + x.reduction, 0)).toBe(5);
    expect(plan.allocations[0].projectedRate).toBeNull();
  });
});

describe("properties", () => {
  const unitsArb = fc
    .array(
      fc.record({
        households: fc.integer({ min: 0, max: 5000 }),
        poorShare: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
      { minLength: 1, maxLength: 40 },
    )
    .map((xs) =>
      xs.map((x, i): PlanUnit => ({
        row: 6 + i,
        label: `Thôn ${i + 1}`,
        households: x.households,
        poor: Math.floor(x.households * x.poorShare),
        weight: (x.households % 7) / 2,
      })),
    );
  const caseArb = unitsArb.chain((units) => {
    const all = units.reduce((a, u) => a + u.poor, 0);
    return fc.record({
      units: fc.constant(units),
      target: fc.integer({ min: 0, max: all }),
      method: fc.constantFrom("households" as const, "poor" as const, "equal" as const),
    });
  });

  it("parts add up to the target, never exceed poor households, never negative", () => {
    fc.assert(
      fc.property(caseArb, ({ units, target, method }) => {
        const plan = makePlan(units, { kind: "households", households: target }, { method });
        const sum = plan.allocations.reduce((a, x) => a + x.reduction, 0);
        expect(sum).toBe(target);
        plan.allocations.forEach((a, i) => {
          expect(a.reduction).toBeGreaterThanOrEqual(0);
          expect(a.reduction).toBeLessThanOrEqual(units[i].poor);
          expect(Number.isInteger(a.reduction)).toBe(true);
          expect(a.projectedPoor).toBe(units[i].poor - a.reduction);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("user weights: same guarantees, or a clear error when only zero weights are left", () => {
    fc.assert(
      fc.property(caseArb, ({ units, target }) => {
        try {
          const plan = makePlan(units, { kind: "households", households: target }, { method: "weights" });
          expect(plan.allocations.reduce((a, x) => a + x.reduction, 0)).toBe(target);
          plan.allocations.forEach((a, i) => expect(a.reduction).toBeLessThanOrEqual(units[i].poor));
        } catch (e) {
          expect(e).toBeInstanceOf(PlanError);
          expect((e as PlanError).code).toBe("no-weights");
        }
      }),
      { numRuns: 200 },
    );
  });

  it("proportional split is within 1 of the exact quota when no cap binds", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 1000 }),
        (households, target) => {
          const sum = households.reduce((a, b) => a + b, 0);
          // caps large enough never to bind
          const units = households.map((h, i) => ({
            row: i + 1,
            label: String(i),
            households: h,
            poor: target + 1,
          }));
          const plan = makePlan(units, { kind: "households", households: target });
          plan.allocations.forEach((a, i) => {
            const quota = (target * households[i]) / sum;
            expect(Math.abs(a.reduction - quota)).toBeLessThan(1);
          });
          expect(plan.allocations.some((a) => a.capped)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("percentage points convert to the nearest whole household", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 1, max: 200000 }),
        (centiPoints, total) => {
          const points = centiPoints / 100;
          const hh = pointsToHouseholds(points, total);
          // exact: centiPoints * total / 10000; half-up means hh - 1/2 <= exact < hh + 1/2
          expect(2 * hh * 10000 - 10000).toBeLessThanOrEqual(2 * centiPoints * total);
          expect(2 * centiPoints * total).toBeLessThan(2 * hh * 10000 + 10000);
        },
      ),
    );
  });
});

describe("notes are codes, worded at the edge (src/i18n/plan.ts)", () => {
  it("the engine's notes carry numbers, not sentences; both languages group thousands", () => {
    const big: PlanUnit[] = [
      { row: 5, label: "Xã A", households: 9000, poor: 1200 },
      { row: 6, label: "Xã B", households: 6000, poor: 900 },
    ];
    const plan = makePlan(big, { kind: "households", households: 1518 });
    expect(plan.notes[0]).toEqual({
      code: "allocation-rule",
      params: { method: "households", households: 1518 },
    });
    expect(describePlanNotes(plan.notes, "vi")[0]).toContain("tổng đúng bằng 1.518 hộ;");
    expect(describePlanNotes(plan.notes, "en")[0]).toContain("add up to exactly 1,518;");
  });
});
