// The one place where a finding becomes a sentence: from its rule, cell, values and parameters, in the reader's
// language. The engine's findings carry no text; the CLI, the pane and JSON output call these at the edge.
import { naturalDecimals, showNumber } from "./numbers";
import type { Finding, Report, TableReport, WritePlan } from "../engine";
import { findingMessage, type MessageLang, type MessageParams } from "./messages";

function shownNumber(x: number, lang: MessageLang, decimals: number | undefined): string {
  // A rate shows at least the decimals of its cell, more when the value has them (5,2 shown as 5,20).
  return showNumber(x, lang, decimals === undefined ? undefined : Math.max(decimals, naturalDecimals(x)));
}

/** The sentence for one finding, Vietnamese by default. */
export function describeFinding(f: Finding, lang: MessageLang = "vi"): string {
  const p = f.params ?? {};
  const text = (k: string): string | undefined => (p[k] === undefined ? undefined : String(p[k]));
  const actual =
    f.actual === null
      ? lang === "en"
        ? "(empty)"
        : "(trống)"
      : typeof f.actual === "number"
        ? shownNumber(f.actual, lang, f.decimals)
        : f.actual;
  // A fraction under a percent format: the percentage the reader sees in the cell, with its sign.
  const percent = typeof p.percent === "number" ? p.percent : undefined;
  const params: MessageParams = {
    cell: f.cell,
    actual: percent !== undefined ? `${shownNumber(percent, lang, f.decimals)}%` : actual,
    expected:
      f.expected === null
        ? undefined
        : `${shownNumber(f.expected, lang, f.decimals)}${percent !== undefined ? "%" : ""}`,
    related: text("relation") ?? f.related.join(", "),
  };
  for (const [k, v] of Object.entries(p)) {
    if (k === "relation" || k === "targets" || k === "percent") continue;
    params[k] = typeof v === "number" ? showNumber(v, lang) : v;
  }
  const targets = text("targets");
  if (targets !== undefined) params.detail = lang === "en" ? `cells ${targets}` : `các ô ${targets}`;
  const template = p.variant === "input-typo" ? "input-typo" : f.rule;
  if (template === "input-typo") delete params.variant;
  return findingMessage(template, params, lang);
}

/** The finding with its sentence filled in (for JSON output and for views that show `message`). */
export function withMessage(f: Finding, lang: MessageLang = "vi"): Finding {
  return { ...f, message: describeFinding(f, lang) };
}

export function describeTable(table: TableReport, lang: MessageLang = "vi"): TableReport {
  return { ...table, findings: table.findings.map((f) => withMessage(f, lang)) };
}

/** A report whose every finding carries its sentence: what `phuluc check --format json` prints. */
export function describeReport(report: Report, lang: MessageLang = "vi"): Report {
  return { ...report, tables: report.tables.map((t) => describeTable(t, lang)) };
}

export function describePlan(plan: WritePlan, lang: MessageLang = "vi"): WritePlan {
  return { ...plan, undecided: plan.undecided.map((f) => withMessage(f, lang)) };
}
