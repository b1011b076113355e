// Finds the real servers the tests talk to: the machine's own when they answer, else ones we start.
import pg from 'pg';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

import { startEmbeddedPostgres } from './embedded-postgres.mjs';
import { probe } from './ports.mjs';

const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';
const LOCAL_REDIS = 'redis://127.0.0.1:6379';

async function answers(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A PostgreSQL URL whose user may create databases: TEST_DATABASE_URL, the local server, or an embedded one. */
export async function testPostgres() {
  if (process.env.TEST_DATABASE_URL)
    return { url: process.env.TEST_DATABASE_URL, stop: async () => undefined, source: 'TEST_DATABASE_URL' };
  if (await answers(LOCAL_POSTGRES)) return { url: LOCAL_POSTGRES, stop: async () => undefined, source: 'local server on 5432' };
  const embedded = await startEmbeddedPostgres({
    dataDir: join(tmpdir(), `kadens-test-${process.pid}`, 'postgres'),
    database: 'postgres',
    persistent: false,
  });
  return { url: embedded.adminUrl, stop: embedded.stop, source: 'embedded (no server answered on 5432)' };
}

/** TEST_REDIS_URL, or the local Redis when it answers PING; null when there is none. */
export async function testRedis() {
  if (process.env.TEST_REDIS_URL) return process.env.TEST_REDIS_URL;
  const reply = await probe('127.0.0.1', 6379, 'PING\r\n');
  return reply?.startsWith('+PONG') ? LOCAL_REDIS : null;
}
