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

export async function readPackageFile(file: string, options: OpenOptions = {}): Promise<XlsxPackage> {
  return openPackage(await readFileBytes(file), file, options);
}

/** A file's bytes; any failure becomes an XlsxReadError naming the file and what went wrong. */
export async function readFileBytes(file: string): Promise<Buffer> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) throw new XlsxReadError("not-a-file", file);
    return await fs.readFile(file);
  } catch (err) {
    if (err instanceof XlsxReadError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new XlsxReadError("not-found", file);
    if (code === "EACCES" || code === "EPERM") throw new XlsxReadError("no-access", file);
    if (code === "EISDIR") throw new XlsxReadError("not-a-file", file);
    if (code === "ERR_FS_FILE_TOO_LARGE" || code === "ERR_OUT_OF_RANGE")
      throw new XlsxReadError("too-large", file);
    throw new XlsxReadError("corrupt", file, code ?? (err as Error).message);
  }
}

export interface SafeWriteOptions {
  /** The target is the input itself (`--in-place`): it must exist and be writable. */
  inPlace?: boolean;
  /** Overwrite an existing target given with -o. */
  force?: boolean;
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
): Promise<void> {
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
    await fs.rename(tmp, target);
    try {
      const d = await fs.open(dir, "r");
      await d.sync().catch(() => undefined);
      await d.close();
    } catch {
      // directories cannot be opened for sync on every platform
    }
  } catch (err) {
    if (handle) await handle.close().catch(() => undefined);
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    if (err instanceof XlsxReadError) throw err;
    const e = err as NodeJS.ErrnoException;
    throw new XlsxReadError("write-failed", file, e.code ?? e.message);
  }
}
