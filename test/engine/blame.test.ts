// Issue 8, bullet by bullet: each defect on a table modelled on real ones, each with a twin where nothing may be
// blamed. Tables: test/engine/blame-tables.ts (group I = rows 6-8 under row 5, group II = rows 10-11 under row 9,
// total on row 12; columns C households, D poor, E rate, F reduction, G poor at the end, H its rate, I rate
// reduction).
import { analyzeGrid, fixPlan } from "../../src/engine";
import type { Grid } from "../../src/engine/grid";
import { gridFromRows } from "../../src/engine/grid";
import type { Finding } from "../../src/engine/report";
import { describeFinding } from "../../src/i18n/findings";
import { type Unit, applyWrites, buildGrid, buildRows, rate, setCells } from "./blame-tables";

const GROUPS: Unit[][] = [
  [
    { households: 412, poor: 20, reduction: 6 },
    { households: 288, poor: 15, reduction: 4 },
    { households: 530, poor: 31, reduction: 7 },
  ],
  [
    { households: 197, poor: 18, reduction: 3 },
    { households: 355, poor: 27, reduction: 6 },
  ],
];
const report = () => buildRows(GROUPS, { plan: false, totalFirst: false, groups: true });
const plan = () => buildRows(GROUPS, { plan: true, totalFirst: false, groups: true });

const analyse = (g: Grid) => analyzeGrid(g);
const findings = (g: Grid): Finding[] => analyse(g).flatMap((t) => t.findings);
const brief = (fs: Finding[]) => fs.map((f) => `${f.cell} ${f.rule} ${f.expected}`);
const errors = (fs: Finding[]) => brief(fs.filter((f) => f.severity === "error"));

/** After a fix, a check is silent. */
function expectFixSilences(g: Grid): void {
  const fixed = applyWrites(g, fixPlan(analyse(g)).writes);
  expect(errors(findings(fixed))).toEqual([]);
}

test("the clean tables are silent", () => {
  expect(findings(buildGrid(report()))).toEqual([]);
  expect(findings(buildGrid(plan()))).toEqual([]);
});

describe("unconfirmed blame: the aggregate, not a unit", () => {
  // Group I's households typed 1.410 (its units add to 1.230); the group's own rates and the total agree with
  // 1.410, and every unit agrees with its own rates: nothing says which unit is wrong.
  const defective = () => {
    const c5 = 1410;
    const c12 = c5 + 197 + 355;
    return setCells(report(), {
      C5: c5,
      E5: rate(66, c5),
      H5: rate(49, c5),
      I5: Number((rate(66, c5) - rate(49, c5)).toFixed(2)),
      C12: c12,
      E12: rate(111, c12),
      H12: rate(85, c12),
      I12: Number((rate(111, c12) - rate(85, c12)).toFixed(2)),
    });
  };

  test("is reported on the group, with its units as related cells", () => {
    const fs = findings(buildGrid(defective()));
    expect(errors(fs)).toEqual(["C5 sum-mismatch 1230"]);
    expect(fs[0].related).toEqual(["C6:C8"]);
    expect(describeFinding(fs[0])).toBe("Tổng không khớp: ô C5 ghi 1.410, cộng C6:C8 được 1.230.");
    expect(analyse(buildGrid(defective()))[0].corrections).toEqual([]);
  });

  test("the same defect with a rate that confirms the unit blames the unit", () => {
    // Unit 2 typed 468 households; its rates still say 288: the rates confirm the value the sum asks for.
    const fs = findings(buildGrid(setCells(report(), { C7: 468 })));
    expect(errors(fs)).toEqual(["C7 sum-mismatch 288"]);
    expect(describeFinding(fs[0])).toContain("giá trị khớp với các ô");
  });

  test("twin: nothing is blamed on the clean table", () => {
    expect(findings(buildGrid(report()))).toEqual([]);
  });
});

describe("malformed numbers still carry evidence", () => {
  const villages = (c3: number, e3: string) =>
    gridFromRows("S", [
      ["STT", "Thôn", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ hộ nghèo (%)"],
      ["1", "Thôn 1", 100, 12, 12],
      ["2", "Thôn 2", c3, 10, e3],
      ["3", "Thôn 3", 150, 15, 10],
      ["", "Tổng cộng", 450, 37, 8.22],
    ]);

  test("readings that confirm a correction: 5.0,0 (5,0 or 5,00) says 200 households, not 2000", () => {
    const fs = findings(villages(2000, "5.0,0"));
    expect(errors(fs)).toEqual(["C3 sum-mismatch 200", "E3 malformed-number null"]);
  });

  test("readings that refute it: 0.5,0 agrees with 2000; the total is reported, no unit blamed", () => {
    const fs = findings(villages(2000, "0.5,0"));
    expect(errors(fs)).toEqual(["E3 malformed-number null", "C5 sum-mismatch 2250"]);
  });

  test("twin: a clean row with an unreadable rate blames nothing else", () => {
    expect(errors(findings(villages(200, "5.0,0")))).toEqual(["E3 malformed-number null"]);
  });
});

describe("consequences follow a correction", () => {
  // Plan, unit 2: the projected poor count copied from the start column (15 instead of 15 − 4 = 11), its rate
  // and the rate reduction computed from the copy (5,21 and 0,00).
  const copied = () => setCells(plan(), { G7: 15, H7: rate(15, 288), I7: 0 });

  test("one finding on the projected count; none on the assigned reduction nor the rates", () => {
    const fs = findings(buildGrid(copied()));
    expect(errors(fs)).toEqual(["G7 projection-mismatch 11"]);
    for (const f of fs) expect(describeFinding(f)).not.toContain("được 0,00");
    expectFixSilences(buildGrid(copied()));
  });

  test("a difference of two rounded rates carries both roundings (8,41 − 4,22 stated 4,20 is fine)", () => {
    // 193 and 97 poor of 2.296 households: 8,41 % and 4,22 %; the unrounded difference lies in 4,19 ± 0,01.
    const rows = buildRows([[{ households: 2296, poor: 193, reduction: 96 }], [GROUPS[1][0]]], {
      plan: true,
      totalFirst: false,
      groups: false,
    });
    expect([rows[4][4], rows[4][7]]).toEqual([8.41, 4.22]);
    expect(findings(buildGrid(setCells(rows, { I5: 4.2 })))).toEqual([]);
    expect(errors(findings(buildGrid(setCells(rows, { I5: 4.17 }))))).toEqual([
      "I5 projection-mismatch 4.19",
    ]);
  });

  test("twin: the clean plan", () => {
    expect(findings(buildGrid(plan()))).toEqual([]);
  });
});

describe("impossible parts", () => {
  const withPoor = (d7: number) => {
    const units: Unit[][] = [
      [GROUPS[0][0], { households: 2468, poor: 195, reduction: 15 }, GROUPS[0][2]],
      GROUPS[1],
    ];
    return setCells(buildRows(units, { plan: false, totalFirst: false, groups: true }), { D7: d7 });
  };

  test("2.486 poor households of 2.468: count-exceeds-total with 195, which its rate 7,90 confirms", () => {
    const [t] = analyse(buildGrid(withPoor(2486)));
    expect(errors(t.findings)).toEqual(["D7 count-exceeds-total 195"]);
    expect(t.corrections).toEqual([
      expect.objectContaining({ cell: "D7", old: 2486, value: 195, why: "count-exceeds-total" }),
    ]);
    expectFixSilences(buildGrid(withPoor(2486)));
  });

  test("twin: 195 of 2.468 is silent", () => {
    expect(findings(buildGrid(withPoor(195)))).toEqual([]);
  });
});

describe("mistyped targets in a plan", () => {
  const withReduction = (f7: number) => {
    const units: Unit[][] = [
      [GROUPS[0][0], { households: 288, poor: 48, reduction: 12 }, GROUPS[0][2]],
      GROUPS[1],
    ];
    return setCells(buildRows(units, { plan: true, totalFirst: false, groups: true }), { F7: f7 });
  };

  test("a reduction of 52 in a village of 48 poor, where the total and the row give 12: one finding, 12", () => {
    const fs = findings(buildGrid(withReduction(52)));
    expect(errors(fs)).toEqual(["F7 reduction-exceeds-poor 12"]);
  });

  test("twin: 12 is silent", () => {
    expect(findings(buildGrid(withReduction(12)))).toEqual([]);
  });
});

describe("copy-paste", () => {
  test("a poor count repeated from the row above is named as such", () => {
    const fs = findings(buildGrid(setCells(report(), { D7: 20 })));
    expect(errors(fs)).toEqual(["D7 sum-mismatch 15"]);
    expect(describeFinding(fs[0])).toContain("giống hệt ô D6 ở dòng trên");
    expect(describeFinding(fs[0], "en")).toContain("identical to D6 in the row above");
  });

  test("twin: two neighbours that really have the same count are silent", () => {
    const units: Unit[][] = [
      [
        { households: 412, poor: 20, reduction: 6 },
        { households: 288, poor: 20, reduction: 4 },
      ],
      GROUPS[1],
    ];
    expect(findings(buildGrid(buildRows(units, { plan: false, totalFirst: false, groups: true })))).toEqual(
      [],
    );
  });
});
