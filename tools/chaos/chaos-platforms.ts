/**
 * The platforms the fault tests publish to, all in the runner's process: the benchmark's webhook
 * receiver (deduplicating on Idempotency-Key, 20–50 ms per answer), the fake Mastodon (replays a known
 * Idempotency-Key) and the fake Bluesky PDS (one record per record key) of the platforms' tests. The
 * runner asks them, per idempotency key, how many posts were made and how many requests arrived.
 */
import { blueskyRecordKey } from '../../libs/api/platforms/src/lib/bluesky/bluesky-record-key';
import { FakeBluesky } from '../../libs/api/platforms/src/testing/fake-bluesky';
import { FakeMastodon } from '../../libs/api/platforms/src/testing/fake-mastodon';
import { PublishReceiver } from '../bench/publish-receiver';

export type ChaosPlatform = 'webhook' | 'mastodon' | 'bluesky';

/** 8 channels: 3 webhook receivers that promise to deduplicate, 3 Mastodon and 2 Bluesky accounts. */
export const CHANNEL_PLATFORMS: readonly ChaosPlatform[] = [
  'webhook',
  'mastodon',
  'bluesky',
  'webhook',
  'mastodon',
  'bluesky',
  'webhook',
  'mastodon',
];

/** What one platform has for one idempotency key. */
export interface Reached {
  /** Posts made under the key: more than one is a duplicate. */
  posts: number;
  /** Requests that carried the key (publishes, repeats, Mastodon's look-ups). */
  requests: number;
  /** The platform's id of the post, where the runner can tell (webhook: not kept). */
  externalId: string | null;
}

export class ChaosPlatforms {
  readonly receiver: PublishReceiver;
  readonly mastodon = new FakeMastodon();
  readonly bluesky = new FakeBluesky();

  constructor(secret: string) {
    this.receiver = new PublishReceiver(secret, [20, 50]);
  }

  async start(): Promise<void> {
    await Promise.all([this.receiver.start(), this.mastodon.start(), this.bluesky.start()]);
  }

  async stop(): Promise<void> {
    await Promise.all([this.receiver.stop(), this.mastodon.stop(), this.bluesky.stop()]);
  }

  /** The body of PUT …/channels/{id}/connection for a channel on this platform. */
  connection(platform: ChaosPlatform, secret: string): Record<string, unknown> {
    if (platform === 'webhook') return { baseUrl: this.receiver.url, credentials: { secret }, settings: { deduplicates: 'yes' } };
    if (platform === 'mastodon') return { baseUrl: this.mastodon.server.baseUrl, credentials: { accessToken: this.mastodon.accessToken } };
    return {
      baseUrl: this.bluesky.server.baseUrl,
      credentials: { identifier: this.bluesky.handle, appPassword: this.bluesky.appPassword },
    };
  }

  /** How many of the keys some platform has a post for (for waiting until the fault). */
  reachedCount(keys: readonly string[], rkeys: ReadonlyMap<string, string>): number {
    const statuses = this.mastodonStatuses();
    return keys.filter(
      (key) => this.receiver.requests.has(key) || statuses.has(key) || this.bluesky.records.has(rkeys.get(key) ?? blueskyRecordKey(key)),
    ).length;
  }

  /** Per platform, per key: one pass over what each fake holds, for the verdict. */
  snapshot(): (platform: ChaosPlatform, key: string) => Reached {
    const statuses = this.mastodonStatuses();
    const mastodonRequests = countBy(
      this.mastodon.server.requestsTo('POST', /^\/api\/v1\/statuses$/).map((r) => String(r.headers['idempotency-key'] ?? '')),
    );
    const blueskyRequests = countBy(
      this.bluesky.server.requestsTo('POST', /createRecord/).map((r) => String((r.json as { rkey?: unknown } | undefined)?.rkey ?? '')),
    );
    return (platform, key) => {
      if (platform === 'webhook') {
        const requests = this.receiver.requests.get(key) ?? 0;
        return { posts: requests > 0 ? 1 : 0, requests, externalId: null };
      }
      if (platform === 'mastodon') {
        const made = statuses.get(key) ?? [];
        return { posts: made.length, requests: mastodonRequests.get(key) ?? 0, externalId: made[0] ?? null };
      }
      const rkey = blueskyRecordKey(key);
      const record = this.bluesky.records.get(rkey);
      return { posts: record ? 1 : 0, requests: blueskyRequests.get(rkey) ?? 0, externalId: record?.uri ?? null };
    };
  }

  private mastodonStatuses(): Map<string, string[]> {
    const byKey = new Map<string, string[]>();
    for (const status of this.mastodon.statuses) {
      if (status.idempotencyKey === null) continue;
      byKey.set(status.idempotencyKey, [...(byKey.get(status.idempotencyKey) ?? []), status.id]);
    }
    return byKey;
  }
}

function countBy(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}
