// Draws the extension's icon, images/icon.png (128 x 128): a page of text whose middle line has a
// linter's wavy underline, and a check mark. Plain Node (no image library): each shape is a signed
// distance function, each pixel is sampled 4 x 4 times for smooth edges, and the PNG is written
// with zlib. The PNG is committed; run this again after changing the drawing.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4;

const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  const dx = Math.max(x0 + r - x, x - (x1 - r), 0);
  const dy = Math.max(y0 + r - y, y - (y1 - r), 0);
  return Math.hypot(dx, dy) - r;
};
const segment = (ax, ay, bx, by, r) => (x, y) => {
  const t = Math.max(
    0,
    Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  );
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) - r;
};
const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;
const union =
  (...shapes) =>
  (x, y) =>
    Math.min(...shapes.map((s) => s(x, y)));
/** A wave from x0 to x1 around y, drawn as short segments. */
const wave = (x0, x1, y, amplitude, period, r) => {
  const parts = [];
  const at = (x) => y + amplitude * Math.sin(((x - x0) / period) * 2 * Math.PI);
  for (let x = x0; x < x1; x += 2) parts.push(segment(x, at(x), x + 2, at(x + 2), r));
  return union(...parts);
};

// Back to front: [shape, [r, g, b]].
const LAYERS = [
  [roundedRect(4, 4, 124, 124, 26), [31, 58, 95]],
  [
    union(segment(30, 36, 98, 36, 4.5), segment(30, 56, 84, 56, 4.5), segment(30, 84, 64, 84, 4.5)),
    [232, 238, 246],
  ],
  [wave(30, 84, 67, 2.6, 11, 2.2), [245, 166, 35]],
  [circle(94, 94, 21), [46, 157, 91]],
  [union(segment(84, 95, 91, 102, 3.4), segment(91, 102, 104, 87, 3.4)), [255, 255, 255]],
];

function pixel(px, py) {
  let [r, g, b, a] = [0, 0, 0, 0];
  for (const [shape, color] of LAYERS) {
    let covered = 0;
    for (let i = 0; i < SAMPLES; i++) {
      for (let j = 0; j < SAMPLES; j++) {
        if (shape(px + (i + 0.5) / SAMPLES, py + (j + 0.5) / SAMPLES) <= 0) covered++;
      }
    }
    const alpha = covered / SAMPLES ** 2;
    if (alpha === 0) continue;
    // "Over" compositing, straight alpha.
    const outA = alpha + a * (1 - alpha);
    [r, g, b] = [0, 1, 2].map((k) => (color[k] * alpha + [r, g, b][k] * a * (1 - alpha)) / outA);
    a = outA;
  }
  return [r, g, b, a * 255].map((v) => Math.round(v));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
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

export function drawIcon() {
  const rows = Buffer.alloc(SIZE * (1 + SIZE * 4));
  for (let y = 0; y < SIZE; y++) {
    const row = y * (1 + SIZE * 4);
    for (let x = 0; x < SIZE; x++) Buffer.from(pixel(x, y)).copy(rows, row + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  writeFileSync(path.join(root, 'images/icon.png'), drawIcon());
}
