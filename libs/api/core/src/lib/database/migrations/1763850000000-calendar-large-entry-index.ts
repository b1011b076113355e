import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The month query's second branch reads the few entries too large for the covering index. Without an
 * index of its own it scanned every post of the month only to keep none; this one holds just them.
 * (2200: the covering index's bound, written out; see CalendarCoveringIndex.)
 */
export class CalendarLargeEntryIndex1763850000000 implements MigrationInterface {
  name = 'CalendarLargeEntryIndex1763850000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE INDEX posts_calendar_large_entry_idx ON posts (organization_id, planned_at)
        WHERE planned_at IS NOT NULL AND octet_length(calendar_entry) > 2200`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX posts_calendar_large_entry_idx`);
  }
}
