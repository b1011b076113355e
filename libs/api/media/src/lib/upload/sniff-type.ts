import type { MediaKind, MediaMimeType } from '@kadens/shared/contracts';

/** Bytes needed from the start of a file to tell its type. */
export const SNIFF_BYTES = 16;

/** QuickTime files may start with one of these atoms instead of `ftyp` (files from older cameras). */
const QUICKTIME_ATOMS = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);

/**
 * The type of a file from its first bytes (magic numbers), never from its name: JPEG, PNG, GIF, WebP,
 * MP4 and MOV; null for anything else. MP4 and MOV share the ISO base media format; the `ftyp` major
 * brand `qt  ` marks QuickTime. See docs/decisions.md for why this is not the `file-type` package.
 */
export function sniffMediaType(head: Buffer): { mimeType: MediaMimeType; kind: MediaKind } | null {
  const ascii = (from: number, to: number) => head.subarray(from, to).toString('latin1');
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return { mimeType: 'image/jpeg', kind: 'image' };
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return { mimeType: 'image/png', kind: 'image' };
  }
  if (head.length >= 6 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')) return { mimeType: 'image/gif', kind: 'image' };
  if (head.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return { mimeType: 'image/webp', kind: 'image' };
  if (head.length >= 12 && ascii(4, 8) === 'ftyp') {
    const brand = ascii(8, 12);
    return { mimeType: brand === 'qt  ' ? 'video/quicktime' : 'video/mp4', kind: 'video' };
  }
  if (head.length >= 8 && QUICKTIME_ATOMS.has(ascii(4, 8))) return { mimeType: 'video/quicktime', kind: 'video' };
  return null;
}
