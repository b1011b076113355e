import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/**
 * Minimal valid MP4/MOV files for tests and the benchmark: `ftyp`, an `mdat` of zeros of any size,
 * then a `moov` with one video track (mvhd, tkhd, mdhd, hdlr `vide`, an `avc1` sample entry with the
 * size). Enough for a container parser; no decoder would play it.
 */
export interface Mp4Options {
  width: number;
  height: number;
  durationMs: number;
  mdatBytes: number;
  /** `qt  ` makes a QuickTime (MOV) file. */
  brand?: string;
}

const box = (type: string, ...parts: Buffer[]): Buffer => {
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length, 0);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, body]);
};
const u32 = (...values: number[]) => {
  const buffer = Buffer.alloc(4 * values.length);
  values.forEach((value, i) => buffer.writeUInt32BE(value >>> 0, 4 * i));
  return buffer;
};
const u16 = (...values: number[]) => {
  const buffer = Buffer.alloc(2 * values.length);
  values.forEach((value, i) => buffer.writeUInt16BE(value & 0xffff, 2 * i));
  return buffer;
};
const MATRIX = u32(0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000);

function moov({ width, height, durationMs }: Mp4Options): Buffer {
  const mvhd = box('mvhd', u32(0, 0, 0, 1000, durationMs, 0x00010000), u16(0x0100), Buffer.alloc(10), MATRIX, Buffer.alloc(24), u32(2));
  const tkhd = box(
    'tkhd',
    u32(0x00000003, 0, 0, 1, 0, durationMs),
    Buffer.alloc(8),
    u16(0, 0, 0, 0),
    MATRIX,
    u32(width << 16, height << 16),
  );
  const mdhd = box('mdhd', u32(0, 0, 0, 1000, durationMs), u16(0x55c4, 0));
  const hdlr = box('hdlr', u32(0, 0), Buffer.from('vide', 'latin1'), Buffer.alloc(12), Buffer.from('VideoHandler\0', 'latin1'));
  const vmhd = box('vmhd', u32(1), Buffer.alloc(8));
  const dinf = box('dinf', box('dref', u32(0, 1), box('url ', u32(1))));
  const avc1 = box(
    'avc1',
    Buffer.alloc(6),
    u16(1, 0, 0),
    Buffer.alloc(12),
    u16(width, height),
    u32(0x00480000, 0x00480000, 0),
    u16(1),
    Buffer.alloc(32),
    u16(0x0018, 0xffff),
  );
  const stbl = box(
    'stbl',
    box('stsd', u32(0, 1), avc1),
    box('stts', u32(0, 0)),
    box('stsc', u32(0, 0)),
    box('stsz', u32(0, 0, 0)),
    box('stco', u32(0, 0)),
  );
  const trak = box('trak', tkhd, box('mdia', mdhd, hdlr, box('minf', vmhd, dinf, stbl)));
  return box('moov', mvhd, trak);
}

function head(options: Mp4Options): Buffer {
  const brand = options.brand ?? 'isom';
  const ftyp = box('ftyp', Buffer.from(brand, 'latin1'), u32(0x200), Buffer.from(`${brand}mp41`, 'latin1'));
  return Buffer.concat([ftyp, u32(8 + options.mdatBytes), Buffer.from('mdat', 'latin1')]);
}

/** A whole small file in memory. */
export function mp4Bytes(options: Mp4Options): Buffer {
  return Buffer.concat([head(options), Buffer.alloc(options.mdatBytes), moov(options)]);
}

/** Writes a file of about `mdatBytes` to disk in 1 MB pieces (the 300 MB benchmark file). */
export async function writeMp4File(path: string, options: Mp4Options): Promise<void> {
  const out = createWriteStream(path);
  const chunk = Buffer.alloc(1024 * 1024, 0x11);
  out.write(head(options));
  for (let left = options.mdatBytes; left > 0; left -= chunk.length) {
    if (!out.write(left >= chunk.length ? chunk : chunk.subarray(0, left))) await once(out, 'drain');
  }
  out.end(moov(options));
  await once(out, 'finish');
}
