// Issue 24.8: exceljs (and unzipper → fstream → old rimraf/glob/inflight under it) never ships: it is not a runtime
// dependency, no product code imports it, and the lockfile marks its whole tree as development-only. Tests keep it
// as an independent second reader and fixture writer (a producer we did not write).
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "../cli/helpers";

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as {
  packages: Record<string, { dev?: boolean; devOptional?: boolean }>;
};

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe("what ships", () => {
  it("exceljs is a devDependency only", () => {
    expect(Object.keys(pkg.dependencies)).not.toContain("exceljs");
    expect(Object.keys(pkg.devDependencies)).toContain("exceljs");
  });

  it("no package of its tree is installed for production (npm ls --omit=dev lists none)", () => {
    const shipped = Object.entries(lock.packages)
      .filter(([key, entry]) => key !== "" && !entry.dev)
      .map(([key]) => key.slice(key.lastIndexOf("node_modules/") + "node_modules/".length));
    for (const name of ["exceljs", "unzipper", "fstream", "jszip", "archiver"])
      expect(shipped).not.toContain(name);
    // The runtime is React, Fluent UI, zod, saxes, fflate and what they need.
    expect(shipped).toContain("saxes");
    expect(shipped).toContain("fflate");
  });

  it("no product source imports exceljs", () => {
    const importers = files(path.join(ROOT, "src")).filter((f) =>
      /from\s+["']exceljs["']|require\(["']exceljs["']\)|import\(["']exceljs["']\)/.test(
        fs.readFileSync(f, "utf8"),
      ),
    );
    expect(importers).toEqual([]);
  });
});
