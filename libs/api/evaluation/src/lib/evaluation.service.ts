import { loadChannelPromises } from '@kadens/api/promises';
import type { Evaluation, EvaluationPeriodKind } from '@kadens/shared/contracts';
import {
  dateOfDayNumber,
  dayNumber,
  effectGoalPeriods,
  initiativesFigures,
  localDayNumber,
  parseReportPeriod,
  promisesKept,
  publishingFigures,
  ServiceCalendar,
  signOffFigures,
  startOfLocalDay,
} from '@kadens/shared/rules';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

import { EvaluationRows, type InstantSpan } from './evaluation-rows';

/**
 * The evaluation of a month or quarter: the service reads the rows with SQL and the shared rules
 * (libs/shared/rules/src/lib/evaluation) work out the figures — the promise figures with the very
 * cadence and service-hours rules the planning checks use, in the organisation's zone and holidays.
 */
@Injectable()
export class EvaluationService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async evaluate(
    organizationId: string,
    periodKey: string,
    now: Date = new Date(),
    manager: EntityManager = this.db.manager,
  ): Promise<Evaluation> {
    const period = parseReportPeriod(periodKey);
    if (!period || (period.kind !== 'month' && period.kind !== 'quarter')) throw new RangeError(`not a month or quarter: ${periodKey}`);
    const rows = new EvaluationRows(manager);
    const organization = await rows.organization(organizationId);
    if (!organization) throw new NotFoundException({ message: 'Organisation not found', code: 'organization_not_found' });
    const { timeZone, country } = organization;

    const today = localDayNumber(now.getTime(), timeZone);
    const span: InstantSpan = {
      from: new Date(startOfLocalDay(dayNumber(period.from), timeZone)),
      to: new Date(startOfLocalDay(dayNumber(period.to) + 1, timeZone)),
    };
    // Publishing is judged for targets whose time has come; nothing later than now.
    const due: InstantSpan = { from: span.from, to: new Date(Math.min(span.to.getTime(), now.getTime())) };

    const channels = await rows.channels(organizationId);
    const promises = new Map((await loadChannelPromises(manager, organizationId)).map((p) => [p.channelId, p]));
    const published = await rows.published(organizationId, span);
    const calendars = new Map<string, ServiceCalendar>();
    const promiseRows = channels
      .map((channel) => {
        const promise = promises.get(channel.id) ?? { channelId: channel.id, cadence: null, serviceHours: null };
        const calendar = promise.serviceHours ? calendarFor(calendars, promise.serviceHours, timeZone, country) : undefined;
        const figures = promisesKept(
          published,
          promise,
          { timeZone, country, from: period.from, to: period.to, until: dateOfDayNumber(today) },
          calendar,
        );
        return { channel, promise, figures };
      })
      // A paused channel without promises or posts has nothing to evaluate.
      .filter(({ channel, promise, figures }) => channel.active || figures.posts > 0 || promise.cadence !== null)
      .map(({ channel, figures }) => ({ channelId: channel.id, name: channel.name, platform: channel.platform, ...figures }));

    const publishing = publishingFigures(due.to > due.from ? await rows.plannedTargets(organizationId, due) : []);
    const signOff = signOffFigures(await rows.approvals(organizationId, span), await rows.changesRequested(organizationId, span));
    const values = await rows.effectResults(organizationId, period.from, period.to);
    const goals = (await rows.audiences(organizationId)).map((audience) => ({
      audienceId: audience.id,
      name: audience.name,
      effectGoal: audience.effectGoal,
      target: audience.target,
      periods: effectGoalPeriods(audience.target, period.from, period.to, values.get(audience.id) ?? new Map()),
    }));
    const initiativeRows = await rows.initiatives(organizationId, span);
    const initiatives = initiativesFigures(
      period.from,
      period.to,
      organization.capacityHoursPerWeek,
      initiativeRows.rows,
      initiativeRows.withoutInitiative,
    );

    return {
      period: period.key,
      kind: period.kind as EvaluationPeriodKind,
      from: period.from,
      to: period.to,
      timeZone,
      evaluatedUntil: dateOfDayNumber(Math.min(dayNumber(period.to), today - 1)),
      promises: promiseRows,
      publishing,
      signOff,
      goals,
      initiatives,
    };
  }
}

/** Channels often share their hours: one compiled calendar per distinct value shares its caches. */
function calendarFor(
  calendars: Map<string, ServiceCalendar>,
  hours: ConstructorParameters<typeof ServiceCalendar>[0],
  timeZone: string,
  country: ConstructorParameters<typeof ServiceCalendar>[1]['country'],
): ServiceCalendar {
  const key = JSON.stringify([hours.openingHours, hours.responseWindowMinutes, hours.closedPeriods]);
  let calendar = calendars.get(key);
  if (!calendar) {
    calendar = new ServiceCalendar(hours, { timeZone, country });
    calendars.set(key, calendar);
  }
  return calendar;
}
