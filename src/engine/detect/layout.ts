// Finds the table(s) on a sheet: title block, one to three header rows with merged cells, the column-numbering
// row and its stated relations, column roles and periods, body rows and what each aggregate row covers.
import {
  type Grid,
  type CellRange,
  cellAt,
  cellText,
  columnLetter,
  gridBottom,
  gridRight,
  isErrorValue,
  mergeAt,
  a1,
} from "../grid";
import type { Column, Overrides, Row, StatedRelation, Table } from "../model";
import type { ColumnRole, RowKind } from "../report";
import {
  COUNT_ROLES,
  RATE_ROLES,
  headerWords,
  isHeaderWord,
  isPartLabel,
  isPlanWord,
  isSubtotalLabel,
  isTableEnd,
  isTotalLabel,
  normalize,
  numberStyle,
  periodOf,
  romanValue,
  roleOf,
} from "../vocabulary";
import { parseStatedRelation } from "./numbering";

/**
 * The last column up to `right` where `row` holds a cell: row scans stop there, so their work follows the used
 * cells, not the sheet's extent (one value at XFD1048576 must not make every row 16,384 columns wide).
 */
function usedRight(grid: Grid, row: number, right: number): number {
  const cells = grid.cells[row - grid.top];
  return cells ? Math.min(right, grid.left + cells.length - 1) : grid.left - 1;
}

/** Text shown at (row, col): a merged area shows its top-left cell's text everywhere. */
function shownText(grid: Grid, row: number, col: number): string {
  const m = mergeAt(grid, row, col);
  const cell = m ? cellAt(grid, m.top, m.left) : cellAt(grid, row, col);
  return cellText(cell).trim();
}

/** Text of (row, col) unless it is shown there by a merged area that starts in a row above. */
function ownText(grid: Grid, row: number, col: number): string {
  const m = mergeAt(grid, row, col);
  return m && m.top < row ? "" : shownText(grid, row, col);
}

function isNumericCell(grid: Grid, row: number, col: number): boolean {
  const c = cellAt(grid, row, col);
  if (!c) return false;
  if (typeof c.value === "number") return true;
  if (isErrorValue(c.value)) return true;
  if (typeof c.value === "string") return /^[\s\d.,%()+-]+$/.test(c.value) && /\d/.test(c.value);
  return false;
}

const NUMBERING_TOKEN = /^\(?([0-9]{1,2}|[A-Za-z])\)?(\s*=.*)?$/;

function isNumberingRow(grid: Grid, row: number, left: number, right: number): boolean {
  let tokens = 0;
  let others = 0;
  let lastInt = 0;
  let increasing = true;
  for (let c = left, end = usedRight(grid, row, right); c <= end; c++) {
    const m = mergeAt(grid, row, c);
    if (m && m.left !== c) continue;
    const t = cellText(cellAt(grid, row, c)).trim();
    if (t === "") continue;
    const match = NUMBERING_TOKEN.exec(t);
    if (match) {
      tokens++;
      const n = Number(match[1]);
      if (Number.isInteger(n)) {
        if (n <= lastInt) increasing = false;
        lastInt = n;
      }
    } else others++;
  }
  return tokens >= 3 && others === 0 && increasing;
}

function rowHeaderWords(grid: Grid, row: number, left: number, right: number): number {
  let n = 0;
  for (let c = left, end = usedRight(grid, row, right); c <= end; c++) {
    const m = mergeAt(grid, row, c);
    if (m && (m.left !== c || m.top !== row)) continue;
    const cell = cellAt(grid, row, c);
    if (cell && typeof cell.value === "string" && isHeaderWord(cell.value)) n++;
  }
  return n;
}

function rowIsEmpty(grid: Grid, row: number, left: number, right: number): boolean {
  for (let c = left, end = usedRight(grid, row, right); c <= end; c++)
    if (cellText(cellAt(grid, row, c)).trim() !== "") return false;
  return true;
}

interface HeaderBlock {
  top: number;
  bottom: number;
  left: number;
  right: number;
  numberingRow?: number;
}

function findHeader(
  grid: Grid,
  from: number,
  bottom: number,
  left: number,
  right: number,
): HeaderBlock | undefined {
  for (let r = from; r <= bottom; r++) {
    if (rowHeaderWords(grid, r, left, right) < 2) continue;
    // Extent of the header: rows below while they are header-like (text, merged from above) and no body yet.
    let last = r;
    for (let k = r + 1; k <= Math.min(r + 3, bottom); k++) {
      if (isNumberingRow(grid, k, left, right)) break;
      const first = shownText(grid, k, left);
      if (numberStyle(first) !== "none" && !mergeAt(grid, k, left)) break;
      // A total row's label is typed in this row; a header cell merged down from above ("Tổng số hộ" beside a
      // unit column with no STT) is the header continuing, not a total.
      if (isTotalLabel(ownText(grid, k, left)) || isTotalLabel(ownText(grid, k, left + 1))) break;
      if (looksLikeBodyRow(grid, k, left, right)) break;
      if (rowIsEmpty(grid, k, left, right)) break;
      // A unit named in words with no row number ("Tổ dân phố 1", no STT column) and its figures: body.
      if (holdsFigures(grid, k, left, right)) break;
      last = k;
    }
    let tLeft = right;
    let tRight = left;
    for (let k = r; k <= last; k++) {
      for (let c = left; c <= right; c++) {
        if (shownText(grid, k, c) !== "") {
          tLeft = Math.min(tLeft, c);
          tRight = Math.max(tRight, c);
        }
      }
    }
    const block: HeaderBlock = { top: r, bottom: last, left: tLeft, right: tRight };
    if (last + 1 <= bottom && isNumberingRow(grid, last + 1, tLeft, tRight)) block.numberingRow = last + 1;
    return block;
  }
  return undefined;
}

/** Two or more numbers typed in the row that are not years (a header may number its periods 2021, 2022). */
function holdsFigures(grid: Grid, row: number, left: number, right: number): boolean {
  let numbers = 0;
  let years = 0;
  for (let c = left, end = usedRight(grid, row, right); c <= end; c++) {
    const m = mergeAt(grid, row, c);
    if (m && (m.top < row || m.left < c)) continue;
    if (!isNumericCell(grid, row, c)) continue;
    numbers++;
    const v = cellAt(grid, row, c)?.value;
    if (/^(19|20)\d{2}$/.test(String(v).trim())) years++;
  }
  return numbers >= 2 && years < numbers;
}

function looksLikeBodyRow(grid: Grid, row: number, left: number, right: number): boolean {
  const first = shownText(grid, row, left);
  const style = numberStyle(first);
  let numeric = 0;
  for (let c = left + 1, end = usedRight(grid, row, right); c <= end; c++)
    if (isNumericCell(grid, row, c)) numeric++;
  if (isTotalLabel(first) && numeric > 0) return true;
  return (style === "unit" || style === "roman" || style === "letter") && numeric >= 1;
}

function headerPath(grid: Grid, block: HeaderBlock, col: number): string[] {
  const path: string[] = [];
  for (let r = block.top; r <= block.bottom; r++) {
    const t = shownText(grid, r, col);
    if (t !== "" && path[path.length - 1] !== t) path.push(t);
  }
  return path;
}

function readColumns(
  grid: Grid,
  block: HeaderBlock,
  overrides: Overrides | undefined,
  title: string,
): Column[] {
  const columns: Column[] = [];
  for (let c = block.left; c <= block.right; c++) {
    const path = headerPath(grid, block, c);
    let role: ColumnRole = roleOf(path);
    let period = periodOf([...path]).key;
    // A column with no period of its own inherits one stated in the title ("... NĂM 2024") only for plan words.
    if (!period && isPlanWord(path.join(" ")) && /\b(19|20)\d{2}\b/.test(title))
      period = periodOf([path.join(" ")]).key;
    const label = block.numberingRow ? cellText(cellAt(grid, block.numberingRow, c)).trim() : undefined;
    const letter = columnLetter(c);
    const o = overrides?.columns?.[letter];
    if (o?.role) role = o.role;
    if (o?.period !== undefined) period = o.period;
    const col: Column = { col: c, letter, role, period, header: path.join(" > ") };
    if (label) col.label = label.split("=")[0].replace(/[()\s]/g, "");
    columns.push(col);
  }
  // The first text column after the row number is the unit name when its header was not recognised.
  if (!columns.some((c) => c.role === "unitName")) {
    const idx = columns.findIndex((c) => c.role === "rowNumber");
    const next = columns[idx + 1];
    if (next && next.role === "other" && !overrides?.columns?.[next.letter]?.role) next.role = "unitName";
  }
  // A rate column without a subject in its own header takes the subject of the count column before it.
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i];
    if (c.role !== "poorRate" || /ngheo/.test(headerWords(c.header))) continue;
    const prev = columns[i - 1];
    if (prev?.role === "nearPoorHouseholds") c.role = "nearPoorRate";
    if (prev?.role === "poorAndNearPoorHouseholds") c.role = "multidimRate";
  }
  return columns;
}

/** A yes/no answer: TRUE/FALSE (typed or a formula's value), Đạt/Không đạt, Có/Không, x. */
function isFlagCell(grid: Grid, row: number, col: number): boolean {
  const c = cellAt(grid, row, col);
  if (!c) return false;
  if (typeof c.value === "boolean") return true;
  if (typeof c.value !== "string") return false;
  return /^(dat|khong dat|chua dat|co|khong|x|true|false|dung|sai)$/.test(normalize(c.value).trim());
}

/**
 * A column of yes/no answers (TRUE/FALSE, Đạt/Không đạt) is not a number column, whatever its header says
 * ("Trên 5%"): its role becomes "other" when its rows (totals aside) hold at least as many answers as numbers. A role the
 * user set is kept.
 */
function demoteFlagColumns(
  grid: Grid,
  columns: Column[],
  rows: Row[],
  overrides: Overrides | undefined,
): void {
  for (const c of columns) {
    if (!COUNT_ROLES.has(c.role) && !RATE_ROLES.has(c.role)) continue;
    if (overrides?.columns?.[c.letter]?.role) continue;
    let flags = 0;
    let numbers = 0;
    for (const r of rows) {
      if (r.kind === "total" || r.kind === "subtotal") continue; // a total may count the answers
      if (isFlagCell(grid, r.row, c.col)) flags++;
      else if (isNumericCell(grid, r.row, c.col)) numbers++;
    }
    if (flags > 0 && flags >= numbers) c.role = "other";
  }
}

/**
 * A group number read by sequence as well as by pattern: "L" after "XLIX" is fifty, "C" after "B" is a letter
 * (even with Roman sub-groups between them), "I" after "H" is a letter; a lone "I", "V", "X" first is Roman.
 */
function groupStyle(
  text: string,
  last: { roman?: string; letter?: string },
): "unit" | "roman" | "letter" | "none" {
  const style = numberStyle(text);
  if (style !== "roman") return style;
  const t = text.trim().replace(/[.)]$/, "").toUpperCase();
  if (t.length !== 1) return style;
  const prev = last.roman !== undefined ? romanValue(last.roman) : undefined;
  if (prev !== undefined && romanValue(t) === prev + 1) return "roman";
  if (last.letter !== undefined && t.charCodeAt(0) === last.letter.charCodeAt(0) + 1) return "letter";
  return style;
}

function firstDataText(grid: Grid, row: number, columns: Column[], role: ColumnRole): string {
  const col = columns.find((c) => c.role === role);
  return col ? shownText(grid, row, col.col) : "";
}

function classifyRows(
  grid: Grid,
  block: HeaderBlock,
  columns: Column[],
  bodyTop: number,
  bottom: number,
  overrides: Overrides | undefined,
): { rows: Row[]; end: number; skipped: number[] } {
  const dataCols = columns.filter((c) => COUNT_ROLES.has(c.role) || RATE_ROLES.has(c.role));
  const numberCol = columns.find((c) => c.role === "rowNumber") ?? columns[0];
  const labelCol = columns.find((c) => c.role === "unitName");
  const rows: Row[] = [];
  let end = bodyTop - 1;
  let blank = 0;
  const lastGroup: { roman?: string; letter?: string } = {};
  // The header's own texts by column: a band that repeats them inside the body (a header printed again on each
  // page, a second band) is skipped, not read as units.
  const headerTexts = new Map<number, Set<string>>();
  for (let r = block.top; r <= (block.numberingRow ?? block.bottom); r++)
    for (let c = block.left; c <= block.right; c++) {
      const t = normalize(shownText(grid, r, c));
      if (t === "") continue;
      const set = headerTexts.get(c) ?? new Set<string>();
      set.add(t);
      headerTexts.set(c, set);
    }
  const repeatsHeader = (r: number): boolean => {
    let texts = 0;
    for (let c = block.left; c <= block.right; c++) {
      // A remark merged down from a row above (a notes column) belongs to that row, not to this band.
      const m = mergeAt(grid, r, c);
      if (m && m.top < r) continue;
      const t = normalize(shownText(grid, r, c));
      if (t === "") continue;
      if (!headerTexts.get(c)?.has(t)) return false;
      texts++;
    }
    return texts >= 2;
  };
  const noteCols = new Set(columns.filter((c) => c.role === "note").map((c) => c.col));
  const skipped: number[] = [];
  for (let r = bodyTop; r <= bottom; r++) {
    const numberText = shownText(grid, r, numberCol.col);
    let label = firstDataText(grid, r, columns, "unitName");
    if (label === "" && mergeAt(grid, r, numberCol.col)) label = numberText;
    const hasData = dataCols.some(
      (c) => cellText(cellAt(grid, r, c.col)).trim() !== "" || cellAt(grid, r, c.col)?.formula,
    );
    if (rowIsEmpty(grid, r, block.left, block.right)) {
      // The second line of a unit whose name or number is merged over two rows continues that unit.
      const merged =
        mergeAt(grid, r, numberCol.col) ?? (labelCol ? mergeAt(grid, r, labelCol.col) : undefined);
      if (merged && merged.top < r && rows.length > 0) continue;
      blank++;
      if (blank >= 2 && rows.length > 0) break;
      continue;
    }
    if (rows.length > 0 && (repeatsHeader(r) || isNumberingRow(grid, r, block.left, block.right))) {
      skipped.push(r);
      continue;
    }
    const nLabel = normalize(label);
    const nNumber = /^\d*$/.test(numberText) ? numberText : normalize(numberText);
    if (
      rowHasTableEnd(grid, r, block.left, block.right, label, nLabel, noteCols) ||
      (!hasData && rowHeaderWords(grid, r, block.left, block.right) >= 2)
    )
      break;
    // After a blank row, only rows that look like table rows continue the table.
    if (
      blank > 0 &&
      rows.length > 0 &&
      !looksLikeBodyRow(grid, r, block.left, block.right) &&
      !isTotalLabel(label, nLabel)
    )
      break;
    // A long sentence across the table (a note) ends it.
    const mergedAcross = mergeAt(grid, r, numberCol.col);
    if (mergedAcross && mergedAcross.right >= block.right - 1 && rows.length > 0) break;
    blank = 0;
    const style = groupStyle(numberText, lastGroup);
    const words = `${numberText} ${label}`.trim();
    let kind: RowKind;
    if (isTotalLabel(label, nLabel) || isTotalLabel(numberText, nNumber)) kind = "total";
    else if (isSubtotalLabel(label, nLabel) || isSubtotalLabel(numberText, nNumber)) kind = "subtotal";
    else if (isPartLabel(label, nLabel) || (numberText === "" && isPartLabel(words))) kind = "part";
    else if (style === "roman" || style === "letter") kind = "group";
    else if (style === "unit") kind = "unit";
    else if (hasData) kind = "unit";
    // Words with no number and no row number between units: a note ("(Thôn Đông sáp nhập từ năm 2020)"), not a
    // unit whose every figure is missing.
    else {
      skipped.push(r);
      continue;
    }
    const o = overrides?.rows?.[r];
    if (o) kind = o;
    const row: Row = {
      row: r,
      kind,
      label: kind === "total" || kind === "subtotal" ? label || numberText || words : label,
      number: numberText,
      covers: [],
    };
    if (kind === "group" && (style === "roman" || style === "letter")) {
      row.style = style;
      lastGroup[style] = numberText.trim().replace(/[.)]$/, "").toUpperCase();
    } else if (kind === "group") {
      row.style = "letter";
    }
    // "3.1", "3.2" under unit "3": the hamlets of a village, components of it, never units of the total.
    const parentUnit = kind === "unit" && !o ? subUnitParent(numberText, rows) : undefined;
    if (parentUnit) {
      row.kind = "part";
      row.partOf = parentUnit.row;
    } else if (kind === "part") {
      // The row it is part of: the nearest row above that is not itself a part.
      const parent = [...rows].reverse().find((x) => x.kind !== "part");
      if (parent) row.partOf = parent.row;
      else row.kind = "unit";
    }
    rows.push(row);
    end = r;
  }
  return { rows, end, skipped: skipped.filter((r) => r <= end) };
}

const SUB_NUMBER = /^(\d{1,3})\.(\d{1,3})$/;

/**
 * The unit a row numbered "3.1" belongs to: unit "3" above it, with only its other sub-rows ("3.1", "3.2", their
 * "Trong đó" lines) between.
 */
function subUnitParent(numberText: string, rows: readonly Row[]): Row | undefined {
  const m = SUB_NUMBER.exec(numberText.trim());
  if (!m) return undefined;
  for (let i = rows.length - 1; i >= 0; i--) {
    const r = rows[i];
    const n = r.number.trim().replace(/[.)]$/, "");
    if (r.kind === "unit" && n === m[1]) return r;
    if (r.kind === "part" && r.partOf !== undefined) continue;
    return undefined;
  }
  return undefined;
}

/** Sub-rows numbered "3.1", "3.2" of a unit "3" (parts of it, not "Trong đó" lines); `parts` by the row they
 *  are part of (one pass over the rows, not one per unit). */
function subUnitsOf(unit: Row, parts: ReadonlyMap<number, readonly Row[]>): Row[] {
  const n = unit.number.trim().replace(/[.)]$/, "");
  return (parts.get(unit.row) ?? []).filter((r) => SUB_NUMBER.exec(r.number.trim())?.[1] === n);
}

function rowHasTableEnd(
  grid: Grid,
  row: number,
  left: number,
  right: number,
  label: string,
  nLabel: string,
  noteCols: ReadonlySet<number> = new Set(),
): boolean {
  for (let c = left, end = usedRight(grid, row, right); c <= end; c++) {
    // A remark in the table's own notes column ("Ghi chú ...", merged down the rows) is data, not the end.
    if (noteCols.has(c)) continue;
    const cell = cellAt(grid, row, c);
    if (!cell || typeof cell.value !== "string" || cell.value.length < 2) continue;
    if (cell.value === label ? isTableEnd(label, nLabel) : isTableEnd(cell.value)) return true;
  }
  return false;
}

function carriesNumbers(grid: Grid, row: number, columns: Column[]): boolean {
  return columns.some(
    (c) =>
      COUNT_ROLES.has(c.role) &&
      (cellAt(grid, row, c.col)?.formula || cellText(cellAt(grid, row, c.col)).trim() !== ""),
  );
}

/** Which rows each group, subtotal and total adds up. */
function linkHierarchy(grid: Grid, rows: Row[], columns: Column[]): void {
  const groupStyles: string[] = [];
  interface Open {
    row: Row;
    level: number;
    units: number[];
    children: Row[];
  }
  const groups: Open[] = [];
  let stack: Open[] = [];
  const topUnits: number[] = [];
  const subtotals: Row[] = [];
  let sinceAggregate: number[] = [];
  for (const row of rows) {
    if (row.kind === "group") {
      const style = row.style ?? numberStyle(row.number);
      if (!groupStyles.includes(style)) groupStyles.push(style);
      const level = groupStyles.indexOf(style) + 1;
      stack = stack.filter((g) => g.level < level);
      const open: Open = { row, level, units: [], children: [] };
      if (stack.length > 0) stack[stack.length - 1].children.push(row);
      stack.push(open);
      groups.push(open);
      sinceAggregate = [];
    } else if (row.kind === "unit") {
      for (const g of stack) g.units.push(row.row);
      if (stack.length === 0) topUnits.push(row.row);
      sinceAggregate.push(row.row);
    } else if (row.kind === "subtotal") {
      const inner = stack[stack.length - 1];
      row.covers = inner ? [...inner.units] : [...sinceAggregate];
      subtotals.push(row);
      sinceAggregate = [];
    }
  }
  for (const g of groups) {
    if (!carriesNumbers(grid, g.row.row, columns)) continue;
    const numberedChildren = g.children.filter((c) => carriesNumbers(grid, c.row, columns));
    g.row.covers =
      numberedChildren.length > 0 && numberedChildren.length === g.children.length
        ? numberedChildren.map((c) => c.row)
        : g.units;
  }
  const topGroups = groups.filter((g) => g.level === 1);
  for (const row of rows) {
    if (row.kind !== "total") continue;
    // "Tổng cộng: I+II", "Tổng cộng (A+B)": the groups it names.
    const named = /([IVXLCA-H]+)\s*\+\s*([IVXLCA-H]+(\s*\+\s*[IVXLCA-H]+)*)/.exec(row.label);
    if (named) {
      const labels = named[0].split("+").map((s) => s.trim());
      const found = labels.map((l) =>
        groups.find((g) => g.row.number.replace(/\.$/, "").toUpperCase() === l),
      );
      if (found.every((g) => g && carriesNumbers(grid, g.row.row, columns))) {
        row.covers = found.map((g) => g!.row.row);
        continue;
      }
    }
    if (topGroups.length > 0 && topGroups.every((g) => carriesNumbers(grid, g.row.row, columns))) {
      row.covers = [...topGroups.map((g) => g.row.row), ...topUnits];
    } else if (subtotals.length > 0) {
      row.covers = [
        ...subtotals.map((s) => s.row),
        ...topUnits.filter((u) => !subtotals.some((s) => s.covers.includes(u))),
      ];
    } else {
      row.covers = rows.filter((r) => r.kind === "unit").map((r) => r.row);
    }
  }
  // A unit split into numbered sub-rows ("3" = "3.1" + "3.2") adds them up, when every one carries numbers.
  const parts = new Map<number, Row[]>();
  for (const r of rows) {
    if (r.kind !== "part" || r.partOf === undefined) continue;
    const list = parts.get(r.partOf);
    if (list) list.push(r);
    else parts.set(r.partOf, [r]);
  }
  for (const row of rows) {
    if (row.kind !== "unit") continue;
    const subs = subUnitsOf(row, parts);
    if (
      subs.length >= 2 &&
      carriesNumbers(grid, row.row, columns) &&
      subs.every((r) => carriesNumbers(grid, r.row, columns))
    )
      row.covers = subs.map((r) => r.row);
  }
  // Keep covers in sheet order.
  for (const row of rows) row.covers.sort((a, b) => a - b);
}

function readStated(grid: Grid, block: HeaderBlock, columns: Column[]): StatedRelation[] {
  if (!block.numberingRow) return [];
  const byLabel = new Map<string, number>();
  for (const c of columns) if (c.label) byLabel.set(c.label.toUpperCase(), c.col);
  const stated: StatedRelation[] = [];
  for (const c of columns) {
    const text = cellText(cellAt(grid, block.numberingRow, c.col)).trim();
    if (!text.includes("=")) continue;
    const rel = parseStatedRelation(text, c.col, byLabel, a1(block.numberingRow, c.col));
    if (rel) stated.push(rel);
  }
  return stated;
}

function titleAbove(grid: Grid, from: number, to: number, left: number, right: number): string {
  const lines: string[] = [];
  for (let r = from; r < to; r++) {
    const parts: string[] = [];
    for (let c = left, end = usedRight(grid, r, right); c <= end; c++) {
      const m = mergeAt(grid, r, c);
      if (m && m.left !== c) continue;
      const t = cellText(cellAt(grid, r, c)).trim();
      if (t) parts.push(t);
    }
    if (parts.length) lines.push(parts.join(" "));
  }
  return lines.join("\n");
}

/**
 * Headers suggest, the numbers decide: a block whose count and rate columns hold no number in any body row (a list
 * of measures whose prose happens to name "hộ nghèo") is no table to check.
 */
function holdsNumbers(grid: Grid, rows: readonly Row[], columns: readonly Column[]): boolean {
  const numeric = columns.filter((c) => COUNT_ROLES.has(c.role) || RATE_ROLES.has(c.role));
  return rows.some((r) =>
    numeric.some((c) => {
      const v = cellAt(grid, r.row, c.col)?.value;
      return (typeof v === "number" && Number.isFinite(v)) || (typeof v === "string" && /\d/.test(v));
    }),
  );
}

export function detectTables(grid: Grid, overrides?: Overrides): Table[] {
  const tables: Table[] = [];
  const bottom = gridBottom(grid);
  const right = gridRight(grid);
  let from = grid.top;
  while (from <= bottom) {
    const block = findHeader(grid, from, bottom, grid.left, right);
    if (!block) break;
    const title = titleAbove(grid, tables.length ? from : grid.top, block.top, grid.left, right);
    const columns = readColumns(grid, block, overrides, title);
    const bodyTop = (block.numberingRow ?? block.bottom) + 1;
    const { rows, end, skipped } = classifyRows(grid, block, columns, bodyTop, bottom, overrides);
    demoteFlagColumns(grid, columns, rows, overrides);
    if (
      rows.length === 0 ||
      !columns.some((c) => COUNT_ROLES.has(c.role) || RATE_ROLES.has(c.role)) ||
      !holdsNumbers(grid, rows, columns)
    ) {
      from = block.bottom + 1;
      continue;
    }
    linkHierarchy(grid, rows, columns);
    const range: CellRange = { top: block.top, left: block.left, bottom: end, right: block.right };
    // Decided per column group: targets assigned from above beside a report's start and end ("Chỉ tiêu giảm ...
    // được giao", "Kế hoạch giao") are inputs of a report, not a plan; a plan projects the poor households.
    const planCols = columns.filter((c) => c.period.startsWith("plan"));
    const actualPoor = columns.filter(
      (c) => (c.role === "poorHouseholds" || c.role === "poorRate") && !c.period.startsWith("plan"),
    );
    const reportWithTargets =
      planCols.length > 0 &&
      planCols.every(
        (c) => !["poorHouseholds", "poorRate", "nearPoorHouseholds", "nearPoorRate"].includes(c.role),
      ) &&
      new Set(actualPoor.filter((c) => c.role === "poorHouseholds").map((c) => c.period)).size >= 2;
    const isPlan =
      (planCols.length > 0 && !reportWithTargets) ||
      (isPlanWord(title) &&
        columns.some((c) => c.role === "reduction" || c.role === "rateReduction") &&
        /du kien|ke hoach/.test(normalize(title)));
    tables.push({
      sheet: grid.sheet,
      range,
      title,
      headerRows: Array.from({ length: block.bottom - block.top + 1 }, (_, i) => block.top + i),
      numberingRow: block.numberingRow,
      columns,
      rows,
      stated: readStated(grid, block, columns),
      isPlan,
      ...(skipped.length ? { skippedRows: skipped } : {}),
    });
    from = end + 1;
  }
  return tables;
}
