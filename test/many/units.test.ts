import { normalizeUnitName } from "../../src/engine";

describe("normalizeUnitName", () => {
  it.each([
    ["Thôn Tân Long", "tan long"],
    ["THÔN TÂN LONG", "tan long"],
    ["Tân  Long", "tan long"],
    ["Tổ dân phố số 05", "5"],
    ["TDP 5", "5"],
    ["Tổ 5", "5"],
    ["Xã Cẩm Long", "cam long"],
    ["xa Cam Long", "cam long"],
    ["Phường Dị Sử", "di su"],
    ["Thị trấn Đông Hà", "dong ha"],
    ["Bản Nà Lừa", "na lua"],
    ["Khu phố 3", "3"],
    ["Tổ dân phố Đông-Tây", "dong tay"],
    ["Thôn", "thon"],
  ])("%s → %s", (label, expected) => {
    expect(normalizeUnitName(label)).toBe(expected);
  });

  it("keeps different units apart", () => {
    expect(normalizeUnitName("Xã Cẩm Long")).not.toBe(normalizeUnitName("Xã Cẩm Lương"));
    expect(normalizeUnitName("Tổ 1")).not.toBe(normalizeUnitName("Tổ 10"));
  });
});
