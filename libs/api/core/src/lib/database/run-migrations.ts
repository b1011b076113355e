import type { DataSource } from 'typeorm';

/** Any fixed number: every Kadens process agrees on it, so only one of them migrates at a time. */
const MIGRATION_LOCK_ID = 4_242_017;

/**
 * Runs pending migrations under a PostgreSQL advisory lock, so that N api replicas starting together
 * migrate once and the others wait, instead of racing on the same DDL.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    const applied = await dataSource.runMigrations({ transaction: 'all' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await runner.release();
  }
}
