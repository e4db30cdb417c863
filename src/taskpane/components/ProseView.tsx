// "Lời văn": the paragraph officials put in the plan, written from the checked table with its numbers recomputed
// (so the text and the appendix cannot disagree), with a line per unit on request and a copy button.
import * as React from "react";
import { Button, Switch, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { type TableAnalysis, type Grid, describeTable, tableFacts } from "../../engine";
import { describeText, proseUi } from "../../i18n/prose";
import type { Lang } from "../../i18n/lang";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  note: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  text: { width: "100%" },
});

export interface ProseViewProps {
  grid: Grid | null;
  analysis: TableAnalysis | undefined;
  lang: Lang;
  /** Writes the text to the clipboard; resolves false when the clipboard refused. */
  copy?: (text: string) => Promise<boolean>;
}

async function clipboardCopy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function ProseView({
  grid,
  analysis,
  lang,
  copy = clipboardCopy,
}: ProseViewProps): React.ReactElement {
  const styles = useStyles();
  const s = proseUi(lang);
  const [units, setUnits] = React.useState(false);
  const [copied, setCopied] = React.useState<"ok" | "failed" | null>(null);
  const text = React.useMemo(() => {
    if (!grid || !analysis) return "";
    return describeText(describeTable(tableFacts(grid, analysis, analysis.table.title), { units }), lang);
  }, [grid, analysis, units, lang]);
  const errors = analysis?.findings.filter((f) => f.severity === "error").length ?? 0;

  if (!text) return <p className={styles.note}>{s.nothing}</p>;
  return (
    <section className={styles.root} aria-label={s.tab}>
      <p className={styles.note}>{s.intro}</p>
      {errors > 0 && <p className={styles.note}>{s.withErrors(errors)}</p>}
      {analysis?.unsure && <p className={styles.note}>{s.unsure}</p>}
      <div className={styles.row}>
        <Switch checked={units} label={s.units} onChange={(_, d) => setUnits(d.checked)} />
        <Button
          appearance="primary"
          size="small"
          onClick={() => void copy(text).then((ok) => setCopied(ok ? "ok" : "failed"))}
        >
          {s.copy}
        </Button>
        <span role="status" className={styles.note}>
          {copied === "ok" ? s.copied : copied === "failed" ? s.copyFailed : ""}
        </span>
      </div>
      <Textarea className={styles.text} value={text} readOnly resize="vertical" rows={8} aria-label={s.tab} />
    </section>
  );
}
