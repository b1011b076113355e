import type { MigrationInterface, QueryRunner } from 'typeorm';

const METRIC_COLUMNS = (prefix: string) =>
  ['views', 'reach', 'reactions', 'comments', 'shares', 'clicks', 'saves', 'video_views']
    .map((name) => `${prefix}${name} bigint CHECK (${prefix}${name} >= 0)`)
    .join(',\n        ');

/**
 * Results (issue 13). `result_snapshots` are the dated readings of a published target's numbers: one
 * row per stage of the schedule (1 h, 24 h, 7 d, 28 d after publishing), due → queued → collected |
 * failed | skipped, the way publishing schedules targets (the database says what is due, the queue runs
 * it, the reconciler catches lost work). Each normalised metric is a column — NULL is "the platform
 * did not say", never 0 — with the platform's raw answer and any error beside it.
 *
 * `target_results` is one row per published target: its latest collected numbers, the numbers a person
 * entered (`manual_*`, which reports prefer metric by metric), and `rollup_pending`, set whenever either
 * changes so the reports' rollups are brought up to date. `published_on` is the publishing day in the
 * organisation's time zone, fixed when the row is made.
 *
 * `audience_effect_results` are the effect goal's measured values per period ('2026-11', '2026-Q4'…).
 */
export class Results1765500000000 implements MigrationInterface {
  name = 'Results1765500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE result_snapshots (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        target_id uuid NOT NULL REFERENCES post_targets (id) ON DELETE CASCADE,
        stage varchar(12) NOT NULL,
        due_at timestamptz NOT NULL,
        state varchar(10) NOT NULL DEFAULT 'due' CHECK (state IN ('due', 'queued', 'collected', 'failed', 'skipped')),
        job_id varchar(200),
        queued_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        not_before timestamptz,
        collected_at timestamptz,
        source varchar(8) NOT NULL DEFAULT 'platform' CHECK (source IN ('platform', 'demo')),
        ${METRIC_COLUMNS('')},
        raw jsonb,
        error_kind varchar(40),
        error varchar(2000),
        UNIQUE (target_id, stage)
      )`);
    await db.query(`CREATE INDEX result_snapshots_due_idx ON result_snapshots (due_at) WHERE state = 'due'`);
    await db.query(`CREATE INDEX result_snapshots_queued_idx ON result_snapshots (queued_at) WHERE state = 'queued'`);
    await db.query(`
      CREATE TABLE target_results (
        target_id uuid PRIMARY KEY REFERENCES post_targets (id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        post_id uuid NOT NULL,
        channel_id uuid NOT NULL,
        published_at timestamptz NOT NULL,
        published_on date NOT NULL,
        ${METRIC_COLUMNS('')},
        collected_at timestamptz,
        ${METRIC_COLUMNS('manual_')},
        manual_note varchar(2000) NOT NULL DEFAULT '',
        manual_by uuid REFERENCES users (id) ON DELETE SET NULL,
        manual_at timestamptz,
        demo boolean NOT NULL DEFAULT false,
        rollup_pending boolean NOT NULL DEFAULT true,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX target_results_published_idx ON target_results (organization_id, published_on)`);
    await db.query(`CREATE INDEX target_results_rollup_pending_idx ON target_results (organization_id, published_on) WHERE rollup_pending`);
    await db.query(`
      CREATE TABLE audience_effect_results (
        audience_id uuid NOT NULL REFERENCES audiences (id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
        period varchar(8) NOT NULL,
        period_from date NOT NULL,
        period_to date NOT NULL,
        value numeric(14, 2) NOT NULL,
        note varchar(2000) NOT NULL DEFAULT '',
        entered_by uuid REFERENCES users (id) ON DELETE SET NULL,
        entered_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (audience_id, period)
      )`);
    await db.query(`CREATE INDEX audience_effect_results_org_idx ON audience_effect_results (organization_id, period_from)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audience_effect_results`);
    await db.query(`DROP TABLE target_results`);
    await db.query(`DROP TABLE result_snapshots`);
  }
}
