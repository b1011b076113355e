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
