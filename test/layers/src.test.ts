// Issue 19: src/ as layers that only call downward, with no import circle anywhere. A folder may import itself and
// the folders listed under it; the engine is entered from outside only through its facade (src/engine/index.ts,
// also enforced by eslint's no-restricted-imports).
import * as fs from "fs";
import * as path from "path";

const SRC = path.join(__dirname, "../../src");

/** What each top folder of src/ may import besides itself. */
const MAY_IMPORT: Record<string, string[]> = {
  engine: [],
  i18n: ["engine"],
  hosts: ["engine", "i18n"],
  worker: ["engine", "i18n", "hosts"],
  commands: ["engine", "i18n", "hosts", "worker"],
  cli: ["engine", "i18n", "hosts"],
  taskpane: ["engine", "i18n", "hosts", "worker"],
  // The standalone page is the pane's UI over a file opened in the browser: the one shell above the pane.
  standalone: ["engine", "i18n", "hosts", "worker", "taskpane"],
};

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.tsx?$/.test(p) && !p.endsWith(".d.ts") ? [p] : [];
  });
}

/** Import specifiers of a file; `typeOnly` tells whether the import vanishes at run time. */
function imports(file: string): { spec: string; typeOnly: boolean }[] {
  const text = fs.readFileSync(file, "utf8");
  const out: { spec: string; typeOnly: boolean }[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(type\s)?[^;]*?from\s+"([^"]+)"/gms))
    out.push({ spec: m[2], typeOnly: Boolean(m[1]) });
  for (const m of text.matchAll(/^import\s+"([^"]+)"/gm)) out.push({ spec: m[1], typeOnly: false });
  for (const m of text.matchAll(/(?:import|require)\(\s*"([^"]+)"\s*\)/g))
    out.push({ spec: m[1], typeOnly: false });
  return out;
}

function resolve(from: string, spec: string): string | undefined {
  if (!spec.startsWith(".")) return undefined;
  const base = path.resolve(path.dirname(from), spec);
  for (const p of [
    base,
    base + ".ts",
    base + ".tsx",
    path.join(base, "index.ts"),
    path.join(base, "index.tsx"),
  ])
    if (fs.existsSync(p) && fs.statSync(p).isFile()) return p;
  return undefined;
}

const top = (f: string) => path.relative(SRC, f).split(path.sep)[0];
const all = files(SRC);
const edges = all.flatMap((f) =>
  imports(f).flatMap(({ spec, typeOnly }) => {
    const to = resolve(f, spec);
    return to ? [{ from: f, to, typeOnly }] : [];
  }),
);

test("every top folder of src/ is placed in a layer", () => {
  const tops = new Set(all.map(top).filter((t) => !/\.tsx?$/.test(t)));
  expect([...tops].filter((t) => !(t in MAY_IMPORT))).toEqual([]);
});

test("a layer imports only itself and the layers below it (types included)", () => {
  const wrong = edges
    .filter((e) => top(e.from) !== top(e.to) && !(MAY_IMPORT[top(e.from)] ?? []).includes(top(e.to)))
    .map((e) => `${path.relative(SRC, e.from)} → ${path.relative(SRC, e.to)}`);
  expect(wrong).toEqual([]);
});

test("outside the engine, the engine is entered only through its facade", () => {
  const facade = path.join(SRC, "engine", "index.ts");
  const wrong = edges
    .filter((e) => top(e.from) !== "engine" && top(e.to) === "engine" && e.to !== facade)
    .map((e) => `${path.relative(SRC, e.from)} → ${path.relative(SRC, e.to)}`);
  expect(wrong).toEqual([]);
});

test("no import circle anywhere in src/ (imports that vanish at run time excepted)", () => {
  const graph = new Map<string, string[]>();
  for (const e of edges) if (!e.typeOnly) graph.set(e.from, [...(graph.get(e.from) ?? []), e.to]);
  const state = new Map<string, "active" | "done">();
  const cycles: string[] = [];
  const visit = (f: string, trail: string[]) => {
    if (state.get(f) === "done") return;
    if (state.get(f) === "active") {
      cycles.push([...trail.slice(trail.indexOf(f)), f].map((x) => path.relative(SRC, x)).join(" → "));
      return;
    }
    state.set(f, "active");
    for (const to of graph.get(f) ?? []) visit(to, [...trail, f]);
    state.set(f, "done");
  };
  for (const f of all) visit(f, []);
  expect(cycles).toEqual([]);
});

test("the walk sees the imports it judges (a known edge of each kind is found)", () => {
  const rel = (e: { from: string; to: string }) =>
    `${path.relative(SRC, e.from)} → ${path.relative(SRC, e.to)}`;
  const seen = edges.map(rel);
  expect(seen).toContain(`cli${path.sep}check.ts → engine${path.sep}index.ts`);
  expect(edges.some((e) => top(e.from) === "taskpane" && top(e.to) === "hosts")).toBe(true);
});
