import { createTestApp, isolatedAppEnv, queueVariants, type TestApp } from '@kadens/api/core/testing';
import { FakeHttpServer } from '@kadens/api/platforms/testing';
import { PostsModule } from '@kadens/api/posts';

import { PublishingFixture } from '../../testing/publishing-fixture';
import { PublishingModule } from '../publishing.module';

/**
 * PUBLISH_CONCURRENCY bounds the platform calls, PUBLISH_CLAIM_AHEAD lets more jobs claim their targets
 * meanwhile: a platform never sees more calls at once than the slots, and targets wait claimed
 * (publishing) for a slot rather than unclaimed for a claim.
 */
describe.each(queueVariants())('platform slots and claims ahead through %s', (_name, queueEnv: Record<string, string>) => {
  let t: TestApp;
  let f: PublishingFixture;
  const platform = new FakeHttpServer();
  let inFlight = 0;
  let mostInFlight = 0;
  let published = 0;

  beforeAll(async () => {
    platform.route('POST', '/hooks/slow', async () => {
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 150));
      inFlight--;
      published++;
      return { status: 201, json: { id: `slow-${published}`, url: `https://intranett.kommune.no/nyheter/slow-${published}` } };
    });
    await platform.start();
    t = await createTestApp([PostsModule, PublishingModule], {
      ...queueEnv,
      ...isolatedAppEnv(),
      PUBLISH_DISPATCH_INTERVAL_MS: '100',
      PUBLISH_RECONCILE_INTERVAL_MS: '3600000',
      PUBLISH_CONCURRENCY: '2',
      PUBLISH_CLAIM_AHEAD: '3',
    });
    f = await new PublishingFixture(t).seed();
  });

  afterAll(async () => {
    await t?.close();
    await platform.stop();
  });

  it('never calls the platform more than PUBLISH_CONCURRENCY at once, while the next targets are claimed ahead', async () => {
    const channels = [
      await f.webhookChannel('Intranett', `${platform.baseUrl}/hooks/slow`, 'whsec-0123456789abcdef'),
      await f.webhookChannel('Nyhetsbrev', `${platform.baseUrl}/hooks/slow`, 'whsec-0123456789abcdef'),
    ];
    const posts = await f.approvedPosts(4, new Date(Date.now() + 300), channels);
    let mostPublishing = 0;
    const deadline = Date.now() + 20_000;
    for (;;) {
      const states = await f.targetStates(posts);
      mostPublishing = Math.max(mostPublishing, states['publishing'] ?? 0);
      if (states['published'] === 8 || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    expect(await f.targetStates(posts)).toEqual({ published: 8 });
    expect(published).toBe(8);
    expect(mostInFlight).toBe(2);
    // More targets claimed (publishing) than calls running: the claims ran ahead of the slots.
    expect(mostPublishing).toBeGreaterThan(2);
  });
});
