// The one place where a finding becomes a sentence: from its rule, cell, values and parameters, in the reader's
// language. The engine's findings carry no text; the CLI, the pane and JSON output call these at the edge.
import { naturalDecimals, showNumber } from "./numbers";
import type { Finding, Report, TableReport, ColumnRole } from "../engine";
import { findingMessage, type MessageLang, type MessageParams, type MessageRule } from "./messages";
import { RULE_NAMES } from "./ui";

function shownNumber(x: number, lang: MessageLang, decimals: number | undefined): string {
  // A rate shows at least the decimals of its cell, more when the value has them (5,2 shown as 5,20).
  return showNumber(x, lang, decimals === undefined ? undefined : Math.max(decimals, naturalDecimals(x)));
}

/** "suggested": the data only suggests the finding (a probable typo); nothing is written from it. */
export function isSuggested(f: Finding): boolean {
  return (f as { certainty?: string }).certainty === "suggested";
}

/** The role of the column a finding's cell is in, from the table's columns ("E12" → column E's role). */
export function roleOfCell(
  columns: readonly { column: string; role: ColumnRole }[] | undefined,
  cell: string,
): ColumnRole | undefined {
  const letter = cell.replace(/\$/g, "").replace(/[0-9]+$/, "");
  return columns?.find((c) => c.column === letter)?.role;
}

/** Which words a finding takes: its rule's, or a variant's with its own (a suspected typo, a rate reduction). */
function templateOf(f: Finding, role: ColumnRole | undefined): MessageRule {
  // A total over a unit listed twice: the sum of the rows as they stand, and the row to look at first.
  if (f.params?.duplicateCell) return f.rule as MessageRule;
  // A probable typo: the engine's variant, or its certainty "suggested" with a value to suggest.
  if (f.params?.variant === "input-typo" || (isSuggested(f) && typeof f.expected === "number"))
    return "input-typo";
  if (
    (role === "rateReduction" || f.params?.variant === "rate-reduction") &&
    (f.rule === "projection-mismatch" || f.rule === "reduction-mismatch")
  )
    return "rate-reduction";
  return f.rule as MessageRule;
}

const TITLES: Record<MessageLang, Partial<Record<MessageRule, string>>> = {
  vi: {
    "input-typo": "Có thể nhập sai",
    "rate-reduction": "Tỷ lệ giảm không khớp",
    "copied-column": "Cột chép từ cột khác",
    "duplicate-unit": "Đơn vị ghi hai lần",
  },
  en: {
    "input-typo": "Possible typo",
    "rate-reduction": "Rate reduction does not match",
    "copied-column": "Column copied from another",
    "duplicate-unit": "Unit listed twice",
  },
};

/**
 * A finding's title, matching what it says: a probable typo is "Có thể nhập sai" whatever relation exposed it, a
 * rate reduction is not "Số dự kiến". `role` is the role of the finding's column (roleOfCell), when known.
 */
export function findingTitle(f: Finding, lang: MessageLang = "vi", role?: ColumnRole): string {
  const template = isSuggested(f) ? "input-typo" : templateOf(f, role);
  return TITLES[lang][template] ?? (RULE_NAMES[lang] as Record<string, string | undefined>)[f.rule] ?? f.rule;
}

/** The sentence for one finding, Vietnamese by default; `role` as for findingTitle. */
export function describeFinding(f: Finding, lang: MessageLang = "vi", role?: ColumnRole): string {
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
  const template = templateOf(f, role);
  if (template === "input-typo") delete params.variant;
  return findingMessage(template, params, lang);
}

/** The finding with its sentence filled in (for JSON output and for views that show `message`). */
export function withMessage(f: Finding, lang: MessageLang = "vi"): Finding {
  return { ...f, message: describeFinding(f, lang) };
}

export function describeTable(table: TableReport, lang: MessageLang = "vi"): TableReport {
  return {
    ...table,
    findings: table.findings.map((f) => ({
      ...f,
      message: describeFinding(f, lang, roleOfCell(table.columns, f.cell)),
    })),
  };
}

/** A report whose every finding carries its sentence: what `phuluc check --format json` prints. */
export function describeReport(report: Report, lang: MessageLang = "vi"): Report {
  return { ...report, tables: report.tables.map((t) => describeTable(t, lang)) };
}
