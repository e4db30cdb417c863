// The column-numbering row often states the table's own formulas: `(5)=(4)/(3)`, `4=3/1*100`,
// `9=1-2-3-4+5+6+7+8`. Such a statement is read and used instead of the relation guessed from roles.
import type { StatedRelation } from "../model";

export function parseStatedRelation(
  text: string,
  targetCol: number,
  byLabel: Map<string, number>,
  cell: string,
): StatedRelation | undefined {
  const eq = text.indexOf("=");
  if (eq < 0) return undefined;
  let rhs = text
    .slice(eq + 1)
    .replace(/\s+/g, "")
    .replace(/[x×]/gi, (m) => (m === "x" || m === "X" || m === "×" ? "*" : m))
    .replace(/:/g, "/");
  // "(4)" → a label; bare 1-2 digit numbers and single letters are labels too, "100" is the percent scale.
  let scale = 1;
  if (/\*100\b/.test(rhs) || /\b100\*/.test(rhs)) {
    scale = 100;
    rhs = rhs.replace(/\*100\b/, "").replace(/\b100\*/, "");
  }
  const labelOf = (token: string): number | undefined =>
    byLabel.get(token.replace(/[()]/g, "").toUpperCase());
  const slash = rhs.indexOf("/");
  if (slash >= 0) {
    const num = rhs.slice(0, slash).replace(/^\((.*)\)$/, "$1");
    const den = rhs.slice(slash + 1);
    const numTokens = num.split("+").map((t) => t.replace(/^\((.*)\)$/, "$1"));
    const numerator = numTokens.map(labelOf);
    const base = labelOf(den);
    if (base === undefined || numerator.some((n) => n === undefined)) return undefined;
    return { kind: "ratio", target: targetCol, numerator: numerator as number[], base, scale, text, cell };
  }
  const terms: { col: number; coef: number }[] = [];
  const re = /([+-]?)(\(?[0-9A-Za-z]{1,2}\)?)/g;
  let consumed = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(rhs))) {
    if (m.index !== consumed) return undefined;
    consumed = m.index + m[0].length;
    const col = labelOf(m[2]);
    if (col === undefined) return undefined;
    terms.push({ col, coef: m[1] === "-" ? -1 : 1 });
  }
  if (consumed !== rhs.length || terms.length === 0) return undefined;
  return { kind: "linear", target: targetCol, terms, text, cell };
}
