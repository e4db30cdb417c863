// The seeds as Word documents through the engine: table findings pass through located in the document's words,
// and the sentences with figures are checked against themselves and the tables (defective and clean twins).
import { readDocx } from "../../src/hosts/docx/read";
import { analyzeDocx, locateInDocument, type DocxAnalysis } from "../../src/hosts/docx/analyze";
import { claimsOf, describeTable, tableFacts, type ProseFinding } from "../../src/engine/prose";
import { describeText } from "../../src/i18n/prose";
import * as path from "path";
import { analyzeGrid } from "../../src/engine";
import { readPackageFile } from "../../src/hosts/xlsx/file";
import { readGrids } from "../../src/hosts/xlsx/sheet";
import { SAMPLES } from "../cli/helpers";
import { checkProse } from "../../src/engine/prose/check";
import { describeProseFinding } from "../../src/i18n/prose";
import { SEED_FILES, documentXml, makeDocx, seedBlocks, seedText } from "./seeds";

function analyze(text: string, name = "ke-hoach.docx"): DocxAnalysis {
  return analyzeDocx(readDocx(makeDocx(documentXml(seedBlocks(text))), name));
}

/** Every table finding as "where rule". */
function located(a: DocxAnalysis): { where: string; rule: string; cell: string; expected: number | null }[] {
  const out: { where: string; rule: string; cell: string; expected: number | null }[] = [];
  for (const { table, analyses } of a.tables)
    for (const an of analyses)
      for (const f of an.report.findings) {
        const loc = locateInDocument(table, an.report, f.cell);
        out.push({
          where: `Bảng ${loc.table}, dòng ${loc.row}, cột '${loc.column}'`,
          rule: f.rule,
          cell: `${table.grid.sheet}!${f.cell}`,
          expected: f.expected,
        });
      }
  return out;
}

const sentenceOf = (f: ProseFinding) => f.sentence;

describe("tables of a Word plan", () => {
  test("Mỹ Hào: the defects the engine finds come out located by table, row and column", () => {
    const a = analyze(seedText(SEED_FILES.myHao));
    const found = located(a);
    // Rows counted by hand in the seed: two header rows, the numbering row, then I, 1 Bạch Sam, 2 Dị Sử ...
    expect(found).toContainEqual({
      where: "Bảng 1, dòng 6, cột 'Tỷ lệ hộ nghèo (%)'",
      rule: "malformed-number",
      cell: "Bảng 1!E6",
      expected: null,
    });
    // Truncated rates: 17/1985 = 0,856 → 0,86; 41/2778 = 1,476 → 1,48; 29/2019 = 1,436 → 1,44; 22/1622 = 1,356 → 1,36.
    for (const [row, expected] of [
      [10, 0.86],
      [14, 1.48],
      [17, 1.44],
      [18, 1.36],
    ] as const)
      expect(found).toContainEqual({
        where: `Bảng 1, dòng ${row}, cột 'Tỷ lệ hộ nghèo (%)'`,
        rule: "rate-rounding",
        cell: `Bảng 1!E${row}`,
        expected,
      });
    // Dị Sử 2021: the 2020 total 3.992 where the groups add up to 3.975 (794+506+284+426+447+313+228+274+703).
    expect(found).toContainEqual({
      where: "Bảng 2, dòng 13, cột 'Tỷ lệ hộ nghèo năm 2020 > Tổng số hộ dân cư'",
      rule: "sum-mismatch",
      cell: "Bảng 2!C13",
      expected: 3975,
    });
    // Phan Bôi 6/794 = 0,7557 shown 0,75; Tháp 6/705 = 0,851 shown 0,95.
    expect(found).toContainEqual({
      where: "Bảng 2, dòng 4, cột 'Tỷ lệ hộ nghèo năm 2020 > Tỷ lệ hộ nghèo (%)'",
      rule: "rate-rounding",
      cell: "Bảng 2!E4",
      expected: 0.76,
    });
    expect(found).toContainEqual({
      where: "Bảng 2, dòng 12, cột 'Dự kiến tỷ lệ hộ nghèo năm 2021 > Tỷ lệ hộ nghèo (%)'",
      rule: "rate-mismatch",
      cell: "Bảng 2!H12",
      expected: 0.85,
    });
    // A Word table holds text: "number stored as text" says nothing there.
    expect(found.filter((f) => f.rule === "number-as-text")).toEqual([]);
  });

  test("Cẩm Long: 1.518 typed in Word is 1518 households (no finding); Tân Long's 7,52 is truncated", () => {
    const a = analyze(seedText(SEED_FILES.camLong));
    const found = located(a);
    expect(found.filter((f) => /!(C|F)10$/.test(f.cell))).toEqual([]);
    expect(found).toContainEqual({
      where: "Bảng 1, dòng 5, cột 'Số đầu kỳ > tỷ lệ (%)'",
      rule: "rate-rounding",
      cell: "Bảng 1!E5",
      expected: 7.53, // 14/186 = 7,527
    });
    // The staff lists are tables without figures: no finding on them.
    expect(found.filter((f) => !f.cell.startsWith("Bảng 1!"))).toEqual([]);
  });
});

describe("sentences with figures", () => {
  test("Cẩm Long: 10.73 % for 163 of the table's 1.518 households is flagged, twice; the sentences that agree stay silent", () => {
    const a = analyze(seedText(SEED_FILES.camLong));
    expect(a.prose.map(sentenceOf)).toEqual([
      "- Phấn đấu cuối năm 2023 tỷ lệ hộ nghèo toàn xã xuống còn 10.73% tương đương còn 163 hộ .",
      "Phấn đấu giảm tỷ lệ hộ nghèo năm 2023 đạt 10.73% trở xuống",
    ]);
    for (const f of a.prose) {
      // 163/1518 = 10,7378 %: 10,74 rounded, 10,73 only when cut.
      expect(f).toMatchObject({
        rule: "prose-rate-truncated",
        severity: "warning",
        stated: 10.73,
        expected: 10.74,
        source: { kind: "table", table: 1, row: 10, label: "Tổng", column: "Tổng HTN" },
      });
      expect(f.params).toMatchObject({ count: 163, households: 1518 });
    }
    expect(describeProseFinding(a.prose[0])).toBe(
      "câu ghi 10.73%: 163/1.518 hộ (Bảng 1, dòng 10 \"Tổng\", cột 'Tổng HTN') là 10,7378%, làm tròn là 10,74% (số trong câu bị cắt bớt chứ không làm tròn)",
    );
    // The second sentence names no count: the 163 is the table's start less its reduction.
    expect(a.prose[1].params).toMatchObject({ start: 208, reduction: 45 });
  });

  test("Cẩm Long's clean twin (10,74 %) is silent", () => {
    const a = analyze(seedText(SEED_FILES.camLong).replace(/10\.73/g, "10.74"));
    expect(a.prose).toEqual([]);
  });

  test("a Cẩm Long sentence wrong beyond truncation is an error: 208 households are 13,70 %, not 13,07 %", () => {
    const a = analyze(seedText(SEED_FILES.camLong).replace("là 13.70%", "là 13.07%"));
    const f = a.prose.find((x) => x.stated === 13.07);
    expect(f).toMatchObject({ rule: "prose-rate", severity: "error", expected: 13.7 }); // 208/1518 = 13,702
  });

  test("Cẩm Long: 'giảm Z hộ' and 'giảm Y%' against the table's start and its plan (208 − 45 = 163; 13,70 − 10,74)", () => {
    const text = seedText(SEED_FILES.camLong);
    const add = (sentence: string) =>
      text.replace("IV CÁC CHỈ TIÊU CỤ THỂ", `${sentence}\n\nIV CÁC CHỈ TIÊU CỤ THỂ`);
    const extra = (a: DocxAnalysis) => a.prose.filter((f) => f.sentence.startsWith("Năm 2023 toàn xã"));
    expect(extra(analyze(add("Năm 2023 toàn xã phấn đấu giảm 45 hộ nghèo.")))).toEqual([]);
    expect(extra(analyze(add("Năm 2023 toàn xã phấn đấu giảm 2,96% hộ nghèo.")))).toEqual([]);
    expect(extra(analyze(add("Năm 2023 toàn xã phấn đấu giảm 40 hộ nghèo.")))).toMatchObject([
      {
        rule: "prose-change",
        severity: "error",
        stated: 40,
        expected: 45,
        source: { kind: "table", table: 1, row: 10 },
        params: { from: 208, to: 163 },
      },
    ]);
    expect(extra(analyze(add("Năm 2023 toàn xã phấn đấu giảm 3,5% hộ nghèo.")))).toMatchObject([
      { rule: "prose-change", stated: 3.5, expected: 2.96 },
    ]);
  });

  test("Đồng Vương: 77/1.329 = 5,79 % and 134/1.329 = 10,08 % agree; the twin with 5,97 % does not", () => {
    expect(analyze(seedText(SEED_FILES.dongVuong)).prose).toEqual([]);
    const twin = analyze(seedText(SEED_FILES.dongVuong).replace("= 5,79 %", "= 5,97 %"));
    expect(twin.prose).toHaveLength(1);
    expect(twin.prose[0]).toMatchObject({
      rule: "prose-rate",
      severity: "error",
      stated: 5.97,
      expected: 5.79, // 77/1329 = 5,7938
      source: { kind: "sentence" },
    });
    expect(describeProseFinding(twin.prose[0])).toBe("câu ghi 5,97% nhưng 77/1.329 hộ là 5,79%");
  });

  test("Thạch Hà: poor and near-poor of 2019 share one household total; a near-poor rate that cannot is flagged", () => {
    expect(analyze(seedText(SEED_FILES.thachHa)).prose).toEqual([]);
    const twin = analyze(seedText(SEED_FILES.thachHa).replace("chiếm tỷ lệ 5,20%", "chiếm tỷ lệ 6,20%"));
    expect(twin.prose).toHaveLength(1);
    // 1.597 at 4,10 % allows 159700/4,105 … 159700/4,095 = 38.904 … 38.998 households;
    // 2.027 at 6,20 % allows 202700/6,205 … 202700/6,195 = 32.668 … 32.719.
    expect(twin.prose[0]).toMatchObject({
      rule: "prose-bases-disagree",
      certainty: "suggested",
      params: { lo: 38904, hi: 38998, ownLo: 32668, ownHi: 32719 },
    });
  });

  test("the ward's resolution (one rate per year) and Mỹ Hào's plan", () => {
    expect(analyze(seedText(SEED_FILES.ward)).prose).toEqual([]);
    const myHao = analyze(seedText(SEED_FILES.myHao)).prose;
    // "giảm xuống còn 0.31%" for Dị Sứ in 2024; the appendix's Dị Sử row: 14/3825 = 0,366 → 0,37. Matched by name.
    expect(myHao).toHaveLength(1);
    expect(myHao[0]).toMatchObject({
      rule: "prose-end-rate",
      severity: "warning",
      certainty: "suggested",
      stated: 0.31,
      expected: 0.37,
      source: { table: 1, row: 6, label: "Phường Dị Sử" },
    });
  });
});

describe("đạt / vượt chỉ tiêu against a report's table", () => {
  // A commune's year-end report typed by hand: 31/412 = 7,52 %, 24/412 = 5,83 %, 22/288 = 7,64 %, 18/288 = 6,25 %,
  // 53/700 = 7,57 %, 42/700 = 6,00 %; reductions 7 and 4 (11) against targets 6 and 5 (11).
  const report = (sentence: string) =>
    [
      "BÁO CÁO",
      "Kết quả thực hiện giảm nghèo năm 2023 xã An Hòa",
      sentence,
      "KẾT QUẢ GIẢM NGHÈO NĂM 2023",
      "STT\tTên thôn\tTổng số hộ\tHộ nghèo đầu năm\t\tHộ nghèo cuối năm\t\tSố hộ nghèo giảm\tChỉ tiêu giảm hộ nghèo được giao",
      "\t\t\tSố hộ\tTỷ lệ (%)\tSố hộ\tTỷ lệ (%)\t\t",
      "1\tThôn An\t412\t31\t7,52\t24\t5,83\t7\t6",
      "2\tThôn Bình\t288\t22\t7,64\t18\t6,25\t4\t5",
      "\tTổng cộng\t700\t53\t7,57\t42\t6,00\t11\t11",
    ].join("\n\n");

  test("the clean table reads clean, and the sentences that agree with it are silent", () => {
    const a = analyze(report("Năm 2023 toàn xã đã hoàn thành chỉ tiêu giảm nghèo được giao."));
    expect(located(a)).toEqual([]);
    expect(a.prose).toEqual([]);
    expect(analyze(report("Năm 2023 thôn Bình không đạt chỉ tiêu giảm nghèo.")).prose).toEqual([]);
  });

  test("'vượt' where the result only equals the target; 'không đạt' where a village met it", () => {
    expect(analyze(report("Năm 2023 toàn xã đã vượt chỉ tiêu giảm nghèo được giao.")).prose).toMatchObject([
      {
        rule: "prose-target",
        severity: "error",
        figure: "vượt",
        stated: 11,
        expected: 11,
        source: { kind: "table", table: 1, label: "Tổng cộng", column: "Chỉ tiêu giảm hộ nghèo được giao" },
      },
    ]);
    expect(analyze(report("Năm 2023 thôn An không đạt chỉ tiêu giảm nghèo.")).prose).toMatchObject([
      { rule: "prose-target", certainty: "suggested", stated: 7, expected: 6, source: { label: "Thôn An" } },
    ]);
  });
});

describe("text written from a table", () => {
  test("describe's sentences agree with the table they come from; a figure changed in them is flagged", () => {
    const a = analyze(seedText(SEED_FILES.camLong));
    const { table, analyses } = a.tables[0];
    const text = describeText(
      describeTable(tableFacts(table.grid, analyses[0], table.title), { units: true }),
    );
    const check = (t: string) =>
      checkProse(
        {
          blocks: [
            ...t.split("\n").map((line, i) => ({ kind: "paragraph" as const, index: i + 1, text: line })),
            table,
          ],
        },
        a.tables,
      );
    expect(text.split("\n")[0]).toBe(
      "Đầu năm 2023, toàn xã có 1.518 hộ, trong đó có 208 hộ nghèo, chiếm tỷ lệ 13,70%.",
    );
    expect(check(text)).toEqual([]);
    // 208 of the 1.518 households the sentence itself states is 13,70 %, not 13,07 %.
    expect(check(text.replace("chiếm tỷ lệ 13,70%", "chiếm tỷ lệ 13,07%"))).toMatchObject([
      { rule: "prose-rate", stated: 13.07, expected: 13.7, source: { kind: "sentence" } },
    ]);
    // "xuống còn 10,74%" against the table's plan: (208 − 45)/1518 = 10,738 → 10,74.
    expect(check(text.replace("xuống còn 10,74%", "xuống còn 10,47%"))).toMatchObject([
      { rule: "prose-end-rate", stated: 10.47, expected: 10.74 },
    ]);
  });

  test("the same round trip over the sample plan workbook (groups, near-poor, a corrected 1.518)", async () => {
    const pkg = await readPackageFile(path.join(SAMPLES, "ke-hoach-giam-ngheo-2024.xlsx"));
    const grid = readGrids(pkg)[0];
    const analyses = analyzeGrid(grid);
    const table = { kind: "table" as const, index: 1, title: analyses[0].table.title, grid };
    const text = describeText(describeTable(tableFacts(grid, analyses[0], table.title), { units: true }));
    expect(text.split("\n").length).toBe(14); // situation, 2 groups, target, 10 units
    const blocks = text
      .split("\n")
      .map((line, i) => ({ kind: "paragraph" as const, index: i + 1, text: line }));
    expect(checkProse({ blocks: [...blocks, table] }, [{ table, analyses }])).toEqual([]);
  });

  test("a list after 'trong đó' shares its households: 134 of 1.329 near-poor is 10,08 %, not 11,08 %", () => {
    const check = (t: string) => checkProse({ blocks: [{ kind: "paragraph", index: 1, text: t }] }, []);
    const sentence =
      "Toàn xã có 1.329 hộ, trong đó có 77 hộ nghèo, chiếm tỷ lệ 5,79%; 134 hộ cận nghèo, chiếm tỷ lệ 10,08%.";
    expect(check(sentence)).toEqual([]);
    expect(check(sentence.replace("10,08%", "11,08%"))).toMatchObject([
      { rule: "prose-rate", stated: 11.08, expected: 10.08, params: { count: 134, households: 1329 } },
    ]);
  });
});

describe("claims within one sentence", () => {
  const check = (sentence: string) =>
    checkProse({ blocks: [{ kind: "paragraph", index: 1, text: sentence }] }, []);

  test("từ A xuống B, giảm C: households exactly, rates within one unit of the last decimal", () => {
    expect(check("Số hộ nghèo giảm từ 208 hộ xuống còn 163 hộ, giảm 45 hộ.")).toEqual([]);
    expect(check("Số hộ nghèo giảm từ 208 hộ xuống còn 163 hộ, giảm 40 hộ.")).toMatchObject([
      { rule: "prose-change", stated: 40, expected: 45 },
    ]);
    expect(check("Tỷ lệ hộ nghèo từ 13,70% xuống còn 10,74%, giảm 2,96%.")).toEqual([]);
    expect(check("Tỷ lệ hộ nghèo từ 13,70% xuống còn 10,74%, giảm 3,5%.")).toMatchObject([
      { rule: "prose-change", stated: 3.5, expected: 2.96 },
    ]);
  });

  test("đạt / vượt / không đạt chỉ tiêu against the figures of the sentence", () => {
    expect(check("Năm 2023 giảm được 52 hộ nghèo, vượt chỉ tiêu giao 45 hộ.")).toEqual([]);
    expect(check("Năm 2023 giảm được 40 hộ nghèo, vượt chỉ tiêu giao 45 hộ.")).toMatchObject([
      { rule: "prose-target", stated: 40, expected: 45, params: { verdict: "exceeded" } },
    ]);
    expect(check("Năm 2023 giảm được 45 hộ nghèo, đạt chỉ tiêu giao 45 hộ.")).toEqual([]);
    const missed = check("Năm 2023 giảm được 50 hộ nghèo, không đạt chỉ tiêu giao 45 hộ.");
    expect(missed).toMatchObject([
      { rule: "prose-target", figure: "không đạt", params: { verdict: "missed" } },
    ]);
    expect(describeProseFinding(missed[0])).toBe(
      'câu nói "không đạt" chỉ tiêu nhưng kết quả là 50 hộ so với chỉ tiêu 45 hộ',
    );
  });

  test("X/Y with X above Y, and figures that are not claims", () => {
    expect(check("Tổng số hộ nghèo 1.400/1.329 hộ = 5,79 %.")).toMatchObject([
      { rule: "prose-part-exceeds" },
    ]);
    // Persons, money and shares of services are no rates of households.
    expect(claimsOf("Số hộ nghèo là 251 hộ 963 khẩu; thu nhập đạt 1.715.000đ/người/tháng.")).toEqual([]);
    expect(claimsOf("Phấn đấu 90 % hộ nghèo có nhà kiên cố, 100% hộ nghèo được tiếp cận thông tin.")).toEqual(
      [],
    );
  });
});
