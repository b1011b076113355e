/**
 * Every promise of every channel over one plan: the call the API makes before saving a change (then
 * `violationsForPost` for the changed post) and the calendar makes to draw warnings.
 */
import type { CadencePolicy, Country, PlanItem, ServiceHours, Violation } from '@kadens/shared/contracts';

import { checkCadence, type InstantRange } from '../cadence/cadence-rules';
import { checkServiceHours } from '../service-hours/dialogue-rules';
import { ServiceCalendar } from '../service-hours/service-calendar';
import { sortViolations } from '../violation/violation';

export interface ChannelPromises {
  channelId: string;
  /** null: the channel promises no cadence. */
  cadence: CadencePolicy | null;
  /** null: the channel publishes no service hours, so dialogue posts are not restricted. */
  serviceHours: ServiceHours | null;
}

export interface PlanCheckOptions {
  timeZone: string;
  country: Country;
  /** Stretch for the weekly and silence warnings; see CadenceCheckOptions.range. */
  range?: InstantRange;
  responseHorizonDays?: number;
  /** Reuse compiled calendars across calls (e.g. one request); keyed by channel id. */
  calendars?: Map<string, ServiceCalendar>;
}

export function checkPlan(plan: readonly PlanItem[], channels: readonly ChannelPromises[], options: PlanCheckOptions): Violation[] {
  const byChannel = new Map<string, PlanItem[]>();
  for (const item of plan) {
    const items = byChannel.get(item.channelId);
    if (items) items.push(item);
    else byChannel.set(item.channelId, [item]);
  }
  const violations: Violation[] = [];
  // Channels often share their hours; one compiled calendar per distinct content shares its caches.
  const byContent = new Map<string, ServiceCalendar>();
  for (const channel of channels) {
    const items = byChannel.get(channel.channelId) ?? [];
    if (channel.cadence) {
      violations.push(...checkCadence(items, channel.cadence, channel.channelId, { timeZone: options.timeZone, range: options.range }));
    }
    if (channel.serviceHours && items.some((item) => item.invitesDialogue)) {
      const calendar = serviceCalendarFor(channel.channelId, channel.serviceHours, options, byContent);
      violations.push(...checkServiceHours(items, calendar, channel.channelId, { responseHorizonDays: options.responseHorizonDays }));
    }
  }
  return sortViolations(violations);
}

function serviceCalendarFor(
  channelId: string,
  hours: ServiceHours,
  options: PlanCheckOptions,
  byContent: Map<string, ServiceCalendar>,
): ServiceCalendar {
  const cached = options.calendars?.get(channelId);
  if (cached && cached.hours === hours && cached.context.timeZone === options.timeZone && cached.context.country === options.country) {
    return cached;
  }
  const key = JSON.stringify([hours.openingHours, hours.responseWindowMinutes, hours.closedPeriods]);
  let calendar = byContent.get(key);
  if (!calendar) {
    calendar = new ServiceCalendar(hours, { timeZone: options.timeZone, country: options.country });
    byContent.set(key, calendar);
  }
  options.calendars?.set(channelId, calendar);
  return calendar;
}
