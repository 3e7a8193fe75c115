// Draws Backstory's toolbar icon (a page with one highlighted line) as PNGs, with no image library:
// node scripts/make-icons.mjs → assets/public/icon/{16,32,48,128}.png
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const OUT = path.resolve(import.meta.dirname, '../assets/public/icon');
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function draw(size) {
  const px = new Uint8Array(size * size * 4);
  const s = size / 16;
  // Rounded dark tile, white "page" lines, one amber highlighted line.
  const inRounded = (x, y, r) => {
    const cx = Math.min(Math.max(x, r), size - r);
    const cy = Math.min(Math.max(y, r), size - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      const fx = x + 0.5;
      const fy = y + 0.5;
      if (!inRounded(fx, fy, 3 * s)) continue;
      let rgb = [0x1d, 0x1d, 0x1f];
      const line = (top, left, right) => fy >= top * s && fy < (top + 1.6) * s && fx >= left * s && fx < right * s;
      if (line(3.2, 3, 13) || line(9.6, 3, 13) || line(12.8, 3, 10)) rgb = [0xf2, 0xee, 0xe4];
      if (fy >= 5.6 * s && fy < 8.4 * s && fx >= 2.2 * s && fx < 13.8 * s) rgb = [0xff, 0xc0, 0x1e];
      px.set([...rgb, 255], i);
    }
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    Buffer.from(px.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

fs.mkdirSync(OUT, { recursive: true });
for (const size of [16, 32, 48, 128]) fs.writeFileSync(path.join(OUT, `${size}.png`), draw(size));
console.log(`wrote ${OUT}/{16,32,48,128}.png`);
