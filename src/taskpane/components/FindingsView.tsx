// Findings grouped by severity; each one goes to its cell on click or Enter, and offers "Sửa" when the engine
// is sure of the correction.
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
import { groupBySeverity, SEVERITIES } from "../analysis";

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
}

const COUNTER_COLOR: Record<Severity, "danger" | "important" | "brand"> = {
  error: "danger",
  warning: "important",
  info: "brand",
};

export function FindingsView(props: FindingsViewProps): React.ReactElement {
  const styles = useStyles();
  const groups = groupBySeverity(props.findings);
  if (props.findings.length === 0) return <Text>{props.t.allClear}</Text>;
  return (
    <section aria-label={props.t.findingsList}>
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
              {groups[severity].map((f, i) => (
                <FindingItem key={`${f.cell}-${f.rule}-${i}`} finding={f} {...props} styles={styles} />
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

function FindingItem(
  props: FindingsViewProps & { finding: Finding; styles: ReturnType<typeof useStyles> },
): React.ReactElement {
  const { finding: f, t, lang, styles } = props;
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
      tabIndex={0}
      aria-label={`${fmt(t.goToCell, { cell: f.cell })}: ${f.message}`}
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
        <Text className={styles.message}>{f.message}</Text>
        <div className={styles.values}>
          <span>
            {t.actual}:{" "}
            <span className={styles.value}>{formatNumber(f.actual, lang, f.fix?.numberFormat)}</span>
          </span>
          {f.expected !== null && (
            <span>
              {t.expected}:{" "}
              <span className={styles.value}>{formatNumber(f.expected, lang, f.fix?.numberFormat)}</span>
            </span>
          )}
        </div>
      </div>
      {f.fix && (
        <Button
          size="small"
          appearance="primary"
          disabled={props.busy}
          aria-label={fmt(t.fixHint, { cell: f.cell })}
          onClick={(e) => {
            e.stopPropagation();
            props.onFix(f);
          }}
        >
          {t.fix}
        </Button>
      )}
    </li>
  );
}
