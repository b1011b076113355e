import { defineTextRules } from '../define-text-rules';
import { countUtf16 } from '../text-measure';

/** WordPress posts have no length limit; the count is shown for information only. */
export const wordpressRules = defineTextRules({
  platform: 'wordpress',
  unit: 'characters',
  maxLength: null,
  media: { min: 0, max: null },
  linkPlacement: 'in_text',
  count: countUtf16,
});
