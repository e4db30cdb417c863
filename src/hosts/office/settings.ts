// Pane settings and the user's corrections per sheet, kept in the document (Office.context.document.settings).
import { type ColumnRole, type RowKind, COLUMN_ROLES, ROW_KINDS, type Overrides } from "../../engine";
import type { Lang } from "../../i18n/lang";
import { DEFAULT_SETTINGS, type PaneSettings } from "../port";
import type { OfficeEnv } from "./env";
import { OfficeHostError, reasonOf } from "./messages";

export const SETTINGS_KEY = "phuluc.settings";
export const overridesKey = (sheet: string) => `phuluc.overrides:${sheet}`;

/** The saved settings; `defaultLang` (from Office's display language) until the user chose a language. */
export function loadSettings(env: OfficeEnv, defaultLang: Lang = DEFAULT_SETTINGS.lang): PaneSettings {
  const raw = read(env, SETTINGS_KEY) as Partial<PaneSettings> | null;
  const s: PaneSettings = { ...DEFAULT_SETTINGS, lang: defaultLang };
  if (!raw || typeof raw !== "object") return s;
  if (
    Number.isInteger(raw.rateDecimals) &&
    (raw.rateDecimals as number) >= 0 &&
    (raw.rateDecimals as number) <= 6
  )
    s.rateDecimals = raw.rateDecimals as number;
  if (raw.rounding === "half-up" || raw.rounding === "truncate") s.rounding = raw.rounding;
  if (typeof raw.writeFormulas === "boolean") s.writeFormulas = raw.writeFormulas;
  if (raw.lang === "vi" || raw.lang === "en") s.lang = raw.lang;
  // Kept only when set (absent means marks on, infos off, guide not yet closed), so the guide stays closed.
  for (const key of ["marks", "markInfos", "guideDone"] as const)
    if (typeof raw[key] === "boolean") s[key] = raw[key];
  return s;
}

export async function saveSettings(env: OfficeEnv, settings: PaneSettings, lang: Lang): Promise<void> {
  await write(env, SETTINGS_KEY, { ...settings }, lang);
}

export function loadOverrides(env: OfficeEnv, sheet: string): Overrides {
  const raw = read(env, overridesKey(sheet)) as Overrides | null;
  const out: Overrides = {};
  if (!raw || typeof raw !== "object") return out;
  if (raw.columns && typeof raw.columns === "object") {
    out.columns = {};
    for (const [letter, c] of Object.entries(raw.columns)) {
      if (!/^[A-Z]{1,3}$/.test(letter) || !c || typeof c !== "object") continue;
      const entry: { role?: ColumnRole; period?: string } = {};
      if ((COLUMN_ROLES as readonly string[]).includes(c.role as string)) entry.role = c.role;
      if (typeof c.period === "string") entry.period = c.period;
      out.columns[letter] = entry;
    }
  }
  if (raw.rows && typeof raw.rows === "object") {
    out.rows = {};
    for (const [row, kind] of Object.entries(raw.rows)) {
      if (/^\d+$/.test(row) && (ROW_KINDS as readonly string[]).includes(kind as string))
        out.rows[Number(row)] = kind as RowKind;
    }
  }
  return out;
}

export async function saveOverrides(
  env: OfficeEnv,
  sheet: string,
  overrides: Overrides,
  lang: Lang,
): Promise<void> {
  await write(env, overridesKey(sheet), overrides, lang);
}

// Outside a document (no settings object) values live for the session only.
const memory = new Map<string, unknown>();

function read(env: OfficeEnv, key: string): unknown {
  const settings = env.settings;
  if (!settings) return memory.get(key) ?? null;
  const v = settings.get(key);
  return v === undefined ? null : v;
}

/**
 * Reads the document's settings again. Each runtime (the pane, a ribbon command) holds its own copy, read when it
 * started, and saveAsync writes that whole copy back: without a refresh first, the pane would wipe what a command
 * saved meanwhile (its undo record) and would not see it.
 */
export function refresh(env: OfficeEnv): Promise<void> {
  const settings = env.settings;
  if (!settings || typeof settings.refreshAsync !== "function") return Promise.resolve();
  return new Promise((resolve) => {
    try {
      settings.refreshAsync(() => resolve());
    } catch {
      resolve(); // what this runtime holds is still usable
    }
  });
}

async function write(env: OfficeEnv, key: string, value: unknown, lang: Lang): Promise<void> {
  const settings = env.settings;
  if (!settings) {
    memory.set(key, JSON.parse(JSON.stringify(value)));
    return;
  }
  await refresh(env);
  settings.set(key, value);
  return new Promise((resolve, reject) => {
    settings.saveAsync((result) => {
      if (String(result.status) === "failed")
        reject(new OfficeHostError("settingsSaveFailed", { reason: reasonOf(result.error) }, lang));
      else resolve();
    });
  });
}

/** The conditional formats our marks made on a sheet (so that only those are ever loaded or deleted). */
const marksKey = (sheet: string) => `phuluc.marks:${sheet}`;

/** A mark as kept: its id when made (its priority then), and what finds it again when the id has moved. */
export interface KeptMark {
  id: string;
  range?: string;
  formula?: string;
}

export function loadMarks(env: OfficeEnv, sheet: string): KeptMark[] {
  const raw = read(env, marksKey(sheet));
  if (!Array.isArray(raw)) return [];
  const out: KeptMark[] = [];
  for (const x of raw) {
    // Before issue 22 only the ids were kept.
    if (typeof x === "string") out.push({ id: x });
    else if (x && typeof x === "object" && typeof (x as KeptMark).id === "string") {
      const m = x as KeptMark;
      out.push({
        id: m.id,
        ...(typeof m.range === "string" ? { range: m.range } : {}),
        ...(typeof m.formula === "string" ? { formula: m.formula } : {}),
      });
    }
  }
  return out;
}

export async function saveMarks(env: OfficeEnv, sheet: string, marks: KeptMark[], lang: Lang): Promise<void> {
  await write(env, marksKey(sheet), marks, lang);
}

/** Any value of the add-in's under `key` (saved at once, after reading the document's settings again). */
export async function saveValue(env: OfficeEnv, key: string, value: unknown, lang: Lang): Promise<void> {
  await write(env, key, value, lang);
}

/** The undo record kept where no undo sheet is made (ExcelApi 1.20, a protected structure): newest first. */
const UNDO_KEY = "phuluc.undo";

export function loadUndo(env: OfficeEnv): unknown[] {
  const raw = read(env, UNDO_KEY);
  return Array.isArray(raw) ? raw : [];
}

export async function saveUndo(env: OfficeEnv, entries: unknown[], lang: Lang): Promise<void> {
  await write(env, UNDO_KEY, entries, lang);
}

/** Office.context.displayLanguage ("vi-VN", "en-US", "fr-FR"...) → the pane's language: Vietnamese unless told. */
export function langFromDisplay(displayLanguage: string | undefined | null): Lang {
  if (!displayLanguage) return "vi";
  return /^vi\b/i.test(displayLanguage) ? "vi" : "en";
}
