// `phuluc --help` says what each command does (issue 23 item 13), in the official's words, with --force.
import { runCli } from "./helpers";

test("--help names every command with a line on what it does, --force and the exit statuses", async () => {
  const r = await runCli(["--help"]);
  expect(r.code).toBe(0);
  for (const [command, says] of [
    ["check", "Kiểm tra bảng"],
    ["describe", "Viết lời văn"],
    ["fix", "Ghi bản đã sửa"],
    ["plan", "Chia chỉ tiêu"],
    ["appendix", "Lập phụ lục"],
    ["gop|consolidate", "Gộp bảng"],
    ["so-sanh|compare", "So sánh năm nay"],
  ]) {
    const at = r.stdout.indexOf(`phuluc ${command} `);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(r.stdout.indexOf(says, at)).toBeGreaterThan(at);
  }
  expect(r.stdout).toContain("--force");
  expect(r.stdout).toContain("3 không có lỗi nhưng có phần chưa đọc được");
});

test("an unknown command: status 2, the usage on stderr, one 'phuluc:' prefix", async () => {
  const r = await runCli(["kiem-tra"]);
  expect(r.code).toBe(2);
  expect(r.stderr.startsWith("phuluc: lệnh không có: kiem-tra")).toBe(true);
  expect(r.stderr).not.toContain("phuluc: phuluc");
});
