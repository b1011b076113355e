import { instagramRules } from './instagram-rules';

const IMAGE = 'https://cdn.kommune.no/bilde.jpg';
const images = (count: number) => Array.from({ length: count }, (_, i) => `https://cdn.kommune.no/${i}.jpg`);

describe('Instagram', () => {
  const codes = (text: string, mediaUrls: string[] = [IMAGE], link: string | null = null) =>
    instagramRules.validate({ text, link, mediaUrls }).map((issue) => issue.code);

  it.each<[string, string[], string[]]>([
    ['no media', [], ['media.required']],
    ['one image', images(1), []],
    ['a carousel of 2', images(2), []],
    ['a carousel of 10', images(10), []],
    ['11 images', images(11), ['media.too_many']],
  ])('%s', (_label, mediaUrls, expected) => {
    expect(codes('Sommer på stranda', mediaUrls)).toEqual(expected);
  });

  it.each<[string, string, string[]]>([
    ['a caption of 2,200', 'ø'.repeat(2200), []],
    ['a caption of 2,201', 'ø'.repeat(2201), ['text.too_long']],
    ['1,100 emoji are 2,200 UTF-16 units', '\u{1F31E}'.repeat(1100), []],
    ['1,101 emoji are 2,202 UTF-16 units', '\u{1F31E}'.repeat(1101), ['text.too_long']],
    ['30 hashtags', tags('#', 30), []],
    ['31 hashtags', tags('#', 31), ['text.too_many_hashtags']],
    ['Norwegian hashtags count too', `${tags('#', 30)} #blåbær`, ['text.too_many_hashtags']],
    ['20 mentions', tags('@', 20), []],
    ['21 mentions', tags('@', 21), ['text.too_many_mentions']],
  ])('%s', (_label, text, expected) => {
    expect(codes(text)).toEqual(expected);
  });

  it('needs media even with a caption, and says how many', () => {
    expect(instagramRules.validate({ text: 'Hei', mediaUrls: [] })).toEqual([
      { code: 'media.required', severity: 'block', params: { min: 1, count: 0 } },
    ]);
  });

  it('warns that the link will not be in the caption, and leaves it out', () => {
    expect(codes('Hei', [IMAGE], 'https://kommune.no')).toEqual(['link.not_supported']);
    expect(instagramRules.composeText({ text: 'Hei', link: 'https://kommune.no' })).toBe('Hei');
  });
});

function tags(sign: string, count: number): string {
  return Array.from({ length: count }, (_, i) => `${sign}tag${i}`).join(' ');
}
