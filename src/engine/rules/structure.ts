// What the engine could not understand, said once: a column whose guessed relations the data did not confirm
// (structure-unsure, on its header cell), and a sheet typed in a legacy encoding (legacy-encoding).
import { parseA1 } from "../grid";
import type { Finding } from "../report";
import { type RuleRun, type TableContext, makeFinding } from "../context";

export function structureFindings(ctx: TableContext, run: RuleRun): Finding[] {
  const out: Finding[] = [];
  for (const d of run.doubts) {
    out.push(
      makeFinding(ctx, "structure-unsure", "warning", parseA1(d.cell), null, [], {
        column: d.column,
        header: d.header,
        reading: d.relation,
        assumed: d.assumed,
        failed: d.failed,
        applied: d.applied,
        holds: d.holds,
      }),
    );
  }
  if (run.legacy) {
    const f = makeFinding(ctx, "legacy-encoding", "info", parseA1(run.legacy.cell), null, [], {
      encoding: run.legacy.encoding,
    });
    // The cell as the user's file holds it, not as decoded for reading.
    if (run.legacy.text !== undefined) f.actual = run.legacy.text;
    out.push(f);
  }
  return out;
}
