import { APP_CONFIG, type AppConfig, type ResultStage } from '@kadens/api/core';
import { PlatformRegistry } from '@kadens/api/platforms';
import { PLATFORMS } from '@kadens/shared/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** Targets planned per statement. */
const BATCH = 1_000;
/** Published targets the sweep reads per slice, in publishing order. */
const SWEEP_SLICE = 5_000;
/**
 * Every tick looks at targets published this recently. Publishing commits its `published_at` within
 * seconds; the margin is for a scheduler that was down a while (the sweep catches anything older).
 */
const RECENT_WINDOW_MS = 2 * 86_400_000;
/** After a sweep reached the newest target, the next one starts this much later. */
const SWEEP_EVERY_MS = 86_400_000;

export interface PlanCount {
  targets: number;
  snapshots: number;
}

/** The schedule as the planning statement takes it: labels, offsets, and each stage's next offset (null for the last). */
export function stageArrays(stages: readonly ResultStage[]): { labels: string[]; afterMs: number[]; nextMs: Array<number | null> } {
  return {
    labels: stages.map((stage) => stage.label),
    afterMs: stages.map((stage) => stage.afterMs),
    nextMs: stages.map((_, index) => stages[index + 1]?.afterMs ?? null),
  };
}

/**
 * The scheduler's step that gives every published target (published by the pipeline or marked
 * published by a person) its `target_results` row — `published_on` the publishing day in the
 * organisation's time zone — and, where the platform's adapter reads results (`capabilities.metrics`)
 * and the platform gave the post an id, one `result_snapshots` row per stage of the schedule.
 *
 * A stage already overtaken when it is planned (the next stage is due too: an old target, a scheduler
 * that was down) is `skipped`, so an old target is read once, at its latest due stage, not once per
 * missed stage. The database says what is unplanned: a published target without a `target_results`
 * row. Each tick reads the recently published targets through `post_targets_published_idx`; older ones
 * (published before results existed, or while no scheduler ran) are found by a sweep that walks the
 * same index in slices, once after start and then daily. Two planners at once are harmless: the rows
 * are inserted `ON CONFLICT DO NOTHING`, and snapshots only for the target rows this planner made.
 */
@Injectable()
export class ResultsPlanner {
  private readonly logger = new Logger(ResultsPlanner.name);
  private sweep: { at: Date; id: string } | null = null;
  private nextSweepAt = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: PlatformRegistry,
  ) {}

  /** Plans the recently published targets, then one slice of the sweep over older ones. */
  async plan(now = Date.now()): Promise<PlanCount> {
    const total: PlanCount = { targets: 0, snapshots: 0 };
    for (;;) {
      const batch = await this.planWhere(this.db.manager, `t.published_at >= now() - make_interval(secs => $5::double precision / 1000)`, [
        RECENT_WINDOW_MS,
      ]);
      add(total, batch);
      if (batch.targets < BATCH) break;
    }
    add(total, await this.sweepSlice(now));
    if (total.targets > 0) this.logger.log(`planned results for ${total.targets} published targets (${total.snapshots} snapshots)`);
    return total;
  }

  /** Plans one target now if it has no row yet (a person enters numbers before the planner came by). */
  planTarget(db: EntityManager, targetId: string): Promise<PlanCount> {
    return this.planWhere(db, `t.id = $5::uuid`, [targetId]);
  }

  /** Runs the sweep from the oldest published target to the newest, to the end (tests, the first start of a large installation). */
  async sweepAll(): Promise<PlanCount> {
    const total: PlanCount = { targets: 0, snapshots: 0 };
    this.nextSweepAt = 0;
    this.sweep = null;
    do add(total, await this.sweepSlice(Date.now()));
    while (this.sweep !== null);
    return total;
  }

  private async sweepSlice(now: number): Promise<PlanCount> {
    if (this.sweep === null && now < this.nextSweepAt) return { targets: 0, snapshots: 0 };
    const from = this.sweep ?? { at: new Date(0), id: '00000000-0000-0000-0000-000000000000' };
    const slice: Array<{ id: string; published_at: Date }> = await this.db.query(
      `SELECT id, published_at FROM post_targets
        WHERE state = 'published' AND published_at IS NOT NULL AND (published_at, id) > ($1, $2::uuid)
        ORDER BY published_at, id
        LIMIT $3`,
      [from.at, from.id, SWEEP_SLICE],
    );
    const last = slice[slice.length - 1];
    if (last === undefined || slice.length < SWEEP_SLICE) {
      this.sweep = null;
      this.nextSweepAt = now + SWEEP_EVERY_MS;
    } else {
      this.sweep = { at: last.published_at, id: last.id };
    }
    const total: PlanCount = { targets: 0, snapshots: 0 };
    const ids = slice.map((row) => row.id);
    for (let start = 0; start < ids.length; start += BATCH) {
      add(total, await this.planWhere(this.db.manager, `t.id = ANY($5::uuid[])`, [ids.slice(start, start + BATCH)]));
    }
    return total;
  }

  /** One statement: the unplanned targets matching `filter` ($5…), their target_results rows and their snapshots. */
  private async planWhere(db: EntityManager, filter: string, parameters: unknown[]): Promise<PlanCount> {
    const { labels, afterMs, nextMs } = stageArrays(this.config.results.stages);
    const [row]: PlanCount[] = await db.query(
      `WITH candidates AS (
         SELECT t.id, t.organization_id, t.post_id, t.channel_id, t.published_at, t.external_id, c.platform, o.time_zone
           FROM post_targets t
           JOIN channels c ON c.id = t.channel_id
           JOIN organizations o ON o.id = t.organization_id
          WHERE t.state = 'published' AND t.published_at IS NOT NULL AND ${filter}
            AND NOT EXISTS (SELECT 1 FROM target_results r WHERE r.target_id = t.id)
          ORDER BY t.published_at
          LIMIT ${BATCH}),
       made AS (
         INSERT INTO target_results (target_id, organization_id, post_id, channel_id, published_at, published_on)
         SELECT id, organization_id, post_id, channel_id, published_at, (published_at AT TIME ZONE time_zone)::date FROM candidates
         ON CONFLICT (target_id) DO NOTHING
         RETURNING target_id),
       planned AS (
         INSERT INTO result_snapshots (organization_id, target_id, stage, due_at, state)
         SELECT c.organization_id, c.id, s.stage, c.published_at + make_interval(secs => s.after_ms / 1000),
                CASE WHEN s.next_ms IS NOT NULL AND c.published_at + make_interval(secs => s.next_ms / 1000) <= now() THEN 'skipped' ELSE 'due' END
           FROM made m
           JOIN candidates c ON c.id = m.target_id
          CROSS JOIN unnest($1::text[], $2::double precision[], $3::double precision[]) AS s (stage, after_ms, next_ms)
          WHERE c.platform = ANY($4::text[]) AND c.external_id IS NOT NULL
         ON CONFLICT (target_id, stage) DO NOTHING
         RETURNING 1)
       SELECT (SELECT count(*) FROM made)::int AS targets, (SELECT count(*) FROM planned)::int AS snapshots`,
      [labels, afterMs, nextMs, this.collectedPlatforms(), ...parameters],
    );
    return row ?? { targets: 0, snapshots: 0 };
  }

  /** The platforms whose adapter reads results. */
  private collectedPlatforms(): string[] {
    return PLATFORMS.filter((platform) => {
      const adapter = this.registry.adapterFor(platform);
      return adapter.capabilities.metrics && adapter.fetchMetrics !== undefined;
    });
  }
}

function add(total: PlanCount, batch: PlanCount): void {
  total.targets += batch.targets;
  total.snapshots += batch.snapshots;
}
