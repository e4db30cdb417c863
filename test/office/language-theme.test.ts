// Issue 12 item 9: the pane's language follows Office's display language until the user chooses one; the theme
// follows officeTheme, dark included.
import { createOfficeHost, langFromDisplay } from "../../src/hosts/office";
import { themeFromOffice } from "../../src/taskpane/theme";
import { DEFAULT_SETTINGS } from "../../src/hosts/port";
import { fakeSettings } from "./fake-excel";
import { SHEET, makeWorkbook } from "./sheet";

describe("language", () => {
  test.each([
    ["vi-VN", "vi"],
    ["en-US", "en"],
    ["en-GB", "en"],
    ["fr-FR", "en"],
    ["", "vi"],
    [undefined, "vi"],
  ])("displayLanguage %s → %s", (display, lang) => {
    expect(langFromDisplay(display)).toBe(lang);
  });

  test("an English Excel gets an English pane and English messages, until the user chooses Vietnamese", async () => {
    const wb = makeWorkbook();
    const settings = fakeSettings();
    const host = createOfficeHost({ env: wb.env(() => true, settings), displayLanguage: "en-US" });
    expect((await host.loadSettings()).lang).toBe("en");
    await expect(host.selectCell("Nowhere", "A1")).rejects.toThrow('Sheet "Nowhere" was not found');
    await host.saveSettings({ ...DEFAULT_SETTINGS, lang: "vi" });
    const reopened = createOfficeHost({ env: wb.env(() => true, settings), displayLanguage: "en-US" });
    expect((await reopened.loadSettings()).lang).toBe("vi");
    await expect(reopened.selectCell("Nowhere", "A1")).rejects.toThrow('Không tìm thấy trang tính "Nowhere"');
    expect(wb.sheet(SHEET)).toBeDefined();
  });

  test("a Vietnamese or unknown display language: Vietnamese", async () => {
    const wb = makeWorkbook();
    expect((await createOfficeHost({ env: wb.env(), displayLanguage: "vi-VN" }).loadSettings()).lang).toBe(
      "vi",
    );
    expect((await createOfficeHost({ env: wb.env() }).loadSettings()).lang).toBe("vi");
  });
});

describe("theme", () => {
  test("Office's dark grey and black themes are dark; isDarkTheme is used when colours are missing", () => {
    expect(themeFromOffice({ bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF" })).toBe("dark");
    expect(themeFromOffice({ bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#262626" })).toBe("light");
    expect(themeFromOffice({ isDarkTheme: true })).toBe("dark");
    expect(themeFromOffice({ isDarkTheme: false })).toBe("light");
    expect(themeFromOffice(undefined)).toBe("light");
  });
});
