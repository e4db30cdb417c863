// Text typed in the legacy Vietnamese encodings still in use in old workbooks: TCVN3 (ABC; fonts .VnTime,
// .VnArial: "Tæng sè hé" for "Tổng số hộ") and VNI (fonts VNI-Times: "Toång soá hoä"). Each maps Unicode letters
// to one or two 8-bit characters; decoding replaces the longest sequence first, as Unikey's converter does.
import { type Grid, a1, cellText } from "./grid";
import type { CellWrite } from "./report";
import { isHeaderWord, normalize } from "./vocabulary";

export type LegacyEncoding = "tcvn3" | "vni";

/** Unicode letters, in the order of the two code lists below. */
const UNICODE =
  "\u00c0\u00c1\u00c2\u00c3\u00c8\u00c9\u00ca\u00cc\u00cd\u00d2\u00d3\u00d4\u00d5\u00d9\u00da\u00dd\u00e0\u00e1\u00e2\u00e3\u00e8\u00e9\u00ea\u00ec\u00ed\u00f2\u00f3\u00f4\u00f5\u00f9\u00fa\u00fd\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0\u1ea1\u1ea2\u1ea3\u1ea4\u1ea5\u1ea6\u1ea7\u1ea8\u1ea9\u1eaa\u1eab\u1eac\u1ead\u1eae\u1eaf\u1eb0\u1eb1\u1eb2\u1eb3\u1eb4\u1eb5\u1eb6\u1eb7\u1eb8\u1eb9\u1eba\u1ebb\u1ebc\u1ebd\u1ebe\u1ebf\u1ec0\u1ec1\u1ec2\u1ec3\u1ec4\u1ec5\u1ec6\u1ec7\u1ec8\u1ec9\u1eca\u1ecb\u1ecc\u1ecd\u1ece\u1ecf\u1ed0\u1ed1\u1ed2\u1ed3\u1ed4\u1ed5\u1ed6\u1ed7\u1ed8\u1ed9\u1eda\u1edb\u1edc\u1edd\u1ede\u1edf\u1ee0\u1ee1\u1ee2\u1ee3\u1ee4\u1ee5\u1ee6\u1ee7\u1ee8\u1ee9\u1eea\u1eeb\u1eec\u1eed\u1eee\u1eef\u1ef0\u1ef1\u1ef2\u1ef3\u1ef4\u1ef5\u1ef6\u1ef7\u1ef8\u1ef9";
const TCVN3 =
  "A\u00b5|A\u00b8|\u00a2|A\u00b7|E\u00cc|E\u00d0|\u00a3|I\u00d7|I\u00dd|O\u00df|O\u00e3|\u00a4|O\u00e2|U\u00ef|U\u00f3|Y\u00fd|\u00b5|\u00b8|\u00a9|\u00b7|\u00cc|\u00d0|\u00aa|\u00d7|\u00dd|\u00df|\u00e3|\u00ab|\u00e2|\u00ef|\u00f3|\u00fd|\u00a1|\u00a8|\u00a7|\u00ae|I\u00dc|\u00dc|U\u00f2|\u00f2|\u00a5|\u00ac|\u00a6|\u00ad|A\u00b9|\u00b9|A\u00b6|\u00b6|\u00a2\u00ca|\u00ca|\u00a2\u00c7|\u00c7|\u00a2\u00c8|\u00c8|\u00a2\u00c9|\u00c9|\u00a2\u00cb|\u00cb|\u00a1\u00be|\u00be|\u00a1\u00bb|\u00bb|\u00a1\u00bc|\u00bc|\u00a1\u00bd|\u00bd|\u00a1\u00c6|\u00c6|E\u00d1|\u00d1|E\u00ce|\u00ce|E\u00cf|\u00cf|\u00a3\u00d5|\u00d5|\u00a3\u00d2|\u00d2|\u00a3\u00d3|\u00d3|\u00a3\u00d4|\u00d4|\u00a3\u00d6|\u00d6|I\u00d8|\u00d8|I\u00de|\u00de|O\u00e4|\u00e4|O\u00e1|\u00e1|\u00a4\u00e8|\u00e8|\u00a4\u00e5|\u00e5|\u00a4\u00e6|\u00e6|\u00a4\u00e7|\u00e7|\u00a4\u00e9|\u00e9|\u00a5\u00ed|\u00ed|\u00a5\u00ea|\u00ea|\u00a5\u00eb|\u00eb|\u00a5\u00ec|\u00ec|\u00a5\u00ee|\u00ee|U\u00f4|\u00f4|U\u00f1|\u00f1|\u00a6\u00f8|\u00f8|\u00a6\u00f5|\u00f5|\u00a6\u00f6|\u00f6|\u00a6\u00f7|\u00f7|\u00a6\u00f9|\u00f9|Y\u00fa|\u00fa|Y\u00fe|\u00fe|Y\u00fb|\u00fb|Y\u00fc|\u00fc".split(
    "|",
  );
const VNI =
  "A\u00d8|A\u00d9|A\u00c2|A\u00d5|E\u00d8|E\u00d9|E\u00c2|\u00cc|\u00cd|O\u00d8|O\u00d9|O\u00c2|O\u00d5|U\u00d8|U\u00d9|Y\u00d9|a\u00f8|a\u00f9|a\u00e2|a\u00f5|e\u00f8|e\u00f9|e\u00e2|\u00ec|\u00ed|o\u00f8|o\u00f9|o\u00e2|o\u00f5|u\u00f8|u\u00f9|y\u00f9|A\u00ca|a\u00ea|\u00d1|\u00f1|\u00d3|\u00f3|U\u00d5|u\u00f5|\u00d4|\u00f4|\u00d6|\u00f6|A\u00cf|a\u00ef|A\u00db|a\u00fb|A\u00c1|a\u00e1|A\u00c0|a\u00e0|A\u00c5|a\u00e5|A\u00c3|a\u00e3|A\u00c4|a\u00e4|A\u00c9|a\u00e9|A\u00c8|a\u00e8|A\u00da|a\u00fa|A\u00dc|a\u00fc|A\u00cb|a\u00eb|E\u00cf|e\u00ef|E\u00db|e\u00fb|E\u00d5|e\u00f5|E\u00c1|e\u00e1|E\u00c0|e\u00e0|E\u00c5|e\u00e5|E\u00c3|e\u00e3|E\u00c4|e\u00e4|\u00c6|\u00e6|\u00d2|\u00f2|O\u00cf|o\u00ef|O\u00db|o\u00fb|O\u00c1|o\u00e1|O\u00c0|o\u00e0|O\u00c5|o\u00e5|O\u00c3|o\u00e3|O\u00c4|o\u00e4|\u00d4\u00d9|\u00f4\u00f9|\u00d4\u00d8|\u00f4\u00f8|\u00d4\u00db|\u00f4\u00fb|\u00d4\u00d5|\u00f4\u00f5|\u00d4\u00cf|\u00f4\u00ef|U\u00cf|u\u00ef|U\u00db|u\u00fb|\u00d6\u00d9|\u00f6\u00f9|\u00d6\u00d8|\u00f6\u00f8|\u00d6\u00db|\u00f6\u00fb|\u00d6\u00d5|\u00f6\u00f5|\u00d6\u00cf|\u00f6\u00ef|Y\u00d8|y\u00f8|\u00ce|\u00ee|Y\u00db|y\u00fb|Y\u00d5|y\u00f5".split(
    "|",
  );

interface Decoder {
  pattern: RegExp;
  map: Map<string, string>;
  /** Characters that only this encoding puts in Vietnamese words: evidence that a text is in it. */
  marks: RegExp;
}

function decoder(codes: string[], marks: RegExp): Decoder {
  const map = new Map<string, string>();
  codes.forEach((code, i) => {
    if (!map.has(code)) map.set(code, UNICODE[i]);
  });
  const keys = [...map.keys()].sort((a, b) => b.length - a.length);
  const escape = (k: string) => k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return { pattern: new RegExp(keys.map(escape).join("|"), "g"), map, marks };
}

let decoders: Record<LegacyEncoding, Decoder> | undefined;
function get(encoding: LegacyEncoding): Decoder {
  decoders ??= {
    tcvn3: decoder(TCVN3, /[\u00a1-\u00ac\u00ae-\u00b9\u00bb-\u00be\u00c6-\u00d6\u00d8-\u00ff\u00ad]/),
    vni: decoder(VNI, /[aeiouyAEIOUY][\u00c0-\u00dc\u00e0-\u00fc]|[\u00d1\u00f1\u00d4\u00f4\u00d6\u00f6]/),
  };
  return decoders[encoding];
}

/** The text as Unicode, read as the given legacy encoding. */
export function decodeLegacy(text: string, encoding: LegacyEncoding): string {
  const d = get(encoding);
  return text.replace(d.pattern, (m) => d.map.get(m) ?? m);
}

/**
 * The legacy encoding a sheet's text is typed in, if any: decoding must turn more of its text cells into
 * words the vocabulary knows (headers, unit and total labels) than reading them as they are.
 */
export function detectLegacyEncoding(
  grid: Grid,
): { encoding: LegacyEncoding; cell: string; text: string } | undefined {
  const texts: { text: string; row: number; col: number }[] = [];
  for (let i = 0; i < grid.cells.length && texts.length < 400; i++) {
    const row = grid.cells[i];
    for (let j = 0; j < row.length; j++) {
      const v = row[j]?.value;
      if (typeof v === "string" && /[\u00a0-\u00ff]/.test(v) && !/[\u0100-\u1fff]/.test(v))
        texts.push({ text: v, row: grid.top + i, col: grid.left + j });
    }
  }
  if (texts.length === 0) return undefined;
  const known = (t: string) =>
    isHeaderWord(t) || /\b(tong|cong|toan|thon|xa|huyen|tinh|ho ngheo|ten)\b/.test(normalize(t));
  let best:
    | { encoding: LegacyEncoding; hits: number; first?: { row: number; col: number; text: string } }
    | undefined;
  for (const encoding of ["tcvn3", "vni"] as const) {
    const d = get(encoding);
    let hits = 0;
    let misses = 0;
    let first: { row: number; col: number; text: string } | undefined;
    for (const t of texts) {
      if (!d.marks.test(t.text)) continue;
      const decoded = decodeLegacy(t.text, encoding);
      if (decoded === t.text) continue;
      // Text that already reads as Vietnamese is Unicode; text that only reads after decoding is legacy.
      if (known(t.text)) misses++;
      else if (known(decoded)) {
        hits++;
        // Point at a header word where there is one (rather than the title above the table).
        if (!first || (!isHeaderWord(decodeLegacy(first.text, encoding)) && isHeaderWord(decoded))) first = t;
      }
    }
    if (hits >= 2 && hits > misses && (!best || hits > best.hits)) best = { encoding, hits, first };
  }
  return best?.first
    ? { encoding: best.encoding, cell: a1(best.first.row, best.first.col), text: best.first.text }
    : undefined;
}

/** A copy of the grid whose text cells are decoded (numbers, formulas and formats untouched). */
export function decodeGrid(grid: Grid, encoding: LegacyEncoding): Grid {
  return {
    ...grid,
    cells: grid.cells.map((row) =>
      row.map((cell) =>
        cell && typeof cell.value === "string" && !cell.formula
          ? { ...cell, value: decodeLegacy(cell.value, encoding) }
          : cell,
      ),
    ),
  };
}

/**
 * The writes that convert a legacy-encoded sheet's text to Unicode ("phuluc fix --unicode", the pane's button):
 * one per text cell that changes. Empty when the sheet is not in a legacy encoding.
 */
export function legacyTextConversions(grid: Grid, encoding?: LegacyEncoding): CellWrite[] {
  const enc = encoding ?? detectLegacyEncoding(grid)?.encoding;
  if (!enc) return [];
  const writes: CellWrite[] = [];
  grid.cells.forEach((row, i) =>
    row.forEach((cell, j) => {
      if (!cell || typeof cell.value !== "string" || cell.formula) return;
      const text = cellText(cell);
      const decoded = decodeLegacy(text, enc);
      if (decoded !== text)
        writes.push({ sheet: grid.sheet, cell: a1(grid.top + i, grid.left + j), value: decoded });
    }),
  );
  return writes;
}
