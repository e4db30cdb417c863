// The standalone page over a Word plan (.docx): every table checked and its findings located in the document's
// words, the sentences with figures checked, and the "Lời văn" of each table. Read in the page (a plan is small),
// never uploaded, never written back.
import * as React from "react";
import { MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { readDocx } from "../hosts/docx/read";
import { DocxReadError } from "../hosts/docx/errors";
import { analyzeDocx, locateInDocument, type DocxAnalysis } from "../hosts/docx/analyze";
import { describeFinding } from "../i18n/findings";
import { describeProseFinding, paragraphText, proseUi, quote } from "../i18n/prose";
import { ProseView } from "../taskpane/components/ProseView";
import type { Lang } from "../i18n/lang";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    maxWidth: "72rem",
    overflowWrap: "anywhere",
  },
  table: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  quote: { color: tokens.colorNeutralForeground2 },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export interface DocxReportProps {
  name: string;
  bytes: ArrayBuffer;
  lang: Lang;
}

export function DocxReport({ name, bytes, lang }: DocxReportProps): React.ReactElement {
  const styles = useStyles();
  const s = proseUi(lang);
  const result = React.useMemo((): { analysis?: DocxAnalysis; error?: string } => {
    try {
      return { analysis: analyzeDocx(readDocx(bytes, name)) };
    } catch (err) {
      if (err instanceof DocxReadError) {
        const m = err.in(lang).message;
        return { error: m.charAt(0).toUpperCase() + m.slice(1) };
      }
      return { error: err instanceof Error ? err.message : String(err) };
    }
  }, [bytes, name, lang]);

  if (result.error || !result.analysis)
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>{result.error}</MessageBarBody>
      </MessageBar>
    );
  const { analysis } = result;
  const severityClass = (sev: string) =>
    sev === "error" ? styles.error : sev === "warning" ? styles.warning : "";
  return (
    <section className={styles.root} aria-label={name} data-testid="docx-report">
      <Text as="h2" size={500} weight="semibold">
        {s.docxTitle(name)}
      </Text>
      <Text>{s.docxNothingWritten}</Text>
      {analysis.tables.flatMap(({ table, analyses }) =>
        analyses.map((a, i) => (
          <section key={`${table.index}:${i}`} className={styles.table} aria-label={s.tableName(table.index)}>
            <Text as="h3" size={400} weight="semibold">
              {s.tableName(table.index)}
              {table.title ? ` — ${table.title}` : ""}
            </Text>
            {a.report.findings.length === 0 ? (
              <Text>{s.noTableFindings}</Text>
            ) : (
              <ul className={styles.list}>
                {a.report.findings.map((f, k) => {
                  const loc = locateInDocument(table, a.report, f.cell);
                  return (
                    <li key={k}>
                      <span className={severityClass(f.severity)}>
                        {s.where(loc.table, loc.row, loc.column)}
                      </span>
                      {": "}
                      {describeFinding(f, lang)}
                    </li>
                  );
                })}
              </ul>
            )}
            <ProseView grid={table.grid} analysis={a} lang={lang} />
          </section>
        )),
      )}
      <section className={styles.table} aria-label={s.sentencesTitle}>
        <Text as="h3" size={400} weight="semibold">
          {s.sentencesTitle}
        </Text>
        {analysis.prose.length === 0 ? (
          <Text>{s.sentencesAgree}</Text>
        ) : (
          <ul className={styles.list}>
            {analysis.prose.map((f, k) => (
              <li key={k}>
                <span className={severityClass(f.severity)}>{paragraphText(f.paragraph, lang)}</span>
                {": "}
                {describeProseFinding(f, lang)}
                {f.certainty === "suggested" ? s.suggested : ""}
                <br />
                <span className={styles.quote}>« {quote(f.sentence, f.figure)} »</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
