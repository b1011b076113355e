import type { Platform } from '@kadens/shared/contracts';

/**
 * How a platform counts. `characters` means UTF-16 code units — what JavaScript's `length` and
 * Java's `String.length()` count, so an emoji outside the BMP counts 2. Where a platform does not say
 * how it counts, this is the cautious reading: it is never smaller than code points or graphemes,
 * so a text that passes here is not refused there for length.
 */
export type CountUnit = 'weighted' | 'graphemes' | 'characters';

/**
 * Where the post's optional link ends up. `in_text`: appended to the text (the platform links URLs in
 * text, and the URL counts against the limit); `separate_field`: sent beside the text (Facebook's
 * `link`, the webhook's JSON); `not_supported`: the platform has nowhere useful for it (Instagram
 * captions do not link), so it is dropped with a warning.
 */
export type LinkPlacement = 'in_text' | 'separate_field' | 'not_supported';

/** What one channel variant of a post publishes. Media are public URLs for now. */
export interface PostContent {
  text: string;
  link?: string | null;
  mediaUrls: readonly string[];
}

/**
 * Per-channel settings that override a platform's documented default where the platform lets them
 * vary: Mastodon reads both from its instance (`configuration.statuses.max_characters`,
 * `max_media_attachments`); X reads `maxCharacters` for accounts on a longer-post tier. Platforms
 * whose limits are fixed ignore them.
 */
export interface TextRuleOptions {
  maxCharacters?: number;
  maxMediaAttachments?: number;
}

type NoParams = Readonly<Record<string, never>>;
interface CountParams {
  limit: number;
  count: number;
}

/**
 * A problem with a variant, as data: the web and the API word it in the reader's language from the
 * code and params. `block` stops publishing; `warn` is shown but lets it through.
 */
export type TextIssue =
  | { code: 'text.too_long'; severity: 'block'; params: CountParams & { unit: CountUnit } }
  | { code: 'text.over_recommended'; severity: 'warn'; params: CountParams & { unit: CountUnit } }
  | { code: 'text.too_many_bytes'; severity: 'block'; params: CountParams }
  | { code: 'text.invalid_characters'; severity: 'block'; params: NoParams }
  | { code: 'text.too_many_hashtags'; severity: 'block'; params: CountParams }
  | { code: 'text.too_many_mentions'; severity: 'block'; params: CountParams }
  | { code: 'content.empty'; severity: 'block'; params: NoParams }
  | { code: 'media.required'; severity: 'block'; params: { min: number; count: number } }
  | { code: 'media.too_many'; severity: 'block'; params: CountParams }
  | { code: 'link.not_supported'; severity: 'warn'; params: NoParams };

export type TextIssueCode = TextIssue['code'];

// A record keyed by the union makes the compiler refuse a new issue code until it is listed here,
// so translation files can be checked against this list.
const ISSUE_CODES: Readonly<Record<TextIssueCode, true>> = {
  'text.too_long': true,
  'text.over_recommended': true,
  'text.too_many_bytes': true,
  'text.invalid_characters': true,
  'text.too_many_hashtags': true,
  'text.too_many_mentions': true,
  'content.empty': true,
  'media.required': true,
  'media.too_many': true,
  'link.not_supported': true,
};
export const TEXT_ISSUE_CODES = Object.keys(ISSUE_CODES) as readonly TextIssueCode[];

/** One platform's text and media rules; every platform has one, found through `platformRules`. */
export interface PlatformTextRules {
  readonly platform: Platform;
  readonly unit: CountUnit;
  /** The platform's documented hard limit in `unit`; null when it has none. */
  readonly maxLength: number | null;
  /** A softer cap worth keeping to (Facebook's 5,000); going over it warns, never blocks. */
  readonly recommendedMaxLength: number | null;
  readonly requiresMedia: boolean;
  readonly minMedia: number;
  readonly maxMedia: number | null;
  readonly linkPlacement: LinkPlacement;
  /** The hard limit after per-channel options. */
  limit(options?: TextRuleOptions): number | null;
  /** Counts a text as the platform counts it (for LinkedIn, after the escaping it will be sent with). */
  count(text: string): number;
  /**
   * The text to publish, with the link appended when the link goes into the text. Never escaped:
   * LinkedIn's adapter escapes it once on the way out (`escapeLinkedInCommentary`), so storing or
   * counting this string can never double an escape.
   */
  composeText(content: Pick<PostContent, 'text' | 'link'>): string;
  validate(content: PostContent, options?: TextRuleOptions): TextIssue[];
}
