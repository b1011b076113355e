import type { ChannelPromisesView } from '@kadens/shared/contracts';
import { validateCadencePolicy, validateServiceHours } from '@kadens/shared/rules';
import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

import type { ChannelPromisesDto } from './channel-promises.dto';
import { loadChannelPromises, organizationClock } from './promise-rows';

@Injectable()
export class ChannelPromisesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async get(organizationId: string, channelId: string): Promise<ChannelPromisesView> {
    const [promises] = await loadChannelPromises(this.db.manager, organizationId, [channelId]);
    if (!promises) throw new NotFoundException({ message: 'Channel not found', code: 'channel_not_found' });
    return promises;
  }

  /** Replaces both promises; each is checked by the same rules that will enforce it. */
  replace(organizationId: string, channelId: string, input: ChannelPromisesDto): Promise<ChannelPromisesView> {
    return this.db.transaction(async (tx) => {
      await this.get(organizationId, channelId);
      const { country } = await organizationClock(tx, organizationId);
      const problems = [
        ...(input.cadence ? validateCadencePolicy(input.cadence).map((p) => ({ ...p, field: `cadence.${p.field}` })) : []),
        ...(input.serviceHours
          ? validateServiceHours(input.serviceHours, country).map((p) => ({
              ...p,
              field: `serviceHours.${p.field.replace(/\[(\d+)\]/g, '.$1')}`,
            }))
          : []),
      ];
      if (problems.length > 0) {
        throw new BadRequestException({
          message: problems.map((p) => `${p.field}: ${p.message}`).join(' | '),
          code: 'invalid_promises',
          errors: problems.map((p) => ({ field: p.field, messages: [p.message] })),
        });
      }
      const cadence = input.cadence;
      const hours = input.serviceHours;
      await tx.query(
        `UPDATE channels SET max_posts_per_day = $3, min_minutes_between_posts = $4, min_posts_per_week = $5, max_days_of_silence = $6,
                preferred_slots = $7, cadence_description = $8, opening_hours = $9, response_window_minutes = $10, updated_at = now()
          WHERE organization_id = $1 AND id = $2`,
        [
          organizationId,
          channelId,
          cadence?.maxPostsPerDay ?? null,
          cadence?.minMinutesBetweenPosts ?? null,
          cadence?.minPostsPerWeek ?? null,
          cadence?.maxDaysOfSilence ?? null,
          cadence?.preferredSlots ?? [],
          cadence?.publicDescription ?? '',
          hours?.openingHours ?? null,
          hours?.responseWindowMinutes ?? null,
        ],
      );
      await tx.query(`DELETE FROM channel_closed_periods WHERE channel_id = $1`, [channelId]);
      for (const period of hours?.closedPeriods ?? []) {
        await tx.query(
          `INSERT INTO channel_closed_periods (organization_id, channel_id, start_date, end_date, reason) VALUES ($1, $2, $3, $4, $5)`,
          [organizationId, channelId, period.start, period.end, period.reason ?? ''],
        );
      }
      const [saved] = await loadChannelPromises(tx, organizationId, [channelId]);
      return saved as ChannelPromisesView;
    });
  }
}
