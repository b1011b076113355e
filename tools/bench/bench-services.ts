import { createServer } from 'node:net';
import { Client } from 'pg';

/** The server benchmarks create their databases on: BENCH_DATABASE_URL, or the local one on 5432. */
export async function benchPostgres(): Promise<{ url: string; stop: () => Promise<void> }> {
  const url = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`No PostgreSQL at ${url}; set BENCH_DATABASE_URL (${String(error)})`);
  } finally {
    await client.end().catch(() => undefined);
  }
  return { url, stop: async () => undefined };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 300));
  }
  throw new Error(`no answer from ${url}`);
}
