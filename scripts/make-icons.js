#!/usr/bin/env node
// Draws the add-in's icons (ribbon buttons at 16/32/80 px, add-in logo at 32/64/128 px) as real PNGs with
// nothing but zlib: white glyphs on Excel green, anti-aliased by 4x4 supersampling. Run: node scripts/make-icons.js
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const GREEN = [16, 124, 65];
const WHITE = [255, 255, 255];

// --- shapes on the unit square (0..1, y down) ---
function roundedRect(x0, y0, x1, y1, r) {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}
function segment(ax, ay, bx, by, w) {
  return (x, y) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    const px = ax + t * dx - x;
    const py = ay + t * dy - y;
    return px * px + py * py <= (w / 2) ** 2;
  };
}
function polyline(points, w) {
  const segs = [];
  for (let i = 0; i + 1 < points.length; i++) segs.push(segment(...points[i], ...points[i + 1], w));
  return (x, y) => segs.some((s) => s(x, y));
}
function ring(cx, cy, r, w) {
  return (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) <= w / 2;
}
function union(...shapes) {
  return (x, y) => shapes.some((s) => s(x, y));
}

const background = roundedRect(0.04, 0.04, 0.96, 0.96, 0.16);
const GLYPHS = {
  // Kiểm tra: a check mark
  check: polyline(
    [
      [0.24, 0.52],
      [0.43, 0.71],
      [0.77, 0.31],
    ],
    0.12,
  ),
  // Tính lại: a sigma (totals and rates recomputed)
  recompute: polyline(
    [
      [0.74, 0.25],
      [0.28, 0.25],
      [0.52, 0.5],
      [0.28, 0.75],
      [0.74, 0.75],
    ],
    0.1,
  ),
  // Lập phụ lục: a table with a header row
  appendix: union(
    polyline(
      [
        [0.22, 0.24],
        [0.78, 0.24],
        [0.78, 0.76],
        [0.22, 0.76],
        [0.22, 0.24],
      ],
      0.08,
    ),
    segment(0.22, 0.41, 0.78, 0.41, 0.08),
    segment(0.22, 0.585, 0.78, 0.585, 0.05),
    segment(0.44, 0.24, 0.44, 0.76, 0.05),
  ),
  // Phụ lục (the pane, and the add-in's logo): a percent sign, the rates the add-in checks
  pane: union(ring(0.33, 0.33, 0.1, 0.075), ring(0.67, 0.67, 0.1, 0.075), segment(0.72, 0.24, 0.28, 0.76, 0.08)),
};

function render(size, glyph) {
  const rgba = Buffer.alloc(size * size * 4);
  const N = 4; // supersampling per axis
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < N; sy++) {
        for (let sx = 0; sx < N; sx++) {
          const x = (px + (sx + 0.5) / N) / size;
          const y = (py + (sy + 0.5) / N) / size;
          const c = glyph(x, y) && background(x, y) ? WHITE : background(x, y) ? GREEN : null;
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a += 1;
          }
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
      }
      rgba[o + 3] = Math.round((255 * a) / (N * N));
    }
  }
  return encodePng(size, size, rgba);
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  const out = path.join(__dirname, "..", "assets");
  fs.mkdirSync(out, { recursive: true });
  const files = [];
  for (const [name, glyph] of Object.entries(GLYPHS)) {
    for (const size of [16, 32, 80]) files.push([`${name}-${size}.png`, render(size, glyph)]);
  }
  // The add-in's logo (IconUrl / HighResolutionIconUrl, and the pane's header).
  for (const size of [32, 64, 128]) files.push([`logo-${size}.png`, render(size, GLYPHS.pane)]);
  for (const [file, png] of files) fs.writeFileSync(path.join(out, file), png);
  console.log(`${files.length} icons written to ${path.relative(process.cwd(), out) || "."}`);
}

if (require.main === module) main();
module.exports = { render, encodePng, GLYPHS };
