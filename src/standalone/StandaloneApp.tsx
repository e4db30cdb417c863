// The standalone page: open an .xlsx file, pick a sheet, use the same pane over it, download the corrected copy.
// Everything happens in this browser tab; the file is never uploaded.
import * as React from "react";
import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { analyzeGrid } from "../engine";
import { XlsxWorkbook } from "../hosts/xlsx/workbook";
import { fmt, uiStrings, type UiLang } from "../i18n/ui";
import { PhuLucPane } from "../taskpane/PhuLucPane";
import type { PaneView } from "../taskpane/PhuLucPane";
import { SheetPreview } from "./SheetPreview";
import {
  browserStore,
  correctedFileName,
  loadSettings,
  WorkbookHost,
  type KeyValueStore,
} from "./workbookHost";

const useStyles = makeStyles({
  page: {
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    display: "flex",
    flexDirection: "column",
  },
  bar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "end",
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  h1: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    flexBasis: "100%",
  },
  fileLabel: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    fontWeight: tokens.fontWeightSemibold,
  },
  fileInput: {
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  hint: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightRegular,
  },
  main: {
    display: "grid",
    gridTemplateColumns: "minmax(320px, 440px) 1fr",
    columnGap: tokens.spacingHorizontalL,
    padding: tokens.spacingHorizontalL,
    alignItems: "start",
    "@media (max-width: 800px)": { gridTemplateColumns: "1fr" },
  },
  pane: {
    backgroundColor: tokens.colorNeutralBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflow: "hidden",
  },
  previewCol: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  empty: { padding: tokens.spacingHorizontalL },
});

interface OpenFile {
  name: string;
  /** Changes with every opened file, so the pane starts afresh. */
  id: number;
  host: WorkbookHost;
}

export interface StandaloneAppProps {
  initialView?: PaneView;
  store?: KeyValueStore;
}

/** The first sheet on which the engine finds a table; else the first sheet. */
export function defaultSheet(workbook: XlsxWorkbook): string {
  for (const ws of workbook.worksheets) {
    try {
      if (analyzeGrid(workbook.grid(ws.name), {}).length > 0) return ws.name;
    } catch {
      // a sheet the engine cannot read is simply not the default
    }
  }
  return workbook.worksheets[0].name;
}

export function StandaloneApp({
  initialView = "findings",
  store = browserStore(),
}: StandaloneAppProps): React.ReactElement {
  const styles = useStyles();
  const [lang, setLang] = React.useState<UiLang>(() => loadSettings(store).lang);
  const [file, setFile] = React.useState<OpenFile | null>(null);
  const [sheet, setSheet] = React.useState<string>("");
  const [error, setError] = React.useState<string | null>(null);
  const [opening, setOpening] = React.useState(false);
  const [, setVersion] = React.useState(0);
  const t = uiStrings(lang);
  const counter = React.useRef(0);

  const onFile = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const chosen = e.target.files?.[0];
    if (!chosen) return;
    setError(null);
    if (!/\.xlsx$/i.test(chosen.name)) {
      setError(fmt(t.notXlsx, { file: chosen.name }));
      return;
    }
    setOpening(true);
    try {
      const workbook = XlsxWorkbook.open(await chosen.arrayBuffer(), chosen.name);
      const first = defaultSheet(workbook);
      const host = new WorkbookHost(workbook, first, chosen.name, store, {
        onChange: () => setVersion((v) => v + 1),
        onSettings: (s) => setLang(s.lang),
      });
      counter.current += 1;
      setFile({ name: chosen.name, id: counter.current, host });
      setSheet(first);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      setError(
        reason.includes(chosen.name) ? reason : `${fmt(t.fileReadFailed, { file: chosen.name })}: ${reason}`,
      );
      setFile(null);
    } finally {
      setOpening(false);
    }
  };

  const onSheet = (name: string) => {
    if (!file) return;
    file.host.sheetName = name;
    setSheet(name);
  };

  const onDownload = async () => {
    if (!file) return;
    const bytes = await file.host.toBytes();
    const blob = new Blob([bytes], {
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = correctedFileName(file.name);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  // Read at every render: writing an appendix adds a sheet.
  const sheets = file ? file.host.workbook.worksheets.map((w) => w.name) : [];
  const grid = file?.host.workbook.getWorksheet(sheet) ? file.host.workbook.grid(sheet) : null;
  const selected = file?.host.selected?.sheet === sheet ? file.host.selected.address : null;

  return (
    <div className={styles.page} lang={lang}>
      <header className={styles.bar}>
        <h1 className={styles.h1}>{t.standaloneTitle}</h1>
        <label className={styles.fileLabel} htmlFor="pl-file">
          {t.openFile}
          <input
            id="pl-file"
            className={styles.fileInput}
            type="file"
            accept=".xlsx"
            onChange={(e) => void onFile(e)}
          />
          <span className={styles.hint}>{t.openFileHint}</span>
        </label>
        {sheets.length > 0 && (
          <Field label={t.chooseSheet}>
            <Select value={sheet} onChange={(_, d) => onSheet(d.value)}>
              {sheets.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {file && (
          <Button appearance="primary" onClick={() => void onDownload()}>
            {t.download}
          </Button>
        )}
        {opening && <Spinner size="tiny" label={t.loading} />}
      </header>
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {!file && !error && (
        <div className={styles.empty}>
          <Text>{t.noFile}</Text>
        </div>
      )}
      {file && (
        <div className={styles.main}>
          <div className={styles.pane}>
            <PhuLucPane key={`${file.id}:${sheet}`} host={file.host} initialView={initialView} />
          </div>
          <div className={styles.previewCol}>
            {selected && <Text size={200}>{fmt(t.selectedCell, { cell: selected })}</Text>}
            {grid && (
              <SheetPreview
                grid={grid}
                marked={file.host.marks.get(sheet) ?? new Set()}
                selected={selected}
                label={t.preview}
                lang={lang}
              />
            )}
          </div>
        </div>
      )}
    </div>
  );
}
