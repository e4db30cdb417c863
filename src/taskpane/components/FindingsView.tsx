// Findings grouped by severity; each one goes to its cell on click or Enter, and offers "Sửa" when the engine
// is sure of the correction. The cause comes first: a column the engine found copied from another
// (`copied-column`) is one card on top, with the findings it explains folded inside it. Many findings of one rule
// in one column share one card with the cells inside, each cell row offering what a single card offers (go to the
// cell, "Sửa", "Giá trị này đúng"). Info notes fold away; no finding is listed twice. After "Sửa" or "Giá trị này
// đúng" the focus moves to the next finding, or to the summary.
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
import { type ColumnRole, type Finding, type Severity, RULE_REGISTRY } from "../../engine";
import { fmt, formatNumber, SEVERITY_NAMES, type UiLang, type UiStrings } from "../../i18n/ui";
import { findingTitle, isSuggested, roleOfCell } from "../../i18n/findings";
import { isPercentFormat, showValue } from "../../i18n/numbers";
import { findingText, groupBySeverity, SEVERITIES } from "../../hosts/analysis";

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
  cardActions: {
    display: "flex",
    flexWrap: "wrap",
    justifyContent: "flex-end",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  cardActionsBelow: { gridColumn: "1 / -1", marginTop: tokens.spacingVerticalXS },
  groupItem: { display: "block", cursor: "default" },
  cells: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    marginTop: tokens.spacingVerticalXS,
    marginBottom: 0,
    listStyleType: "none",
    padding: 0,
  },
  // One cell of a group: its address (goes to it), what it holds and should hold, then the card's actions;
  // wraps rather than overflows in a 350 px pane.
  cellRow: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    minWidth: 0,
  },
  cellValues: {
    flexGrow: 1,
    minWidth: 0,
    overflowWrap: "anywhere",
    fontFamily: tokens.fontFamilyNumeric,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  cellActions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalXS,
    marginLeft: "auto",
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
  // A group's title is a sentence in Vietnamese: the body font (monospace fonts often lack its diacritics).
  cardTitle: { fontWeight: tokens.fontWeightSemibold },
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
  /** The table's columns: a finding's title and words follow its column's role (a rate reduction). */
  columns?: readonly { column: string; role: ColumnRole }[];
  /** "Đúng, bảng đọc như vậy" on a structure-unsure card: the reading is confirmed as it is. */
  onConfirmReading?(finding: Finding): void;
  /** "Sửa cách đọc" on a structure-unsure card: the table's reading opens. */
  onEditReading?(finding: Finding): void;
}

/** The rule the engine names a copied column with; its `related` cells are the copied ones. */
const COPIED_COLUMN = "copied-column";
// The engine's rule ids grow with the lead's `copied-column`: compared as text until then.
const isCopiedColumn = (f: Finding) => (f.rule as string) === COPIED_COLUMN;

/**
 * Findings as the view lists them: each (cell, rule) once; a copied column's findings as causes, with the other
 * findings on its copied cells as their consequences, taken out of the severity lists.
 */
function arrangeFindings(findings: readonly Finding[]): {
  causes: { cause: Finding; consequences: Finding[] }[];
  rest: Finding[];
} {
  const seen = new Set<string>();
  const unique = findings.filter((f) => {
    const key = `${f.cell}|${f.rule}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const causes = unique.filter(isCopiedColumn).map((cause) => ({
    cause,
    cells: new Set([cause.cell, ...cause.related]),
    consequences: [] as Finding[],
  }));
  const rest: Finding[] = [];
  for (const f of unique) {
    if (isCopiedColumn(f)) continue;
    const by = causes.find((c) => c.cells.has(f.cell));
    if (by) by.consequences.push(f);
    else rest.push(f);
  }
  return { causes: causes.map(({ cause, consequences }) => ({ cause, consequences })), rest };
}

/** A run of findings this long, of one rule in one column, becomes one card. */
export const GROUP_AT = 4;

/** This many info notes or more are folded away until asked for. */
const INFOS_FOLD_AT = 4;

/** Cells shown at a time inside an open group: a column copied on a 10,000-row table stays quick to open. */
const GROUP_PAGE = 50;

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

/** A finding's identity across re-checks: its cell and rule (a group's cell rows and single cards share it). */
const stopKey = (f: Finding) => `${f.cell}|${f.rule}`;

/** The places the focus can land on after an action: single cards, group cards and the cells inside groups. */
function focusStops(root: HTMLElement | null): HTMLElement[] {
  return [...(root?.querySelectorAll<HTMLElement>("[data-stop]") ?? [])];
}

/** What an action on a finding passes up: the finding, and the element it was pressed on (for the focus). */
type FindingAction = (f: Finding, e: React.SyntheticEvent) => void;

export function FindingsView(props: FindingsViewProps): React.ReactElement {
  const styles = useStyles();
  const arranged = React.useMemo(() => arrangeFindings(props.findings), [props.findings]);
  const groups = groupBySeverity(arranged.rest);
  const [infosOpen, setInfosOpen] = React.useState(false);
  const root = React.useRef<HTMLElement>(null);
  // After "Sửa" or "Giá trị này đúng": the findings that came after the acted-on one, in order, so the focus
  // lands on the first of them still listed once the checks have run again (inside a group or not).
  const focusAfter = React.useRef<string[] | null>(null);
  const remember = (f: Finding, e: React.SyntheticEvent) => {
    const stops = focusStops(root.current);
    const from = (e.currentTarget as HTMLElement | null)?.closest<HTMLElement>("[data-finding-key]");
    const key = from?.dataset.findingKey ?? stopKey(f);
    const at = stops.findIndex((s) => s.dataset.stop === key);
    const after = at < 0 ? [] : stops.slice(at + 1);
    // In a group shown in part, the cells not shown yet come before the cards after the group.
    const group = from?.closest<HTMLElement>('[data-testid="finding-group"]');
    const rest = group?.querySelector<HTMLElement>("[data-rest]")?.dataset.rest?.split(" ") ?? [];
    focusAfter.current = [
      ...after.filter((s) => group?.contains(s)).map((s) => s.dataset.stop!),
      ...rest,
      ...after.filter((s) => !group?.contains(s)).map((s) => s.dataset.stop!),
    ];
  };
  const onFix: FindingAction = (f, e) => {
    remember(f, e);
    props.onFix(f);
  };
  const onConfirm: FindingAction = (f, e) => {
    remember(f, e);
    props.onConfirm?.(f);
  };
  React.useEffect(() => {
    const after = focusAfter.current;
    if (after === null || props.busy) return;
    focusAfter.current = null;
    const stops = focusStops(root.current);
    const byKey = new Map(stops.map((s) => [s.dataset.stop!, s]));
    const next = after.map((k) => byKey.get(k)).find((s) => s !== undefined);
    const target =
      next ??
      stops[stops.length - 1] ??
      (props.focusFallbackId ? document.getElementById(props.focusFallbackId) : null);
    target?.focus();
  }, [props.findings, props.busy, props.focusFallbackId]);
  if (props.findings.length === 0) return <Text>{props.t.allClear}</Text>;
  const actions = { onFix, onConfirm: props.onConfirm ? onConfirm : undefined };
  return (
    <section aria-label={props.t.findingsList} ref={root}>
      {arranged.causes.length > 0 && (
        <ul className={styles.list} style={{ marginBottom: tokens.spacingVerticalM }} data-testid="causes">
          {arranged.causes.map(({ cause, consequences }) => (
            <CauseCard
              key={`${cause.cell}-${cause.rule}`}
              cause={cause}
              consequences={consequences}
              {...props}
              {...actions}
              styles={styles}
            />
          ))}
        </ul>
      )}
      {SEVERITIES.filter((s) => groups[s].length > 0).map((severity) => {
        const headingId = `findings-${severity}`;
        // Many info notes (numbers stored as text, a legacy font) fold away, so they never bury an error; a
        // few stay in sight.
        const folded = severity === "info" && groups.info.length >= INFOS_FOLD_AT && !infosOpen;
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
              {severity === "info" && groups.info.length >= INFOS_FOLD_AT && (
                <Button
                  size="small"
                  appearance="subtle"
                  aria-expanded={infosOpen}
                  data-testid="toggle-infos"
                  onClick={() => setInfosOpen(!infosOpen)}
                >
                  {infosOpen
                    ? props.t.hideInfos
                    : fmt(props.t.showInfos, { n: formatNumber(groups.info.length, props.lang) })}
                </Button>
              )}
            </h3>
            {!folded && (
              <ul className={styles.list} aria-labelledby={headingId}>
                {groupFindings(groups[severity]).map((entry, i) =>
                  entry.kind === "one" ? (
                    <FindingItem
                      key={`${entry.finding.cell}-${entry.finding.rule}-${i}`}
                      finding={entry.finding}
                      {...props}
                      {...actions}
                      styles={styles}
                    />
                  ) : (
                    <FindingGroup
                      key={`${entry.column}-${entry.findings[0].rule}`}
                      entry={entry}
                      {...props}
                      {...actions}
                      styles={styles}
                    />
                  ),
                )}
              </ul>
            )}
          </div>
        );
      })}
    </section>
  );
}

/**
 * The cause on top: "Cột H chép từ cột E", its sentence, and the findings it explains folded inside (each with its
 * own actions), so that seventeen "number as text" notes do not bury the one thing to do.
 */
function CauseCard(props: ItemProps & { cause: Finding; consequences: Finding[] }): React.ReactElement {
  const { cause, consequences, t, lang, styles } = props;
  const [open, setOpen] = React.useState(false);
  const p = cause.params ?? {};
  const title = fmt(t.causeTitle, {
    target: String(p.target ?? cause.cell.replace(/[0-9]+$/, "")),
    source: String(p.source ?? "?"),
  });
  const key = `cause|${cause.cell}`;
  return (
    <li
      data-testid="cause"
      data-card
      data-stop={key}
      data-finding-key={key}
      data-rule={cause.rule}
      data-cell={cause.cell}
      data-severity={cause.severity}
      tabIndex={0}
      aria-label={title}
      className={mergeClasses(styles.item, styles.groupItem, styles[cause.severity])}
    >
      <div className={styles.head}>
        <span className={styles.cardTitle}>{title}</span>
      </div>
      <Text className={styles.message}>{findingText(cause, lang)}</Text>
      <div className={styles.groupActions}>
        <Button size="small" onClick={() => props.onSelect(cause.cell)}>
          {fmt(t.goToCell, { cell: cause.cell })}
        </Button>
        {consequences.length > 0 && (
          <Button size="small" appearance="subtle" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? t.hideCells : fmt(t.causeCells, { n: formatNumber(consequences.length, lang) })}
          </Button>
        )}
      </div>
      {open && (
        <ul className={styles.cells} aria-label={title}>
          {consequences.map((f) => (
            <GroupCell key={stopKey(f)} finding={f} {...props} />
          ))}
        </ul>
      )}
    </li>
  );
}

type ItemProps = Omit<FindingsViewProps, "onFix" | "onConfirm"> & {
  styles: ReturnType<typeof useStyles>;
  onFix: FindingAction;
  onConfirm?: FindingAction;
};

/**
 * A value the data only suggests (a probable typo, `certainty: "suggested"`) and that the engine will not write:
 * the user may write it as their own decision ("Sửa thành 2.497"), beside "Giá trị này đúng".
 */
function suggestedValue(f: Finding): number | null {
  return isSuggested(f) && !f.fix && typeof f.expected === "number" ? f.expected : null;
}

/** "Giá trị này đúng" and "Sửa" for one finding: the same buttons on a single card and on a group's cell row. */
function FindingActions(props: ItemProps & { finding: Finding }): React.ReactElement {
  const { finding: f, t } = props;
  const suggested = suggestedValue(f);
  const numberFormat = props.formatOf?.(f.cell, f);
  const column = String(f.params?.column ?? "");
  return (
    <>
      {f.rule === "structure-unsure" && props.onConfirmReading && (
        <Button
          size="small"
          appearance="primary"
          data-testid="reading-right"
          disabled={props.busy}
          aria-label={fmt(t.readingRightHint, { column })}
          onClick={(e) => {
            e.stopPropagation();
            props.onConfirmReading?.(f);
          }}
        >
          {t.readingRight}
        </Button>
      )}
      {f.rule === "structure-unsure" && props.onEditReading && (
        <Button
          size="small"
          data-testid="reading-edit"
          disabled={props.busy}
          onClick={(e) => {
            e.stopPropagation();
            props.onEditReading?.(f);
          }}
        >
          {t.readingEdit}
        </Button>
      )}
      {props.onConfirm && props.canConfirm?.(f) && (
        <Button
          size="small"
          appearance="secondary"
          data-testid="confirm-value"
          disabled={props.busy}
          aria-label={fmt(t.confirmValueHint, { cell: f.cell })}
          onClick={(e) => {
            e.stopPropagation();
            props.onConfirm?.(f, e);
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
      {suggested !== null && (
        <Button
          size="small"
          appearance="primary"
          data-testid="fix-to"
          disabled={props.busy}
          aria-label={fmt(t.fixToHint, {
            value: showValue(suggested, props.lang, numberFormat),
            cell: f.cell,
          })}
          onClick={(e) => {
            e.stopPropagation();
            // The user's decision, written as they would type it: the value only, in this cell only.
            props.onFix({ ...f, fix: { value: suggested } }, e);
          }}
        >
          {fmt(t.fixTo, { value: showValue(suggested, props.lang, numberFormat) })}
        </Button>
      )}
    </>
  );
}

function FindingGroup(
  props: ItemProps & { entry: Extract<FindingEntry, { kind: "group" }> },
): React.ReactElement {
  const { entry, t, lang, styles } = props;
  const [open, setOpen] = React.useState(false);
  const [shown, setShown] = React.useState(GROUP_PAGE);
  const first = entry.findings[0];
  const left = entry.findings.length - shown;
  const title = fmt(t.groupTitle, {
    n: formatNumber(entry.findings.length, lang),
    col: entry.column,
    rule: findingTitle(first, lang, roleOfCell(props.columns, first.cell)),
  });
  const groupKey = `group|${entry.column}|${first.rule}`;
  return (
    <li
      data-testid="finding-group"
      data-card
      data-stop={groupKey}
      data-finding-key={groupKey}
      data-rule={first.rule}
      data-count={entry.findings.length}
      data-severity={first.severity}
      tabIndex={0}
      aria-label={title}
      className={mergeClasses(styles.item, styles.groupItem, styles[first.severity])}
    >
      <div className={styles.head}>
        <span className={styles.cardTitle}>{title}</span>
      </div>
      <Text className={styles.message}>
        {findingText(first, lang, roleOfCell(props.columns, first.cell))}
      </Text>
      <div className={styles.groupActions}>
        <Button size="small" appearance="subtle" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t.hideCells : fmt(t.showCells, { n: formatNumber(entry.findings.length, lang) })}
        </Button>
      </div>
      {open && (
        <ul
          className={styles.cells}
          aria-label={title}
          data-rest={left > 0 ? entry.findings.slice(shown).map(stopKey).join(" ") : undefined}
        >
          {entry.findings.slice(0, shown).map((f) => (
            <GroupCell key={stopKey(f)} finding={f} {...props} />
          ))}
        </ul>
      )}
      {open && left > 0 && (
        <div className={styles.groupActions}>
          <Button size="small" appearance="subtle" onClick={() => setShown(shown + GROUP_PAGE)}>
            {fmt(t.showMoreCells, {
              n: formatNumber(Math.min(left, GROUP_PAGE), lang),
              left: formatNumber(left, lang),
            })}
          </Button>
        </div>
      )}
    </li>
  );
}

/** What marks a finding's element for the focus rule and the tests: its cell, rule, severity and key. */
function findingData(f: Finding) {
  return {
    "data-testid": "finding",
    "data-cell": f.cell,
    "data-rule": f.rule,
    "data-severity": f.severity,
    "data-finding-key": stopKey(f),
  };
}

const RELATION_RULES = new Set<string>(
  RULE_REGISTRY.filter((r) => r.family === "relations" && r.id !== "rate-rounding").map((r) => r.id),
);

/**
 * What a formula fix shows today, in the card's scale, when it differs from the card's "Đúng là": the engine's
 * right value assumes the other inputs it blames are corrected, while the formula reads what the cells hold now.
 * The card then says so, rather than show one figure and write another. Null when they agree.
 */
function settlesLater(f: Finding, numberFormat: string | undefined): number | null {
  const now = f.fix?.value;
  if (!f.fix?.formula || typeof now !== "number" || typeof f.expected !== "number") return null;
  // Only a relation (a sum, a rate, a reduction, a projection) waits on other cells; elsewhere the right value
  // is the cell's own (a number typed as text) and no other figure is to come.
  if (!RELATION_RULES.has(f.rule)) return null;
  // A rate kept as a fraction under a percent format (0,0566 shown as 5,66%): the card speaks in percent. A quoted
  // or escaped "%" (0.00"%": 5,66 typed, shown 5,66%) is no percent format: the engine reads those as typed.
  const shown = isPercentFormat(numberFormat) ? now * 100 : now;
  return Math.abs(shown - f.expected) > 1e-6 ? shown : null;
}

/** One cell of a group: its address goes to it; then what it holds → what it should hold; then its actions. */
function GroupCell(props: ItemProps & { finding: Finding }): React.ReactElement {
  const { finding: f, t, lang, styles } = props;
  const text = findingText(f, lang, roleOfCell(props.columns, f.cell));
  const numberFormat = f.fix?.numberFormat ?? props.formatOf?.(f.cell, f);
  const key = stopKey(f);
  return (
    <li
      {...findingData(f)}
      className={mergeClasses(styles.cellRow, props.selectedCell === f.cell && styles.selected)}
    >
      <Button
        size="small"
        data-stop={key}
        // The name starts with the visible text (the address), then says what the finding is.
        aria-label={`${f.cell}: ${text}`}
        title={fmt(t.goToCell, { cell: f.cell })}
        onClick={() => props.onSelect(f.cell)}
      >
        {f.cell}
      </Button>
      <span className={styles.cellValues}>
        {showValue(f.actual, lang, numberFormat, t.empty)}
        {f.expected !== null && ` → ${showValue(f.expected, lang, numberFormat)}`}
      </span>
      <span className={styles.cellActions}>
        <FindingActions {...props} />
      </span>
    </li>
  );
}

function FindingItem(props: ItemProps & { finding: Finding }): React.ReactElement {
  const { finding: f, t, lang, styles } = props;
  const numberFormat = f.fix?.numberFormat ?? props.formatOf?.(f.cell, f);
  const later = settlesLater(f, numberFormat);
  const role = roleOfCell(props.columns, f.cell);
  const text = findingText(f, lang, role);
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
      {...findingData(f)}
      data-card
      data-stop={stopKey(f)}
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
          <span className={styles.rule}>{findingTitle(f, lang, role)}</span>
        </div>
        <Text className={styles.message}>{text}</Text>
        <div className={styles.values}>
          <span>
            {t.actual}:{" "}
            <span className={styles.value}>{showValue(f.actual, lang, numberFormat, t.empty)}</span>
          </span>
          {f.expected !== null && (
            <span>
              {t.expected}: <span className={styles.value}>{showValue(f.expected, lang, numberFormat)}</span>
            </span>
          )}
        </div>
        {later !== null && (
          <Text size={200} className={styles.message} data-testid="fix-settles">
            {fmt(t.fixSettlesLater, {
              formula: f.fix?.formula ?? "",
              now: formatNumber(later, lang, numberFormat),
              expected: formatNumber(f.expected, lang, numberFormat),
            })}
          </Text>
        )}
      </div>
      {/* One action sits beside the text; two go in a row under it, so the text keeps the card's width. */}
      <div
        className={mergeClasses(
          styles.cardActions,
          ((props.onConfirm && props.canConfirm?.(f) && (f.fix || suggestedValue(f) !== null)) ||
            f.rule === "structure-unsure") &&
            styles.cardActionsBelow,
        )}
      >
        <FindingActions {...props} />
      </div>
    </li>
  );
}
