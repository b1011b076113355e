/**
 * `npm run bench:media`: starts the built API (local disk storage in tmp/bench-media/store), then uploads
 * through HTTP a ~25 MB JPEG (noise, made with sharp) and a ~300 MB MP4 (a valid file with a big mdat),
 * one after the other. For each it prints the time until the API answered 201 (received, processed —
 * re-encoded without metadata, thumbnail; or probed — and stored) and the API process's peak RSS growth
 * over its RSS just before that upload, sampled every 20 ms from /proc. Goal: < 64 MB for either.
 *
 * Env: BENCH_DATABASE_URL (a server where it may create `kadens_bench_media`; default the local one),
 * BENCH_JPEG_MB (25), BENCH_MP4_MB (300).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { openAsBlob } from 'node:fs';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import { dataSourceOptions, runMigrations } from '@kadens/api/core';
import { UPLOAD_HEADERS } from '@kadens/shared/contracts';
import * as argon2 from 'argon2';
import { Client } from 'pg';
import sharp from 'sharp';
import { DataSource } from 'typeorm';

import { writeMp4File } from '../../libs/api/media/src/testing/mp4-fixture';
import { benchPostgres, freePort, waitForHealth } from './bench-services';

const MB = 1024 * 1024;
const JPEG_BYTES = Number(process.env['BENCH_JPEG_MB'] ?? 25) * MB;
const MP4_BYTES = Number(process.env['BENCH_MP4_MB'] ?? 300) * MB;
const DIR = resolve('tmp/bench-media');
const PASSWORD = 'bench-password';

/** Random pixels barely compress: grow the picture until its JPEG passes the wanted size. */
async function makeJpeg(path: string): Promise<number> {
  let side = Math.ceil(Math.sqrt(JPEG_BYTES / 1.5));
  for (;;) {
    const pixels = randomBytes(side * side * 3);
    const jpeg = await sharp(pixels, { raw: { width: side, height: side, channels: 3 } })
      .jpeg({ quality: 92 })
      .toBuffer();
    if (jpeg.length >= JPEG_BYTES) {
      await writeFile(path, jpeg);
      return side;
    }
    side = Math.ceil(side * Math.sqrt((JPEG_BYTES * 1.03) / jpeg.length));
  }
}

async function rssBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
  return Number(kb ?? 0) * 1024;
}

async function seed(url: string): Promise<string> {
  const dataSource = await new DataSource(dataSourceOptions(url, 2)).initialize();
  await runMigrations(dataSource);
  await dataSource.query(`TRUNCATE users, organizations CASCADE`);
  const hash = await argon2.hash(PASSWORD, { type: argon2.argon2id });
  const [user] = await dataSource.query(
    `INSERT INTO users (email, name, password_hash) VALUES ('bench@kadens.demo', 'Bench', $1) RETURNING id`,
    [hash],
  );
  const [org] = await dataSource.query(
    `INSERT INTO organizations (name, slug, time_zone, country, default_locale) VALUES ('Bench', 'bench', 'Europe/Oslo', 'NO', 'nb') RETURNING id`,
  );
  await dataSource.query(`INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, 'admin')`, [org.id, user.id]);
  await dataSource.destroy();
  return org.id as string;
}

async function main(): Promise<void> {
  await mkdir(DIR, { recursive: true });
  const jpegPath = resolve(DIR, 'photo.jpg');
  const mp4Path = resolve(DIR, 'film.mp4');
  console.log('[bench] making the files…');
  const side = await makeJpeg(jpegPath);
  await writeMp4File(mp4Path, { width: 1920, height: 1080, durationMs: 600_000, mdatBytes: MP4_BYTES });
  console.log(
    `[bench] JPEG ${side}×${side} px, ${((await stat(jpegPath)).size / MB).toFixed(1)} MB; MP4 ${((await stat(mp4Path)).size / MB).toFixed(1)} MB`,
  );

  const postgres = await benchPostgres();
  const url = new URL(postgres.url);
  const admin = new Client({ connectionString: postgres.url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS kadens_bench_media`);
  await admin.query(`CREATE DATABASE kadens_bench_media`);
  await admin.end();
  url.pathname = '/kadens_bench_media';
  const organizationId = await seed(url.toString());

  const store = resolve(DIR, 'store');
  await rm(store, { recursive: true, force: true });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const api = spawn(process.execPath, [resolve('dist/api/main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: url.toString(),
      PORT: String(port),
      LOG_LEVEL: 'error',
      WEB_DIST: '',
      APP_ROLES: 'api',
      MEDIA_DIR: store,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const pid = api.pid ?? 0;
  try {
    await waitForHealth(`${base}/api/health/live`, 60_000);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench@kadens.demo', password: PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const upload = async (path: string, name: string, type: string) => {
      const form = new FormData();
      form.set('file', await openAsBlob(path, { type }), name);
      form.set('altText', 'Benchmark');
      const started = performance.now();
      const answer = await fetch(`${base}/api/organizations/${organizationId}/media`, {
        method: 'POST',
        headers: { cookie, ...UPLOAD_HEADERS },
        body: form,
      });
      const body = (await answer.json()) as Record<string, unknown>;
      if (answer.status !== 201) throw new Error(`upload of ${name}: ${answer.status} ${JSON.stringify(body)}`);
      return { ms: performance.now() - started, body };
    };
    // Warm up (first request, first sharp call, JIT), then let the heap settle.
    const small = resolve(DIR, 'small.jpg');
    await sharp({ create: { width: 800, height: 600, channels: 3, background: '#888' } })
      .jpeg()
      .toFile(small);
    await upload(small, 'small.jpg', 'image/jpeg');
    await new Promise((done) => setTimeout(done, 1000));

    const rows: string[] = [];
    for (const [path, name, type] of [
      [jpegPath, 'photo.jpg', 'image/jpeg'],
      [mp4Path, 'film.mp4', 'video/mp4'],
    ] as const) {
      const before = await rssBytes(pid);
      let peak = before;
      const sampler = setInterval(() => {
        rssBytes(pid).then(
          (rss) => (peak = Math.max(peak, rss)),
          () => undefined,
        );
      }, 20);
      const { ms, body } = await upload(path, name, type);
      clearInterval(sampler);
      const size = (await stat(path)).size / MB;
      const line = `${name.padEnd(10)} ${size.toFixed(1).padStart(6)} MB  ${(ms / 1000).toFixed(2).padStart(6)} s to stored + processed (${(size / (ms / 1000)).toFixed(0)} MB/s)  RSS before ${(before / MB).toFixed(0)} MB, peak growth ${((peak - before) / MB).toFixed(1)} MB  → ${body['width']}×${body['height']}${body['durationMs'] ? `, ${body['durationMs']} ms` : ''}`;
      console.log(`[bench] ${line}`);
      rows.push(line);
      await new Promise((done) => setTimeout(done, 1000));
    }
    console.log(`\n[bench] media upload on ${process.platform} ${process.arch}, Node ${process.version}:\n${rows.join('\n')}`);
  } finally {
    api.kill('SIGTERM');
    await rm(store, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
