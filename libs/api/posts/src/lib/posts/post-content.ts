import type { Platform, PostRevisionView, PostView } from '@kadens/shared/contracts';
import { type MediaFacts, platformRules, type TextIssue, validatePostMedia } from '@kadens/shared/platform-rules';
import { BadRequestException, UnprocessableEntityException } from '@nestjs/common';

/** What a revision records: everything that, when changed, needs a new sign-off. Not the time. */
export type PostContent = PostRevisionView['content'];

export function contentOf(
  post: Pick<PostView, Exclude<keyof PostContent, 'sensitive' | 'mediaIds'> | 'sensitive' | 'mediaIds' | 'targets'>,
): PostContent {
  return {
    title: post.title,
    body: post.body,
    link: post.link,
    mediaUrls: [...post.mediaUrls],
    mediaIds: [...post.mediaIds],
    contentTypeId: post.contentTypeId,
    themeId: post.themeId,
    audienceIds: [...post.audienceIds].sort(),
    initiativeId: post.initiativeId,
    invitesDialogue: post.invitesDialogue,
    sensitive: post.sensitive,
    targets: post.targets
      .map((target) => ({ channelId: target.channelId, textVariant: target.textVariant ?? null }))
      .sort((a, b) => a.channelId.localeCompare(b.channelId)),
  };
}

export function sameContent(a: PostContent, b: PostContent): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface TargetChannel {
  id: string;
  name: string;
  platform: Platform;
}

function describe(issue: TextIssue, channel: TargetChannel): string {
  const params = Object.entries(issue.params)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(', ');
  return `${issue.code} on ${channel.name} (${channel.platform})${params ? `: ${params}` : ''}`;
}

/**
 * Checks every target's text against its platform's own counting (the same rules the composer shows
 * live). A blocking issue is a 400 naming the field to fix: the target's variant when it has one,
 * else the body (or mediaUrls for media issues).
 */
export function assertTextsFit(
  content: Pick<PostContent, 'body' | 'link' | 'mediaUrls' | 'mediaIds'>,
  targetsInRequestOrder: ReadonlyArray<{ channelId: string; textVariant?: string | null }>,
  channels: ReadonlyMap<string, TargetChannel>,
): void {
  const errors: Array<{ field: string; messages: string[] }> = [];
  targetsInRequestOrder.forEach((target, index) => {
    const channel = channels.get(target.channelId);
    if (!channel) return;
    const text = target.textVariant ?? content.body;
    // Library media count as attachments like URLs do (Instagram's "media required", the caps).
    const mediaUrls = [...content.mediaUrls, ...(content.mediaIds ?? [])];
    const issues = platformRules(channel.platform).validate({ text, link: content.link, mediaUrls });
    for (const issue of issues.filter((i) => i.severity === 'block')) {
      const field = issue.code.startsWith('media.')
        ? content.mediaIds?.length
          ? 'mediaIds'
          : 'mediaUrls'
        : target.textVariant != null
          ? `targets.${index}.textVariant`
          : 'body';
      errors.push({ field, messages: [describe(issue, channel)] });
    }
  });
  if (errors.length > 0) {
    throw new BadRequestException({
      message: errors.map((e) => `${e.field}: ${e.messages.join('; ')}`).join(' | '),
      code: 'platform_rules',
      errors,
    });
  }
}

/**
 * Checks the post's library media against every target platform's media rules (count, kinds, type,
 * size, aspect ratio, video length, alt-text length): 422 `media_rules`, each error naming the rule,
 * the channel and the medium (`mediaIds.<index>`, or `mediaIds` for the whole set).
 */
export function assertMediaFit(media: readonly MediaFacts[], channels: Iterable<TargetChannel>): void {
  const errors: Array<{ field: string; messages: string[]; rule: string; channelId: string }> = [];
  for (const channel of channels) {
    for (const issue of validatePostMedia(channel.platform, media)) {
      const field = issue.index === undefined ? 'mediaIds' : `mediaIds.${issue.index}`;
      const params = Object.entries(issue.params)
        .map(([key, value]) => `${key}=${String(value)}`)
        .join(', ');
      errors.push({
        field,
        rule: issue.code,
        channelId: channel.id,
        messages: [`${issue.code} on ${channel.name} (${channel.platform})${params ? `: ${params}` : ''}`],
      });
    }
  }
  if (errors.length > 0) {
    throw new UnprocessableEntityException({
      message: errors.map((e) => `${e.field}: ${e.messages.join('; ')}`).join(' | '),
      code: 'media_rules',
      errors,
    });
  }
}
