// The pages' analysis by reference (the worker's copy + the page's writes) equals the page's own grid,
// after fix-all, Unicode conversion and undo, on every bundled sample.
import * as fs from "fs";
import * as path from "path";
import { WorkClient } from "../../src/worker/client";
import { createHandler } from "../../src/worker/handler";
import { decodeGrid } from "../../src/worker/text";
import { PageHost } from "../../src/standalone/StandaloneApp";
import { XlsxWorkbook } from "../../src/hosts/xlsx/workbook";
import { planFixAll, runAnalysis } from "../../src/hosts/analysis";
import { DEFAULT_SETTINGS } from "../../src/hosts/port";
import type { WorkRequest, WorkResponse } from "../../src/worker/protocol";
import type { WorkerLike } from "../../src/worker/client";
import { legacyTextConversions } from "../../src/engine";

class CloneWorker implements WorkerLike {
  onmessage: ((e: MessageEvent<WorkResponse>) => void) | null = null;
  onerror: ((e: Event) => void) | null = null;
  private readonly handle = createHandler();
  postMessage(message: unknown): void {
    const { id, request } = structuredClone(message) as { id: number; request: WorkRequest };
    setTimeout(() => {
      const response: WorkResponse = { id, ok: true, value: this.handle(request) };
      this.onmessage?.({ data: structuredClone(response) } as MessageEvent<WorkResponse>);
    }, 1);
  }
  terminate(): void {}
}

const SAMPLES = path.join(__dirname, "../../samples");
const store = { get: () => null, set: () => undefined };
const key = (a: ReturnType<typeof runAnalysis>) =>
  a.map((t) => t.findings.map((f) => `${f.cell} ${f.rule} ${f.severity} ${f.expected}`).join("|"));

for (const name of fs.readdirSync(SAMPLES).filter((n) => n.endsWith(".xlsx"))) {
  test(`${name}: by reference = the page's grid, after fix-all, conversion and undo`, async () => {
    const buf = fs.readFileSync(path.join(SAMPLES, name));
    const bytes = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
    const client = new WorkClient(() => new CloneWorker());
    const workbook = XlsxWorkbook.open(bytes, name);
    await client.run({ op: "open", file: 1, bytes, fileName: name });
    const first = await client.run({ op: "first-table", file: 1 });
    if (first.grid) workbook.adoptGrid(first.sheet, decodeGrid(first.grid));
    const host = new PageHost(workbook, first.sheet, name, store);
    host.source = { client, file: 1 };
    const settings = { ...DEFAULT_SETTINGS };
    const same = async () => {
      const grid = (await host.loadGrid(first.sheet))!;
      const byRef = await host.analyze(grid, settings, {});
      expect(key(byRef)).toEqual(key(runAnalysis(grid, settings, {})));
      return byRef;
    };
    const before = await same();
    const grid = (await host.loadGrid(first.sheet))!;
    const conv = legacyTextConversions(grid);
    if (conv.length) await host.applyWrites({ writes: conv, undecided: [] });
    await same();
    if (before[0]) {
      const { plan } = planFixAll(before[0], settings, grid, true);
      await host.applyWrites(plan);
      await same();
    }
    await host.undo();
    await same();
    await host.undo();
    await same();
  });
}
