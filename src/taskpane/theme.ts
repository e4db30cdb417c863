// Picks the Fluent theme: from Office's theme colours in Excel, from the system preference on the standalone page.
import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

export type ThemeName = "light" | "dark" | "contrast";

export const THEMES: Record<ThemeName, Theme> = {
  light: webLightTheme,
  dark: webDarkTheme,
  contrast: teamsHighContrastTheme,
};

/** Relative luminance (0 black … 1 white) of "#rrggbb" / "#rgb"; null when the colour cannot be read. */
export function luminance(color: string | undefined | null): number | null {
  if (!color) return null;
  let hex = color.trim().replace(/^#/, "");
  if (hex.length === 3) hex = hex.replace(/./g, (c) => c + c);
  if (!/^[0-9a-fA-F]{6}$/.test(hex)) return null;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** What the pane reads of Office.context.officeTheme (isDarkTheme exists in newer hosts only). */
export interface OfficeThemeColors {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
  isDarkTheme?: boolean;
}

/**
 * Office's theme (Office.context.officeTheme) → light, dark or high contrast. Office's high-contrast themes use
 * pure black or white bodies with pure opposite text; its dark themes use dark greys.
 */
export function themeFromOffice(officeTheme: OfficeThemeColors | undefined, forcedColors = false): ThemeName {
  if (forcedColors) return "contrast";
  const bg = luminance(officeTheme?.bodyBackgroundColor);
  if (bg === null) return officeTheme?.isDarkTheme === true ? "dark" : "light";
  const fg = luminance(officeTheme?.bodyForegroundColor);
  if (bg === 0 && fg === 1) return "contrast";
  return bg < 0.2 ? "dark" : "light";
}

/** Standalone page: ?theme=dark|light|contrast forces a theme (for screenshots), else the system preference. */
export function themeFromPage(search: string, prefersDark: boolean, forcedColors = false): ThemeName {
  const forced = new URLSearchParams(search).get("theme");
  if (forced === "dark" || forced === "light" || forced === "contrast") return forced;
  if (forcedColors) return "contrast";
  return prefersDark ? "dark" : "light";
}
