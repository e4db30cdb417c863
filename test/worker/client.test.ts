// The worker that reads sheets and runs the engine off the page's thread: what crosses (structured clone, JSON
// text), by reference after writes, errors in the page's words, the fall-back into the page when no worker can
// run, and the page's budget (issue 24.7): a request over its time, "Hủy", or a worker that dies working ends that
// file's work with one line while the other files go on in a fresh worker. The fake worker is as strict as a real one: every message is structured-cloned,
// answers arrive in a later task, and the handler runs on the clones only.
import * as fs from "fs";
import * as path from "path";
import { analyzeGrid } from "../../src/engine";
import { gridFromRows, type Grid } from "../../src/engine/grid";
import { XlsxWorkbook } from "../../src/hosts/xlsx/workbook";
import { XlsxReadError } from "../../src/hosts/xlsx/errors";
import { WorkCancelled, WorkClient, type WorkerLike } from "../../src/worker/client";
import { createHandler, toWorkError } from "../../src/worker/handler";
import { decodeGrid, encodeGrid, pack, unpack } from "../../src/worker/text";
import type { WorkRequest, WorkResponse } from "../../src/worker/protocol";
import { DEFAULT_SETTINGS } from "../../src/hosts/port";

const ROOT = path.join(__dirname, "../..");
const SAMPLES = path.join(ROOT, "samples");

class FakeWorker implements WorkerLike {
  onmessage: ((e: MessageEvent<WorkResponse>) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  terminated = false;
  dead = false;
  received: WorkRequest[] = [];
  private readonly handle = createHandler();
  /**
   * `dieAfter`: fails (as a worker that cannot start does) after that many requests; `stuck`: never answers such a
   * request (a file that takes forever); `crash`: dies on such a request (a file that exhausts its memory).
   */
  constructor(
    private readonly dieAfter = Infinity,
    private readonly stuck: (r: WorkRequest) => boolean = () => false,
    private readonly crash: (r: WorkRequest) => boolean = () => false,
  ) {}
  postMessage(message: unknown): void {
    const { id, request } = structuredClone(message) as { id: number; request: WorkRequest };
    this.received.push(request);
    setTimeout(() => {
      if (this.terminated || this.dead) return;
      if (this.received.length > this.dieAfter || this.crash(request)) {
        this.dead = true;
        this.onerror?.(new Event("error"));
        return;
      }
      if (this.stuck(request)) {
        this.dead = true; // busy for ever: nothing after this is answered
        return;
      }
      let response: WorkResponse;
      try {
        response = { id, ok: true, value: this.handle(request) };
      } catch (e) {
        response = { id, ok: false, error: toWorkError(e) };
      }
      this.onmessage?.({ data: structuredClone(response) } as MessageEvent<WorkResponse>);
    }, 1);
  }
  terminate(): void {
    this.terminated = true;
  }
}

function sample(name: string): {
  bytes: ArrayBuffer;
  defects: { cell: string; rule: string }[];
  sheet: string;
} {
  const buf = fs.readFileSync(path.join(SAMPLES, `${name}.xlsx`));
  const meta = JSON.parse(fs.readFileSync(path.join(SAMPLES, `${name}.defects.json`), "utf8"));
  return {
    bytes: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer,
    defects: meta.defects,
    sheet: meta.sheet,
  };
}

const settings = { ...DEFAULT_SETTINGS };

describe("the worker client", () => {
  test("opens a file, finds its table and reports the planted defects, all through clones", async () => {
    const { bytes, defects, sheet } = sample("ke-hoach-giam-ngheo-2024");
    expect(defects.length).toBeGreaterThan(0);
    const fake = new FakeWorker();
    const client = new WorkClient(() => fake);
    expect(client.offThread).toBe(true);
    const opened = await client.run({ op: "open", file: 1, bytes, fileName: "kh.xlsx" });
    expect(opened.sheets).toContain(sheet);
    const first = await client.run({ op: "first-table", file: 1 });
    expect(first.sheet).toBe(sheet);
    const grid = decodeGrid(first.grid as string);
    const analyses = unpack(
      await client.run({ op: "analyze", source: { file: 1, sheet, writes: [] }, settings, overrides: {} }),
    );
    const found = new Set(analyses.flatMap((a) => a.findings.map((f) => `${f.cell} ${f.rule}`)));
    for (const d of defects) expect(found).toContain(`${d.cell} ${d.rule}`);
    // Every finding carries its sentence, made in the worker.
    for (const f of analyses[0].findings) expect(f.message).toMatch(/\S/);
    // The page's own copy of the grid, from the text, is the grid the file holds.
    expect(grid).toEqual(XlsxWorkbook.open(bytes, "kh.xlsx").grid(sheet));
    expect(fake.received.map((r) => r.op)).toEqual(["open", "first-table", "analyze"]);
  });

  test("by reference, the writes the page made are checked, not the file as opened", async () => {
    const { bytes, defects, sheet } = sample("bien-dong-ho-ngheo-2023");
    const [defect] = defects; // D15 written 180 where the rows add up to 170
    const client = new WorkClient(() => new FakeWorker());
    await client.run({ op: "open", file: 7, bytes, fileName: "bd.xlsx" });
    const before = unpack(
      await client.run({ op: "analyze", source: { file: 7, sheet, writes: [] }, settings, overrides: {} }),
    );
    expect(before[0].findings.map((f) => f.cell)).toContain(defect.cell);
    const fix = { sheet, cell: defect.cell, value: (defect as unknown as { expected: number }).expected };
    const after = unpack(
      await client.run({ op: "analyze", source: { file: 7, sheet, writes: [fix] }, settings, overrides: {} }),
    );
    expect(after[0].findings.map((f) => f.cell)).not.toContain(defect.cell);
    // The same as the engine run in the page over the page's grid with the write.
    const page = XlsxWorkbook.open(bytes, "bd.xlsx");
    page.write([fix]);
    const direct = analyzeGrid(page.grid(sheet), { rateDecimals: 2, rounding: "half-up", overrides: {} });
    expect(after[0].findings.map((f) => `${f.cell} ${f.rule}`)).toEqual(
      direct[0].findings.map((f) => `${f.cell} ${f.rule}`),
    );
  });

  test("a grid sent whole (Excel's pane) is checked as sent", async () => {
    const grid = gridFromRows("Sheet1", [
      ["STT", "Thôn", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ (%)"],
      [1, "Thôn 1", 412, 20, 4.85],
      [2, "Thôn 2", 288, 15, 5.21],
      [3, "Thôn 3", 530, 30, 5.6],
      [null, "Tổng cộng", 1230, 65, 5.28],
    ]);
    const client = new WorkClient(() => new FakeWorker());
    const [analysis] = unpack(await client.run({ op: "analyze", source: { grid }, settings, overrides: {} }));
    // 30/530*100 = 5.660 → 5.66, typed 5.6.
    expect(analysis.findings.map((f) => f.cell)).toEqual(["E4"]);
    // As JSON text (what the pane sends: a fraction of the cost of cloning a large grid's objects).
    const [again] = unpack(
      await client.run({ op: "analyze", source: { gridText: encodeGrid(grid) }, settings, overrides: {} }),
    );
    expect(again.findings).toEqual(analysis.findings);
  });

  test("errors keep the reader's code, so the page words them in its language", async () => {
    const client = new WorkClient(() => new FakeWorker());
    const junk = new TextEncoder().encode("STT;Thôn;Số hộ\n1;A;3\n").buffer as ArrayBuffer;
    const err = await client.run({ op: "open", file: 2, bytes: junk, fileName: "bang.csv" }).catch((e) => e);
    expect(err).toBeInstanceOf(XlsxReadError);
    expect((err as XlsxReadError).file).toBe("bang.csv");
    expect((err as XlsxReadError).inLang("en").message).toMatch(/bang\.csv/);
    const { bytes } = sample("ke-hoach-giam-ngheo-2024");
    await client.run({ op: "open", file: 3, bytes, fileName: "kh.xlsx" });
    await expect(client.run({ op: "sheet", file: 3, sheet: "Không có" })).rejects.toThrow(/Không có/);
    await expect(client.run({ op: "sheet", file: 99, sheet: "x" })).rejects.toThrow(/đã được đóng/);
  });

  test("no worker (file:// pages, jest): the same work runs in the page", async () => {
    const client = new WorkClient(() => {
      throw new DOMException("Workers are not allowed here", "SecurityError");
    });
    expect(client.offThread).toBe(false);
    const { bytes, sheet } = sample("ke-hoach-giam-ngheo-2024");
    await client.run({ op: "open", file: 1, bytes, fileName: "kh.xlsx" });
    expect((await client.run({ op: "first-table", file: 1 })).sheet).toBe(sheet);
    expect(new WorkClient().offThread).toBe(false);
  });

  test("a worker that fails before answering anything (cannot start): the work moves into the page", async () => {
    const { bytes, sheet } = sample("ke-hoach-giam-ngheo-2024");
    const fake = new FakeWorker(0);
    const client = new WorkClient(() => fake);
    await client.run({ op: "open", file: 5, bytes, fileName: "kh.xlsx" });
    expect(fake.terminated).toBe(true);
    expect(client.offThread).toBe(false);
    expect(decodeGrid(await client.run({ op: "sheet", file: 5, sheet })).sheet).toBe(sheet);
  });
});

describe("the page's budget (issue 24.7)", () => {
  const isFile = (n: number) => (r: WorkRequest) => r.op !== "open" && "file" in r && r.file === n;

  test("a request over its time: one line for that file, the other file goes on in a fresh worker", async () => {
    const kh = sample("ke-hoach-giam-ngheo-2024");
    const bd = sample("bien-dong-ho-ngheo-2023");
    const workers: FakeWorker[] = [];
    const client = new WorkClient(
      () => {
        // The first worker never finishes file 1's first table; the ones after it are well.
        const w = new FakeWorker(Infinity, workers.length === 0 ? isFile(1) : () => false);
        workers.push(w);
        return w;
      },
      { budgetMs: 200 },
    );
    await client.run({ op: "open", file: 1, bytes: kh.bytes, fileName: "cham.xlsx" });
    await client.run({ op: "open", file: 2, bytes: bd.bytes, fileName: "bd.xlsx" });
    const slow = client.run({ op: "first-table", file: 1 }).catch((e: unknown) => e);
    const other = client.run({ op: "first-table", file: 2 }); // waits behind the stuck one
    const err = await slow;
    expect(err).toBeInstanceOf(XlsxReadError);
    expect((err as XlsxReadError).message).toBe(
      'tệp "cham.xlsx" quá lớn để xử lý an toàn (đọc quá 0,2 giây, đã dừng)',
    );
    expect((await other).sheet).toBe(bd.sheet);
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
    // The new worker opened the file that was not at fault again, never the one that was.
    expect(
      workers[1].received.filter((r) => r.op === "open").map((r) => (r as { file: number }).file),
    ).toEqual([2]);
    expect(client.offThread).toBe(true);
    await expect(client.run({ op: "sheet", file: 1, sheet: kh.sheet })).rejects.toThrow(/đã được đóng/);
  });

  test("Hủy: the file's requests end as cancelled; the page may open another file at once", async () => {
    const kh = sample("ke-hoach-giam-ngheo-2024");
    const workers: FakeWorker[] = [];
    const client = new WorkClient(() => {
      const w = new FakeWorker(Infinity, workers.length === 0 ? isFile(3) : () => false);
      workers.push(w);
      return w;
    });
    await client.run({ op: "open", file: 3, bytes: kh.bytes, fileName: "kh.xlsx" });
    const reading = client.run({ op: "first-table", file: 3 }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 20));
    client.cancel();
    expect(await reading).toBeInstanceOf(WorkCancelled);
    await client.run({ op: "open", file: 4, bytes: kh.bytes, fileName: "kh.xlsx" });
    expect((await client.run({ op: "first-table", file: 4 })).sheet).toBe(kh.sheet);
    expect(workers[0].terminated).toBe(true);
  });

  test("a worker that dies working (out of memory): that file fails in words and is never read in the page", async () => {
    const kh = sample("ke-hoach-giam-ngheo-2024");
    const bd = sample("bien-dong-ho-ngheo-2023");
    const workers: FakeWorker[] = [];
    const client = new WorkClient(() => {
      const w = new FakeWorker(Infinity, () => false, workers.length === 0 ? isFile(6) : () => false);
      workers.push(w);
      return w;
    });
    await client.run({ op: "open", file: 6, bytes: kh.bytes, fileName: "nang.xlsx" });
    await client.run({ op: "open", file: 7, bytes: bd.bytes, fileName: "bd.xlsx" });
    const heavy = client.run({ op: "first-table", file: 6 }).catch((e: unknown) => e);
    const other = client.run({ op: "first-table", file: 7 });
    const err = (await heavy) as XlsxReadError;
    expect(err).toBeInstanceOf(XlsxReadError);
    expect(err.inLang("en").message).toBe(
      '"nang.xlsx" is too large to handle safely (it needs more memory than the page has and was stopped)',
    );
    expect((await other).sheet).toBe(bd.sheet);
    expect(client.offThread).toBe(true); // still off the page's thread
  });

  test("a sheet over the page's cells budget is refused in the reader's words", () => {
    const { bytes } = sample("ke-hoach-giam-ngheo-2024");
    const wb = XlsxWorkbook.open(bytes, "kh.xlsx", { maxCells: 50 });
    expect(() => wb.grid("KH 2024")).toThrow(
      /tệp "kh\.xlsx" quá lớn để xử lý an toàn \("KH 2024" \(xl\/worksheets\/sheet1\.xml\) có hơn 50 ô/,
    );
    expect(XlsxWorkbook.open(bytes, "kh.xlsx", { maxCells: 1000 }).grid("KH 2024").sheet).toBe("KH 2024");
  });
});

describe("what crosses as text", () => {
  test("every sample's grids come back from JSON as they were, missing rows and cells included", () => {
    for (const file of fs.readdirSync(SAMPLES).filter((f) => f.endsWith(".xlsx"))) {
      const wb = XlsxWorkbook.open(fs.readFileSync(path.join(SAMPLES, file)), file);
      for (const ws of wb.worksheets) {
        const grid = wb.grid(ws.name);
        const back = decodeGrid(encodeGrid(grid));
        expect(back).toEqual(grid);
        for (let r = 0; r < grid.cells.length; r++)
          for (let c = 0; c < (grid.cells[r]?.length ?? 0); c++)
            expect(back.cells[r]?.[c] === undefined).toBe(grid.cells[r]?.[c] === undefined);
      }
    }
    const sparse: Grid = { sheet: "S", top: 3, left: 2, cells: [], merges: [] };
    sparse.cells[4] = [];
    sparse.cells[4][3] = { value: 7, formula: "=A1" };
    const back = decodeGrid(encodeGrid(sparse));
    expect(back.cells[0]).toBeUndefined();
    expect(back.cells[4][0]).toBeUndefined();
    expect(back.cells[4][3]).toEqual({ value: 7, formula: "=A1" });
  });

  test("only what JSON gives back exactly goes as text", () => {
    expect("json" in pack({ a: [1, "x", null, { b: true }], c: undefined })).toBe(true);
    for (const odd of [
      { n: Infinity },
      { n: NaN },
      { list: [1, undefined] },
      { m: new Map() },
      { d: new Date(0) },
    ]) {
      const packed = pack(odd);
      expect("value" in packed).toBe(true);
      expect(unpack(packed)).toBe(odd);
    }
    const holes = [1, , 3]; // eslint-disable-line no-sparse-arrays
    expect("value" in pack(holes)).toBe(true);
    const plain = { findings: [{ cell: "E4", values: [5.6, 5.66] }] };
    expect(unpack(pack(plain))).toEqual(plain);
  });
});
