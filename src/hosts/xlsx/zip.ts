// A zip package read from its central directory: sizes known (and limited) before anything is inflated, parts
// inflated one at a time or streamed, unchanged parts copied into a new zip as their original compressed bytes.
// Browser-safe (fflate only).
import { Inflate, deflateSync } from "fflate";

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  time: number;
  date: number;
  localOffset: number;
  /** Where the compressed data starts (after the local header). */
  dataOffset: number;
}

export interface ZipLimits {
  /** Largest uncompressed part, bytes. */
  maxPart: number;
  /** Largest sum of uncompressed parts, bytes. */
  maxTotal: number;
  /** Largest compression ratio of a part bigger than `ratioFloor` bytes. */
  maxRatio: number;
  ratioFloor: number;
  maxEntries: number;
}

// A full 1,048,576-row sheet of a dozen columns is a few hundred MB of XML and compresses ~10-20×; a zip bomb
// compresses 1000×. Ratios up to 200 stay allowed (blank styled rows compress very well).
export const DEFAULT_LIMITS: ZipLimits = {
  maxPart: 1024 * 1024 * 1024,
  maxTotal: 1536 * 1024 * 1024,
  maxRatio: 200,
  ratioFloor: 4 * 1024 * 1024,
  maxEntries: 20000,
};

/** Why the directory cannot be used: damaged, encrypted, too large or over-compressed. */
export class ZipError extends Error {
  constructor(
    readonly kind: "corrupt" | "encrypted" | "too-large" | "bomb",
    readonly part: string,
    message: string,
    /** A reason the reader's messages word themselves (errors.ts). */
    readonly reason?: "crc" | "duplicate",
  ) {
    super(message);
    this.name = "ZipError";
  }
}

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;

const decoder = new TextDecoder("utf-8");

export function readDirectory(bytes: Uint8Array, limits: ZipLimits = DEFAULT_LIMITS): ZipEntry[] {
  // End of central directory: 22 bytes plus a comment of up to 65535.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError("corrupt", "", "no zip directory (truncated file?)");
  let count = u16(bytes, eocd + 10);
  let offset = u32(bytes, eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    // Zip64 end of central directory locator just before the EOCD.
    const loc = eocd - 20;
    if (loc < 0 || u32(bytes, loc) !== 0x07064b50) throw new ZipError("corrupt", "", "bad zip64 directory");
    const z = Number(u32(bytes, loc + 8));
    if (u32(bytes, z) !== 0x06064b50) throw new ZipError("corrupt", "", "bad zip64 directory");
    count = u32(bytes, z + 32);
    offset = u32(bytes, z + 48);
  }
  if (count > limits.maxEntries) throw new ZipError("too-large", "", `${count} parts > ${limits.maxEntries}`);
  const entries: ZipEntry[] = [];
  // Part names are case-insensitive (OPC): two entries of one name would be read one way and written another.
  const names = new Set<string>();
  let p = offset;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50)
      throw new ZipError("corrupt", "", "damaged zip directory");
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const time = u16(bytes, p + 12);
    const date = u16(bytes, p + 14);
    const crc = u32(bytes, p + 16);
    let compressedSize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let localOffset = u32(bytes, p + 42);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      // Zip64 extra field: the 64-bit values, in order, for those that are 0xffffffff.
      let e = p + 46 + nameLen;
      const end = e + extraLen;
      while (e + 4 <= end) {
        const id = u16(bytes, e);
        const len = u16(bytes, e + 2);
        if (id === 1) {
          let q = e + 4;
          const read64 = () => {
            const v = u32(bytes, q) + u32(bytes, q + 4) * 0x100000000;
            q += 8;
            return v;
          };
          if (size === 0xffffffff) size = read64();
          if (compressedSize === 0xffffffff) compressedSize = read64();
          if (localOffset === 0xffffffff) localOffset = read64();
        }
        e += 4 + len;
      }
    }
    if (names.has(name.toLowerCase())) throw new ZipError("corrupt", name, "duplicate entry", "duplicate");
    names.add(name.toLowerCase());
    if (flags & 1) throw new ZipError("encrypted", name, "encrypted zip entry");
    if (method !== 0 && method !== 8) throw new ZipError("corrupt", name, `compression method ${method}`);
    if (size > limits.maxPart) throw new ZipError("too-large", name, `${mb(size)} > ${mb(limits.maxPart)}`);
    if (size > limits.ratioFloor && size > compressedSize * limits.maxRatio)
      throw new ZipError("bomb", name, `${mb(compressedSize)} → ${mb(size)}`);
    total += size;
    if (total > limits.maxTotal)
      throw new ZipError("too-large", name, `${mb(total)} > ${mb(limits.maxTotal)}`);
    if (localOffset + 30 > bytes.length || u32(bytes, localOffset) !== 0x04034b50)
      throw new ZipError("corrupt", name, "damaged zip entry");
    const dataOffset = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
    if (dataOffset + compressedSize > bytes.length)
      throw new ZipError("corrupt", name, "truncated zip entry");
    entries.push({ name, method, flags, crc, compressedSize, size, time, date, localOffset, dataOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * A faster inflater for raw DEFLATE where the platform has one (Node's zlib, registered by file.ts): it must throw
 * when the output would pass `maxSize`. The browser keeps fflate.
 */
let nativeInflate: ((data: Uint8Array, maxSize: number) => Uint8Array) | undefined;

export function useNativeInflate(fn: (data: Uint8Array, maxSize: number) => Uint8Array): void {
  nativeInflate = fn;
}

/** A faster CRC-32 where the platform has one (Node's zlib.crc32): `(data, running crc) → crc`. */
let nativeCrc: ((data: Uint8Array, value: number) => number) | undefined;

export function useNativeCrc(fn: (data: Uint8Array, value: number) => number): void {
  nativeCrc = fn;
}

/**
 * Inflates an entry in chunks, handing each piece of output to `onData`; stops with a ZipError as soon as the
 * output passes the size the directory declared (a lying directory cannot make us allocate more). The CRC-32 of
 * what was read is checked against the directory's at the end: damaged data is never taken (nor written back
 * under a fresh CRC by the patcher).
 */
export function streamEntry(bytes: Uint8Array, entry: ZipEntry, onData: (chunk: Uint8Array) => void): void {
  let crc = 0;
  const update = nativeCrc ?? crc32Update;
  inflateEntry(bytes, entry, (chunk) => {
    crc = update(chunk, crc);
    onData(chunk);
  });
  if (crc >>> 0 !== entry.crc >>> 0) throw new ZipError("corrupt", entry.name, "CRC mismatch", "crc");
}

function inflateEntry(bytes: Uint8Array, entry: ZipEntry, onData: (chunk: Uint8Array) => void): void {
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) {
    if (data.length !== entry.size) throw new ZipError("corrupt", entry.name, "stored size mismatch");
    for (let i = 0; i < data.length; i += 1 << 20)
      onData(data.subarray(i, Math.min(data.length, i + (1 << 20))));
    return;
  }
  if (nativeInflate) {
    let out: Uint8Array;
    try {
      out = nativeInflate(data, entry.size);
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (
        code === "ERR_BUFFER_TOO_LARGE" ||
        (err instanceof RangeError && /larger|too large|maxOutputLength/i.test(err.message))
      )
        throw new ZipError("bomb", entry.name, `more than the ${mb(entry.size)} declared`);
      throw new ZipError("corrupt", entry.name, (err as Error).message);
    }
    for (let i = 0; i < out.length; i += 1 << 20)
      onData(out.subarray(i, Math.min(out.length, i + (1 << 20))));
    return;
  }
  let produced = 0;
  let callerError: unknown;
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > entry.size)
      throw new ZipError("bomb", entry.name, `more than the ${mb(entry.size)} declared`);
    try {
      onData(chunk);
    } catch (err) {
      callerError = err;
      throw err;
    }
  });
  const step = 1 << 16;
  try {
    for (let i = 0; i < data.length; i += step) {
      const end = Math.min(data.length, i + step);
      inflater.push(data.subarray(i, end), end === data.length);
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (err) {
    if (err instanceof ZipError || err === callerError) throw err;
    throw new ZipError("corrupt", entry.name, (err as Error).message);
  }
}

/** Bytes as a person reads them. */
function mb(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${Math.round(bytes / (1024 * 1024))} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The entry's whole content (for parts whose declared size was checked against the limits). */
export function readEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const out = new Uint8Array(entry.size);
  let at = 0;
  streamEntry(bytes, entry, (chunk) => {
    out.set(chunk, at);
    at += chunk.length;
  });
  if (at !== entry.size) throw new ZipError("corrupt", entry.name, "shorter than declared");
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Writing

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  return crc32Update(data, 0);
}

/** The CRC-32 of everything so far, from the CRC of what came before (0 at the start). */
function crc32Update(data: Uint8Array, crc: number): number {
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** A part of the new zip: either copied from the source (its compressed bytes as they are) or new content. */
export type OutPart =
  | { name: string; copy: ZipEntry; source: Uint8Array }
  | { name: string; data: Uint8Array; time?: number; date?: number };

function dosNow(): { time: number; date: number } {
  const d = new Date();
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

const encoder = new TextEncoder();

/** Writes the parts, in the order given, into a new zip (no zip64: packages over 4 GB are refused on reading). */
export function writeZip(parts: OutPart[]): Uint8Array {
  const now = dosNow();
  interface Prepared {
    name: Uint8Array;
    method: number;
    flags: number;
    crc: number;
    size: number;
    time: number;
    date: number;
    data: Uint8Array;
  }
  const prepared: Prepared[] = parts.map((p) => {
    const name = encoder.encode(p.name);
    if ("copy" in p) {
      const e = p.copy;
      return {
        name,
        method: e.method,
        flags: (e.flags & 0x0800) | (e.flags & 0x0006),
        crc: e.crc,
        size: e.size,
        time: e.time,
        date: e.date,
        data: p.source.subarray(e.dataOffset, e.dataOffset + e.compressedSize),
      };
    }
    const data = deflateSync(p.data, { level: 6 });
    return {
      name,
      method: 8,
      flags: 0x0800,
      crc: crc32(p.data),
      size: p.data.length,
      time: p.time ?? now.time,
      date: p.date ?? now.date,
      data,
    };
  });
  let total = 22;
  for (const p of prepared) total += 30 + p.name.length + p.data.length + 46 + p.name.length;
  if (total > 0xffffffff) throw new Error("package over 4 GB");
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  for (const p of prepared) {
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, p.flags, true);
    view.setUint16(at + 8, p.method, true);
    view.setUint16(at + 10, p.time, true);
    view.setUint16(at + 12, p.date, true);
    view.setUint32(at + 14, p.crc, true);
    view.setUint32(at + 18, p.data.length, true);
    view.setUint32(at + 22, p.size, true);
    view.setUint16(at + 26, p.name.length, true);
    view.setUint16(at + 28, 0, true);
    out.set(p.name, at + 30);
    out.set(p.data, at + 30 + p.name.length);
    at += 30 + p.name.length + p.data.length;
  }
  const dirStart = at;
  prepared.forEach((p, i) => {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 20, true);
    view.setUint16(at + 8, p.flags, true);
    view.setUint16(at + 10, p.method, true);
    view.setUint16(at + 12, p.time, true);
    view.setUint16(at + 14, p.date, true);
    view.setUint32(at + 16, p.crc, true);
    view.setUint32(at + 20, p.data.length, true);
    view.setUint32(at + 24, p.size, true);
    view.setUint16(at + 28, p.name.length, true);
    view.setUint16(at + 30, 0, true);
    view.setUint16(at + 32, 0, true);
    view.setUint16(at + 34, 0, true);
    view.setUint16(at + 36, 0, true);
    view.setUint32(at + 38, 0, true);
    view.setUint32(at + 42, offsets[i], true);
    out.set(p.name, at + 46);
    at += 46 + p.name.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, prepared.length, true);
  view.setUint16(at + 10, prepared.length, true);
  view.setUint32(at + 12, at - dirStart, true);
  view.setUint32(at + 16, dirStart, true);
  return out;
}
