import { countMastodon, mastodonCountableText, mastodonRules } from './mastodon-rules';

const FAMILY = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}'; // 👨‍👩‍👧‍👦
const URL = 'https://www.kommune.no/aktuelt/2025/vinterferie-aktiviteter'; // 59 characters, counts 23

describe('Mastodon count', () => {
  it.each<[string, string, number]>([
    ['Norwegian æøå', 'Blåbærsyltetøy', 14],
    ['ZWJ family is one grapheme', FAMILY, 1],
    ['combining mark joins its letter', 'e\u0301', 1],
    ['CJK', '日本語', 3],
    ['a URL with a protocol counts 23', URL, 23],
    ['a short URL counts 23 too', 'https://t.no', 23],
    ['a bare domain is not shortened', 'kadens.no', 9],
    ['a remote mention counts without its domain', '@kari@social.kommune.no', 5],
    ['a local mention counts in full', '@kari', 5],
    ['an e-mail address is not a mention', 'post@kommune.no', 15],
    ['mention and URL together', `Hei @kari@mastodon.social se ${URL}`, 13 + 23],
  ])('%s', (_label, text, count) => {
    expect(countMastodon(text)).toBe(count);
    expect(mastodonRules.count(text)).toBe(count);
  });

  it('replaces URLs and mention domains the way the server does', () => {
    expect(mastodonCountableText(`@ola@fosstodon.org: ${URL} (æøå)`)).toBe(`@ola: ${'x'.repeat(23)} (æøå)`);
  });
});

describe('Mastodon validate', () => {
  const codes = (text: string, options = {}, link: string | null = null, media = 0) =>
    mastodonRules
      .validate({ text, link, mediaUrls: Array.from({ length: media }, (_, i) => `https://cdn.no/${i}.png`) }, options)
      .map((issue) => issue.code);

  it.each<[string, string, string[]]>([
    ['500 letters', 'a'.repeat(500), []],
    ['501 letters', 'a'.repeat(501), ['text.too_long']],
    ['500 decomposed é (1,000 code units)', 'e\u0301'.repeat(500), []],
    ['500 ZWJ families', FAMILY.repeat(500), []],
    ['501 ZWJ families', FAMILY.repeat(501), ['text.too_long']],
    ['476 + space + URL is 500', `${'a'.repeat(476)} ${URL}`, []],
    ['477 + space + URL is 501', `${'a'.repeat(477)} ${URL}`, ['text.too_long']],
  ])('%s', (_label, text, expected) => {
    expect(codes(text)).toEqual(expected);
  });

  it('counts the appended link as 23: 475 + blank line + URL is 500', () => {
    expect(codes('a'.repeat(475), {}, URL)).toEqual([]);
    expect(codes('a'.repeat(476), {}, URL)).toEqual(['text.too_long']);
  });

  it('takes the instance’s own limit', () => {
    expect(codes('ø'.repeat(1000), { maxCharacters: 1000 })).toEqual([]);
    expect(codes('ø'.repeat(1001), { maxCharacters: 1000 })).toEqual(['text.too_long']);
    expect(mastodonRules.validate({ text: 'a'.repeat(11), mediaUrls: [] }, { maxCharacters: 10 })).toEqual([
      { code: 'text.too_long', severity: 'block', params: { limit: 10, count: 11, unit: 'graphemes' } },
    ]);
  });

  it.each<[string, number, object, string[]]>([
    ['4 media by default', 4, {}, []],
    ['5 media by default', 5, {}, ['media.too_many']],
    ['8 media on an instance that allows 8', 8, { maxMediaAttachments: 8 }, []],
    ['9 media on an instance that allows 8', 9, { maxMediaAttachments: 8 }, ['media.too_many']],
  ])('%s', (_label, media, options, expected) => {
    expect(codes('Bilder', options, null, media)).toEqual(expected);
  });
});
