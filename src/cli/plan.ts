// `phuluc plan <file.xlsx> (--reduce N | --reduce-points P) [--by households|poor|equal|weights
//  --weights "Thôn A=2;Thôn B=1"] [--sheet NAME] [--format text|json] [-o out.xlsx] [--year N] [--allow-errors]
//  [--lang vi|en]`
// Allocates a reduction target to the unit rows of the detected table; with -o, writes a copy of the workbook with
// the plan as a new sheet. Exit 0 on success, 1 when the table still has errors (one line, nothing planned, unless
// --allow-errors), 2 when nothing could be planned (bad target, unreadable file).
import * as path from "path";
import { CliIO, UserError } from "./io";
import { FORMAT_OPTION, LANG_OPTION, SHEET_OPTION, parseArgs } from "./args";
import { STRUCTURE_OPTIONS, refuseIfUnsure, structureOptions } from "./structure";
import { analyzeWorkbookFile, samePath, writePatched } from "./workbook";
import {
  type TableAnalysis,
  rangeA1,
  type Grid,
  buildAppendix,
  type AppendixLayout,
  PlanError,
  planTable,
  type AllocationMethod,
  type Plan,
  type PlanTarget,
} from "../engine";
import type { Lang } from "../i18n/lang";
import { appendixLabels } from "../i18n/appendix";
import type { XlsxPackage } from "../hosts/xlsx/package";
import { naturalDecimals, showNumber } from "../i18n/numbers";
import { describePlanError, describePlanNotes } from "../i18n/plan";
import { openProblems } from "../hosts/analysis";

export const TARGET_OPTIONS = {
  reduce: { type: "number" },
  "reduce-points": { type: "number" },
  by: { type: "string", choices: ["households", "poor", "equal", "weights"], default: "households" },
  /** With --by weights: one weight per unit, by name ("Thôn A=2;Thôn B=1") or in sheet order ("2;1;1,5;3"). */
  weights: { type: "string" },
  year: { type: "number" },
  /** Plan or write the appendix even though the table still has errors (said loudly, exit 0). */
  "allow-errors": { type: "boolean" },
} as const;

/**
 * One line on a table with errors: plan and appendix stop (exit 1) unless the user asks with --allow-errors;
 * then the same count is said as a warning above the result. Undefined on a clean table.
 */
export function errorsLine(
  command: string,
  analysis: TableAnalysis,
  lang: Lang,
  allowed: boolean,
  /** A draft copy was written anyway (-o given). */
  drafted = false,
): string | undefined {
  const cells = openProblems(analysis).map((f) => f.cell);
  if (cells.length === 0) return undefined;
  const shown = cells.length > 8 ? `${cells.slice(0, 8).join(", ")}, …` : cells.join(", ");
  const where = `${rangeA1(analysis.table.range)}`;
  const sheet = analysis.table.sheet;
  const what = command === "plan" ? ["kế hoạch", "plan"] : ["phụ lục", "appendix"];
  if (allowed)
    return lang === "en"
      ? `Warning: table ${where} on sheet "${sheet}" still has ${cells.length} error(s) (${shown}); this ${what[1]} is built on them at your request (--allow-errors) and is not ready to sign.`
      : `Cảnh báo: bảng ${where} ở trang tính "${sheet}" còn ${cells.length} lỗi (${shown}); ${what[0]} này được lập theo yêu cầu (--allow-errors), chưa dùng để ký được.`;
  return lang === "en"
    ? `phuluc ${command}: table ${where} on sheet "${sheet}" still has ${cells.length} error(s) (${shown}); no ${what[1]} ready to sign${drafted ? ` (the copy written is marked DRAFT)` : ""}. Fix them first ("phuluc check", "phuluc fix"), or add --allow-errors to make it anyway.`
    : `phuluc ${command}: bảng ${where} ở trang tính "${sheet}" còn ${cells.length} lỗi (${shown}); chưa lập ${what[0]} để ký${drafted ? ` (bản đã ghi mang chữ BẢN NHÁP)` : ""}. Hãy sửa trước ("phuluc check", "phuluc fix"), hoặc thêm --allow-errors để vẫn lập.`;
}

/**
 * A sheet written from a table that still has errors, without --allow-errors: a draft, said on its title line, so
 * that nothing "ready to sign" stands on an unresolved error while the user's file still gets its copy whole.
 */
export function markDraft(layout: AppendixLayout, lang: Lang): AppendixLayout {
  const word = lang === "en" ? "DRAFT (THE TABLE STILL HAS ERRORS) – " : "BẢN NHÁP (BẢNG CÒN LỖI) – ";
  return {
    ...layout,
    cells: layout.cells.map((c) =>
      c.row === 1 && c.col === 1 && typeof c.value === "string" ? { ...c, value: word + c.value } : c,
    ),
  };
}

const SPEC = {
  command: "plan",
  options: {
    ...TARGET_OPTIONS,
    sheet: SHEET_OPTION,
    format: FORMAT_OPTION,
    out: { type: "string", short: "o" },
    force: { type: "boolean" },
    lang: LANG_OPTION,
    ...STRUCTURE_OPTIONS,
  },
  positionals: ["file.xlsx"],
} as const;

/** The target from --reduce / --reduce-points; undefined when neither is given and `required` is false. */
export function targetFromFlags(
  command: string,
  flags: { reduce?: number; "reduce-points"?: number },
  lang: Lang,
  required: boolean,
): PlanTarget | undefined {
  const en = lang === "en";
  const n = flags.reduce;
  const p = flags["reduce-points"];
  if (n !== undefined && p !== undefined) {
    throw new UserError(
      en
        ? `phuluc ${command}: give either --reduce or --reduce-points, not both`
        : `phuluc ${command}: chỉ dùng một trong hai tùy chọn --reduce hoặc --reduce-points`,
    );
  }
  if (n !== undefined) return { kind: "households", households: n };
  if (p !== undefined) return { kind: "points", points: p };
  if (!required) return undefined;
  throw new UserError(
    en
      ? `phuluc ${command}: missing the target: --reduce N (households) or --reduce-points P (percentage points)`
      : `phuluc ${command}: thiếu chỉ tiêu: --reduce N (số hộ giảm) hoặc --reduce-points P (số điểm phần trăm giảm)`,
  );
}

/** The table to plan on: the first one with unit rows and a poor-households column. */
export function choosePlanTable(
  analyses: TableAnalysis[],
  grids: Grid[],
  file: string,
  lang: Lang,
): { analysis: TableAnalysis; grid: Grid; others: number } {
  const usable = analyses.filter(
    (a) =>
      a.table.rows.some((r) => r.kind === "unit") && a.table.columns.some((c) => c.role === "poorHouseholds"),
  );
  if (usable.length === 0) {
    throw new UserError(
      lang === "en"
        ? `"${file}": no table with unit rows and a poor-households column was found`
        : `"${file}": không tìm thấy bảng nào có các dòng đơn vị và cột số hộ nghèo`,
    );
  }
  const analysis = usable[0];
  const grid = grids.find((g) => g.sheet === analysis.table.sheet)!;
  return { analysis, grid, others: usable.length - 1 };
}

/** planTable with PlanError turned into a one-line UserError naming the sheet. */
/** --weights "2;1;1,5;3": one weight per unit row in sheet order (Vietnamese or English decimals). */
function weightsFromFlag(
  raw: string | undefined,
  analysis: TableAnalysis,
  lang: Lang,
): Record<number, number> {
  const en = lang === "en";
  const units = analysis.table.rows.filter((r) => r.kind === "unit");
  if (raw === undefined) {
    throw new UserError(
      en
        ? '--by weights needs --weights "w1;w2;..." (one per unit row)'
        : '--by weights cần --weights "w1;w2;..." (mỗi đơn vị một trọng số)',
    );
  }
  const parts = raw
    .split(";")
    .map((x) => x.trim())
    .filter((x) => x !== "");
  const number = (text: string): number => {
    const w = Number(text.replace(",", "."));
    if (!/^\d+([.,]\d+)?$/.test(text) || !Number.isFinite(w)) {
      throw new UserError(
        en
          ? `--weights: "${text}" is not a non-negative number`
          : `--weights: "${text}" không phải số không âm`,
      );
    }
    return w;
  };
  const weights: Record<number, number> = {};
  // By name: "Thôn A=2;Thôn B=1" (case, spacing and diacritics as typed in the table, compared loosely).
  if (parts.some((p) => p.includes("="))) {
    const key = (t: string) => t.normalize("NFC").toLocaleLowerCase("vi").replace(/\s+/g, " ").trim();
    const byName = new Map(units.map((u) => [key(u.label), u]));
    for (const part of parts) {
      const eq = part.lastIndexOf("=");
      const name = eq < 0 ? part : part.slice(0, eq).trim();
      const unit = byName.get(key(name));
      if (eq < 0 || !unit) {
        throw new UserError(
          en
            ? `--weights: "${name}" is not a unit of the table (units: ${units.map((u) => u.label).join(", ")})`
            : `--weights: "${name}" không phải đơn vị nào trong bảng (các đơn vị: ${units.map((u) => u.label).join(", ")})`,
        );
      }
      weights[unit.row] = number(part.slice(eq + 1).trim());
    }
    const missing = units.filter((u) => weights[u.row] === undefined).map((u) => `"${u.label}"`);
    if (missing.length > 0) {
      throw new UserError(
        en
          ? `--weights: no weight for ${missing.join(", ")} (give every unit one, e.g. "${units[0].label}=1")`
          : `--weights: chưa có trọng số cho ${missing.join(", ")} (mỗi đơn vị một trọng số, ví dụ "${units[0].label}=1")`,
      );
    }
    return weights;
  }
  if (parts.length !== units.length) {
    throw new UserError(
      en
        ? `--weights has ${parts.length} values but the table has ${units.length} unit rows`
        : `--weights có ${parts.length} giá trị nhưng bảng có ${units.length} dòng đơn vị`,
    );
  }
  parts.forEach((text, i) => {
    weights[units[i].row] = number(text);
  });
  return weights;
}

export function planOrExplain(
  analysis: TableAnalysis,
  grid: Grid,
  target: PlanTarget,
  flags: { by?: string; weights?: string },
  lang: Lang,
): Plan {
  const method = (flags.by ?? "households") as AllocationMethod;
  try {
    const weights = method === "weights" ? weightsFromFlag(flags.weights, analysis, lang) : undefined;
    return planTable(analysis.table, grid, analysis.derived, target, {
      method,
      weights,
      corrections: analysis.corrections,
    });
  } catch (err) {
    if (err instanceof PlanError) {
      const where = lang === "en" ? `sheet "${grid.sheet}"` : `trang tính "${grid.sheet}"`;
      const message = describePlanError(err, lang);
      throw new UserError(message.includes(grid.sheet) ? message : `${where}: ${message}`);
    }
    throw err;
  }
}

/** Checks -o: present when required, never the input file. */
export function outputPath(
  command: string,
  input: string,
  out: string | undefined,
  cwd: string,
  lang: Lang,
): string | undefined {
  if (out === undefined) return undefined;
  const resolved = path.resolve(cwd, out);
  if (samePath(path.resolve(cwd, input), resolved)) {
    throw new UserError(
      lang === "en"
        ? `phuluc ${command}: the output is the input file "${input}"; give another -o (the user's workbook is never overwritten)`
        : `phuluc ${command}: tệp ra trùng với tệp gốc "${input}"; hãy chọn -o khác (không ghi đè lên bảng của người dùng)`,
    );
  }
  return resolved;
}

/** Adds the layout as a new sheet to a copy of the workbook (nothing else changes); returns the sheet's name. */
export async function writeOrExplain(
  workbook: XlsxPackage,
  layout: AppendixLayout,
  file: string,
  shown: string,
  lang: Lang,
  force?: boolean,
): Promise<{ name: string }> {
  const result = await writePatched(workbook, { sheets: [layout] }, file, shown, lang, { force });
  return { name: result.added[0] };
}

function planJson(plan: Plan, sheet: string, lang: Lang): unknown {
  return {
    target: plan.target,
    method: plan.method,
    allocations: plan.allocations.map((a) => ({
      row: a.row,
      label: a.label,
      reduction: a.reduction,
      projectedPoor: a.projectedPoor,
      projectedRate: a.projectedRate,
      households: a.households,
      startPoor: a.startPoor,
      startRate: a.startRate,
      capped: a.capped,
    })),
    sheet,
    ...(plan.points !== undefined ? { points: plan.points } : {}),
    groups: plan.aggregates.map((g) => ({
      row: g.row,
      kind: g.kind,
      label: g.label,
      reduction: g.reduction,
      projectedPoor: g.projectedPoor,
      projectedRate: g.projectedRate,
      households: g.households,
      startPoor: g.startPoor,
      startRate: g.startRate,
    })),
    notes: describePlanNotes(plan.notes, lang),
  };
}

function pad(s: string, n: number, right = false): string {
  const len = [...s].length;
  if (len >= n) return s;
  return right ? " ".repeat(n - len) + s : s + " ".repeat(n - len);
}

function planText(plan: Plan, sheet: string, lang: Lang): string {
  const vi = lang === "vi";
  const num = (n: number | null, d = 0) => (n === null ? "–" : showNumber(n, lang, d));
  const head = vi
    ? ["Dòng", "Đơn vị", "Tổng số hộ", "Hộ nghèo", "Giảm", "Còn lại", "Tỷ lệ (%)"]
    : ["Row", "Unit", "Households", "Poor", "Reduce", "Left", "Rate (%)"];
  const rows: string[][] = [];
  const byRow = new Map<number, string[]>();
  for (const a of plan.allocations) {
    byRow.set(a.row, [
      String(a.row),
      a.label + (a.capped ? " *" : ""),
      num(a.households),
      num(a.startPoor),
      num(a.reduction),
      num(a.projectedPoor),
      num(a.projectedRate, 2),
    ]);
  }
  for (const g of plan.aggregates) {
    byRow.set(g.row, [
      String(g.row),
      g.label.toLocaleUpperCase(lang),
      num(g.households),
      num(g.startPoor),
      num(g.reduction),
      num(g.projectedPoor),
      num(g.projectedRate, 2),
    ]);
  }
  for (const r of [...byRow.keys()].sort((a, b) => a - b)) rows.push(byRow.get(r)!);
  const widths = head.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...r[i]].length)));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i], i !== 1)).join("  ");
  const target = vi
    ? `Chỉ tiêu: giảm ${num(plan.target)} hộ nghèo${plan.points !== undefined ? ` (${showNumber(plan.points, lang, naturalDecimals(plan.points))} điểm %)` : ""} — trang tính "${sheet}"`
    : `Target: ${num(plan.target)} households out of poverty${plan.points !== undefined ? ` (${showNumber(plan.points, lang)} points)` : ""} — sheet "${sheet}"`;
  const out = [target, "", line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line), ""];
  if (plan.allocations.some((a) => a.capped))
    out.push(vi ? "* được giao toàn bộ số hộ nghèo hiện có" : "* given all of its poor households");
  out.push(...describePlanNotes(plan.notes, lang).map((n) => `- ${n}`), "");
  return out.join("\n");
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const { flags, positionals } = parseArgs(args, SPEC);
  const lang = (flags.lang ?? "vi") as Lang;
  const input = positionals[0];
  const target = targetFromFlags("plan", flags, lang, true)!;
  const out = outputPath("plan", input, flags.out, io.cwd, lang);
  const { workbook, grids, analyses } = await analyzeWorkbookFile(path.resolve(io.cwd, input), input, {
    sheet: flags.sheet,
    lang,
    engine: structureOptions("plan", flags, lang),
  });
  const { analysis, grid } = choosePlanTable(analyses, grids, input, lang);
  refuseIfUnsure("plan", analysis, lang);
  // A target that cannot be planned is said first (exit 2); then a table with errors stops here (exit 1).
  const plan = planOrExplain(analysis, grid, target, flags, lang);
  const errors = errorsLine("plan", analysis, lang, flags["allow-errors"], !!out);
  // Not asked for (--allow-errors): with -o a copy marked as a draft is still written; the plan is not printed.
  const draft = !!errors && !flags["allow-errors"];
  if (draft && !out) {
    io.err(errors + "\n");
    return 1;
  }

  let written = "";
  if (out) {
    const built = buildAppendix(analysis, {
      grid,
      plan,
      labels: appendixLabels(lang),
      year: flags.year,
      existingSheetNames: workbook.worksheets.map((w) => w.name),
    });
    const layout = draft ? markDraft(built, lang) : built;
    const ws = await writeOrExplain(workbook, layout, out, flags.out!, lang, flags.force);
    written =
      lang === "vi"
        ? `Đã ghi kế hoạch vào trang tính mới "${ws.name}" của tệp ${flags.out}\n`
        : `Wrote the plan to the new sheet "${ws.name}" of ${flags.out}\n`;
  }
  if (draft) {
    io.err(errors + "\n");
    io.err(written);
    return 1;
  }
  if (flags.format === "json") io.out(JSON.stringify(planJson(plan, grid.sheet, lang), null, 2) + "\n");
  else io.out((errors ? errors + "\n\n" : "") + planText(plan, grid.sheet, lang));
  if (errors && flags.format === "json") io.err(errors + "\n");
  if (written) (flags.format === "json" ? io.err : io.out)(written);
  return 0;
}
