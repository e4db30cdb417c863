"use strict";
// Realistic commune workbooks for the many-files tests and `npm run bench`: each commune's table by village, typed
// the way different offices type them (a two-level header with a numbering row; one header row in another column
// order with the total first; rates stored as fractions under a percent format), plus the defective ones a district
// receives (a wrong total, a table the engine cannot read, one typed in TCVN3, a .xls), the district's own table by
// commune with planted transcription mistakes, and last year's and this year's tables of one commune. Values are
// computed here, independently of the engine: rates with integer arithmetic, rounded half up to two decimals.
// Written straight as .xlsx XML with fflate (no workbook library), so 700 files take a second or two.
const { strToU8, zipSync } = require("fflate");

// --- a small seeded random generator (deterministic fixtures) ---
function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/** count / base × 100 rounded half up to 2 decimals, on integers. */
function rate(count, base) {
  if (base === 0) return 0;
  return Math.floor((2 * count * 10000 + base) / (2 * base)) / 100;
}
const sum = (xs) => xs.reduce((a, b) => a + b, 0);

// --- TCVN3 (ABC) encoding, written independently of the engine's decoder: Unicode letter → TCVN3 bytes ---
const TCVN3_LOWER = {
  à: "µ",
  á: "¸",
  ả: "¶",
  ã: "·",
  ạ: "¹",
  ă: "¨",
  ằ: "»",
  ắ: "¾",
  ẳ: "¼",
  ẵ: "½",
  ặ: "Æ",
  â: "©",
  ầ: "Ç",
  ấ: "Ê",
  ẩ: "È",
  ẫ: "É",
  ậ: "Ë",
  đ: "®",
  è: "Ì",
  é: "Ð",
  ẻ: "Î",
  ẽ: "Ï",
  ẹ: "Ñ",
  ê: "ª",
  ề: "Ò",
  ế: "Õ",
  ể: "Ó",
  ễ: "Ô",
  ệ: "Ö",
  ì: "×",
  í: "Ý",
  ỉ: "Ø",
  ĩ: "Ü",
  ị: "Þ",
  ò: "ß",
  ó: "ã",
  ỏ: "á",
  õ: "â",
  ọ: "ä",
  ô: "«",
  ồ: "å",
  ố: "è",
  ổ: "æ",
  ỗ: "ç",
  ộ: "é",
  ơ: "¬",
  ờ: "ê",
  ớ: "í",
  ở: "ë",
  ỡ: "ì",
  ợ: "î",
  ù: "ï",
  ú: "ó",
  ủ: "ñ",
  ũ: "ò",
  ụ: "ô",
  ư: "­",
  ừ: "õ",
  ứ: "ø",
  ử: "ö",
  ữ: "÷",
  ự: "ù",
  ỳ: "ú",
  ý: "ý",
  ỷ: "û",
  ỹ: "ü",
  ỵ: "þ",
};
// Capitals: TCVN3 has its own for Ă Â Đ Ê Ô Ơ Ư; other capitals are the base letter plus the lower-case mark.
const TCVN3_UPPER = { Ă: "¡", Â: "¢", Đ: "§", Ê: "£", Ô: "¤", Ơ: "¥", Ư: "¦" };
function toTcvn3(text) {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    if (TCVN3_UPPER[ch]) out += TCVN3_UPPER[ch];
    else if (TCVN3_LOWER[ch]) out += TCVN3_LOWER[ch];
    else if (ch !== ch.toLowerCase() && TCVN3_LOWER[ch.toLowerCase()]) {
      const lower = ch.toLowerCase();
      const base = lower.normalize("NFD")[0];
      // A capital with a tone: the capital base (Ă, Â, Ê, Ô, Ơ, Ư keep their own capital) and the tone's mark.
      const capitalBase = { ă: "Ă", â: "Â", ê: "Ê", ô: "Ô", ơ: "Ơ", ư: "Ư" };
      const noTone = lower
        .normalize("NFD")
        .replace(/[\u0300\u0301\u0303\u0309\u0323]/g, "")
        .normalize("NFC");
      if (capitalBase[noTone]) out += TCVN3_UPPER[capitalBase[noTone]] + TCVN3_LOWER[lower].slice(-1);
      else out += base.toUpperCase() + TCVN3_LOWER[lower];
    } else out += ch;
  }
  return out;
}

// --- .xlsx writing ---
const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const col = (c) => {
  let s = "";
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};
// Style indices: 0 text, 1 bold text, 2 count, 3 bold count, 4 rate 0.00, 5 bold rate, 6 percent 0.00%, 7 bold %.
const FORMAT_STYLE = { text: 0, count: 2, rate: 4, pct: 6 };
function stylesXml(fontName) {
  const font = (b) => `<font>${b ? "<b/>" : ""}<sz val="12"/><name val="${esc(fontName)}"/></font>`;
  const xf = (fmt, bold) =>
    `<xf numFmtId="${fmt}" fontId="${bold ? 1 : 0}" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1"/>`;
  const thin = `<left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    `<fonts count="2">${font(false)}${font(true)}</fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>${thin}</border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="8">${xf(0, false)}${xf(0, true)}${xf(3, false)}${xf(3, true)}${xf(2, false)}${xf(2, true)}${xf(10, false)}${xf(10, true)}</cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
  );
}

function sheetXml({ rows, merges = [], widths = [] }) {
  const rowXml = rows
    .map((cells, i) => {
      const r = i + 1;
      const xml = cells
        .map((cell, j) => {
          if (cell === null || cell === undefined) return "";
          const c = typeof cell === "object" ? cell : { v: cell };
          const ref = `${col(j + 1)}${r}`;
          const fmt = c.fmt ?? (typeof c.v === "number" ? "count" : "text");
          const s = FORMAT_STYLE[fmt] + (c.bold ? 1 : 0);
          const f = c.f ? `<f>${esc(c.f.replace(/^=/, ""))}</f>` : "";
          if (typeof c.v === "number") return `<c r="${ref}" s="${s}">${f}<v>${c.v}</v></c>`;
          // A formula saved without its result (openpyxl): no <v>.
          if (c.v === null || c.v === undefined)
            return f ? `<c r="${ref}" s="${s}">${f}</c>` : `<c r="${ref}" s="${s}"/>`;
          return `<c r="${ref}" s="${s}" t="inlineStr"><is><t xml:space="preserve">${esc(c.v)}</t></is></c>`;
        })
        .join("");
      return `<row r="${r}">${xml}</row>`;
    })
    .join("");
  const cols = widths
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    .join("");
  const mergeXml = merges.length
    ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`
    : "";
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    (cols ? `<cols>${cols}</cols>` : "") +
    `<sheetData>${rowXml}</sheetData>${mergeXml}</worksheet>`
  );
}

/**
 * A workbook as .xlsx bytes: one sheet ({ sheet, rows, merges, widths, font }) or several ({ sheets: [...] }).
 * `rows`: arrays of cells, each null, a value, or { v, f, fmt, bold } (fmt: count, rate, pct, text); `merges`: A1.
 */
function workbookBytes(spec) {
  const sheets = spec.sheets ?? [spec];
  const font = sheets[0].font ?? "Times New Roman";
  const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`;
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const pkg = "http://schemas.openxmlformats.org/package/2006/relationships";
  const parts = {
    "[Content_Types].xml": strToU8(
      head +
        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        sheets
          .map(
            (_, i) =>
              `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join("") +
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
        `</Types>`,
    ),
    "_rels/.rels": strToU8(
      head +
        `<Relationships xmlns="${pkg}"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": strToU8(
      head +
        `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${rel}"><sheets>` +
        sheets
          .map(
            (s, i) =>
              `<sheet name="${esc(s.sheet ?? `Sheet${i + 1}`)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
          )
          .join("") +
        `</sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      head +
        `<Relationships xmlns="${pkg}">` +
        sheets
          .map(
            (_, i) =>
              `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
          )
          .join("") +
        `<Relationship Id="rId${sheets.length + 1}" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
    ),
    "xl/styles.xml": strToU8(stylesXml(font)),
  };
  sheets.forEach((s, i) => (parts[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(s))));
  return zipSync(parts, { level: 1, mtime: new Date(Date.UTC(2024, 11, 20, 8, 0, 0)) });
}

// --- communes ---
const VILLAGES = [
  "Thôn Tân Long",
  "Thôn Đông Hà",
  "Thôn Phú Ngạn",
  "Thôn Cam Lộ",
  "Thôn An Bình",
  "Thôn Bến Đò",
  "Thôn Xuân Lâm",
  "Thôn Hà Thượng",
  "Thôn Thượng Nghĩa",
  "Thôn Mỹ Hòa",
  "Thôn Quật Xá",
  "Thôn Nghĩa Hy",
];
const COMMUNES = [
  "Cam Tuyền",
  "Cam Thành",
  "Cam Hiếu",
  "Cam Chính",
  "Cam Nghĩa",
  "Cam Thủy",
  "Cam An",
  "Cam Giang",
  "Cam Hòa",
  "Cam Phúc",
  "Cam Sơn",
  "Cam Tân",
  "Cam Vĩnh",
  "Cam Lộc",
];

/** The villages of one commune: households, poor and near-poor, seeded. */
function villagesOf(seed, count) {
  const rand = rng(seed * 7919 + 17);
  return Array.from({ length: count }, (_, i) => {
    const households = 150 + Math.floor(rand() * 550);
    const poor = Math.floor(households * (0.02 + rand() * 0.1));
    const nearPoor = Math.floor(households * (0.03 + rand() * 0.08));
    return {
      name: VILLAGES[i % VILLAGES.length] + (i >= VILLAGES.length ? ` ${i}` : ""),
      households,
      poor,
      nearPoor,
    };
  });
}

function totalsOf(villages) {
  const households = sum(villages.map((v) => v.households));
  const poor = sum(villages.map((v) => v.poor));
  const nearPoor = sum(villages.map((v) => v.nearPoor));
  return {
    households,
    poor,
    nearPoor,
    poorRate: rate(poor, households),
    nearPoorRate: rate(nearPoor, households),
  };
}

/**
 * A commune's table of the survey results by village. `layout`: "two-level" (merged group headers, numbering
 * row, total at the bottom as =SUM), "flat" (one header row, another column order, "Toàn xã" first), "percent"
 * (rates as fractions under 0.00%). `defect`: "wrong-total" (poor households of the total typed 9 too many),
 * "unreadable" (the rate column is over a base the table does not hold), "tcvn3" (text in TCVN3, .VnTime).
 */
function communeSheet({
  name,
  kind = "Xã",
  year = 2024,
  villages,
  layout = "two-level",
  defect,
  sheet = "Biểu 01",
}) {
  const t = totalsOf(villages);
  const unit = `${kind} ${name}`;
  const upper = (s) => s.toLocaleUpperCase("vi");
  let rows;
  let merges = [];
  const poorRates = villages.map((v) => rate(v.poor, v.households));
  if (defect === "unreadable") {
    // Rates over persons (about four per household), a column the table does not have.
    villages.forEach((v, i) => (poorRates[i] = rate(v.poor * 4, v.households * 4 + 37 + i * 11)));
  }
  const totalPoor = t.poor + (defect === "wrong-total" ? 9 : 0);
  if (layout === "flat") {
    rows = [
      [`BẢNG TỔNG HỢP HỘ NGHÈO, HỘ CẬN NGHÈO ${upper(unit)} NĂM ${year}`],
      [],
      [
        "STT",
        "Thôn",
        "Số hộ nghèo",
        "Số hộ cận nghèo",
        "Tổng số hộ dân cư",
        "Tỷ lệ hộ nghèo (%)",
        "Tỷ lệ hộ cận nghèo (%)",
        "Ghi chú",
      ],
      [
        { v: "", bold: true },
        { v: "Toàn xã", bold: true },
        { v: totalPoor, bold: true },
        { v: t.nearPoor, bold: true },
        { v: t.households, bold: true },
        { v: t.poorRate, fmt: "rate", bold: true },
        { v: t.nearPoorRate, fmt: "rate", bold: true },
        null,
      ],
      ...villages.map((v, i) => [
        i + 1,
        v.name,
        v.poor,
        v.nearPoor,
        v.households,
        { v: poorRates[i], fmt: "rate" },
        { v: rate(v.nearPoor, v.households), fmt: "rate" },
        null,
      ]),
    ];
  } else {
    const pct = layout === "percent";
    const rateCell = (x, bold) =>
      pct ? { v: Math.round(x * 100) / 10000, fmt: "pct", bold } : { v: x, fmt: "rate", bold };
    const first = 6;
    const last = first + villages.length - 1;
    rows = [
      [`ỦY BAN NHÂN DÂN ${upper(unit)}`],
      [`KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO NĂM ${year}`],
      [],
      ["STT", "Tên thôn", "Tổng số hộ", "Hộ nghèo", null, "Hộ cận nghèo", null],
      [null, null, null, "Số hộ", "Tỷ lệ (%)", "Số hộ", "Tỷ lệ (%)"],
      ...villages.map((v, i) => [
        i + 1,
        v.name,
        v.households,
        v.poor,
        rateCell(poorRates[i]),
        v.nearPoor,
        rateCell(rate(v.nearPoor, v.households)),
      ]),
      [
        { v: "", bold: true },
        { v: "Tổng cộng", bold: true },
        { v: t.households, f: `SUM(C${first}:C${last})`, bold: true },
        defect === "wrong-total"
          ? { v: totalPoor, bold: true }
          : { v: t.poor, f: `SUM(D${first}:D${last})`, bold: true },
        rateCell(t.poorRate, true),
        { v: t.nearPoor, f: `SUM(F${first}:F${last})`, bold: true },
        rateCell(t.nearPoorRate, true),
      ],
    ];
    merges = ["A1:G1", "A2:G2", "A4:A5", "B4:B5", "C4:C5", "D4:E4", "F4:G4"];
    if (layout === "two-level") {
      // The numbering row that states the rates, as the national forms do (plain numbers where the rates are over
      // something else: the table does not say what).
      const stated =
        defect === "unreadable"
          ? ["A", "B", "1", "2", "3", "4", "5"]
          : ["A", "B", "1", "2", "3=2/1*100", "4", "5=4/1*100"];
      rows.splice(5, 0, stated);
      const shift = (r) =>
        r.map((c) =>
          c && typeof c === "object" && c.f
            ? {
                ...c,
                f: c.f.replace(/(\d+):([A-Z])(\d+)/, (_, a, l, b) => `${Number(a) + 1}:${l}${Number(b) + 1}`),
              }
            : c,
        );
      rows[rows.length - 1] = shift(rows[rows.length - 1]);
    }
  }
  let font = "Times New Roman";
  if (defect === "tcvn3") {
    font = ".VnTime";
    rows = rows.map((r) =>
      r.map((c) =>
        typeof c === "string"
          ? toTcvn3(c)
          : c && typeof c === "object" && typeof c.v === "string"
            ? { ...c, v: toTcvn3(c.v) }
            : c,
      ),
    );
  }
  return { sheet, rows, merges, widths: [6, 24, 12, 12, 12, 12, 12, 12], font };
}

/** A commune's workbook (communeSheet's options). */
function communeWorkbook(spec) {
  return workbookBytes(communeSheet(spec));
}

/** An old binary .xls (its OLE signature): what a district often receives among the .xlsx. */
function xlsBytes() {
  const b = new Uint8Array(4096);
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return b;
}

function fileNameOf(kind, name) {
  const ascii = `${kind} ${name}`
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, "-");
  return `${ascii}.xlsx`;
}

/**
 * A district of `count` communes (10-14): varied layouts; with `defects` (the default) Cam Hiếu has a wrong total,
 * Cam Chính a table the engine cannot read, Cam Nghĩa is typed in TCVN3. Returns the files and what each holds.
 */
function district({ count = 14, defects = true, year = 2024 } = {}) {
  const layouts = ["two-level", "flat", "percent"];
  return COMMUNES.slice(0, count).map((name, i) => {
    const villages = villagesOf(i + 1, 4 + (i % 6));
    const defect = !defects
      ? undefined
      : name === "Cam Hiếu"
        ? "wrong-total"
        : name === "Cam Chính"
          ? "unreadable"
          : name === "Cam Nghĩa"
            ? "tcvn3"
            : undefined;
    const kind = name === "Cam Lộc" ? "Thị trấn" : "Xã";
    const layout = layouts[i % 3];
    return {
      name,
      unit: `${kind} ${name}`,
      file: fileNameOf(kind, name),
      layout,
      defect,
      totals: totalsOf(villages),
      bytes: communeWorkbook({ name, kind, year, villages, layout, defect }),
    };
  });
}

/** `count` communes for the bench (clean, the three layouts), named Xã Số 1 … */
function manyCommunes(count, year = 2024) {
  const layouts = ["two-level", "flat", "percent"];
  return Array.from({ length: count }, (_, i) => {
    const villages = villagesOf(i + 101, 4 + (i % 8));
    const name = `Số ${i + 1}`;
    return {
      name,
      file: `xa-so-${i + 1}.xlsx`,
      totals: totalsOf(villages),
      bytes: communeWorkbook({ name, year, villages, layout: layouts[i % 3] }),
    };
  });
}

/**
 * The district's own table by commune, built from the communes' totals, with `mistakes` typed into it
 * ({ commune, field: "households" | "poor" | "nearPoor", value }): its totals and rates agree with what it typed,
 * so only the cross-level check can find them.
 */
function districtWorkbook(communes, { mistakes = [], year = 2024, name = "Cam Lộ" } = {}) {
  const data = communes.map((c) => {
    const v = { unit: c.unit, ...c.totals };
    for (const m of mistakes) if (m.commune === c.name) v[m.field] = m.value;
    return v;
  });
  const first = 7;
  const last = first + data.length - 1;
  const total = totalsOf(data.map((d) => ({ households: d.households, poor: d.poor, nearPoor: d.nearPoor })));
  const rows = [
    [`ỦY BAN NHÂN DÂN HUYỆN ${name.toLocaleUpperCase("vi")}`],
    [`TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO NĂM ${year}`],
    [],
    ["STT", "Xã, thị trấn", "Tổng số hộ", "Hộ nghèo", null, "Hộ cận nghèo", null],
    [null, null, null, "Số hộ", "Tỷ lệ (%)", "Số hộ", "Tỷ lệ (%)"],
    ["A", "B", "1", "2", "3", "4", "5"],
    ...data.map((d, i) => [
      i + 1,
      d.unit,
      d.households,
      d.poor,
      { v: rate(d.poor, d.households), fmt: "rate" },
      d.nearPoor,
      { v: rate(d.nearPoor, d.households), fmt: "rate" },
    ]),
    [
      null,
      { v: "Toàn huyện", bold: true },
      { v: total.households, f: `SUM(C${first}:C${last})`, bold: true },
      { v: total.poor, f: `SUM(D${first}:D${last})`, bold: true },
      { v: total.poorRate, fmt: "rate", bold: true },
      { v: total.nearPoor, f: `SUM(F${first}:F${last})`, bold: true },
      { v: total.nearPoorRate, fmt: "rate", bold: true },
    ],
  ];
  return workbookBytes({
    sheet: "Tổng hợp",
    rows,
    merges: ["A1:G1", "A2:G2", "A4:A5", "B4:B5", "C4:C5", "D4:E4", "F4:G4"],
    widths: [6, 24, 12, 12, 12, 12, 12],
  });
}

// --- last year and this year of one commune (by village) ---
/**
 * Cam Tuyền's 2023 results with the 2024 targets, and its 2024 results. Planted in 2024: Thôn Phú Ngạn starts
 * with 3 more poor households than 2023 ended with; the near-poor rate column is 2023's copied (the counts
 * moved); Thôn An Bình missed its target (planned 6, reduced 4) but is typed "Đạt"; Thôn Xuân Lâm's households
 * grew by more than 15 %. Thôn Tân Long is typed "Tân Long" (the same unit), Thôn Đông Hà became "Thôn Đông Hòa"
 * (renamed-looking), Thôn Hà Thượng is new and Thôn Bến Đò is gone.
 */
function yearPair({ planted = true } = {}) {
  const base = [
    { name: "Thôn Tân Long", households: 412, start: 41, end: 34, nearPoor: 30, plan: 5 },
    { name: "Thôn Đông Hà", households: 288, start: 25, end: 21, nearPoor: 22, plan: 4 },
    { name: "Thôn Phú Ngạn", households: 530, start: 52, end: 45, nearPoor: 41, plan: 6 },
    { name: "Thôn An Bình", households: 355, start: 38, end: 31, nearPoor: 27, plan: 6 },
    { name: "Thôn Xuân Lâm", households: 320, start: 29, end: 24, nearPoor: 19, plan: 4 },
    { name: "Thôn Bến Đò", households: 197, start: 16, end: 14, nearPoor: 12, plan: 2 },
  ];
  const lastRows = base.map((v, i) => [
    i + 1,
    v.name,
    v.households,
    v.start,
    { v: rate(v.start, v.households), fmt: "rate" },
    v.end,
    { v: rate(v.end, v.households), fmt: "rate" },
    v.nearPoor,
    { v: rate(v.nearPoor, v.households), fmt: "rate" },
    v.plan,
  ]);
  const sumCol = (k) => sum(base.map((v) => v[k]));
  const H = sumCol("households");
  const lastFirst = 7;
  const lastLast = lastFirst + base.length - 1;
  const header1 = (y) => [
    "STT",
    "Thôn",
    "Tổng số hộ",
    `Hộ nghèo đầu năm ${y}`,
    null,
    `Hộ nghèo cuối năm ${y}`,
    null,
    `Hộ cận nghèo cuối năm ${y}`,
    null,
  ];
  const header2 = [null, null, null, "Số hộ", "Tỷ lệ (%)", "Số hộ", "Tỷ lệ (%)", "Số hộ", "Tỷ lệ (%)"];
  const last = workbookBytes({
    sheet: "Năm 2023",
    rows: [
      ["ỦY BAN NHÂN DÂN XÃ CAM TUYỀN"],
      ["KẾT QUẢ GIẢM NGHÈO NĂM 2023 VÀ CHỈ TIÊU NĂM 2024"],
      [],
      [...header1(2023), "Chỉ tiêu giảm hộ nghèo năm 2024"],
      [...header2, null],
      ["A", "B", "1", "2", "3", "4", "5", "6", "7", "8"],
      ...lastRows,
      [
        null,
        { v: "Tổng cộng", bold: true },
        { v: H, f: `SUM(C${lastFirst}:C${lastLast})`, bold: true },
        { v: sumCol("start"), f: `SUM(D${lastFirst}:D${lastLast})`, bold: true },
        { v: rate(sumCol("start"), H), fmt: "rate", bold: true },
        { v: sumCol("end"), f: `SUM(F${lastFirst}:F${lastLast})`, bold: true },
        { v: rate(sumCol("end"), H), fmt: "rate", bold: true },
        { v: sumCol("nearPoor"), f: `SUM(H${lastFirst}:H${lastLast})`, bold: true },
        { v: rate(sumCol("nearPoor"), H), fmt: "rate", bold: true },
        { v: sumCol("plan"), f: `SUM(J${lastFirst}:J${lastLast})`, bold: true },
      ],
    ],
    merges: ["A1:J1", "A2:J2", "A4:A5", "B4:B5", "C4:C5", "D4:E4", "F4:G4", "H4:I4", "J4:J5"],
    widths: [6, 22, 10, 10, 10, 10, 10, 10, 10, 14],
  });

  // 2024: the same villages (one renamed, one gone, one new), start = 2023's end except where planted.
  const cur = [
    { name: "Tân Long", from: 0, households: 418, end: 29, nearPoor: 31 },
    { name: "Thôn Đông Hòa", from: 1, households: 291, end: 17, nearPoor: 20 },
    { name: "Thôn Phú Ngạn", from: 2, households: 536, end: 39, nearPoor: 44, startShift: planted ? 3 : 0 },
    { name: "Thôn An Bình", from: 3, households: 360, end: planted ? 27 : 25, nearPoor: 25 },
    { name: "Thôn Xuân Lâm", from: 4, households: planted ? 410 : 330, end: 20, nearPoor: 21 },
    { name: "Thôn Hà Thượng", from: -1, households: 240, start: 22, end: 19, nearPoor: 15 },
  ].map((v) => {
    const start = v.from >= 0 ? base[v.from].end + (v.startShift ?? 0) : v.start;
    // The start households of 2024: the start rate is over this year's households.
    return { ...v, start, plan: v.from >= 0 ? base[v.from].plan : undefined };
  });
  const verdict = (v) => {
    if (v.plan === undefined) return null;
    const met = v.start - v.end >= v.plan;
    // Planted: An Bình reduced 4 against a target of 6 and is typed "Đạt".
    if (planted && v.name === "Thôn An Bình") return "Đạt";
    return met ? "Đạt" : "Không đạt";
  };
  const staleNear = (v) =>
    planted && v.from >= 0
      ? rate(base[v.from].nearPoor, base[v.from].households)
      : rate(v.nearPoor, v.households);
  const curFirst = 7;
  const curLast = curFirst + cur.length - 1;
  const H2 = sum(cur.map((v) => v.households));
  const S2 = sum(cur.map((v) => v.start));
  const E2 = sum(cur.map((v) => v.end));
  const N2 = sum(cur.map((v) => v.nearPoor));
  const current = workbookBytes({
    sheet: "Năm 2024",
    rows: [
      ["ỦY BAN NHÂN DÂN XÃ CAM TUYỀN"],
      ["KẾT QUẢ GIẢM NGHÈO NĂM 2024"],
      [],
      [...header1(2024), "Số hộ nghèo giảm", "Đánh giá"],
      [...header2, null, null],
      ["A", "B", "1", "2", "3", "4", "5", "6", "7", "8=2-4", "9"],
      ...cur.map((v, i) => [
        i + 1,
        v.name,
        v.households,
        v.start,
        { v: rate(v.start, v.households), fmt: "rate" },
        v.end,
        { v: rate(v.end, v.households), fmt: "rate" },
        v.nearPoor,
        { v: staleNear(v), fmt: "rate" },
        v.start - v.end,
        verdict(v),
      ]),
      [
        null,
        { v: "Tổng cộng", bold: true },
        { v: H2, f: `SUM(C${curFirst}:C${curLast})`, bold: true },
        { v: S2, f: `SUM(D${curFirst}:D${curLast})`, bold: true },
        { v: rate(S2, H2), fmt: "rate", bold: true },
        { v: E2, f: `SUM(F${curFirst}:F${curLast})`, bold: true },
        { v: rate(E2, H2), fmt: "rate", bold: true },
        { v: N2, f: `SUM(H${curFirst}:H${curLast})`, bold: true },
        { v: rate(N2, H2), fmt: "rate", bold: true },
        { v: S2 - E2, f: `SUM(J${curFirst}:J${curLast})`, bold: true },
        null,
      ],
    ],
    merges: ["A1:K1", "A2:K2", "A4:A5", "B4:B5", "C4:C5", "D4:E4", "F4:G4", "H4:I4", "J4:J5", "K4:K5"],
    widths: [6, 22, 10, 10, 10, 10, 10, 10, 10, 12, 12],
  });
  return { last, current, base, cur };
}

module.exports = {
  rate,
  toTcvn3,
  workbookBytes,
  communeSheet,
  communeWorkbook,
  district,
  manyCommunes,
  districtWorkbook,
  xlsBytes,
  yearPair,
  COMMUNES,
};
