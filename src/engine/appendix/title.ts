// The title block of an appendix: the title and "(Kèm theo ...)" lines the source has above its header (or the
// caller's), the issuing body and place the source names (for the signature block), and the year the table is about.
import { cellAt, cellText, type Grid } from "../grid";
import type { Table } from "../model";
import { SUBTITLE_FONT_SIZE, TITLE_FONT_SIZE } from "./style";
import { type Sheet, wrappedHeight } from "./sheet";
import type { IssuingBody } from "./types";

function stripDiacritics(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
}

/**
 * The title and the "(Kèm theo ...)" line of the source: from the lines above the header (and the table's title,
 * which the engine may give as several lines). The title is the longest line in capitals, since the issuing
 * body's name ("ỦY BAN NHÂN DÂN XÃ ...") above it is shorter.
 */
export function sourceTitleBlock(
  table: Table,
  grid: Grid,
): { title?: string; subtitle?: string; place?: string; body?: IssuingBody } {
  const firstHeader = Math.min(...table.headerRows, table.range.top);
  const lines: string[] = table.title.split("\n");
  for (let r = grid.top; r < firstHeader; r++) {
    const texts: string[] = [];
    for (let c = table.range.left; c <= table.range.right; c++) {
      const t = cellText(cellAt(grid, r, c)).trim();
      if (t) texts.push(t);
    }
    lines.push(texts.join(" "));
  }
  let subtitle: string | undefined;
  // The issuing body ("ỦY BAN NHÂN DÂN" / "XÃ AN BÌNH", "CỘNG HÒA ...") is not the title; the title is the longest
  // run of capitalised lines after it, kept whole ("DỰ KIẾN" / "TỶ LỆ HỘ NGHÈO ... NĂM 2021").
  const runs: string[][] = [];
  let run: string[] = [];
  let place: string | undefined;
  let body: IssuingBody | undefined;
  let afterBody = false;
  for (const raw of lines) {
    const line = raw.trim();
    const plain = stripDiacritics(line);
    if (!line) {
      if (run.length) runs.push(run);
      run = [];
      continue;
    }
    if (/^\(?\s*kem theo/.test(plain)) {
      subtitle ??= line;
      if (run.length) runs.push(run);
      run = [];
      continue;
    }
    const isBody =
      /^(uy ban nhan dan|ubnd|cong hoa|doc lap|hoi dong nhan dan|ban chi dao|phong lao dong)/.test(plain);
    const placeLine = afterBody && /^(xa|phuong|thi tran|huyen|quan|thi xa|thanh pho|tinh) /.test(plain);
    afterBody = isBody && /^(uy ban nhan dan|ubnd|hoi dong nhan dan)/.test(plain);
    if (afterBody) body ??= /^hoi dong/.test(plain) ? "council" : "committee";
    if (placeLine) {
      // "XÃ AN BÌNH" (maybe followed by the republic's motto on the same row): the place of the date line.
      const name = line
        .split(/\s{2,}|\s(?=Độc lập|ĐỘC LẬP)/u)[0]
        .replace(/^\S+\s+(thị trấn\s+|thành phố\s+|thị xã\s+)?/iu, "");
      place ??= name
        .toLowerCase()
        .replace(/(^|\s)(\p{L})/gu, (_, sp: string, ch: string) => sp + ch.toUpperCase());
    }
    if (isBody || placeLine) {
      if (run.length) runs.push(run);
      run = [];
      continue;
    }
    if (line === line.toUpperCase() && /[A-ZÀ-Ỹ]/.test(line)) run.push(line);
    else {
      if (run.length) runs.push(run);
      run = [];
    }
  }
  if (run.length) runs.push(run);
  let title: string | undefined;
  for (const r of runs) {
    const text = r.join("\n");
    if (text.length > (title?.length ?? 0)) title = text;
  }
  if (!title)
    title = lines.map((l) => l.trim()).find((l) => l && !/^\(?\s*kem theo/.test(stripDiacritics(l)));
  return { title, subtitle, place, body };
}

/**
 * The year a table is about: the one its title names ("… NĂM 2024" is 2024), else its columns' latest (a report's
 * next year when it names only past years). The pane's "next year's plan" asks for this plus one.
 */
export function tableYear(table: Table): number {
  const years: number[] = [];
  const scan = (s: string) => {
    for (const m of s.matchAll(/\b(19\d\d|20\d\d)\b/g)) years.push(Number(m[1]));
  };
  scan(table.title);
  if (years.length) return Math.max(...years);
  for (const c of table.columns) scan(`${c.period} ${c.header}`);
  if (years.length === 0) return new Date().getFullYear();
  const last = Math.max(...years);
  return table.isPlan ? last : last + 1;
}

export function titleBlock(
  sheet: Sheet,
  title: string,
  subtitle: string,
  width: number,
  totalWidth: number,
): number {
  const upper = title.toUpperCase();
  sheet.set(1, 1, upper, {
    bold: true,
    horizontal: "center",
    vertical: "middle",
    wrap: true,
    fontSize: TITLE_FONT_SIZE,
  });
  sheet.merge({ top: 1, left: 1, bottom: 1, right: width });
  sheet.minHeight(1, wrappedHeight(upper, totalWidth * 0.9, TITLE_FONT_SIZE));
  sheet.set(2, 1, subtitle, {
    italic: true,
    horizontal: "center",
    vertical: "middle",
    wrap: true,
    fontSize: SUBTITLE_FONT_SIZE,
  });
  sheet.merge({ top: 2, left: 1, bottom: 2, right: width });
  sheet.minHeight(2, wrappedHeight(subtitle, totalWidth, SUBTITLE_FONT_SIZE));
  // Row 3 stays empty between the title block and the table.
  return 4;
}
