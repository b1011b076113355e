import type { ChannelView, RuleId, Violation } from '@kadens/shared/contracts';
import { isCivilDate, isoWeekOf, parseInstant, toLocalDateTime } from '@kadens/shared/rules';

import { intlLocale } from './intl-locale';
import { formatWallClock } from './zoned-time';

/** What a violation needs from the page to be worded: the channels' names and the organisation's zone. */
export interface ViolationContext {
  channels: readonly Pick<ChannelView, 'id' | 'name'>[];
  timeZone: string;
}

/** A violation as a translation key in the planning scope and the values for its placeholders. */
interface WordedViolation {
  rule: RuleId;
  severity: Violation['severity'];
  channelId: string;
  key: string;
  params: Record<string, string | number>;
}

/** How far around a post's time the review asks the rules, so the post's week is always inside. */
export const VIOLATION_WINDOW_MS = 7 * 86_400_000;

/**
 * The broken promises that concern one post: those naming it (a full day, a short gap, no one there
 * to answer) and a thin week it falls in. Silences elsewhere in the plan are the calendar's business.
 */
export function violationsOfPost(violations: readonly Violation[], postId: string, plannedAt: string, timeZone: string): Violation[] {
  const postDate = toLocalDateTime(parseInstant(plannedAt), timeZone).date;
  return violations.filter((violation) => {
    if (violation.postId === postId) return true;
    if (violation.postId !== null || violation.rule !== 'cadence.min_per_week') return false;
    const { weekStart, weekEnd } = violation.params;
    return typeof weekStart === 'string' && typeof weekEnd === 'string' && weekStart <= postDate && postDate <= weekEnd;
  });
}

/**
 * A broken rule in the reader's words, built from its rule and parameters: which channel, what it
 * promises, and the numbers that break it. Dates are written the way the language writes them; a
 * time is the organisation's wall clock, since that is when the post goes out.
 */
export function wordViolation(violation: Violation, context: ViolationContext, language: string): WordedViolation {
  const channel = context.channels.find((candidate) => candidate.id === violation.channelId)?.name ?? '';
  const p = violation.params;
  const locale = intlLocale(language);
  const date = (value: unknown, style: 'long' | 'short') => (typeof value === 'string' ? formatDate(value, locale, style) : '');
  const number = (value: unknown) => (typeof value === 'number' ? value : Number(value ?? 0));
  const worded = (key: string, params: Record<string, string | number>): WordedViolation => ({
    rule: violation.rule,
    severity: violation.severity,
    channelId: violation.channelId,
    key: `planning.rules.${key}`,
    params: { channel, ...params },
  });
  switch (violation.rule) {
    case 'cadence.max_per_day':
      return worded(violation.rule, { max: number(p['max']), count: number(p['count']), date: date(p['date'], 'long') });
    case 'cadence.min_gap':
      return worded(violation.rule, { minMinutes: number(p['minMinutes']), gapMinutes: number(p['gapMinutes']) });
    case 'cadence.min_per_week': {
      const weekStart = typeof p['weekStart'] === 'string' ? p['weekStart'] : '';
      return worded(violation.rule, {
        min: number(p['min']),
        count: number(p['count']),
        week: isCivilDate(weekStart) ? isoWeekOf(weekStart).week : '',
        from: date(weekStart, 'short'),
        to: date(p['weekEnd'], 'short'),
      });
    }
    case 'cadence.max_silence':
      return worded(violation.rule, {
        days: number(p['days']),
        maxDays: number(p['maxDays']),
        from: date(p['from'], 'short'),
        to: date(p['to'], 'short'),
      });
    case 'service_hours.outside': {
      const next = p['nextOpening'];
      if (typeof next !== 'string') return worded('service_hours.outside_no_opening', {});
      return worded(violation.rule, { nextOpening: formatWallClock(next, context.timeZone, language) });
    }
    case 'service_hours.response_window':
      return worded(violation.rule, {
        windowMinutes: number(p['windowMinutes']),
        staffedMinutes: number(p['staffedMinutes']),
        horizonDays: number(p['horizonDays']),
      });
  }
}

/**
 * Each broken rule once, in the order given. The API names every post a rule involves (two posts too
 * close, all the posts of a full day), which reads the same for each.
 */
export function wordViolations(violations: readonly Violation[], context: ViolationContext, language: string): WordedViolation[] {
  const seen = new Set<string>();
  return violations
    .map((violation) => wordViolation(violation, context, language))
    .filter((worded) => {
      const identity = `${worded.key}|${JSON.stringify(worded.params)}`;
      if (seen.has(identity)) return false;
      seen.add(identity);
      return true;
    });
}

/** A calendar date (YYYY-MM-DD): "3. desember 2026" (long) or "3. des." (short). */
function formatDate(value: string, locale: string, style: 'long' | 'short'): string {
  if (!isCivilDate(value)) return value;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const options: Intl.DateTimeFormatOptions =
    style === 'long' ? { day: 'numeric', month: 'long', year: 'numeric' } : { day: 'numeric', month: 'short' };
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, day)));
}
