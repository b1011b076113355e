import type { Platform } from '@kadens/shared/contracts';
import { type CountUnit, type LinkPlacement, platformRules, type PostContent, type TextIssue } from '@kadens/shared/platform-rules';

/** One channel's text as its platform counts it: the same rules the API enforces on save. */
export interface VariantMeasure {
  platform: Platform;
  unit: CountUnit;
  /** What is published: the text plus the link where the platform puts it in the text. */
  composedText: string;
  count: number;
  /** The hard limit; null when the platform has none. */
  limit: number | null;
  /** Negative when over the limit; null without a limit. */
  remaining: number | null;
  over: boolean;
  linkPlacement: LinkPlacement;
  issues: TextIssue[];
  /** Some issue stops the post from being saved and published. */
  blocked: boolean;
}

export function measureVariant(platform: Platform, content: PostContent): VariantMeasure {
  const rules = platformRules(platform);
  const composedText = rules.composeText(content);
  const count = rules.count(composedText);
  const limit = rules.limit();
  const issues = rules.validate(content);
  return {
    platform,
    unit: rules.unit,
    composedText,
    count,
    limit,
    remaining: limit === null ? null : limit - count,
    over: limit !== null && count > limit,
    linkPlacement: rules.linkPlacement,
    issues,
    blocked: issues.some((issue) => issue.severity === 'block'),
  };
}
