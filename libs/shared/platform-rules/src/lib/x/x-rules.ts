import twitterText from 'twitter-text';

import { defineTextRules } from '../define-text-rules';

/**
 * X counts with its own weighting (twitter-text's current config): most Latin and punctuation
 * weigh 1, CJK and emoji 2, every URL 23 whatever its length, after NFC normalisation. The default
 * import is deliberate: twitter-text's ESM build has only a default export, so named imports would
 * work in Jest and fail in the browser bundle.
 */
export const X_MAX_WEIGHTED_LENGTH = 280;
/** Four photos per post (or one video/GIF, which media URLs cannot tell apart yet). */
export const X_MAX_MEDIA = 4;

export function countXWeighted(text: string): number {
  return twitterText.parseTweet(text).weightedLength;
}

export const xRules = defineTextRules({
  platform: 'x',
  unit: 'weighted',
  maxLength: X_MAX_WEIGHTED_LENGTH,
  // Longer-post tiers exist and change; the channel's setting decides.
  configurableMaxLength: true,
  media: { min: 0, max: X_MAX_MEDIA },
  linkPlacement: 'in_text',
  count: countXWeighted,
  extraChecks: (composed) =>
    twitterText.hasInvalidCharacters(composed) ? [{ code: 'text.invalid_characters', severity: 'block', params: {} }] : [],
});
