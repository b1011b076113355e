import { countXWeighted, xRules } from './x-rules';

const FAMILY = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}'; // 👨‍👩‍👧‍👦
const FLAG_NO = '\u{1F1F3}\u{1F1F4}'; // 🇳🇴
const LONG_URL = 'https://www.kommune.no/aktuelt/2025/vinterferie-aktiviteter?utm_source=x';

describe('X weighted count', () => {
  it.each<[string, string, number]>([
    ['Latin', 'Hei', 3],
    ['Norwegian æøå weigh 1 each', 'æøå', 3],
    ['CJK weighs 2 each', '日本語', 6],
    ['a ZWJ family is one emoji of weight 2', FAMILY, 2],
    ['a flag is one emoji of weight 2', FLAG_NO, 2],
    ['skin-tone emoji', '\u{1F44D}\u{1F3FD}', 2],
    ['combining mark is normalised to one character', 'e\u0301', 1],
    ['any URL is 23', LONG_URL, 23],
    ['a short URL is 23 too', 'https://x.co', 23],
    ['a bare domain is a URL', 'kadens.no', 23],
    // twitter-text only links known TLDs, and X counts what it does not link character by character.
    ['a URL on an unknown TLD is plain text', 'https://kadens.example/a', 24],
    ['text around a URL', `Les mer: ${LONG_URL}`, 9 + 23],
  ])('%s', (_label, text, weighted) => {
    expect(countXWeighted(text)).toBe(weighted);
    expect(xRules.count(text)).toBe(weighted);
  });
});

describe('X validate', () => {
  const codes = (text: string, mediaUrls: string[] = [], link: string | null = null, maxCharacters?: number) =>
    xRules.validate({ text, link, mediaUrls }, { maxCharacters }).map((issue) => issue.code);

  it.each<[string, string, string[]]>([
    ['280 Latin', 'a'.repeat(280), []],
    ['281 Latin', 'a'.repeat(281), ['text.too_long']],
    ['140 CJK is exactly 280', '語'.repeat(140), []],
    ['141 CJK is 282', '語'.repeat(141), ['text.too_long']],
    ['140 ZWJ families', FAMILY.repeat(140), []],
    ['141 ZWJ families', FAMILY.repeat(141), ['text.too_long']],
    ['256 + space + URL is 280', `${'a'.repeat(256)} ${LONG_URL}`, []],
    ['257 + space + URL is 281', `${'a'.repeat(257)} ${LONG_URL}`, ['text.too_long']],
    ['280 æøå', 'æøå'.repeat(93) + 'æ', []],
    ['a byte-order mark is refused by X', 'Hei\uFEFF', ['text.invalid_characters']],
  ])('%s', (_label, text, expected) => {
    expect(codes(text)).toEqual(expected);
  });

  it('counts the link it appends: 255 + blank line + URL is 280, 256 is 281', () => {
    expect(codes('a'.repeat(255), [], LONG_URL)).toEqual([]);
    expect(codes('a'.repeat(256), [], LONG_URL)).toEqual(['text.too_long']);
  });

  it('reports limit and weighted count', () => {
    expect(xRules.validate({ text: '語'.repeat(141), mediaUrls: [] })).toEqual([
      { code: 'text.too_long', severity: 'block', params: { limit: 280, count: 282, unit: 'weighted' } },
    ]);
  });

  it('takes a longer limit from the channel for longer-post tiers', () => {
    expect(codes('a'.repeat(4000), [], null, 25000)).toEqual([]);
    expect(codes('a'.repeat(25001), [], null, 25000)).toEqual(['text.too_long']);
  });

  it.each<[number, string[]]>([
    [0, []],
    [4, []],
    [5, ['media.too_many']],
  ])('%i media', (count, expected) => {
    expect(
      codes(
        'Bilder',
        Array.from({ length: count }, (_, i) => `https://cdn.example/${i}.jpg`),
      ),
    ).toEqual(expected);
  });
});
