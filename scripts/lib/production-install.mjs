#!/usr/bin/env node
// Does the production install start? Exactly what docker/Dockerfile does, without Docker: build the API,
// install the production dependencies from the package.json and lockfile the build emits
// (dist/api/package.json, `npm ci --omit=dev`) into a folder outside the repository (so nothing resolves
// from the repository's node_modules), then start dist/api/main.js from there against a throw-away
// database on the real PostgreSQL — once under this Node (20.19+, what `npm start` supports) and once
// under Node 24 LTS (the image's; the registry's `node@24` package brings the binary). Each runtime is one
// test: migrations, GET /api/health/ready 200, /api/health/live, /metrics on METRICS_PORT, the image's
// health check over HTTP, and a worker process (no HTTP) whose heartbeat file passes the same health
// check. Skips, saying so, only when the npm registry cannot be reached. Last line:
// "[production-install] N passed, N failed[, N skipped]".
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { builtinModules } from 'node:module';
import pg from 'pg';

import { freePort } from './ports.mjs';
import { testPostgres } from './test-services.mjs';

const root = resolve(import.meta.dirname, '../..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const log = (message) => console.log(`[production-install] ${message}`);
const results = { passed: 0, failed: 0, skipped: 0 };
const RUNTIMES = 2;

function finish() {
  log(`${results.passed} passed, ${results.failed} failed${results.skipped ? `, ${results.skipped} skipped` : ''} (${seconds(started)})`);
  process.exit(results.failed > 0 ? 1 : 0);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} exited ${result.status ?? result.signal}:\n${(result.stdout ?? '') + (result.stderr ?? '')}`.slice(
        -4000,
      ),
    );
  return result.stdout ?? '';
}

// 0. The registry: the production install and Node 24 both come from it.
if (spawnSync('npm', ['ping', '--fetch-retries=0', '--fetch-timeout=15000'], { env, stdio: 'ignore', timeout: 20_000 }).status !== 0) {
  log(
    `SKIPPED: the npm registry (${spawnSync('npm', ['config', 'get', 'registry'], { encoding: 'utf8' }).stdout?.trim()}) cannot be reached; the production install and Node 24 cannot be fetched`,
  );
  results.skipped = RUNTIMES;
  finish();
}

const work = mkdtempSync(join(tmpdir(), 'kadens-production-install-'));
const app = join(work, 'app');
const postgres = await testPostgres();
try {
  // 1. Build, as the image's build stage does.
  let since = Date.now();
  run('npx', ['nx', 'build', 'api', '--output-style=static']);
  log(`built the API (${seconds(since)})`);

  // 2. What the bundle requires must be what the emitted package.json installs.
  const dist = resolve(root, 'dist/api');
  const manifest = JSON.parse(readFileSync(join(dist, 'package.json'), 'utf8'));
  const listed = new Set(Object.keys(manifest.dependencies ?? {}));
  const required = packagesRequiredBy(readFileSync(join(dist, 'main.js'), 'utf8'));
  const missing = [...required].filter((name) => !listed.has(name));
  if (missing.length > 0)
    throw new Error(`dist/api/package.json lacks what main.js requires: ${missing.join(', ')} (a devDependency the API uses at runtime?)`);
  log(
    `main.js requires ${required.size} packages, all listed in dist/api/package.json (${listed.size} listed; also ${[...listed].filter((n) => !required.has(n)).join(', ') || 'nothing else'}: peers loaded at runtime, or imported by the libraries' specs)`,
  );

  // 3. Install the production dependencies exactly as the image does (docker/Dockerfile, runtime stage).
  since = Date.now();
  cpSync(dist, app, { recursive: true });
  run('npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: app });
  for (const devOnly of ['typescript', 'jest', 'nx', 'webpack', '@nx/webpack']) {
    if (existsSync(join(app, 'node_modules', devOnly))) throw new Error(`the production install holds the dev package ${devOnly}`);
  }
  log(`npm ci --omit=dev: ${readdirSync(join(app, 'node_modules')).length} top-level entries (${seconds(since)})`);

  // 4. Start it under each runtime.
  for (const runtime of [
    { name: `Node ${process.version}`, binary: () => process.execPath },
    { name: 'Node 24', binary: node24 },
  ]) {
    since = Date.now();
    try {
      const binary = runtime.binary();
      const version = run(binary, ['--version']).trim();
      await startsAndAnswers(binary, postgres.url);
      results.passed += 1;
      log(`PASS ${runtime.name} (${version}): migrated, ready, live, metrics, health checks of the api and a worker (${seconds(since)})`);
    } catch (error) {
      results.failed += 1;
      log(`FAIL ${runtime.name}: ${error instanceof Error ? error.message : String(error)} (${seconds(since)})`);
    }
  }
} catch (error) {
  results.failed += RUNTIMES - results.passed - results.failed;
  log(`FAIL: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await postgres.stop();
  rmSync(work, { recursive: true, force: true });
}
finish();

/** Package names of the bundle's `require("…")` calls, Node's own modules left out. */
function packagesRequiredBy(bundle) {
  const names = new Set();
  for (const [, specifier] of bundle.matchAll(/require\("([^"./][^"]*)"\)/g)) {
    if (specifier.startsWith('node:') || builtinModules.includes(specifier.split('/')[0])) continue;
    names.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]);
  }
  return names;
}

/** The node@24 binary from the registry's `node` package, through npx's cache. */
function node24() {
  return run('npx', ['-y', '-p', 'node@24', 'node', '-p', 'process.execPath'], { cwd: work }).trim();
}

async function startsAndAnswers(binary, adminUrl) {
  const database = `kadens_prodinstall_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const processes = [];
  try {
    const [port, metricsPort] = [await freePort(), await freePort()];
    // Only what the image sets, plus the database: no NODE_PATH, and the repository is not an ancestor.
    const base = {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      DATABASE_URL: url.toString(),
      CREDENTIALS_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'warn',
      WEB_DIST: '',
    };
    const api = start(binary, {
      ...base,
      APP_ROLES: 'api,scheduler',
      PORT: String(port),
      HOST: '127.0.0.1',
      METRICS_PORT: String(metricsPort),
      METRICS_HOST: '127.0.0.1',
    });
    processes.push(api);
    await until(api, 90_000, async () => (await fetchStatus(`http://127.0.0.1:${port}/api/health/ready`)) === 200);
    expectStatus(await fetchStatus(`http://127.0.0.1:${port}/api/health/live`), 200, '/api/health/live');
    expectStatus(await fetchStatus(`http://127.0.0.1:${port}/api/health`), 200, '/api/health');
    const metrics = await fetch(`http://127.0.0.1:${metricsPort}/metrics`).then((r) => r.text());
    if (!metrics.includes('kadens_http_request_duration_seconds_count{') || !metrics.includes('kadens_publish_targets{'))
      throw new Error(`/metrics lacks Kadens' metrics:\n${metrics.slice(0, 500)}`);
    healthcheck(binary, { PORT: String(port) });

    const healthFile = join(work, `worker-${database}.health`);
    const worker = start(binary, { ...base, APP_ROLES: 'worker', DATABASE_MIGRATE: 'false', HEALTH_FILE: healthFile });
    processes.push(worker);
    await until(worker, 60_000, async () => existsSync(healthFile));
    healthcheck(binary, { HEALTH_FILE: healthFile });
  } finally {
    for (const child of processes) await stop(child);
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

function start(binary, childEnv) {
  const child = spawn(binary, ['--enable-source-maps', 'main.js'], { cwd: app, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  child.output = '';
  const keep = (data) => (child.output = (child.output + data.toString()).slice(-8000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return child;
}

async function until(child, timeoutMs, condition) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`main.js exited with ${child.exitCode}:\n${child.output}`);
    if (await condition().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`not ready after ${timeoutMs / 1000} s:\n${child.output}`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

async function fetchStatus(url) {
  return (await fetch(url, { signal: AbortSignal.timeout(5_000) })).status;
}

function expectStatus(actual, expected, what) {
  if (actual !== expected) throw new Error(`${what} answered ${actual}, expected ${expected}`);
}

/** The image's HEALTHCHECK command, shipped beside main.js. */
function healthcheck(binary, extraEnv) {
  const result = spawnSync(binary, ['healthcheck.mjs'], {
    cwd: app,
    env: { PATH: process.env.PATH, ...extraEnv },
    encoding: 'utf8',
    timeout: 15_000,
  });
  if (result.status !== 0) throw new Error(`healthcheck.mjs exited ${result.status}: ${result.stdout}${result.stderr}`);
}

async function stop(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}
