#!/usr/bin/env node
// `npm run e2e`: builds Kadens, starts it on a fresh database with the demo seeded, runs the Playwright
// specs in web/e2e against it in Chromium, and ends with the plain line "N passed, N failed".
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';

import { startMailCatcher } from './lib/mail-catcher.mjs';
import { freePort } from './lib/ports.mjs';
import { testPostgres } from './lib/test-services.mjs';

const root = resolve(import.meta.dirname, '..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
const resultsDir = resolve(root, 'tmp/e2e-results');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '--projects=api,web', '--output-style=static'], {
  cwd: root,
  env,
  stdio: 'inherit',
});
if (build.status !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const postgres = await testPostgres();
const databaseName = `kadens_e2e_${randomBytes(4).toString('hex')}`;
const admin = async (sql) => {
  const client = new pg.Client({ connectionString: postgres.url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};
await admin(`CREATE DATABASE ${databaseName}`);
const databaseUrl = new URL(postgres.url);
databaseUrl.pathname = `/${databaseName}`;

const port = await freePort();
// web/e2e/connect.spec.ts starts a fake X (behind its consent page) on this port; the app's X app points at it.
const fakeXPort = await freePort();
// Mail (password resets, invitations, notifications) goes to a local SMTP server; the specs read it.
const mailDir = resolve(root, 'tmp/e2e-mail');
const mailCatcher = await startMailCatcher(mailDir);
const app = spawn(process.execPath, [resolve(root, 'dist/api/main.js')], {
  cwd: root,
  env: {
    ...env,
    PORT: String(port),
    DATABASE_URL: databaseUrl.toString(),
    KADENS_SEED_DEMO: 'true',
    OPERATOR_EMAILS: 'admin@kadens.demo',
    LOG_LEVEL: 'warn',
    SMTP_URL: mailCatcher.url,
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    CREDENTIALS_KEY: randomBytes(32).toString('base64'),
    OUTBOUND_ALLOW_HOSTS: '127.0.0.1,localhost',
    X_CLIENT_ID: 'kadens-e2e-x',
    X_CLIENT_SECRET: 'kadens-e2e-x-secret',
    X_AUTHORIZE_URL: `http://127.0.0.1:${fakeXPort}/i/oauth2/authorize`,
    X_API_URL: `http://127.0.0.1:${fakeXPort}`,
  },
  stdio: 'inherit',
});

let status = 1;
try {
  await waitForHealth(`http://127.0.0.1:${port}/api/health`, 120_000);
  // Not spawnSync: the mail catcher runs in this process and must keep answering while the specs run.
  const run = spawn('npx', ['playwright', 'test', '-c', 'web/e2e/playwright.config.ts', ...process.argv.slice(2)], {
    cwd: root,
    env: {
      ...env,
      E2E_BASE_URL: `http://127.0.0.1:${port}`,
      E2E_MAIL_DIR: mailDir,
      E2E_FAKE_X_PORT: String(fakeXPort),
      // The connect spec makes an X access token expire (channel_connections.expires_at) to see the worker renew it.
      E2E_DATABASE_URL: databaseUrl.toString(),
    },
    stdio: 'inherit',
  });
  status = await new Promise((done) => run.on('exit', (code) => done(code ?? 1)));
} finally {
  app.kill('SIGTERM');
  await new Promise((done) => (app.exitCode === null ? app.once('exit', done) : done()));
  await admin(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`).catch(() => undefined);
  await postgres.stop();
  await mailCatcher.stop();
}

let passed = 0;
let failed = 0;
try {
  const stats = JSON.parse(readFileSync(resolve(resultsDir, 'report.json'), 'utf8')).stats;
  passed = stats.expected + stats.flaky;
  failed = stats.unexpected;
} catch {
  failed = 1;
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(status === 0 && failed === 0 ? 0 : 1);

async function waitForHealth(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error('Kadens exited before it answered /api/health');
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error(`no answer from ${url} within ${timeoutMs / 1000}s`);
}
