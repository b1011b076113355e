/**
 * `npm run bench:reports`: one organisation with N published targets over a year (default 1,000,000)
 * and 20 dated snapshots each (20,000,000), the rollups built by the refresher, then the report summary
 * for the year grouped by theme through HTTP (the built API: session, guard, validation, shaping)
 * against the same SQL sent straight through `pg`, interleaved in one run. Prints p50/p95 and their
 * ratio; goals: HTTP p95 < 200 ms and ≤ 2× the SQL. Then the results collection: 10,000 due snapshots
 * against a fake platform answering in 100 ms at concurrency 50, drain against its floor (tools/bench/results-collection.ts).
 *
 * Env: BENCH_TARGETS (1000000), BENCH_SNAPSHOTS_PER_TARGET (20), BENCH_REQUESTS (300),
 * BENCH_DATABASE_URL (a server where it may create `kadens_bench_reports_<N>`; default the local one).
 * The seeded database is kept between runs; BENCH_RESEED=true rebuilds it. A quick run:
 * `BENCH_TARGETS=20000 BENCH_REQUESTS=50 npm run bench:reports`.
 */
import { SUMMARY_SQL, summaryParameters } from '@kadens/api/reports';
import type { ReportSummaryQuery } from '@kadens/shared/contracts';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { Client, Pool } from 'pg';

import { benchPostgres, freePort, waitForHealth } from './bench-services';
import { ms, percentile, timed } from './bench-stats';
import { BENCH_PASSWORD, seedReports } from './reports-seed';
import { benchResultsCollection } from './results-collection';

/** Each post goes out on two channels, so an even number. */
const TARGETS = 2 * Math.ceil(Number(process.env['BENCH_TARGETS'] ?? 1_000_000) / 2);
const SNAPSHOTS_PER_TARGET = Number(process.env['BENCH_SNAPSHOTS_PER_TARGET'] ?? 20);
const REQUESTS = Number(process.env['BENCH_REQUESTS'] ?? 300);
const YEAR = 2025;
const GOAL_P95_MS = 200;

async function summaryBench(url: string): Promise<void> {
  const port = await freePort();
  const api = spawn(process.execPath, [resolve('dist/api/main.js')], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), LOG_LEVEL: 'error', WEB_DIST: '', APP_ROLES: 'api' },
    stdio: 'inherit',
  });
  const pool = new Pool({ connectionString: url, max: 2 });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitForHealth(`${base}/api/health`, 60_000);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench@kadens.demo', password: BENCH_PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`login answered ${login.status}`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const organizationId =
      ((await pool.query(`SELECT id FROM organizations WHERE slug = 'bench'`)).rows as Array<{ id: string }>)[0]?.id ?? '';
    const query: ReportSummaryQuery = { from: `${YEAR}-01-01`, to: `${YEAR}-12-31`, groupBy: 'theme' };
    const path = `/api/organizations/${organizationId}/reports/summary?from=${query.from}&to=${query.to}&groupBy=${query.groupBy}`;

    const http = async () => {
      const response = await fetch(`${base}${path}`, { headers: { cookie } });
      if (response.status !== 200) throw new Error(`summary answered ${response.status}: ${await response.text()}`);
      return response.text();
    };
    const sql = async () => (await pool.query(SUMMARY_SQL, summaryParameters(organizationId, query))).rows[0].body as string;

    for (let i = 0; i < 20; i++) await Promise.all([http(), sql()]);
    const httpTimes: number[] = [];
    const sqlTimes: number[] = [];
    let body = '';
    for (let i = 0; i < REQUESTS; i++) {
      // Interleaved, one at a time, so both see the same machine state.
      const [httpMs, text] = await timed(http);
      const [sqlMs] = await timed(sql);
      httpTimes.push(httpMs);
      sqlTimes.push(sqlMs);
      body = text;
    }
    const summary = JSON.parse(body) as { total: { posts: number }; groups: unknown[] };
    if (summary.total.posts !== TARGETS) throw new Error(`the summary counts ${summary.total.posts} posts, not ${TARGETS}`);
    const [h50, h95, s50, s95] = [percentile(httpTimes, 50), percentile(httpTimes, 95), percentile(sqlTimes, 50), percentile(sqlTimes, 95)];
    console.log(
      `\nReport summary for ${YEAR} grouped by theme, ${TARGETS.toLocaleString('en')} published targets, ${(TARGETS * SNAPSHOTS_PER_TARGET).toLocaleString('en')} snapshots, ${REQUESTS} requests each (${summary.groups.length} groups, ${Math.round(body.length / 1024)} KiB)`,
    );
    console.log(`  HTTP (API, session, validation, guard, shaping): p50 ${ms(h50)}  p95 ${ms(h95)}`);
    console.log(`  the same SQL through pg:                         p50 ${ms(s50)}  p95 ${ms(s95)}`);
    console.log(`  ratio HTTP/SQL: p50 ${(h50 / s50).toFixed(2)}×  p95 ${(h95 / s95).toFixed(2)}×`);
    console.log(
      `  goal: HTTP p95 < ${GOAL_P95_MS} ms → ${h95 < GOAL_P95_MS ? 'met' : 'NOT met'}; ratio ≤ 2× → ${h95 / s95 <= 2 ? 'met' : 'NOT met'}`,
    );
  } finally {
    await pool.end();
    api.kill('SIGTERM');
  }
}

/**
 * The second half of the issue's "Measured": 10,000 due snapshots collected against a fake platform
 * answering in 100 ms at concurrency 50, drain against its floor (helper H1's benchResultsCollection()).
 */
async function collectionBench(): Promise<void> {
  console.log('\nResults collection (fake Mastodon, the real ResultsModule, BullMQ on the local Redis):');
  const result = await benchResultsCollection();
  console.log(
    `  ${result.snapshots.toLocaleString('en')} due snapshots at concurrency ${result.concurrency}, platform answering in ${result.platformDelayMs} ms: ` +
      `drain ${(result.drainMs / 1000).toFixed(1)} s against a floor of ${(result.floorMs / 1000).toFixed(1)} s — ${result.ratio}× the floor`,
  );
}

async function main(): Promise<void> {
  const postgres = await benchPostgres();
  const databaseName = `kadens_bench_reports_${TARGETS}`;
  const admin = new Client({ connectionString: postgres.url });
  await admin.connect();
  const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [databaseName])).rowCount;
  if (!exists) await admin.query(`CREATE DATABASE ${databaseName}`);
  await admin.end();
  const url = new URL(postgres.url);
  url.pathname = `/${databaseName}`;
  await seedReports(url.toString(), { targets: TARGETS, snapshotsPerTarget: SNAPSHOTS_PER_TARGET, year: YEAR });
  try {
    await summaryBench(url.toString());
    await collectionBench();
  } finally {
    await postgres.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
