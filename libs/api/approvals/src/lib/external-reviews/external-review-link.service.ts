import { AuditService } from '@kadens/api/audit';
import { MediaService } from '@kadens/api/media';
import { loadWorkflow, policyFor, PostsService, WorkflowWriter } from '@kadens/api/posts';
import type {
  ExternalReviewDecisionView,
  ExternalReviewLinkCode,
  ExternalReviewPageView,
  Locale,
  PostState,
} from '@kadens/shared/contracts';
import {
  decideExternalReview,
  externalLinkRefusal,
  externalLinkStatusCode,
  externalReviewStatus,
  type DenialReason,
} from '@kadens/shared/rules';
import { ConflictException, GoneException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { checklistItems } from '../checklist/checklist.service';
import type { ExternalReviewDecisionDto } from './external-review.dto';
import { hashExternalReviewToken } from './external-review-token';
import { withExternalSignOff } from './external-sign-off';

interface LinkRow {
  id: string;
  organization_id: string;
  post_id: string;
  revision: number;
  name: string;
  email: string;
  expires_at: Date;
  opened_at: Date | null;
  decision: 'approved' | 'changes_requested' | null;
  revoked_at: Date | null;
}

const MESSAGES: Record<ExternalReviewLinkCode, string> = {
  external_review_expired: 'This review link has expired; ask the person who sent it for a new one',
  external_review_revoked: 'This review link was withdrawn or replaced by a newer one',
  external_review_used: 'A decision has already been given with this link',
  external_review_stale: 'The post was changed after you were asked; a new link is needed for the new version',
  external_review_not_in_review: 'The post is no longer waiting for review',
};

/**
 * The outside person's side: the link shows the post read-only (recording "opened", consuming
 * nothing, since mail scanners open links) and takes one decision. A dead link never decides.
 */
@Injectable()
export class ExternalReviewLinkService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly workflow: WorkflowWriter,
    private readonly posts: PostsService,
    private readonly media: MediaService,
  ) {}

  view(token: string): Promise<ExternalReviewPageView> {
    return this.db.transaction(async (tx) => {
      const link = await this.usableLink(tx, token);
      const post = await this.posts.get(link.organization_id, link.post_id, tx);
      if (!link.opened_at) {
        await tx.query(`UPDATE external_reviews SET opened_at = now() WHERE id = $1`, [link.id]);
        await this.record(tx, link, 'post.external_review_opened', {});
      }
      const [organization]: Array<{ name: string; default_locale: Locale; time_zone: string }> = await tx.query(
        `SELECT name, default_locale, time_zone FROM organizations WHERE id = $1`,
        [link.organization_id],
      );
      const [theme]: Array<{ name: string; color: string }> = await tx.query(
        `SELECT name, color FROM themes WHERE organization_id = $1 AND id = $2`,
        [link.organization_id, post.themeId],
      );
      const channels: Array<{ id: string; name: string }> = await tx.query(
        `SELECT id, name FROM channels WHERE organization_id = $1 AND id = ANY($2::uuid[])`,
        [link.organization_id, post.targets.map((target) => target.channelId)],
      );
      const checklist = await checklistItems(tx, link.organization_id, false);
      return {
        organization: {
          name: organization?.name ?? '',
          locale: organization?.default_locale ?? 'en',
          timeZone: organization?.time_zone ?? 'UTC',
        },
        reviewerName: link.name,
        expiresAt: link.expires_at.toISOString(),
        post: {
          title: post.title,
          plannedAt: post.plannedAt,
          theme: { name: theme?.name ?? '', color: theme?.color ?? '#666666' },
          channels: post.targets.map((target) => ({
            platform: target.platform,
            name: channels.find((channel) => channel.id === target.channelId)?.name ?? target.platform,
            text: target.textVariant ?? post.body,
          })),
          link: post.link,
          media: await Promise.all(
            (post.media ?? []).map(async (medium) => ({
              kind: medium.kind,
              fileName: medium.fileName,
              altText: medium.altText,
              // Signed, so the outside person (no session) sees the picture; valid as long as the link.
              thumbnailUrl:
                medium.thumbnailUrl === null
                  ? null
                  : await this.media.signedUrl(link.organization_id, medium.id, 'thumbnail', secondsUntil(link.expires_at)),
            })),
          ),
        },
        checklist: checklist.map((item) => ({ text: item.text, required: item.required })),
      };
    });
  }

  decide(token: string, input: ExternalReviewDecisionDto): Promise<ExternalReviewDecisionView> {
    return this.db.transaction(async (tx) => {
      const link = await this.usableLink(tx, token);
      const loaded = await loadWorkflow(tx, link.organization_id, link.post_id);
      const { workflow: before, policy } = await withExternalSignOff(
        tx,
        link.post_id,
        loaded,
        await policyFor(tx, link.organization_id, loaded.channelIds),
      );
      const decision = decideExternalReview(
        before,
        { decision: input.decision, revision: link.revision, reviewId: link.id },
        { ...policy, externalRequired: true },
      );
      if (!decision.ok) throw linkError(refusalFor(decision.reason));
      const recorded = input.decision === 'approve' ? 'approved' : 'changes_requested';
      const comment = input.comment ?? '';
      const [[updated]]: [Array<{ decided_at: Date }>] = await tx.query(
        `UPDATE external_reviews SET decision = $2, decided_at = now(), comment = $3 WHERE id = $1 RETURNING decided_at`,
        [link.id, recorded, comment],
      );
      await this.record(
        tx,
        link,
        'post.external_review_decided',
        { decision: recorded, comment, revision: link.revision },
        comment || null,
      );
      await this.workflow.apply(tx, {
        organizationId: link.organization_id,
        postId: link.post_id,
        action: input.decision,
        actor: 'system',
        before,
        change: decision.next,
        reason: input.decision === 'request_changes' ? `${link.name} (${link.email}): ${comment}` : null,
      });
      return { status: recorded, decidedAt: (updated?.decided_at ?? new Date()).toISOString() };
    });
  }

  /** The link's row, locked, or the error its state stands for: 404 unknown, 410 dead, 409 the post moved on. */
  private async usableLink(tx: EntityManager, token: string): Promise<LinkRow> {
    const [link]: Array<LinkRow & { post_revision: number; post_state: PostState }> = await tx.query(
      `SELECT x.id, x.organization_id, x.post_id, x.revision, x.name, x.email, x.expires_at, x.opened_at, x.decision, x.revoked_at,
              p.revision AS post_revision, p.state AS post_state
         FROM external_reviews x JOIN posts p ON p.id = x.post_id WHERE x.token_hash = $1 FOR UPDATE OF x`,
      [hashExternalReviewToken(token)],
    );
    if (!link) throw new NotFoundException({ message: 'Unknown review link', code: 'external_review_not_found' });
    const status = externalReviewStatus(
      {
        revision: link.revision,
        expiresAt: link.expires_at,
        openedAt: link.opened_at,
        decision: link.decision,
        revokedAt: link.revoked_at,
      },
      link.post_revision,
      new Date(),
    );
    const refusal = externalLinkRefusal(status, link.post_state);
    if (refusal) throw linkError(refusal);
    return link;
  }

  private record(tx: EntityManager, link: LinkRow, action: string, after: object, reason: string | null = null): Promise<void> {
    return this.audit.record(tx, {
      organizationId: link.organization_id,
      actorId: null,
      action,
      subjectType: 'post',
      subjectId: link.post_id,
      after: { id: link.id, name: link.name, email: link.email, ...after },
      reason,
    });
  }
}

function refusalFor(reason: DenialReason): ExternalReviewLinkCode {
  return reason === 'stale_revision' ? 'external_review_stale' : 'external_review_not_in_review';
}

function linkError(code: ExternalReviewLinkCode): Error {
  const body = { message: MESSAGES[code], code };
  return externalLinkStatusCode(code) === 410 ? new GoneException(body) : new ConflictException(body);
}

/** Seconds from now until `at`, at least one minute (a link about to expire still shows its pictures). */
function secondsUntil(at: Date): number {
  return Math.max(60, Math.ceil((at.getTime() - Date.now()) / 1000));
}
