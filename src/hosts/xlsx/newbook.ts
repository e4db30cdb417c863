// A NEW workbook made only of appendix layouts (the consolidated table and its "Nguồn" sheet): each sheet drawn by
// appendixSheetXml (the appendix look), styles from StylesEditor, a Print_Titles name per sheet, fullCalcOnLoad so
// a spreadsheet recalculates the formulas on opening. Browser-safe (the standalone page downloads it too).
import { type AppendixLayout, uniqueSheetName } from "../../engine";
import { appendixSheetXml } from "./newsheet";
import { StylesEditor } from "./styles";
import { escapeAttr, escapeText } from "./xml";
import { writeZip } from "./zip";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** The .xlsx bytes of a workbook holding the layouts as sheets, in order; sheet names made valid and unique. */
export function newWorkbookBytes(layouts: AppendixLayout[]): Uint8Array {
  const styles = new StylesEditor(undefined);
  const names: string[] = [];
  const sheets = layouts.map((layout, i) => {
    const name = uniqueSheetName(layout.sheetName, names);
    names.push(name);
    return {
      name,
      part: `xl/worksheets/sheet${i + 1}.xml`,
      xml: appendixSheetXml(layout, (s) => styles.appendixStyle(s, layout.fontName)),
    };
  });
  const definedNames = layouts
    .map((l, i) => {
      const [first, last] = l.printTitleRows;
      return `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeText(quoteSheet(names[i]))}!$${first}:$${last}</definedName>`;
    })
    .join("");
  const workbook =
    HEAD +
    `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}">` +
    `<bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
    sheets
      .map((s, i) => `<sheet name="${escapeAttr(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join("") +
    `</sheets>${definedNames ? `<definedNames>${definedNames}</definedNames>` : ""}<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>`;
  const rels =
    HEAD +
    `<Relationships xmlns="${PKG}">` +
    sheets
      .map(
        (s, i) =>
          `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join("") +
    `<Relationship Id="rId${sheets.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;
  const types =
    HEAD +
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
    sheets
      .map(
        (s) =>
          `<Override PartName="/${s.part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join("") +
    `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
    `</Types>`;
  const encoder = new TextEncoder();
  const part = (name: string, text: string) => ({ name, data: encoder.encode(text) });
  return writeZip([
    part("[Content_Types].xml", types),
    part(
      "_rels/.rels",
      HEAD +
        `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    part("xl/workbook.xml", workbook),
    part("xl/_rels/workbook.xml.rels", rels),
    ...sheets.map((s) => part(s.part, s.xml)),
    part("xl/styles.xml", styles.toXml()),
  ]);
}
