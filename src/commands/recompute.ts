// The logic of the "Tính lại" button, apart from Office so that it can be tested with any PaneHost.
import type { Grid, AnalyzeOptions, WritePlan, TableAnalysis } from "../engine";
import type { PaneHost } from "../hosts/port";

export interface RecomputeEngine {
  analyzeGrid(grid: Grid, options?: AnalyzeOptions): TableAnalysis[];
  fixPlan(analyses: TableAnalysis[]): WritePlan;
}

export interface RecomputeOutcome {
  status: "written" | "locked" | "nothing-to-do" | "unsure" | "no-table" | "empty" | "failed";
  cells: number;
  undecided: number;
  message: string;
}

const TEXT = {
  vi: {
    empty: "Trang tính đang mở không có dữ liệu.",
    noTable: (sheet: string) => `Không nhận ra bảng số liệu giảm nghèo nào trên trang "${sheet}".`,
    nothing: (sheet: string) => `Các ô tính được trên trang "${sheet}" đã đúng; không cần ghi gì.`,
    written: (sheet: string, n: number, u: number) =>
      `Đã ghi công thức vào ${n} ô trên trang "${sheet}" (hoàn tác được trong ngăn Phụ lục).` +
      (u ? ` ${u} ô số liệu nghi nhập sai chưa được sửa.` : ""),
    failed: (reason: string) => `Không tính lại được: ${reason}`,
    locked: (sheet: string, n: number, cells: string) =>
      `${n} ô bị khóa trên trang được bảo vệ "${sheet}" nên không ghi (${cells}); ` +
      `bỏ bảo vệ trang (Xem lại > Bỏ bảo vệ trang tính) hoặc mở khóa các ô đó rồi bấm lại Tính lại.`,
    unsure: (sheet: string, ranges: string) =>
      `Không ghi gì: Phụ lục chưa chắc đã đọc đúng bảng ${ranges} trên trang "${sheet}". ` +
      `Mở ngăn Phụ lục, xem mục Bảng để xác nhận hoặc sửa cách đọc, rồi bấm Tính lại.`,
  },
  en: {
    empty: "The open sheet has no data.",
    noTable: (sheet: string) => `No poverty table was recognised on sheet "${sheet}".`,
    nothing: (sheet: string) => `The derived cells on sheet "${sheet}" are already right; nothing written.`,
    written: (sheet: string, n: number, u: number) =>
      `Formulas written to ${n} cells on sheet "${sheet}" (undo from the Phụ lục pane).` +
      (u ? ` ${u} input cells that look mistyped were left alone.` : ""),
    failed: (reason: string) => `Could not recompute: ${reason}`,
    locked: (sheet: string, n: number, cells: string) =>
      `${n} locked cells on the protected sheet "${sheet}" were not written (${cells}); ` +
      `unprotect the sheet (Review > Unprotect Sheet) or unlock those cells, then Recompute again.`,
    unsure: (sheet: string, ranges: string) =>
      `Nothing written: Phụ lục is not sure it read the table ${ranges} on sheet "${sheet}" right. ` +
      `Open the Phụ lục pane, confirm or correct the reading in the Table view, then press Recompute.`,
  },
};

export async function runRecompute(host: PaneHost, engine: RecomputeEngine): Promise<RecomputeOutcome> {
  let lang: "vi" | "en" = "vi";
  try {
    const settings = await host.loadSettings();
    lang = settings.lang;
    const t = TEXT[lang];
    const grid = await host.readGrid();
    if (!grid) return { status: "empty", cells: 0, undecided: 0, message: t.empty };
    const overrides = await host.loadOverrides(grid.sheet);
    const analyses = engine.analyzeGrid(grid, {
      rateDecimals: settings.rateDecimals,
      rounding: settings.rounding,
      overrides,
    });
    if (analyses.length === 0)
      return { status: "no-table", cells: 0, undecided: 0, message: t.noTable(grid.sheet) };
    const plan = engine.fixPlan(analyses);
    // Only what differs from the sheet is written: an already right table is left untouched (and undo stays clean).
    const writes = plan.writes.filter((w) => differs(grid, w));
    // In doubt, write nothing: a table whose reading the engine is unsure of waits for the user's confirmation.
    const refused = plan.refused ?? [];
    if (refused.length > 0 && writes.length === 0)
      return {
        status: "unsure",
        cells: 0,
        undecided: plan.undecided.length,
        message: t.unsure(grid.sheet, refused.map((r) => r.range).join(", ")),
      };
    if (writes.length === 0)
      return {
        status: "nothing-to-do",
        cells: 0,
        undecided: plan.undecided.length,
        message: t.nothing(grid.sheet),
      };
    const outcome = await host.applyWrites({ writes, undecided: plan.undecided });
    // Locked cells of a protected sheet are left as they are: said, never counted as written.
    const locked = outcome ? outcome.refused : [];
    const lockedText = locked.length
      ? t.locked(
          grid.sheet,
          locked.length,
          locked
            .slice(0, 10)
            .map((r) => r.cell)
            .join(", ") + (locked.length > 10 ? ", …" : ""),
        )
      : "";
    const written = writes.length - locked.length;
    if (written === 0)
      return { status: "locked", cells: 0, undecided: plan.undecided.length, message: lockedText };
    return {
      status: "written",
      cells: written,
      undecided: plan.undecided.length,
      message:
        t.written(grid.sheet, written, plan.undecided.length) +
        (lockedText ? ` ${lockedText}` : "") +
        (refused.length ? ` ${t.unsure(grid.sheet, refused.map((r) => r.range).join(", "))}` : ""),
    };
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return { status: "failed", cells: 0, undecided: 0, message: TEXT[lang].failed(reason) };
  }
}

function differs(grid: Grid, w: WritePlan["writes"][number]): boolean {
  const m = /^([A-Z]+)(\d+)$/.exec(w.cell);
  if (!m || w.sheet !== grid.sheet) return true;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  const cell = grid.cells[Number(m[2]) - grid.top]?.[col - grid.left];
  if (!cell) return true;
  if (w.formula !== undefined)
    return (
      cell.formula !== w.formula ||
      (w.numberFormat !== undefined && (cell.numberFormat ?? "General") !== w.numberFormat)
    );
  return (
    cell.formula !== undefined ||
    cell.value !== w.value ||
    (w.numberFormat !== undefined && (cell.numberFormat ?? "General") !== w.numberFormat)
  );
}
