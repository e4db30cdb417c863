// The sentences of the prose checks and of `describe`, Vietnamese (default, in the register of a plan or report)
// and English, made from the engine's codes and numbers. Numbers the Vietnamese way: 1.518 hộ, 13,70%.
import type { Description, DescribeLine, ProseFinding, Scope } from "../engine";
import type { Lang } from "./lang";
import { naturalDecimals, showNumber } from "./numbers";

const SCOPE: Record<Lang, Record<Scope, string>> = {
  vi: {
    commune: "toàn xã",
    ward: "toàn phường",
    township: "toàn thị trấn",
    district: "toàn huyện",
    town: "toàn thị xã",
    city: "toàn thành phố",
    province: "toàn tỉnh",
    country: "cả nước",
    area: "toàn địa bàn",
  },
  en: {
    commune: "the commune",
    ward: "the ward",
    township: "the township",
    district: "the district",
    town: "the town",
    city: "the city",
    province: "the province",
    country: "the country",
    area: "the area",
  },
};

const count = (x: number, lang: Lang) => showNumber(x, lang, 0);
const rate = (x: number | undefined, lang: Lang, d = 2) => (x === undefined ? "—" : showNumber(x, lang, d));

function when(kind: string, year: number | undefined, lang: Lang): string {
  const y = year !== undefined ? ` ${year}` : "";
  if (lang === "en") {
    if (kind === "start")
      return year !== undefined ? `At the start of ${year}` : "At the start of the period";
    if (kind === "end") return year !== undefined ? `At the end of ${year}` : "At the end of the period";
    if (kind === "plan") return `In the plan${year !== undefined ? ` for ${year}` : ""}`;
    if (kind === "estimate") return `By the estimate${year !== undefined ? ` for ${year}` : ""}`;
    return year !== undefined ? `In ${year}` : "At present";
  }
  if (kind === "start") return year !== undefined ? `Đầu năm${y}` : "Đầu kỳ";
  if (kind === "end") return year !== undefined ? `Cuối năm${y}` : "Cuối kỳ";
  if (kind === "plan") return `Dự kiến${year !== undefined ? ` năm${y}` : ""}`;
  if (kind === "estimate") return `Ước thực hiện${year !== undefined ? ` năm${y}` : ""}`;
  return year !== undefined ? `Năm${y}` : "Hiện nay";
}

/** One line of a description as a sentence. */
function describeLine(line: DescribeLine, lang: Lang = "vi"): string {
  const en = lang === "en";
  switch (line.code) {
    case "situation": {
      const p = line.params;
      const parts: string[] = [];
      if (p.poor !== undefined)
        parts.push(
          en
            ? `${count(p.poor, lang)} poor households (${rate(p.poorRate, lang)}%)`
            : `${count(p.poor, lang)} hộ nghèo, chiếm tỷ lệ ${rate(p.poorRate, lang)}%`,
        );
      if (p.nearPoor !== undefined)
        parts.push(
          en
            ? `${count(p.nearPoor, lang)} near-poor households (${rate(p.nearPoorRate, lang)}%)`
            : `${count(p.nearPoor, lang)} hộ cận nghèo, chiếm tỷ lệ ${rate(p.nearPoorRate, lang)}%`,
        );
      return en
        ? `${when(p.when, p.year, lang)}, ${SCOPE.en[p.scope]} has ${count(p.households, lang)} households, of which ${parts.join(" and ")}.`
        : `${when(p.when, p.year, lang)}, ${SCOPE.vi[p.scope]} có ${count(p.households, lang)} hộ, trong đó có ${parts.join("; ")}.`;
    }
    case "group": {
      const p = line.params;
      const parts: string[] = [];
      if (p.poor !== undefined)
        parts.push(
          en
            ? `${count(p.poor, lang)} poor (${rate(p.poorRate, lang)}%)`
            : `${count(p.poor, lang)} hộ nghèo (tỷ lệ ${rate(p.poorRate, lang)}%)`,
        );
      if (p.nearPoor !== undefined)
        parts.push(
          en
            ? `${count(p.nearPoor, lang)} near-poor (${rate(p.nearPoorRate, lang)}%)`
            : `${count(p.nearPoor, lang)} hộ cận nghèo (tỷ lệ ${rate(p.nearPoorRate, lang)}%)`,
        );
      return en
        ? `- ${p.label}: ${count(p.households, lang)} households, ${parts.join(", ")}.`
        : `- ${p.label}: ${count(p.households, lang)} hộ, ${parts.join(", ")}.`;
    }
    case "target": {
      const p = line.params;
      const year = p.year !== undefined ? (en ? ` in ${p.year}` : ` năm ${p.year}`) : "";
      if (en)
        return `Target${year}: lift ${count(p.reduction, lang)} households out of poverty, bringing the poverty rate of ${SCOPE.en[p.scope]} from ${rate(p.rateStart, lang)}% down to ${rate(p.rateEnd, lang)}% (${rate(p.points, lang)} percentage points less), with ${count(p.poorEnd, lang)} poor households left.`;
      return `Phấn đấu${year} giảm ${count(p.reduction, lang)} hộ nghèo, đưa tỷ lệ hộ nghèo ${SCOPE.vi[p.scope]} từ ${rate(p.rateStart, lang)}% xuống còn ${rate(p.rateEnd, lang)}% (giảm ${rate(p.points, lang)} điểm phần trăm), còn ${count(p.poorEnd, lang)} hộ nghèo.`;
    }
    case "result": {
      const p = line.params;
      const up = p.reduction < 0;
      if (en)
        return `${when("end", p.year, lang)}, ${SCOPE.en[p.scope]} has ${count(p.poorEnd, lang)} poor households left (${rate(p.rateEnd, lang)}%), ${up ? `${count(-p.reduction, lang)} more` : `${count(p.reduction, lang)} fewer`} than at the start (${rate(Math.abs(p.points), lang)} percentage points).`;
      return `${when("end", p.year, lang)}, ${SCOPE.vi[p.scope]} còn ${count(p.poorEnd, lang)} hộ nghèo, chiếm tỷ lệ ${rate(p.rateEnd, lang)}%, ${up ? "tăng" : "giảm"} ${count(Math.abs(p.reduction), lang)} hộ (${rate(Math.abs(p.points), lang)} điểm phần trăm) so với đầu năm.`;
    }
    case "unit": {
      const p = line.params;
      const head = en
        ? `- ${p.label}: ${count(p.households, lang)} households${p.poor !== undefined ? `, ${count(p.poor, lang)} poor (${rate(p.poorRate, lang)}%)` : ""}`
        : `- ${p.label}: ${count(p.households, lang)} hộ${p.poor !== undefined ? `, ${count(p.poor, lang)} hộ nghèo (${rate(p.poorRate, lang)}%)` : ""}`;
      if (p.reduction === undefined || p.poorEnd === undefined) return `${head}.`;
      if (p.reduction === 0)
        return en
          ? `${head}; ${p.isPlan ? "planned" : "at the end"}: ${count(p.poorEnd, lang)} poor (${rate(p.rateEnd, lang)}%), unchanged.`
          : `${head}; ${p.isPlan ? "dự kiến giữ" : "cuối năm giữ"} nguyên ${count(p.poorEnd, lang)} hộ nghèo (${rate(p.rateEnd, lang)}%).`;
      if (p.isPlan)
        return en
          ? `${head}; target: ${count(p.reduction, lang)} fewer, ${count(p.poorEnd, lang)} poor left (${rate(p.rateEnd, lang)}%).`
          : `${head}; phấn đấu giảm ${count(p.reduction, lang)} hộ, còn ${count(p.poorEnd, lang)} hộ nghèo (${rate(p.rateEnd, lang)}%).`;
      return en
        ? `${head}; at the end ${count(p.poorEnd, lang)} poor (${rate(p.rateEnd, lang)}%), ${count(p.reduction, lang)} fewer.`
        : `${head}; cuối năm còn ${count(p.poorEnd, lang)} hộ nghèo (${rate(p.rateEnd, lang)}%), giảm ${count(p.reduction, lang)} hộ.`;
    }
  }
}

/** The paragraph: the situation, the groups, the target or result, then the units, one line each. */
export function describeText(d: Description, lang: Lang = "vi"): string {
  return d.lines.map((l) => describeLine(l, lang)).join("\n");
}

/** "Bảng 1, dòng 10 "Tổng", cột 'Tổng HTN'". */
function proseSourceText(f: ProseFinding, lang: Lang = "vi"): string {
  const s = f.source;
  if (s.kind !== "table") return lang === "en" ? "the sentence itself" : "chính câu này";
  const label = s.label ? ` "${s.label}"` : "";
  return lang === "en"
    ? `Table ${s.table}, row ${s.row}${label}, column '${s.column}'`
    : `Bảng ${s.table}, dòng ${s.row}${label}, cột '${s.column}'`;
}

/** The figure in the words around it: at most `width` characters of the sentence. */
export function quote(sentence: string, figure: string, width = 150): string {
  if (sentence.length <= width) return sentence;
  const at = Math.max(0, sentence.indexOf(figure.replace(/%$/, "").replace(/ hộ$/, "")));
  const from = Math.max(0, Math.min(at - Math.floor(width / 2), sentence.length - width));
  return `${from > 0 ? "…" : ""}${sentence.slice(from, from + width).trim()}${from + width < sentence.length ? "…" : ""}`;
}

/** The finding's sentence, Vietnamese by default. */
export function describeProseFinding(f: ProseFinding, lang: Lang = "vi"): string {
  const en = lang === "en";
  const p = f.params;
  const n = (k: string, d?: number) =>
    typeof p[k] === "number" ? showNumber(p[k] as number, lang, d ?? naturalDecimals(p[k] as number)) : "";
  const shown = (x: number) => showNumber(x, lang, f.decimals ?? 2);
  // A plan's projected poor: say where the count comes from ("208 − 45 = 163").
  const projected =
    typeof p.start === "number" && typeof p.reduction === "number"
      ? en
        ? `; ${n("start", 0)} − ${n("reduction", 0)} = ${n("count", 0)} poor households projected`
        : `; ${n("start", 0)} − ${n("reduction", 0)} = ${n("count", 0)} hộ nghèo dự kiến`
      : "";
  const where = proseSourceText(f, lang) + projected;
  const table = f.source.kind === "table";
  switch (f.rule) {
    case "prose-rate":
      return en
        ? `the sentence says ${f.figure}, but ${n("count", 0)} of ${n("households", 0)} households${table ? ` (${where})` : ""} is ${shown(f.expected)}%`
        : `câu ghi ${f.figure} nhưng ${n("count", 0)}/${n("households", 0)} hộ${table ? ` (${where})` : ""} là ${shown(f.expected)}%`;
    case "prose-rate-truncated":
      return en
        ? `the sentence says ${f.figure}: ${n("count", 0)} of ${n("households", 0)} households${table ? ` (${where})` : ""} is ${n("exact")}%, ${shown(f.expected)}% when rounded (the figure was cut, not rounded)`
        : `câu ghi ${f.figure}: ${n("count", 0)}/${n("households", 0)} hộ${table ? ` (${where})` : ""} là ${n("exact")}%, làm tròn là ${shown(f.expected)}% (số trong câu bị cắt bớt chứ không làm tròn)`;
    case "prose-part-exceeds":
      return en
        ? `the sentence says ${f.figure}: the part (${n("count", 0)}) is larger than the whole (${n("households", 0)})`
        : `câu ghi ${f.figure}: số hộ (${n("count", 0)}) lớn hơn tổng số hộ (${n("households", 0)})`;
    case "prose-end-rate":
      return en
        ? `the sentence says ${f.figure}, but by ${where}: ${n("count", 0)} of ${n("households", 0)} households is ${shown(f.expected)}%`
        : `câu ghi ${f.figure} nhưng theo ${where}: ${n("count", 0)}/${n("households", 0)} hộ là ${shown(f.expected)}%`;
    case "prose-change": {
      const pctUnit = p.unit === "percent";
      const v = (x: number) => (pctUnit ? `${shown(x)}%` : `${showNumber(x, lang, 0)}${en ? "" : " hộ"}`);
      const source = f.source.kind === "table" ? (en ? ` (by ${where})` : ` (theo ${where})`) : "";
      return en
        ? `the sentence says a reduction of ${f.figure}, but from ${v(p.from as number)} to ${v(p.to as number)}${source} is ${v(f.expected)}`
        : `câu ghi giảm ${f.figure} nhưng từ ${v(p.from as number)} xuống ${v(p.to as number)}${source} là giảm ${v(f.expected)}`;
    }
    case "prose-target": {
      const u = p.unit === "percent" ? "%" : en ? " households" : " hộ";
      const verdict = en
        ? p.verdict === "exceeded"
          ? "exceeded"
          : p.verdict === "met"
            ? "met"
            : "missed"
        : f.figure;
      const by = table ? (en ? ` (${where})` : ` (${where})`) : "";
      return en
        ? `the sentence says the target was ${verdict}, but the result is ${n("result")}${u} against a target of ${n("target")}${u}${by}`
        : `câu nói "${verdict}" chỉ tiêu nhưng kết quả là ${n("result")}${u} so với chỉ tiêu ${n("target")}${u}${by}`;
    }
    case "prose-bases-disagree":
      return en
        ? `two rates of the sentence cannot share one number of households: ${n("otherCount", 0)} households at ${n("otherRate", p.otherDecimals as number)}% means ${n("lo", 0)}–${n("hi", 0)} households, ${n("count", 0)} at ${f.figure} means ${n("ownLo", 0)}–${n("ownHi", 0)}`
        : `hai tỷ lệ trong câu không thể cùng một tổng số hộ: ${n("otherCount", 0)} hộ là ${n("otherRate", p.otherDecimals as number)}% ứng với ${n("lo", 0)}–${n("hi", 0)} hộ, còn ${n("count", 0)} hộ là ${f.figure} ứng với ${n("ownLo", 0)}–${n("ownHi", 0)} hộ`;
  }
}

/** "đoạn 25" / "paragraph 25". */
export function paragraphText(index: number, lang: Lang = "vi"): string {
  return lang === "en" ? `paragraph ${index}` : `đoạn ${index}`;
}

const UI = {
  vi: {
    tab: "Lời văn",
    intro:
      "Đoạn văn viết từ bảng, số liệu đã tính lại từ số hộ: dán vào kế hoạch, báo cáo để lời văn khớp với phụ lục.",
    units: "Thêm từng đơn vị",
    copy: "Sao chép đoạn văn",
    copied: "Đã sao chép.",
    copyFailed: "Không sao chép được; hãy chọn đoạn văn và nhấn Ctrl+C.",
    withErrors: (n: number) =>
      `Bảng còn ${n} lỗi: tỷ lệ và số tổng trong đoạn văn đã được tính lại từ số hộ.`,
    unsure: "Chưa chắc cách đọc bảng: hãy xác nhận các cột ở mục Bảng trước khi dùng đoạn văn này.",
    nothing: "Bảng này không có số hộ và số hộ nghèo để viết lời văn.",
    docxTitle: (name: string) => `Văn bản Word: ${name}`,
    docxNothingWritten:
      "Các bảng và lời văn được kiểm tra trên máy của bạn; chương trình không ghi gì vào tệp .docx.",
    tableName: (n: number) => `Bảng ${n}`,
    where: (t: number, r: number, c: string) => `Bảng ${t}, dòng ${r}, cột '${c}'`,
    noTableFindings: "Không có sai sót.",
    sentencesTitle: "Các câu có số liệu",
    sentencesAgree: "Các câu có số liệu khớp với nhau và với các bảng.",
    suggested: " (chỉ là gợi ý: cần người xem lại)",
  },
  en: {
    tab: "Text",
    intro:
      "A paragraph written from the table, its numbers recomputed from the counts: paste it into the plan or report so the text agrees with the appendix.",
    units: "Add each unit",
    copy: "Copy the paragraph",
    copied: "Copied.",
    copyFailed: "Could not copy; select the paragraph and press Ctrl+C.",
    withErrors: (n: number) =>
      `The table has ${n} errors: rates and totals in the paragraph are recomputed from the counts.`,
    unsure: "The table's reading is unsure: confirm its columns in Table before using this paragraph.",
    nothing: "This table has no households and poor households to write from.",
    docxTitle: (name: string) => `Word document: ${name}`,
    docxNothingWritten:
      "The tables and the text are checked on your computer; nothing is written to the .docx file.",
    tableName: (n: number) => `Table ${n}`,
    where: (t: number, r: number, c: string) => `Table ${t}, row ${r}, column '${c}'`,
    noTableFindings: "No problems found.",
    sentencesTitle: "Sentences with figures",
    sentencesAgree: "The sentences with figures agree with each other and with the tables.",
    suggested: " (a suggestion only: a person should look)",
  },
};

/** The "Lời văn" view's own words. */
export function proseUi(lang: Lang) {
  return UI[lang];
}
