// Lists exported names of src/**/*.ts(x) that no other file of src/ or test/ mentions (a re-export line does
// not count as a use). A word match, not a type check: read each hit before deleting. Usage: node scripts/dead-exports.js
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const walk = (dir) =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
const src = walk(path.join(root, "src"));
// Build scripts read some exports too (webpack.config.js renders the page's static HTML from src/taskpane/outside.ts).
const scripts = [
  ...fs
    .readdirSync(root)
    .filter((n) => /\.(c|m)?js$/.test(n))
    .map((n) => path.join(root, n)),
  ...fs.readdirSync(path.join(root, "scripts")).map((n) => path.join(root, "scripts", n)),
].filter((f) => f !== __filename);
const all = [...src, ...walk(path.join(root, "test")), ...scripts];
const text = new Map(all.map((f) => [f, fs.readFileSync(f, "utf8")]));
// Lines that only pass a name on (export { a } from "./x") are not uses.
const passOn = /^\s*export\s+(type\s+)?\{[^}]*\}\s*from\s/;
const reexports = all.flatMap((f) =>
  text
    .get(f)
    .split("\n")
    .filter((l) => passOn.test(l)),
);
const used = new Map(
  all.map((f) => [
    f,
    text
      .get(f)
      .split("\n")
      .filter((l) => !passOn.test(l))
      .join("\n"),
  ]),
);

const declared =
  /^export\s+(?:declare\s+)?(?:async\s+)?(const|let|function\*?|class|interface|type|enum|abstract\s+class)\s+([A-Za-z_$][\w$]*)/gm;
const listed = /^export\s+(?:type\s+)?\{([^}]*)\}(?!\s*from)/gm;
const rows = [];
for (const f of src) {
  const t = text.get(f);
  const names = new Map(); // name → "type" or "value"
  for (const m of t.matchAll(declared)) names.set(m[2], /interface|type/.test(m[1]) ? "type" : "value");
  for (const m of t.matchAll(listed))
    for (const part of m[1].split(",")) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop()
        .replace(/^type\s+/, "");
      if (name) names.set(name, /^\s*type\s/.test(part) || /^export\s+type/.test(m[0]) ? "type" : "value");
    }
  for (const [name, kind] of names) {
    const word = new RegExp(`\\b${name.replace(/\$/g, "\\$")}\\b`);
    const elsewhere = all.filter((g) => g !== f && word.test(used.get(g)));
    if (elsewhere.length > 0) continue;
    const inside = (t.match(new RegExp(`\\b${name.replace(/\$/g, "\\$")}\\b`, "g")) ?? []).length;
    const passed = reexports.some((l) => word.test(l)) ? ", re-exported by a facade" : "";
    rows.push(
      `${path.relative(root, f)}\t${kind}\t${name}\t${inside > 1 ? "used in its file" : "unused"}${passed}`,
    );
  }
}
console.log(rows.join("\n"));
