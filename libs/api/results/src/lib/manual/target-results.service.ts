import { AuditService } from '@kadens/api/audit';
import { PlatformRegistry } from '@kadens/api/platforms';
import {
  type ManualResultsInput,
  type ManualResultsView,
  type Platform,
  RESULT_METRICS,
  type ResultNumbers,
  type ResultSnapshotState,
  type ResultSnapshotView,
  type ResultSource,
  type TargetResultsView,
} from '@kadens/shared/contracts';
import { combinedResults } from '@kadens/shared/rules';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { METRIC_COLUMNS } from '../result-columns';
import { ResultsPlanner } from '../planning/results-planner';

type MetricRow = Record<string, string | number | null>;

interface TargetRow {
  id: string;
  post_id: string;
  channel_id: string;
  state: string;
  published_at: Date | null;
  external_id: string | null;
  platform: Platform;
}

type ResultsRow = MetricRow & {
  manual_note: string;
  manual_at: Date | null;
  manual_by: string | null;
  manual_by_name: string | null;
};

type SnapshotRow = MetricRow & {
  stage: string;
  due_at: Date;
  state: ResultSnapshotState;
  collected_at: Date | null;
  error_kind: string | null;
  error: string | null;
  source: ResultSource;
};

const METRIC_SELECT = (prefix: string, alias: string) =>
  RESULT_METRICS.map((metric) => `${alias}.${prefix}${METRIC_COLUMNS[metric]}`).join(', ');

/**
 * A published target's results for the post page (GET), and the numbers a person enters where no API
 * gives them (PUT): they replace the earlier manual numbers, are audited on the post, and mark the
 * target's rollup pending so reports catch up. Another organisation's target, or an unknown one, is
 * 404; a target that is not published (yet) has no results: 409 `target_not_published`.
 */
@Injectable()
export class TargetResultsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: PlatformRegistry,
    private readonly planner: ResultsPlanner,
    private readonly audit: AuditService,
  ) {}

  async view(organizationId: string, targetId: string): Promise<TargetResultsView> {
    const target = await this.publishedTarget(this.db.manager, organizationId, targetId, false);
    return this.viewOf(this.db.manager, target);
  }

  replaceManual(organizationId: string, targetId: string, actorId: string, input: ManualResultsInput): Promise<TargetResultsView> {
    return this.db.transaction(async (tx) => {
      const target = await this.publishedTarget(tx, organizationId, targetId, true);
      // Entered before the planner came by: plan the target now, so its row (and its snapshots) exist.
      await this.planner.planTarget(tx, targetId);
      const [before]: ResultsRow[] = await tx.query(
        `SELECT ${METRIC_SELECT('manual_', 'r')}, r.manual_note, r.manual_at FROM target_results r WHERE r.target_id = $1 FOR UPDATE`,
        [targetId],
      );
      const numbers = RESULT_METRICS.map((metric) => input.numbers[metric] ?? null);
      const note = input.note ?? '';
      const cleared = numbers.every((value) => value === null) && note === '';
      await tx.query(
        `UPDATE target_results
            SET ${RESULT_METRICS.map((metric, index) => `manual_${METRIC_COLUMNS[metric]} = $${index + 2}::bigint`).join(', ')},
                manual_note = $10, manual_by = $11, manual_at = CASE WHEN $12::boolean THEN NULL ELSE now() END,
                rollup_pending = true, updated_at = now()
          WHERE target_id = $1`,
        [targetId, ...numbers, note, cleared ? null : actorId, cleared],
      );
      await this.audit.record(tx, {
        organizationId,
        actorId,
        action: 'post.results_entered',
        subjectType: 'post',
        subjectId: target.post_id,
        before: before ? { targetId, numbers: numbersOf(before, 'manual_'), note: before.manual_note } : { targetId },
        after: { targetId, numbers: enteredNumbers(input.numbers), note },
      });
      return this.viewOf(tx, target);
    });
  }

  private async publishedTarget(db: EntityManager, organizationId: string, targetId: string, lock: boolean): Promise<TargetRow> {
    const [target]: TargetRow[] = await db.query(
      `SELECT t.id, t.post_id, t.channel_id, t.state, t.published_at, t.external_id, c.platform
         FROM post_targets t JOIN channels c ON c.id = t.channel_id
        WHERE t.id = $1 AND t.organization_id = $2
        ${lock ? 'FOR UPDATE OF t' : ''}`,
      [targetId, organizationId],
    );
    if (!target) throw new NotFoundException({ message: 'No such target in this organisation', code: 'target_not_found' });
    if (target.state !== 'published' || target.published_at === null) {
      throw new ConflictException({
        message: 'The post is not published on this channel, so it has no results yet',
        code: 'target_not_published',
      });
    }
    return target;
  }

  private async viewOf(db: EntityManager, target: TargetRow): Promise<TargetResultsView> {
    const [results]: ResultsRow[] = await db.query(
      `SELECT ${METRIC_SELECT('', 'r')}, ${METRIC_SELECT('manual_', 'r')}, r.manual_note, r.manual_at, r.manual_by, u.name AS manual_by_name
         FROM target_results r LEFT JOIN users u ON u.id = r.manual_by
        WHERE r.target_id = $1`,
      [target.id],
    );
    const snapshots: SnapshotRow[] = await db.query(
      `SELECT s.stage, s.due_at, s.state, s.collected_at, s.error_kind, s.error, s.source, ${METRIC_SELECT('', 's')}
         FROM result_snapshots s WHERE s.target_id = $1 ORDER BY s.due_at`,
      [target.id],
    );
    const adapter = this.registry.adapterFor(target.platform);
    const latest = results ? numbersOf(results, '') : {};
    const manual: ManualResultsView | null =
      results && results.manual_at !== null
        ? {
            numbers: numbersOf(results, 'manual_'),
            note: results.manual_note,
            enteredBy:
              results.manual_by && results.manual_by_name !== null ? { id: results.manual_by, name: results.manual_by_name } : null,
            enteredAt: results.manual_at.toISOString(),
          }
        : null;
    return {
      targetId: target.id,
      postId: target.post_id,
      channelId: target.channel_id,
      platform: target.platform,
      publishedAt: target.published_at?.toISOString() ?? null,
      collected: adapter.capabilities.metrics && adapter.fetchMetrics !== undefined && target.external_id !== null,
      latest,
      manual,
      total: combinedResults(latest, manual?.numbers ?? null),
      snapshots: snapshots.map((row): ResultSnapshotView => ({
        stage: row.stage,
        dueAt: row.due_at.toISOString(),
        state: row.state,
        collectedAt: row.collected_at?.toISOString() ?? null,
        numbers: numbersOf(row, ''),
        error: row.error_kind === null ? null : { kind: row.error_kind, message: row.error ?? '' },
        source: row.source,
      })),
    };
  }
}

/** The non-NULL metric columns of a row (bigint arrives as a string) as ResultNumbers. */
function numbersOf(row: MetricRow, prefix: string): ResultNumbers {
  const numbers: ResultNumbers = {};
  for (const metric of RESULT_METRICS) {
    const value = row[`${prefix}${METRIC_COLUMNS[metric]}`];
    if (value !== null && value !== undefined) numbers[metric] = Number(value);
  }
  return numbers;
}

/** The numbers a person entered, without the ones left out or null. */
function enteredNumbers(input: ResultNumbers): ResultNumbers {
  const numbers: ResultNumbers = {};
  for (const metric of RESULT_METRICS) {
    const value = input[metric];
    if (value !== null && value !== undefined) numbers[metric] = value;
  }
  return numbers;
}
