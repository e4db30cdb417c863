// Summaries are computed from findings, never inside rules. Plain code (no zod): the command's text output needs it
// without loading the schemas, which only the JSON output validates against.

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
}

export function summarize(findings: readonly { severity: "error" | "warning" | "info" }[]): Summary {
  const s = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === "error") s.errors++;
    else if (f.severity === "warning") s.warnings++;
    else s.infos++;
  }
  return s;
}
