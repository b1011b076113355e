import { imagesWithoutAltText, type MediaFacts, platformMediaRules, validatePostMedia } from './platform-media-rules';

const image = (overrides: Partial<MediaFacts> = {}): MediaFacts => ({
  id: 'i',
  kind: 'image',
  mimeType: 'image/jpeg',
  bytes: 1_000_000,
  width: 1080,
  height: 1080,
  altText: 'Barn som leker i snøen',
  ...overrides,
});
const video = (overrides: Partial<MediaFacts> = {}): MediaFacts => ({
  id: 'v',
  kind: 'video',
  mimeType: 'video/mp4',
  bytes: 10_000_000,
  width: 1920,
  height: 1080,
  durationMs: 30_000,
  altText: '',
  ...overrides,
});
const codes = (platform: Parameters<typeof validatePostMedia>[0], media: MediaFacts[]) =>
  validatePostMedia(platform, media).map((issue) => `${issue.code}${issue.index === undefined ? '' : `@${issue.index}`}`);

describe('platform media rules', () => {
  it('X: four images or one video, never both; alt text up to 1,000', () => {
    expect(codes('x', [image(), image(), image(), image()])).toEqual([]);
    expect(codes('x', [image(), image(), image(), image(), image()])).toEqual(['media.too_many']);
    expect(codes('x', [video(), video()])).toEqual(['media.too_many_videos']);
    expect(codes('x', [image(), video()])).toEqual(['media.mixed_kinds']);
    expect(codes('x', [image({ altText: 'a'.repeat(1000) })])).toEqual([]);
    expect(codes('x', [image({ altText: 'a'.repeat(1001) })])).toEqual(['media.alt_text_too_long@0']);
    expect(codes('x', [video({ durationMs: 141_000 })])).toEqual(['media.video_too_long@0']);
    expect(codes('x', [image({ bytes: 6 * 1024 * 1024 })])).toEqual(['media.too_large@0']);
  });

  it('Bluesky: four images, alt text up to 2,000, video MP4 up to 3 minutes', () => {
    expect(codes('bluesky', [image(), image(), image(), image(), image()])).toEqual(['media.too_many']);
    expect(codes('bluesky', [image({ altText: 'a'.repeat(2001) })])).toEqual(['media.alt_text_too_long@0']);
    expect(codes('bluesky', [video({ mimeType: 'video/quicktime' })])).toEqual(['media.type_not_allowed@0']);
    expect(codes('bluesky', [video({ durationMs: 181_000 })])).toEqual(['media.video_too_long@0']);
  });

  it('Mastodon: four attachments, description up to 1,500', () => {
    expect(platformMediaRules('mastodon').maxAltText).toBe(1500);
    expect(codes('mastodon', [image({ altText: 'a'.repeat(1501) }), image()])).toEqual(['media.alt_text_too_long@0']);
  });

  it('Instagram: a carousel of up to ten, JPEG only, aspect between 4:5 and 1.91:1, mixed kinds allowed', () => {
    expect(
      codes(
        'instagram',
        Array.from({ length: 10 }, () => image()),
      ),
    ).toEqual([]);
    expect(
      codes(
        'instagram',
        Array.from({ length: 11 }, () => image()),
      ),
    ).toEqual(['media.too_many']);
    expect(codes('instagram', [image({ width: 1080, height: 1350 }), image({ width: 1080, height: 566 }), video()])).toEqual([]);
    expect(codes('instagram', [image({ width: 1080, height: 1920 })])).toEqual(['media.aspect_ratio@0']);
    expect(codes('instagram', [image({ width: 2000, height: 1000 })])).toEqual(['media.aspect_ratio@0']);
    expect(codes('instagram', [image({ mimeType: 'image/png' })])).toEqual(['media.type_not_allowed@0']);
    expect(codes('instagram', [video({ durationMs: 2_000 })])).toEqual(['media.video_too_short@0']);
  });

  it('LinkedIn refuses WebP; WordPress and the webhook take anything', () => {
    expect(codes('linkedin', [image({ mimeType: 'image/webp' })])).toEqual(['media.type_not_allowed@0']);
    const many = Array.from({ length: 30 }, () => image({ mimeType: 'image/webp', altText: 'a'.repeat(9000) }));
    expect(codes('wordpress', [...many, video()])).toEqual([]);
    expect(codes('webhook', [...many, video()])).toEqual([]);
  });

  it('finds the images that still lack a text alternative (video needs none)', () => {
    const media = [image({ id: 'a' }), image({ id: 'b', altText: '  ' }), video({ id: 'c' })];
    expect(imagesWithoutAltText(media).map((m) => m.id)).toEqual(['b']);
  });
});
