import { blueskyRules } from './bluesky-rules';

const FAMILY = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}'; // 👨‍👩‍👧‍👦: 1 grapheme, 25 bytes
const FLAG_NO = '\u{1F1F3}\u{1F1F4}'; // 🇳🇴: 1 grapheme, 8 bytes
const URL = 'https://www.kommune.example/aktuelt/vinterferie'; // 47 characters, counted in full

describe('Bluesky', () => {
  it.each<[string, string, number]>([
    ['Norwegian æøå', 'æøå', 3],
    ['CJK', '日本語', 3],
    ['ZWJ family is one grapheme', FAMILY, 1],
    ['flag is one grapheme', FLAG_NO, 1],
    ['combining mark joins its letter', 'e\u0301', 1],
    ['URL counts in full', URL, 47],
  ])('counts %s', (_label, text, graphemes) => {
    expect(blueskyRules.count(text)).toBe(graphemes);
  });

  const codes = (text: string, link: string | null = null) =>
    blueskyRules.validate({ text, link, mediaUrls: [] }).map((issue) => issue.code);

  it.each<[string, string, string[]]>([
    ['300 æ (600 bytes)', 'æ'.repeat(300), []],
    ['301 æ', 'æ'.repeat(301), ['text.too_long']],
    ['300 flags (2,400 bytes)', FLAG_NO.repeat(300), []],
    ['301 decomposed é', 'e\u0301'.repeat(301), ['text.too_long']],
    ['120 families are exactly 3,000 bytes', FAMILY.repeat(120), []],
    ['120 families and one letter are 3,001 bytes', `${FAMILY.repeat(120)}a`, ['text.too_many_bytes']],
    ['300 families: few graphemes, far too many bytes', FAMILY.repeat(300), ['text.too_many_bytes']],
    ['301 families break both limits', FAMILY.repeat(301), ['text.too_long', 'text.too_many_bytes']],
    ['300 CJK (900 bytes)', '語'.repeat(300), []],
  ])('%s', (_label, text, expected) => {
    expect(codes(text)).toEqual(expected);
  });

  it('counts the appended link in full: 251 + blank line + 47-character URL is 300', () => {
    expect(codes('a'.repeat(251), URL)).toEqual([]);
    expect(codes('a'.repeat(252), URL)).toEqual(['text.too_long']);
  });

  it('reports both measures', () => {
    expect(blueskyRules.validate({ text: FAMILY.repeat(301), mediaUrls: [] })).toEqual([
      { code: 'text.too_long', severity: 'block', params: { limit: 300, count: 301, unit: 'graphemes' } },
      { code: 'text.too_many_bytes', severity: 'block', params: { limit: 3000, count: 7525 } },
    ]);
  });

  it('ignores a maxCharacters option: the limit is the protocol’s', () => {
    expect(blueskyRules.limit({ maxCharacters: 1000 })).toBe(300);
  });

  it.each<[number, string[]]>([
    [4, []],
    [5, ['media.too_many']],
  ])('%i images', (count, expected) => {
    const mediaUrls = Array.from({ length: count }, (_, i) => `https://cdn.example/${i}.jpg`);
    expect(blueskyRules.validate({ text: 'Bilder', mediaUrls }).map((issue) => issue.code)).toEqual(expected);
  });
});
