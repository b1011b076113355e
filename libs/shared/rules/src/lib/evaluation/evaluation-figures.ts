/**
 * The evaluation's other figures, from rows the service reads: publishing on time, sign-off lead
 * times, the audiences' effect goals per period and the initiatives' hours against capacity.
 */
import type {
  EffectGoalPeriod,
  EffectTarget,
  InitiativeEvaluation,
  InitiativesEvaluation,
  PublishingEvaluation,
  SignOffEvaluation,
  TargetState,
} from '@kadens/shared/contracts';

import { addDays, dayNumber } from '../local-time/civil-date';
import { parseInstant } from '../local-time/instant';
import { reportPeriodOf } from '../reporting/report-period';
import { oneDecimal, percentile } from './percentile';

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;

/** A target planned inside the period whose time has come. */
export interface PlannedTarget {
  state: TargetState;
  /** ISO instants. */
  plannedAt: string;
  publishedAt: string | null;
}

export function publishingFigures(targets: readonly PlannedTarget[]): PublishingEvaluation {
  const count = (state: TargetState) => targets.filter((target) => target.state === state).length;
  const lateness = targets
    .filter((target) => target.state === 'published' && target.publishedAt !== null)
    .map((target) => (parseInstant(target.publishedAt as string) - parseInstant(target.plannedAt)) / MS_PER_MINUTE);
  return {
    planned: targets.length,
    published: count('published'),
    failed: count('failed'),
    unconfirmed: count('unconfirmed'),
    expired: count('expired'),
    latenessP50Minutes: oneDecimal(percentile(lateness, 50)),
    latenessP95Minutes: oneDecimal(percentile(lateness, 95)),
  };
}

/** A post's approval inside the period and the submit it answered (null when the log has none). */
export interface Approval {
  submittedAt: string | null;
  approvedAt: string;
}

export function signOffFigures(approvals: readonly Approval[], changesRequested: number): SignOffEvaluation {
  const leadTimes = approvals
    .filter((approval): approval is Approval & { submittedAt: string } => approval.submittedAt !== null)
    .map((approval) => Math.max(0, parseInstant(approval.approvedAt) - parseInstant(approval.submittedAt)) / MS_PER_HOUR);
  return {
    approved: approvals.length,
    leadTimeP50Hours: oneDecimal(percentile(leadTimes, 50)),
    leadTimeP95Hours: oneDecimal(percentile(leadTimes, 95)),
    changesRequested,
  };
}

/**
 * The goal's periods (its own kind: week, month, quarter, year) that start inside [from, to], each
 * with its entered value (null when none) and whether it reached the target.
 */
export function effectGoalPeriods(
  target: EffectTarget | null,
  from: string,
  to: string,
  values: ReadonlyMap<string, number>,
): EffectGoalPeriod[] {
  if (!target) return [];
  const periods: EffectGoalPeriod[] = [];
  let day = from;
  while (dayNumber(day) <= dayNumber(to)) {
    const period = reportPeriodOf(day, target.period);
    if (period.from >= from && period.from <= to) {
      const value = values.get(period.key) ?? null;
      periods.push({ period: period.key, from: period.from, to: period.to, value, met: value === null ? null : value >= target.value });
    }
    day = addDays(period.to, 1);
  }
  return periods;
}

export interface InitiativeRow {
  initiativeId: string;
  what: string;
  status: 'idea' | 'active' | 'dropped';
  hoursPerWeek: number;
  postsPublished: number;
}

/** Hours over the period are hours per week × days ÷ 7; only active initiatives spend them. */
export function initiativesFigures(
  from: string,
  to: string,
  capacityHoursPerWeek: number | null,
  rows: readonly InitiativeRow[],
  postsWithoutInitiative: number,
): InitiativesEvaluation {
  const weeks = (dayNumber(to) - dayNumber(from) + 1) / 7;
  const items: InitiativeEvaluation[] = rows.map((row) => ({
    ...row,
    plannedHours: row.status === 'active' ? (oneDecimal(row.hoursPerWeek * weeks) ?? 0) : 0,
  }));
  return {
    capacityHoursPerWeek,
    capacityHours: capacityHoursPerWeek === null ? null : oneDecimal(capacityHoursPerWeek * weeks),
    plannedHours: oneDecimal(items.reduce((sum, item) => sum + (item.status === 'active' ? item.hoursPerWeek * weeks : 0), 0)) ?? 0,
    items,
    postsWithoutInitiative,
  };
}
