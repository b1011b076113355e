import { measureVariant } from './variant-measure';

describe('measureVariant', () => {
  it('counts X by its weights: a link is 23 and an emoji 2, whatever their length', () => {
    const measure = measureVariant('x', { text: 'Hei 👋', link: 'https://fjordvik.kommune.no/a/very/long/path/indeed', mediaUrls: [] });
    expect(measure.composedText).toBe('Hei 👋\n\nhttps://fjordvik.kommune.no/a/very/long/path/indeed');
    expect(measure.count).toBe(4 + 2 + 2 + 23);
    expect(measure).toMatchObject({ limit: 280, over: false, blocked: false, unit: 'weighted' });
  });

  it('turns over the limit at 281 weighted characters and blocks the save', () => {
    const atLimit = measureVariant('x', { text: 'a'.repeat(280), mediaUrls: [] });
    expect(atLimit).toMatchObject({ count: 280, remaining: 0, over: false, blocked: false });
    const over = measureVariant('x', { text: 'a'.repeat(281), mediaUrls: [] });
    expect(over).toMatchObject({ count: 281, remaining: -1, over: true, blocked: true });
    expect(over.issues.map((issue) => issue.code)).toEqual(['text.too_long']);
  });

  it('counts Bluesky in graphemes: a family emoji is one', () => {
    const family = '👨‍👩‍👧‍👦';
    const measure = measureVariant('bluesky', { text: family.repeat(300), mediaUrls: [] });
    expect(measure).toMatchObject({ count: 300, limit: 300, over: false });
    expect(measureVariant('bluesky', { text: family.repeat(301), mediaUrls: [] }).over).toBe(true);
  });

  it('blocks Instagram without media even when the text fits, and keeps the link out of the caption', () => {
    const measure = measureVariant('instagram', { text: 'Sommerfest!', link: 'https://example.org', mediaUrls: [] });
    expect(measure.over).toBe(false);
    expect(measure.blocked).toBe(true);
    expect(measure.composedText).toBe('Sommerfest!');
    expect(measure.issues.map((issue) => issue.code)).toEqual(['media.required', 'link.not_supported']);
  });
});
