// Small XML helpers for the package's little parts (workbook.xml, relationships, content types, styles), where a
// tag scanner is enough; worksheets and shared strings go through saxes (sheet.ts). Browser-safe.

export type Attrs = Record<string, string>;

export interface TagMatch {
  /** Local name (prefix removed). */
  name: string;
  prefix: string;
  attrs: Attrs;
  start: number;
  /** Index just after the start tag's ">". */
  end: number;
  selfClosing: boolean;
}

const ENTITY = /&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g;

export function decodeXml(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(ENTITY, (_, e: string) => {
    switch (e) {
      case "amp":
        return "&";
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default:
        return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

export function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, "&quot;");
}

const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function parseAttrs(text: string): Attrs {
  const out: Attrs = {};
  ATTR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTR.exec(text))) out[m[1]] = decodeXml(m[2] ?? m[3] ?? "");
  return out;
}

/** Start tags named `local` (any prefix), in document order, from `from` to `to`. */
export function findTags(xml: string, local: string, from = 0, to = xml.length): TagMatch[] {
  const re = new RegExp(`<(?:([A-Za-z_][\\w.-]*):)?${local}(?=[\\s/>])([^>]*?)(/?)>`, "g");
  re.lastIndex = from;
  const out: TagMatch[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) && m.index < to) {
    out.push(tagMatch(local, m));
  }
  return out;
}

export function findTag(xml: string, local: string, from = 0): TagMatch | undefined {
  const re = new RegExp(`<(?:([A-Za-z_][\\w.-]*):)?${local}(?=[\\s/>])([^>]*?)(/?)>`, "g");
  re.lastIndex = from;
  const m = re.exec(xml);
  return m ? tagMatch(local, m) : undefined;
}

function tagMatch(local: string, m: RegExpExecArray): TagMatch {
  return {
    name: local,
    prefix: m[1] ?? "",
    attrs: parseAttrs(m[2]),
    start: m.index,
    end: m.index + m[0].length,
    selfClosing: m[3] === "/",
  };
}

/** Index of the closing tag `</prefix:local>` after `from`, or -1. */
export function findClose(xml: string, local: string, prefix: string, from: number): number {
  return xml.indexOf(`</${prefix ? prefix + ":" : ""}${local}>`, from);
}

/** The text content between a start tag and its close (not for nested same-name elements). */
export function innerText(xml: string, tag: TagMatch): string {
  if (tag.selfClosing) return "";
  const close = findClose(xml, tag.name, tag.prefix, tag.end);
  return close < 0 ? "" : xml.slice(tag.end, close);
}

/** XML booleans as every producer writes them: "1"/"true" (LibreOffice), "0"/"false". */
export function xmlBool(v: string | undefined, dflt = false): boolean {
  if (v === undefined) return dflt;
  return v === "1" || v === "true";
}

/** Prefix bound to a namespace URI on the root element ("" for the default namespace, undefined if none). */
export function prefixFor(xml: string, uri: string): string | undefined {
  const root = /<(?:[\w.-]+:)?[\w.-]+[^>]*>/.exec(xml.replace(/^<\?xml[^>]*\?>\s*/, ""));
  if (!root) return undefined;
  const attrs = parseAttrs(root[0]);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== uri) continue;
    if (k === "xmlns") return "";
    if (k.startsWith("xmlns:")) return k.slice(6);
  }
  return undefined;
}
