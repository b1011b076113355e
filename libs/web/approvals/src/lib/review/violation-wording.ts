import type { ChannelView, Violation } from '@kadens/shared/contracts';
import { parseInstant, toLocalDateTime } from '@kadens/shared/rules';

import { formatCivilDate, formatDateTime } from '../shared/local-time-format';
import type { TranslatedText } from '../shared/translated-text';

/** How far around the post's time the review asks the rules, so the post's week is always inside. */
export const VIOLATION_WINDOW_MS = 7 * 86_400_000;

/**
 * The broken promises that concern this post: those naming it (a full day, a short gap, no one there
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

/** Dates as the language writes them, ISO weeks (2030-W23) by their number, as people say them. */
function readable(value: string | number, language: string): string | number {
  if (typeof value !== 'string') return value;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatCivilDate(value, language);
  const week = /^\d{4}-W(\d{2})$/.exec(value);
  return week ? Number(week[1]) : value;
}

/** A violation in the reader's words: the rule with its numbers, and for closed hours the next opening. */
export function describeViolation(
  violation: Violation,
  channels: readonly Pick<ChannelView, 'id' | 'name'>[],
  timeZone: string,
  language: string,
): TranslatedText[] {
  const channel = channels.find((candidate) => candidate.id === violation.channelId)?.name ?? '';
  const params: Record<string, string | number> = { channel };
  for (const [name, value] of Object.entries(violation.params)) params[name] = readable(value, language);
  const texts: TranslatedText[] = [{ key: `approvals.rules.${violation.rule}`, params }];
  const nextOpening = violation.params['nextOpening'];
  if (violation.rule === 'service_hours.outside' && typeof nextOpening === 'string') {
    texts.push({ key: 'approvals.rules.nextOpening', params: { time: formatDateTime(nextOpening, timeZone, language) } });
  }
  return texts;
}
