import type { EntityManager } from 'typeorm';

export interface FoundPost {
  targetId: string;
  externalId: string;
  url: string | null;
  /** When the attempt that made the post started (the platform's own time is not known); null: now. */
  publishedAt: Date | null;
}

/**
 * A silent attempt whose post a look-up found: the attempt itself is the one that published (outcome
 * `published`, the platform's id and address, how it was found in the message), and the target is
 * published. The caller holds the post's and the target's locks and has checked the attempt is still
 * open, so no other attempt of the target can be `published` (publish_attempts_published_once).
 */
export async function recordFoundByLookup(tx: EntityManager, found: FoundPost & { attemptId: string }, message: string): Promise<void> {
  await tx.query(
    `UPDATE publish_attempts SET finished_at = clock_timestamp(), outcome = 'published', external_id = $2, external_url = $3, message = $4,
            status = NULL, code = NULL, retry_at = NULL
      WHERE id = $1`,
    [found.attemptId, found.externalId.slice(0, 500), found.url?.slice(0, 2048) ?? null, message.slice(0, 2000)],
  );
  await publishTarget(tx, found);
}

/**
 * A person's "check again" that found the post of an unconfirmed target: recorded as an attempt of its
 * own (by that person, outcome `published`), since the silent attempt is already settled as timed out.
 * An unconfirmed target has no published attempt, so the unique index holds.
 */
export async function recordFoundByCheck(
  tx: EntityManager,
  found: FoundPost & { organizationId: string; revision: number; number: number; actorId: string },
  message: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO publish_attempts (organization_id, target_id, revision, number, actor_id, started_at, finished_at, outcome, message, external_id, external_url)
     VALUES ($1, $2, $3, $4, $5, now(), clock_timestamp(), 'published', $6, $7, $8)`,
    [
      found.organizationId,
      found.targetId,
      found.revision,
      found.number,
      found.actorId,
      message.slice(0, 2000),
      found.externalId.slice(0, 500),
      found.url?.slice(0, 2048) ?? null,
    ],
  );
  await tx.query(`UPDATE post_targets SET attempt_count = attempt_count + 1 WHERE id = $1`, [found.targetId]);
  await publishTarget(tx, found);
}

async function publishTarget(tx: EntityManager, found: FoundPost): Promise<void> {
  await tx.query(
    `UPDATE post_targets
        SET state = 'published', external_id = $2, external_url = $3, published_at = COALESCE($4, now()), job_id = NULL, not_before = NULL,
            last_error = NULL, last_error_kind = NULL, updated_at = now()
      WHERE id = $1`,
    [found.targetId, found.externalId.slice(0, 500), found.url?.slice(0, 2048) ?? null, found.publishedAt],
  );
}
