// Reversible marks: conditional formats on the found cells. Each mark is kept in the document's settings as its id,
// its range and its formula. A conditional format's id is documented as its priority in the collection, not a
// stable id: a rule the user adds later (it takes the first priority) or deletes moves ours. So a kept id is
// trusted only when the rule there still has our formula and our range; otherwise the mark is looked for by its
// formula and range, rule by rule. A rule whose formula does not name us (MARK_TAG) is never deleted.
import { parseA1, rangeA1, type Finding, type Severity } from "../../engine";
import type { Lang } from "../../i18n/lang";
import { rangeOfAddress } from "./addresses";
import { rectangles } from "./blocks";
import type { OfficeEnv } from "./env";
import { OfficeHostError, codeOf, message, reasonOf } from "./messages";
import * as store from "./settings";

/** Always true, and names us: the rule formula is how our conditional formats are told apart. */
export const MARK_TAG = "phuluc-mark";
const markFormula = (severity: Severity) => `=ISTEXT("${MARK_TAG}:${severity}")`;
/** Excel's own "light red fill with dark red text" family, readable in light and dark sheets. */
const MARK_COLORS: Record<Severity, { fill: string; font: string }> = {
  error: { fill: "#FFC7CE", font: "#9C0006" },
  warning: { fill: "#FFEB9C", font: "#9C5700" },
  info: { fill: "#DDEBF7", font: "#1F4E78" },
};
/** Each area is one conditional format: beyond this many, Excel slows down for nothing. */
const MAX_MARK_AREAS = 1000;
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
  const kept = await env.run(async (context) => {
    const ws = worksheet(context, sheet);
    const ours = await findOurs(env, context, sheet, lang);
    deleteInOrder(ours);
    const added = areas.map((area) => {
      const severity = area.items[0][0];
      const cf = ws.getRange(rangeA1(area)).conditionalFormats.add("Custom");
      cf.custom.rule.formula = markFormula(severity);
      cf.custom.format.fill.color = MARK_COLORS[severity].fill;
      cf.custom.format.font.color = MARK_COLORS[severity].font;
      return { cf, mark: { id: "", range: rangeA1(area), formula: markFormula(severity) } };
    });
    // The ids once every rule is added: each add moves the ones before it down a priority.
    for (const a of added) a.cf.load("id");
    try {
      await context.sync();
    } catch (e) {
      throw new OfficeHostError("marksWriteFailed", { sheet, reason: reasonOf(e) }, lang, codeOf(e));
    }
    return added.map((a) => ({ ...a.mark, id: a.cf.id }));
  });
  await store.saveMarks(env, sheet, kept, lang);
}

export async function clearMarks(env: OfficeEnv, sheet: string, lang: Lang): Promise<void> {
  if (!marksSupported(env)) return;
  if (store.loadMarks(env, sheet).length === 0) return;
  await env.run(async (context) => {
    const ours = await findOurs(env, context, sheet, lang);
    if (ours.length === 0) return;
    deleteInOrder(ours);
    try {
      await context.sync();
    } catch (e) {
      throw new OfficeHostError("marksWriteFailed", { sheet, reason: reasonOf(e) }, lang, codeOf(e));
    }
  });
  await store.saveMarks(env, sheet, [], lang);
}

/** Lowest priority first: deleting a rule moves only the rules after it. */
function deleteInOrder(ours: Found[]): void {
  for (const f of [...ours].sort((a, b) => b.priority - a.priority)) f.cf.delete();
}

function worksheet(context: Excel.RequestContext, sheet: string): Excel.Worksheet {
  return context.workbook.worksheets.getItem(sheet);
}

interface Found {
  cf: Excel.ConditionalFormat;
  priority: number;
}

interface Probe {
  cf: Excel.ConditionalFormat;
  rule: { formula?: string; load(p: string): void };
  range: { isNullObject?: boolean; address?: string; load(p: string): void };
}

/** Queues what tells a rule apart: its type, its formula (custom rules only) and its range. */
function probe(cf: Excel.ConditionalFormat): Probe {
  cf.load("id,type");
  const rule = cf.customOrNullObject.rule as unknown as Probe["rule"];
  rule.load("formula");
  const range = cf.getRangeOrNullObject() as unknown as Probe["range"];
  range.load("address");
  return { cf, rule, range };
}

/** Is this rule the mark we kept? Our tag in its formula always, and the kept formula and range when known. */
function isMark(p: Probe, mark: store.KeptMark): boolean {
  try {
    return matches(p, mark);
  } catch {
    return false; // a property Office.js did not return (a null object's navigation): not ours
  }
}

function matches(p: Probe, mark: store.KeptMark): boolean {
  if ((p.cf as unknown as { isNullObject?: boolean }).isNullObject) return false;
  const formula = p.rule.formula;
  if (typeof formula !== "string" || !formula.includes(MARK_TAG)) return false;
  if (mark.formula !== undefined && formula !== mark.formula) return false;
  if (mark.range !== undefined) {
    if (p.range.isNullObject || !p.range.address) return false;
    try {
      if (rangeA1(rangeOfAddress(p.range.address)) !== mark.range) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * Our conditional formats on the sheet. First by the ids we kept (one sync), each checked against its formula and
 * range; a mark not found where its id points is looked for among the sheet's rules one by one (two more syncs),
 * never by loading the whole collection at once: that throws on some user-made rules (office-js #6827, #6835),
 * and deleting while iterating it throws ItemNotFound (#5222). A mark the user already removed is simply gone.
 */
async function findOurs(
  env: OfficeEnv,
  context: Excel.RequestContext,
  sheet: string,
  lang: Lang,
): Promise<Found[]> {
  const marks = store.loadMarks(env, sheet);
  if (marks.length === 0) return [];
  // getItemOrNullObject by id: ExcelApi 1.14; before it, getItem (one missing id fails the lookup: then search).
  const byId = env.isSetSupported("ExcelApi", "1.14");
  const collection = () => worksheet(context, sheet).getRange().conditionalFormats;
  const probes = marks.map((m) =>
    probe(byId ? collection().getItemOrNullObject(m.id) : collection().getItem(m.id)),
  );
  let direct = true;
  try {
    await context.sync();
  } catch (e) {
    const exists = context.workbook.worksheets.getItemOrNullObject(sheet);
    exists.load("name");
    await context.sync();
    if (exists.isNullObject) throw new OfficeHostError("sheetMissing", { sheet }, lang);
    if (byId) throw new OfficeHostError("marksReadFailed", { sheet, reason: reasonOf(e) }, lang, codeOf(e));
    direct = false;
  }
  const found: Found[] = [];
  const missing: store.KeptMark[] = [];
  marks.forEach((m, i) => {
    if (direct && isMark(probes[i], m)) found.push({ cf: probes[i].cf, priority: Number(probes[i].cf.id) });
    else missing.push(m);
  });
  if (missing.length === 0) return found;
  // Some id no longer points at our mark: look at every rule's formula and range.
  const count = collection().getCount();
  try {
    await context.sync();
  } catch (e) {
    throw new OfficeHostError("marksReadFailed", { sheet, reason: reasonOf(e) }, lang, codeOf(e));
  }
  const all = Array.from({ length: count.value }, (_, i) => ({
    i,
    p: probe(collection().getItemAt(i)),
  }));
  try {
    await context.sync();
  } catch (e) {
    throw new OfficeHostError("marksReadFailed", { sheet, reason: reasonOf(e) }, lang, codeOf(e));
  }
  const taken = new Set(found.map((f) => f.priority));
  for (const m of missing) {
    const hit = all.find(({ i, p }) => !taken.has(i) && isMark(p, m));
    if (!hit) continue; // the user removed it
    taken.add(hit.i);
    found.push({ cf: hit.p.cf, priority: hit.i });
  }
  return found;
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
