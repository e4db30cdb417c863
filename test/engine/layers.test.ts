// The engine's layers only call downward: no import of i18n (findings are data), no rule importing the pipeline,
// and no import circle anywhere in src/engine.
import * as fs from "fs";
import * as path from "path";

const ROOT = path.join(__dirname, "../../src/engine");

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

function imports(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const out: string[] = [];
  // Type-only imports vanish at run time and do not make circles.
  for (const m of text.matchAll(/^import\s+(?!type\s)[^;]*?from\s+"([^"]+)"/gms)) out.push(m[1]);
  for (const m of text.matchAll(/^export\s+(?!type\s)[^;]*?from\s+"([^"]+)"/gms)) out.push(m[1]);
  return out;
}

function resolve(from: string, spec: string): string | undefined {
  if (!spec.startsWith(".")) return undefined;
  const base = path.resolve(path.dirname(from), spec);
  for (const p of [base + ".ts", path.join(base, "index.ts")]) if (fs.existsSync(p)) return p;
  return undefined;
}

const all = files(ROOT);
const graph = new Map(all.map((f) => [f, imports(f)]));

test("no engine module imports i18n", () => {
  for (const [f, specs] of graph)
    for (const s of specs) expect(`${path.relative(ROOT, f)} → ${s}`).not.toMatch(/i18n/);
});

test("no rule module, nor blame or context, imports the pipeline", () => {
  for (const [f, specs] of graph) {
    const rel = path.relative(ROOT, f);
    if (!rel.startsWith("rules") && !["blame.ts", "context.ts", "check.ts"].includes(rel)) continue;
    for (const s of specs) expect(`${rel} → ${s}`).not.toMatch(/analyze$/);
  }
});

test("no import circle in src/engine", () => {
  const state = new Map<string, "active" | "done">();
  const cycles: string[] = [];
  const visit = (f: string, trail: string[]) => {
    if (state.get(f) === "done") return;
    if (state.get(f) === "active") {
      cycles.push([...trail.slice(trail.indexOf(f)), f].map((x) => path.relative(ROOT, x)).join(" → "));
      return;
    }
    state.set(f, "active");
    for (const s of graph.get(f) ?? []) {
      const to = resolve(f, s);
      if (to && to.startsWith(ROOT)) visit(to, [...trail, f]);
    }
    state.set(f, "done");
  };
  for (const f of all) visit(f, []);
  expect(cycles).toEqual([]);
});
