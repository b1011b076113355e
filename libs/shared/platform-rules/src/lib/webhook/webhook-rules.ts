import { defineTextRules } from '../define-text-rules';
import { countUtf16 } from '../text-measure';

/** The organisation's own receiver gets text, link and media as separate JSON fields, unlimited. */
export const webhookRules = defineTextRules({
  platform: 'webhook',
  unit: 'characters',
  maxLength: null,
  media: { min: 0, max: null },
  linkPlacement: 'separate_field',
  count: countUtf16,
});
