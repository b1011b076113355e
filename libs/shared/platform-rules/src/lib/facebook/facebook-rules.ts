import { defineTextRules } from '../define-text-rules';
import { countUtf16 } from '../text-measure';

/**
 * The Graph API accepts a Page post `message` of up to 63,206 characters; past about 5,000 a post is
 * hard to read and Facebook's own composer hides most of it, so that is where we start warning.
 * The link goes in the Graph `link` field, which renders a preview card.
 */
export const FACEBOOK_MAX_LENGTH = 63206;
export const FACEBOOK_RECOMMENDED_MAX_LENGTH = 5000;

export const facebookRules = defineTextRules({
  platform: 'facebook',
  unit: 'characters',
  maxLength: FACEBOOK_MAX_LENGTH,
  recommendedMaxLength: FACEBOOK_RECOMMENDED_MAX_LENGTH,
  media: { min: 0, max: null },
  linkPlacement: 'separate_field',
  count: countUtf16,
});
