// `phuluc` entry: dispatches to one module per command. Exit codes: 0 no error finding, 1 some, 2 unusable input,
// 3 (check) nothing is an error but some part with numbers was not read.
import { CliIO, processIO, UserError } from "./io";

type Command = (args: string[], io: CliIO) => Promise<number>;

// Each command's module (and the engine and the .xlsx reader behind it) loads only when that command runs,
// so `phuluc --help` starts in a few tens of milliseconds.
const COMMANDS: Record<string, () => Promise<Command>> = {
  check: async () => (await import("./check")).run,
  fix: async () => (await import("./fix")).run,
  plan: async () => (await import("./plan")).run,
  appendix: async () => (await import("./appendix")).run,
  describe: async () => (await import("./describe")).run,
  gop: async () => (await import("./consolidate")).run,
  consolidate: async () => (await import("./consolidate")).run,
  "so-sanh": async () => (await import("./compare")).run,
  compare: async () => (await import("./compare")).run,
};

const USAGE = `phuluc: kiểm tra, tính lại và lập phụ lục bảng giảm nghèo (không gửi dữ liệu đi đâu).
Cách dùng / Usage:
  phuluc check <file.xlsx> [--sheet NAME] [--format text|json] [--lang vi|en]
      Kiểm tra bảng: mỗi chỗ sai kèm ô cần xem; chỉ đọc, không ghi gì. Mã thoát: 0 không lỗi, 1 có lỗi,
      2 không đọc được tệp, 3 không có lỗi nhưng có phần chưa đọc được (dòng "CHƯA ĐỌC").
  phuluc check <file.docx> [--sheet "Bảng 2"] [--format text|json]
      Kiểm tra các bảng và các câu có số liệu của văn bản Word; không ghi gì vào .docx.
  phuluc describe <file.xlsx|file.docx> [--sheet NAME] [--units] [--format text|json] [--lang vi|en]
      Viết lời văn (tình hình đầu kỳ, chỉ tiêu) từ bảng đã kiểm tra.
  phuluc fix <in.xlsx> -o <out.xlsx> [--force] | --in-place [--sheet NAME] [--unicode] [--lang vi|en]
      Ghi bản đã sửa: công thức đúng cho tỷ lệ, tổng, số giảm; không sửa ô chỉ bị nghi ngờ. -o không ghi đè
      tệp có sẵn nếu thiếu --force; --in-place ghi đè chính tệp gốc. --unicode: chữ TCVN3/VNI → Unicode.
  phuluc plan <file.xlsx> (--reduce N | --reduce-points P) [--by households|poor|equal|weights]
        [--weights "Thôn A=2;Thôn B=1"] [--sheet NAME] [--format text|json] [-o out.xlsx [--force]]
      Chia chỉ tiêu giảm nghèo cho các đơn vị và tính tỷ lệ dự kiến; -o thêm trang kế hoạch vào bản sao.
  phuluc appendix <file.xlsx> -o <out.xlsx> [--force] [--title "..."] [--reduce N | --reduce-points P] [--sheet NAME]
      Lập phụ lục đúng mẫu (Nghị định 30) vào trang mới của bản sao.
  plan, appendix: [--allow-errors]  (lập cả khi bảng còn lỗi / even when the table still has errors)
  phuluc gop|consolidate <xa-1.xlsx> <xa-2.xlsx> ... -o <huyen.xlsx> [--include-flawed] [--allow-missing] [--sort given|alpha]
      Gộp bảng của các xã thành bảng của huyện, kèm trang "Nguồn".
  phuluc check <huyen.xlsx> --against <xa-*.xlsx>
      Đối chiếu từng dòng của bảng cấp trên với tổng của báo cáo cấp dưới.
  phuluc so-sanh|compare <nam-truoc.xlsx> <nam-nay.xlsx> [--threshold 15]
      So sánh năm nay với năm trước: đầu kỳ với cuối kỳ, cột chép lại, chỉ tiêu đạt hay không.
  Mọi lệnh / every command: [--roles "C=households,..."] [--rows "15=group,..."] [--confirm "C10,D12"] [--trust-structure]
`;

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.out(USAGE);
    return name ? 0 : 2;
  }
  // `check ... --against ...` is the cross-level check (cli/consolidate.ts).
  const load =
    name === "check" && rest.some((a) => a === "--against" || a.startsWith("--against="))
      ? async () => (await import("./consolidate")).runAgainst
      : Object.prototype.hasOwnProperty.call(COMMANDS, name)
        ? COMMANDS[name]
        : undefined;
  if (!load) {
    io.err(`phuluc: lệnh không có: ${name}\n${USAGE}`);
    return 2;
  }
  try {
    const command = await load();
    return await command(rest, io);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // A message that already names its command ("phuluc appendix: …") gets no second "phuluc: ".
    const line = err instanceof UserError ? message : `lỗi không mong đợi: ${message}`;
    io.err(`${/^phuluc\b/.test(line) ? "" : "phuluc: "}${line}\n`);
    return 2;
  }
}
