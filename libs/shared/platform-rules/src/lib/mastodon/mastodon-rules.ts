import twitterText from 'twitter-text';

import { defineTextRules } from '../define-text-rules';
import { countGraphemes } from '../text-measure';

/**
 * Mirrors Mastodon's StatusLengthValidator: graphemes, after replacing every URL that has a
 * protocol with 23 characters and every `@user@domain` mention with `@user` (the domain is free).
 * The limit and the media cap are the instance's (`GET /api/v2/instance` →
 * `configuration.statuses`); these defaults are stock Mastodon's.
 */
export const MASTODON_DEFAULT_MAX_CHARACTERS = 500;
export const MASTODON_DEFAULT_MAX_MEDIA = 4;
export const MASTODON_URL_LENGTH = 23;

// Mastodon's Account::MENTION_RE; [:word:] in Ruby is letters, marks, digits and connectors.
const WORD = String.raw`\p{L}\p{M}\p{N}\p{Pc}`;
const MENTION = new RegExp(String.raw`(?<![=/${WORD}])@([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@[${WORD}.-]+[${WORD}]+)?`, 'giu');

/** The text Mastodon measures: URLs as 23 placeholder characters, mentions without their domain. */
export function mastodonCountableText(text: string): string {
  const urls = twitterText.extractUrlsWithIndices(text, { extractUrlsWithoutProtocol: false });
  let result = '';
  let from = 0;
  for (const { indices } of urls) {
    result += stripMentionDomains(text.slice(from, indices[0])) + 'x'.repeat(MASTODON_URL_LENGTH);
    from = indices[1];
  }
  return result + stripMentionDomains(text.slice(from));
}

export function countMastodon(text: string): number {
  return countGraphemes(mastodonCountableText(text));
}

function stripMentionDomains(segment: string): string {
  return segment.replace(MENTION, '@$1');
}

export const mastodonRules = defineTextRules({
  platform: 'mastodon',
  unit: 'graphemes',
  maxLength: MASTODON_DEFAULT_MAX_CHARACTERS,
  configurableMaxLength: true,
  media: { min: 0, max: MASTODON_DEFAULT_MAX_MEDIA, configurable: true },
  linkPlacement: 'in_text',
  count: countMastodon,
});
