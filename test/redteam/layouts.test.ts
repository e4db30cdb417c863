// Red team, issue 18.1: layouts typed by offices the authors did not design for. Each table has a clean twin
// (must be read whole and be silent: no error, no warning) and a defective twin (planted defects found on their
// cell with the value worked out here from the counts).
import { brief, rate, read, sum, vnInt, vnRate } from "./helpers";

type U = readonly [string, number, number, number]; // name, households, poor, near-poor

// ---- L1: Xã Tân Lập, a three-row merged header, "Đơn vị tính" line, "Ghi chú" merged down four units,
// numbers pasted as Vietnamese text in some cells, a signature block below. ----
const TL: U[] = [
  ["Thôn 1", 312, 41, 37],
  ["Thôn 2", 287, 29, 33],
  ["Bản Nà Lừa", 145, 62, 21],
  ["Bản Khuổi Hẩu", 198, 71, 30],
  ["TDP số 3", 1018, 14, 25],
  ["Thôn Tân Lập", 456, 38, 44],
];
function tanLap(edit: (rows: unknown[][]) => void = () => undefined) {
  const H = sum(TL.map((u) => u[1]));
  const P = sum(TL.map((u) => u[2]));
  const N = sum(TL.map((u) => u[3]));
  const rows: unknown[][] = [
    ["UỶ BAN NHÂN DÂN", null, null, null, null, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
    ["XÃ TÂN LẬP", null, null, null, null, "Độc lập - Tự do - Hạnh phúc"],
    [],
    ["BIỂU TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2024"],
    ["(Kèm theo Báo cáo số 215/BC-UBND ngày 20/12/2024 của UBND xã Tân Lập)"],
    [null, null, null, null, null, null, "Đơn vị tính: hộ, %"],
    ["TT", "Thôn, bản", "Tổng số hộ dân cư", "Kết quả rà soát năm 2024", null, null, null, "Ghi chú"],
    [null, null, null, "Hộ nghèo", null, "Hộ cận nghèo", null, null],
    [null, null, null, "Số hộ", "Tỷ lệ (%)", "Số hộ", "Tỷ lệ (%)", null],
    ["1", "2", "3", "4", "5=4/3*100", "6", "7=6/3*100", "8"],
    ...TL.map(([n, h, p, c], i) => [
      i + 1,
      ` ${n} `, // stray spaces as typed
      i === 4 ? vnInt(h) : h, // "1.018" pasted from Word
      p,
      i === 2 ? vnRate(rate(p, h)) : rate(p, h), // "42,76" as text
      c,
      rate(c, h),
      i === 0 ? "Thôn ĐBKK giai đoạn 2021-2025" : null,
    ]),
    ["Tổng cộng", null, H, P, rate(P, H), N, rate(N, H), null],
    [],
    [null, null, null, null, null, "Tân Lập, ngày 20 tháng 12 năm 2024"],
    [null, "NGƯỜI LẬP BIỂU", null, null, null, "TM. UỶ BAN NHÂN DÂN"],
    [null, null, null, null, null, "CHỦ TỊCH"],
    [],
    [null, "Lò Văn Sơn", null, null, null, "Hoàng Văn Thắng"],
  ];
  edit(rows);
  const merges = [
    "A4:H4",
    "A5:H5",
    "A7:A9",
    "B7:B9",
    "C7:C9",
    "D7:G7",
    "H7:H9",
    "D8:E8",
    "F8:G8",
    "H11:H14",
    "A17:B17",
  ];
  return read(rows, { merges });
}

describe("L1 Xã Tân Lập: 3-row header, Ghi chú merged down, text numbers, signature", () => {
  test("clean: one table, six units rows 11–16, total row 17, nothing loud but text-number info, nothing unread", () => {
    const r = tanLap();
    expect(r.analyses).toHaveLength(1);
    expect(r.unitRows).toEqual([11, 12, 13, 14, 15, 16]);
    expect(r.rowsOf("total")).toEqual([17]);
    expect(r.loud).toEqual([]);
    expect(r.unread).toEqual([]);
  });
  test("defective: Nà Lừa's rate 24,76 for 42,76 (E13) and the total near-poor 180 for 190 (F17)", () => {
    const r = tanLap((rows) => {
      rows[12][4] = "24,76";
      rows[16][5] = 180;
    });
    const got = r.errors.map((f) => [f.cell, f.expected]);
    expect(got).toEqual(
      expect.arrayContaining([
        ["E13", rate(62, 145)],
        ["F17", 190],
      ]),
    );
    // nothing else blamed (G17, the total's rate, agrees with 190)
    expect(r.errors.map((f) => f.cell).sort()).toEqual(["E13", "F17"]);
  });
});

// ---- L2: a unit whose every cell is merged over two rows (a long name wrapped by hand), a note row between
// units with numbers inside its text, groups "I"/"II" without numbers and a "Cộng" subtotal below each group. ----
const G1: U[] = [
  ["Thôn Phú Xuân (sáp nhập Phú Xuân 1 và Phú Xuân 2)", 624, 31, 40],
  ["Thôn Phú Lộc", 410, 22, 18],
];
const G2: U[] = [
  ["Bản Co Mạ", 233, 88, 41],
  ["Bản Huổi Một", 176, 64, 29],
  ["Bản Nà Sản", 205, 57, 36],
];
function phuXuan(edit: (rows: unknown[][]) => void = () => undefined) {
  const line = (stt: unknown, n: string, h: number, p: number, c: number) => [
    stt,
    n,
    h,
    p,
    rate(p, h),
    c,
    rate(c, h),
  ];
  const tot = (us: U[]) =>
    [sum(us.map((u) => u[1])), sum(us.map((u) => u[2])), sum(us.map((u) => u[3]))] as const;
  const [h1, p1, c1] = tot(G1);
  const [h2, p2, c2] = tot(G2);
  const [h, p, c] = tot([...G1, ...G2]);
  const rows: unknown[][] = [
    ["DANH SÁCH HỘ NGHÈO, CẬN NGHÈO THEO THÔN, BẢN NĂM 2025"],
    ["Stt", "Tên thôn, bản", "TS hộ", "Hộ nghèo", null, "Hộ cận nghèo", null],
    [null, null, null, "SL", "Tỷ lệ (%)", "SL", "Tỷ lệ (%)"],
    ["I", "Vùng thấp"], // 4
    line(1, G1[0][0], G1[0][1], G1[0][2], G1[0][3]), // 5 (merged 5:6)
    [], // 6
    [null, "(Thôn Phú Xuân sáp nhập từ 01/2020 theo Nghị quyết 856/NQ-UBTVQH14)"], // 7
    line(2, ...G1[1]), // 8
    [null, "Cộng", h1, p1, rate(p1, h1), c1, rate(c1, h1)], // 9
    ["II", "Vùng cao"], // 10
    ...G2.map((u, i) => line(3 + i, ...u)), // 11-13
    [null, "Cộng", h2, p2, rate(p2, h2), c2, rate(c2, h2)], // 14
    [null, "Tổng cộng", h, p, rate(p, h), c, rate(c, h)], // 15
  ];
  edit(rows);
  const merges = [
    "A2:A3",
    "B2:B3",
    "C2:C3",
    "D2:E2",
    "F2:G2",
    ...["A", "B", "C", "D", "E", "F", "G"].map((x) => `${x}5:${x}6`),
  ];
  return read(rows, { merges });
}

describe("L2 Phú Xuân: a unit merged over two rows in every cell, a note row, Cộng below each group", () => {
  test("clean: units 5, 8, 11, 12, 13; subtotals 9 and 14; total 15; silent; nothing unread", () => {
    const r = phuXuan();
    expect(r.analyses).toHaveLength(1);
    expect(r.unitRows).toEqual([5, 8, 11, 12, 13]);
    // "TS hộ" (tổng số hộ) is the households column: without it no rate here is checked at all.
    expect(r.analyses[0].table.columns.find((c) => c.letter === "C")?.role).toBe("households");
    expect(r.rowsOf("total")).toEqual([15]);
    expect([...r.rowsOf("subtotal"), ...r.rowsOf("group")].filter((x) => x === 9 || x === 14).sort()).toEqual(
      [14, 9].sort(),
    );
    expect(r.loud).toEqual([]);
    expect(r.unread).toEqual([]);
  });
  test("defective: group II's 'Cộng' poor count 219 for 209 (D14); the merged unit's rate 4,79 for 4,97 (E5)", () => {
    const r = phuXuan((rows) => {
      rows[13][3] = 219;
      rows[4][4] = 4.79;
    });
    expect(r.errors.map((f) => [f.cell, f.expected])).toEqual(
      expect.arrayContaining([
        ["D14", 209],
        ["E5", rate(31, 624)],
      ]),
    );
  });
});

// ---- L3: the numbering row typed again as real numbers in the body (page two of a printout), title block of a
// district office, and the header's first row merged over the unit columns "Xã, thị trấn". ----
const MC: U[] = [
  ["Thị trấn Mường Chà", 1520, 48, 61],
  ["Xã Sá Tổng", 842, 402, 118],
  ["Xã Ma Thì Hồ", 911, 377, 140],
  ["Xã Sa Lông", 655, 301, 97],
  ["Xã Huổi Lèng", 780, 355, 122],
  ["Xã Mường Tùng", 1204, 436, 215],
];
function muongCha(edit: (rows: unknown[][]) => void = () => undefined) {
  const H = sum(MC.map((u) => u[1]));
  const P = sum(MC.map((u) => u[2]));
  const N = sum(MC.map((u) => u[3]));
  const line = (i: number) => {
    const [n, h, p, c] = MC[i];
    return [i + 1, n, h, p, rate(p, h), c, rate(c, h), p + c, rate(p + c, h)];
  };
  const rows: unknown[][] = [
    ["UBND HUYỆN MƯỜNG CHÀ"],
    ["PHÒNG LAO ĐỘNG - TB&XH"],
    [],
    ["Biểu số 02"],
    ["TỔNG HỢP HỘ NGHÈO, HỘ CẬN NGHÈO THEO ĐƠN VỊ HÀNH CHÍNH CẤP XÃ"],
    ["(Số liệu chính thức sau phúc tra năm 2023)"],
    [],
    [
      "STT",
      "Xã, thị trấn",
      "Tổng số hộ",
      "Hộ nghèo",
      null,
      "Hộ cận nghèo",
      null,
      "Hộ nghèo và cận nghèo",
      null,
    ], // 8
    [null, null, null, "Số hộ", "Tỷ lệ %", "Số hộ", "Tỷ lệ %", "Số hộ", "Tỷ lệ %"], // 9
    [1, 2, 3, 4, 5, 6, 7, 8, 9], // 10 numbering as numbers
    line(0), // 11
    line(1), // 12
    line(2), // 13
    [1, 2, 3, 4, 5, 6, 7, 8, 9], // 14 the numbering row again, page two
    line(3), // 15
    line(4), // 16
    line(5), // 17
    [null, "Toàn huyện", H, P, rate(P, H), N, rate(N, H), P + N, rate(P + N, H)], // 18
  ];
  edit(rows);
  return read(rows, { merges: ["A8:A9", "B8:B9", "C8:C9", "D8:E8", "F8:G8", "H8:I8"] });
}

describe("L3 Mường Chà: the numbering row typed again as numbers in the body", () => {
  test("clean: six communes, the repeated numbering row not a unit, total 18, silent, nothing unread", () => {
    const r = muongCha();
    expect(r.analyses).toHaveLength(1);
    expect(r.unitRows).toEqual([11, 12, 13, 15, 16, 17]);
    expect(r.rowsOf("total")).toEqual([18]);
    expect(r.loud).toEqual([]);
    expect(r.unread).toEqual([]);
  });
  test("defective: Ma Thì Hồ's poor + near-poor 571 for 517 (H13), Sa Lông's near-poor rate 14,18 for 14,81 (G15)", () => {
    const r = muongCha((rows) => {
      rows[12][7] = 571;
      rows[14][6] = 14.18;
    });
    const got = r.errors.map((f) => [f.cell, f.expected]);
    expect(got).toEqual(
      expect.arrayContaining([
        ["H13", 377 + 140],
        ["G15", rate(97, 655)],
      ]),
    );
    expect(r.loud.filter((x) => /@[A-I]14\b/.test(x))).toEqual([]); // nothing on the numbering row
  });
});

// ---- L4: a header low on the page after prose lines (a report pasted into one sheet), "Đơn vị" column first
// with no STT, rates before counts ("Tỷ lệ (%)" then "Số hộ"), and a total first ("Toàn xã"). ----
const TD: U[] = [
  ["Tổ dân phố 1", 402, 9, 14],
  ["Tổ dân phố 2", 377, 6, 11],
  ["Tổ dân phố 3", 515, 12, 20],
  ["Tổ dân phố 4", 298, 4, 9],
];
function proseFirst(edit: (rows: unknown[][]) => void = () => undefined) {
  const H = sum(TD.map((u) => u[1]));
  const P = sum(TD.map((u) => u[2]));
  const N = sum(TD.map((u) => u[3]));
  const rows: unknown[][] = [
    ["BÁO CÁO"],
    ["Kết quả thực hiện công tác giảm nghèo năm 2024"],
    ["I. TÌNH HÌNH CHUNG"],
    [`Toàn phường có ${vnInt(H)} hộ, trong đó hộ nghèo ${P} hộ, chiếm ${vnRate(rate(P, H))}%.`],
    ["Công tác rà soát được triển khai đúng quy trình, công khai, minh bạch."],
    ["II. KẾT QUẢ CỤ THỂ (có biểu kèm theo)"],
    [],
    ["Đơn vị", "Tổng số hộ", "Hộ nghèo", null, "Hộ cận nghèo", null], // 8
    [null, null, "Tỷ lệ (%)", "Số hộ", "Tỷ lệ (%)", "Số hộ"], // 9
    ["Toàn phường", H, rate(P, H), P, rate(N, H), N], // 10
    ...TD.map(([n, h, p, c]) => [n, h, rate(p, h), p, rate(c, h), c]), // 11-14
    [],
    ["III. PHƯƠNG HƯỚNG NĂM 2025"],
    ["Phấn đấu giảm 0,5% tỷ lệ hộ nghèo."],
  ];
  edit(rows);
  return read(rows, { merges: ["A8:A9", "B8:B9", "C8:D8", "E8:F8"] });
}

describe("L4 a ward's report: header low after prose, no STT, rate before count, total first", () => {
  test("clean: four units 11–14, total 10 first, silent, nothing unread", () => {
    const r = proseFirst();
    expect(r.analyses).toHaveLength(1);
    expect(r.unitRows).toEqual([11, 12, 13, 14]);
    expect(r.rowsOf("total")).toEqual([10]);
    expect(r.loud).toEqual([]);
    expect(r.unread).toEqual([]);
  });
  test("defective: TDP 3's poor rate 2,23 for 2,33 (C13); the total households 1.582 for 1.592 (B10)", () => {
    const r = proseFirst((rows) => {
      rows[12][2] = 2.23;
      rows[9][1] = 1582;
    });
    expect(r.errors.map((f) => [f.cell, f.expected])).toEqual(
      expect.arrayContaining([
        ["C13", rate(12, 515)],
        ["B10", 1592],
      ]),
    );
    void brief;
  });
});
