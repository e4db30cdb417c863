import { themeFromOffice, themeFromPage, luminance } from "../../src/taskpane/theme";
import { initialViewFromUrl } from "../../src/hosts/params";

describe("theme", () => {
  test("Office's theme colours pick light, dark or high contrast", () => {
    // Colourful / White themes
    expect(themeFromOffice({ bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#262626" })).toBe("light");
    expect(themeFromOffice({ bodyBackgroundColor: "#E6E6E6", bodyForegroundColor: "#262626" })).toBe("light");
    // Dark Gray and Black themes
    expect(themeFromOffice({ bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF" })).toBe("dark");
    expect(themeFromOffice({ bodyBackgroundColor: "#444", bodyForegroundColor: "#fff" })).toBe("dark");
    // High contrast black
    expect(themeFromOffice({ bodyBackgroundColor: "#000000", bodyForegroundColor: "#FFFFFF" })).toBe(
      "contrast",
    );
    expect(themeFromOffice({ bodyBackgroundColor: "#FFFFFF" }, true)).toBe("contrast");
    // Older Excel without officeTheme
    expect(themeFromOffice(undefined)).toBe("light");
    expect(themeFromOffice({ bodyBackgroundColor: "not a colour" })).toBe("light");
    expect(luminance("#fff")).toBeCloseTo(1);
    expect(luminance("#000000")).toBe(0);
  });

  test("the standalone page follows the system unless ?theme= forces it", () => {
    expect(themeFromPage("", true)).toBe("dark");
    expect(themeFromPage("", false)).toBe("light");
    expect(themeFromPage("?theme=light", true)).toBe("light");
    expect(themeFromPage("?theme=dark", false)).toBe("dark");
    expect(themeFromPage("?theme=contrast", false)).toBe("contrast");
    expect(themeFromPage("?theme=pink", false)).toBe("light");
    expect(themeFromPage("", false, true)).toBe("contrast");
  });
});

describe("ribbon URL parameters", () => {
  test("?action=check opens on findings, ?view=appendix on the appendix", () => {
    expect(initialViewFromUrl("?action=check")).toBe("findings");
    expect(initialViewFromUrl("?view=appendix")).toBe("appendix");
    expect(initialViewFromUrl("?view=appendix&action=check")).toBe("appendix");
    expect(initialViewFromUrl("")).toBe("table");
    expect(initialViewFromUrl("?view=nonsense")).toBe("table");
    expect(initialViewFromUrl("", "findings")).toBe("findings");
  });
});
