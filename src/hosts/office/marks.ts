// Reversible marks: conditional formats on the found cells. Their ids are kept in the document's settings, so that
// clearing loads and deletes exactly ours by id and never touches (or even reads) the user's own rules. The rule
// formula still names us, for a person looking at Manage Rules.
import { parseA1, rangeA1 } from "../../engine/grid";
import type { Lang } from "../../engine/model";
import type { Finding, Severity } from "../../engine/report";
import { rangeOfAddress } from "./addresses";
import { rectangles } from "./blocks";
import type { OfficeEnv } from "./env";
import { OfficeHostError, codeOf, message, reasonOf } from "./messages";
import * as store from "./settings";

/** Always true, and names us: the rule formula is how our conditional formats are told apart. */
export const MARK_TAG = "phuluc-mark";
export const markFormula = (severity: Severity) => `=ISTEXT("${MARK_TAG}:${severity}")`;
/** Excel's own "light red fill with dark red text" family, readable in light and dark sheets. */
export const MARK_COLORS: Record<Severity, { fill: string; font: string }> = {
  error: { fill: "#FFC7CE", font: "#9C0006" },
  warning: { fill: "#FFEB9C", font: "#9C5700" },
  info: { fill: "#DDEBF7", font: "#1F4E78" },
};
/** Each area is one conditional format: beyond this many, Excel slows down for nothing. */
export const MAX_MARK_AREAS = 1000;
const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export function marksSupported(env: OfficeEnv): boolean {
  return env.isSetSupported("ExcelApi", "1.6");
}

export async function markFindings(
  env: OfficeEnv,
  sheet: string,
  findings: Finding[],
  lang: Lang,
  onNotice?: (m: string) => void,
): Promise<void> {
  if (!marksSupported(env)) {
    onNotice?.(message("marksUnsupported", {}, lang));
    return;
  }
  // One mark per cell, in the colour of its worst finding.
  const worst = new Map<string, Severity>();
  for (const f of findings) {
    const prev = worst.get(f.cell);
    if (!prev || RANK[f.severity] > RANK[prev]) worst.set(f.cell, f.severity);
  }
  let areas = rectangles(
    [...worst].map(([cell, severity]) => ({ ...parseA1(cell), item: severity })),
    (s) => s,
  );
  if (areas.length > MAX_MARK_AREAS) {
    areas = [...areas].sort((a, b) => RANK[b.items[0][0]] - RANK[a.items[0][0]]).slice(0, MAX_MARK_AREAS);
    onNotice?.(message("marksCapped", { count: MAX_MARK_AREAS, sheet }, lang));
  }
  const ids = await env.run(async (context) => {
    const ws = worksheet(context, sheet);
    const ours = await findOurs(env, context, sheet, lang);
    for (const cf of ours) cf.delete();
    const added = areas.map((area) => {
      const severity = area.items[0][0];
      const cf = ws.getRange(rangeA1(area)).conditionalFormats.add("Custom");
      cf.custom.rule.formula = markFormula(severity);
      cf.custom.format.fill.color = MARK_COLORS[severity].fill;
      cf.custom.format.font.color = MARK_COLORS[severity].font;
      cf.load("id");
      return cf;
    });
    try {
      await context.sync();
    } catch (e) {
      throw new OfficeHostError("marksWriteFailed", { sheet, reason: reasonOf(e) }, lang, codeOf(e));
    }
    return added.map((cf) => cf.id);
  });
  await store.saveMarkIds(env, sheet, ids, lang);
}

export async function clearMarks(env: OfficeEnv, sheet: string, lang: Lang): Promise<void> {
  if (!marksSupported(env)) return;
  if (store.loadMarkIds(env, sheet).length === 0) return;
  await env.run(async (context) => {
    const ours = await findOurs(env, context, sheet, lang);
    if (ours.length === 0) return;
    for (const cf of ours) cf.delete();
    try {
      await context.sync();
    } catch (e) {
      throw new OfficeHostError("marksWriteFailed", { sheet, reason: reasonOf(e) }, lang, codeOf(e));
    }
  });
  await store.saveMarkIds(env, sheet, [], lang);
}

function worksheet(context: Excel.RequestContext, sheet: string): Excel.Worksheet {
  return context.workbook.worksheets.getItem(sheet);
}

/**
 * Our conditional formats on the sheet, by the ids we kept (one sync). Never the whole collection: loading every
 * rule throws on some user-made rules (office-js #6827, #6835), and deleting while iterating the collection throws
 * ItemNotFound (#5222). A mark the user already removed is simply gone.
 */
async function findOurs(
  env: OfficeEnv,
  context: Excel.RequestContext,
  sheet: string,
  lang: Lang,
): Promise<Excel.ConditionalFormat[]> {
  const ids = store.loadMarkIds(env, sheet);
  // getItemOrNullObject by id: ExcelApi 1.14; before it, getItem (one missing id fails the lookup: then none).
  const byId = env.isSetSupported("ExcelApi", "1.14");
  const collection = () => worksheet(context, sheet).getRange().conditionalFormats;
  const found = ids.map((id) => (byId ? collection().getItemOrNullObject(id) : collection().getItem(id)));
  for (const cf of found) cf.load("id");
  try {
    await context.sync();
  } catch (e) {
    const exists = context.workbook.worksheets.getItemOrNullObject(sheet);
    exists.load("name");
    await context.sync();
    if (exists.isNullObject) throw new OfficeHostError("sheetMissing", { sheet }, lang);
    if (byId) throw new OfficeHostError("marksReadFailed", { sheet, reason: reasonOf(e) }, lang, codeOf(e));
    return [];
  }
  return found.filter((cf) => !cf.isNullObject);
}

export async function selectCell(env: OfficeEnv, sheet: string, address: string, lang: Lang): Promise<void> {
  let range: string;
  try {
    range = rangeA1({ ...toRange(address) });
  } catch {
    throw new OfficeHostError("badAddress", { sheet, cell: address }, lang);
  }
  await env.run(async (context) => {
    const ws = worksheet(context, sheet);
    ws.activate();
    ws.getRange(range).select();
    try {
      await context.sync();
    } catch {
      throw new OfficeHostError("sheetMissing", { sheet }, lang);
    }
  });
}

function toRange(address: string) {
  return rangeOfAddress(address);
}
