import { escapeLinkedInCommentary } from './linkedin-commentary';
import { countLinkedIn, linkedinRules } from './linkedin-rules';

describe('escapeLinkedInCommentary', () => {
  it.each<[string, string]>([
    ['\\', '\\\\'],
    ['|', '\\|'],
    ['{', '\\{'],
    ['}', '\\}'],
    ['@', '\\@'],
    ['[', '\\['],
    [']', '\\]'],
    ['(', '\\('],
    [')', '\\)'],
    ['<', '\\<'],
    ['>', '\\>'],
    ['#', '\\#'],
    ['*', '\\*'],
    ['_', '\\_'],
    ['~', '\\~'],
  ])('escapes %s', (reserved, escaped) => {
    expect(escapeLinkedInCommentary(`a${reserved}b`)).toBe(`a${escaped}b`);
  });

  it.each<[string, string]>([
    ['Møte (kl. 10) #kommune @Kari', 'Møte \\(kl. 10\\) \\#kommune \\@Kari'],
    ['C:\\temp\\(x)', 'C:\\\\temp\\\\\\(x\\)'],
    ['https://kommune.no/a_b?x=(1)', 'https://kommune.no/a\\_b?x=\\(1\\)'],
    ['Plain æøå, 日本語 and emoji \u{1F44D}: nothing to escape.', 'Plain æøå, 日本語 and emoji \u{1F44D}: nothing to escape.'],
  ])('escapes a whole text: %s', (text, escaped) => {
    expect(escapeLinkedInCommentary(text)).toBe(escaped);
  });

  it('cannot be applied twice', () => {
    const once = escapeLinkedInCommentary('(a)');
    // @ts-expect-error — escaping escaped commentary would publish visible backslashes.
    const twice: string = escapeLinkedInCommentary(once);
    expect(twice).toBe('\\\\\\(a\\\\\\)');
    expect(once).toBe('\\(a\\)');
  });
});

describe('LinkedIn rules', () => {
  it.each<[string, string, number]>([
    ['plain text', 'Hei', 3],
    ['each reserved character counts with its backslash', 'a_b', 4],
    ['a backslash counts 2', 'a\\b', 4],
    ['Norwegian æøå', 'æøå', 3],
    ['an emoji outside the BMP is 2 UTF-16 units', '\u{1F44D}', 2],
  ])('counts %s', (_label, text, count) => {
    expect(countLinkedIn(text)).toBe(count);
  });

  const codes = (text: string, link: string | null = null) =>
    linkedinRules.validate({ text, link, mediaUrls: [] }).map((issue) => issue.code);

  it.each<[string, string, string[]]>([
    ['3,000 letters', 'x'.repeat(3000), []],
    ['3,001 letters', 'x'.repeat(3001), ['text.too_long']],
    ['2,999 letters and an underscore are 3,001 once escaped', `${'x'.repeat(2999)}_`, ['text.too_long']],
    ['1,500 parentheses are 3,000 once escaped', '('.repeat(1500), []],
    ['1,501 parentheses are 3,002 once escaped', '('.repeat(1501), ['text.too_long']],
  ])('%s', (_label, text, expected) => {
    expect(codes(text)).toEqual(expected);
  });

  it('composes unescaped text, so the adapter escapes exactly once', () => {
    expect(linkedinRules.composeText({ text: 'Se (mer)', link: 'https://kommune.no' })).toBe('Se (mer)\n\nhttps://kommune.no');
  });

  it('reports the escaped count', () => {
    expect(linkedinRules.validate({ text: '#'.repeat(1501), mediaUrls: [] })).toEqual([
      { code: 'text.too_long', severity: 'block', params: { limit: 3000, count: 3002, unit: 'characters' } },
    ]);
  });

  it.each<[number, string[]]>([
    [20, []],
    [21, ['media.too_many']],
  ])('%i images', (count, expected) => {
    const mediaUrls = Array.from({ length: count }, (_, i) => `https://cdn.no/${i}.jpg`);
    expect(linkedinRules.validate({ text: 'Bilder', mediaUrls }).map((issue) => issue.code)).toEqual(expected);
  });
});
