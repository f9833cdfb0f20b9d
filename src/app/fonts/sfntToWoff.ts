import { deflateSync } from 'node:zlib';

const pad4 = (n: number) => (n + 3) & ~3;

/**
 * Wraps a TrueType/OpenType font in WOFF 1.0 (W3C Recommendation 2012): the same tables, each zlib-compressed
 * when that makes it smaller, behind a 44-byte header and a 20-byte directory entry per table. Every browser
 * reads it; a CJK subset shrinks to about 60-70% of its TrueType size. (WOFF2 would be smaller still, but its
 * encoder costs hundreds of milliseconds per font here.)
 * @throws Error when `sfnt` is not a font (too short or a table outside the file).
 * @example sfntToWoff(subsetFont(font, '聯想集團')) // Uint8Array starting with 'wOFF'
 */
export function sfntToWoff(sfnt: Uint8Array): Uint8Array {
  if (sfnt.byteLength < 12) throw new Error('sfntToWoff: not a font file (shorter than its header)');
  const src = new DataView(sfnt.buffer, sfnt.byteOffset, sfnt.byteLength);
  const numTables = src.getUint16(4);
  const tables = [];
  let totalSfntSize = 12 + 16 * numTables;
  for (let i = 0; i < numTables; i++) {
    const e = 12 + 16 * i;
    const offset = src.getUint32(e + 8);
    const length = src.getUint32(e + 12);
    if (offset + length > sfnt.byteLength) throw new Error(`sfntToWoff: table ${i} lies outside the file`);
    const data = sfnt.subarray(offset, offset + length);
    const z = deflateSync(data, { level: 6 });
    tables.push({ tag: src.getUint32(e), checksum: src.getUint32(e + 4), length, data: z.byteLength < length ? new Uint8Array(z.buffer, z.byteOffset, z.byteLength) : data });
    totalSfntSize += pad4(length);
  }
  tables.sort((a, b) => a.tag - b.tag);
  let size = 44 + 20 * numTables;
  const offsets = tables.map((t) => {
    const at = size;
    size += pad4(t.data.byteLength);
    return at;
  });
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  v.setUint32(0, 0x774f4646); // 'wOFF'
  v.setUint32(4, src.getUint32(0)); // flavor: the sfnt version
  v.setUint32(8, size);
  v.setUint16(12, numTables);
  v.setUint32(16, totalSfntSize);
  v.setUint16(20, 1); // font version 1.0 (informational)
  tables.forEach((t, i) => {
    const e = 44 + 20 * i;
    v.setUint32(e, t.tag);
    v.setUint32(e + 4, offsets[i] as number);
    v.setUint32(e + 8, t.data.byteLength);
    v.setUint32(e + 12, t.length);
    v.setUint32(e + 16, t.checksum);
    out.set(t.data, offsets[i] as number);
  });
  return out;
}
