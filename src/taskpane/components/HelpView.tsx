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

export function HelpView({ lang, onBack }: { lang: UiLang; onBack(): void }): React.ReactElement {
  const styles = useStyles();
  const help = HELP[lang] ?? HELP.vi;
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
