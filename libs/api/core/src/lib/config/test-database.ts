import { randomBytes } from 'node:crypto';

/**
 * Where integration tests may create their throw-away databases: a server URL whose user may CREATE
 * DATABASE. scripts/test.mjs sets it (the local server, or an embedded one it starts).
 */
export function testDatabaseAdminUrl(): string {
  return process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

/** Redis for integration tests, when one is available. */
export function testRedisUrl(): string | null {
  return process.env['TEST_REDIS_URL'] ?? null;
}

/**
 * The queues a queue-driven spec runs through, for `describe.each`: BullMQ on the test Redis (when there
 * is one) and the in-process queue of the embedded default, each with the environment it needs.
 */
export function queueVariants(
  extra: { bullmq?: Record<string, string>; inProcess?: Record<string, string> } = {},
): Array<[string, Record<string, string>]> {
  const redisUrl = testRedisUrl();
  return [
    ...(redisUrl ? [['BullMQ on Redis', { REDIS_URL: redisUrl, ...extra.bullmq }] as [string, Record<string, string>]] : []),
    ['the in-process queue', { ...extra.inProcess }],
  ];
}

/** What a test app keeps to itself on the shared services: its own Redis key prefix and credentials key. */
export function isolatedAppEnv(): Record<string, string> {
  return { REDIS_PREFIX: `kadens-test-${randomBytes(4).toString('hex')}`, CREDENTIALS_KEY: randomBytes(32).toString('base64') };
}
