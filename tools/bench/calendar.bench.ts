/**
 * `npm run bench:calendar`: seeds N posts (default 1,000,000 over 5 years, 50 channels, 3 organisations)
 * into PostgreSQL, starts the built API, and times the calendar month query through HTTP against the
 * same SQL sent straight through `pg`, interleaved in one run. Prints p50/p95 of both and their ratio.
 *
 * Env: BENCH_POSTS (1000000), BENCH_REQUESTS (300), BENCH_DATABASE_URL (a server where it may create
 * the database `kadens_bench_<N>`; default the local server, else an embedded one). The seeded database
 * is kept between runs; BENCH_RESEED=true rebuilds it. BENCH_ENCODINGS (`identity|gzip, deflate|br, gzip, deflate`):
 * the `Accept-Encoding` of each HTTP variant, `|`-separated, all interleaved with the SQL in the same run —
 * uncompressed (as the goal was first measured), what Node's fetch asks over http, what a browser asks over
 * https. Each variant also prints the CPU time per request of the API process and of this client (Linux). BENCH_COMPARE_DIST: the main.js of another build
 * (e.g. a copy of dist/api from before a change, kept inside the repository so it finds node_modules),
 * started next to this one and measured interleaved in the same run.
 */
import { dataSourceOptions, runMigrations } from '@kadens/api/core';
import { CALENDAR_SQL, calendarJson, type CalendarPiece, calendarParameters } from '@kadens/api/posts';
import * as argon2 from 'argon2';
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { resolve } from 'node:path';
import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';

import { ms, percentile, timed } from './bench-stats';
import { benchPostgres, freePort, waitForHealth } from './bench-services';

const POSTS = Number(process.env['BENCH_POSTS'] ?? 1_000_000);
const REQUESTS = Number(process.env['BENCH_REQUESTS'] ?? 300);
const ORGANIZATIONS = 3;
const CHANNELS = 50;
const YEARS = 5;
const START = Date.UTC(2025, 0, 1);
const PASSWORD = 'bench-password';
const ENCODINGS = (process.env['BENCH_ENCODINGS'] ?? 'identity|gzip, deflate|br, gzip, deflate')
  .split('|')
  .map((encoding) => encoding.trim())
  .filter((encoding) => encoding.length > 0);

/** CPU time (user + system) a process has used so far, in ms: /proc/<pid>/stat at 100 ticks a second; NaN elsewhere. */
function processCpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** This process's CPU time so far, in ms. */
function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** One answer's bytes on the wire and its Content-Encoding (fetch would decode them before we could count). */
function wireBytes(url: string, cookie: string, acceptEncoding: string): Promise<{ bytes: number; encoding: string }> {
  return new Promise((done, fail) => {
    const req = httpRequest(url, { headers: { cookie, 'accept-encoding': acceptEncoding } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => done({ bytes, encoding: String(res.headers['content-encoding'] ?? 'identity') }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end();
  });
}

async function seed(url: string): Promise<void> {
  const dataSource = await new DataSource(dataSourceOptions(url, 4)).initialize();
  // A migration that rewrites posts leaves dead rows behind; clean them as autovacuum would.
  if ((await runMigrations(dataSource)).length > 0) await dataSource.query(`VACUUM ANALYZE`);
  const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM posts`);
  if (count === POSTS && process.env['BENCH_RESEED'] !== 'true') {
    console.log(`[bench] reusing the seeded database (${count.toLocaleString('en')} posts)`);
    await dataSource.destroy();
    return;
  }
  console.log(
    `[bench] seeding ${POSTS.toLocaleString('en')} posts over ${YEARS} years, ${CHANNELS} channels, ${ORGANIZATIONS} organisations…`,
  );
  const t0 = Date.now();
  await dataSource.query(`TRUNCATE users, organizations CASCADE`);
  const hash = await argon2.hash(PASSWORD, { type: argon2.argon2id });
  const [user] = await dataSource.query(
    `INSERT INTO users (email, name, password_hash) VALUES ('bench@kadens.demo', 'Bench', $1) RETURNING id`,
    [hash],
  );
  for (let o = 0; o < ORGANIZATIONS; o++) {
    const [org] = await dataSource.query(
      `INSERT INTO organizations (name, slug, time_zone, country, default_locale) VALUES ($1, $2, 'Europe/Oslo', 'NO', 'nb') RETURNING id`,
      [`Bench ${o}`, `bench-${o}`],
    );
    await dataSource.query(`INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, 'admin')`, [org.id, user.id]);
    await dataSource.query(`INSERT INTO content_types (organization_id, key, name) VALUES ($1, 'news', 'News')`, [org.id]);
    await dataSource.query(
      `INSERT INTO themes (organization_id, name, color) SELECT $1, 'Theme ' || g, '#1e88e5' FROM generate_series(1, 8) g`,
      [org.id],
    );
    await dataSource.query(`INSERT INTO audiences (organization_id, name) SELECT $1, 'Audience ' || g FROM generate_series(1, 5) g`, [
      org.id,
    ]);
    const channels = Math.floor(CHANNELS / ORGANIZATIONS) + (o < CHANNELS % ORGANIZATIONS ? 1 : 0);
    await dataSource.query(
      `INSERT INTO channels (organization_id, platform, name)
       SELECT $1, (ARRAY['facebook','instagram','linkedin','x','mastodon','bluesky','wordpress','webhook'])[1 + g % 8], 'Channel ' || g FROM generate_series(1, $2::int) g`,
      [org.id, channels],
    );
  }
  const batch = 100_000;
  for (let done = 0; done < POSTS; done += batch) {
    const size = Math.min(batch, POSTS - done);
    // Posts spread evenly over the organisations and the years; 1–3 targets and 0–2 audiences each.
    await dataSource.query(
      `WITH orgs AS (SELECT id, row_number() OVER (ORDER BY slug) - 1 AS n FROM organizations),
            made AS (
              INSERT INTO posts (organization_id, title, body, content_type_id, theme_id, planned_at, author_id, state)
              SELECT o.id, 'Post ' || g, 'Body of post ' || g,
                     (SELECT id FROM content_types ct WHERE ct.organization_id = o.id LIMIT 1),
                     (SELECT id FROM themes th WHERE th.organization_id = o.id ORDER BY name OFFSET (g % 8) LIMIT 1),
                     to_timestamp($2 / 1000.0) + random() * interval '${YEARS * 365} days', $3,
                     (ARRAY['draft','in_review','approved','approved'])[1 + g % 4]
                FROM generate_series($1::int + 1, $1::int + $4::int) g
                JOIN orgs o ON o.n = g % ${ORGANIZATIONS}
              RETURNING id, organization_id
            ),
            numbered AS (SELECT id, organization_id, row_number() OVER () AS r FROM made),
            targets AS (
              INSERT INTO post_targets (organization_id, post_id, channel_id)
              SELECT n.organization_id, n.id, c.id
                FROM numbered n
                JOIN LATERAL (SELECT id FROM channels c WHERE c.organization_id = n.organization_id ORDER BY name OFFSET (n.r % 14) LIMIT 1 + (n.r % 3)) c ON true
              RETURNING 1
            )
       INSERT INTO post_audiences (organization_id, post_id, audience_id)
       SELECT n.organization_id, n.id, a.id
         FROM numbered n
         JOIN LATERAL (SELECT id FROM audiences a WHERE a.organization_id = n.organization_id ORDER BY name OFFSET (n.r % 4) LIMIT (n.r % 3)) a ON true`,
      [done, START, user.id, size],
    );
    process.stdout.write(`\r[bench] ${(done + size).toLocaleString('en')} posts`);
  }
  await dataSource.query(`VACUUM ANALYZE`);
  console.log(`\n[bench] seeded in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  await dataSource.destroy();
}

async function main(): Promise<void> {
  const postgres = await benchPostgres();
  const databaseName = `kadens_bench_${POSTS}`;
  const admin = new Client({ connectionString: postgres.url });
  await admin.connect();
  const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [databaseName])).rowCount;
  if (!exists) await admin.query(`CREATE DATABASE ${databaseName}`);
  await admin.end();
  const url = new URL(postgres.url);
  url.pathname = `/${databaseName}`;
  await seed(url.toString());

  const builds = [{ name: 'this build', main: resolve('dist/api/main.js') }];
  if (process.env['BENCH_COMPARE_DIST']) builds.push({ name: 'compared build', main: resolve(process.env['BENCH_COMPARE_DIST']) });
  const apis: Array<(typeof builds)[number] & Awaited<ReturnType<typeof startApi>>> = [];
  const pool = new Pool({ connectionString: url.toString(), max: 2 });
  try {
    for (const build of builds) apis.push({ ...build, ...(await startApi(build.main, url.toString())) });
    const organizations: Array<{ id: string }> = (await pool.query(`SELECT id FROM organizations ORDER BY slug`)).rows;
    const months = YEARS * 12;
    const pick = (i: number) => {
      const organizationId = organizations[i % organizations.length]?.id as string;
      const month = (i * 7) % months;
      const from = new Date(Date.UTC(2025, month, 1)).toISOString();
      const to = new Date(Date.UTC(2025, month + 1, 1)).toISOString();
      return { organizationId, from, to };
    };
    const calendarPath = (i: number) => {
      const { organizationId, from, to } = pick(i);
      return `/api/organizations/${organizationId}/calendar?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    };
    const variants = apis.flatMap((api) =>
      ENCODINGS.map((encoding) => ({ api, encoding, label: `${apis.length > 1 ? `${api.name}, ` : ''}Accept-Encoding "${encoding}"` })),
    );
    // fetch decodes gzip, deflate and br itself, as a browser does; the time includes the client's decoding.
    const http = async (i: number, variant: (typeof variants)[number]) => {
      const response = await fetch(`${variant.api.base}${calendarPath(i)}`, {
        headers: { cookie: variant.api.cookie, 'accept-encoding': variant.encoding },
      });
      if (response.status !== 200) throw new Error(`calendar answered ${response.status}: ${await response.text()}`);
      return response.text();
    };
    const sql = async (i: number) => {
      const { organizationId, from, to } = pick(i);
      // The pieces joined into the same JSON array the API sends (one row per 24 hours).
      return calendarJson((await pool.query<CalendarPiece>(CALENDAR_SQL, calendarParameters(organizationId, { from, to }))).rows);
    };

    for (let i = 0; i < 20; i++) {
      for (const variant of variants) await http(i, variant);
      await sql(i);
    }
    const httpTimes = variants.map(() => [] as number[]);
    // CPU per variant: the API process's and this client's (fetch decodes the answer here).
    const apiCpu = variants.map(() => 0);
    const clientCpu = variants.map(() => 0);
    const sqlTimes: number[] = [];
    let entries = 0;
    let bytes = 0;
    for (let i = 0; i < REQUESTS; i++) {
      // Interleaved, one at a time, so every variant sees the same machine state; the order rotates.
      for (let k = 0; k < variants.length; k++) {
        const v = (i + k) % variants.length;
        const variant = variants[v] as (typeof variants)[number];
        const [api0, client0] = [processCpuMs(variant.api.process.pid), ownCpuMs()];
        const [httpMs, body] = await timed(() => http(i, variant));
        httpTimes[v]?.push(httpMs);
        apiCpu[v] = (apiCpu[v] ?? 0) + processCpuMs(variant.api.process.pid) - api0;
        clientCpu[v] = (clientCpu[v] ?? 0) + ownCpuMs() - client0;
        if (v === 0) {
          bytes += Buffer.byteLength(body);
          entries += (JSON.parse(body) as unknown[]).length;
        }
      }
      const [sqlMs] = await timed(() => sql(i));
      sqlTimes.push(sqlMs);
    }
    const [s50, s95] = [percentile(sqlTimes, 50), percentile(sqlTimes, 95)];
    console.log(
      `\nCalendar month query, ${POSTS.toLocaleString('en')} posts, ${REQUESTS} requests each (≈${Math.round(entries / REQUESTS)} posts, ${Math.round(bytes / REQUESTS / 1024)} KiB per month)`,
    );
    console.log(`  raw SQL through pg: p50 ${ms(s50)}  p95 ${ms(s95)}`);
    for (const [v, variant] of variants.entries()) {
      const sample = httpTimes[v] ?? [];
      const [h50, h95] = [percentile(sample, 50), percentile(sample, 95)];
      const wire = await wireBytes(`${variant.api.base}${calendarPath(0)}`, variant.api.cookie, variant.encoding);
      console.log(`  HTTP (session, guard, validation, query, answer), ${variant.label}`);
      console.log(
        `    → ${wire.encoding}, ${Math.round(wire.bytes / 1024)} KiB on the wire: p50 ${ms(h50)}  p95 ${ms(h95)}; ratio to SQL p50 ${(h50 / s50).toFixed(2)}×  p95 ${(h95 / s95).toFixed(2)}×`,
      );
      console.log(
        `    CPU per request: API ${ms((apiCpu[v] ?? 0) / REQUESTS)}, this client (fetch, decoding) ${ms((clientCpu[v] ?? 0) / REQUESTS)}`,
      );
      console.log(`    goal: HTTP p95 < 50 ms → ${h95 < 50 ? 'met' : 'NOT met'}; ratio ≤ 2× → ${h95 / s95 <= 2 ? 'met' : 'NOT met'}`);
    }
  } finally {
    await pool.end();
    for (const api of apis) api.process.kill('SIGTERM');
    await postgres.stop();
  }
}

/** Starts a built API on a free port and logs the bench user in. */
async function startApi(main: string, databaseUrl: string): Promise<{ process: ChildProcess; base: string; cookie: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), LOG_LEVEL: 'error', WEB_DIST: '', APP_ROLES: 'api' },
    stdio: 'inherit',
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(`${base}/api/health`, 60_000);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench@kadens.demo', password: PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    return { process: child, base, cookie };
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
