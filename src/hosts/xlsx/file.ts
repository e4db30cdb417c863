// Node-only: reading a package from disk and replacing a file safely (mode and owner kept, symlinks followed,
// temp file 0600 in the same folder, fsync, rename; read-only targets refused; an existing -o needs --force).
import { constants, promises as fs } from "fs";
import * as path from "path";
import { XlsxReadError } from "./errors";
import * as zlib from "zlib";
import { openPackage, type OpenOptions, type XlsxPackage } from "./package";
import { useNativeCrc, useNativeInflate } from "./zip";

// Node's zlib inflates several times faster than fflate; maxOutputLength keeps the declared-size limit.
useNativeInflate((data, maxSize) => zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, maxSize) }));
// zlib.crc32 (Node 20.15+) checks a part's CRC at memory speed; older Node keeps the table in zip.ts.
const nativeCrc = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
if (nativeCrc) useNativeCrc((data, value) => nativeCrc(data, value));

/** What says a file is still the one that was read: identity, size and modification time. */
export interface FileIdentity {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}

const identities = new WeakMap<XlsxPackage, FileIdentity>();

/** The identity of the file a package was read from (packages opened from bytes have none). */
export function identityOf(pkg: XlsxPackage): FileIdentity | undefined {
  return identities.get(pkg);
}

function identity(stat: import("fs").Stats): FileIdentity {
  return { dev: stat.dev, ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs };
}

function sameIdentity(a: FileIdentity, b: FileIdentity): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

export async function readPackageFile(file: string, options: OpenOptions = {}): Promise<XlsxPackage> {
  const { bytes, id } = await readFileWithIdentity(file);
  const pkg = openPackage(bytes, file, options);
  identities.set(pkg, id);
  return pkg;
}

/** A file's bytes; any failure becomes an XlsxReadError naming the file and what went wrong. */
export async function readFileBytes(file: string): Promise<Buffer> {
  return (await readFileWithIdentity(file)).bytes;
}

async function readFileWithIdentity(file: string): Promise<{ bytes: Buffer; id: FileIdentity }> {
  let handle: import("fs").promises.FileHandle | undefined;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new XlsxReadError("not-a-file", file);
    // The identity is taken from the open file before reading it: a save that lands while it is read changes the
    // modification time after this, and `--in-place` then keeps that save.
    handle = await fs.open(file, "r");
    const id = identity(await handle.stat());
    const bytes = await handle.readFile();
    return { bytes, id };
  } catch (err) {
    if (err instanceof XlsxReadError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new XlsxReadError("not-found", file);
    if (code === "EACCES" || code === "EPERM") throw new XlsxReadError("no-access", file);
    if (code === "EISDIR") throw new XlsxReadError("not-a-file", file);
    if (code === "ERR_FS_FILE_TOO_LARGE" || code === "ERR_OUT_OF_RANGE")
      throw new XlsxReadError("too-large", file);
    throw new XlsxReadError("corrupt", file, code ?? (err as Error).message);
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

export interface SafeWriteOptions {
  /** The target is the input itself (`--in-place`): it must exist and be writable. */
  inPlace?: boolean;
  /** Overwrite an existing target given with -o. */
  force?: boolean;
  /**
   * The target as it was read (`--in-place`): if another program replaced or rewrote it meanwhile, its save is
   * kept and the new bytes are written beside it.
   */
  expect?: FileIdentity;
}

/** Where the bytes went: the target, or beside it when the target changed while we worked (`conflict`). */
export interface SafeWriteResult {
  path: string;
  conflict: boolean;
}

const TEMP = /^\.(.+)\.(\d+)\.([0-9a-z]+)\.tmp$/;

/**
 * Removes the temporary files a killed run left in `dir` (ours by their name, their process gone, older than a
 * minute so a run that is starting is never disturbed).
 */
async function removeStaleTemps(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m) continue;
    const pid = Number(m[2]);
    if (pid === process.pid || processAlive(pid)) continue;
    const file = path.join(dir, name);
    try {
      const stat = await fs.lstat(file);
      if (!stat.isFile() || Date.now() - stat.mtimeMs < 60000) continue;
      await fs.rm(file, { force: true });
    } catch {
      // gone already, or not ours to remove
    }
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** "bang.xlsx" → "bang (đã sửa).xlsx", "bang (đã sửa 2).xlsx"... : a name beside the target that is free. */
async function besideName(target: string, tmp: string): Promise<string> {
  const ext = path.extname(target);
  const stem = target.slice(0, target.length - ext.length);
  for (let n = 1; n < 1000; n++) {
    const candidate = `${stem} (đã sửa${n > 1 ? ` ${n}` : ""})${ext}`;
    try {
      try {
        await fs.link(tmp, candidate); // never replaces a file: fails if the name is taken
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "EEXIST") throw err;
        // No hard links here (a FAT USB stick): a copy that also refuses to replace a file.
        await fs.copyFile(tmp, candidate, constants.COPYFILE_EXCL);
      }
      await fs.rm(tmp, { force: true });
      return candidate;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
  }
  throw Object.assign(new Error("no free name"), { code: "EEXIST" });
}

/**
 * Creates the folders an `-o` path names that do not exist yet (`out/` on a fresh clone), and nothing above them:
 * only the path the user typed, never its symlinks' targets' parents. Returns the folders created, outermost first.
 */
async function createMissingFolders(dir: string): Promise<string[]> {
  const missing: string[] = [];
  for (let d = dir; ; d = path.dirname(d)) {
    try {
      const stat = await fs.stat(d);
      if (!stat.isDirectory()) return []; // a file where a folder should be: the write fails with ENOTDIR
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") return [];
      missing.unshift(d);
      if (path.dirname(d) === d) break;
    }
  }
  for (const d of missing) await fs.mkdir(d).catch(() => undefined);
  return missing;
}

/**
 * Writes `bytes` to `file`: through a 0600 temporary file in the target's folder (the link's target's folder when
 * `file` is a symlink), fsynced, then renamed over the target with the target's mode and owner. Errors are
 * XlsxReadError ("exists", "read-only", "write-failed" with the errno code).
 */
export async function writeFileSafely(
  file: string,
  bytes: Uint8Array,
  options: SafeWriteOptions = {},
): Promise<SafeWriteResult> {
  let target = path.resolve(file);
  let existing: import("fs").Stats | undefined;
  try {
    target = await fs.realpath(target); // follow a symlink to the real file
    existing = await fs.stat(target);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== "ENOENT") throw new XlsxReadError("write-failed", file, code ?? (err as Error).message);
    // A dangling symlink: write where it points.
    try {
      const link = await fs.readlink(path.resolve(file));
      target = path.resolve(path.dirname(path.resolve(file)), link);
    } catch {
      // not a link
    }
  }
  if (!existing && !options.inPlace) await createMissingFolders(path.dirname(target));
  if (existing) {
    if (!existing.isFile()) throw new XlsxReadError("write-failed", file, "EISDIR");
    if (!options.inPlace && !options.force) throw new XlsxReadError("exists", file);
    // Root may write anything: a file without any write bit is read-only by the user's choice.
    if ((existing.mode & 0o222) === 0) throw new XlsxReadError("read-only", file);
    try {
      await fs.access(target, constants.W_OK);
    } catch {
      throw new XlsxReadError("read-only", file);
    }
  }
  const dir = path.dirname(target);
  await removeStaleTemps(dir);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let handle: import("fs").promises.FileHandle | undefined;
  try {
    handle = await fs.open(tmp, "wx", 0o600);
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = undefined;
    if (existing) {
      await fs.chmod(tmp, existing.mode & 0o7777);
      try {
        await fs.chown(tmp, existing.uid, existing.gid);
      } catch (err) {
        // Only root may give a file away; a user replacing their own file keeps their own ownership anyway.
        if (typeof process.getuid === "function" && process.getuid() === 0) throw err;
      }
    } else {
      const umask = process.umask();
      await fs.chmod(tmp, 0o666 & ~umask);
    }
    let written = target;
    let conflict = false;
    // Last look before replacing: a save by another program since we read the file is never overwritten.
    if (options.expect && !(await unchanged(target, options.expect))) {
      written = await besideName(target, tmp);
      conflict = true;
    } else await fs.rename(tmp, target);
    try {
      const d = await fs.open(dir, "r");
      await d.sync().catch(() => undefined);
      await d.close();
    } catch {
      // directories cannot be opened for sync on every platform
    }
    return { path: written, conflict };
  } catch (err) {
    if (handle) await handle.close().catch(() => undefined);
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    if (err instanceof XlsxReadError) throw err;
    const e = err as NodeJS.ErrnoException;
    throw new XlsxReadError("write-failed", file, e.code ?? e.message);
  }
}

async function unchanged(target: string, expect: FileIdentity): Promise<boolean> {
  try {
    return sameIdentity(identity(await fs.stat(target)), expect);
  } catch {
    return false; // removed or renamed away: whatever happened, it was not us
  }
}
