import { AuditService } from '@kadens/api/audit';
import type {
  AttentionAction,
  AttentionItem,
  Platform,
  PostState,
  TargetCheck,
  TargetCheckResult,
  TargetDelivery,
  TargetState,
} from '@kadens/shared/contracts';
import { type AttentionDenial, attentionDenial } from '@kadens/shared/rules';
import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { recordFoundByCheck } from '../pipeline/settle/lookup-statements';
import { type LookupVerdict, PublishedLookups } from '../pipeline/settle/published-lookup';
import { listAttention } from './attention-query';
import { loadDelivery } from './deliveries.service';

interface LockedTarget {
  id: string;
  post_id: string;
  channel_id: string;
  state: TargetState;
  not_before: Date | null;
  attempt_count: number;
  post_state: PostState;
  revision: number;
  planned_at: Date | null;
  paused: boolean;
  platform: Platform;
}

/** The attempt "check again" asks about: the target's last one that went out, and when its revision was first tried. */
interface CheckedAttempt {
  revision: number;
  started_at: Date;
  first_attempt_at: Date;
  text: string | null;
  link: string | null;
  media_urls: string[];
}

/** What a look-up's verdict means to the person who asked. */
function checkResult(verdict: LookupVerdict): TargetCheckResult {
  if (verdict.kind === 'absent') return verdict.because === 'repeat_is_safe' ? 'repeat_is_safe' : 'not_found';
  return verdict.kind;
}

const DENIAL_MESSAGE: Record<AttentionDenial, (target: LockedTarget) => string> = {
  target_state: (target) => `That is not possible while the target is ${target.state}`,
  not_approved: () => 'The post is not approved (any more); it needs an approval before it can go out',
  publishing_paused: () =>
    'Publishing is paused for the organisation or this channel (or the channel is not in use); resume it first, or give the target a new time',
  lookup_unsupported: () =>
    'This platform cannot be asked whether the post is there; check it on the platform and mark it published, or retry',
};

/**
 * What a person does with a target that waits for them. Each action locks the target row, asks the
 * shared rules whether it is allowed in the target's current state, changes it and records who did it,
 * all in one transaction; the dispatcher then picks up whatever became `scheduled`.
 */
@Injectable()
export class AttentionActionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly lookups: PublishedLookups,
  ) {}

  list(organizationId: string): Promise<AttentionItem[]> {
    return listAttention(this.db.manager, organizationId, (platform) => this.lookups.canLookUp(platform));
  }

  /**
   * Asks the platform now whether the unconfirmed target's last attempt made its post (outside any
   * transaction), then, under the locks and only if the target is still unconfirmed: found → published,
   * recorded as this person's attempt; otherwise nothing changes and the answer says whether a retry is
   * safe. The check is in the post's history either way.
   */
  async checkAgain(organizationId: string, targetId: string, actorId: string): Promise<TargetCheck> {
    const before = await this.db.transaction((tx) => this.lock(tx, organizationId, targetId));
    const denial = attentionDenial('check_again', this.context(before));
    if (denial) throw new ConflictException({ message: DENIAL_MESSAGE[denial](before), code: denial });
    const [attempt]: CheckedAttempt[] = await this.db.query(
      `SELECT a.revision, a.started_at,
              (SELECT min(f.started_at) FROM publish_attempts f WHERE f.target_id = a.target_id AND f.revision = a.revision AND f.outcome IS DISTINCT FROM 'refused') AS first_attempt_at,
              CASE WHEN p.revision = a.revision THEN COALESCE(t.text_variant, p.body) END AS text, p.link, p.media_urls
         FROM publish_attempts a JOIN post_targets t ON t.id = a.target_id JOIN posts p ON p.id = t.post_id
        WHERE a.target_id = $1 AND a.outcome IS DISTINCT FROM 'refused' AND a.actor_id IS NULL
        ORDER BY a.started_at DESC LIMIT 1`,
      [targetId],
    );
    const verdict: LookupVerdict | null = attempt
      ? await this.lookups.lookUp({
          platform: before.platform,
          channelId: before.channel_id,
          idempotencyKey: `${targetId}.${attempt.revision}`,
          firstAttemptAt: attempt.first_attempt_at.getTime(),
          content: attempt.text === null ? undefined : { text: attempt.text, link: attempt.link, mediaUrls: attempt.media_urls },
        })
      : { kind: 'unknown', reason: 'the target has no attempt to look up' };
    const answer = verdict ?? { kind: 'unknown' as const, reason: DENIAL_MESSAGE.lookup_unsupported(before) };
    const result = checkResult(answer);
    const reason = answer.kind === 'unknown' ? answer.reason : null;
    const delivery = await this.act(organizationId, targetId, actorId, 'check_again', async (tx, target) => {
      if (answer.kind !== 'found' || !attempt) return { after: { state: target.state, check: result }, reason };
      const found = {
        organizationId,
        targetId,
        revision: attempt.revision,
        number: target.attempt_count + 1,
        actorId,
        externalId: answer.externalId,
        url: answer.url,
        publishedAt: attempt.started_at,
      };
      await recordFoundByCheck(tx, found, 'Found on the platform when checked again');
      return { after: { state: 'published', check: result, url: answer.url } };
    });
    return { result, reason, delivery };
  }

  /** Retry (after a failure or an unknown outcome) and publish now (a held target) both send it out as soon as possible. */
  sendAgain(
    organizationId: string,
    targetId: string,
    actorId: string,
    action: Extract<AttentionAction, 'retry' | 'publish_now'>,
  ): Promise<TargetDelivery> {
    return this.act(organizationId, targetId, actorId, action, async (tx, target) => {
      // An UPDATE answers [rows, count].
      const [[row]]: [[{ not_before: Date }]] = await tx.query(
        `UPDATE post_targets SET state = 'scheduled', not_before = now(), job_id = NULL, retries_from = attempt_count, updated_at = now() WHERE id = $1 RETURNING not_before`,
        [target.id],
      );
      return { after: { state: 'scheduled', notBefore: row.not_before.toISOString() } };
    });
  }

  /** A person says the post is out there (they checked, or published it by hand); no platform is called. */
  markPublished(
    organizationId: string,
    targetId: string,
    actorId: string,
    input: { url?: string | null; note?: string | null },
  ): Promise<TargetDelivery> {
    return this.act(organizationId, targetId, actorId, 'mark_published', async (tx, target) => {
      const url = input.url ?? null;
      const note = input.note || null;
      await tx.query(
        `INSERT INTO publish_attempts (organization_id, target_id, revision, number, actor_id, started_at, finished_at, outcome, message, external_url)
         VALUES ($1, $2, $3, $4, $5, now(), clock_timestamp(), 'marked_published', $6, $7)`,
        [organizationId, target.id, target.revision, target.attempt_count + 1, actorId, note, url],
      );
      await tx.query(
        `UPDATE post_targets SET state = 'published', published_at = now(), external_url = COALESCE($2, external_url), attempt_count = attempt_count + 1,
                job_id = NULL, not_before = NULL, last_error_kind = NULL, last_error = NULL, updated_at = now()
          WHERE id = $1`,
        [target.id, url],
      );
      return { after: { state: 'published', url }, reason: note };
    });
  }

  /** A new earliest time for this one channel; the post's own time (and its other channels) stay. */
  reschedule(organizationId: string, targetId: string, actorId: string, at: string): Promise<TargetDelivery> {
    return this.act(organizationId, targetId, actorId, 'reschedule', async (tx, target) => {
      // The dispatcher waits for the later of the two, so an earlier `at` would silently not happen.
      if (target.planned_at && Date.parse(at) < target.planned_at.getTime()) {
        const message = `at must not be before the post's planned time (${target.planned_at.toISOString()}); move the post instead`;
        throw new BadRequestException({ message, code: 'validation_failed', errors: [{ field: 'at', messages: [message] }] });
      }
      await tx.query(
        `UPDATE post_targets SET state = 'scheduled', not_before = $2, job_id = NULL, retries_from = attempt_count, updated_at = now() WHERE id = $1`,
        [target.id, at],
      );
      return { after: { state: 'scheduled', notBefore: new Date(at).toISOString() } };
    });
  }

  private act(
    organizationId: string,
    targetId: string,
    actorId: string,
    action: AttentionAction,
    change: (tx: EntityManager, target: LockedTarget) => Promise<{ after: Record<string, unknown>; reason?: string | null }>,
  ): Promise<TargetDelivery> {
    return this.db.transaction(async (tx) => {
      const target = await this.lock(tx, organizationId, targetId);
      const denial = attentionDenial(action, this.context(target));
      if (denial) throw new ConflictException({ message: DENIAL_MESSAGE[denial](target), code: denial });
      const { after, reason } = await change(tx, target);
      await this.audit.record(tx, {
        organizationId,
        actorId,
        action: `target.${action}`,
        // Recorded on the post, so the post's history tells what happened on each channel.
        subjectType: 'post',
        subjectId: target.post_id,
        before: {
          targetId: target.id,
          channelId: target.channel_id,
          state: target.state,
          notBefore: target.not_before?.toISOString() ?? null,
        },
        after: { targetId: target.id, channelId: target.channel_id, ...after },
        reason: reason ?? null,
      });
      return loadDelivery(tx, target.id);
    });
  }

  private context(target: LockedTarget) {
    return { state: target.state, postState: target.post_state, paused: target.paused, canLookUp: this.lookups.canLookUp(target.platform) };
  }

  /** The target, locked for this transaction, with what the rules need; 404 for another organisation's. */
  private async lock(tx: EntityManager, organizationId: string, targetId: string): Promise<LockedTarget> {
    // The post first, as every writer of targets does (their state changes rewrite the post's calendar entry).
    await tx.query(`SELECT id FROM posts WHERE id = (SELECT post_id FROM post_targets WHERE organization_id = $1 AND id = $2) FOR UPDATE`, [
      organizationId,
      targetId,
    ]);
    const rows: LockedTarget[] = await tx.query(
      `SELECT t.id, t.post_id, t.channel_id, t.state, t.not_before, t.attempt_count,
              p.state AS post_state, p.revision, p.planned_at, c.platform,
              (o.publishing_paused_at IS NOT NULL OR c.publishing_paused_at IS NOT NULL OR c.status <> 'active') AS paused
         FROM post_targets t
         JOIN posts p ON p.id = t.post_id
         JOIN channels c ON c.id = t.channel_id
         JOIN organizations o ON o.id = t.organization_id
        WHERE t.organization_id = $1 AND t.id = $2
          FOR UPDATE OF t`,
      [organizationId, targetId],
    );
    const target = rows[0];
    if (!target) throw new NotFoundException({ message: 'Target not found', code: 'target_not_found' });
    return target;
  }
}
