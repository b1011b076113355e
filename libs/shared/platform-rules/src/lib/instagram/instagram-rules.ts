import twitterText from 'twitter-text';

import { defineTextRules } from '../define-text-rules';
import { countUtf16 } from '../text-measure';

/**
 * Instagram's content publishing API: a caption of at most 2,200 characters, 30 hashtags and 20
 * @-tags; every post needs media (one image or video, or a carousel of 2–10). Links in captions are
 * not clickable, so the post's link is not added to the caption.
 */
export const INSTAGRAM_MAX_CAPTION = 2200;
export const INSTAGRAM_MAX_HASHTAGS = 30;
export const INSTAGRAM_MAX_MENTIONS = 20;
export const INSTAGRAM_MIN_MEDIA = 1;
export const INSTAGRAM_MAX_MEDIA = 10;

export const instagramRules = defineTextRules({
  platform: 'instagram',
  unit: 'characters',
  maxLength: INSTAGRAM_MAX_CAPTION,
  media: { min: INSTAGRAM_MIN_MEDIA, max: INSTAGRAM_MAX_MEDIA },
  linkPlacement: 'not_supported',
  count: countUtf16,
  extraChecks: (composed) => {
    const hashtags = twitterText.extractHashtags(composed).length;
    const mentions = twitterText.extractMentions(composed).length;
    return [
      ...(hashtags > INSTAGRAM_MAX_HASHTAGS
        ? [
            {
              code: 'text.too_many_hashtags',
              severity: 'block',
              params: { limit: INSTAGRAM_MAX_HASHTAGS, count: hashtags },
            } as const,
          ]
        : []),
      ...(mentions > INSTAGRAM_MAX_MENTIONS
        ? [
            {
              code: 'text.too_many_mentions',
              severity: 'block',
              params: { limit: INSTAGRAM_MAX_MENTIONS, count: mentions },
            } as const,
          ]
        : []),
    ];
  },
});
