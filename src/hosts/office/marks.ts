// Reversible marks: conditional formats on the found cells, recognisable as ours by their rule formula, so that
// clearing removes exactly ours and never touches the user's own formatting or conditional formats.
import { parseA1, rangeA1 } from "../../engine/grid";
import type { Lang } from "../../engine/model";
import type { Finding, Severity } from "../../engine/report";
import { rectangles } from "./blocks";
import type { OfficeEnv } from "./env";
import { OfficeHostError, message } from "./messages";

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
  await env.run(async (context) => {
    const ws = worksheet(context, sheet);
    const ours = await loadOurs(context, ws, sheet, lang);
    for (const cf of ours) cf.delete();
    for (const area of areas) {
      const severity = area.items[0][0];
      const cf = ws.getRange(rangeA1(area)).conditionalFormats.add("Custom");
      cf.custom.rule.formula = markFormula(severity);
      cf.custom.format.fill.color = MARK_COLORS[severity].fill;
      cf.custom.format.font.color = MARK_COLORS[severity].font;
    }
    await context.sync();
  });
}

export async function clearMarks(env: OfficeEnv, sheet: string, lang: Lang): Promise<void> {
  if (!marksSupported(env)) return;
  await env.run(async (context) => {
    const ours = await loadOurs(context, worksheet(context, sheet), sheet, lang);
    if (ours.length === 0) return;
    for (const cf of ours) cf.delete();
    await context.sync();
  });
}

function worksheet(context: Excel.RequestContext, sheet: string): Excel.Worksheet {
  return context.workbook.worksheets.getItem(sheet);
}

/** Our conditional formats on the sheet (one sync). */
async function loadOurs(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  sheet: string,
  lang: Lang,
): Promise<Excel.ConditionalFormat[]> {
  const all = ws.getRange().conditionalFormats;
  all.load("items/type,items/customOrNullObject/rule/formula");
  try {
    await context.sync();
  } catch {
    throw new OfficeHostError("sheetMissing", { sheet }, lang);
  }
  return all.items.filter((cf) => {
    const custom = cf.customOrNullObject;
    return (
      cf.type === "Custom" &&
      custom &&
      !custom.isNullObject &&
      typeof custom.rule?.formula === "string" &&
      custom.rule.formula.includes(MARK_TAG)
    );
  });
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
  const [s, e] = address.split(":");
  const start = parseA1(s);
  const end = e ? parseA1(e) : start;
  return { top: start.row, left: start.col, bottom: end.row, right: end.col };
}
