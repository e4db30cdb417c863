// What the engine understood of the table: columns with role and period, rows with kind. A misread role or kind
// is corrected here; the correction is saved for the sheet and the checks run again.
import * as React from "react";
import { Button, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import type { Table } from "../../engine/model";
import type { Overrides } from "../../engine/model";
import { COLUMN_ROLES, ROW_KINDS, type ColumnRole, type RowKind } from "../../engine/report";
import { fmt, periodName, ROLE_NAMES, ROW_KIND_NAMES, type UiLang, type UiStrings } from "../../i18n/ui";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  th: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  td: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    verticalAlign: "middle",
  },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  header: { maxWidth: "10em", overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  corrected: {
    color: tokens.colorBrandForeground1,
    fontSize: tokens.fontSizeBase100,
    marginLeft: tokens.spacingHorizontalXS,
  },
  select: { minWidth: "9em" },
});

export interface TableViewProps {
  table: Table;
  overrides: Overrides;
  lang: UiLang;
  t: UiStrings;
  busy: boolean;
  onChange(overrides: Overrides): void;
}

export function TableView(props: TableViewProps): React.ReactElement {
  const { table, overrides, lang, t } = props;
  const styles = useStyles();
  const hasOverrides =
    Object.keys(overrides.columns ?? {}).length > 0 || Object.keys(overrides.rows ?? {}).length > 0;

  const setRole = (letter: string, role: ColumnRole) => {
    const columns = {
      ...(overrides.columns ?? {}),
      [letter]: { ...(overrides.columns?.[letter] ?? {}), role },
    };
    props.onChange({ ...overrides, columns });
  };
  const setKind = (row: number, kind: RowKind) => {
    props.onChange({ ...overrides, rows: { ...(overrides.rows ?? {}), [row]: kind } });
  };

  return (
    <div className={styles.root}>
      <Text size={200}>{t.understandingHint}</Text>
      <section aria-labelledby="pl-columns">
        <h3 id="pl-columns" className={styles.heading}>
          {t.columns}
        </h3>
        <table className={styles.table}>
          <thead>
            <tr>
              <th className={styles.th} scope="col">
                {t.column}
              </th>
              <th className={styles.th} scope="col">
                {t.header}
              </th>
              <th className={styles.th} scope="col">
                {t.role}
              </th>
              <th className={styles.th} scope="col">
                {t.period}
              </th>
            </tr>
          </thead>
          <tbody>
            {table.columns.map((c) => (
              <tr key={c.letter} data-testid="column-row" data-column={c.letter} data-role={c.role}>
                <td className={`${styles.td} ${styles.mono}`}>{c.letter}</td>
                <td className={`${styles.td} ${styles.header}`} title={c.header}>
                  {c.header}
                </td>
                <td className={styles.td}>
                  <Select
                    size="small"
                    className={styles.select}
                    aria-label={fmt(t.roleOf, { col: c.letter })}
                    value={c.role}
                    disabled={props.busy}
                    onChange={(_, d) => setRole(c.letter, d.value as ColumnRole)}
                  >
                    {COLUMN_ROLES.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_NAMES[lang][r]}
                      </option>
                    ))}
                  </Select>
                  {overrides.columns?.[c.letter]?.role && (
                    <span className={styles.corrected}>{t.corrected}</span>
                  )}
                </td>
                <td className={styles.td}>{periodName(c.period, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="pl-rows">
        <h3 id="pl-rows" className={styles.heading}>
          {t.rows}
        </h3>
        <table className={styles.table}>
          <thead>
            <tr>
              <th className={styles.th} scope="col">
                {t.row}
              </th>
              <th className={styles.th} scope="col">
                {t.label}
              </th>
              <th className={styles.th} scope="col">
                {t.kind}
              </th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r) => (
              <tr key={r.row} data-testid="table-row" data-row={r.row} data-kind={r.kind}>
                <td className={`${styles.td} ${styles.mono}`}>{r.row}</td>
                <td className={`${styles.td} ${styles.header}`} title={r.label}>
                  {[r.number, r.label].filter(Boolean).join(" ")}
                </td>
                <td className={styles.td}>
                  <Select
                    size="small"
                    className={styles.select}
                    aria-label={fmt(t.kindOf, { row: r.row })}
                    value={r.kind}
                    disabled={props.busy}
                    onChange={(_, d) => setKind(r.row, d.value as RowKind)}
                  >
                    {ROW_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {ROW_KIND_NAMES[lang][k]}
                      </option>
                    ))}
                  </Select>
                  {overrides.rows?.[r.row] && <span className={styles.corrected}>{t.corrected}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {hasOverrides && (
        <div>
          <Button disabled={props.busy} onClick={() => props.onChange({})}>
            {t.resetCorrections}
          </Button>
        </div>
      )}
    </div>
  );
}
