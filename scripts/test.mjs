#!/usr/bin/env node
// `npm test`: every unit and integration test, against real PostgreSQL (and Redis when there is one),
// first with TZ=UTC, then the time-sensitive shared libraries again with TZ=Pacific/Auckland, then lint,
// the publishing fault tests and the production install (the image's install, started under Node 20+ and 24).
// Ends with the plain line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

import { testPostgres, testRedis } from './lib/test-services.mjs';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, 'tmp/test-results');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const postgres = await testPostgres();
const redisUrl = await testRedis();
console.log(`[test] PostgreSQL: ${postgres.source}; Redis: ${redisUrl ?? 'none (tests that need it are skipped)'}`);
const env = {
  ...process.env,
  TEST_DATABASE_URL: postgres.url,
  ...(redisUrl ? { TEST_REDIS_URL: redisUrl } : {}),
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
};

const jest = resolve(root, 'node_modules/jest/bin/jest.js');
const runs = [
  { name: 'all projects, TZ=UTC', tz: 'UTC', args: [] },
  {
    name: 'shared rules, the posts API with its promises, results, reports and the evaluation, TZ=Pacific/Auckland',
    tz: 'Pacific/Auckland',
    args: [
      '--selectProjects',
      'shared-contracts',
      'shared-rules',
      'shared-platform-rules',
      'api-posts',
      'api-public',
      'api-results',
      'api-reports',
      'api-evaluation',
    ],
  },
];
const totals = { passed: 0, failed: 0, skipped: 0 };
let failedRuns = 0;
try {
  for (const [index, run] of runs.entries()) {
    console.log(`\n[test] ${run.name}`);
    const outputFile = resolve(out, `jest-${index}.json`);
    const result = spawnSync(process.execPath, [jest, '--ci', '--json', `--outputFile=${outputFile}`, ...run.args], {
      cwd: root,
      env: { ...env, TZ: run.tz },
      stdio: 'inherit',
    });
    try {
      const report = JSON.parse(readFileSync(outputFile, 'utf8'));
      totals.passed += report.numPassedTests;
      totals.failed += report.numFailedTests + report.numRuntimeErrorTestSuites;
      totals.skipped += report.numPendingTests + report.numTodoTests;
    } catch {
      totals.failed += 1;
      console.error(`[test] ${run.name}: no report was written`);
    }
    if (result.status !== 0) failedRuns += 1;
  }
} finally {
  await postgres.stop();
}

console.log('\n[test] lint');
const lint = spawnSync('npx', ['nx', 'run-many', '-t', 'lint', '--output-style=static', ...(process.env.CI ? ['--skip-nx-cache'] : [])], {
  cwd: root,
  env,
  stdio: 'inherit',
});
if (lint.status !== 0) {
  failedRuns += 1;
  totals.failed += 1;
  console.error('[test] lint failed (counted as one failure)');
}

// One format for the whole tree (.prettierrc.json); `npm run format` applies it.
console.log('\n[test] format (prettier --check)');
const format = spawnSync('npx', ['prettier', '--check', '--log-level=warn', '.'], { cwd: root, env, stdio: 'inherit' });
if (format.status !== 0) {
  failedRuns += 1;
  totals.failed += 1;
  console.error('[test] some files are not formatted; run `npm run format` (counted as one failure)');
}

// The Playwright specs run only in `npm run e2e`, and Jest transpiles the web specs without checking their
// types; a type error in either would otherwise go unnoticed or fail a run late.
for (const [what, project] of [
  ['the Playwright specs (web/e2e)', 'web/e2e/tsconfig.json'],
  ['the web specs and test beds', 'tsconfig.web-specs.json'],
]) {
  console.log(`\n[test] type-check ${what}`);
  const types = spawnSync('npx', ['tsc', '-p', project], { cwd: root, env, stdio: 'inherit' });
  if (types.status !== 0) {
    failedRuns += 1;
    totals.failed += 1;
    console.error(`[test] ${what} do not type-check (counted as one failure)`);
  }
}

// The publishing fault tests (kill -9 a worker, FLUSHALL, a PostgreSQL restart) run the built binary
// against their own redis-server and embedded PostgreSQL; each scenario counts as one test.
console.log('\n[test] publishing fault tests (npm run chaos)');
if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status !== 0) {
  totals.skipped += 3;
  console.log('[test] no redis-server on this machine: the fault tests are skipped (CI installs it)');
} else {
  const chaos = spawnSync('npm', ['run', '--silent', 'chaos'], {
    cwd: root,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.stdout.write(chaos.stdout ?? '');
  const summary = /\[chaos\] (\d+) passed, (\d+) failed/.exec(chaos.stdout ?? '');
  totals.passed += summary ? Number(summary[1]) : 0;
  totals.failed += summary ? Number(summary[2]) : 1;
  if (chaos.status !== 0) failedRuns += 1;
}

// The production install (what docker/Dockerfile does: dist/api/package.json, npm ci --omit=dev, outside the
// repository) starts under this Node and under Node 24 until it is ready; each runtime counts as one test.
console.log('\n[test] production install (scripts/lib/production-install.mjs)');
// The PostgreSQL above may have been an embedded one, stopped by now: the step finds (or starts) its own.
const installEnv = { ...env };
if (!process.env.TEST_DATABASE_URL) delete installEnv.TEST_DATABASE_URL;
const install = spawnSync(process.execPath, [resolve(root, 'scripts/lib/production-install.mjs')], {
  cwd: root,
  env: installEnv,
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
  stdio: ['ignore', 'pipe', 'inherit'],
});
process.stdout.write(install.stdout ?? '');
const installSummary = /\[production-install\] (\d+) passed, (\d+) failed(?:, (\d+) skipped)?/.exec(install.stdout ?? '');
totals.passed += installSummary ? Number(installSummary[1]) : 0;
totals.failed += installSummary ? Number(installSummary[2]) : 1;
totals.skipped += installSummary?.[3] ? Number(installSummary[3]) : 0;
if (install.status !== 0) failedRuns += 1;

console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(failedRuns > 0 || totals.failed > 0 ? 1 : 0);
