import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The organisation's readability target (issue 12, readable posts): the highest LIX its texts should
 * have. Null means the default (40, see DEFAULT_READABILITY_TARGET in @kadens/shared/rules).
 */
export class ReadabilityTarget1765400000000 implements MigrationInterface {
  name = 'ReadabilityTarget1765400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE organizations ADD COLUMN readability_target smallint CHECK (readability_target BETWEEN 10 AND 80)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE organizations DROP COLUMN readability_target`);
  }
}
