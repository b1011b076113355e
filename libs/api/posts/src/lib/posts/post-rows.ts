import type { PostState, PostView, Violation } from '@kadens/shared/contracts';

/** A post as read for editing, with its audiences and targets aggregated by PostgreSQL. */
export const POST_SELECT = `
  SELECT p.id, p.title, p.body, p.link, p.media_urls, p.content_type_id, p.theme_id, p.initiative_id, p.planned_at,
         p.invites_dialogue, p.sensitive, p.state, p.revision, p.author_id, p.revision_author_id, p.created_at, p.updated_at,
         p.rule_override_reason, p.rule_override_by, p.rule_override_at, p.rule_override_violations,
         COALESCE((SELECT array_agg(pa.audience_id::text ORDER BY pa.audience_id) FROM post_audiences pa WHERE pa.post_id = p.id), '{}') AS audience_ids,
         COALESCE((SELECT json_agg(json_build_object('id', t.id, 'channelId', t.channel_id, 'platform', c.platform, 'textVariant', t.text_variant, 'state', t.state) ORDER BY c.name, c.id)
                     FROM post_targets t JOIN channels c ON c.id = t.channel_id WHERE t.post_id = p.id), '[]') AS targets
    FROM posts p`;

export interface PostRow {
  id: string;
  title: string;
  body: string;
  link: string | null;
  media_urls: string[];
  content_type_id: string;
  theme_id: string;
  initiative_id: string | null;
  planned_at: Date | null;
  invites_dialogue: boolean;
  sensitive: boolean;
  state: PostState;
  revision: number;
  author_id: string;
  revision_author_id: string;
  created_at: Date;
  updated_at: Date;
  audience_ids: string[];
  targets: PostView['targets'];
  rule_override_reason: string | null;
  rule_override_by: string | null;
  rule_override_at: Date | null;
  rule_override_violations: Violation[] | null;
}

/** The post without its library media (PostsService.get adds them from `post_media`). */
export function toPostView(row: PostRow): Omit<PostView, 'mediaIds' | 'media'> {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    link: row.link,
    mediaUrls: row.media_urls,
    contentTypeId: row.content_type_id,
    themeId: row.theme_id,
    audienceIds: row.audience_ids,
    initiativeId: row.initiative_id,
    plannedAt: row.planned_at?.toISOString() ?? null,
    invitesDialogue: row.invites_dialogue,
    sensitive: row.sensitive,
    state: row.state,
    revision: row.revision,
    authorId: row.author_id,
    revisionAuthorId: row.revision_author_id,
    targets: row.targets,
    ruleOverride:
      row.rule_override_reason !== null && row.rule_override_by !== null && row.rule_override_at !== null
        ? {
            reason: row.rule_override_reason,
            byUserId: row.rule_override_by,
            at: row.rule_override_at.toISOString(),
            violations: row.rule_override_violations ?? [],
          }
        : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
