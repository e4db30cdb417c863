// Issue 19: one formatter for every number a person reads. Expected strings are written by hand, the way a
// Vietnamese (or English) official writes them, whatever the machine's regional settings.
import { showCell, showCount, showNumber, showValue } from "../../src/i18n/numbers";
import { formatValue } from "../../src/cli/format";
import { formatNumber } from "../../src/i18n/ui";
import { describeFinding } from "../../src/i18n/findings";
import type { Finding } from "../../src/engine";

// Moved from test/engine/numbers.test.ts when the engine's formatNumber(x, lang, decimals) was removed.
test("numbers are shown the Vietnamese way, or the English way when asked", () => {
  expect(showNumber(1518, "vi")).toBe("1.518");
  expect(showNumber(13.7, "vi", 2)).toBe("13,70");
  expect(showNumber(1518, "en")).toBe("1,518");
  expect(showNumber(13.7, "en", 2)).toBe("13.70");
});

test("counts: thousands with a dot in Vietnamese, a comma in English", () => {
  expect(showCount(1518, "vi")).toBe("1.518");
  expect(showCount(1518, "en")).toBe("1,518");
  expect(showCount(1234567, "vi")).toBe("1.234.567");
  expect(showCount(0, "vi")).toBe("0");
  expect(showCount(-2497, "vi")).toBe("-2.497");
});

test("rates: the decimals asked for, a decimal comma in Vietnamese", () => {
  expect(showNumber(13.7, "vi", 2)).toBe("13,70");
  expect(showNumber(13.7, "en", 2)).toBe("13.70");
  expect(showNumber(4.8500000001, "vi")).toBe("4,85");
  expect(showNumber(4.8500000000000005, "vi")).toBe("4,85");
  expect(showNumber(1.2699999999999996, "vi")).toBe("1,27");
});

test("a small rate keeps the digits that matter instead of reading 0,00", () => {
  expect(showNumber(0.000733, "vi", 2)).toBe("0,000733");
  expect(showNumber(0.000733, "en", 2)).toBe("0.000733");
  expect(formatNumber(0.000733, "vi", "0.00")).toBe("0,000733");
  // a value the decimals can show stays at the format's decimals
  expect(showNumber(0.012, "vi", 2)).toBe("0,01");
  // no "-0,00"
  expect(showNumber(-0.0000001, "vi", 2)).not.toMatch(/^-0,00$/);
});

test("a fraction under a percent format shows as the sheet shows it", () => {
  expect(showCell(0.0579, "vi", "0.00%")).toBe("5,79%");
  expect(showCell(0.0579, "en", "0.00%")).toBe("5.79%");
  expect(showCell(5.79, "vi", "0.00")).toBe("5,79");
  expect(showCell(5.79, "vi", '0.00"%"')).toBe("5,79");
  expect(showCell(3761, "vi", "#,##0")).toBe("3.761");
  expect(showCell(3761, "en", "#,##0")).toBe("3,761");
  expect(showCell("Thôn Đông", "vi", "General")).toBe("Thôn Đông");
  expect(showCell(null, "vi")).toBe("");
});

test("text is quoted so that a count typed as text reads apart from the number", () => {
  expect(showValue("13", "vi")).toBe('"13"');
  expect(showValue(13, "vi")).toBe("13");
  expect(formatValue("13", "vi")).toBe('"13"');
  expect(formatValue(1518, "vi")).toBe("1.518");
  expect(formatValue(null, "vi")).toBe("—");
});

test("a finding's sentence uses the same formatter", () => {
  const f: Finding = {
    rule: "rate-mismatch",
    severity: "error",
    cell: "E9",
    actual: 6.6,
    expected: 6.5989,
    related: ["C9", "D9"],
    decimals: 2,
  } as Finding;
  const text = describeFinding(f, "vi");
  expect(text).toContain("6,60");
  expect(text).not.toContain("6.60");
});
