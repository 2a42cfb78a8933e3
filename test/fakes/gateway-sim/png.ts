/** Real, decodable PNG / WebP / MP4-ish bytes built with node:zlib only. */
import { Readable } from 'node:stream';
import * as zlib from 'node:zlib';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Buffer, prev = 0): number {
  // zlib.crc32 is native from Node 20.15; the table version covers older 20.x.
  if (typeof zlib.crc32 === 'function') return zlib.crc32(buf, prev);
  let c = (prev ^ 0xffffffff) >>> 0;
  for (const b of buf) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A PNG chunk as parts (no copy of `data`, which can be tens of MB). */
function chunk(type: string, data: Buffer): Buffer[] {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typeBuf = Buffer.from(type, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(typeBuf)));
  return [len, typeBuf, data, crc];
}

/**
 * RGB PNG with a seed-coloured gradient. `stored` uses deflate level 0 so the file size tracks the
 * pixel count (that is how "big" images get their size without padding tricks).
 */
export function makePng(width: number, height: number, seed: number, stored = false): Buffer {
  const r0 = (seed * 97) & 0xff;
  const g0 = (seed * 57 + 80) & 0xff;
  const b0 = (seed * 31 + 160) & 0xff;
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) {
    const v = Math.floor((x / Math.max(1, width - 1)) * 255);
    row[1 + x * 3] = (r0 + v) & 0xff;
    row[2 + x * 3] = g0;
    row[3 + x * 3] = (b0 + (v >> 1)) & 0xff;
  }
  const rawData = Buffer.allocUnsafe(row.length * height);
  for (let y = 0; y < height; y++) {
    row.copy(rawData, y * row.length);
    // A per-row tweak keeps rows distinct without making generation slow.
    rawData[y * row.length + 1] = (r0 + y) & 0xff;
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    ...chunk('IHDR', ihdr),
    ...chunk('IDAT', zlib.deflateSync(rawData, { level: stored ? 0 : 6 })),
    ...chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Square dimensions whose stored-deflate PNG is at least `bytes` long. */
export function dimsForBytes(bytes: number): { width: number; height: number } {
  const side = Math.max(16, Math.ceil(Math.sqrt(bytes / 3)) + 1);
  return { width: side, height: side };
}

/** 1×1 lossless WebP: stands in for MJ's `…_progress.webp` previews. */
export const TINY_WEBP = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');

/** `length` bytes that start like an MP4 (ftyp + mdat box), generated lazily so 60 MB costs nothing up front. */
export function mp4Stream(length: number): Readable {
  const ftyp = Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex');
  const mdatHeader = Buffer.alloc(8);
  mdatHeader.writeUInt32BE(Math.max(8, Math.min(0xffffffff, length - ftyp.length)));
  mdatHeader.write('mdat', 4, 'ascii');
  const head = Buffer.concat([ftyp, mdatHeader]).subarray(0, length);
  const filler = Buffer.alloc(64 * 1024, 0x5a);
  function* gen(): Generator<Buffer> {
    yield head;
    let left = length - head.length;
    while (left > 0) {
      const n = Math.min(left, filler.length);
      yield n === filler.length ? filler : filler.subarray(0, n);
      left -= n;
    }
  }
  return Readable.from(gen(), { objectMode: false });
}
