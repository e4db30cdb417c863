// The date line and the signature block under an appendix, as appendices are signed.
import { APPENDIX_LOOK } from "./style";
import type { Sheet } from "./sheet";
import type { AppendixCellStyle, IssuingBody, SignatureLabels } from "./types";

/**
 * Under the table, after one empty row: the date line on the right; then "Người lập biểu" on the left and
 * "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH" on the right, as appendices are signed. No borders, centred in each half.
 * The place of the date line and the body signed for are the source's when it names them.
 */
export function signatureBlock(
  sheet: Sheet,
  width: number,
  words: SignatureLabels,
  place?: string,
  body?: IssuingBody,
): void {
  const last = Math.max(...[...sheet.cells.values()].map((c) => c.row));
  const half = Math.max(1, Math.floor(width / 2));
  const left = { left: 1, right: width > 1 ? half : 1 };
  const right = { left: width > 1 ? half + 1 : 1, right: width };
  const put = (
    row: number,
    side: { left: number; right: number },
    text: string,
    style: AppendixCellStyle,
  ) => {
    sheet.set(row, side.left, text, {
      horizontal: "center",
      vertical: "middle",
      fontSize: APPENDIX_LOOK.fontSize.signature,
      ...style,
    });
    sheet.merge({ top: row, bottom: row, left: side.left, right: side.right });
  };
  const date = last + 2;
  put(date, right, words.date(place), { italic: true });
  put(date + 1, left, words.preparer, { bold: true });
  put(date + 1, right, words.onBehalfOf(body), { bold: true });
  put(date + 2, left, words.preparerNote, { italic: true });
  put(date + 2, right, words.authorityTitle, { bold: true });
}
