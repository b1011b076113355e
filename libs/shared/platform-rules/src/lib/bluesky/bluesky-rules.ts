import { defineTextRules } from '../define-text-rules';
import { countGraphemes, utf8ByteLength } from '../text-measure';

/**
 * The app.bsky.feed.post lexicon limits `text` twice: 300 graphemes and 3,000 bytes of UTF-8. The
 * byte limit only bites on scripts that take 3–4 bytes a grapheme (long ZWJ emoji take far more),
 * so both are checked. URLs count in full: unlike X and Mastodon, nothing shortens them.
 */
export const BLUESKY_MAX_GRAPHEMES = 300;
export const BLUESKY_MAX_BYTES = 3000;
/** app.bsky.embed.images takes at most four images. */
export const BLUESKY_MAX_MEDIA = 4;

export const blueskyRules = defineTextRules({
  platform: 'bluesky',
  unit: 'graphemes',
  maxLength: BLUESKY_MAX_GRAPHEMES,
  media: { min: 0, max: BLUESKY_MAX_MEDIA },
  linkPlacement: 'in_text',
  count: countGraphemes,
  extraChecks: (composed) => {
    const bytes = utf8ByteLength(composed);
    return bytes > BLUESKY_MAX_BYTES
      ? [{ code: 'text.too_many_bytes', severity: 'block', params: { limit: BLUESKY_MAX_BYTES, count: bytes } }]
      : [];
  },
});
