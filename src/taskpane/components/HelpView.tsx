// The help page, opened from the pane's "Trợ giúp" button: what each part does, in Vietnamese or English.
import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { UiLang } from "../../i18n/ui";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    overflowWrap: "anywhere",
  },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  h4: {
    margin: `${tokens.spacingVerticalS} 0 0`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  p: { margin: 0 },
});

const HELP: Record<UiLang, { title: string; back: string; sections: [string, string][] }> = {
  vi: {
    title: "Trợ giúp",
    back: "Quay lại",
    sections: [
      [
        "Kiểm tra",
        "Phụ lục đọc bảng trên trang tính đang mở (hoặc vùng bạn chọn), nhận ra tiêu đề, các cột (tổng số hộ, hộ nghèo, tỷ lệ…) và các dòng (đơn vị, nhóm, tổng cộng), rồi kiểm tra: tổng có khớp không, tỷ lệ có đúng số hộ chia tổng số hộ nhân 100 và làm tròn không, số có bị lưu dạng văn bản không. Ô sai được tô màu: đỏ là lỗi, vàng là cảnh báo.",
      ],
      [
        "Sửa",
        "“Sửa” trên một phát hiện chỉ ghi ô đó. “Sửa tất cả” cho biết trước sẽ ghi những ô nào: ô sửa lỗi (giá trị thay đổi) và ô chuyển sang công thức (giá trị giữ nguyên); bạn có thể bỏ phần chuyển sang công thức. Số liệu gốc (số hộ, số hộ nghèo) không bao giờ bị tự sửa khi chưa chắc chắn. “Hoàn tác” trả lại đúng những gì đã ghi.",
      ],
      [
        "Bảng",
        "Nếu phần mềm hiểu sai vai trò một cột hay loại một dòng, hãy chọn lại ở mục “Bảng”; kết quả được kiểm tra lại ngay và lựa chọn được nhớ cho trang tính. Khi phần mềm chưa chắc đã đọc đúng cấu trúc bảng, nó không sửa ô nào.",
      ],
      [
        "Lập phụ lục",
        "Tạo phụ lục trình bày theo Nghị định 30/2020/NĐ-CP (Times New Roman, tiêu đề in đậm, dòng “Kèm theo…” in nghiêng) trên một trang tính mới, từ bảng hiện tại hoặc từ chỉ tiêu giảm nghèo được giao (phân bổ theo tổng số hộ, theo số hộ nghèo hoặc chia đều).",
      ],
      [
        "Kết quả ra ngoài",
        "“Sao chép kết quả” chép bản tóm tắt để dán vào báo cáo; “Xuất danh sách” tải danh sách phát hiện về dạng tệp .xlsx. Mọi thứ chạy trên máy của bạn, không gửi dữ liệu đi đâu.",
      ],
      [
        "Cài đặt",
        "Số chữ số thập phân của tỷ lệ, làm tròn hay cắt bớt, ghi công thức hay giá trị, tô màu, ngôn ngữ.",
      ],
    ],
  },
  en: {
    title: "Help",
    back: "Back",
    sections: [
      [
        "Check",
        "Phụ lục reads the table on the open sheet (or your selection), recognises its title, columns (households, poor households, rates…) and rows (units, groups, totals), and checks it: do totals add up, is each rate the count over the households times 100, rounded, are numbers stored as text. Wrong cells are coloured: red for errors, yellow for warnings.",
      ],
      [
        "Fix",
        "“Fix” on a finding writes that cell only. “Fix all” says first which cells it will write: cells fixed (the value changes) and cells turned into formulas (same value); you can leave the formulas out. Inputs (households, poor households) are never changed unless the correction is certain. “Undo” restores exactly what was written.",
      ],
      [
        "Table",
        "If a column's role or a row's kind was misread, pick the right one under “Table”; the checks run again at once and the choice is remembered for the sheet. When the reading of the table is uncertain, nothing is fixed.",
      ],
      [
        "Appendix",
        "Makes an appendix in the Nghị định 30/2020 look (Times New Roman, bold title, italic “attached to” line) on a new sheet, from the table as it is or from an assigned poverty-reduction target (allocated by households, by poor households or in equal shares).",
      ],
      [
        "Results out of the pane",
        "“Copy results” copies a plain-text summary to paste into a report; “Export list” downloads the findings as an .xlsx file. Everything runs on your computer; no data is sent anywhere.",
      ],
      ["Settings", "Rate decimals, rounding or truncation, formulas or values, marks, language."],
    ],
  },
};

/**
 * In the standalone page the help speaks of the file the user opened, not of Excel: how a file opens, where the
 * corrected copy goes, that the appendix is a new sheet of the downloaded file.
 */
const PAGE_SECTIONS: Record<UiLang, [string, string][]> = {
  vi: [
    [
      "Mở tệp",
      "Bấm “Chọn tệp .xlsx” hoặc kéo thả tệp vào trang, rồi chọn trang tính có bảng. Tệp được đọc ngay trong trình duyệt, không gửi đi đâu; tệp gốc trên máy không bị đổi.",
    ],
    [
      "Kiểm tra",
      "Phụ lục nhận ra tiêu đề, các cột (tổng số hộ, hộ nghèo, tỷ lệ…) và các dòng (đơn vị, nhóm, tổng cộng) của bảng, rồi kiểm tra: tổng có khớp không, tỷ lệ có đúng không, số có bị lưu dạng văn bản không. Ô sai được tô màu trong bản xem trước: đỏ là lỗi, vàng là cảnh báo.",
    ],
    [
      "Sửa và tải về",
      "“Sửa” trên một phát hiện chỉ sửa ô đó; “Sửa tất cả” cho biết trước sẽ ghi những ô nào. Số liệu gốc không bao giờ bị tự sửa khi chưa chắc chắn: khi dữ liệu chỉ gợi ý một giá trị, bạn quyết định (“Sửa thành …” hoặc “Giá trị này đúng”). “Hoàn tác” trả lại đúng những gì đã ghi. Bấm “Tải tệp đã sửa” để lưu bản đã sửa về máy.",
    ],
    [
      "Bảng",
      "Nếu cách đọc bảng chưa chắc, thẻ cảnh báo có nút “Đúng, bảng đọc như vậy” và “Sửa cách đọc”; ở mục “Bảng” bạn chọn lại vai trò cột hay loại dòng, kết quả được kiểm tra lại ngay.",
    ],
    [
      "Lập phụ lục",
      "Thêm phụ lục trình bày theo Nghị định 30/2020/NĐ-CP vào một trang tính mới của tệp, từ bảng hiện tại hoặc từ chỉ tiêu giảm nghèo được giao; “Tải tệp đã sửa” tải cả phụ lục. Khi bảng còn lỗi, trang báo “Bảng còn N lỗi”: phụ lục lập khi đó chưa dùng để ký được.",
    ],
  ],
  en: [
    [
      "Open a file",
      "Press “Choose an .xlsx file” or drop the file on the page, then choose the sheet with the table. The file is read inside the browser and never sent anywhere; the file on your computer is not changed.",
    ],
    [
      "Check",
      "Phụ lục recognises the table's title, columns (households, poor households, rates…) and rows (units, groups, totals) and checks it: do totals add up, are rates right, are numbers stored as text. Wrong cells are coloured in the preview: red for errors, yellow for warnings.",
    ],
    [
      "Fix and download",
      "“Fix” on a finding fixes that cell only; “Fix all” says first which cells it will write. Inputs are never changed unless the correction is certain: when the data only suggests a value, you decide (“Change to …” or “This value is right”). “Undo” restores exactly what was written. “Download the corrected file” saves the corrected copy.",
    ],
    [
      "Table",
      "When the reading of the table is uncertain, its card offers “Yes, the table reads like this” and “Correct the reading”; under “Table” you pick a column's role or a row's kind and the checks run again at once.",
    ],
    [
      "Appendix",
      "Adds an appendix in the Nghị định 30/2020 look on a new sheet of the file, from the table as it is or from an assigned target; the download carries it. While the table has errors the page says “The table still has N errors”: an appendix made then is not ready to sign.",
    ],
  ],
};

export function HelpView({
  lang,
  host = "excel",
  onBack,
}: {
  lang: UiLang;
  /** Where the pane runs: the standalone page's help speaks of files. */
  host?: "excel" | "standalone";
  onBack(): void;
}): React.ReactElement {
  const styles = useStyles();
  const base = HELP[lang] ?? HELP.vi;
  const help =
    host === "standalone"
      ? {
          ...base,
          sections: [
            ...PAGE_SECTIONS[lang],
            // results out of the pane and settings read the same in both
            ...base.sections.slice(-2),
          ],
        }
      : base;
  return (
    <article className={styles.root} aria-labelledby="pl-help" data-testid="help" lang={lang}>
      <h3 id="pl-help" className={styles.h3}>
        {help.title}
      </h3>
      {help.sections.map(([title, text]) => (
        <section key={title}>
          <h4 className={styles.h4}>{title}</h4>
          <p className={styles.p}>{text}</p>
        </section>
      ))}
      <div>
        <Button onClick={onBack}>{help.back}</Button>
      </div>
    </article>
  );
}
