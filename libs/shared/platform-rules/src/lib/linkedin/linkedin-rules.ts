import { defineTextRules } from '../define-text-rules';
import { countUtf16 } from '../text-measure';
import { escapeLinkedInCommentary } from './linkedin-commentary';

/**
 * LinkedIn refuses commentary over 3,000 characters ("ShareCommentary text length … exceeded the
 * maximum allowed"). Its documentation does not say whether escapes count; it validates the field
 * it receives, which is the escaped text, so the escaped length is counted. If LinkedIn in fact
 * counts unescaped text, this only blocks a text dense in reserved characters a little early; the
 * other reading would let through posts LinkedIn rejects at publishing time. Java counts UTF-16.
 */
export const LINKEDIN_MAX_LENGTH = 3000;
/** Multi-image posts take 2–20 images; one image is a plain image post. */
export const LINKEDIN_MAX_MEDIA = 20;

export function countLinkedIn(text: string): number {
  return countUtf16(escapeLinkedInCommentary(text));
}

export const linkedinRules = defineTextRules({
  platform: 'linkedin',
  unit: 'characters',
  maxLength: LINKEDIN_MAX_LENGTH,
  media: { min: 0, max: LINKEDIN_MAX_MEDIA },
  // The Posts API does not unfurl a URL in commentary, but it does link it; an article card would
  // need a title and thumbnail we do not have.
  linkPlacement: 'in_text',
  count: countLinkedIn,
});
