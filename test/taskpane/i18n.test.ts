import { COLUMN_ROLES, ROW_KINDS, RULE_IDS } from "../../src/engine/report";
import {
  fmt,
  formatNumber,
  periodName,
  ROLE_NAMES,
  ROW_KIND_NAMES,
  RULE_NAMES,
  uiStrings,
} from "../../src/i18n/ui";

test("numbers the Vietnamese way, English on request", () => {
  expect(formatNumber(1518, "vi")).toBe("1.518");
  expect(formatNumber(13.7, "vi")).toBe("13,7");
  expect(formatNumber(13.7, "vi", "0.00")).toBe("13,70");
  expect(formatNumber(7.527, "vi")).toBe("7,527");
  expect(formatNumber(1518, "en")).toBe("1,518");
  expect(formatNumber(13.7, "en", "0.00")).toBe("13.70");
  expect(formatNumber("0.36,6", "vi")).toBe("0.36,6");
  expect(formatNumber(null, "vi")).toBe("(trống)");
});

test("periods as people say them", () => {
  expect(periodName("2023", "vi")).toBe("Năm 2023");
  expect(periodName("start", "vi")).toBe("Đầu kỳ");
  expect(periodName("plan 2024", "vi")).toBe("Kế hoạch 2024");
  expect(periodName("end", "en")).toBe("End");
  expect(periodName("", "vi")).toBe("—");
});

test("every role, row kind and rule has a name in both languages; every string is translated", () => {
  for (const lang of ["vi", "en"] as const) {
    for (const r of COLUMN_ROLES) expect(ROLE_NAMES[lang][r]).toBeTruthy();
    for (const k of ROW_KINDS) expect(ROW_KIND_NAMES[lang][k]).toBeTruthy();
    for (const id of RULE_IDS) expect(RULE_NAMES[lang][id]).toBeTruthy();
  }
  const vi = uiStrings("vi");
  const en = uiStrings("en");
  expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  // Placeholders survive translation.
  for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
    expect([key, (en[key].match(/\{\w+\}/g) ?? []).sort()]).toEqual([
      key,
      (vi[key].match(/\{\w+\}/g) ?? []).sort(),
    ]);
  }
  expect(fmt(vi.fixHint, { cell: "E9" })).toBe("Sửa ô E9");
});
