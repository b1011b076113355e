#!/usr/bin/env node
// `npm start`: builds what is missing or stale, then runs Kadens on http://localhost:$PORT (3000).
// Without DATABASE_URL it runs an embedded PostgreSQL with data under ./.data, and seeds the demo.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

import { startEmbeddedPostgres } from './lib/embedded-postgres.mjs';

const root = resolve(import.meta.dirname, '..');
const env = { ...process.env, NX_DAEMON: process.env.NX_DAEMON ?? 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

console.log('[kadens] building the API and the web app (cached after the first time)…');
const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '--projects=api,web', '--output-style=static'], {
  cwd: root,
  env,
  stdio: 'inherit',
});
if (build.status !== 0) {
  console.error('[kadens] the build failed; see above.');
  process.exit(build.status ?? 1);
}

let database = null;
if (!env.DATABASE_URL) {
  console.log('[kadens] no DATABASE_URL: starting the embedded PostgreSQL (data in ./.data)…');
  database = await startEmbeddedPostgres({ dataDir: resolve(root, '.data/postgres') });
  env.DATABASE_URL = database.url;
  env.KADENS_SEED_DEMO = env.KADENS_SEED_DEMO ?? 'true';
  // The demo's admin also runs the installation: sees /admin/queues and may create organisations.
  env.OPERATOR_EMAILS = env.OPERATOR_EMAILS ?? 'admin@kadens.demo';
  // The embedded default keeps its own credentials key beside its data; a real deployment sets CREDENTIALS_KEY.
  env.CREDENTIALS_KEY = env.CREDENTIALS_KEY ?? embeddedCredentialsKey(resolve(root, '.data/credentials.key'));
}

function embeddedCredentialsKey(file) {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    console.log(`[kadens] generated the credentials key in ${file} — keep it with the data`);
  }
  return readFileSync(file, 'utf8').trim();
}

const api = spawn(process.execPath, ['--enable-source-maps', resolve(root, 'dist/api/main.js')], { cwd: root, env, stdio: 'inherit' });
let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  if (api.exitCode === null) api.kill('SIGTERM');
  await new Promise((done) => (api.exitCode === null ? api.once('exit', done) : done()));
  if (database) await database.stop().catch(() => undefined);
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(0));
api.on('exit', (code) => stop(code ?? 1));
