import { clearZoneOffsetCache } from '../local-time/zone-offsets';
import { clearDayScheduleCache } from '../service-hours/day-schedules';
import { clearHolidayCache } from '../service-hours/holidays';

/**
 * Forgets the memoised zone offsets, holiday lists and opening_hours day schedules. Results never
 * depend on these caches (they are keyed by everything an answer depends on); clearing only costs
 * time. For benchmarks, and for long-lived processes that want the memory back.
 */
export function clearRuleCaches(): void {
  clearZoneOffsetCache();
  clearHolidayCache();
  clearDayScheduleCache();
}
