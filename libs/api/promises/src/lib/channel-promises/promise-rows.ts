import { ChannelsReader } from '@kadens/api/strategy';
import type { CadencePolicy, ChannelPromisesView, ClosedPeriod, Country, ServiceHours } from '@kadens/shared/contracts';
import type { ChannelPromises } from '@kadens/shared/rules';
import { NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

interface PromiseRow {
  id: string;
  max_posts_per_day: number | null;
  min_minutes_between_posts: number | null;
  min_posts_per_week: number | null;
  max_days_of_silence: number | null;
  preferred_slots: string[];
  cadence_description: string;
  opening_hours: string | null;
  response_window_minutes: number | null;
  closed_periods: ClosedPeriod[];
}

export interface OrganizationClock {
  timeZone: string;
  country: Country;
}

/** The organisation's zone and country: every wall-clock rule runs in them. */
export async function organizationClock(manager: EntityManager, organizationId: string): Promise<OrganizationClock> {
  const rows: Array<{ time_zone: string; country: Country }> = await manager.query(
    `SELECT time_zone, country FROM organizations WHERE id = $1`,
    [organizationId],
  );
  const row = rows[0];
  if (!row) throw new Error(`organization ${organizationId} vanished`);
  return { timeZone: row.time_zone, country: row.country };
}

/** A cadence is documented when any of its fields says something. */
function hasCadence(row: PromiseRow): boolean {
  return (
    row.max_posts_per_day !== null ||
    row.min_minutes_between_posts !== null ||
    row.min_posts_per_week !== null ||
    row.max_days_of_silence !== null ||
    row.preferred_slots.length > 0 ||
    row.cadence_description !== ''
  );
}

function toPromises(row: PromiseRow): ChannelPromisesView {
  const cadence: CadencePolicy | null = hasCadence(row)
    ? {
        maxPostsPerDay: row.max_posts_per_day,
        minMinutesBetweenPosts: row.min_minutes_between_posts,
        minPostsPerWeek: row.min_posts_per_week,
        maxDaysOfSilence: row.max_days_of_silence,
        preferredSlots: row.preferred_slots,
        publicDescription: row.cadence_description,
      }
    : null;
  const serviceHours: ServiceHours | null =
    row.opening_hours !== null && row.response_window_minutes !== null
      ? { openingHours: row.opening_hours, responseWindowMinutes: row.response_window_minutes, closedPeriods: row.closed_periods }
      : null;
  return { channelId: row.id, cadence, serviceHours };
}

/** The promises of the organisation's channels (all, or the given ones), as the rules want them. */
export async function loadChannelPromises(
  manager: EntityManager,
  organizationId: string,
  channelIds?: readonly string[],
): Promise<ChannelPromisesView[]> {
  const rows: PromiseRow[] = await manager.query(
    `SELECT c.id, c.max_posts_per_day, c.min_minutes_between_posts, c.min_posts_per_week, c.max_days_of_silence,
            c.preferred_slots, c.cadence_description, c.opening_hours, c.response_window_minutes,
            COALESCE((SELECT json_agg(json_build_object('start', to_char(p.start_date, 'YYYY-MM-DD'), 'end', to_char(p.end_date, 'YYYY-MM-DD'), 'reason', p.reason) ORDER BY p.start_date)
                        FROM channel_closed_periods p WHERE p.channel_id = c.id), '[]') AS closed_periods
       FROM channels c
      WHERE c.organization_id = $1 AND ($2::uuid[] IS NULL OR c.id = ANY($2))
      ORDER BY c.name`,
    [organizationId, channelIds ? [...channelIds] : null],
  );
  return rows.map(toPromises);
}

/** Every channel must be this organisation's; another organisation's is as unknown as a made-up one. */
export async function assertChannels(manager: EntityManager, organizationId: string, channelIds: readonly string[]): Promise<void> {
  const known = new Set(await new ChannelsReader(manager).existingIds(organizationId, channelIds));
  const unknown = channelIds.find((id) => !known.has(id));
  if (unknown) throw new NotFoundException({ message: `Channel not found: ${unknown}`, code: 'channel_not_found' });
}

export type { ChannelPromises };
