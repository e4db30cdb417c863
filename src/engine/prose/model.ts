// A document as the prose checks see it: paragraphs in order and tables as grids, each table with its title (the
// paragraph before it). Hosts (the .docx reader) build it; the engine never sees a host object.
import type { Grid } from "../grid";

export interface DocParagraph {
  kind: "paragraph";
  /** 1-based position among the document's paragraphs that hold text (empty ones are left out). */
  index: number;
  text: string;
  /** Word's paragraph style id ("Heading1", "Title"), when the paragraph has one. */
  style?: string;
  /** Every run of the paragraph is bold. */
  bold?: boolean;
}

export interface DocTable {
  kind: "table";
  /** 1-based: "Bảng 2" is the document's second table. */
  index: number;
  /** The paragraph before the table (its title), skipping "(Kèm theo ...)" lines. */
  title: string;
  grid: Grid;
}

export type DocBlock = DocParagraph | DocTable;

export interface ProseDocument {
  blocks: DocBlock[];
}
