// Created on first use, not at import: a browser without Intl.Segmenter should fail only when it
// actually counts graphemes, not when it loads any page that imports these rules.
let graphemeSegmenter: Intl.Segmenter | undefined;
let utf8Encoder: TextEncoder | undefined;

/** User-perceived characters: a ZWJ family, a flag or a letter with combining marks each count 1. */
export function countGraphemes(text: string): number {
  graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let count = 0;
  for (const segment of graphemeSegmenter.segment(text)) if (segment.segment !== '') count++;
  return count;
}

/** Bytes the text takes in UTF-8, the encoding limits like Bluesky's 3,000 bytes are stated in. */
export function utf8ByteLength(text: string): number {
  utf8Encoder ??= new TextEncoder();
  return utf8Encoder.encode(text).length;
}

/** UTF-16 code units; see `CountUnit` for why this is the cautious default. */
export function countUtf16(text: string): number {
  return text.length;
}
