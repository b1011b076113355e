import { loadChannelPromises } from '@kadens/api/promises';
import type { Country, PublicPromisesKept } from '@kadens/shared/contracts';
import { dateOfDayNumber, localDayNumber, mondayOfDayNumber, promisesKept, startOfLocalDay } from '@kadens/shared/rules';
import type { EntityManager } from 'typeorm';

import { EvaluationRows } from './evaluation-rows';

/** How many whole weeks the public page counts. */
export const PUBLIC_PROMISES_WEEKS = 12;

/**
 * "Promises kept" for the public availability page: per channel with a weekly minimum, the share of
 * the last 12 local weeks that are over in which it was reached. Null when the organisation has not
 * chosen to show it. Only the given (active, public) channels are counted.
 */
export async function publicPromisesKept(
  manager: EntityManager,
  organization: { id: string; timeZone: string; country: Country },
  channelIds: readonly string[],
  nowMs: number = Date.now(),
): Promise<PublicPromisesKept | null> {
  const [setting]: Array<{ public_promises_kept: boolean }> = await manager.query(
    `SELECT public_promises_kept FROM organizations WHERE id = $1`,
    [organization.id],
  );
  if (!setting?.public_promises_kept) return null;
  const { timeZone, country } = organization;
  const today = localDayNumber(nowMs, timeZone);
  const lastMonday = mondayOfDayNumber(today) - 7;
  const first = lastMonday - 7 * (PUBLIC_PROMISES_WEEKS - 1);
  const from = dateOfDayNumber(first);
  const to = dateOfDayNumber(lastMonday + 6);
  const span = { from: new Date(startOfLocalDay(first, timeZone)), to: new Date(startOfLocalDay(lastMonday + 7, timeZone)) };
  const published = await new EvaluationRows(manager).published(organization.id, span);
  const promises = await loadChannelPromises(manager, organization.id, channelIds);
  const channels: PublicPromisesKept['channels'] = [];
  for (const promise of promises) {
    const minPostsPerWeek = promise.cadence?.minPostsPerWeek ?? null;
    if (minPostsPerWeek === null) continue;
    // Only the weekly minimum is asked: no service hours needed.
    const figures = promisesKept(
      published,
      { ...promise, serviceHours: null },
      { timeZone, country, from, to, until: dateOfDayNumber(today) },
    );
    if (figures.weeksKept === null || figures.weeksKeptShare === null) continue;
    channels.push({ channelId: promise.channelId, weeksKept: figures.weeksKept, weeksKeptShare: figures.weeksKeptShare, minPostsPerWeek });
  }
  return { weeks: PUBLIC_PROMISES_WEEKS, from, to, channels };
}
