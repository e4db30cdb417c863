// A read-only picture of the sheet beside the pane: what Excel would show, with marked and selected cells.
import * as React from "react";
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { formatNumber, type UiLang } from "../i18n/ui";
import { a1, cellText, columnLetter, gridBottom, gridRight, mergeAt, type Grid } from "../engine/grid";

const MAX_ROWS = 300;
const MAX_COLS = 40;

const useStyles = makeStyles({
  wrap: {
    overflow: "auto",
    maxHeight: "calc(100vh - 160px)",
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
  },
  cell: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    maxWidth: "14em",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  number: { textAlign: "right", fontFamily: tokens.fontFamilyNumeric },
  bold: { fontWeight: tokens.fontWeightSemibold },
  marked: {
    backgroundColor: tokens.colorStatusWarningBackground2,
    color: tokens.colorStatusWarningForeground2,
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
  marked: Set<string>;
  selected: string | null;
  label: string;
  lang: UiLang;
}

export function SheetPreview({ grid, marked, selected, label, lang }: SheetPreviewProps): React.ReactElement {
  const styles = useStyles();
  const ref = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (!selected || !ref.current) return;
    const el = ref.current.querySelector(`[data-address="${selected}"]`);
    if (el && "scrollIntoView" in el)
      (el as HTMLElement).scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [selected]);

  const bottom = Math.min(gridBottom(grid), grid.top + MAX_ROWS - 1);
  const right = Math.min(gridRight(grid), grid.left + MAX_COLS - 1);
  const cols: number[] = [];
  for (let c = grid.left; c <= right; c++) cols.push(c);
  const rows: number[] = [];
  for (let r = grid.top; r <= bottom; r++) rows.push(r);

  return (
    <div ref={ref} className={styles.wrap} role="region" aria-label={label} tabIndex={0}>
      <table className={styles.table}>
        <thead>
          <tr>
            <th className={styles.head} />
            {cols.map((c) => (
              <th key={c} className={styles.head} scope="col">
                {columnLetter(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r}>
              <th className={styles.rowHead} scope="row">
                {r}
              </th>
              {cols.map((c) => {
                const m = mergeAt(grid, r, c);
                if (m && (m.top !== r || m.left !== c)) return null;
                const cell = grid.cells[r - grid.top]?.[c - grid.left];
                const address = a1(r, c);
                const isNumber = typeof cell?.value === "number";
                return (
                  <td
                    key={c}
                    data-address={address}
                    rowSpan={m ? Math.min(m.bottom, bottom) - m.top + 1 : undefined}
                    colSpan={m ? Math.min(m.right, right) - m.left + 1 : undefined}
                    className={mergeClasses(
                      styles.cell,
                      isNumber && styles.number,
                      cell?.bold && styles.bold,
                      marked.has(address) && styles.marked,
                      selected === address && styles.selected,
                    )}
                    title={cell?.formula}
                  >
                    {isNumber && !cell?.text
                      ? formatNumber(cell?.value as number, lang, cell?.numberFormat)
                      : cellText(cell)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
