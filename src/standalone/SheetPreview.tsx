// A read-only picture of the sheet beside the pane: what Excel would show, with cells marked by severity and the
// selected cell outlined. Every row is there: the rows are virtual (only those in view exist in the page), so a
// 10,000-row sheet opens at once and a finding on row 10,667 scrolls into view.
import * as React from "react";
import { makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import { useVirtualizer } from "@tanstack/react-virtual";
import { fmt, formatNumber, SEVERITY_NAMES, uiStrings, type UiLang } from "../i18n/ui";
import { showCell } from "../i18n/numbers";
import {
  a1,
  cellText,
  columnLetter,
  gridBottom,
  gridRight,
  parseA1,
  type CellRange,
  type Grid,
  type Severity,
} from "../engine";

/** Columns beyond this many are left out (said so above the preview); rows are never cut. */
const MAX_COLS = 60;
const ROW_HEIGHT = 24;

const useStyles = makeStyles({
  outer: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minWidth: 0 },
  wrap: {
    overflow: "auto",
    height: "calc(100vh - 180px)",
    minHeight: "240px",
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  table: {
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
  },
  head: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    fontWeight: tokens.fontWeightRegular,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  rowHead: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
    textAlign: "right",
    padding: `0 ${tokens.spacingHorizontalXS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    fontWeight: tokens.fontWeightRegular,
  },
  tr: { height: `${ROW_HEIGHT}px` },
  cell: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    maxWidth: "14em",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  number: { textAlign: "right", fontFamily: tokens.fontFamilyNumeric },
  bold: { fontWeight: tokens.fontWeightSemibold },
  error: {
    backgroundColor: tokens.colorStatusDangerBackground2,
    color: tokens.colorStatusDangerForeground2,
    boxShadow: `inset 3px 0 0 ${tokens.colorStatusDangerBorderActive}`,
  },
  warning: {
    backgroundColor: tokens.colorStatusWarningBackground2,
    color: tokens.colorStatusWarningForeground2,
    boxShadow: `inset 3px 0 0 ${tokens.colorStatusWarningBorderActive}`,
  },
  info: {
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
  },
  selected: {
    outlineStyle: "solid",
    outlineWidth: tokens.strokeWidthThick,
    outlineColor: tokens.colorBrandStroke1,
    outlineOffset: "-2px",
  },
});

export interface SheetPreviewProps {
  grid: Grid;
  /** Marked cells and the severity each is marked with. */
  marked: ReadonlyMap<string, Severity>;
  selected: string | null;
  label: string;
  lang: UiLang;
}

/** The merge a row-window shows for (r, c): drawn at its first row inside the window, clipped to it. */
function mergeIndex(grid: Grid): Map<string, CellRange> {
  const at = new Map<string, CellRange>();
  for (const m of grid.merges) {
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) at.set(`${r}:${c}`, m);
  }
  return at;
}

export function SheetPreview({ grid, marked, selected, label, lang }: SheetPreviewProps): React.ReactElement {
  const styles = useStyles();
  const t = uiStrings(lang);
  const ref = React.useRef<HTMLDivElement>(null);
  const bottom = gridBottom(grid);
  const lastCol = gridRight(grid);
  const right = Math.min(lastCol, grid.left + MAX_COLS - 1);
  const rowCount = Math.max(0, bottom - grid.top + 1);
  const merges = React.useMemo(() => mergeIndex(grid), [grid]);
  const cols: number[] = [];
  for (let c = grid.left; c <= right; c++) cols.push(c);

  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => ref.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 800, height: 600 },
  });

  // Scroll the selected cell into view: its row through the virtualizer, then its column once it is drawn.
  React.useEffect(() => {
    if (!selected) return;
    let row: number;
    try {
      row = parseA1(selected).row;
    } catch {
      return;
    }
    if (row < grid.top || row > bottom) return;
    virtualizer.scrollToIndex(row - grid.top, { align: "center" });
    let tries = 0;
    const reveal = () => {
      const el = ref.current?.querySelector<HTMLElement>(`[data-address="${selected}"]`);
      if (el) el.scrollIntoView({ block: "nearest", inline: "nearest" });
      else if (tries++ < 10) requestAnimationFrame(reveal);
    };
    requestAnimationFrame(reveal);
  }, [selected, grid, bottom]);

  const items = virtualizer.getVirtualItems();
  const first = items.length ? items[0].index + grid.top : grid.top;
  const last = items.length ? items[items.length - 1].index + grid.top : grid.top - 1;
  const padTop = items.length ? items[0].start : 0;
  const padBottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1].end : 0;

  return (
    <div className={styles.outer}>
      <Text size={200} data-testid="preview-size">
        {fmt(t.previewRows, {
          n: formatNumber(rowCount, lang),
          cols: formatNumber(lastCol - grid.left + 1, lang),
        })}
        {lastCol > right
          ? ` ${fmt(t.previewCols, { shown: MAX_COLS, cols: formatNumber(lastCol - grid.left + 1, lang) })}`
          : ""}
      </Text>
      <div
        ref={ref}
        className={styles.wrap}
        role="region"
        aria-label={label}
        tabIndex={0}
        data-testid="sheet-preview"
        data-rows={rowCount}
      >
        <table className={styles.table}>
          <thead>
            <tr>
              <th className={styles.head} aria-label={t.row} />
              {cols.map((c) => (
                <th key={c} className={styles.head} scope="col">
                  {columnLetter(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {padTop > 0 && (
              <tr aria-hidden style={{ height: padTop }}>
                <td colSpan={cols.length + 1} />
              </tr>
            )}
            {items.map((item) => {
              const r = item.index + grid.top;
              return (
                <tr
                  key={r}
                  className={styles.tr}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  data-row={r}
                >
                  <th className={styles.rowHead} scope="row">
                    {r}
                  </th>
                  {cols.map((c) => {
                    const m = merges.get(`${r}:${c}`);
                    if (m && (c !== m.left || r !== Math.max(m.top, first))) return null;
                    const top = m ? m.top : r;
                    const cell = grid.cells[top - grid.top]?.[c - grid.left];
                    const address = a1(top, c);
                    const isNumber = typeof cell?.value === "number";
                    const severity = marked.get(address);
                    return (
                      <td
                        key={c}
                        data-address={address}
                        data-mark={severity}
                        rowSpan={m ? Math.min(m.bottom, last) - r + 1 : undefined}
                        colSpan={m ? Math.min(m.right, right) - m.left + 1 : undefined}
                        className={mergeClasses(
                          styles.cell,
                          isNumber && styles.number,
                          cell?.bold && styles.bold,
                          severity && styles[severity],
                          selected === address && styles.selected,
                        )}
                        title={
                          severity
                            ? `${fmt(t.severityMark, { severity: SEVERITY_NAMES[lang][severity] })}${cell?.formula ? ` · ${cell.formula}` : ""}`
                            : cell?.formula
                        }
                      >
                        {isNumber && !cell?.text
                          ? showCell(cell?.value as number, lang, cell?.numberFormat)
                          : cellText(cell)}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
            {padBottom > 0 && (
              <tr aria-hidden style={{ height: padBottom }}>
                <td colSpan={cols.length + 1} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
