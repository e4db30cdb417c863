// "Nhiều tệp": consolidate the units' files into a new table (written into this workbook or downloaded), check the
// open table against them (cross-level), and compare the open table with last year's. The same engine functions as
// `phuluc gop`, `phuluc check --against` and `phuluc so-sanh`; the .xlsx reader loads only when files are chosen.
import * as React from "react";
import {
  Button,
  Checkbox,
  Field,
  makeStyles,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from "@fluentui/react-components";
import {
  analyzeGrid,
  compareYears,
  consolidate,
  consolidationLayouts,
  crossCheck,
  type Consolidation,
  type CrossFinding,
  type TableAnalysis,
  type UnitSource,
  type YearFinding,
  unitSource,
  type Grid,
} from "../../engine";
import {
  checkResult,
  consolidationLabels,
  describeComparison,
  describeCross,
  describeIssue,
  describeYear,
  MANY_UI,
  unreadableLine,
} from "../../i18n/many";
import type { PaneHost } from "../../hosts/port";
import { downloadBytes, XLSX_TYPE } from "../exportFindings";
import { ACTIONS, CARD, CARD_TITLE } from "../styles";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL, minWidth: 0 },
  section: CARD,
  h3: CARD_TITLE,
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    maxHeight: "16rem",
    overflowY: "auto",
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
  },
  actions: ACTIONS,
  error: { color: tokens.colorPaletteRedForeground1 },
  // A finding's sentence as a link to its cell: read like the list around it, left-aligned and wrapped.
  cellLink: {
    justifyContent: "flex-start",
    textAlign: "left",
    height: "auto",
    minWidth: 0,
    paddingLeft: 0,
    paddingRight: 0,
    fontWeight: tokens.fontWeightRegular,
  },
});

export interface ManyFilesViewProps {
  /** Where "Ghi vào sổ tính này" writes; without one (the standalone page with no file open) only the download. */
  host?: PaneHost;
  /** Files chosen before the view opened (several files picked on the standalone page). */
  initialFiles?: File[];
  lang: "vi" | "en";
  /** The open table (cross-level check and year over year compare against it). */
  analysis?: TableAnalysis;
  grid?: Grid | null;
  onSelectCell?(cell: string): void;
  onWritten?(name: string): void;
}

interface Loaded {
  sources: UnitSource[];
  unreadable: string[];
}

async function sha256(bytes: Uint8Array): Promise<string | undefined> {
  try {
    const digest = await globalThis.crypto.subtle.digest("SHA-256", bytes as BufferSource);
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
  } catch {
    return undefined; // no WebCrypto (a page opened from file://): the Nguồn sheet leaves the cell empty
  }
}

/** A file's bytes (Blob.arrayBuffer where the page has it, else FileReader). */
function bytesOf(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error(file.name));
    reader.readAsArrayBuffer(file);
  });
}

/** Reads each chosen file in the page (nothing is uploaded): a source per workbook, a line per unreadable file. */
async function readFiles(
  files: File[],
): Promise<{ loaded: Loaded; tables: Map<string, { table: TableAnalysis; grid: Grid }> }> {
  const [{ openPackage }, { readGrids }] = await Promise.all([
    import("../../hosts/xlsx/package"),
    import("../../hosts/xlsx/sheet"),
  ]);
  const sources: UnitSource[] = [];
  const unreadable: string[] = [];
  const tables = new Map<string, { table: TableAnalysis; grid: Grid }>();
  for (const file of files) {
    try {
      const bytes = await bytesOf(file);
      const grids = readGrids(openPackage(bytes, file.name));
      const analyses = grids.flatMap((g) => analyzeGrid(g));
      sources.push(unitSource(file.name, analyses, grids, { sha256: await sha256(bytes) }));
      const units = (a: TableAnalysis) => a.table.rows.filter((r) => r.kind === "unit").length;
      const best = analyses.reduce<TableAnalysis | undefined>(
        (b, a) => (!b || units(a) > units(b) ? a : b),
        undefined,
      );
      if (best)
        tables.set(file.name, { table: best, grid: grids.find((g) => g.sheet === best.table.sheet)! });
    } catch (err) {
      unreadable.push(err instanceof Error ? err.message : String(err));
    }
  }
  return { loaded: { sources, unreadable }, tables };
}

export function ManyFilesView({
  host,
  initialFiles,
  lang,
  analysis,
  grid,
  onSelectCell,
  onWritten,
}: ManyFilesViewProps): React.ReactElement {
  const styles = useStyles();
  const t = MANY_UI[lang];
  const [loaded, setLoaded] = React.useState<Loaded | undefined>();
  const [reading, setReading] = React.useState(0);
  const [includeFlawed, setIncludeFlawed] = React.useState(false);
  const [allowMissing, setAllowMissing] = React.useState(false);
  const [order, setOrder] = React.useState<"given" | "alpha">("given");
  const [written, setWritten] = React.useState<string | undefined>();
  const [failure, setFailure] = React.useState<string | undefined>();
  const [lastYear, setLastYear] = React.useState<{ table: TableAnalysis; grid: Grid } | string | undefined>();

  const result: Consolidation | undefined = React.useMemo(
    () => (loaded ? consolidate(loaded.sources, { includeFlawed, order, allowMissing }) : undefined),
    [loaded, includeFlawed, order, allowMissing],
  );
  const blocked = !result || !result.writable || (!!loaded?.unreadable.length && !allowMissing);
  const issueLines = result
    ? [
        ...(loaded?.unreadable ?? []).map((m) => unreadableLine(m, !allowMissing, lang, "pane")),
        ...result.issues.map((i) => describeIssue(i, lang, "pane")),
      ]
    : [];
  const layouts = () => {
    const r = result!;
    return consolidationLayouts(r, consolidationLabels(r, lang));
  };

  const choose = async (list: FileList | File[] | null | undefined) => {
    const files = list ? [...list] : [];
    if (!files.length) return;
    setReading(files.length);
    setWritten(undefined);
    setFailure(undefined);
    try {
      setLoaded((await readFiles(files)).loaded);
    } finally {
      setReading(0);
    }
  };
  React.useEffect(() => {
    if (initialFiles?.length) void choose(initialFiles);
    // Only when the page hands over new files.
  }, [initialFiles]);
  const chooseLastYear = async (list: FileList | null) => {
    const file = list?.[0];
    if (!file) return;
    const { loaded: l, tables } = await readFiles([file]);
    setLastYear(
      tables.get(file.name) ??
        l.unreadable[0] ??
        (lang === "vi"
          ? `${file.name}: không có bảng số liệu nào đọc được`
          : `${file.name}: no readable data table`),
    );
  };

  const writeHere = async () => {
    if (!host) return;
    try {
      const [main, sources] = layouts();
      const a = await host.writeAppendix(main);
      const b = await host.writeAppendix(sources);
      setWritten(t.written(a, b));
      onWritten?.(a);
    } catch (err) {
      setFailure(err instanceof Error ? err.message : String(err));
    }
  };
  const download = async () => {
    const { newWorkbookBytes } = await import("../../hosts/xlsx/newbook");
    downloadBytes(
      newWorkbookBytes(layouts()),
      lang === "vi" ? "tong-hop.xlsx" : "consolidated.xlsx",
      XLSX_TYPE,
    );
  };

  const cross: { findings: CrossFinding[]; compared: number } | undefined =
    analysis && grid && loaded ? crossCheck(analysis.table, grid, loaded.sources) : undefined;
  const years =
    analysis && grid && lastYear && typeof lastYear !== "string"
      ? compareYears({ table: lastYear.table.table, grid: lastYear.grid }, { table: analysis.table, grid })
      : undefined;
  const cellButton = (f: { cell?: string; sheet: string }, text: string) =>
    f.cell && analysis && f.sheet === analysis.table.sheet && onSelectCell ? (
      <Button
        size="small"
        appearance="transparent"
        className={styles.cellLink}
        onClick={() => onSelectCell(f.cell!)}
      >
        {text}
      </Button>
    ) : (
      <span>{text}</span>
    );

  return (
    <div className={styles.root} data-testid="many-files">
      <section className={styles.section} aria-labelledby="pl-many-consolidate">
        <h3 id="pl-many-consolidate" className={styles.h3}>
          {t.consolidateTitle}
        </h3>
        <Text className={styles.hint}>{t.consolidateHint}</Text>
        <Field label={t.pickFiles}>
          <input
            type="file"
            multiple
            accept=".xlsx,.xls,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid="many-pick"
            aria-label={t.pickFiles}
            onChange={(e) => void choose(e.currentTarget.files)}
          />
        </Field>
        <div className={styles.actions}>
          <Checkbox
            checked={includeFlawed}
            label={t.includeFlawed}
            onChange={(_, d) => setIncludeFlawed(!!d.checked)}
          />
          <Checkbox
            checked={allowMissing}
            label={t.allowMissing}
            onChange={(_, d) => setAllowMissing(!!d.checked)}
          />
        </div>
        <Field label={t.order}>
          <RadioGroup
            layout="horizontal"
            value={order}
            onChange={(_, d) => setOrder(d.value === "alpha" ? "alpha" : "given")}
          >
            <Radio value="given" label={t.orderGiven} />
            <Radio value="alpha" label={t.orderAlpha} />
          </RadioGroup>
        </Field>
        {reading > 0 && <Text role="status">{t.reading(reading)}</Text>}
        {result && loaded && (
          <>
            <Text role="status" data-testid="many-summary">
              {t.summary(result.rows.length, result.excluded.length + loaded.unreadable.length)}
            </Text>
            <ul className={styles.list} tabIndex={0} aria-label={t.sourcesList} data-testid="many-sources">
              {[...result.rows.map((r) => r.source), ...result.excluded.map((e) => e.source)].map((s, i) => (
                <li key={i}>
                  {s.unit} — {s.file}: {checkResult(s, lang)}
                </li>
              ))}
            </ul>
            {issueLines.length > 0 && (
              <ul className={styles.list} tabIndex={0} data-testid="many-issues">
                {blocked && <li className={styles.error}>{t.notWritten}</li>}
                {issueLines.map((l, i) => (
                  <li key={i}>{l}</li>
                ))}
              </ul>
            )}
            <div className={styles.actions}>
              {host && (
                <Button
                  appearance="primary"
                  disabled={blocked}
                  onClick={() => void writeHere()}
                  data-testid="many-write"
                >
                  {t.writeHere}
                </Button>
              )}
              <Button disabled={blocked} onClick={() => void download()} data-testid="many-download">
                {t.download}
              </Button>
            </div>
            {written && (
              <Text role="status" data-testid="many-written">
                {written}
              </Text>
            )}
            {failure && <Text className={styles.error}>{failure}</Text>}
          </>
        )}
      </section>

      {analysis && grid && (
        <>
          <section className={styles.section} aria-labelledby="pl-many-cross">
            <h3 id="pl-many-cross" className={styles.h3}>
              {t.crossTitle}
            </h3>
            <Text className={styles.hint}>{t.crossHint}</Text>
            {cross && (
              <ul className={styles.list} tabIndex={0} aria-label={t.findingsList} data-testid="many-cross">
                {cross.findings.length === 0 && <li>{t.crossNone(cross.compared)}</li>}
                {cross.findings.map((f, i) => (
                  <li key={i}>{cellButton(f, describeCross(f, lang))}</li>
                ))}
              </ul>
            )}
          </section>

          <section className={styles.section} aria-labelledby="pl-many-years">
            <h3 id="pl-many-years" className={styles.h3}>
              {t.yearTitle}
            </h3>
            <Text className={styles.hint}>{t.yearHint}</Text>
            <Field label={t.pickLastYear}>
              <input
                type="file"
                accept=".xlsx"
                data-testid="many-last-year"
                aria-label={t.pickLastYear}
                onChange={(e) => void chooseLastYear(e.currentTarget.files)}
              />
            </Field>
            {typeof lastYear === "string" && <Text className={styles.error}>{lastYear}</Text>}
            {years && (
              <ul className={styles.list} tabIndex={0} aria-label={t.findingsList} data-testid="many-years">
                {describeComparison(years, lang).map((l, i) => (
                  <li key={`s${i}`}>{l}</li>
                ))}
                {years.findings.map((f: YearFinding, i) => (
                  <li key={i}>{cellButton(f, describeYear(f, lang))}</li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}
