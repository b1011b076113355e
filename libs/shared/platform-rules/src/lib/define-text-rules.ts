import type { Platform } from '@kadens/shared/contracts';

import type { CountUnit, LinkPlacement, PlatformTextRules, PostContent, TextIssue, TextRuleOptions } from './text-rules';

/** What a platform folder states about itself; the checks every platform shares are built from it. */
export interface TextRulesSpec {
  platform: Platform;
  unit: CountUnit;
  maxLength: number | null;
  recommendedMaxLength?: number;
  /** True where `TextRuleOptions.maxCharacters` may replace `maxLength`. */
  configurableMaxLength?: boolean;
  media: { min: number; max: number | null; configurable?: boolean };
  linkPlacement: LinkPlacement;
  count(text: string): number;
  /** Platform-specific checks on the composed text, run after the shared ones. */
  extraChecks?(composedText: string, content: PostContent): TextIssue[];
}

export function defineTextRules(spec: TextRulesSpec): PlatformTextRules {
  const limit = (options?: TextRuleOptions): number | null =>
    spec.configurableMaxLength ? positiveOr(options?.maxCharacters, 'maxCharacters', spec.maxLength) : spec.maxLength;
  const mediaLimit = (options?: TextRuleOptions): number | null =>
    spec.media.configurable ? positiveOr(options?.maxMediaAttachments, 'maxMediaAttachments', spec.media.max) : spec.media.max;

  const composeText = (content: Pick<PostContent, 'text' | 'link'>): string =>
    spec.linkPlacement === 'in_text' ? appendLink(content.text, content.link) : content.text;

  return {
    platform: spec.platform,
    unit: spec.unit,
    maxLength: spec.maxLength,
    recommendedMaxLength: spec.recommendedMaxLength ?? null,
    requiresMedia: spec.media.min > 0,
    minMedia: spec.media.min,
    maxMedia: spec.media.max,
    linkPlacement: spec.linkPlacement,
    limit,
    count: spec.count,
    composeText,
    validate(content, options) {
      const composed = composeText(content);
      const issues: TextIssue[] = [];
      const link = content.link?.trim() ?? '';
      if (composed.trim() === '' && link === '' && content.mediaUrls.length === 0) {
        issues.push({ code: 'content.empty', severity: 'block', params: {} });
      }

      const count = spec.count(composed);
      const hardLimit = limit(options);
      if (hardLimit !== null && count > hardLimit) {
        issues.push({ code: 'text.too_long', severity: 'block', params: { limit: hardLimit, count, unit: spec.unit } });
      } else if (spec.recommendedMaxLength !== undefined && count > spec.recommendedMaxLength) {
        const params = { limit: spec.recommendedMaxLength, count, unit: spec.unit };
        issues.push({ code: 'text.over_recommended', severity: 'warn', params });
      }

      const media = content.mediaUrls.length;
      const maxMedia = mediaLimit(options);
      if (media < spec.media.min) {
        issues.push({ code: 'media.required', severity: 'block', params: { min: spec.media.min, count: media } });
      } else if (maxMedia !== null && media > maxMedia) {
        issues.push({ code: 'media.too_many', severity: 'block', params: { limit: maxMedia, count: media } });
      }

      if (spec.linkPlacement === 'not_supported' && link !== '') {
        issues.push({ code: 'link.not_supported', severity: 'warn', params: {} });
      }
      return spec.extraChecks ? [...issues, ...spec.extraChecks(composed, content)] : issues;
    },
  };
}

/**
 * Appends the link on its own paragraph unless the author already put it in the text, so pasting the
 * URL into the body and also filling the link field does not publish it twice.
 */
export function appendLink(text: string, link: string | null | undefined): string {
  const url = link?.trim() ?? '';
  if (url === '' || text.includes(url)) return text;
  const body = text.trimEnd();
  return body === '' ? url : `${body}\n\n${url}`;
}

// Options come from a channel's settings or a remote instance's configuration; a zero or a fraction
// there is a bug upstream, and silently falling back would hide it behind the default limit.
function positiveOr(value: number | undefined, name: string, fallback: number | null): number | null {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
  return value;
}
