import { parseReportPeriod } from '@kadens/shared/rules';
import type { AudienceEffectResultsView, EffectResultView } from '@kadens/shared/contracts';
import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { Audience } from '../audiences/audience.entity';
import { toAudienceView } from '../audiences/audience-view';
import { findOwnedOrFail } from '../shared/strategy-item';
import type { EffectResultsDto } from './effect-results.dto';

interface ResultRow {
  period: string;
  from: string;
  to: string;
  value: string;
  note: string;
  entered_by: string | null;
  entered_by_name: string | null;
  entered_at: Date;
}

@Injectable()
export class EffectResultsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(organizationId: string, audienceId: string): Promise<AudienceEffectResultsView> {
    const audience = await findOwnedOrFail(this.db.manager, Audience, 'audience', organizationId, audienceId);
    return this.view(this.db.manager, audience);
  }

  /** Each listed period is set (or removed, for `value: null`) in one transaction, or none is. */
  put(organizationId: string, audienceId: string, userId: string, input: EffectResultsDto): Promise<AudienceEffectResultsView> {
    return this.db.transaction(async (tx) => {
      const audience = await findOwnedOrFail(tx, Audience, 'audience', organizationId, audienceId);
      const kind = audience.effectPeriod;
      if (kind === null) {
        throw new ConflictException({
          message: 'The audience has no measurable effect target; give it one before entering results.',
          code: 'effect_target_missing',
        });
      }
      const seen = new Set<string>();
      const periods = input.results.map((entry, index) => {
        const period = parseReportPeriod(entry.period);
        const field = `results.${index}.period`;
        if (!period) throw fieldError(field, "must be a period such as '2026-W48', '2026-11', '2026-Q4' or '2026'");
        if (period.kind !== kind) throw fieldError(field, `must be a ${kind}, like the audience's effect target`);
        if (seen.has(period.key)) throw fieldError(field, 'names a period that is already in this request');
        seen.add(period.key);
        return period;
      });
      for (const [index, entry] of input.results.entries()) {
        const period = periods[index];
        if (!period) continue;
        if (entry.value === null) {
          await tx.query(`DELETE FROM audience_effect_results WHERE audience_id = $1 AND period = $2`, [audienceId, period.key]);
          continue;
        }
        await tx.query(
          `INSERT INTO audience_effect_results (audience_id, organization_id, period, period_from, period_to, value, note, entered_by, entered_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
           ON CONFLICT (audience_id, period) DO UPDATE
             SET value = EXCLUDED.value, note = EXCLUDED.note, entered_by = EXCLUDED.entered_by, entered_at = EXCLUDED.entered_at`,
          [audienceId, organizationId, period.key, period.from, period.to, entry.value, entry.note ?? '', userId],
        );
      }
      return this.view(tx, audience);
    });
  }

  private async view(manager: EntityManager, audience: Audience): Promise<AudienceEffectResultsView> {
    const rows: ResultRow[] = await manager.query(
      `SELECT r.period, to_char(r.period_from, 'YYYY-MM-DD') AS "from", to_char(r.period_to, 'YYYY-MM-DD') AS "to",
              r.value::text AS value, r.note, r.entered_by, u.name AS entered_by_name, r.entered_at
         FROM audience_effect_results r
         LEFT JOIN users u ON u.id = r.entered_by
        WHERE r.audience_id = $1 AND r.organization_id = $2
        ORDER BY r.period_from DESC, r.period_to DESC`,
      [audience.id, audience.organizationId],
    );
    return {
      audienceId: audience.id,
      effectGoal: audience.effectGoal,
      target: toAudienceView(audience, []).effectTarget,
      results: rows.map(toResultView),
    };
  }
}

function toResultView(row: ResultRow): EffectResultView {
  return {
    period: row.period,
    from: row.from,
    to: row.to,
    value: Number(row.value),
    note: row.note,
    enteredBy: row.entered_by !== null ? { id: row.entered_by, name: row.entered_by_name ?? '' } : null,
    enteredAt: row.entered_at.toISOString(),
  };
}

function fieldError(field: string, message: string): BadRequestException {
  return new BadRequestException({ message: `${field}: ${message}`, code: 'validation_failed', errors: [{ field, messages: [message] }] });
}
