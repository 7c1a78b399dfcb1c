// Draws icon.png (the extension's icon, 256x256 RGBA): a heartbeat line,
// keepalived's "still alive" signal, on a dark rounded square, with a green
// dot for the node that holds the address. Plain Node (zlib for the PNG), no
// image library; the PNG is committed, so rerun this only to change the icon:
// node editors/vscode/scripts/make-icon.mjs
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const SIZE = 256;
const SAMPLES = 4; // per axis: 16 samples a pixel smooth the edges
const BACKGROUND = [0x1d, 0x35, 0x57];
const LINE = [0xe9, 0xf5, 0xf2];
const DOT = [0x52, 0xd6, 0x9a];
const HEARTBEAT = [[30, 140], [82, 140], [104, 92], [132, 190], [158, 60], [180, 140], [226, 140]];

function inRoundedSquare(x, y) {
  const [lo, hi, r] = [8, 248, 40];
  const cx = Math.min(Math.max(x, lo + r), hi - r);
  const cy = Math.min(Math.max(y, lo + r), hi - r);
  return x >= lo && x <= hi && y >= lo && y <= hi && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

function colourAt(x, y) {
  if (Math.hypot(x - 200, y - 72) <= 20) return DOT;
  for (let i = 1; i < HEARTBEAT.length; i++) if (distanceToSegment(x, y, HEARTBEAT[i - 1], HEARTBEAT[i]) <= 7) return LINE;
  return inRoundedSquare(x, y) ? BACKGROUND : undefined;
}

const rows = [];
for (let y = 0; y < SIZE; y++) {
  const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0, then RGBA
  for (let x = 0; x < SIZE; x++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const c = colourAt(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
        if (!c) continue;
        for (let i = 0; i < 3; i++) sum[i] += c[i];
        sum[3]++;
      }
    }
    const n = sum[3];
    const px = n === 0 ? [0, 0, 0, 0] : [sum[0] / n, sum[1] / n, sum[2] / n, (255 * n) / SAMPLES ** 2];
    px.forEach((v, i) => (row[1 + x * 4 + i] = Math.round(v)));
  }
  rows.push(row);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter, no interlace
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk("IHDR", header),
  chunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk("IEND", Buffer.alloc(0)),
]);
writeFileSync(new URL("../icon.png", import.meta.url), png);
console.log(`icon.png: ${png.length} bytes`);
