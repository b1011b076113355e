import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Collecting results (libs/api/results). The planner finds published targets that have no
 * `target_results` row yet: `post_targets_published_idx` lets it read the recently published ones (and
 * sweep the older ones in slices) in publishing order without touching the rest of a table of millions.
 * `dispatch_count` numbers a snapshot's dispatches, so each gets its own job id
 * (`r.<snapshot>.<dispatch>`): the dispatcher and the reconciler never reuse an id BullMQ still remembers.
 */
export class ResultsCollection1765510000000 implements MigrationInterface {
  name = 'ResultsCollection1765510000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX post_targets_published_idx ON post_targets (published_at, id) WHERE state = 'published' AND published_at IS NOT NULL`,
    );
    await db.query(`ALTER TABLE result_snapshots ADD COLUMN dispatch_count integer NOT NULL DEFAULT 0`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE result_snapshots DROP COLUMN dispatch_count`);
    await db.query(`DROP INDEX post_targets_published_idx`);
  }
}
