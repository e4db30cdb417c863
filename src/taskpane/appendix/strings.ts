// Strings of the "Lập phụ lục" view, Vietnamese first.
import type { Lang } from "../../engine/model";

const vi = {
  heading: "Lập phụ lục",
  variant: "Loại phụ lục",
  variantTable: "Bảng hiện tại (đã tính lại)",
  variantPlan: "Dự kiến năm sau (phân bổ chỉ tiêu)",
  title: "Tiêu đề",
  subtitle: "Dòng “Kèm theo …”",
  target: "Chỉ tiêu giảm",
  targetUnit: "Đơn vị chỉ tiêu",
  unitHouseholds: "hộ nghèo",
  unitPoints: "điểm phần trăm tỷ lệ hộ nghèo",
  method: "Cách phân bổ",
  byHouseholds: "Theo tổng số hộ (cùng mức giảm tỷ lệ)",
  byPoor: "Theo số hộ nghèo",
  byEqual: "Chia đều",
  year: "Năm dự kiến",
  preview: "Xem trước",
  write: "Ghi phụ lục vào trang tính mới",
  writing: "Đang ghi…",
  written: (name: string) => `Đã ghi phụ lục vào trang tính mới “${name}”.`,
  noTable: "Chưa có bảng nào được nhận diện trên trang tính này.",
  reading: "Đang đọc trang tính…",
  failed: (m: string) => `Không ghi được phụ lục: ${m}`,
  enterTarget: "Nhập chỉ tiêu giảm để xem phân bổ.",
  unsure:
    "Chưa lập phụ lục: chưa chắc bảng được đọc đúng (xem cảnh báo về cấu trúc bảng). Hãy xác nhận hoặc sửa cách đọc ở mục Bảng rồi kiểm tra lại.",
  notes: "Ghi chú",
  fullWidth: "Xem trước toàn màn hình",
  closePreview: "Đóng xem trước",
  askAgain: (name: string) => `Đã ghi phụ lục vào “${name}”. Ghi thêm một bản nữa vào trang tính mới?`,
  writeAgain: "Ghi thêm bản mới",
  cancel: "Hủy",
};
export type AppendixStrings = typeof vi;

const en: AppendixStrings = {
  heading: "Make an appendix",
  variant: "Appendix",
  variantTable: "The table as it is (recomputed)",
  variantPlan: "Next year's plan (allocate a target)",
  title: "Title",
  subtitle: "“Attached to …” line",
  target: "Reduction target",
  targetUnit: "Target in",
  unitHouseholds: "poor households",
  unitPoints: "percentage points of the poor rate",
  method: "Allocation",
  byHouseholds: "By total households (same rate reduction)",
  byPoor: "By poor households",
  byEqual: "Equal shares",
  year: "Plan year",
  preview: "Preview",
  write: "Write the appendix to a new sheet",
  writing: "Writing…",
  written: (name) => `The appendix was written to the new sheet “${name}”.`,
  noTable: "No table was recognised on this sheet yet.",
  reading: "Reading the sheet…",
  failed: (m) => `The appendix could not be written: ${m}`,
  enterTarget: "Enter a reduction target to see the allocation.",
  unsure:
    "No appendix yet: Phụ lục is not sure it read the table right (see the warning about the table's structure). Confirm or correct the reading in the Table view, then check again.",
  notes: "Notes",
  fullWidth: "Full-width preview",
  closePreview: "Close the preview",
  askAgain: (name) => `The appendix was written to “${name}”. Write another copy to a new sheet?`,
  writeAgain: "Write another copy",
  cancel: "Cancel",
};

export function appendixStrings(lang: Lang): AppendixStrings {
  return lang === "en" ? en : vi;
}
