// Issue 19, hosts behind one port: the Office host, the file host, the ribbon commands and the worker talk to the
// pane through src/hosts/port.ts and never import src/taskpane (the pane sits above them). The standalone page
// shows the pane, so it may import the pane's component and theme, but not the pane's host types or analysis.
import * as fs from "fs";
import * as path from "path";

const src = path.resolve(__dirname, "..", "..", "src");

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

/** Every relative module a file imports, as a path under src/ without extension ("taskpane/PhuLucPane"). */
function imports(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const specs = [...text.matchAll(/(?:from|import)\s*\(?\s*"(\.[^"]+)"/g)].map((m) => m[1]);
  return specs.map((s) =>
    path
      .relative(src, path.resolve(path.dirname(file), s))
      .split(path.sep)
      .join("/"),
  );
}

const layer = (dir: string) =>
  files(path.join(src, dir)).map((f) => ({ file: path.relative(src, f), targets: imports(f) }));

test("hosts, commands and the worker never import the pane", () => {
  const offending = ["hosts", "commands", "worker"]
    .flatMap(layer)
    .flatMap(({ file, targets }) =>
      targets.filter((t) => t.startsWith("taskpane/")).map((t) => `${file} → ${t}`),
    );
  expect(offending).toEqual([]);
});

test("the standalone page imports only the pane's component, its theme and the views it shows alone", () => {
  const allowed = new Set([
    "taskpane/PhuLucPane",
    "taskpane/theme",
    // Views the page shows on its own, outside the pane: a Word plan's Lời văn, the files chosen to consolidate.
    "taskpane/components/ProseView",
    "taskpane/components/ManyFilesView",
  ]);
  const offending = layer("standalone").flatMap(({ file, targets }) =>
    targets.filter((t) => t.startsWith("taskpane/") && !allowed.has(t)).map((t) => `${file} → ${t}`),
  );
  expect(offending).toEqual([]);
});

test("the walk sees real imports (it would catch one)", () => {
  const pane = layer("taskpane").find((f) => f.file === "taskpane/usePane.ts");
  expect(pane?.targets).toContain("hosts/port");
});
