// What the engine understood of the table: columns with role and period, rows with kind. A misread role or kind
// is corrected here; the correction is saved for the sheet and the checks run again. A national table has
// 10,000 rows: the rows are a virtual list (only the visible ones exist in the page) and a row's kind becomes a
// dropdown only when the user asks to change it, so opening this view never stalls the page.
import * as React from "react";
import {
  Button,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useVirtualizer } from "@tanstack/react-virtual";
import {
  type Table,
  type Overrides,
  COLUMN_ROLES,
  ROW_KINDS,
  type ColumnRole,
  type Finding,
  type RowKind,
} from "../../engine";
import { findingText } from "../../hosts/analysis";
import {
  fmt,
  formatNumber,
  periodName,
  ROLE_NAMES,
  ROW_KIND_NAMES,
  type UiLang,
  type UiStrings,
} from "../../i18n/ui";

const ROW_HEIGHT = 32;
/** Up to this many rows are all drawn (no virtual list needed, and nothing depends on layout). */
const ALL_ROWS = 60;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  table: {
    width: "100%",
    tableLayout: "fixed",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
  },
  th: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  td: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    verticalAlign: "middle",
    overflow: "hidden",
  },
  colLetter: { width: "2.5em" },
  colRole: { width: "46%" },
  colPeriod: { width: "5em" },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  ellipsis: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  corrected: {
    color: tokens.colorBrandForeground1,
    fontSize: tokens.fontSizeBase100,
    marginLeft: tokens.spacingHorizontalXS,
    whiteSpace: "nowrap",
  },
  select: { width: "100%", minWidth: 0 },
  scroller: {
    overflowY: "auto",
    overflowX: "hidden",
    maxHeight: "60vh",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  rowsHead: {
    display: "grid",
    gridTemplateColumns: "3.5em minmax(0, 1fr) minmax(0, 9em)",
    columnGap: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
    padding: `0 ${tokens.spacingHorizontalXS}`,
  },
  row: {
    position: "absolute",
    left: 0,
    right: 0,
    display: "grid",
    gridTemplateColumns: "3.5em minmax(0, 1fr) minmax(0, 9em)",
    columnGap: tokens.spacingHorizontalXS,
    alignItems: "center",
    padding: `0 ${tokens.spacingHorizontalXS}`,
    boxSizing: "border-box",
    fontSize: tokens.fontSizeBase200,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  kindButton: {
    minWidth: 0,
    maxWidth: "100%",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    textAlign: "left",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
    backgroundColor: "transparent",
    border: `${tokens.strokeWidthThin} solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    cursor: "pointer",
    ":hover": {
      backgroundColor: tokens.colorSubtleBackgroundHover,
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
    ":disabled": { color: tokens.colorNeutralForegroundDisabled, cursor: "default" },
  },
});

export interface TableViewProps {
  table: Table;
  overrides: Overrides;
  lang: UiLang;
  t: UiStrings;
  busy: boolean;
  onChange(overrides: Overrides): void;
  /** The engine's doubts about this reading (structure-unsure findings): each can be confirmed here. */
  doubts?: readonly Finding[];
  /** "Đúng, bảng đọc như vậy": confirms the doubted columns with the roles shown. */
  onConfirmReading?(finding: Finding): void;
}

export function TableView(props: TableViewProps): React.ReactElement {
  const { table, overrides, lang, t } = props;
  const styles = useStyles();
  const confirmed = overrides.confirmedCells ?? [];
  const hasOverrides =
    Object.keys(overrides.columns ?? {}).length > 0 ||
    Object.keys(overrides.rows ?? {}).length > 0 ||
    confirmed.length > 0;
  const unconfirm = (cell: string) =>
    props.onChange({ ...overrides, confirmedCells: confirmed.filter((c) => c !== cell) });

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
      {/* The reading in doubt, with its answer here too: every role may look right, and is confirmed as shown. */}
      {props.doubts?.map((f) => (
        <MessageBar key={f.cell} intent="warning" layout="multiline" data-testid="table-doubt">
          <MessageBarBody>{findingText(f, lang)}</MessageBarBody>
          {props.onConfirmReading && (
            <MessageBarActions>
              <Button
                size="small"
                appearance="primary"
                disabled={props.busy}
                onClick={() => props.onConfirmReading?.(f)}
              >
                {t.readingRight}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      ))}
      <Text size={200}>{t.understandingHint}</Text>
      <section aria-labelledby="pl-columns">
        <h3 id="pl-columns" className={styles.heading}>
          {t.columns}
        </h3>
        <table className={styles.table}>
          <thead>
            <tr>
              <th className={mergeClasses(styles.th, styles.colLetter)} scope="col">
                {t.column}
              </th>
              <th className={styles.th} scope="col">
                {t.header}
              </th>
              <th className={mergeClasses(styles.th, styles.colRole)} scope="col">
                {t.role}
              </th>
              <th className={mergeClasses(styles.th, styles.colPeriod)} scope="col">
                {t.period}
              </th>
            </tr>
          </thead>
          <tbody>
            {table.columns.map((c) => (
              <tr key={c.letter} data-testid="column-row" data-column={c.letter} data-role={c.role}>
                <td className={mergeClasses(styles.td, styles.mono)}>{c.letter}</td>
                <td className={mergeClasses(styles.td, styles.ellipsis)} title={c.header}>
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
                <td className={mergeClasses(styles.td, styles.ellipsis)}>{periodName(c.period, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <RowsList {...props} onKind={setKind} />
      {confirmed.length > 0 && (
        <section aria-labelledby="pl-confirmed">
          <h3 id="pl-confirmed" className={styles.heading}>
            {t.confirmedCells}
          </h3>
          <Text size={200}>{t.confirmedCellsHint}</Text>
          <ul>
            {confirmed.map((cell) => (
              <li key={cell} data-testid="confirmed-cell" data-cell={cell}>
                <span className={styles.mono}>{cell}</span>{" "}
                <Button
                  size="small"
                  appearance="subtle"
                  disabled={props.busy}
                  aria-label={fmt(t.unconfirmHint, { cell })}
                  onClick={() => unconfirm(cell)}
                >
                  {t.unconfirm}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
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

function RowsList(props: TableViewProps & { onKind(row: number, kind: RowKind): void }): React.ReactElement {
  const { table, overrides, lang, t } = props;
  const styles = useStyles();
  const scroller = React.useRef<HTMLDivElement>(null);
  /** The one row whose kind is being edited (its dropdown exists; the others are buttons). */
  const [editing, setEditing] = React.useState<number | null>(null);
  const rows = table.rows;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 4,
    // Before the first layout (and in tests without layout) draw a screenful.
    initialRect: { width: 320, height: 480 },
  });
  const height = Math.min(rows.length * ROW_HEIGHT, 480);
  const items =
    rows.length <= ALL_ROWS
      ? rows.map((_, index) => ({ index, start: index * ROW_HEIGHT }))
      : virtualizer.getVirtualItems();
  const total = rows.length <= ALL_ROWS ? rows.length * ROW_HEIGHT : virtualizer.getTotalSize();
  return (
    <section aria-labelledby="pl-rows">
      <h3 id="pl-rows" className={styles.heading}>
        {t.rows}
      </h3>
      <Text size={200} block>
        {fmt(t.rowsCount, { n: formatNumber(rows.length, lang) })}
      </Text>
      <div className={styles.rowsHead} aria-hidden>
        <span>{t.row}</span>
        <span>{t.label}</span>
        <span>{t.kind}</span>
      </div>
      <div
        ref={scroller}
        className={styles.scroller}
        style={{ height }}
        role="region"
        aria-label={t.rows}
        tabIndex={0}
        data-testid="rows-scroller"
      >
        <div role="list" style={{ height: total, position: "relative" }}>
          {items.map((item) => {
            const r = rows[item.index];
            const label = [r.number, r.label].filter(Boolean).join(" ");
            return (
              <div
                role="listitem"
                key={r.row}
                className={styles.row}
                style={{ top: item.start, height: ROW_HEIGHT }}
                data-testid="table-row"
                data-row={r.row}
                data-kind={r.kind}
              >
                <span className={styles.mono}>{r.row}</span>
                <span className={styles.ellipsis} title={label}>
                  {label}
                </span>
                <span className={styles.ellipsis}>
                  {editing === r.row ? (
                    <Select
                      size="small"
                      className={styles.select}
                      aria-label={fmt(t.kindOf, { row: r.row })}
                      value={r.kind}
                      disabled={props.busy}
                      autoFocus
                      onBlur={() => setEditing(null)}
                      onChange={(_, d) => {
                        setEditing(null);
                        props.onKind(r.row, d.value as RowKind);
                      }}
                    >
                      {ROW_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {ROW_KIND_NAMES[lang][k]}
                        </option>
                      ))}
                    </Select>
                  ) : (
                    <>
                      {/* A plain button: 30 of them are drawn on every scroll of a 10,000-row list. */}
                      <button
                        type="button"
                        className={styles.kindButton}
                        disabled={props.busy}
                        aria-label={fmt(t.editKind, { row: r.row, kind: ROW_KIND_NAMES[lang][r.kind] })}
                        onClick={() => setEditing(r.row)}
                      >
                        {ROW_KIND_NAMES[lang][r.kind]}
                      </button>
                      {overrides.rows?.[r.row] && <span className={styles.corrected}>{t.corrected}</span>}
                    </>
                  )}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
