// The standalone page: open an .xlsx file (chosen, dropped on the page, or the bundled sample), pick a sheet, use
// the same pane over it, download the corrected copy. Everything happens in this browser tab; the file is never
// uploaded. Leaving the page or opening another file with changes not downloaded asks first.
import * as React from "react";
import {
  Button,
  Field,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { XlsxWorkbook } from "../hosts/xlsx/workbook";
import { XlsxReadError } from "../hosts/xlsx/errors";
import type { AppendixLayout, Grid, Finding, Severity, WritePlan, Overrides, TableAnalysis } from "../engine";
import { fmt, uiStrings, type UiLang } from "../i18n/ui";
import { SAMPLE_FILE, sampleWorkbook } from "./sample";
import { PhuLucPane } from "../taskpane/PhuLucPane";
import { ManyFilesView } from "../taskpane/components/ManyFilesView";
import { SheetPreview } from "./SheetPreview";
import { work, type WorkClient } from "../worker/client";
import { firstTable } from "../worker/handler";
import { decodeGrid, encodeGrid, unpack } from "../worker/text";
import type { PaneSettings, PaneView, WriteOutcome } from "../hosts/port";
import {
  browserStore,
  correctedFileName,
  loadSettings,
  WorkbookHost,
  type KeyValueStore,
} from "./workbookHost";

// The Word report loads only when a .docx is opened (its reader stays off the page's first chunk).
const DocxReport = React.lazy(async () => ({ default: (await import("./DocxReport")).DocxReport }));

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
  // The browser draws its own file input in the computer's language ("Choose File"): it stays for its label and
  // for drag and drop, out of sight, and a button in the page's words opens it.
  fileInput: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
  filePick: { alignSelf: "flex-start" },
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
  empty: {
    padding: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    alignItems: "flex-start",
  },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  dropping: {
    outline: `${tokens.strokeWidthThickest} dashed ${tokens.colorBrandStroke1}`,
    outlineOffset: "-8px",
  },
});

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** Where a file's sheets are read: the page's worker, under the id the file was opened with there. */
export interface SheetSource {
  client: WorkClient;
  file: number;
}

/** The workbook host of this page, knowing whether the workbook holds changes not yet downloaded. */
export class PageHost extends WorkbookHost {
  /** The last write and the number of appendices when the file was opened or last downloaded. */
  private saved = { step: 0, appendices: 0 };
  private appendices = 0;
  /** Changes not downloaded: a write in force or an appendix added since (undoing every fix makes it clean). */
  get dirty(): boolean {
    return this.lastStep !== this.saved.step || this.appendices !== this.saved.appendices;
  }
  /** `dirty = false` after a download: what is in force now is what the user has. */
  set dirty(value: boolean) {
    if (!value) this.saved = { step: this.lastStep, appendices: this.appendices };
  }
  /** Each sheet read once until it changes: the pane and the preview share the grid of a 10,000-row sheet. */
  private readonly grids = new Map<string, Grid>();
  /** Set when the file's sheets are read off the page's thread (a sheet not yet read has no grid here). */
  source?: SheetSource;

  /** The sheet's grid when it is at hand; null for a sheet still being read by the worker. */
  gridOf(sheet: string): Grid | null {
    const cached = this.grids.get(sheet);
    if (cached) return cached;
    if (!this.workbook.getWorksheet(sheet)) return null;
    if (this.source && !this.workbook.hasGrid(sheet)) return null;
    const grid = this.workbook.grid(sheet);
    this.grids.set(sheet, grid);
    return grid;
  }
  /** The sheet's grid, read by the worker first when it is not at hand. */
  async loadGrid(sheet: string): Promise<Grid | null> {
    if (this.source && this.workbook.getWorksheet(sheet) && !this.workbook.hasGrid(sheet)) {
      const text = await this.source.client.run({ op: "sheet", file: this.source.file, sheet });
      this.workbook.adoptGrid(sheet, decodeGrid(text));
      this.changed();
    }
    return this.gridOf(sheet);
  }
  /** Checked in the worker over its own copy of the sheet and the writes made here: no grid crosses. */
  async analyze(grid: Grid, settings: PaneSettings, overrides: Overrides): Promise<TableAnalysis[]> {
    const at = this.source;
    const own = at && this.workbook.hasGrid(grid.sheet) && !this.workbook.isAppendix(grid.sheet);
    const source = own
      ? { file: at.file, sheet: grid.sheet, writes: this.workbook.pendingWrites(grid.sheet) }
      : { gridText: encodeGrid(grid) };
    return unpack(await (at?.client ?? work()).run({ op: "analyze", source, settings, overrides }));
  }
  override async readGrid(): Promise<Grid | null> {
    const grid = await this.loadGrid(this.sheetName);
    if (!grid) return super.readGrid(); // its message names the sheet
    return grid.cells.some((row) => row?.some(Boolean)) ? grid : null;
  }
  override async applyWrites(plan: WritePlan): Promise<WriteOutcome> {
    this.grids.clear();
    return super.applyWrites(plan);
  }
  override async undo(): Promise<boolean> {
    this.grids.clear();
    return super.undo();
  }
  override async writeAppendix(layout: AppendixLayout): Promise<string> {
    this.appendices += 1;
    this.grids.clear();
    return super.writeAppendix(layout);
  }
}

interface OpenFile {
  name: string;
  /** Changes with every opened file, so the pane starts afresh. */
  id: number;
  host: PageHost;
}

export interface StandaloneAppProps {
  initialView?: PaneView;
  store?: KeyValueStore;
}

/** The first sheet on which the engine finds a table; else the first sheet. */
export function defaultSheet(
  workbook: XlsxWorkbook,
  read: (name: string) => Grid | null = (name) => workbook.grid(name),
): string {
  return firstTable(workbook, read).sheet || workbook.worksheets[0].name;
}

export function StandaloneApp({
  initialView = "findings",
  store = browserStore(),
}: StandaloneAppProps): React.ReactElement {
  const styles = useStyles();
  const [lang, setLang] = React.useState<UiLang>(() => loadSettings(store).lang);
  const [file, setFile] = React.useState<OpenFile | null>(null);
  // A Word plan (.docx) is shown by its own report (issue 21); nothing of the workbook path is used for it.
  const [docx, setDocx] = React.useState<{ name: string; bytes: ArrayBuffer } | null>(null);
  const [sheet, setSheet] = React.useState<string>("");
  const [error, setError] = React.useState<string | null>(null);
  const [many, setMany] = React.useState<File[] | undefined>();
  const [opening, setOpening] = React.useState(false);
  /** The file being read in the worker, which "Hủy" stops (none when the reading runs in the page). */
  const reading = React.useRef<{ id: number; name: string; client: WorkClient } | null>(null);
  const [cancellable, setCancellable] = React.useState(false);
  const [version, setVersion] = React.useState(0);
  const t = uiStrings(lang);
  const counter = React.useRef(0);

  const [previewSheet, setPreviewSheet] = React.useState<string>("");
  const [dropping, setDropping] = React.useState(false);
  /** The worst severity of each cell's findings, per sheet: the preview's mark colours. */
  const [severities, setSeverities] = React.useState<Map<string, Map<string, Severity>>>(new Map());
  const fileRef = React.useRef<OpenFile | null>(file);
  const fileInput = React.useRef<HTMLInputElement>(null);
  const shownSource = React.useRef<SheetSource | null>(null);
  fileRef.current = file;

  React.useEffect(() => {
    document.title = t.standaloneTitle;
    document.documentElement.lang = lang;
  }, [lang, t.standaloneTitle]);

  // Changes not downloaded: the browser asks before the page is left or reloaded.
  React.useEffect(() => {
    const onLeave = (e: BeforeUnloadEvent) => {
      if (!fileRef.current?.host.dirty) return;
      e.preventDefault();
      e.returnValue = t.unsavedLeave;
      return t.unsavedLeave;
    };
    window.addEventListener("beforeunload", onLeave);
    return () => window.removeEventListener("beforeunload", onLeave);
  }, [t.unsavedLeave]);

  /** True when there is nothing to lose, or the user agrees to lose it. */
  const mayReplace = (): boolean => {
    const open = fileRef.current;
    if (!open?.host.dirty) return true;
    return window.confirm(fmt(t.unsavedOpen, { file: open.name }));
  };

  const show = (workbook: XlsxWorkbook, name: string, id: number, source?: SheetSource, first?: string) => {
    // The file shown until now leaves the worker at once (the state that holds it changes only when React
    // commits, so a ref set here is what knows it).
    const previous = shownSource.current;
    if (previous) void previous.client.run({ op: "close", file: previous.file }).catch(() => undefined);
    shownSource.current = source ?? null;
    const host = new PageHost(workbook, workbook.worksheets[0]?.name ?? "", name, store, {
      onChange: () => setVersion((v) => v + 1),
      onSettings: (s) => setLang(s.lang),
    });
    host.source = source;
    // The grid read to choose the sheet is the one the pane checks: read once.
    const sheetName = first ?? defaultSheet(workbook, (sheetName) => host.gridOf(sheetName));
    host.sheetName = sheetName;
    // A transition: React draws the pane and a 10,000-row preview in slices, never in one long task.
    React.startTransition(() => {
      setFile({ name, id, host });
      setSheet(sheetName);
      setPreviewSheet(sheetName);
      setSeverities(new Map());
    });
  };

  const openFile = async (chosen: File) => {
    if (!mayReplace()) return;
    setError(null);
    setDocx(null);
    if (/\.docx$/i.test(chosen.name)) {
      ++counter.current; // a workbook still loading is dropped
      const bytes = await chosen.arrayBuffer();
      setFile(null);
      return setDocx({ name: chosen.name, bytes });
    }
    setOpening(true);
    // The user's latest choice wins: a file still loading when another file or the sample is chosen is dropped.
    const id = ++counter.current;
    const superseded = () => id !== counter.current;
    const client = work();
    let opened = false;
    try {
      const bytes = await chosen.arrayBuffer();
      if (superseded()) return;
      // The directory is read here (a damaged or foreign file is refused at once, in the page's words); the
      // sheets are read and checked in the worker, so the page never stalls on a large table.
      const workbook = XlsxWorkbook.open(bytes, chosen.name);
      if (client.offThread) {
        const source = { client, file: id };
        opened = true;
        reading.current = { id, name: chosen.name, client };
        setCancellable(true);
        await client.run({ op: "open", file: id, bytes, fileName: chosen.name });
        const first = await client.run({ op: "first-table", file: id });
        if (superseded()) {
          void client.run({ op: "close", file: id });
          return;
        }
        if (first.grid) workbook.adoptGrid(first.sheet, decodeGrid(first.grid));
        show(workbook, chosen.name, id, source, first.sheet || undefined);
      } else {
        await new Promise((resolve) => setTimeout(resolve, 0)); // let the page breathe between the long steps
        if (superseded()) return;
        show(workbook, chosen.name, id);
      }
    } catch (err) {
      if (opened) void client.run({ op: "close", file: id }).catch(() => undefined);
      if (superseded()) return;
      // One voice for every unreadable file (wrong type, old .xls, damaged): the reader's sentence, in the
      // page's language, whatever the file's name says.
      const reason =
        err instanceof XlsxReadError
          ? err.inLang(lang).message
          : err instanceof Error
            ? err.message
            : String(err);
      const sentence = reason.charAt(0).toUpperCase() + reason.slice(1);
      setError(
        reason.includes(chosen.name)
          ? sentence
          : `${fmt(t.fileReadFailed, { file: chosen.name })}: ${reason}`,
      );
      setFile(null);
    } finally {
      if (reading.current?.id === id) {
        reading.current = null;
        setCancellable(false);
      }
      if (!superseded()) setOpening(false);
    }
  };

  /** "Hủy": the worker stops reading the file (issue 24.7); the page stays as it was before it was chosen. */
  const cancelReading = () => {
    const r = reading.current;
    if (!r) return;
    reading.current = null;
    setCancellable(false);
    counter.current++; // the file's answers, if any still come, are dropped
    r.client.cancel(r.id);
    setOpening(false);
    setError(fmt(t.readingCancelled, { file: r.name }));
  };

  const onFile = async (e: React.ChangeEvent<HTMLInputElement>) => {
    // Several files: the units' reports to consolidate ("Nhiều tệp"), read in the page; nothing is opened.
    if ((e.target.files?.length ?? 0) > 1) return setMany([...e.target.files!]);
    const chosen = e.target.files?.[0];
    e.target.value = ""; // the same file can be chosen again
    if (chosen) await openFile(chosen);
  };

  const useSample = () => {
    if (!mayReplace()) return;
    setError(null);
    setDocx(null);
    setOpening(false);
    show(sampleWorkbook(t.sampleSheet), SAMPLE_FILE, ++counter.current);
  };

  const onDrop = (e: React.DragEvent) => {
    e.preventDefault();
    setDropping(false);
    const dropped = e.dataTransfer.files?.[0];
    if (dropped) void openFile(dropped);
  };

  const onFindings = React.useCallback((name: string, findings: Finding[]) => {
    const worst = new Map<string, Severity>();
    for (const f of findings) {
      const prev = worst.get(f.cell);
      if (!prev || RANK[f.severity] > RANK[prev]) worst.set(f.cell, f.severity);
    }
    setSeverities((m) => new Map(m).set(name, worst));
  }, []);

  const onSheet = (name: string) => {
    if (!file) return;
    file.host.sheetName = name;
    setSheet(name);
    setPreviewSheet(name);
  };

  const onDownload = async () => {
    if (!file) return;
    const bytes = await file.host.toBytes();
    file.host.dirty = false;
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
  const shownSheet = previewSheet || sheet;
  const worksheet = file?.host.workbook.getWorksheet(shownSheet);
  const grid = React.useMemo(
    () => (worksheet && file ? file.host.gridOf(shownSheet) : null),
    // the workbook changes in place: the version counter says when
    [worksheet, file, shownSheet, version],
  );
  const selected = file?.host.selected?.sheet === shownSheet ? file.host.selected.address : null;
  const marked = new Map<string, Severity>();
  const sheetSeverity = severities.get(shownSheet);
  for (const cell of file?.host.marks.get(shownSheet) ?? [])
    marked.set(cell, sheetSeverity?.get(cell) ?? "warning");

  return (
    <div
      className={mergeClasses(styles.page, dropping && styles.dropping)}
      lang={lang}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes("Files")) return;
        e.preventDefault();
        setDropping(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDropping(false);
      }}
      onDrop={onDrop}
      data-testid="drop-target"
    >
      <header className={styles.bar}>
        <h1 className={styles.h1}>{t.standaloneTitle}</h1>
        <div className={styles.fileLabel}>
          <label htmlFor="pl-file">{t.openFile}</label>
          <input
            id="pl-file"
            ref={fileInput}
            className={styles.fileInput}
            type="file"
            accept=".xlsx,.docx"
            multiple
            tabIndex={-1}
            onChange={(e) => void onFile(e)}
          />
          <Button
            className={styles.filePick}
            appearance={file ? "secondary" : "primary"}
            data-testid="pick-file"
            onClick={() => fileInput.current?.click()}
          >
            {t.pickFile}
          </Button>
          <span className={styles.hint}>{t.openFileHint}</span>
          <span className={styles.hint}>{t.dropHere}</span>
        </div>
        {sheets.length > 0 && (
          <Field label={t.chooseSheet}>
            <Select value={shownSheet} onChange={(_, d) => onSheet(d.value)}>
              {sheets.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {file && (
          // Secondary until something changed: nothing to download that the user does not already have.
          <Button
            appearance={file.host.dirty ? "primary" : "secondary"}
            data-testid="download"
            data-dirty={file.host.dirty}
            onClick={() => void onDownload()}
          >
            {t.download}
          </Button>
        )}
        {opening && <Spinner size="tiny" label={t.loading} />}
        {opening && cancellable && (
          <Button data-testid="cancel-reading" onClick={cancelReading}>
            {t.cancelReading}
          </Button>
        )}
      </header>
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {docx && !file && (
        <React.Suspense fallback={<Spinner size="tiny" label={t.loading} />}>
          <DocxReport name={docx.name} bytes={docx.bytes} lang={lang} />
        </React.Suspense>
      )}
      {!file && !docx && many && <ManyFilesView lang={lang} initialFiles={many} />}
      {!file && !docx && (
        <section className={styles.empty} aria-labelledby="pl-start" data-testid="guide">
          <Text as="h2" id="pl-start" weight="semibold" size={400}>
            {t.guideTitle}
          </Text>
          <ol className={styles.steps}>
            <li>{t.fileGuideStep1}</li>
            <li>{t.fileGuideStep2}</li>
            <li>{t.fileGuideStep3}</li>
          </ol>
          <Button appearance="primary" onClick={useSample}>
            {t.useSample}
          </Button>
        </section>
      )}
      {file && (
        <div className={styles.main}>
          <div className={styles.pane}>
            <PhuLucPane
              key={`${file.id}:${sheet}`}
              host={file.host}
              initialView={initialView}
              setsTitle={false}
              onUseSample={useSample}
              onFindings={onFindings}
              onSheetWritten={setPreviewSheet}
            />
          </div>
          <div className={styles.previewCol}>
            {/* After an appendix is written the preview shows it while the pane still checks the table: say so. */}
            {shownSheet !== sheet && (
              <Text size={200} data-testid="preview-other">
                {fmt(t.previewOther, { shown: shownSheet, checked: sheet })}
              </Text>
            )}
            {selected && <Text size={200}>{fmt(t.selectedCell, { cell: selected })}</Text>}
            {grid && (
              <SheetPreview grid={grid} marked={marked} selected={selected} label={t.preview} lang={lang} />
            )}
          </div>
        </div>
      )}
    </div>
  );
}
