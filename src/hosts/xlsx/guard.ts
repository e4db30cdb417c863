// Bounds on every dimension of a part's XML, checked on the text before the parser sees it: nesting depth,
// attributes per element, length of a tag and of a run of text (or comment, CDATA). SpreadsheetML nests fewer than
// ten levels, a cell holds at most 32,767 characters and a formula 8,192, so the limits are far above anything
// Excel, LibreOffice or openpyxl write, and far below what exhausts memory (a 1 MB file of 40 million nested
// elements, 10 million attributes on one cell, a 100 MB string). A DTD is refused: OPC forbids it in a package.
// The scanner hops between markup characters with indexOf, so it costs little next to the parser. Browser-safe.

export interface XmlLimits {
  maxDepth: number;
  maxAttributes: number;
  /** Characters of one tag, from "<" to ">" (names, attributes and their values). */
  maxTag: number;
  /** Characters of one run of text, comment, CDATA section or processing instruction. */
  maxText: number;
}

const XML_LIMITS: XmlLimits = {
  maxDepth: 64,
  maxAttributes: 1000,
  maxTag: 4 * 1024 * 1024,
  maxText: 1024 * 1024,
};

export type XmlLimitKind = "depth" | "attributes" | "tag" | "text" | "doctype";

/** A part's XML passes a limit; `limit` is the bound that was passed. */
export class XmlLimitError extends Error {
  constructor(
    readonly kind: XmlLimitKind,
    readonly limit: number,
  ) {
    super(`XML ${kind} over ${limit}`);
    this.name = "XmlLimitError";
  }
}

const enum State {
  Text,
  /** Just after "<": what follows decides the kind of markup. */
  Open,
  Tag,
  /** Inside an attribute value quoted with `quote`. */
  Quoted,
  Comment,
  CData,
  Pi,
}

export class XmlGuard {
  private state = State.Text;
  private depth = 0;
  private run = 0;
  private tagLength = 0;
  private attributes = 0;
  private closing = false;
  private quote = "";
  /** The character before the current position (for "/>"). */
  private last = "";
  /** Unread start of a marker cut by the end of a chunk ("<!-", "]]"...). */
  private carry = "";

  constructor(private readonly limits: XmlLimits = XML_LIMITS) {}

  /** Checks the next piece of the part; throws XmlLimitError at the first bound passed. */
  write(chunk: string): void {
    const s = this.carry ? this.carry + chunk : chunk;
    this.carry = "";
    let i = 0;
    const n = s.length;
    const L = this.limits;
    while (i < n) {
      switch (this.state) {
        case State.Text: {
          const lt = s.indexOf("<", i);
          const end = lt < 0 ? n : lt;
          this.run += end - i;
          if (this.run > L.maxText) throw new XmlLimitError("text", L.maxText);
          if (lt < 0) return;
          this.run = 0;
          i = lt + 1;
          this.state = State.Open;
          break;
        }
        case State.Open: {
          const c = s[i];
          if (c === "!") {
            if (n - i < 8) {
              // "<!--" or "<![CDATA[" may be cut by the chunk's end: look again with the next piece.
              this.carry = s.slice(i);
              return;
            }
            if (s.startsWith("!--", i)) {
              this.state = State.Comment;
              i += 3;
            } else if (s.startsWith("![CDATA[", i)) {
              this.state = State.CData;
              i += 8;
            } else throw new XmlLimitError("doctype", 0);
            this.run = 0;
          } else if (c === "?") {
            this.state = State.Pi;
            this.run = 0;
            i++;
          } else {
            this.closing = c === "/";
            this.state = State.Tag;
            this.tagLength = 1;
            this.attributes = 0;
            this.last = "";
          }
          break;
        }
        case State.Tag: {
          // The next ">" or quote, whichever comes first.
          let j = i;
          for (; j < n; j++) {
            const c = s.charCodeAt(j);
            if (c === 62 /* > */ || c === 34 /* " */ || c === 39 /* ' */) break;
          }
          this.tagLength += j - i;
          if (this.tagLength > L.maxTag) throw new XmlLimitError("tag", L.maxTag);
          if (j > i) this.last = s[j - 1];
          if (j === n) return;
          if (s[j] === ">") {
            if (this.closing) this.depth--;
            else if (this.last !== "/") {
              this.depth++;
              if (this.depth > L.maxDepth) throw new XmlLimitError("depth", L.maxDepth);
            }
            this.state = State.Text;
            this.run = 0;
          } else {
            this.quote = s[j];
            this.state = State.Quoted;
            this.attributes++;
            if (this.attributes > L.maxAttributes) throw new XmlLimitError("attributes", L.maxAttributes);
          }
          i = j + 1;
          break;
        }
        case State.Quoted: {
          const q = s.indexOf(this.quote, i);
          const end = q < 0 ? n : q;
          this.tagLength += end - i + 1;
          if (this.tagLength > L.maxTag) throw new XmlLimitError("tag", L.maxTag);
          if (q < 0) return;
          this.last = this.quote;
          this.state = State.Tag;
          i = q + 1;
          break;
        }
        case State.Comment:
        case State.CData:
        case State.Pi: {
          const marker = this.state === State.Comment ? "-->" : this.state === State.CData ? "]]>" : "?>";
          const at = s.indexOf(marker, i);
          if (at < 0) {
            // Keep the last characters: the marker may be cut by the chunk's end.
            const keep = Math.min(n - i, marker.length - 1);
            this.run += n - i - keep;
            if (this.run > L.maxText) throw new XmlLimitError("text", L.maxText);
            this.carry = s.slice(n - keep);
            return;
          }
          this.run += at - i;
          if (this.run > L.maxText) throw new XmlLimitError("text", L.maxText);
          // CDATA is text: it continues the run it sits in only for the limit's sake, which is close enough.
          this.state = State.Text;
          this.run = 0;
          i = at + marker.length;
          break;
        }
      }
    }
  }
}
