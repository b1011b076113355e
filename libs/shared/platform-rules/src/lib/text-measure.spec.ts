import { countGraphemes, countUtf16, utf8ByteLength } from './text-measure';

// Each sample in its escaped form too, so a reader sees what the code points are.
const FAMILY = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}'; // 👨‍👩‍👧‍👦: 4 emoji joined by 3 ZWJ
const FLAG_NO = '\u{1F1F3}\u{1F1F4}'; // 🇳🇴: two regional indicators
const E_ACUTE_DECOMPOSED = 'e\u0301'; // e + combining acute accent
const THUMB_MEDIUM = '\u{1F44D}\u{1F3FD}'; // 👍🏽: emoji + skin-tone modifier
const KEYCAP_ONE = '1\uFE0F\u20E3'; // 1️⃣

describe('text measures', () => {
  it.each<[string, string, number, number, number]>([
    // label, text, graphemes, UTF-8 bytes, UTF-16 units
    ['empty', '', 0, 0, 0],
    ['ASCII', 'Hei', 3, 3, 3],
    ['Norwegian æøå', 'æøå', 3, 6, 3],
    ['Norwegian capitals ÆØÅ', 'ÆØÅ', 3, 6, 3],
    ['CJK', '日本語', 3, 9, 3],
    ['ZWJ family', FAMILY, 1, 25, 11],
    ['flag', FLAG_NO, 1, 8, 4],
    ['combining mark', E_ACUTE_DECOMPOSED, 1, 3, 2],
    ['skin tone', THUMB_MEDIUM, 1, 8, 4],
    ['keycap', KEYCAP_ONE, 1, 7, 3],
    ['CRLF is one grapheme', 'a\r\nb', 3, 4, 4],
    ['mixed sentence', `Blåbær ${FLAG_NO}${FAMILY}!`, 10, 43, 23],
  ])('%s', (_label, text, graphemes, bytes, utf16) => {
    expect(countGraphemes(text)).toBe(graphemes);
    expect(utf8ByteLength(text)).toBe(bytes);
    expect(countUtf16(text)).toBe(utf16);
  });
});
