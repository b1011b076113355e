import { assertOwnedIds, returnedRow } from '@kadens/api/core';
import { PostMedia } from '@kadens/api/media';
import { type PlanActor, planChangeMatters, plannedPostOf, PlanRulesService } from '@kadens/api/promises';
import type { PostRevisionView, PostView } from '@kadens/shared/contracts';
import { type Decision, decidePostAction, DELIVERY_STARTED_STATES, type PostAction } from '@kadens/shared/rules';
import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { assertMediaFit, assertTextsFit, contentOf, type PostContent, sameContent, type TargetChannel } from './post-content';
import type { CreatePostDto, RuleOverrideDto, UpdatePostDto } from './post.dto';
import { POST_SELECT, type PostRow, toPostView } from './post-rows';
import { denialError, WorkflowWriter } from '../workflow/apply-workflow-change';
import { loadWorkflow, policyFor } from '../workflow/workflow-state';

/** Once a target is on its way out (or may be), its post can no longer be edited, moved or deleted. */

@Injectable()
export class PostsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly planRules: PlanRulesService,
    private readonly workflow: WorkflowWriter,
  ) {}

  async get(organizationId: string, postId: string, manager: EntityManager = this.db.manager): Promise<PostView> {
    const rows: PostRow[] = await manager.query(`${POST_SELECT} WHERE p.organization_id = $1 AND p.id = $2`, [organizationId, postId]);
    const row = rows[0];
    if (!row) throw new NotFoundException({ message: 'Post not found', code: 'post_not_found' });
    const media = await new PostMedia(manager).ofPost(organizationId, postId);
    return { ...toPostView(row), mediaIds: media.map((medium) => medium.id), media };
  }

  /**
   * A new draft; a planned one must keep its channels' promises (or carry an approver's override).
   * With `manager`, it runs inside the caller's transaction (the CSV import writes all its drafts in one).
   */
  create(organizationId: string, actor: PlanActor, input: CreatePostDto, manager?: EntityManager): Promise<PostView> {
    const authorId = actor.user.id;
    const inTransaction = <T>(work: (tx: EntityManager) => Promise<T>): Promise<T> => (manager ? work(manager) : this.db.transaction(work));
    return inTransaction(async (tx) => {
      const draft: PostView = {
        id: '',
        title: input.title,
        body: input.body,
        link: input.link ?? null,
        mediaUrls: input.mediaUrls ?? [],
        mediaIds: input.mediaIds ?? [],
        media: [],
        contentTypeId: input.contentTypeId,
        themeId: input.themeId,
        audienceIds: [...new Set(input.audienceIds ?? [])],
        initiativeId: input.initiativeId ?? null,
        plannedAt: input.plannedAt ?? null,
        invitesDialogue: input.invitesDialogue ?? false,
        sensitive: input.sensitive ?? false,
        state: 'draft',
        revision: 1,
        authorId,
        revisionAuthorId: authorId,
        targets: [],
        ruleOverride: null,
        createdAt: '',
        updatedAt: '',
      };
      await this.assertReferences(tx, organizationId, draft, input.targets);
      const inserted = (await tx.query(
        `INSERT INTO posts (organization_id, title, body, link, media_urls, content_type_id, theme_id, initiative_id, planned_at, invites_dialogue, sensitive, author_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [
          organizationId,
          draft.title,
          draft.body,
          draft.link,
          draft.mediaUrls,
          draft.contentTypeId,
          draft.themeId,
          draft.initiativeId,
          draft.plannedAt,
          draft.invitesDialogue,
          draft.sensitive,
          authorId,
        ],
      )) as Array<{ id: string }>;
      const { id } = returnedRow(inserted, 'INSERT INTO posts');
      await this.writeAudiences(tx, organizationId, id, draft.audienceIds);
      await this.writeTargets(tx, organizationId, id, input.targets, []);
      await new PostMedia(tx).replace(organizationId, id, draft.mediaIds);
      const planned = plannedPostOf({
        ...draft,
        id,
        targets: input.targets.map((t) => ({ channelId: t.channelId, state: 'pending' as const })),
      });
      await this.planRules.enforce(tx, organizationId, { ...planned, postId: id }, actor, input.ruleOverride);
      const created = await this.get(organizationId, id, tx);
      await this.recordRevision(tx, organizationId, created, authorId);
      return created;
    });
  }

  /**
   * Saves changes. A change of content makes a new revision (kept in post_revisions); a change of time
   * alone does not, so a moved post keeps its revision and therefore its sign-off.
   */
  update(organizationId: string, postId: string, actor: PlanActor, input: UpdatePostDto): Promise<PostView> {
    const editorId = actor.user.id;
    return this.db.transaction(async (tx) => {
      const current = await this.lockForChange(tx, organizationId, postId);
      const targets = input.targets ?? current.targets.map((t) => ({ channelId: t.channelId, textVariant: t.textVariant }));
      const next: PostView = {
        ...current,
        ...definedOnly({ ...input, ruleOverride: undefined }),
        audienceIds: [...new Set(input.audienceIds ?? current.audienceIds)],
        targets: targets.map((t) => ({
          id: '',
          platform: 'webhook',
          state: 'pending',
          channelId: t.channelId,
          textVariant: t.textVariant ?? null,
        })),
      };
      await this.assertReferences(tx, organizationId, next, targets, current);
      const contentChanged = !sameContent(contentOf(current), contentOf(next));
      const timeChanged = next.plannedAt !== current.plannedAt;
      const revision = contentChanged ? current.revision + 1 : current.revision;
      const step =
        contentChanged || timeChanged
          ? await this.decide(
              tx,
              organizationId,
              postId,
              contentChanged ? 'edit_content' : 'move_time',
              actor,
              targets.map((t) => t.channelId),
            )
          : null;
      await tx.query(
        `UPDATE posts SET title = $3, body = $4, link = $5, media_urls = $6, content_type_id = $7, theme_id = $8, initiative_id = $9,
                          planned_at = $10, invites_dialogue = $11, sensitive = $12, revision = $13, updated_at = now()
          WHERE organization_id = $1 AND id = $2`,
        [
          organizationId,
          postId,
          next.title,
          next.body,
          next.link,
          next.mediaUrls,
          next.contentTypeId,
          next.themeId,
          next.initiativeId,
          next.plannedAt,
          next.invitesDialogue,
          next.sensitive,
          revision,
        ],
      );
      if (input.audienceIds) {
        await tx.query(`DELETE FROM post_audiences WHERE post_id = $1`, [postId]);
        await this.writeAudiences(tx, organizationId, postId, next.audienceIds);
      }
      if (input.targets) await this.writeTargets(tx, organizationId, postId, input.targets, current.targets);
      if (input.mediaIds) await new PostMedia(tx).replace(organizationId, postId, next.mediaIds);
      // The promises library says whether the change touches what its rules read, and checks the planned values.
      const stateOn = new Map(current.targets.map((t) => [t.channelId, t.state]));
      const planned = plannedPostOf({
        ...next,
        targets: targets.map((t) => ({ channelId: t.channelId, state: stateOn.get(t.channelId) ?? 'pending' })),
      });
      if (planChangeMatters(plannedPostOf(current), planned) || input.ruleOverride) {
        await this.planRules.enforce(tx, organizationId, { ...planned, postId }, actor, input.ruleOverride);
      }
      if (step)
        await this.workflow.apply(tx, { organizationId, postId, ...step, plannedAt: { before: current.plannedAt, after: next.plannedAt } });
      const saved = await this.get(organizationId, postId, tx);
      if (contentChanged) await this.recordRevision(tx, organizationId, saved, editorId);
      return saved;
    });
  }

  /** Moves the post on the calendar: only its time changes, so its revision stays — if the rules still pass. */
  move(organizationId: string, postId: string, actor: PlanActor, plannedAt: string, ruleOverride?: RuleOverrideDto): Promise<PostView> {
    return this.db.transaction(async (tx) => {
      const current = await this.lockForChange(tx, organizationId, postId);
      const step = await this.decide(
        tx,
        organizationId,
        postId,
        'move_time',
        actor,
        current.targets.map((t) => t.channelId),
      );
      await tx.query(`UPDATE posts SET planned_at = $3, updated_at = now() WHERE organization_id = $1 AND id = $2`, [
        organizationId,
        postId,
        plannedAt,
      ]);
      await this.planRules.enforce(tx, organizationId, { ...plannedPostOf({ ...current, plannedAt }), postId }, actor, ruleOverride);
      await this.workflow.apply(tx, { organizationId, postId, ...step, plannedAt: { before: current.plannedAt, after: plannedAt } });
      return this.get(organizationId, postId, tx);
    });
  }

  remove(organizationId: string, postId: string): Promise<void> {
    return this.db.transaction(async (tx) => {
      await this.lockForChange(tx, organizationId, postId);
      await tx.query(`DELETE FROM posts WHERE organization_id = $1 AND id = $2`, [organizationId, postId]);
    });
  }

  async revisions(organizationId: string, postId: string): Promise<PostRevisionView[]> {
    await this.get(organizationId, postId);
    const rows: Array<{ revision: number; author_id: string; created_at: Date; content: PostContent }> = await this.db.query(
      `SELECT revision, author_id, created_at, content FROM post_revisions WHERE organization_id = $1 AND post_id = $2 ORDER BY revision DESC`,
      [organizationId, postId],
    );
    return rows.map((row) => ({
      revision: row.revision,
      authorId: row.author_id,
      createdAt: row.created_at.toISOString(),
      content: row.content,
    }));
  }

  /** Asks the approval machine what an edit or a move does to the post's sign-off; refusals become HTTP errors. */
  private async decide(
    tx: EntityManager,
    organizationId: string,
    postId: string,
    action: Extract<PostAction, 'edit_content' | 'move_time'>,
    actor: PlanActor,
    channelIds: string[],
  ) {
    const before = await loadWorkflow(tx, organizationId, postId);
    const decision: Decision = decidePostAction(
      before,
      { type: action },
      { userId: actor.user.id, role: actor.role },
      await policyFor(tx, organizationId, channelIds),
    );
    if (!decision.ok) throw denialError(decision.reason);
    return { action, actor: { userId: actor.user.id, role: actor.role }, before, change: decision.next };
  }

  /** Locks the row for the rest of the transaction and refuses changes once delivery has started. */
  private async lockForChange(tx: EntityManager, organizationId: string, postId: string): Promise<PostView> {
    const locked: unknown[] = await tx.query(`SELECT id FROM posts WHERE organization_id = $1 AND id = $2 FOR UPDATE`, [
      organizationId,
      postId,
    ]);
    if (locked.length === 0) throw new NotFoundException({ message: 'Post not found', code: 'post_not_found' });
    const post = await this.get(organizationId, postId, tx);
    if (post.state === 'cancelled') throw new ConflictException({ message: 'The post is cancelled', code: 'post_cancelled' });
    if (post.targets.some((target) => DELIVERY_STARTED_STATES.includes(target.state))) {
      throw new ConflictException({
        message: 'The post is already published (or being published) on at least one channel',
        code: 'delivery_started',
      });
    }
    return post;
  }

  /**
   * Every referenced row must be this organisation's, and new picks must not be archived (a post keeps
   * a theme that was archived after it was planned).
   */
  private async assertReferences(
    tx: EntityManager,
    organizationId: string,
    post: PostView,
    targets: ReadonlyArray<{ channelId: string; textVariant?: string | null }>,
    current?: PostView,
  ): Promise<void> {
    const unchanged = <T>(value: T, previous: T | undefined) => current !== undefined && value === previous;
    if (!unchanged(post.themeId, current?.themeId))
      await assertOwnedIds(tx, 'themes', organizationId, [post.themeId], 'themeId', { allowArchived: false });
    if (!unchanged(post.contentTypeId, current?.contentTypeId))
      await assertOwnedIds(tx, 'content_types', organizationId, [post.contentTypeId], 'contentTypeId', { allowArchived: false });
    if (post.initiativeId && !unchanged(post.initiativeId, current?.initiativeId))
      await assertOwnedIds(tx, 'initiatives', organizationId, [post.initiativeId], 'initiativeId');
    const newAudiences = post.audienceIds.filter((id) => !current?.audienceIds.includes(id));
    await assertOwnedIds(tx, 'audiences', organizationId, newAudiences, 'audienceIds', { allowArchived: false });

    const channelIds = targets.map((t) => t.channelId);
    const duplicate = channelIds.findIndex((id, index) => channelIds.indexOf(id) !== index);
    if (duplicate >= 0) throw fieldError(`targets.${duplicate}.channelId`, 'names a channel that is already a target of this post');
    const channels = await this.channels(tx, organizationId, channelIds);
    const unknown = channelIds.findIndex((id) => !channels.has(id));
    if (unknown >= 0) throw fieldError(`targets.${unknown}.channelId`, 'unknown channel');
    assertTextsFit(post, targets, channels);
    assertMediaFit(await new PostMedia(tx).resolve(organizationId, post.mediaIds), channels.values());
  }

  private async channels(tx: EntityManager, organizationId: string, ids: string[]): Promise<Map<string, TargetChannel>> {
    const rows: TargetChannel[] = await tx.query(
      `SELECT id, name, platform FROM channels WHERE organization_id = $1 AND id = ANY($2::uuid[])`,
      [organizationId, ids],
    );
    return new Map(rows.map((row) => [row.id, row]));
  }

  private async writeAudiences(tx: EntityManager, organizationId: string, postId: string, audienceIds: string[]): Promise<void> {
    if (audienceIds.length === 0) return;
    await tx.query(`INSERT INTO post_audiences (organization_id, post_id, audience_id) SELECT $1, $2, unnest($3::uuid[])`, [
      organizationId,
      postId,
      audienceIds,
    ]);
  }

  /** Replaces the targets: keeps rows (and their delivery state) for channels still chosen, updating their variant. */
  private async writeTargets(
    tx: EntityManager,
    organizationId: string,
    postId: string,
    targets: ReadonlyArray<{ channelId: string; textVariant?: string | null }>,
    existing: PostView['targets'],
  ): Promise<void> {
    const kept = new Set(targets.map((t) => t.channelId));
    const dropped = existing.filter((t) => !kept.has(t.channelId)).map((t) => t.id);
    if (dropped.length > 0) await tx.query(`DELETE FROM post_targets WHERE id = ANY($1::uuid[])`, [dropped]);
    for (const target of targets) {
      await tx.query(
        `INSERT INTO post_targets (organization_id, post_id, channel_id, text_variant) VALUES ($1, $2, $3, $4)
         ON CONFLICT (post_id, channel_id) DO UPDATE SET text_variant = EXCLUDED.text_variant, updated_at = now()
         WHERE post_targets.text_variant IS DISTINCT FROM EXCLUDED.text_variant`,
        [organizationId, postId, target.channelId, target.textVariant ?? null],
      );
    }
  }

  private async recordRevision(tx: EntityManager, organizationId: string, post: PostView, authorId: string): Promise<void> {
    await tx.query(`INSERT INTO post_revisions (organization_id, post_id, revision, author_id, content) VALUES ($1, $2, $3, $4, $5)`, [
      organizationId,
      post.id,
      post.revision,
      authorId,
      JSON.stringify(contentOf(post)),
    ]);
  }
}

function fieldError(field: string, message: string): BadRequestException {
  return new BadRequestException({ message: `${field}: ${message}`, code: 'validation_failed', errors: [{ field, messages: [message] }] });
}

function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;
}
