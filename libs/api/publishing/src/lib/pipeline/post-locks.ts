import type { EntityManager } from 'typeorm';

/**
 * The lock order every writer of a target keeps: its post's row first, then the target's. A change the
 * calendar shows rewrites the post's calendar entry (a trigger), so taking the target first and the post
 * second would deadlock against a writer that goes the other way. Several posts are locked in id order.
 *
 * `share` is the claim's usual lock: sibling targets of one post are claimed side by side (queued →
 * publishing does not rewrite the post's calendar entry), while an edit of the post waits until its
 * targets are publishing and is then refused (delivery started) instead of racing the publish. A verdict
 * that changes what the calendar shows must take `update`: two share holders cannot both upgrade.
 */
export type PostLock = 'share' | 'update';

/** Locks the posts of these targets, in id order. */
export async function lockPostsOfTargets(tx: EntityManager, targetIds: readonly string[], postLock: PostLock): Promise<void> {
  await tx.query(
    `SELECT id FROM posts WHERE id IN (SELECT post_id FROM post_targets WHERE id = ANY($1::uuid[])) ORDER BY id ${postLock === 'share' ? 'FOR SHARE' : 'FOR UPDATE'}`,
    [targetIds],
  );
}

/** Locks the post of one target for update (the reconciler settles one target at a time). */
export async function lockPostOfTarget(tx: EntityManager, targetId: string): Promise<void> {
  await tx.query(`SELECT p.id FROM posts p WHERE p.id = (SELECT t.post_id FROM post_targets t WHERE t.id = $1) FOR UPDATE`, [targetId]);
}
