/**
 * The service-hours promise over a plan: a post that invites dialogue must go out while the channel is
 * staffed, and enough staffed time must follow it to keep the response promise.
 *
 * "Enough staffed time" is counted across staffed intervals, not only the current one: a question at
 * 11:30 with a 120-minute promise and hours "Mo-Fr 09:00-12:00" is fine on a Tuesday (30 minutes today,
 * 90 tomorrow morning) — the promise says "within 2 hours *in service hours*". The count must fill up
 * within a horizon (default 7 days); otherwise the answer would come after a long closure (Easter,
 * the summer weeks) and the post is blocked. A post outside service hours gets only the `outside`
 * violation: the window question does not arise.
 */
import type { PlanItem, Violation } from '@kadens/shared/contracts';

import { MS_PER_DAY, MS_PER_MINUTE } from '../local-time/civil-date';
import { formatInstant, parseInstant } from '../local-time/instant';
import { makeViolation } from '../violation/violation';
import type { ServiceCalendar } from './service-calendar';

export const DEFAULT_RESPONSE_HORIZON_DAYS = 7;

export interface DialogueCheckOptions {
  /** Days after the post within which the response window must be filled. */
  responseHorizonDays?: number;
}

export function checkServiceHours(
  plan: readonly PlanItem[],
  calendar: ServiceCalendar,
  channelId: string,
  options: DialogueCheckOptions = {},
): Violation[] {
  const violations: Violation[] = [];
  for (const item of plan) {
    if (item.channelId !== channelId || !item.invitesDialogue) continue;
    const violation = dialogueViolationAt(calendar, channelId, item.postId, parseInstant(item.at), options);
    if (violation) violations.push(violation);
  }
  return violations;
}

/** The blocking violation for a dialogue post at `atMs`, or null if the promise can be kept. */
export function dialogueViolationAt(
  calendar: ServiceCalendar,
  channelId: string,
  postId: string | null,
  atMs: number,
  options: DialogueCheckOptions = {},
): Violation | null {
  const horizonDays = options.responseHorizonDays ?? DEFAULT_RESPONSE_HORIZON_DAYS;
  if (!calendar.isStaffedAt(atMs)) {
    const next = calendar.nextOpeningMs(atMs);
    return makeViolation('service_hours.outside', channelId, postId, atMs, next === null ? {} : { nextOpening: formatInstant(next) });
  }
  const windowMinutes = calendar.hours.responseWindowMinutes;
  const { staffedMs, filledAt } = calendar.staffedTimeWithin(atMs, atMs + horizonDays * MS_PER_DAY, windowMinutes * MS_PER_MINUTE);
  if (filledAt !== null) return null;
  return makeViolation('service_hours.response_window', channelId, postId, atMs, {
    windowMinutes,
    staffedMinutes: Math.floor(staffedMs / MS_PER_MINUTE),
    horizonDays,
  });
}
