// The prose checks' facade: the document's sentences checked against themselves and its tables, and a table's
// paragraph written from its numbers. Pure: no i18n; src/i18n/prose.ts makes the sentences.
export { checkProse, PROSE_RULES } from "./check";
export type { ProseFinding, ProseRuleId, ProseSource, TableInput } from "./check";
export { claimsOf, sentences } from "./claims";
export { describeTable } from "./describe";
export type { Description, DescribeOptions, DescribeLine, Scope } from "./describe";
export { tableFacts } from "./facts";
export type { TableFacts, RowFacts } from "./facts";
export type { DocBlock, DocParagraph, DocTable, ProseDocument } from "./model";
