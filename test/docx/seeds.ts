// Turns the five seed documents (../shared/seeds/*.txt, the real plans as text) into .docx packages the way offices
// write them: a Times New Roman body, headings in bold, the title lines of an appendix in one paragraph with line
// breaks, and every tab-separated block as a Word table whose header has merged cells (gridSpan across a group,
// vMerge down a column), a total label spread over the first two columns, and text split into several runs as Word
// splits it (mid-number too). Generated in the test, never stored. Written with fflate's zipSync, not with the
// reader's own zip code.
import * as fs from "fs";
import * as path from "path";
import { strToU8, zipSync } from "fflate";

export const SEEDS_DIR = path.resolve(__dirname, "../../../shared/seeds");

export const SEED_FILES = {
  myHao: "000_72be15aa3e8b9c85.txt",
  thachHa: "001_2b5cb59ecbb91781.txt",
  dongVuong: "002_a1a71c59b8107704.txt",
  camLong: "003_32cdf99f715733b1.txt",
  ward: "004_5269f0c9b191edb0.txt",
} as const;

export function seedText(name: string): string {
  return fs.readFileSync(path.join(SEEDS_DIR, name), "utf8");
}

export type SeedBlock =
  | { kind: "paragraph"; lines: string[]; bold: boolean; italic: boolean; style?: string }
  | { kind: "table"; rows: string[][] };

/** Cleans what the text conversion left: `$77/1.329$`, `\%`. */
function clean(line: string): string {
  return line
    .replace(/\\%/g, "%")
    .replace(/\$/g, "")
    .replace(/[ \t]+$/g, "");
}

/** The seed's blocks: tables (tab-separated lines, blank lines inside allowed) and paragraphs. */
export function seedBlocks(text: string): SeedBlock[] {
  const lines = text.split(/\r?\n/);
  const blocks: SeedBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = clean(lines[i]);
    if (line.trim() === "") {
      i++;
      continue;
    }
    if (line.includes("\t")) {
      const rows: string[][] = [];
      while (i < lines.length) {
        const l = clean(lines[i]);
        if (l.includes("\t")) {
          rows.push(l.split("\t").map((c) => c.trim()));
          i++;
        } else if (l.trim() === "" && i + 1 < lines.length && lines[i + 1].includes("\t")) i++;
        else break;
      }
      blocks.push({ kind: "table", rows });
      continue;
    }
    // A paragraph: one line, or several when a ** or * span or a "(Kèm theo ..." parenthesis runs over lines.
    const group = [line];
    const open = (s: string) =>
      (s.match(/\*\*/g) ?? []).length % 2 === 1 ||
      (/^\*[^*]/.test(s) && !/[^*]\*$/.test(s)) ||
      (/^\*?\(/.test(s) && !/\)\*?$/.test(s));
    let joined = line;
    i++;
    while (open(joined) && i < lines.length && clean(lines[i]).trim() !== "" && !lines[i].includes("\t")) {
      group.push(clean(lines[i]));
      joined = group.join("\n");
      i++;
    }
    const bold = /^\*\*/.test(joined);
    const italic = !bold && /^\*/.test(joined);
    const texts = group.map((l) => l.replace(/\*+/g, "").trim());
    const first = texts[0];
    let style: string | undefined;
    if (/^[IVX]+\.?\s+\S/.test(first) && first === first.toUpperCase()) style = "Heading1";
    else if (/^\d+\.\s+[A-ZĐÂĂÊÔƠƯ]/.test(first) && first.length < 80) style = "Heading2";
    blocks.push({
      kind: "paragraph",
      lines: texts,
      bold:
        bold ||
        style !== undefined ||
        (first.length > 8 && first === first.toUpperCase() && /[A-Z]/.test(first)),
      italic,
      ...(style ? { style } : {}),
    });
  }
  return blocks;
}

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Runs as Word leaves them: a long text in pieces, a number split after its first separator. */
function runs(text: string, bold: boolean, italic = false): string {
  const props = `<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>${bold ? "<w:b/><w:bCs/>" : ""}${italic ? "<w:i/>" : ""}<w:sz w:val="26"/></w:rPr>`;
  const pieces: string[] = [];
  const num = /^(\d{1,3}[.,])(\d.*)$/.exec(text);
  if (num) pieces.push(num[1], num[2]);
  else for (let at = 0; at < text.length; at += 37) pieces.push(text.slice(at, at + 37));
  return pieces
    .map((p, k) => {
      const space = /^\s|\s$/.test(p) ? ' xml:space="preserve"' : "";
      const proof = k === 1 ? '<w:proofErr w:type="spellStart"/>' : "";
      return `${proof}<w:r>${props}<w:t${space}>${esc(p)}</w:t></w:r>`;
    })
    .join("");
}

function paragraphXml(b: Extract<SeedBlock, { kind: "paragraph" }>): string {
  const ppr = `<w:pPr>${b.style ? `<w:pStyle w:val="${b.style}"/>` : ""}<w:spacing w:before="60" w:after="60"/><w:jc w:val="${b.bold && !b.style ? "center" : "both"}"/></w:pPr>`;
  const body = b.lines
    .map((l, k) => (k > 0 ? `<w:r><w:br/></w:r>` : "") + runs(l, b.bold, b.italic))
    .join("");
  return `<w:p>${ppr}${body}</w:p>`;
}

const isNumberCell = (s: string) => /^\(?\d+\)?$/.test(s.trim());
const TOTAL = /^(tổng|cộng|toàn)/i;

/** How many leading rows are header rows: until a row holding a bare number (the numbering row or a body row). */
export function headerRowCount(rows: string[][]): number {
  let n = 0;
  while (n < rows.length && !rows[n].some(isNumberCell)) n++;
  return n;
}

type Slot = { kind: "cell"; span: number; restart: boolean } | { kind: "h" } | { kind: "v"; span: number };

/** The header's merged areas as Word writes them: a group cell spans the columns of its children, an empty cell
 * under a header continues it downwards. */
export function headerSlots(rows: string[][], width: number): Slot[][] {
  const h = headerRowCount(rows);
  const owner: ("cell" | "h" | "v")[][] = [];
  for (let r = 0; r < h; r++) {
    owner.push([]);
    for (let c = 0; c < width; c++) {
      const text = rows[r][c] ?? "";
      if (text !== "") {
        owner[r][c] = "cell";
        continue;
      }
      let left = c - 1;
      while (left >= 0 && owner[r][left] === "h") left--;
      const below = (col: number) => rows.slice(r + 1, h).some((row) => (row[col] ?? "") !== "");
      const sameParent = r === 0 || owner[r - 1][c] === "h" || owner[r - 1][c] === "v";
      if (left >= 0 && owner[r][left] === "cell" && below(c) && below(left) && sameParent) owner[r][c] = "h";
      else owner[r][c] = r > 0 ? "v" : "cell";
    }
  }
  const slots: Slot[][] = owner.map((row) => row.map(() => ({ kind: "h" }) as Slot));
  for (let r = 0; r < h; r++) {
    for (let c = 0; c < width; c++) {
      if (owner[r][c] === "h") continue;
      let span = 1;
      while (c + span < width && owner[r][c + span] === "h") span++;
      const restart = r + 1 < h && owner[r + 1][c] === "v";
      slots[r][c] = owner[r][c] === "v" ? { kind: "v", span } : { kind: "cell", span, restart };
    }
  }
  return slots;
}

function cellXml(
  text: string,
  opts: { span?: number; vMerge?: "restart" | "continue"; bold?: boolean },
): string {
  const tcPr = `<w:tcPr><w:tcW w:w="${1100 * (opts.span ?? 1)}" w:type="dxa"/>${opts.span && opts.span > 1 ? `<w:gridSpan w:val="${opts.span}"/>` : ""}${opts.vMerge === "restart" ? '<w:vMerge w:val="restart"/>' : opts.vMerge === "continue" ? "<w:vMerge/>" : ""}<w:vAlign w:val="center"/></w:tcPr>`;
  const p =
    text === ""
      ? "<w:p/>"
      : `<w:p><w:pPr><w:jc w:val="center"/></w:pPr>${runs(text, opts.bold ?? false)}</w:p>`;
  return `<w:tc>${tcPr}${p}</w:tc>`;
}

function tableXml(rows: string[][]): string {
  const width = Math.max(...rows.map((r) => r.length));
  const h = headerRowCount(rows);
  const slots = headerSlots(rows, width);
  const grid = `<w:tblGrid>${Array.from({ length: width }, () => '<w:gridCol w:w="1100"/>').join("")}</w:tblGrid>`;
  const pr = `<w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr>`;
  const trs = rows.map((row, r) => {
    const cells: string[] = [];
    const header = r < h;
    const trPr = header ? "<w:trPr><w:tblHeader/></w:trPr>" : "";
    if (header) {
      for (let c = 0; c < width; c++) {
        const s = slots[r][c];
        if (s.kind === "h") continue;
        if (s.kind === "v") {
          cells.push(cellXml("", { span: s.span, vMerge: "continue" }));
          c += s.span - 1;
        } else {
          cells.push(
            cellXml(row[c] ?? "", { span: s.span, vMerge: s.restart ? "restart" : undefined, bold: true }),
          );
          c += s.span - 1;
        }
      }
    } else {
      let c = 0;
      const label = (row[0] ?? "") !== "" ? row[0] : row[1];
      const totalRow = TOTAL.test(label ?? "") && ((row[0] ?? "") === "" || (row[1] ?? "") === "");
      if (totalRow) {
        // The total's label over the first two columns, as offices type it.
        cells.push(cellXml(label ?? "", { span: 2, bold: true }));
        c = 2;
      }
      const bold = totalRow || /^[IVX]+$|^[A-D]$/.test(row[0] ?? "");
      for (; c < width; c++) cells.push(cellXml(row[c] ?? "", { bold }));
    }
    return `<w:tr>${trPr}${cells.join("")}</w:tr>`;
  });
  return `<w:tbl>${pr}${grid}${trs.join("")}</w:tbl>`;
}

export function documentXml(blocks: SeedBlock[]): string {
  const body = blocks
    .map((b) => (b.kind === "table" ? tableXml(b.rows) + "<w:p/>" : paragraphXml(b)))
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>`;
}

/** A .docx package around a document part. */
export function makeDocx(document: string, extra: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`,
    ),
    "_rels/.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    "word/_rels/document.xml.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ),
    "word/styles.xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="28"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:rPr><w:b/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:rPr><w:b/></w:rPr></w:style></w:styles>`,
    ),
    "word/document.xml": strToU8(document),
  };
  for (const [name, text] of Object.entries(extra)) files[name] = strToU8(text);
  return zipSync(files, { level: 6 });
}

export function seedDocx(name: string): Uint8Array {
  return makeDocx(documentXml(seedBlocks(seedText(name))));
}
