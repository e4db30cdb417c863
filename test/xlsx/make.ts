// Hand-built .xlsx packages for tests: exactly the XML a test wants (shared formulas, protection, odd producers),
// zipped with fflate's own zipSync so the reader under test never reads its own writer's output only.
import { strToU8, zipSync } from "fflate";

export const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface MadeSheet {
  name: string;
  /** The worksheet's inner XML (sheetData and the rest), or a whole document when it starts with "<?xml". */
  xml: string;
  state?: "hidden" | "veryHidden";
}

export interface MakeOptions {
  styles?: string;
  sharedStrings?: string[];
  definedNames?: string;
  calcChain?: boolean;
  extraParts?: Record<string, string>;
}

export const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.000"/></numFmts><fonts count="2"><font><sz val="13"/><name val="Times New Roman"/></font><font><b/><sz val="13"/><name val="Times New Roman"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="3" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyProtection="1"><protection locked="0"/></xf></cellXfs></styleSheet>`;

export function makeXlsx(sheets: MadeSheet[], options: MakeOptions = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const overrides = sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join("");
  files["[Content_Types].xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${options.sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ""}${options.calcChain ? '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/>' : ""}</Types>`,
  );
  files["_rels/.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  files["xl/workbook.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${R}"><sheets>${sheets
      .map(
        (s, i) =>
          `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`,
      )
      .join("")}</sheets>${options.definedNames ?? ""}<calcPr calcId="191029"/></workbook>`,
  );
  const n = sheets.length;
  files["xl/_rels/workbook.xml.rels"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join(
        "",
      )}<Relationship Id="rId${n + 1}" Type="${R}/styles" Target="styles.xml"/>${options.sharedStrings ? `<Relationship Id="rId${n + 2}" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>` : ""}${options.calcChain ? `<Relationship Id="rId${n + 3}" Type="${R}/calcChain" Target="calcChain.xml"/>` : ""}</Relationships>`,
  );
  sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
      s.xml.startsWith("<?xml")
        ? s.xml
        : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${R}">${s.xml}</worksheet>`,
    );
  });
  files["xl/styles.xml"] = strToU8(options.styles ?? STYLES);
  if (options.sharedStrings) {
    files["xl/sharedStrings.xml"] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}" count="${options.sharedStrings.length}" uniqueCount="${options.sharedStrings.length}">${options.sharedStrings.map((t) => `<si><t xml:space="preserve">${t}</t></si>`).join("")}</sst>`,
    );
  }
  if (options.calcChain)
    files["xl/calcChain.xml"] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="${MAIN}"><c r="C2" i="1"/></calcChain>`,
    );
  for (const [name, xml] of Object.entries(options.extraParts ?? {})) files[name] = strToU8(xml);
  return zipSync(files, { level: 6 });
}

/**
 * A grid as a worksheet's inner XML: numbers as numbers (those under a "0.…" format with style 2, "0.00"), text as
 * inline strings, merges kept. For tests that turn a grid literal into a real .xlsx.
 */
export function gridSheetXml(grid: import("../../src/engine/grid").Grid): string {
  const col = (n: number) => {
    let s = "";
    for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
    return s;
  };
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const rows = grid.cells
    .map((row, i) => {
      const r = grid.top + i;
      const cells = (row ?? [])
        .map((cell, j) => {
          if (!cell || cell.value === null || cell.value === undefined) return "";
          const ref = `${col(grid.left + j)}${r}`;
          if (typeof cell.value === "number")
            return `<c r="${ref}"${cell.numberFormat?.startsWith("0.") ? ' s="2"' : ""}><v>${cell.value}</v></c>`;
          return `<c r="${ref}" t="inlineStr"><is><t>${esc(String(cell.value))}</t></is></c>`;
        })
        .join("");
      return `<row r="${r}">${cells}</row>`;
    })
    .join("");
  const merges = grid.merges.map(
    (m) => `<mergeCell ref="${col(m.left)}${m.top}:${col(m.right)}${m.bottom}"/>`,
  );
  return `<sheetData>${rows}</sheetData>${merges.length ? `<mergeCells count="${merges.length}">${merges.join("")}</mergeCells>` : ""}`;
}
