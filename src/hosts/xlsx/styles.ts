// Appends to styles.xml without touching what is there: new number formats, fonts, borders and cell formats (xf)
// go at the end of their lists, so every existing style index keeps its meaning and the default font stays.
// Browser-safe.
import type { AppendixCellStyle } from "../../engine";
import { escapeAttr, findClose, findTag, findTags } from "./xml";

const BUILTIN_IDS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "@": 49,
};

const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** One list of styles.xml (fonts, borders, cellXfs, numFmts): its items' raw XML and where it ends. */
interface List {
  name: string;
  prefix: string;
  items: string[];
  added: string[];
}

export class StylesEditor {
  private xml: string;
  private readonly lists = new Map<string, List>();
  private readonly customFormats = new Map<string, number>();
  private nextFormatId = 164;
  private readonly cache = new Map<string, number>();
  changed = false;

  constructor(xml: string | undefined) {
    this.xml = xml ?? MINIMAL_STYLES;
    if (!xml) this.changed = true;
    for (const t of findTags(this.xml, "numFmt")) {
      const id = Number(t.attrs.numFmtId);
      if (t.attrs.formatCode !== undefined && !this.customFormats.has(t.attrs.formatCode))
        this.customFormats.set(t.attrs.formatCode, id);
      if (id >= this.nextFormatId) this.nextFormatId = id + 1;
    }
    for (const name of ["numFmts", "fonts", "borders", "cellXfs"]) this.lists.set(name, this.readList(name));
  }

  private readList(name: string): List {
    const item = { numFmts: "numFmt", fonts: "font", borders: "border", cellXfs: "xf" }[name]!;
    const tag = findTag(this.xml, name);
    if (!tag || tag.selfClosing) return { name, prefix: tag?.prefix ?? "", items: [], added: [] };
    const end = findClose(this.xml, name, tag.prefix, tag.end);
    const items: string[] = [];
    let at = tag.end;
    for (const t of findTags(this.xml, item, tag.end, end)) {
      if (t.start < at) continue;
      const close = t.selfClosing
        ? t.end
        : findClose(this.xml, item, t.prefix, t.end) + `</${t.prefix ? t.prefix + ":" : ""}${item}>`.length;
      items.push(this.xml.slice(t.start, close));
      at = close;
    }
    return { name, prefix: tag.prefix, items, added: [] };
  }

  private count(name: string): number {
    const l = this.lists.get(name)!;
    return l.items.length + l.added.length;
  }

  private add(name: string, xml: string): number {
    const l = this.lists.get(name)!;
    const key = `${name}\u0000${xml}`;
    const known = this.cache.get(key);
    if (known !== undefined) return known;
    const index = l.items.length + l.added.length;
    l.added.push(xml);
    this.cache.set(key, index);
    this.changed = true;
    return index;
  }

  formatId(code: string): number {
    if (BUILTIN_IDS[code] !== undefined) return BUILTIN_IDS[code];
    const known = this.customFormats.get(code);
    if (known !== undefined) return known;
    const id = this.nextFormatId++;
    this.customFormats.set(code, id);
    this.add("numFmts", `<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  /** The number format id of an existing cell format. */
  private xfFormat(index: number): number {
    const xf = this.lists.get("cellXfs")!.items[index];
    const m = xf ? /numFmtId="(\d+)"/.exec(xf) : null;
    return m ? Number(m[1]) : 0;
  }

  /** A cell format like `index` but with the number format `code` (the same index when it already has it). */
  withFormat(index: number, code: string): number {
    const id = this.formatId(code);
    if (this.xfFormat(index) === id) return index;
    const list = this.lists.get("cellXfs")!;
    let xf =
      list.items[index] ?? list.items[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    xf = /numFmtId="\d+"/.test(xf)
      ? xf.replace(/numFmtId="\d+"/, `numFmtId="${id}"`)
      : xf.replace(/<((?:\w+:)?xf)\b/, `<$1 numFmtId="${id}"`);
    xf = /applyNumberFormat="[^"]*"/.test(xf)
      ? xf.replace(/applyNumberFormat="[^"]*"/, 'applyNumberFormat="1"')
      : xf.replace(/<((?:\w+:)?xf)\b/, '<$1 applyNumberFormat="1"');
    return this.add("cellXfs", xf);
  }

  /** A cell format for an appendix cell: its own font, border, alignment and number format. */
  appendixStyle(style: AppendixCellStyle, fontName: string): number {
    const font =
      "<font>" +
      (style.bold ? "<b/>" : "") +
      (style.italic ? "<i/>" : "") +
      `<sz val="${style.fontSize ?? 12}"/><color rgb="FF000000"/><name val="${escapeAttr(fontName)}"/><family val="1"/></font>`;
    const fontId = this.add("fonts", font);
    const side = (n: string) => `<${n} style="thin"><color rgb="FF000000"/></${n}>`;
    const borderId = style.border
      ? this.add(
          "borders",
          `<border>${side("left")}${side("right")}${side("top")}${side("bottom")}<diagonal/></border>`,
        )
      : this.add("borders", "<border><left/><right/><top/><bottom/><diagonal/></border>");
    const numFmtId = style.numberFormat ? this.formatId(style.numberFormat) : 0;
    const h = style.horizontal ?? "left";
    const v = style.vertical === "middle" || style.vertical === undefined ? "center" : style.vertical;
    const alignment =
      `<alignment horizontal="${h}" vertical="${v}"` +
      (style.wrap ? ' wrapText="1"' : "") +
      (style.indent ? ` indent="${style.indent}"` : "") +
      "/>";
    return this.add(
      "cellXfs",
      `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="${borderId}" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1">${alignment}</xf>`,
    );
  }

  get cellXfCount(): number {
    return this.count("cellXfs");
  }

  /** styles.xml with the additions; the original text when nothing was added. */
  toXml(): string {
    let xml = this.xml;
    // numFmts must be the first child of styleSheet; the others exist in every producer's styles.xml.
    for (const name of ["cellXfs", "borders", "fonts", "numFmts"]) {
      const l = this.lists.get(name)!;
      if (l.added.length === 0) continue;
      const total = l.items.length + l.added.length;
      const tag = findTag(xml, name);
      const p = l.prefix ? `${l.prefix}:` : "";
      const prefixed = l.added.map((a) => (p ? a.replace(/<(\/?)(\w)/g, `<$1${p}$2`) : a)).join("");
      if (!tag) {
        const root = findTag(xml, "styleSheet")!;
        xml = `${xml.slice(0, root.end)}<${name} count="${total}">${prefixed}</${name}>${xml.slice(root.end)}`;
        continue;
      }
      const open = xml.slice(tag.start, tag.end);
      const counted = /\scount="\d*"/.test(open)
        ? open.replace(/\scount="\d*"/, ` count="${total}"`)
        : open.replace(/(\/?>)$/, ` count="${total}"$1`);
      if (tag.selfClosing) {
        const opened = counted.replace(/\s*\/>$/, ">");
        xml = `${xml.slice(0, tag.start)}${opened}${prefixed}</${p}${name}>${xml.slice(tag.end)}`;
      } else {
        const close = findClose(xml, name, tag.prefix, tag.end);
        xml = `${xml.slice(0, tag.start)}${counted}${xml.slice(tag.end, close)}${prefixed}${xml.slice(close)}`;
      }
    }
    return xml;
  }
}
