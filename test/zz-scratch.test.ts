import { analyzeGrid } from "../src/engine";
import { describeFinding } from "../src/i18n/findings";
import { myHaoGrid, diSuGrid, camLongGrid } from "./judgement/seeds";
test("print", () => {
  for (const [n, g] of [["myhao", myHaoGrid], ["disu", diSuGrid], ["camlong", camLongGrid]] as const) {
    for (const clean of [false, true]) {
      const as = analyzeGrid(g(clean));
      const lines = [`== ${n} clean=${clean} tables=${as.length}`];
      for (const a of as) {
        lines.push(`range ${a.report.range} unsure=${a.unsure} cols=${a.table.columns.map(c=>c.letter+":"+c.role+"/"+c.period).join(",")}`);
        lines.push("rows " + a.table.rows.map(r=>r.row+":"+r.kind).join(","));
        for (const f of a.findings) lines.push(`  ${f.severity} ${f.cell} ${f.rule} ${f.actual} -> ${f.expected} :: ${describeFinding(f, "vi")}`);
      }
      console.log(lines.join("\n"));
    }
  }
});
