// The "Lập phụ lục" view: choose the appendix (the table as it is, or next year's plan from a target), edit the
// title lines, see a preview of the layout, and write it with one button through host.writeAppendix.
import * as React from "react";
import {
  Button,
  Field,
  Input,
  makeStyles,
  Checkbox,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import {
  type TableAnalysis,
  buildAppendix,
  tableYear,
  type AppendixCell,
  type AppendixLayout,
  type Grid,
  parseTarget,
  PlanError,
  planTable,
  type AllocationMethod,
  type Plan,
} from "../../engine";
import { appendixLabels } from "../../i18n/appendix";
import type { Lang } from "../../i18n/lang";
import type { PaneHost } from "../../hosts/port";
import { appendixStrings } from "./strings";
import { showCell, showCount } from "../../i18n/numbers";
import { fmt, uiStrings } from "../../i18n/ui";
import { describePlanError, describePlanNotes } from "../../i18n/plan";
import { openProblems, unresolvedProblems } from "../../hosts/analysis";

export interface AppendixViewProps {
  host: PaneHost;
  analysis: TableAnalysis | undefined;
  lang: "vi" | "en";
  /** The sheet the analysis was read from; read from the host when not given. */
  grid?: Grid | null;
  /** The appendix was written to this new sheet (the page shows it). */
  onWritten?(name: string): void;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  weights: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  row: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  preview: {
    overflow: "auto",
    maxHeight: "24rem",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    padding: tokens.spacingHorizontalS,
  },
  table: {
    borderCollapse: "collapse",
    fontFamily: "'Times New Roman', Times, serif",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
  },
  cell: { padding: `0 ${tokens.spacingHorizontalXS}`, verticalAlign: "middle" },
  bordered: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalL, fontSize: tokens.fontSizeBase200 },
  // The full-width preview: the whole window, above the pane, so a wide appendix is readable.
  overlay: {
    position: "fixed",
    inset: 0,
    zIndex: 1000,
    display: "flex",
    flexDirection: "column",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  overlayBar: {
    padding: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  overlayBody: { flexGrow: 1, overflow: "auto", padding: tokens.spacingHorizontalM },
});

/** Appendix sheets written through each host, kept across tab switches. */
const writtenByHost = new WeakMap<PaneHost, string[]>();

/** A cell's text as a Vietnamese (or English) reader sees it: 1.518 and 13,70. */
function display(cell: AppendixCell, lang: Lang): string {
  return showCell(cell.value, lang, cell.style?.numberFormat);
}

export function AppendixPreview({
  layout,
  lang,
}: {
  layout: AppendixLayout;
  lang: Lang;
}): React.ReactElement {
  const styles = useStyles();
  const byPos = new Map(layout.cells.map((c) => [`${c.row}:${c.col}`, c]));
  const covered = new Set<string>();
  const spanOf = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const m of layout.merges) {
    spanOf.set(`${m.top}:${m.left}`, { rowSpan: m.bottom - m.top + 1, colSpan: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r}:${c}`);
  }
  const lastRow = Math.max(...layout.cells.map((c) => c.row));
  const width = layout.columnWidths.length;
  const rows: React.ReactElement[] = [];
  for (let r = 1; r <= lastRow; r++) {
    const tds: React.ReactElement[] = [];
    for (let c = 1; c <= width; c++) {
      const key = `${r}:${c}`;
      if (covered.has(key)) continue;
      const cell = byPos.get(key);
      const span = spanOf.get(key);
      const s = cell?.style ?? {};
      const Tag = r >= layout.printTitleRows[0] && r <= layout.printTitleRows[1] ? "th" : "td";
      tds.push(
        <Tag
          key={key}
          rowSpan={span?.rowSpan}
          colSpan={span?.colSpan}
          className={`${styles.cell} ${s.border ? styles.bordered : ""}`}
          style={{
            fontWeight: s.bold ? 700 : 400,
            fontStyle: s.italic ? "italic" : "normal",
            textAlign: s.horizontal ?? "left",
            whiteSpace: s.wrap ? "normal" : "nowrap",
            fontSize: s.fontSize && s.fontSize > 12 ? tokens.fontSizeBase300 : undefined,
          }}
          data-cell={key}
          title={cell?.formula}
        >
          {cell ? display(cell, lang) : ""}
        </Tag>,
      );
    }
    rows.push(<tr key={r}>{tds}</tr>);
  }
  return (
    <table className={styles.table} data-testid="appendix-preview">
      <colgroup>
        {layout.columnWidths.map((w, i) => (
          <col key={i} style={{ width: `${w * 0.6}em` }} />
        ))}
      </colgroup>
      <tbody>{rows}</tbody>
    </table>
  );
}

/**
 * "Bảng còn N lỗi" in red above the plan and the appendix: what is built from a table with errors (or with a value
 * the data only suggests is a typo) is not ready to sign. The command line counts the same (openProblems).
 */
function ErrorsLeft({ analysis, lang }: { analysis: TableAnalysis; lang: Lang }): React.ReactElement | null {
  const open = openProblems(analysis);
  if (open.length === 0) return null;
  const ui = uiStrings(lang);
  const cells =
    open.length > 8
      ? `${open
          .slice(0, 8)
          .map((f) => f.cell)
          .join(", ")}, …`
      : open.map((f) => f.cell).join(", ");
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody data-testid="errors-left">
        <strong>{fmt(ui.errorsLeft, { n: showCount(open.length, lang) })}</strong>.{" "}
        {fmt(ui.errorsLeftDetail, { cells })}
      </MessageBarBody>
    </MessageBar>
  );
}

export function AppendixView({
  host,
  analysis,
  lang,
  grid: givenGrid,
  onWritten,
}: AppendixViewProps): React.ReactElement {
  const styles = useStyles();
  const t = appendixStrings(lang);
  const [grid, setGrid] = React.useState<Grid | null | undefined>(givenGrid);
  const [variant, setVariant] = React.useState<"table" | "plan">("table");
  const [title, setTitle] = React.useState<string | undefined>(undefined);
  const [subtitle, setSubtitle] = React.useState<string | undefined>(undefined);
  const [target, setTarget] = React.useState("");
  const [unit, setUnit] = React.useState<"households" | "points">("households");
  const [method, setMethod] = React.useState<AllocationMethod>("households");
  const [year, setYear] = React.useState("");
  /** Per-unit weights typed in the page, by sheet row ("1" when left alone; Vietnamese or English decimals). */
  const [weights, setWeights] = React.useState<Record<number, string>>({});
  const units = React.useMemo(
    () => (analysis ? analysis.table.rows.filter((r) => r.kind === "unit") : []),
    [analysis],
  );
  const [busy, setBusy] = React.useState(false);
  const [result, setResult] = React.useState<{ ok: boolean; text: string } | null>(null);
  /** Sheets already written from this view: a second copy is asked for, never made silently. */
  const [written, setWritten] = React.useState<string[]>(() => writtenByHost.get(host) ?? []);
  React.useEffect(() => void writtenByHost.set(host, written), [host, written]);
  const [askAgain, setAskAgain] = React.useState(false);
  const [allowErrors, setAllowErrors] = React.useState(false);
  // Errors the appendix corrects itself (a rate, a total recomputed) need no leave; an input it cannot settle does.
  const hasErrors = analysis ? unresolvedProblems(analysis).length > 0 : false;
  const ui = uiStrings(lang);
  const [wide, setWide] = React.useState(false);

  React.useEffect(() => setGrid(givenGrid), [givenGrid]);
  React.useEffect(() => {
    if (grid !== undefined || !analysis) return;
    let live = true;
    host.readGrid().then(
      (g) => live && setGrid(g),
      () => live && setGrid(null),
    );
    return () => {
      live = false;
    };
  }, [grid, analysis, host]);

  const built = React.useMemo((): { layout?: AppendixLayout; plan?: Plan; error?: string } => {
    if (!analysis || !grid || grid.sheet !== analysis.table.sheet) return {};
    // In doubt, write nothing: no appendix is built from a reading the engine is not sure of.
    if (analysis.unsure) return { error: t.unsure };
    if (analysis.readOnly) return { error: t.readOnlyYears };
    try {
      let plan: Plan | undefined;
      if (variant === "plan") {
        if (target.trim() === "") return { error: t.enterTarget };
        plan = planTable(analysis.table, grid, analysis.derived, parseTarget(target, unit), {
          method,
          corrections: analysis.corrections,
          weights:
            method === "weights"
              ? Object.fromEntries(
                  units.map((u) => [u.row, Number((weights[u.row] ?? "1").trim().replace(",", "."))]),
                )
              : undefined,
        });
      }
      const y = Number(year);
      const layout = buildAppendix(analysis, {
        grid,
        plan,
        labels: appendixLabels(lang),
        title: title?.trim() ? title : undefined,
        subtitle: subtitle?.trim() ? subtitle : undefined,
        // Typed, or for "next year's plan" the year after the one the table is about.
        year:
          Number.isInteger(y) && y >= 1990 && y <= 2100
            ? y
            : variant === "plan"
              ? tableYear(analysis.table) + 1
              : undefined,
      });
      return { layout, plan };
    } catch (err) {
      if (err instanceof PlanError) return { error: describePlanError(err, lang) };
      return { error: err instanceof Error ? err.message : String(err) };
    }
  }, [
    analysis,
    grid,
    variant,
    target,
    unit,
    method,
    weights,
    units,
    year,
    title,
    subtitle,
    lang,
    t.enterTarget,
    t.unsure,
    t.readOnlyYears,
  ]);

  if (!analysis) return <div data-testid="appendix-view">{t.noTable}</div>;
  if (grid === undefined) return <Spinner data-testid="appendix-view" label={t.reading} size="small" />;

  const layout = built.layout;
  const shownTitle =
    title ?? (layout ? String(layout.cells.find((c) => c.row === 1 && c.col === 1)?.value ?? "") : "");
  const shownSubtitle =
    subtitle ?? (layout ? String(layout.cells.find((c) => c.row === 2 && c.col === 1)?.value ?? "") : "");

  const write = async (again = false) => {
    if (!layout) return;
    if (written.length > 0 && !again) {
      setAskAgain(true);
      return;
    }
    setAskAgain(false);
    setBusy(true);
    setResult(null);
    try {
      const name = await host.writeAppendix(layout);
      setWritten((w) => [...w, name]);
      setResult({ ok: true, text: t.written(name) });
      onWritten?.(name);
    } catch (err) {
      setResult({ ok: false, text: t.failed(err instanceof Error ? err.message : String(err)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.root} data-testid="appendix-view" aria-label={t.heading}>
      <ErrorsLeft analysis={analysis} lang={lang} />
      <Field label={t.variant}>
        <RadioGroup
          layout="horizontal"
          value={variant}
          onChange={(_, d) => setVariant(d.value === "plan" ? "plan" : "table")}
        >
          <Radio value="table" label={t.variantTable} />
          <Radio value="plan" label={t.variantPlan} />
        </RadioGroup>
      </Field>
      {variant === "plan" && (
        <div className={styles.row}>
          <Field label={t.target} validationState={built.error && target.trim() ? "error" : "none"}>
            <Input
              value={target}
              inputMode="decimal"
              onChange={(_, d) => setTarget(d.value)}
              data-testid="appendix-target"
            />
          </Field>
          <Field label={t.targetUnit}>
            <Select value={unit} onChange={(_, d) => setUnit(d.value === "points" ? "points" : "households")}>
              <option value="households">{t.unitHouseholds}</option>
              <option value="points">{t.unitPoints}</option>
            </Select>
          </Field>
          <Field label={t.method}>
            <Select
              value={method}
              onChange={(_, d) => setMethod(d.value as AllocationMethod)}
              data-testid="appendix-method"
            >
              <option value="households">{t.byHouseholds}</option>
              <option value="poor">{t.byPoor}</option>
              <option value="equal">{t.byEqual}</option>
              <option value="weights">{t.byWeights}</option>
            </Select>
          </Field>
          <Field label={t.year}>
            <Input
              value={year}
              inputMode="numeric"
              onChange={(_, d) => setYear(d.value)}
              placeholder="2025"
            />
          </Field>
        </div>
      )}
      {variant === "plan" && method === "weights" && (
        <fieldset className={styles.weights} data-testid="appendix-weights">
          <legend>{t.weightsLegend}</legend>
          {units.map((u) => (
            <Field key={u.row} label={u.label} orientation="horizontal">
              <Input
                value={weights[u.row] ?? "1"}
                inputMode="decimal"
                aria-label={t.weightOf(u.label)}
                onChange={(_, d) => setWeights((w) => ({ ...w, [u.row]: d.value }))}
              />
            </Field>
          ))}
        </fieldset>
      )}
      <Field label={t.title}>
        <Input value={shownTitle} onChange={(_, d) => setTitle(d.value)} data-testid="appendix-title" />
      </Field>
      <Field label={t.subtitle}>
        <Input value={shownSubtitle} onChange={(_, d) => setSubtitle(d.value)} />
      </Field>
      {built.error && (
        <MessageBar intent={target.trim() ? "error" : "info"}>
          <MessageBarBody data-testid="appendix-error">{built.error}</MessageBarBody>
        </MessageBar>
      )}
      {layout && (
        <>
          <div>
            <Button size="small" onClick={() => setWide(true)} data-testid="appendix-wide">
              {t.fullWidth}
            </Button>
          </div>
          <div className={styles.preview} aria-label={t.preview} tabIndex={0}>
            <AppendixPreview layout={layout} lang={lang} />
          </div>
          {wide && (
            <div
              className={styles.overlay}
              role="dialog"
              aria-modal="true"
              aria-label={t.preview}
              data-testid="appendix-wide-preview"
              onKeyDown={(e) => e.key === "Escape" && setWide(false)}
            >
              <div className={styles.overlayBar}>
                <Button appearance="primary" onClick={() => setWide(false)} autoFocus>
                  {t.closePreview}
                </Button>
              </div>
              <div className={styles.overlayBody} tabIndex={0}>
                <AppendixPreview layout={layout} lang={lang} />
              </div>
            </div>
          )}
          {(built.plan?.notes.length || layout.notes?.length) && (
            <ul className={styles.notes} aria-label={t.notes}>
              {[...describePlanNotes(built.plan?.notes ?? [], lang), ...(layout.notes ?? [])].map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
        </>
      )}
      {/* No appendix "ready to sign" on a table with errors unless the user asks for it (as --allow-errors). */}
      {hasErrors && (
        <Checkbox
          checked={allowErrors}
          onChange={(_, d) => setAllowErrors(d.checked === true)}
          label={ui.allowErrors}
          data-testid="appendix-allow-errors"
        />
      )}
      <div>
        <Button
          appearance="primary"
          disabled={!layout || busy || (hasErrors && !allowErrors)}
          onClick={() => void write()}
          data-testid="appendix-write"
        >
          {busy ? t.writing : t.write}
        </Button>
      </div>
      {askAgain && (
        <MessageBar intent="warning">
          <MessageBarBody data-testid="appendix-again">
            {t.askAgain(written[written.length - 1])}{" "}
            <Button size="small" onClick={() => void write(true)}>
              {t.writeAgain}
            </Button>{" "}
            <Button size="small" onClick={() => setAskAgain(false)}>
              {t.cancel}
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      {result && (
        <MessageBar intent={result.ok ? "success" : "error"}>
          <MessageBarBody data-testid="appendix-result">{result.text}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
