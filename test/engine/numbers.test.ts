import { readNumber, roundHalfUp, truncateTo, formatDecimals } from "../../src/engine/numbers";

describe("reading Vietnamese numbers", () => {
  test.each([
    ["1.518", "count", 1518],
    ["1,518", "count", 1518],
    ["1.234.567", "count", 1234567],
    ["412", "count", 412],
    ["13,70", "rate", 13.7],
    ["13.70", "rate", 13.7],
    ["1,19", "rate", 1.19],
    ["0.75", "rate", 0.75],
    ["1.518", "rate", 1.518],
    ["1.234,5", "rate", 1234.5],
    ["6,39 %", "rate", 6.39],
    [" 27,49 ", "rate", 27.49],
  ] as const)("text %s in a %s column is %d", (text, kind, value) => {
    const r = readNumber(text, kind);
    expect(r).toMatchObject({ status: "ok", value, fromText: true });
  });

  test("text decimals are kept for rates", () => {
    expect(readNumber("13,70", "rate")).toMatchObject({ textDecimals: 2 });
  });

  test.each(["0.36,6", "12a", "1..2", "1.5.6,7,8", "abc", ",5"])("%s is malformed", (text) => {
    expect(readNumber(text, "rate").status).toBe("malformed");
  });

  test("the number 1.518 in a count column is read as typed, with 1518 as the likely intended value", () => {
    expect(readNumber(1.518, "count")).toEqual({
      status: "ok",
      value: 1.518,
      fromText: false,
      intended: 1518,
    });
    expect(readNumber(12.5, "count")).toEqual({ status: "ok", value: 12.5, fromText: false });
    expect(readNumber(1.518, "rate")).toEqual({ status: "ok", value: 1.518, fromText: false });
  });

  test("empty, dash and errors", () => {
    expect(readNumber(null, "count").status).toBe("empty");
    expect(readNumber("  ", "count").status).toBe("empty");
    expect(readNumber("-", "count")).toMatchObject({ status: "ok", value: 0 });
    expect(readNumber({ error: "#DIV/0!" }, "rate")).toMatchObject({ status: "error", error: "#DIV/0!" });
  });
});

describe("rounding", () => {
  test("half-up like Excel's ROUND, immune to binary noise", () => {
    expect(roundHalfUp(4.845, 2)).toBe(4.85);
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
    expect(roundHalfUp((2469 / 20000) * 100, 2)).toBe(12.35);
    expect(roundHalfUp(7.527, 2)).toBe(7.53);
    expect(roundHalfUp(-2.5, 0)).toBe(-3);
  });
  test("truncation", () => {
    expect(truncateTo(7.527, 2)).toBe(7.52);
    expect(truncateTo(4.8500000001, 2)).toBe(4.85);
  });
  test("decimals of number formats", () => {
    expect(formatDecimals("0.00")).toBe(2);
    expect(formatDecimals("#,##0")).toBe(0);
    expect(formatDecimals("#,##0.0")).toBe(1);
    expect(formatDecimals("General")).toBeUndefined();
    expect(formatDecimals(undefined)).toBeUndefined();
  });
});
