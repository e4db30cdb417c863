/** @jest-environment jsdom */
// The standalone page's report over a Word plan: tables' findings located in the document's words, the sentences
// with figures, the "Lời văn" of each table; a damaged file is one sentence.
import * as React from "react";
import { render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { DocxReport } from "../../src/standalone/DocxReport";
import { SEED_FILES, seedDocx } from "./seeds";

// jsdom has no ResizeObserver; Fluent's MessageBar observes its size (browsers all have it).
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoopResizeObserver;

const buffer = (u: Uint8Array) => u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;

function show(bytes: ArrayBuffer, name = "cam-long.docx") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <DocxReport name={name} bytes={bytes} lang="vi" />
    </FluentProvider>,
  );
}

test("Cẩm Long's plan: the table's findings, the two sentences with 10.73 %, the table's paragraph", () => {
  show(buffer(seedDocx(SEED_FILES.camLong)));
  const table = screen.getByRole("region", { name: "Bảng 1" });
  expect(within(table).getByText("Bảng 1, dòng 5, cột 'Số đầu kỳ > tỷ lệ (%)'")).toBeTruthy();
  const box = within(table).getByRole("textbox", { name: "Lời văn" }) as HTMLTextAreaElement;
  expect(box.value.split("\n")[0]).toBe(
    "Đầu năm 2023, toàn xã có 1.518 hộ, trong đó có 208 hộ nghèo, chiếm tỷ lệ 13,70%.",
  );
  const sentences = screen.getByRole("region", { name: "Các câu có số liệu" });
  expect(
    within(sentences)
      .getAllByRole("listitem")
      .map((li) => li.textContent?.slice(0, 8)),
  ).toEqual(["đoạn 22:", "đoạn 33:"]);
  expect(screen.getByText(/không ghi gì vào tệp \.docx/)).toBeTruthy();
  // The staff lists have no figures: no section for them.
  expect(screen.queryByRole("region", { name: "Bảng 2" })).toBeNull();
});

test("a damaged .docx: one sentence naming the file", () => {
  const good = seedDocx(SEED_FILES.thachHa);
  show(buffer(good.subarray(0, good.length - 30)), "hong.docx");
  expect(screen.getByRole("alert").textContent).toMatch(
    /^Không đọc được tệp "hong\.docx": tệp \.docx bị hỏng/,
  );
});
