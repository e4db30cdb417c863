// The task pane, shared by Excel and the standalone page: it takes a PaneHost and never calls Office.js or
// ExcelJS itself.
import * as React from "react";
import {
  Button,
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
import { rangeA1 } from "../engine/grid";
import { summarize } from "../engine/report";
import { fmt, type UiStrings } from "../i18n/ui";
import { AppendixView } from "./appendix/AppendixView";
import { FindingsView } from "./components/FindingsView";
import { SettingsView } from "./components/SettingsView";
import { TableView } from "./components/TableView";
import type { PaneHost } from "./host";
import type { NoticeChannel } from "./notices";
import { usePane, type PaneState } from "./usePane";

export type PaneView = "findings" | "table" | "appendix" | "settings";

export interface PhuLucPaneProps {
  host: PaneHost;
  /** The view to open on (the ribbon's ?action=check opens on findings, ?view=appendix on the appendix). */
  initialView?: PaneView;
  /** Messages the host sends on its own, shown as notices. */
  notices?: NoticeChannel;
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
  body: { paddingTop: tokens.spacingVerticalS },
});

export function PhuLucPane({ host, initialView, notices }: PhuLucPaneProps): React.ReactElement {
  const styles = useStyles();
  const [state, actions, t] = usePane(host);
  const [view, setView] = React.useState<PaneView>(initialView ?? "table");
  const notify = React.useRef(actions.notify);
  notify.current = actions.notify;
  React.useEffect(() => notices?.subscribe((m) => notify.current(m)), [notices]);
  const analysis = state.analyses[state.tableIndex];
  const busy = state.busy !== null;
  const showBusy = useDelayed(busy, 150);
  const fixable = analysis ? analysis.findings.some((f) => f.fix) || analysis.derived.length > 0 : false;

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
          <Button disabled={busy || !fixable} onClick={() => void actions.fixAll()}>
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
      </Toolbar>

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
          <MessageBarBody>{state.notice.text}</MessageBarBody>
        </MessageBar>
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
        selectedValue={view}
        onTabSelect={(_, d) => setView(d.value as PaneView)}
        aria-label={t.views}
        size="small"
      >
        <Tab value="findings">{t.tabFindings}</Tab>
        <Tab value="table">{t.tabTable}</Tab>
        <Tab value="appendix">{t.tabAppendix}</Tab>
        <Tab value="settings">{t.tabSettings}</Tab>
      </TabList>

      <div className={styles.body} role="tabpanel" aria-label={tabLabel(view, t)}>
        {view === "findings" && analysis && (
          <FindingsView
            findings={analysis.findings}
            lang={state.settings.lang}
            t={t}
            busy={busy}
            selectedCell={state.selectedCell}
            onSelect={(cell) => void actions.selectCell(cell)}
            onFix={(f) => void actions.fixOne(f)}
          />
        )}
        {view === "table" && analysis && (
          <TableView
            table={analysis.table}
            overrides={state.overrides}
            lang={state.settings.lang}
            t={t}
            busy={busy}
            onChange={(o) => void actions.setOverrides(o)}
          />
        )}
        {view === "appendix" && (
          <AppendixView host={host} analysis={analysis} lang={state.settings.lang} grid={state.grid} />
        )}
        {view === "settings" && (
          <SettingsView
            settings={state.settings}
            t={t}
            busy={busy}
            onChange={(s) => void actions.setSettings(s)}
          />
        )}
      </div>
    </main>
  );
}

function tabLabel(view: PaneView, t: UiStrings): string {
  return { findings: t.tabFindings, table: t.tabTable, appendix: t.tabAppendix, settings: t.tabSettings }[
    view
  ];
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
