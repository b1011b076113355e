import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's retry, publish-now or reschedule gives the target a fresh set of automatic tries:
 * `retries_from` is the attempt count at that moment, and the retry policy counts from there.
 */
export class PublishRetryBudget1763870000000 implements MigrationInterface {
  name = 'PublishRetryBudget1763870000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE post_targets ADD COLUMN retries_from integer NOT NULL DEFAULT 0`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE post_targets DROP COLUMN retries_from`);
  }
}
