// The task pane, shared by Excel and the standalone page: it takes a PaneHost and never calls Office.js or
// ExcelJS itself.
import * as React from "react";
import {
  Button,
  Checkbox,
  CounterBadge,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Spinner,
  Tab,
  TabList,
  Text,
  Toolbar,
  tokens,
  Tooltip,
} from "@fluentui/react-components";
import { cellAt, parseA1, rangeA1, summarize, type Finding, unreadParts } from "../engine";
import { fmt, formatNumber, type UiStrings } from "../i18n/ui";
import { columnRoles, confirmReading, hasFixAllWork, readingUncertain } from "../hosts/analysis";
import { isSuggested } from "../i18n/findings";
import { showCellValue } from "../i18n/numbers";
import { HelpView } from "./components/HelpView";
import { downloadBytes, exportFileName, findingsText, findingsWorkbook, XLSX_TYPE } from "./exportFindings";
import { AppendixView } from "./appendix/AppendixView";
import { FindingsView } from "./components/FindingsView";
import { SettingsView } from "./components/SettingsView";
import { ManyFilesView } from "./components/ManyFilesView";
import { MANY_UI } from "../i18n/many";
import { TableView } from "./components/TableView";
import { ProseView } from "./components/ProseView";
import { proseUi } from "../i18n/prose";
import type { PaneHost, PaneView } from "../hosts/port";
import type { NoticeChannel } from "./notices";
import { usePane, type PaneState } from "./usePane";
import { ACTIONS, CARD, CARD_TITLE } from "./styles";

/** Findings about how a cell is written, not about its value: nothing for the user to confirm. */
const NOT_CONFIRMABLE = new Set<string>(["number-as-text", "missing-value", "structure-unsure"]);

export type { PaneView };

export interface PhuLucPaneProps {
  host: PaneHost;
  /** The view to open on (the ribbon's ?action=check opens on findings, ?view=appendix on the appendix). */
  initialView?: PaneView;
  /** Messages the host sends on its own, shown as notices. */
  notices?: NoticeChannel;
  /** The page title follows the language (the standalone page sets its own). */
  setsTitle?: boolean;
  /** "Dùng bảng mẫu" in the first-run guide, where the host can open the bundled sample. */
  onUseSample?(): void;
  /** Every new analysis of the current table (the standalone page colours its preview from it). */
  onFindings?(sheet: string, findings: Finding[]): void;
  /** A new sheet was written (the appendix): the standalone page shows it. */
  onSheetWritten?(name: string): void;
  /** A view asked for while the pane is open (the ribbon's "Lập phụ lục"); each new `n` switches to it. */
  requestedView?: { view: PaneView; n: number };
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground2,
    minHeight: "100%",
    boxSizing: "border-box",
    fontFamily: tokens.fontFamilyBase,
  },
  title: {
    display: "flex",
    alignItems: "baseline",
    justifyContent: "space-between",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
  },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  sheet: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  toolbar: {
    flexWrap: "wrap",
    padding: 0,
    columnGap: tokens.spacingHorizontalXS,
    rowGap: tokens.spacingVerticalXS,
  },
  summary: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
  },
  count: { display: "inline-flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
  busy: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS, minHeight: "6px" },
  body: { paddingTop: tokens.spacingVerticalS, minWidth: 0 },
  tabs: { flexWrap: "wrap" },
  card: CARD,
  cardTitle: CARD_TITLE,
  changeList: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    maxHeight: "12rem",
    overflowY: "auto",
    fontSize: tokens.fontSizeBase200,
    fontFamily: tokens.fontFamilyNumeric,
    overflowWrap: "anywhere",
  },
  actions: ACTIONS,
  steps: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  copyText: { width: "100%", minHeight: "6rem", boxSizing: "border-box", fontFamily: tokens.fontFamilyBase },
});

export function PhuLucPane({
  host,
  initialView,
  notices,
  setsTitle = true,
  onUseSample,
  onFindings,
  onSheetWritten,
  requestedView,
}: PhuLucPaneProps): React.ReactElement {
  const styles = useStyles();
  const [state, actions, t] = usePane(host);
  const [view, setView] = React.useState<PaneView>(initialView ?? "table");
  React.useEffect(() => {
    if (requestedView) setView(requestedView.view);
  }, [requestedView]);
  const [returnView, setReturnView] = React.useState<PaneView>("findings");
  const [copyFallback, setCopyFallback] = React.useState<string | null>(null);
  const notify = React.useRef(actions.notify);
  notify.current = actions.notify;
  React.useEffect(() => notices?.subscribe((m) => notify.current(m)), [notices]);
  const analysis = state.analyses[state.tableIndex];
  // What holds numbers on the sheet but was not read: said above the findings, never a silent "0 lỗi".
  const unread = React.useMemo(
    () =>
      state.grid
        ? unreadParts(
            state.grid,
            state.analyses.map((a) => a.table),
          )
        : [],
    [state.grid, state.analyses],
  );
  const busy = state.busy !== null;
  const showBusy = useDelayed(busy, 150);
  const lang = state.settings.lang;
  const uncertain = analysis ? readingUncertain(analysis) : false;
  // The button is off when fix-all would write nothing (the plan itself is built when it is pressed).
  const fixable = React.useMemo(
    () => (analysis ? hasFixAllWork(analysis, state.settings, state.grid) : false),
    [analysis, state.settings, state.grid],
  );

  React.useEffect(() => {
    if (typeof document === "undefined") return;
    document.documentElement.lang = lang;
    if (setsTitle) document.title = `${t.appName} — ${t.appTagline}`;
  }, [lang, setsTitle, t.appName, t.appTagline]);
  const findingsRef = React.useRef(onFindings);
  findingsRef.current = onFindings;
  React.useEffect(() => {
    if (state.grid) findingsRef.current?.(state.grid.sheet, analysis?.findings ?? []);
  }, [analysis, state.grid]);

  // "Giá trị này đúng" is offered on a finding that blames a typed input (not a cell the table computes).
  const derivedCells = React.useMemo(
    () =>
      analysis && analysis.findings.some((f) => f.severity === "error")
        ? new Set(analysis.derived.map((w) => w.cell))
        : new Set<string>(),
    [analysis],
  );
  // A suspected typo (certainty "suggested") is the user's to settle, whatever its severity.
  const canConfirm = (f: Finding): boolean =>
    (f.severity === "error" || isSuggested(f)) &&
    !NOT_CONFIRMABLE.has(f.rule) &&
    !f.fix?.formula &&
    !derivedCells.has(f.cell);
  const columns = React.useMemo(() => (analysis ? columnRoles(analysis) : []), [analysis]);
  /** The number format a finding's cell shows, so "Đúng là" reads like the cell. */
  const formatOf = (cell: string, f: Finding): string | undefined => {
    const grid = state.grid;
    if (grid) {
      const { row, col } = parseA1(cell);
      const format = cellAt(grid, row, col)?.numberFormat;
      if (format && /0\.0/.test(format)) return format;
    }
    if (f.rule.startsWith("rate")) return `0.${"0".repeat(state.settings.rateDecimals)}`;
    return undefined;
  };

  const exportSource = () =>
    analysis && {
      sheet: analysis.table.sheet,
      range: rangeA1(analysis.table.range),
      findings: analysis.findings,
      lang,
    };
  const copyResults = async () => {
    const source = exportSource();
    if (!source) return;
    const text = findingsText(source);
    try {
      await navigator.clipboard.writeText(text);
      setCopyFallback(null);
      actions.notify(t.copied, "success");
    } catch {
      // Some hosts (older Excel webviews) refuse the clipboard: show the text to copy by hand.
      setCopyFallback(text);
      actions.notify(t.copyFailed);
    }
  };
  const exportList = () => {
    const source = exportSource();
    if (!source) return;
    const name = exportFileName(source.sheet, lang);
    downloadBytes(findingsWorkbook(source), name, XLSX_TYPE);
    actions.notify(fmt(t.exported, { file: name }), "success");
  };
  const openHelp = () => {
    if (view !== "help") setReturnView(view);
    setView(view === "help" ? returnView : "help");
  };

  return (
    <main className={styles.root} lang={state.settings.lang} aria-busy={busy}>
      <header className={styles.title}>
        <h2 className={styles.h2}>{t.appName}</h2>
        {state.grid && (
          <span className={styles.sheet}>
            {t.sheet}: {state.grid.sheet}
          </span>
        )}
      </header>

      <Toolbar className={styles.toolbar} aria-label={t.appName}>
        <Tooltip content={t.checkHint} relationship="description">
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() => {
              setView("findings");
              void actions.refresh();
            }}
          >
            {t.check}
          </Button>
        </Tooltip>
        <Tooltip content={t.fixAllHint} relationship="description">
          <Button
            disabled={busy || !fixable || state.pendingFixAll !== null}
            onClick={() => actions.fixAll()}
            data-testid="fix-all"
          >
            {t.fixAll}
          </Button>
        </Tooltip>
        <Tooltip content={t.undoHint} relationship="description">
          <Button disabled={busy || !state.canUndo} onClick={() => void actions.undo()}>
            {t.undo}
          </Button>
        </Tooltip>
        <Tooltip content={t.markHint} relationship="description">
          <Button
            disabled={busy || !analysis || analysis.findings.length === 0}
            onClick={() => void actions.mark()}
          >
            {t.mark}
          </Button>
        </Tooltip>
        <Tooltip content={t.clearMarksHint} relationship="description">
          <Button disabled={busy || !state.grid} onClick={() => void actions.clearMarks()}>
            {t.clearMarks}
          </Button>
        </Tooltip>
        <Button appearance="subtle" aria-pressed={view === "help"} onClick={openHelp}>
          {t.help}
        </Button>
      </Toolbar>

      {/* The first-run guide speaks of Excel's sheets and selections; the page has its own, about files. */}
      {state.settings.guideDone !== true && host.kind !== "standalone" && (
        <Guide
          t={t}
          styles={styles}
          onUseSample={onUseSample}
          onClose={() => void actions.setSettings({ ...state.settings, guideDone: true })}
        />
      )}

      <div className={styles.busy} role="status" aria-live="polite">
        {showBusy && state.busy && (
          <>
            <Spinner size="tiny" label={state.busy} labelPosition="after" />
            <ProgressBar thickness="medium" aria-label={state.busy} />
          </>
        )}
      </div>

      {state.notice && (
        <MessageBar intent={state.notice.intent} role={state.notice.intent === "error" ? "alert" : "status"}>
          <MessageBarBody data-testid="notice">{state.notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {uncertain && (
        <MessageBar intent="warning">
          <MessageBarBody data-testid="unsure">
            {analysis?.readOnly ? t.readOnlyYears : t.refusedUnsure}
          </MessageBarBody>
        </MessageBar>
      )}
      {unread.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody data-testid="unread">
            {unread
              .map((u) =>
                u.reason === "no-table"
                  ? t.unreadSheet
                  : u.reason === "rows"
                    ? fmt(t.unreadRows, {
                        range: u.range ?? "",
                        read: u.rowsRead ?? 0,
                        total: u.rowsTotal ?? 0,
                      })
                    : u.reason === "columns"
                      ? fmt(t.unreadColumns, { range: u.range ?? "" })
                      : fmt(t.unreadOutside, { range: u.range ?? "" }),
              )
              .join(" ")}
          </MessageBarBody>
        </MessageBar>
      )}
      {analysis?.legacyEncoding && (
        <MessageBar intent="info">
          <MessageBarBody data-testid="legacy">
            {t.unicodeHint}{" "}
            <Button size="small" disabled={busy} onClick={() => void actions.convertUnicode()}>
              {t.unicodeConvert}
            </Button>
          </MessageBarBody>
        </MessageBar>
      )}
      {copyFallback && (
        <textarea
          className={styles.copyText}
          readOnly
          value={copyFallback}
          aria-label={t.copyResults}
          onFocus={(e) => e.currentTarget.select()}
        />
      )}

      {state.pendingFixAll && (
        <FixAllConfirm
          pending={state.pendingFixAll}
          t={t}
          lang={lang}
          styles={styles}
          grid={state.grid}
          onConfirm={(withFormulas) => void actions.confirmFixAll(withFormulas)}
          onCancel={actions.cancelFixAll}
        />
      )}
      {state.lastChanges && state.lastChanges.length > 0 && (
        <section className={styles.card} aria-labelledby="pl-changes" data-testid="changes">
          <h3 id="pl-changes" className={styles.cardTitle}>
            {t.changesTitle} ({formatNumber(state.lastChanges.length, lang)})
          </h3>
          <ul className={styles.changeList} tabIndex={0}>
            {state.lastChanges.map((c) => (
              <li key={c.cell} data-cell={c.cell}>
                {c.cell}: {showCellValue(c.before, lang, c.format, t.empty)} →{" "}
                {showCellValue(c.after, lang, c.format, t.empty)}
                {c.formula ? ` (${c.formula})` : ""}
              </li>
            ))}
          </ul>
          <div className={styles.actions}>
            <Button size="small" onClick={actions.dismissChanges}>
              {t.close}
            </Button>
          </div>
        </section>
      )}

      {state.analyses.length > 1 && (
        <Select
          aria-label={t.table}
          value={String(state.tableIndex)}
          onChange={(_, d) => actions.setTableIndex(Number(d.value))}
        >
          {state.analyses.map((a, i) => (
            <option key={i} value={i}>
              {fmt(t.tableChoice, { n: i + 1, range: rangeA1(a.table.range) })}
            </option>
          ))}
        </Select>
      )}

      <Summary state={state} t={t} styles={styles} />

      <TabList
        className={styles.tabs}
        selectedValue={view}
        onTabSelect={(_, d) => setView(d.value as PaneView)}
        aria-label={t.views}
        size="small"
      >
        <Tab value="findings">{t.tabFindings}</Tab>
        <Tab value="table">{t.tabTable}</Tab>
        <Tab value="appendix">{t.tabAppendix}</Tab>
        <Tab value="prose">{proseUi(lang).tab}</Tab>
        <Tab value="many">{MANY_UI[lang].tab}</Tab>
        <Tab value="settings">{t.tabSettings}</Tab>
      </TabList>

      <div className={styles.body} role="tabpanel" aria-label={tabLabel(view, t, lang)}>
        {view === "findings" && analysis && (
          <>
            <div className={styles.actions} style={{ marginBottom: tokens.spacingVerticalS }}>
              <Tooltip content={t.copyResultsHint} relationship="description">
                <Button size="small" disabled={busy} onClick={() => void copyResults()}>
                  {t.copyResults}
                </Button>
              </Tooltip>
              <Tooltip content={t.exportListHint} relationship="description">
                <Button size="small" disabled={busy} onClick={exportList}>
                  {t.exportList}
                </Button>
              </Tooltip>
            </div>
            <FindingsView
              findings={analysis.findings}
              lang={lang}
              t={t}
              busy={busy}
              selectedCell={state.selectedCell}
              onSelect={(cell) => void actions.selectCell(cell)}
              onFix={(f) => void actions.fixOne(f)}
              canConfirm={canConfirm}
              onConfirm={(f) =>
                void actions.setOverrides({
                  ...state.overrides,
                  confirmedCells: [...new Set([...(state.overrides.confirmedCells ?? []), f.cell])],
                })
              }
              formatOf={formatOf}
              columns={columns}
              onConfirmReading={(f) =>
                void actions.setOverrides(confirmReading(analysis, f, state.overrides))
              }
              onEditReading={() => setView("table")}
              focusFallbackId="pl-summary"
            />
          </>
        )}
        {view === "table" && analysis && (
          <TableView
            table={analysis.table}
            overrides={state.overrides}
            lang={state.settings.lang}
            t={t}
            busy={busy}
            onChange={(o) => void actions.setOverrides(o)}
            doubts={analysis.findings.filter((f) => f.rule === "structure-unsure")}
            onConfirmReading={(f) => void actions.setOverrides(confirmReading(analysis, f, state.overrides))}
          />
        )}
        {view === "appendix" && (
          <AppendixView
            host={host}
            analysis={analysis}
            lang={lang}
            grid={state.grid}
            onWritten={onSheetWritten}
          />
        )}
        {view === "prose" && <ProseView grid={state.grid} analysis={analysis} lang={lang} />}
        {view === "many" && (
          <ManyFilesView
            host={host}
            lang={lang}
            analysis={analysis}
            grid={state.grid}
            onSelectCell={(cell) => void actions.selectCell(cell)}
            onWritten={onSheetWritten}
          />
        )}
        {view === "settings" && (
          <SettingsView
            settings={state.settings}
            t={t}
            busy={busy}
            onChange={(s) => void actions.setSettings(s)}
          />
        )}
        {view === "help" && <HelpView lang={lang} host={host.kind} onBack={() => setView(returnView)} />}
      </div>
    </main>
  );
}

function tabLabel(view: PaneView, t: UiStrings, lang: "vi" | "en" = "vi"): string {
  return {
    findings: t.tabFindings,
    table: t.tabTable,
    appendix: t.tabAppendix,
    prose: proseUi(lang).tab,
    many: MANY_UI[lang].tab,
    settings: t.tabSettings,
    help: t.helpTitle,
  }[view];
}

function Guide(props: {
  t: UiStrings;
  styles: ReturnType<typeof useStyles>;
  onUseSample?(): void;
  onClose(): void;
}): React.ReactElement {
  const { t, styles } = props;
  return (
    <section className={styles.card} aria-labelledby="pl-guide" data-testid="guide">
      <h3 id="pl-guide" className={styles.cardTitle}>
        {t.guideTitle}
      </h3>
      <ol className={styles.steps}>
        <li>{t.guideStep1}</li>
        <li>{t.guideStep2}</li>
        <li>{t.guideStep3}</li>
      </ol>
      <div className={styles.actions}>
        {props.onUseSample && (
          <Button size="small" appearance="primary" onClick={props.onUseSample}>
            {t.useSample}
          </Button>
        )}
        <Button size="small" onClick={props.onClose}>
          {t.guideClose}
        </Button>
      </div>
    </section>
  );
}

function FixAllConfirm(props: {
  pending: NonNullable<PaneState["pendingFixAll"]>;
  t: UiStrings;
  lang: "vi" | "en";
  styles: ReturnType<typeof useStyles>;
  grid: PaneState["grid"];
  onConfirm(withFormulas: boolean): void;
  onCancel(): void;
}): React.ReactElement {
  const { pending, t, lang, styles } = props;
  const [withFormulas, setWithFormulas] = React.useState(true);
  const n = pending.fixes.length + (withFormulas ? pending.toFormula.length : 0);
  // Values as they are: text in quotes ("13" → 13), numbers in the cell's format.
  const before = (cell: string, format?: string) => {
    if (!props.grid) return "";
    const { row, col } = parseA1(cell);
    const c = cellAt(props.grid, row, col);
    const v = c?.value;
    return typeof v === "number" || typeof v === "string"
      ? showCellValue(v, lang, format ?? c?.numberFormat, t.empty)
      : t.empty;
  };
  // A line that changes nothing a person can see ("4,85 → 4,85": a flagged cell rewritten as a formula) is
  // counted, not listed.
  const lines = pending.fixes.map((w) => ({
    cell: w.cell,
    from: before(w.cell, w.numberFormat),
    to: showCellValue(w.value, lang, w.numberFormat ?? cellFormat(props.grid, w.cell), t.empty),
  }));
  const shownLines = lines.filter((l) => l.from !== l.to);
  const sameLines = lines.length - shownLines.length;
  const confirm = React.useRef<HTMLButtonElement>(null);
  React.useEffect(() => confirm.current?.focus(), []);
  return (
    <section className={styles.card} aria-labelledby="pl-fixall" data-testid="fix-all-confirm" role="group">
      <h3 id="pl-fixall" className={styles.cardTitle}>
        {t.fixAllTitle}:{" "}
        <span data-testid="fix-all-summary">
          {fmt(t.fixAllSummary, {
            fixes: formatNumber(pending.fixes.length, lang),
            formulas: formatNumber(withFormulas ? pending.toFormula.length : 0, lang),
          })}
        </span>
      </h3>
      {pending.fixes.length > 0 && (
        <>
          <Text weight="semibold">{t.fixAllFixes}</Text>
          <ul className={styles.changeList} tabIndex={0} data-testid="fix-all-fixes">
            {shownLines.map((l) => (
              <li key={l.cell} data-cell={l.cell}>
                {l.cell}: {l.from} → {l.to}
              </li>
            ))}
          </ul>
          {sameLines > 0 && (
            <Text size={200} data-testid="fix-all-same">
              {fmt(t.unchangedCollapsed, { n: formatNumber(sameLines, lang) })}
            </Text>
          )}
        </>
      )}
      {pending.toFormula.length > 0 && (
        <>
          <Checkbox
            checked={withFormulas}
            onChange={(_, d) => setWithFormulas(d.checked === true)}
            label={`${t.fixAllKeepFormulas} (${formatNumber(pending.toFormula.length, lang)})`}
          />
          {withFormulas && (
            <ul
              className={styles.changeList}
              tabIndex={0}
              data-testid="fix-all-formulas"
              aria-label={t.fixAllFormulas}
            >
              {pending.toFormula.map((w) => (
                <li key={w.cell} data-cell={w.cell}>
                  {w.cell}: {w.formula}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {pending.unchanged > 0 && <Text size={200}>{fmt(t.fixAllUnchanged, { n: pending.unchanged })}</Text>}
      <div className={styles.actions}>
        <Button
          ref={confirm}
          appearance="primary"
          disabled={n === 0}
          onClick={() => props.onConfirm(withFormulas)}
        >
          {n === 0 ? t.fixAllNothing : fmt(t.confirmWrite, { n: formatNumber(n, lang) })}
        </Button>
        <Button onClick={props.onCancel}>{t.cancel}</Button>
      </div>
    </section>
  );
}

function Summary(props: {
  state: PaneState;
  t: UiStrings;
  styles: ReturnType<typeof useStyles>;
}): React.ReactElement | null {
  const { state, t, styles } = props;
  if (state.phase === "loading") return null;
  if (state.phase === "failed") return null;
  if (state.phase === "empty") {
    return (
      <div
        data-testid="summary"
        data-errors={0}
        data-warnings={0}
        data-infos={0}
        className={styles.summary}
        aria-label={t.summary}
      >
        <Text>{state.grid ? t.noTable : t.noGrid}</Text>
      </div>
    );
  }
  const analysis = state.analyses[state.tableIndex];
  const s = summarize(analysis.findings);
  return (
    <div
      data-testid="summary"
      data-errors={s.errors}
      data-warnings={s.warnings}
      data-infos={s.infos}
      className={styles.summary}
      aria-label={t.summary}
      id="pl-summary"
      tabIndex={-1}
    >
      <Text weight="semibold">
        {t.table} {rangeA1(analysis.table.range)}
      </Text>
      <span className={styles.count}>
        <CounterBadge count={s.errors} showZero color="danger" /> {t.errors}
      </span>
      <span className={styles.count}>
        <CounterBadge count={s.warnings} showZero color="important" /> {t.warnings}
      </span>
      <span className={styles.count}>
        <CounterBadge count={s.infos} showZero color="brand" /> {t.infos}
      </span>
      {s.errors + s.warnings === 0 && <Text>{t.allClear}</Text>}
    </div>
  );
}

function cellFormat(grid: PaneState["grid"], cell: string): string | undefined {
  if (!grid) return undefined;
  const { row, col } = parseA1(cell);
  return cellAt(grid, row, col)?.numberFormat;
}

/** True once `flag` has stayed true for `ms`: no spinner flicker on quick actions. */
function useDelayed(flag: boolean, ms: number): boolean {
  const [shown, setShown] = React.useState(false);
  React.useEffect(() => {
    if (!flag) {
      setShown(false);
      return;
    }
    const id = setTimeout(() => setShown(true), ms);
    return () => clearTimeout(id);
  }, [flag, ms]);
  return shown;
}
