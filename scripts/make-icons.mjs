#!/usr/bin/env node
// Draws Berth's icons from the shapes below and writes them to assets/ (no image
// tools, no dependencies: shapes are sampled 4×4 per pixel and encoded with a small PNG
// writer over node:zlib). The output is the same byte for byte on every run, so
// `node scripts/make-icons.mjs` after a change shows exactly which files changed.
//
//   assets/icon.png                     1024 px app icon (electron-builder's source)
//   assets/icon.icns, assets/icon.ico   macOS and Windows app icons (PNG entries)
//   assets/icons/<n>x<n>.png            Linux app icon set
//   assets/tray/tray-<state>-16.png (+@2x), -32.png (+@2x)   Linux and Windows tray
//   assets/tray/tray-<state>Template.png (+@2x)               macOS menu bar (black + alpha)
//
// The tray glyph is a shipping container. States differ by a badge at its lower right,
// by shape as well as colour: running = filled green dot, idle = grey bar,
// unreachable = hollow red ring (and the container fades).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const assets = path.join(root, 'assets');
const SUPERSAMPLE = 4;

// ---------- PNG encoding ----------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** RGBA 8-bit, non-premultiplied, rows top to bottom. */
export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------- shapes (unit square, y down) ----------

const roundRect = (cx, cy, hw, hh, r) => (x, y) => {
  const dx = Math.max(Math.abs(x - cx) - (hw - r), 0);
  const dy = Math.max(Math.abs(y - cy) - (hh - r), 0);
  return Math.abs(x - cx) <= hw && Math.abs(y - cy) <= hh && dx * dx + dy * dy <= r * r;
};
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const ring = (cx, cy, outer, inner) => (x, y) => circle(cx, cy, outer)(x, y) && !circle(cx, cy, inner)(x, y);
const not = (shape) => (x, y) => !shape(x, y);
const and = (...shapes) => (x, y) => shapes.every((s) => s(x, y));

/** A colour as [r, g, b, a] with a in 0..1. */
const hex = (h, a = 1) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16), a];
const lerp = (c1, c2, t) => c1.map((v, i) => v + (c2[i] - v) * t);

/**
 * Renders layers ({ shape, color: [r,g,b,a] | (x, y) => [r,g,b,a] }) painted in order
 * over transparency, each pixel the average of SUPERSAMPLE² samples.
 */
function render(size, layers) {
  const out = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          // Premultiplied "over", back to front.
          let cr = 0;
          let cg = 0;
          let cb = 0;
          let ca = 0;
          for (const layer of layers) {
            if (!layer.shape(x, y)) continue;
            const [lr, lg, lb, la] = typeof layer.color === 'function' ? layer.color(x, y) : layer.color;
            cr = lr * la + cr * (1 - la);
            cg = lg * la + cg * (1 - la);
            cb = lb * la + cb * (1 - la);
            ca = la + ca * (1 - la);
          }
          r += cr;
          g += cg;
          b += cb;
          a += ca;
        }
      }
      const i = (py * size + px) * 4;
      const samples = n * n;
      const alpha = a / samples;
      out[i + 3] = Math.round(alpha * 255);
      if (alpha > 0) {
        out[i] = Math.round(r / samples / alpha);
        out[i + 1] = Math.round(g / samples / alpha);
        out[i + 2] = Math.round(b / samples / alpha);
      }
    }
  }
  return out;
}

// ---------- the container glyph ----------

const BADGE = { cx: 0.75, cy: 0.72, r: 0.21 };
/** Clear space around the badge so it reads against the container and any panel colour. */
const badgeGap = circle(BADGE.cx, BADGE.cy, BADGE.r + 0.07);

// Edges sit on the 16 px grid (so also on 32 and 64): crisp lines at the sizes trays draw.
const px16 = (n) => n / 16;
const body = roundRect(px16(7.5), px16(7.5), px16(6.5), px16(4.5), px16(1.2));
const bodyInner = roundRect(px16(7.5), px16(7.5), px16(5.5), px16(3.5), px16(0.5));
const ridges = (x, y) => {
  if (Math.abs(y - px16(7.5)) > px16(2.5)) return false;
  return [4.5, 7.5, 10.5].some((rx) => Math.abs(x - px16(rx)) <= px16(0.5));
};

const badges = {
  running: circle(BADGE.cx, BADGE.cy, BADGE.r),
  idle: roundRect(BADGE.cx, BADGE.cy, BADGE.r, 0.085, 0.085),
  unreachable: ring(BADGE.cx, BADGE.cy, BADGE.r, BADGE.r - 0.085),
};

function trayLayers(state, template) {
  const faded = state === 'unreachable' ? 0.5 : 1;
  const free = not(badgeGap);
  if (template) {
    // macOS recolours template images for light and dark menu bars: black + alpha only.
    const black = (a) => hex('#000000', a);
    return [
      { shape: and(body, not(bodyInner), free), color: black(faded) },
      { shape: and(ridges, free), color: black(faded) },
      { shape: badges[state], color: black(1) },
    ];
  }
  const badgeColor = { running: '#22c55e', idle: '#9ca3af', unreachable: '#ef4444' }[state];
  const badgeEdge = { running: '#0f5132', idle: '#374151', unreachable: '#7f1d1d' }[state];
  // A dark edge around light fills: visible on light and dark panels alike.
  const edged = (shape, grow) => (x, y) => {
    for (const [dx, dy] of [[grow, 0], [-grow, 0], [0, grow], [0, -grow], [grow * 0.7, grow * 0.7], [-grow * 0.7, grow * 0.7], [grow * 0.7, -grow * 0.7], [-grow * 0.7, -grow * 0.7]]) {
      if (shape(x + dx, y + dy)) return true;
    }
    return shape(x, y);
  };
  return [
    { shape: and(body, free), color: hex('#163a5c', faded) },
    { shape: and(bodyInner, free), color: hex('#4a9be0', faded) },
    { shape: and(ridges, free), color: hex('#163a5c', faded) },
    { shape: edged(badges[state], 0.04), color: hex(badgeEdge) },
    { shape: badges[state], color: hex(badgeColor) },
  ];
}

// ---------- the app icon ----------

function appLayers() {
  const tile = roundRect(0.5, 0.5, 0.46, 0.46, 0.2);
  const sky = (x, y) => lerp(hex('#2b7bc0'), hex('#0c2f52'), Math.min(1, Math.max(0, (y - 0.04) / 0.92)));
  const box = roundRect(0.5, 0.46, 0.28, 0.18, 0.035);
  const boxInner = roundRect(0.5, 0.46, 0.28 - 0.03, 0.18 - 0.03, 0.02);
  const boxRidges = (x, y) => Math.abs(y - 0.46) <= 0.115 && [0.34, 0.42, 0.5, 0.58, 0.66].some((rx) => Math.abs(x - rx) <= 0.018);
  const quay = roundRect(0.5, 0.7, 0.38, 0.05, 0.02);
  const bollard = (cx) => roundRect(cx, 0.63, 0.035, 0.035, 0.015);
  const water = (x, y) => {
    if (y < 0.78 || y > 0.84) return false;
    const wave = 0.81 + 0.012 * Math.sin((x - 0.1) * Math.PI * 10);
    return Math.abs(y - wave) <= 0.011 && x > 0.16 && x < 0.84;
  };
  return [
    { shape: tile, color: sky },
    { shape: and(tile, box), color: hex('#f8fafc') },
    { shape: and(tile, boxInner), color: hex('#e2e8f0') },
    { shape: and(tile, boxRidges), color: hex('#94a3b8') },
    { shape: and(tile, quay), color: hex('#f59e0b') },
    { shape: and(tile, bollard(0.165)), color: hex('#f59e0b') },
    { shape: and(tile, bollard(0.835)), color: hex('#f59e0b') },
    { shape: and(tile, water), color: hex('#7dd3fc', 0.85) },
  ];
}

// ---------- containers for app icons ----------

/** ICNS with PNG entries (macOS 10.7+ reads PNG in these types). */
function icns(pngBySize) {
  const types = [
    ['icp4', 16],
    ['icp5', 32],
    ['icp6', 64],
    ['ic07', 128],
    ['ic08', 256],
    ['ic09', 512],
    ['ic10', 1024],
    ['ic11', 32],
    ['ic12', 64],
    ['ic13', 256],
    ['ic14', 512],
  ];
  const entries = types.map(([type, size]) => {
    const png = pngBySize(size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + entries.reduce((n, e) => n + e.length, 0), 4);
  return Buffer.concat([head, ...entries]);
}

/** ICO with PNG entries (Windows Vista+). */
function ico(sizes, pngBySize) {
  const pngs = sizes.map((s) => pngBySize(s));
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(sizes.length, 4);
  let offset = 6 + 16 * sizes.length;
  const dir = sizes.map((s, i) => {
    const e = Buffer.alloc(16);
    e[0] = s >= 256 ? 0 : s; // 0 means 256
    e[1] = s >= 256 ? 0 : s;
    e[2] = 0; // palette
    e[3] = 0;
    e.writeUInt16LE(1, 4); // planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(pngs[i].length, 8);
    e.writeUInt32LE(offset, 12);
    offset += pngs[i].length;
    return e;
  });
  return Buffer.concat([header, ...dir, ...pngs]);
}

// ---------- write everything ----------

const written = [];
function write(relative, bytes) {
  const file = path.join(assets, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  written.push(relative);
}

const appPngs = new Map();
const appPng = (size) => {
  if (!appPngs.has(size)) appPngs.set(size, encodePng(size, size, render(size, appLayers())));
  return appPngs.get(size);
};

write('icon.png', appPng(1024));
for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) write(`icons/${size}x${size}.png`, appPng(size));
write('icons/1024x1024.png', appPng(1024));
write('icon.icns', icns(appPng));
write('icon.ico', ico([16, 24, 32, 48, 64, 128, 256], appPng));

for (const state of ['running', 'idle', 'unreachable']) {
  const tray = (size, template) => encodePng(size, size, render(size, trayLayers(state, template)));
  write(`tray/tray-${state}-16.png`, tray(16, false));
  write(`tray/tray-${state}-16@2x.png`, tray(32, false));
  write(`tray/tray-${state}-32.png`, tray(32, false));
  write(`tray/tray-${state}-32@2x.png`, tray(64, false));
  write(`tray/tray-${state}Template.png`, tray(16, true));
  write(`tray/tray-${state}Template@2x.png`, tray(32, true));
}

console.log(`Wrote ${written.length} files to ${path.relative(process.cwd(), assets) || '.'}/`);
