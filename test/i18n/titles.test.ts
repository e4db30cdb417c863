// Issue 23 item 6: a finding's title matches what it says. A rate reduction checked by the projection rule is a
// rate reduction, not "Số dự kiến"; a probable typo is "Có thể nhập sai" whatever relation exposed it.
import { gridFromRows } from "../../src/engine/grid";
import { analyzeGrid, type Finding } from "../../src/engine";
import { describeFinding, findingTitle, roleOfCell } from "../../src/i18n/findings";
import { renderTable } from "../../src/cli/format";

// A plan table as a commune types it: start and end rates and their difference. By hand: 4,4 − 3,9 = 0,5 for
// Xã C, typed 0,8; the other two rows agree (5,2 − 4,1 = 1,1; 6,5 − 5,0 = 1,5).
const plan = (typed: number) =>
  gridFromRows("KH", [
    ["DỰ KIẾN GIẢM NGHÈO NĂM 2025"],
    [],
    [
      "STT",
      "Tên xã",
      "Tổng số hộ",
      "Tỷ lệ hộ nghèo đầu năm (%)",
      "Tỷ lệ hộ nghèo cuối năm (%)",
      "Tỷ lệ giảm (%)",
    ],
    [1, "Xã A", 1000, 5.2, 4.1, 1.1],
    [2, "Xã B", 800, 6.5, 5.0, 1.5],
    [3, "Xã C", 900, 4.4, 3.9, typed],
  ]);

test("a rate reduction is titled and worded as one, in the CLI's table and the pane's card", () => {
  const [a] = analyzeGrid(plan(0.8));
  const f = a.findings.find((x) => x.cell === "F6")!;
  expect(f).toBeTruthy();
  const role = roleOfCell(
    a.table.columns.map((c) => ({ column: c.letter, role: c.role })),
    f.cell,
  );
  expect(role).toBe("rateReduction");
  expect(findingTitle(f, "vi", role)).toBe("Tỷ lệ giảm không khớp");
  expect(describeFinding(f, "vi", role)).toBe("Tỷ lệ giảm không khớp: ô F6 ghi 0,8, tính từ D6−E6 được 0,5.");
  expect(findingTitle(f, "en", role)).toBe("Rate reduction does not match");
  const text = renderTable(a.report, "vi");
  expect(text).toMatch(/lỗi\s+F6\s+Tỷ lệ giảm không khớp\s+0,8\s+0,5\s+Tỷ lệ giảm không khớp:/u);
  expect(text).not.toContain("dự kiến");
});

test("the clean twin says nothing", () => {
  const [a] = analyzeGrid(plan(0.5));
  expect(a.findings).toEqual([]);
});

test("a probable typo is 'Có thể nhập sai', whether the engine marks it by variant or by certainty", () => {
  const base = {
    rule: "sum-mismatch",
    severity: "error",
    cell: "D4",
    actual: 2947,
    expected: 2497,
    related: ["D7", "E4"],
  } as Finding;
  expect(findingTitle(base, "vi")).toBe("Tổng không khớp");
  expect(findingTitle({ ...base, params: { variant: "input-typo" } }, "vi")).toBe("Có thể nhập sai");
  expect(findingTitle({ ...base, certainty: "suggested" } as Finding, "vi")).toBe("Có thể nhập sai");
  expect(findingTitle({ ...base, certainty: "suggested" } as Finding, "en")).toBe("Possible typo");
  // and its sentence says the same, with the value to suggest
  expect(describeFinding({ ...base, certainty: "suggested" } as Finding, "vi")).toMatch(
    /^Có thể nhập sai: ô D4 ghi 2\.947; .* là 2\.497\.$/u,
  );
});

test("the engine's new rules have titles before it emits them", () => {
  const f = (rule: string) =>
    ({
      rule,
      severity: "warning",
      cell: "H9",
      actual: null,
      expected: null,
      related: [],
    }) as unknown as Finding;
  expect(findingTitle(f("copied-column"), "vi")).toBe("Cột chép từ cột khác");
  expect(findingTitle(f("duplicate-unit"), "vi")).toBe("Đơn vị ghi hai lần");
  expect(
    describeFinding(
      {
        ...f("copied-column"),
        related: ["H9", "H10"],
        params: { source: "E", target: "H", same: 8, rows: 9 },
      },
      "vi",
    ),
  ).toMatch(/^Cột H giống hệt cột E ở 8\/9 dòng \(từ ô H9\): có lẽ cột H đã bị chép từ cột E\./u);
});
