// Issue 11: `npm ci` must succeed on a fresh machine with no system packages. A package that compiles native code
// at install (keytar needs libsecret-1-dev, pkg-config and a compiler) must not come back into the lockfile
// unnoticed. A package with an install script passes only when the registry ships its binaries for Linux x64 as
// optional packages (the script then merely checks for them, as @parcel/watcher's does).
import * as fs from "fs";
import * as path from "path";

interface LockEntry {
  version?: string;
  hasInstallScript?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  engines?: Record<string, string> | string[];
  dev?: boolean;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
}

const root = path.resolve(__dirname, "..", "..");
const lock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8")) as {
  packages: Record<string, LockEntry>;
};

/** Names of packages whose presence means "compile C/C++ at install". */
const NATIVE_BUILDERS = [
  "node-gyp",
  "prebuild-install",
  "@mapbox/node-pre-gyp",
  "node-pre-gyp",
  "cmake-js",
  "nan",
];

function nameOf(key: string): string {
  return key.slice(key.lastIndexOf("node_modules/") + "node_modules/".length);
}

function shipsLinuxPrebuild(entry: LockEntry): boolean {
  return Object.keys(entry.optionalDependencies ?? {}).some((dep) => /linux-x64/.test(dep));
}

/** Returns the packages of a lockfile that would build native code from source on a fresh Linux x64 machine. */
export function nativeBuildsFromSource(packages: Record<string, LockEntry>): string[] {
  const found: string[] = [];
  for (const [key, entry] of Object.entries(packages)) {
    if (!key) continue;
    const deps = Object.keys(entry.dependencies ?? {});
    const usesBuilder = deps.some((dep) => NATIVE_BUILDERS.includes(dep));
    if ((entry.hasInstallScript || usesBuilder) && !shipsLinuxPrebuild(entry)) {
      found.push(`${nameOf(key)}@${entry.version ?? "?"}`);
    }
  }
  return found.sort();
}

describe("package-lock.json", () => {
  it("has no package that builds native code from source at install", () => {
    expect(nativeBuildsFromSource(lock.packages)).toEqual([]);
  });

  it("would catch keytar and its like", () => {
    const keytar: Record<string, LockEntry> = {
      "": {},
      "node_modules/keytar": {
        version: "7.9.0",
        hasInstallScript: true,
        dependencies: { "node-addon-api": "^4.3.0", "prebuild-install": "^7.0.1" },
      },
      "node_modules/some-addon": { version: "1.0.0", dependencies: { "node-gyp": "^10.0.0" } },
      "node_modules/@parcel/watcher": {
        version: "2.6.0",
        hasInstallScript: true,
        optionalDependencies: { "@parcel/watcher-linux-x64-glibc": "2.6.0" },
      },
    };
    expect(nativeBuildsFromSource(keytar)).toEqual(["keytar@7.9.0", "some-addon@1.0.0"]);
  });

  it("holds no package that refuses the Node versions package.json supports", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
      engines: { node: string };
    };
    const floor = /^>=\s*(\d+)\.(\d+)/.exec(pkg.engines.node);
    expect(floor).not.toBeNull();
    const [major, minor] = [Number(floor![1]), Number(floor![2])];
    const refused: string[] = [];
    for (const [key, entry] of Object.entries(lock.packages)) {
      const node = !entry.engines || Array.isArray(entry.engines) ? undefined : entry.engines.node;
      if (!key || !node || entry.os || entry.cpu) continue;
      // Only the simple ">= X.Y" floors can contradict ours; ranges like "^18 || >=20" accept 20.
      const m = /^>=\s*v?(\d+)(?:\.(\d+))?/.exec(node.trim());
      if (m && !node.includes("||")) {
        const [needMajor, needMinor] = [Number(m[1]), Number(m[2] ?? 0)];
        if (needMajor > major || (needMajor === major && needMinor > minor))
          refused.push(`${nameOf(key)}: ${node}`);
      }
    }
    expect(refused).toEqual([]);
  });

  it("does not carry the Microsoft 365 toolkit or keytar", () => {
    const names = Object.keys(lock.packages).map(nameOf);
    expect(names).not.toContain("keytar");
    expect(names).not.toContain("@microsoft/m365agentstoolkit-cli");
  });
});
