// The .docx reader: the seeds turned into Word documents come back as the tables and paragraphs they were made
// from (cells as typed, merges from gridSpan/vMerge, the title above each table), Word's own oddities are read, and
// every bad file is one Vietnamese sentence naming it.
import { strToU8, zipSync } from "fflate";
import { readDocx } from "../../src/hosts/docx/read";
import { DocxReadError } from "../../src/hosts/docx/errors";
import { cellText, rangeA1, type Grid } from "../../src/engine/grid";
import { readNumber } from "../../src/engine/numbers";
import { makeXlsx } from "../xlsx/make";
import { SEED_FILES, documentXml, makeDocx, seedBlocks, seedDocx, seedText } from "./seeds";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const body = (inner: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${inner}</w:body></w:document>`;
const p = (text: string, bold = false) =>
  `<w:p><w:r>${bold ? "<w:rPr><w:b/></w:rPr>" : ""}<w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (inner: string, pr = "") => `<w:tc><w:tcPr>${pr}</w:tcPr>${inner}</w:tc>`;

function rowTexts(grid: Grid, row: number, width: number): string[] {
  const r = grid.cells[row - 1] ?? [];
  return Array.from({ length: width }, (_, i) => cellText(r[i]));
}

describe("the seeds as Word documents", () => {
  test("Cẩm Long: the appendix table with its three header rows, merges and body as typed", () => {
    const doc = readDocx(seedDocx(SEED_FILES.camLong), "cam-long.docx");
    expect(doc.tables.length).toBe(3); // the appendix and the two staff lists
    const t = doc.tables[0];
    expect(t.index).toBe(1);
    expect(t.grid.sheet).toBe("Bảng 1");
    expect(t.title).toBe("TỶ LỆ HỘ NGHÈO CUỐI NĂM 2022 VÀ DỰ KIẾN KẾ HOẠCH GIẢM NGHÈO NĂM 2023");
    // Read off the seed by hand: a merged cell keeps its text in its top-left cell only.
    expect(rowTexts(t.grid, 1, 10)).toEqual([
      "TT",
      "Đơn vị",
      "Số đầu kỳ",
      "",
      "",
      "Dự kiến 2023",
      "",
      "",
      "Số hộ nghèo giảm 2023 (hộ)",
      "tỷ lệ giảm 2023 (%)",
    ]);
    expect(rowTexts(t.grid, 2, 10)).toEqual([
      "",
      "",
      "Tổng HTN",
      "Nghèo",
      "",
      "Tổng HTN",
      "Nghèo",
      "",
      "",
      "",
    ]);
    expect(rowTexts(t.grid, 3, 10)).toEqual([
      "",
      "",
      "",
      "Số hộ",
      "tỷ lệ (%)",
      "",
      "Số hộ",
      "tỷ lệ (%)",
      "",
      "",
    ]);
    expect(rowTexts(t.grid, 5, 10)).toEqual([
      "2",
      "Thôn Tân Long",
      "186",
      "14",
      "7.52",
      "186",
      "14",
      "7.52",
      "5",
      "2.69",
    ]);
    expect(rowTexts(t.grid, 10, 10)).toEqual([
      "Tổng",
      "",
      "1.518",
      "208",
      "13.70",
      "1.518",
      "208",
      "13.70",
      "45",
      "2.96",
    ]);
    expect(t.grid.merges.map(rangeA1).sort()).toEqual(
      [
        "A1:A3",
        "B1:B3",
        "C1:E1",
        "F1:H1",
        "I1:I3",
        "J1:J3",
        "C2:C3",
        "D2:E2",
        "F2:F3",
        "G2:H2",
        "A10:B10", // "Tổng" over the first two columns
      ].sort(),
    );
    // Header and total rows are bold in the document, unit rows are not.
    expect(t.grid.cells[0][0]?.bold).toBe(true);
    expect(t.grid.cells[9][0]?.bold).toBe(true);
    expect(t.grid.cells[4][1]?.bold).toBeUndefined();
    // Text as typed, numbers the Vietnamese way once a column's kind is known: 1.518 households is 1518,
    // 7.52 percent is 7,52, and "1." + "518" typed in two runs is one cell.
    expect(readNumber(t.grid.cells[9][2]?.value, "count")).toMatchObject({ status: "ok", value: 1518 });
    expect(readNumber(t.grid.cells[4][4]?.value, "rate")).toMatchObject({ status: "ok", value: 7.52 });
  });

  test("Mỹ Hào: two appendix tables, each with the paragraph above as its title", () => {
    const doc = readDocx(seedDocx(SEED_FILES.myHao), "my-hao.docx");
    expect(doc.tables.map((t) => t.title)).toEqual([
      "DỰ KIẾN TỶ LỆ HỘ NGHÈO PHƯỜNG DỊ SỬ NĂM 2024",
      "DỰ KIẾN TỶ LỆ HỘ NGHÈO PHƯỜNG DỊ SỬ NĂM 2021",
    ]);
    const [first, second] = doc.tables;
    // 2 header rows, the numbering row, I + 7 wards, II + 6 communes, the total: 19 rows.
    expect(first.grid.cells.length).toBe(19);
    expect(rowTexts(first.grid, 6, 5)).toEqual(["2", "Phường Dị Sử", "3825", "14", "0.36,6"]);
    expect(rowTexts(first.grid, 19, 5)).toEqual(["Tổng cộng: I+II", "", "36451", "368", "1.0"]);
    expect(first.grid.merges.map(rangeA1).sort()).toEqual(["A1:A2", "B1:B2", "C1:E1", "A19:B19"].sort());
    expect(second.grid.merges.map(rangeA1).sort()).toEqual(
      ["A1:A2", "B1:B2", "C1:E1", "F1:H1", "A13:B13"].sort(),
    );
    expect(rowTexts(second.grid, 5, 8)).toEqual(["2", "Nhân Vinh", "506", "6", "1,19", "508", "6", "1,19"]);
    // Paragraphs in order, outside the tables; the document's sentence with the 2024 target is one of them.
    const texts = doc.paragraphs.map((x) => x.text);
    expect(
      texts.findIndex((x) => x.startsWith("a) Năm 2023 tỷ lệ hộ nghèo phường Dị Sứ là 0.44%")),
    ).toBeGreaterThan(texts.findIndex((x) => x.startsWith("I. MỤC TIÊU GIẢM NGHÈO NĂM 2024")));
    expect(doc.paragraphs.find((x) => x.text.startsWith("I. MỤC TIÊU"))?.style).toBe("Heading1");
    expect(doc.paragraphs.find((x) => x.text.startsWith("I. MỤC TIÊU"))?.bold).toBe(true);
  });

  test("documents without tables give paragraphs only; the fixture's text is the seed's text", () => {
    for (const name of [SEED_FILES.thachHa, SEED_FILES.dongVuong, SEED_FILES.ward]) {
      const doc = readDocx(seedDocx(name), name);
      expect(doc.tables).toEqual([]);
      const expected = seedBlocks(seedText(name))
        .filter((b) => b.kind === "paragraph")
        .map((b) =>
          b.kind === "paragraph"
            ? b.lines
                .join("\n")
                .replace(/\u00a0/g, " ")
                .trim()
            : "",
        );
      expect(doc.paragraphs.map((x) => x.text)).toEqual(expected);
    }
  });
});

describe("Word's own ways", () => {
  test("runs, tabs, breaks, deleted text, a nested table, gridBefore and a merged rectangle", () => {
    const nested = `<w:tbl><w:tr>${tc(p("trong"))}</w:tr></w:tbl>`;
    const xml = body(
      p("Bảng kèm theo") +
        `<w:sdt><w:sdtContent><w:tbl>` +
        `<w:tr>${tc(p("STT"), '<w:vMerge w:val="restart"/>')}${tc(p("Nhóm"), '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>')}${tc(p("Ghi chú"))}</w:tr>` +
        `<w:tr>${tc("<w:p/>", "<w:vMerge/>")}${tc("<w:p/>", '<w:gridSpan w:val="2"/><w:vMerge/>')}${tc(`<w:p><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t></w:r></w:p>`)}</w:tr>` +
        `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc(`<w:p><w:r><w:t>1.</w:t></w:r><w:proofErr w:type="spellStart"/><w:r><w:t>518</w:t></w:r><w:del><w:r><w:delText>9</w:delText></w:r></w:del></w:p>`)}${tc(nested)}${tc(p("x"))}</w:tr>` +
        `</w:tbl></w:sdtContent></w:sdt>` +
        p("Sau bảng"),
    );
    const doc = readDocx(makeDocx(xml), "word.docx");
    expect(doc.paragraphs.map((x) => x.text)).toEqual(["Bảng kèm theo", "Sau bảng"]);
    const g = doc.tables[0].grid;
    expect(doc.tables[0].title).toBe("Bảng kèm theo");
    expect(rowTexts(g, 1, 4)).toEqual(["STT", "Nhóm", "", "Ghi chú"]);
    expect(rowTexts(g, 2, 4)).toEqual(["", "", "", "a b c"]);
    expect(rowTexts(g, 3, 4)).toEqual(["", "1.518", "trong", "x"]);
    expect(g.merges.map(rangeA1).sort()).toEqual(["A1:A2", "B1:C2"]);
  });

  test("a text box inside a paragraph and a drawing's fallback copy are not the paragraph's text", () => {
    const box = `<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><w:txbxContent>${p("Hộp chữ 99 hộ")}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>${p("Hộp chữ 99 hộ")}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
    const xml = body(
      `<w:p><w:r><w:t xml:space="preserve">Có 77 hộ nghèo, </w:t></w:r>${box}<w:r><w:t>chiếm 5,79%.</w:t></w:r></w:p>`,
    );
    const doc = readDocx(makeDocx(xml), "hop.docx");
    expect(doc.paragraphs.map((x) => x.text)).toEqual(["Có 77 hộ nghèo, chiếm 5,79%."]);
  });

  test("a table larger than the bounds is read in part and listed unread", () => {
    const rows = Array.from(
      { length: 12 },
      (_, i) => `<w:tr>${tc(p(String(i + 1)))}${tc(p("Thôn"))}</w:tr>`,
    ).join("");
    const doc = readDocx(makeDocx(body(`<w:tbl>${rows}</w:tbl>`)), "lon.docx", { maxTableCells: 10 });
    expect(doc.tables[0].grid.cells.length).toBe(5);
    expect(doc.unread).toEqual([{ sheet: "Bảng 1", reason: "too-large", rowsRead: 5, rowsTotal: 12 }]);
  });
});

describe("files that are not a readable .docx", () => {
  const expectError = (bytes: Uint8Array, code: string, words: RegExp) => {
    let error: unknown;
    try {
      readDocx(bytes, "ke-hoach.docx");
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DocxReadError);
    expect((error as DocxReadError).code).toBe(code);
    expect((error as Error).message).toMatch(/"ke-hoach\.docx"/);
    expect((error as Error).message).toMatch(words);
    expect((error as Error).message).not.toMatch(/\n/);
  };
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

  test("empty, old .doc, encrypted, not a zip, a workbook, damaged XML, a truncated zip", () => {
    expectError(new Uint8Array(0), "empty", /rỗng/);
    expectError(new Uint8Array([...ole, ...new Array(600).fill(0)]), "legacy-doc", /Word cũ \(\.doc\)/);
    const enc = new Uint8Array([...ole, ...Array.from(strToU8("EncryptedPackage")).flatMap((b) => [b, 0])]);
    expectError(enc, "encrypted", /mật khẩu/);
    expectError(strToU8("Stt;Thôn;Số hộ\n1;A;12\n"), "not-docx", /không phải là văn bản Word/);
    expectError(
      makeXlsx([{ name: "Sheet1", xml: "<sheetData/>" }]),
      "not-docx",
      /không phải là văn bản Word/,
    );
    expectError(makeDocx(body("<w:p><w:r><w:t>hỏng</w:r></w:p>")), "corrupt", /bị hỏng.*word\/document\.xml/);
    const good = seedDocx(SEED_FILES.thachHa);
    expectError(good.subarray(0, good.length - 40), "corrupt", /bị hỏng/);
  });

  test("an over-compressed part is refused from the zip directory, before inflating", () => {
    const big = body(p("a".repeat(200_000)));
    const bytes = zipSync(
      {
        "[Content_Types].xml": strToU8("<Types/>"),
        "word/document.xml": strToU8(big),
      },
      { level: 9 },
    );
    let error: unknown;
    try {
      readDocx(bytes, "bom.docx", { ratioFloor: 1000, maxRatio: 20 });
    } catch (err) {
      error = err;
    }
    expect((error as DocxReadError).code).toBe("bomb");
    expect((error as Error).message).toMatch(/nén bất thường/);
  });

  test("the fixture generator itself: a seed's blocks become the document part", () => {
    expect(documentXml(seedBlocks("Một đoạn.\n\nA\tB\n1\t2\n"))).toMatch(/<w:tbl>.*<w:t[^>]*>A<\/w:t>/s);
  });
});
