import { BullMqPublishQueue, PublishQueue } from '@kadens/api/publishing';
import { Client } from 'pg';

import { PublishReceiver } from './publish-receiver';
import { approvedTargets, bootPublishing, drained, seedOrganization, webhookChannels } from './publish-setup';

const RUNS = 10;
/** Apart enough that each post is alone in the system when its time comes. */
const SPACING_MS = 1_500;

const fmt = (n: number, digits = 0) => n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/**
 * (c) On time when idle: ten posts, each due alone (1.5 s apart), with the production intervals (the
 * dispatcher's default tick and lookahead) against a receiver that answers at once. Prints
 * `published_at − planned time` per post and its p99 (of ten: the largest), goal < 1 s.
 */
export async function partC(redisUrl: string, secret: string): Promise<void> {
  console.log(`\n(c) ${RUNS} posts, each due alone while the system is idle (production dispatch interval), receiver answering at once`);
  const receiver = new PublishReceiver(secret, 0);
  await receiver.start();
  const p = await bootPublishing(null, { REDIS_URL: redisUrl });
  try {
    const org = await seedOrganization(p.db);
    const [channelId] = await webhookChannels(p, org, 1, receiver.url, secret);
    if (channelId === undefined) throw new Error('no channel');
    // Well past one dispatcher tick, so every post was approved long before its time, as in production.
    const first = Math.ceil((Date.now() + 15_000) / 1000) * 1000;
    const postIds: string[] = [];
    for (let run = 0; run < RUNS; run++)
      postIds.push(...(await approvedTargets(p.db, org, 1, new Date(first + run * SPACING_MS), [channelId])));
    const probe = new Client({ connectionString: p.database.url });
    await probe.connect();
    try {
      if (!(await drained(probe, first + RUNS * SPACING_MS + 60_000, 50))) throw new Error('the idle posts were not all published');
      const { rows } = await probe.query(
        `SELECT (extract(epoch FROM t.published_at - p.planned_at) * 1000)::float8 AS late_ms
           FROM post_targets t JOIN posts p ON p.id = t.post_id WHERE t.post_id = ANY($1::uuid[]) AND t.state = 'published'
          ORDER BY p.planned_at`,
        [postIds],
      );
      const late = (rows as Array<{ late_ms: number }>).map((row) => row.late_ms);
      if (late.length !== RUNS) throw new Error(`expected ${RUNS} published, got ${late.length}`);
      const p99 = Math.max(...late);
      console.log(`  published_at − planned time per post (ms): ${late.map((ms) => fmt(ms)).join(', ')}`);
      console.log(
        `  p99 ${fmt(p99)} ms (goal < 1,000 ms → ${p99 < 1_000 ? 'met' : 'NOT met'}); duplicates ${receiver.duplicateKeys().length}`,
      );
    } finally {
      await probe.end();
    }
  } finally {
    const queue = p.app.get(PublishQueue);
    if (queue instanceof BullMqPublishQueue) await queue.queue.obliterate({ force: true }).catch(() => undefined);
    await p.close();
    await receiver.stop();
  }
}
