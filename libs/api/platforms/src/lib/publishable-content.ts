import type { Platform } from '@kadens/shared/contracts';
import { platformRules, type PostContent, type TextIssue, type TextRuleOptions } from '@kadens/shared/platform-rules';

import type { ChannelConnection, PlatformCapabilities, PublishMedium } from './platform-adapter';
import { PlatformInvalidContentError } from './platform-errors';

/**
 * The platform's rules for this connection (a Mastodon instance's own limit, an X account's tier),
 * plus what this adapter cannot deliver: media to a platform that needs an upload the adapter does
 * not do yet shows as "at most 0 media", an issue the web already words.
 */
export function validateContent(
  platform: Platform,
  capabilities: PlatformCapabilities,
  content: PostContent,
  connection: ChannelConnection,
  media: readonly Pick<PublishMedium, 'id'>[] = [],
): TextIssue[] {
  const issues = platformRules(platform).validate(
    { ...content, mediaUrls: [...content.mediaUrls, ...media.map((medium) => medium.id)] },
    ruleOptions(connection.settings),
  );
  // Bare URLs reach only platforms that fetch by URL; an adapter that uploads needs the library's media.
  const undeliverable =
    capabilities.media === 'url' ? 0 : capabilities.media === 'none' ? content.mediaUrls.length + media.length : content.mediaUrls.length;
  const mediaFlagged = issues.some((issue) => issue.code === 'media.too_many' || issue.code === 'media.required');
  if (undeliverable > 0 && !mediaFlagged) {
    issues.push({ code: 'media.too_many', severity: 'block', params: { limit: 0, count: undeliverable } });
  }
  return issues;
}

/** Refuses, before anything is sent, content the rules block; the platform would refuse it anyway. */
export function assertPublishable(platform: Platform, issues: readonly TextIssue[]): void {
  const blocking = issues.filter((issue) => issue.severity === 'block');
  const [first] = blocking;
  if (first === undefined) return;
  throw new PlatformInvalidContentError(
    platform,
    `The content breaks the platform's rules: ${blocking.map((issue) => issue.code).join(', ')}`,
    { code: first.code },
  );
}

function ruleOptions(settings: ChannelConnection['settings']): TextRuleOptions {
  const options: TextRuleOptions = {};
  const maxCharacters = positiveInteger(settings['maxCharacters']);
  const maxMediaAttachments = positiveInteger(settings['maxMediaAttachments']);
  if (maxCharacters !== undefined) options.maxCharacters = maxCharacters;
  if (maxMediaAttachments !== undefined) options.maxMediaAttachments = maxMediaAttachments;
  return options;
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}
