// The plan appendix "Dự kiến năm N": per unit the households, the poor at the start of the year, the reduction
// the allocation gives (plan.ts) and the projected poor, with rates; aggregates as live SUMs, rates as formulas.
import { columnLetter } from "../grid";
import type { TableAnalysis } from "../index";
import type { Row } from "../model";
import type { Plan } from "../plan";
import { sumFormula } from "./formula";
import { finishHeights, rowNumberText, Sheet, textWidth, uniqueSheetName } from "./sheet";
import { signatureBlock } from "./signature";
import {
  APPENDIX_FONT,
  COUNT_FORMAT,
  headerStyle,
  numberingStyle,
  pageFor,
  RATE_FORMAT,
  TABLE_FONT_SIZE,
} from "./style";
import { sourceTitleBlock, tableYear, titleBlock } from "./title";
import type { AppendixCellStyle, AppendixLabels, AppendixLayout, AppendixOptions } from "./types";

interface PlanColumn {
  key:
    | "stt"
    | "name"
    | "households"
    | "startPoor"
    | "startRate"
    | "reduction"
    | "rateReduction"
    | "projectedPoor"
    | "projectedRate";
  group?: string;
  header: string;
  number: string;
  width: number;
}

function planColumns(withRates: boolean, year: number, words: AppendixLabels["plan"]): PlanColumn[] {
  const start = words.start(year);
  const red = words.reduction(year);
  const proj = words.projected(year);
  const count = words.count;
  const rate = words.rate;
  const cols: PlanColumn[] = [
    { key: "stt", header: words.rowNumber, number: "A", width: 6 },
    { key: "name", header: words.unit, number: "B", width: 24 },
  ];
  if (withRates) cols.push({ key: "households", header: words.households, number: "", width: 11 });
  cols.push({ key: "startPoor", group: start, header: count, number: "", width: 10 });
  if (withRates) cols.push({ key: "startRate", group: start, header: rate, number: "", width: 10 });
  cols.push({ key: "reduction", group: red, header: count, number: "", width: 10 });
  if (withRates)
    cols.push({
      key: "rateReduction",
      group: red,
      header: words.rateReduction,
      number: "",
      width: 10,
    });
  cols.push({ key: "projectedPoor", group: proj, header: count, number: "", width: 10 });
  if (withRates) cols.push({ key: "projectedRate", group: proj, header: rate, number: "", width: 10 });
  // Numbering: 1, 2, ... with the relations stated the way the tables state them.
  const num = new Map<PlanColumn["key"], number>();
  let k = 1;
  for (const c of cols) if (c.key !== "stt" && c.key !== "name") num.set(c.key, k++);
  const n = (key: PlanColumn["key"]) => num.get(key);
  for (const c of cols) {
    if (c.key === "stt" || c.key === "name") continue;
    const self = n(c.key)!;
    if (c.key === "startRate") c.number = `${self}=${n("startPoor")}/${n("households")}*100`;
    else if (c.key === "rateReduction") c.number = `${self}=${n("startRate")}-${n("projectedRate")}`;
    else if (c.key === "projectedPoor") c.number = `${self}=${n("startPoor")}-${n("reduction")}`;
    else if (c.key === "projectedRate") c.number = `${self}=${n("projectedPoor")}/${n("households")}*100`;
    else c.number = String(self);
  }
  return cols;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

export function buildPlanAppendix(
  analysis: TableAnalysis,
  plan: Plan,
  options: AppendixOptions,
): AppendixLayout {
  const { table } = analysis;
  const { labels } = options;
  const year = options.year ?? tableYear(table);
  const withRates = plan.allocations.every((a) => a.households !== null);
  const cols = planColumns(withRates, year, labels.plan);
  const colOf = new Map(cols.map((c, i) => [c.key, i + 1]));
  const letter = (key: PlanColumn["key"]) => columnLetter(colOf.get(key)!);
  const sheet = new Sheet();
  const widths = cols.map((c) => c.width);

  const headerStart = 4;
  const h1 = headerStart;
  const h2 = headerStart + 1;
  const numberingRow = headerStart + 2;
  // Header: single columns merged over both header rows, grouped columns under a merged group cell.
  for (let i = 0; i < cols.length;) {
    const c = cols[i];
    if (!c.group) {
      sheet.set(h1, i + 1, c.header, headerStyle());
      sheet.set(h2, i + 1, null, headerStyle());
      sheet.merge({ top: h1, bottom: h2, left: i + 1, right: i + 1 });
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < cols.length && cols[j + 1].group === c.group) j++;
    sheet.set(h1, i + 1, c.group, headerStyle());
    for (let k = i + 1; k <= j; k++) sheet.set(h1, k + 1, null, headerStyle());
    sheet.merge({ top: h1, bottom: h1, left: i + 1, right: j + 1 });
    for (let k = i; k <= j; k++) sheet.set(h2, k + 1, cols[k].header, headerStyle());
    i = j + 1;
  }
  cols.forEach((c, i) => sheet.set(numberingRow, i + 1, c.number, numberingStyle()));

  // Body rows in sheet order: units from the plan, aggregates from the table.
  type BodyRow = {
    source: Row;
    unit?: (typeof plan.allocations)[number];
    agg?: (typeof plan.aggregates)[number];
  };
  const unitByRow = new Map(plan.allocations.map((a) => [a.row, a]));
  const aggByRow = new Map(plan.aggregates.map((a) => [a.row, a]));
  const body: BodyRow[] = [...table.rows]
    .sort((a, b) => a.row - b.row)
    .filter((r) => unitByRow.has(r.row) || aggByRow.has(r.row) || r.kind !== "unit")
    .map((r) => ({ source: r, unit: unitByRow.get(r.row), agg: aggByRow.get(r.row) }));
  const rowMap = new Map<number, number>();
  let r = numberingRow + 1;
  for (const b of body) rowMap.set(b.source.row, r++);

  let groupIndex = 0;
  for (const b of body) {
    const nr = rowMap.get(b.source.row)!;
    if (b.source.kind === "group") groupIndex++;
    const bold = b.source.kind !== "unit" && b.source.kind !== "part";
    const style = (extra: AppendixCellStyle): AppendixCellStyle => ({
      bold,
      border: true,
      vertical: "middle",
      fontSize: TABLE_FONT_SIZE,
      ...extra,
    });
    const countStyle = style({ horizontal: "right", indent: 1, numberFormat: COUNT_FORMAT });
    const rateStyle = style({ horizontal: "right", indent: 1, numberFormat: RATE_FORMAT });
    const label = b.unit?.label ?? b.agg?.label ?? b.source.label;
    if (b.source.kind === "total" || b.source.kind === "subtotal") {
      // "Tổng cộng" spreads over the STT and name columns, as the tables write it.
      sheet.set(nr, colOf.get("stt")!, label, style({ horizontal: "center" }));
      sheet.set(nr, colOf.get("name")!, null, style({}));
      sheet.merge({ top: nr, bottom: nr, left: colOf.get("stt")!, right: colOf.get("name")! });
    } else {
      sheet.set(
        nr,
        colOf.get("stt")!,
        rowNumberText(b.source, groupIndex) || null,
        style({ horizontal: "center" }),
      );
      sheet.set(nr, colOf.get("name")!, label, style({ horizontal: "left", wrap: true }));
    }
    widths[colOf.get("name")! - 1] = Math.max(
      widths[colOf.get("name")! - 1],
      Math.min(40, textWidth(label) + 2),
    );
    const figures = b.unit ?? b.agg;
    const covered = (b.agg ? (table.rows.find((x) => x.row === b.source.row)?.covers ?? []) : [])
      .map((x) => rowMap.get(x))
      .filter((x): x is number => x !== undefined);
    if (!figures || (b.agg && covered.length === 0)) {
      for (const c of cols)
        if (c.key !== "stt" && c.key !== "name") sheet.set(nr, colOf.get(c.key)!, null, style({}));
      continue;
    }
    const input = (key: "households" | "startPoor" | "reduction", value: number | null) => {
      if (!colOf.has(key)) return;
      if (b.unit) sheet.set(nr, colOf.get(key)!, value, countStyle);
      else sheet.set(nr, colOf.get(key)!, value, countStyle, `=${sumFormula(letter(key), covered)}`);
    };
    input("households", figures.households);
    input("startPoor", figures.startPoor);
    input("reduction", figures.reduction);
    sheet.set(
      nr,
      colOf.get("projectedPoor")!,
      figures.projectedPoor,
      countStyle,
      `=${letter("startPoor")}${nr}-${letter("reduction")}${nr}`,
    );
    if (withRates) {
      const hh = `${letter("households")}${nr}`;
      sheet.set(
        nr,
        colOf.get("startRate")!,
        figures.startRate,
        rateStyle,
        `=ROUND(${letter("startPoor")}${nr}/${hh}*100,2)`,
      );
      sheet.set(
        nr,
        colOf.get("projectedRate")!,
        figures.projectedRate,
        rateStyle,
        `=ROUND(${letter("projectedPoor")}${nr}/${hh}*100,2)`,
      );
      const diff =
        figures.startRate !== null && figures.projectedRate !== null
          ? round2(figures.startRate - figures.projectedRate)
          : null;
      sheet.set(
        nr,
        colOf.get("rateReduction")!,
        diff,
        rateStyle,
        `=ROUND(${letter("startRate")}${nr}-${letter("projectedRate")}${nr},2)`,
      );
    }
  }
  const source = sourceTitleBlock(table, options.grid);
  signatureBlock(sheet, cols.length, labels.signature, source.place, source.body);
  finishHeights(sheet, headerStart, numberingRow, widths);
  const totalWidth = widths.reduce((a, b) => a + b, 0);
  const title = options.title ?? labels.plan.title(year);
  titleBlock(sheet, title, options.subtitle ?? labels.subtitle(year), cols.length, totalWidth);
  return {
    sheetName: uniqueSheetName(
      options.sheetName ?? labels.plan.sheetName(year),
      options.existingSheetNames ?? [],
    ),
    cells: sheet.list(),
    merges: sheet.merges,
    columnWidths: widths,
    printTitleRows: [headerStart, numberingRow],
    page: pageFor(totalWidth),
    fontName: APPENDIX_FONT,
    rowHeights: sheet.heights,
    variant: "plan",
  };
}
