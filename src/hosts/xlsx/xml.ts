// XML helpers. Every part is read as XML by saxes behind the guard's bounds: the little parts (workbook.xml,
// relationships, styles, pivot and table parts) as a small tree (parseTree), worksheets and shared strings streamed
// (sheet.ts). The tag scanner below (findTag...) is only for editing text the package has already read as XML (the
// patcher). Browser-safe.
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { XmlGuard, XmlLimitError } from "./guard";

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

function decodeXml(s: string): string {
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

/** An element of a little part: local name, attributes (prefixed names as written), children and direct text. */
export interface XmlNode {
  name: string;
  attrs: Attrs;
  children: XmlNode[];
  text: string;
}

/** Why a part's XML could not be read: malformed (`reason`) or over a bound (`limit`). */
export class XmlReadError extends Error {
  constructor(
    readonly part: string,
    readonly reason: string,
    readonly limit?: XmlLimitError,
  ) {
    super(`${part}: ${reason}`);
    this.name = "XmlReadError";
  }
}

export const localName = (name: string): string => {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
};

/** Parses a little part into a tree (comments, processing instructions dropped); throws XmlReadError. */
export function parseTree(xml: string, part: string): XmlNode {
  const root: XmlNode = { name: "", attrs: {}, children: [], text: "" };
  const stack: XmlNode[] = [root];
  const guard = new XmlGuard();
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on("opentag", (tag: SaxesTagPlain) => {
    const node: XmlNode = {
      name: localName(tag.name),
      attrs: tag.attributes as Attrs,
      children: [],
      text: "",
    };
    stack[stack.length - 1].children.push(node);
    if (!tag.isSelfClosing) stack.push(node);
  });
  parser.on("closetag", (tag: SaxesTagPlain) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  const onText = (t: string) => {
    if (stack.length > 1) stack[stack.length - 1].text += t;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  try {
    guard.write(xml);
    parser.write(xml);
    parser.close();
  } catch (err) {
    if (err instanceof XmlLimitError) throw new XmlReadError(part, err.message, err);
    throw new XmlReadError(
      part,
      err instanceof Error ? err.message.split("\n")[0].slice(0, 160) : String(err),
    );
  }
  const top = root.children[0];
  if (!top) throw new XmlReadError(part, "no root element");
  return top;
}

/** Children of `node` named `name` (local name). */
export function childrenNamed(node: XmlNode | undefined, name: string): XmlNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

export function childNamed(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}

// ---------------------------------------------------------------------------------------------------------------
// Bytes as text, one character per byte: the patcher edits a worksheet's markup (ASCII) and copies every other byte
// as it was, even bytes that are not valid UTF-8 (decoding them as UTF-8 would turn them into U+FFFD).

const BYTES = new TextDecoder("windows-1252");
/** windows-1252 (what "latin1" means to TextDecoder) maps 27 bytes of 0x80-0x9F elsewhere: their way back. */
const BACK = (() => {
  const m = new Map<number, number>();
  const text = BYTES.decode(Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i));
  for (let i = 0; i < 32; i++) m.set(text.charCodeAt(i), 0x80 + i);
  return m;
})();

export function bytesToBinary(bytes: Uint8Array): string {
  return BYTES.decode(bytes);
}

export function binaryToBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80 || (c >= 0xa0 && c < 0x100)) out[i] = c;
    else {
      const b = BACK.get(c);
      if (b === undefined) throw new Error(`not a byte string at ${i}`);
      out[i] = b;
    }
  }
  return out;
}

const UTF8 = new TextEncoder();

/** Text to insert into a byte string: its UTF-8 bytes, one character each. */
export function utf8Binary(s: string): string {
  // ASCII (most new cells: numbers, formulas) is its own byte string.
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return bytesToBinary(UTF8.encode(s));
  return s;
}
