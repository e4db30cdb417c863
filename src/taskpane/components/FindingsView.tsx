// Findings grouped by severity; each one goes to its cell on click or Enter, and offers "Sửa" when the engine
// is sure of the correction. Many findings of one rule in one column (one cause, many consequences) share one
// card with the cells inside. After "Sửa" the focus moves to the next finding, or to the summary.
import * as React from "react";
import {
  Button,
  CounterBadge,
  makeStyles,
  mergeClasses,
  shorthands,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { Finding, Severity } from "../../engine/report";
import { fmt, formatNumber, RULE_NAMES, SEVERITY_NAMES, type UiLang, type UiStrings } from "../../i18n/ui";
import { findingText, groupBySeverity, SEVERITIES } from "../analysis";

const useStyles = makeStyles({
  group: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalM,
  },
  groupTitle: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  item: {
    display: "grid",
    gridTemplateColumns: "1fr auto",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "start",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    borderRadius: tokens.borderRadiusMedium,
    ...shorthands.border(tokens.strokeWidthThin, "solid", tokens.colorNeutralStroke2),
    borderLeftWidth: tokens.strokeWidthThickest,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": {
      outlineStyle: "solid",
      outlineWidth: tokens.strokeWidthThick,
      outlineColor: tokens.colorStrokeFocus2,
      outlineOffset: "1px",
    },
  },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected },
  groupItem: { display: "block", cursor: "default" },
  cells: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalXS,
    rowGap: tokens.spacingVerticalXS,
    marginTop: tokens.spacingVerticalXS,
    listStyleType: "none",
    padding: 0,
  },
  groupActions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalXS,
  },
  error: { borderLeftColor: tokens.colorStatusDangerBorderActive },
  warning: { borderLeftColor: tokens.colorStatusWarningBorderActive },
  info: { borderLeftColor: tokens.colorBrandStroke1 },
  head: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "baseline", flexWrap: "wrap" },
  cell: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  rule: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  message: { display: "block", marginTop: tokens.spacingVerticalXXS },
  values: {
    display: "flex",
    columnGap: tokens.spacingHorizontalM,
    flexWrap: "wrap",
    marginTop: tokens.spacingVerticalXXS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  value: {
    fontFamily: tokens.fontFamilyNumeric,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
});

export interface FindingsViewProps {
  findings: Finding[];
  lang: UiLang;
  t: UiStrings;
  busy: boolean;
  selectedCell: string | null;
  onSelect(cell: string): void;
  onFix(finding: Finding): void;
  /** Whether the finding blames a typed input the user may say is right ("Giá trị này đúng"). */
  canConfirm?(finding: Finding): boolean;
  onConfirm?(finding: Finding): void;
  /** The number format a cell shows (so "Đúng là" reads like the cell: 9,10 not 9,1). */
  formatOf?(cell: string, finding: Finding): string | undefined;
  /** Where the focus goes when the last finding is fixed. */
  focusFallbackId?: string;
}

/** A run of findings this long, of one rule in one column, becomes one card. */
export const GROUP_AT = 4;

export type FindingEntry =
  { kind: "one"; finding: Finding } | { kind: "group"; findings: Finding[]; column: string };

/** Findings of one severity as cards: one per finding, or one per rule and column when many share a cause. */
export function groupFindings(findings: readonly Finding[]): FindingEntry[] {
  const byCause = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.rule}|${f.cell.replace(/[0-9]+$/, "")}`;
    const list = byCause.get(key) ?? [];
    list.push(f);
    byCause.set(key, list);
  }
  const out: FindingEntry[] = [];
  const done = new Set<string>();
  for (const f of findings) {
    const key = `${f.rule}|${f.cell.replace(/[0-9]+$/, "")}`;
    const list = byCause.get(key)!;
    if (list.length < GROUP_AT) out.push({ kind: "one", finding: f });
    else if (!done.has(key)) {
      done.add(key);
      out.push({ kind: "group", findings: list, column: f.cell.replace(/[0-9]+$/, "") });
    }
  }
  return out;
}

const COUNTER_COLOR: Record<Severity, "danger" | "important" | "brand"> = {
  error: "danger",
  warning: "important",
  info: "brand",
};

export function FindingsView(props: FindingsViewProps): React.ReactElement {
  const styles = useStyles();
  const groups = groupBySeverity(props.findings);
  const root = React.useRef<HTMLElement>(null);
  // After "Sửa": the position of the fixed card, so the focus lands on the card now in its place.
  const focusAfterFix = React.useRef<number | null>(null);
  const onFix = (f: Finding, e?: React.SyntheticEvent) => {
    const cards = [...(root.current?.querySelectorAll<HTMLElement>("[data-card]") ?? [])];
    const li = (e?.currentTarget as HTMLElement | undefined)?.closest<HTMLElement>("[data-card]");
    focusAfterFix.current = li ? cards.indexOf(li) : 0;
    props.onFix(f);
  };
  React.useEffect(() => {
    const i = focusAfterFix.current;
    if (i === null || props.busy) return;
    focusAfterFix.current = null;
    const cards = [...(root.current?.querySelectorAll<HTMLElement>("[data-card]") ?? [])];
    const target =
      cards[Math.min(i, cards.length - 1)] ??
      (props.focusFallbackId ? document.getElementById(props.focusFallbackId) : null);
    target?.focus();
  }, [props.findings, props.busy, props.focusFallbackId]);
  if (props.findings.length === 0) return <Text>{props.t.allClear}</Text>;
  return (
    <section aria-label={props.t.findingsList} ref={root}>
      {SEVERITIES.filter((s) => groups[s].length > 0).map((severity) => {
        const headingId = `findings-${severity}`;
        return (
          <div key={severity} className={styles.group}>
            <h3 id={headingId} className={styles.groupTitle}>
              {SEVERITY_NAMES[props.lang][severity]}
              <CounterBadge
                count={groups[severity].length}
                color={COUNTER_COLOR[severity]}
                overflowCount={9999}
                aria-hidden
              />
            </h3>
            <ul className={styles.list} aria-labelledby={headingId}>
              {groupFindings(groups[severity]).map((entry, i) =>
                entry.kind === "one" ? (
                  <FindingItem
                    key={`${entry.finding.cell}-${entry.finding.rule}-${i}`}
                    finding={entry.finding}
                    {...props}
                    onFix={onFix}
                    styles={styles}
                  />
                ) : (
                  <FindingGroup
                    key={`${entry.column}-${entry.findings[0].rule}`}
                    entry={entry}
                    {...props}
                    styles={styles}
                  />
                ),
              )}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

function FindingGroup(
  props: FindingsViewProps & {
    entry: Extract<FindingEntry, { kind: "group" }>;
    styles: ReturnType<typeof useStyles>;
  },
): React.ReactElement {
  const { entry, t, lang, styles } = props;
  const [open, setOpen] = React.useState(false);
  const first = entry.findings[0];
  const title = fmt(t.groupTitle, {
    n: entry.findings.length,
    col: entry.column,
    rule: RULE_NAMES[lang][first.rule] ?? first.rule,
  });
  return (
    <li
      data-testid="finding-group"
      data-card
      data-rule={first.rule}
      data-count={entry.findings.length}
      data-severity={first.severity}
      tabIndex={0}
      aria-label={title}
      className={mergeClasses(styles.item, styles.groupItem, styles[first.severity])}
    >
      <div className={styles.head}>
        <span className={styles.cell}>{title}</span>
      </div>
      <Text className={styles.message}>{findingText(first, lang)}</Text>
      <div className={styles.groupActions}>
        <Button size="small" appearance="subtle" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t.hideCells : fmt(t.showCells, { n: entry.findings.length })}
        </Button>
      </div>
      {open && (
        <ul className={styles.cells}>
          {entry.findings.map((f) => (
            <li key={f.cell}>
              <Button
                size="small"
                data-testid="finding"
                data-cell={f.cell}
                data-rule={f.rule}
                data-severity={f.severity}
                aria-label={`${fmt(t.goToCell, { cell: f.cell })}: ${findingText(f, lang)}`}
                title={findingText(f, lang)}
                onClick={() => props.onSelect(f.cell)}
              >
                {f.cell}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function FindingItem(
  props: Omit<FindingsViewProps, "onFix"> & {
    finding: Finding;
    styles: ReturnType<typeof useStyles>;
    onFix(f: Finding, e: React.SyntheticEvent): void;
  },
): React.ReactElement {
  const { finding: f, t, lang, styles } = props;
  const numberFormat = f.fix?.numberFormat ?? props.formatOf?.(f.cell, f);
  const text = findingText(f, lang);
  const go = () => props.onSelect(f.cell);
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      go();
    }
  };
  return (
    <li
      data-testid="finding"
      data-cell={f.cell}
      data-rule={f.rule}
      data-severity={f.severity}
      data-card
      tabIndex={0}
      aria-label={`${fmt(t.goToCell, { cell: f.cell })}: ${text}`}
      className={mergeClasses(
        styles.item,
        styles[f.severity],
        props.selectedCell === f.cell && styles.selected,
      )}
      onClick={go}
      onKeyDown={onKeyDown}
    >
      <div>
        <div className={styles.head}>
          <span className={styles.cell}>{f.cell}</span>
          <span className={styles.rule}>{RULE_NAMES[lang][f.rule]}</span>
        </div>
        <Text className={styles.message}>{text}</Text>
        <div className={styles.values}>
          <span>
            {t.actual}: <span className={styles.value}>{formatNumber(f.actual, lang, numberFormat)}</span>
          </span>
          {f.expected !== null && (
            <span>
              {t.expected}:{" "}
              <span className={styles.value}>{formatNumber(f.expected, lang, numberFormat)}</span>
            </span>
          )}
        </div>
      </div>
      {props.onConfirm && props.canConfirm?.(f) && (
        <Button
          size="small"
          appearance="secondary"
          data-testid="confirm-value"
          disabled={props.busy}
          aria-label={fmt(t.confirmValueHint, { cell: f.cell })}
          onClick={(e) => {
            e.stopPropagation();
            props.onConfirm?.(f);
          }}
        >
          {t.confirmValue}
        </Button>
      )}
      {f.fix && (
        <Button
          size="small"
          appearance="primary"
          disabled={props.busy}
          aria-label={fmt(t.fixHint, { cell: f.cell })}
          onClick={(e) => {
            e.stopPropagation();
            props.onFix(f, e);
          }}
        >
          {t.fix}
        </Button>
      )}
    </li>
  );
}
