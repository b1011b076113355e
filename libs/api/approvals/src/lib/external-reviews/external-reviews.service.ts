import { AuditService } from '@kadens/api/audit';
import { AccountMailer, APP_CONFIG, type AppConfig, normalizeEmail } from '@kadens/api/core';
import type { CurrentMemberValue } from '@kadens/api/organizations';
import { loadWorkflow } from '@kadens/api/posts';
import type { ExternalReviewView, Locale } from '@kadens/shared/contracts';
import { externalReviewStatus, mayAskExternally } from '@kadens/shared/rules';
import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import type { AskExternalReviewDto } from './external-review.dto';
import { externalReviewMail } from './external-review-mail';
import { externalReviewLink, newExternalReviewToken } from './external-review-token';

interface ReviewRow {
  id: string;
  name: string;
  email: string;
  revision: number;
  post_revision: number;
  requested_by_name: string | null;
  created_at: Date;
  expires_at: Date;
  opened_at: Date | null;
  decided_at: Date | null;
  decision: 'approved' | 'changes_requested' | null;
  comment: string;
  revoked_at: Date | null;
}

const SELECT = `SELECT x.id, x.name, x.email, x.revision, p.revision AS post_revision, u.name AS requested_by_name, x.created_at, x.expires_at,
                       x.opened_at, x.decided_at, x.decision, x.comment, x.revoked_at
                  FROM external_reviews x JOIN posts p ON p.id = x.post_id LEFT JOIN users u ON u.id = x.requested_by`;

function toView(row: ReviewRow, now = new Date()): ExternalReviewView {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    status: externalReviewStatus(
      { revision: row.revision, expiresAt: row.expires_at, openedAt: row.opened_at, decision: row.decision, revokedAt: row.revoked_at },
      row.post_revision,
      now,
    ),
    revision: row.revision,
    requestedByName: row.requested_by_name,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    openedAt: row.opened_at?.toISOString() ?? null,
    decidedAt: row.decided_at?.toISOString() ?? null,
    comment: row.comment,
  };
}

/**
 * The organisation's side of external sign-off: ask an outside person (which replaces any earlier
 * request for the post and mails the link through the account-mail outbox), list, revoke.
 */
@Injectable()
export class ExternalReviewsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly mailer: AccountMailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  ask(organizationId: string, postId: string, member: CurrentMemberValue, input: AskExternalReviewDto): Promise<ExternalReviewView> {
    return this.db.transaction(async (tx) => {
      const post = await loadWorkflow(tx, organizationId, postId);
      if (!mayAskExternally(post.state)) {
        throw new ConflictException({ message: 'Only a post in review can be sent to someone outside', code: 'not_in_review' });
      }
      const email = normalizeEmail(input.email);
      const replaced: Array<{ id: string; name: string; email: string }> = (
        await tx.query(
          `UPDATE external_reviews SET revoked_at = now(), revoked_reason = 'replaced' WHERE post_id = $1 AND revoked_at IS NULL RETURNING id, name, email`,
          [postId],
        )
      )[0];
      for (const old of replaced) await this.record(tx, organizationId, member.user.id, postId, 'post.external_review_replaced', old);
      const { token, tokenHash } = newExternalReviewToken();
      const [inserted]: Array<{ id: string }> = await tx.query(
        `INSERT INTO external_reviews (organization_id, post_id, revision, name, email, token_hash, requested_by, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(days => $8)) RETURNING id`,
        [organizationId, postId, post.revision, input.name, email, tokenHash, member.user.id, this.config.externalReviewValidDays],
      );
      const id = inserted?.id ?? '';
      await this.sendMail(tx, organizationId, { name: input.name, email, title: post.title, requester: member.user.name, token });
      await this.record(tx, organizationId, member.user.id, postId, 'post.external_review_requested', {
        id,
        name: input.name,
        email,
        revision: post.revision,
      });
      return this.getOne(tx, organizationId, postId, id);
    });
  }

  async list(organizationId: string, postId: string): Promise<ExternalReviewView[]> {
    const posts: unknown[] = await this.db.query(`SELECT 1 FROM posts WHERE organization_id = $1 AND id = $2`, [organizationId, postId]);
    if (posts.length === 0) throw new NotFoundException({ message: 'Post not found', code: 'post_not_found' });
    const rows: ReviewRow[] = await this.db.query(`${SELECT} WHERE x.organization_id = $1 AND x.post_id = $2 ORDER BY x.created_at DESC`, [
      organizationId,
      postId,
    ]);
    const now = new Date();
    return rows.map((row) => toView(row, now));
  }

  /** Revokes the link (and with it the requirement of an outside sign-off for the post). */
  revoke(organizationId: string, postId: string, reviewId: string, actorId: string): Promise<void> {
    return this.db.transaction(async (tx) => {
      await loadWorkflow(tx, organizationId, postId);
      const review = await this.getOne(tx, organizationId, postId, reviewId);
      if (review.status === 'revoked') {
        throw new ConflictException({ message: 'The link is already revoked', code: 'external_review_revoked' });
      }
      await tx.query(`UPDATE external_reviews SET revoked_at = now(), revoked_reason = 'revoked' WHERE id = $1`, [reviewId]);
      await this.record(tx, organizationId, actorId, postId, 'post.external_review_revoked', {
        id: reviewId,
        name: review.name,
        email: review.email,
      });
    });
  }

  private async getOne(manager: EntityManager, organizationId: string, postId: string, reviewId: string): Promise<ExternalReviewView> {
    const [row]: ReviewRow[] = await manager.query(`${SELECT} WHERE x.organization_id = $1 AND x.post_id = $2 AND x.id = $3`, [
      organizationId,
      postId,
      reviewId,
    ]);
    if (!row) throw new NotFoundException({ message: 'External review not found', code: 'external_review_not_found' });
    return toView(row);
  }

  private async sendMail(
    tx: EntityManager,
    organizationId: string,
    values: { name: string; email: string; title: string; requester: string; token: string },
  ): Promise<void> {
    const [organization]: Array<{ name: string; default_locale: Locale }> = await tx.query(
      `SELECT name, default_locale FROM organizations WHERE id = $1`,
      [organizationId],
    );
    const mail = externalReviewMail(organization?.default_locale ?? 'en', {
      name: values.name,
      requester: values.requester,
      organization: organization?.name ?? '',
      title: values.title,
      link: externalReviewLink(this.config.publicUrl, values.token),
      days: this.config.externalReviewValidDays,
    });
    await this.mailer.enqueue(tx, { kind: 'external_review', to: values.email, subject: mail.subject, text: mail.text });
  }

  private record(tx: EntityManager, organizationId: string, actorId: string, postId: string, action: string, after: object): Promise<void> {
    return this.audit.record(tx, { organizationId, actorId, action, subjectType: 'post', subjectId: postId, after });
  }
}
