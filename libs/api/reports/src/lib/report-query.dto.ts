import { OptionalNotNull } from '@kadens/api/core';
import {
  REPORT_GROUPINGS,
  REPORT_POST_SORTS,
  type ReportGrouping,
  type ReportPostSort,
  type ReportPostsQuery,
  type ReportSummaryQuery,
} from '@kadens/shared/contracts';
import { dayNumber, dayNumberOf, isCivilDate } from '@kadens/shared/rules';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsUUID, Max, Min, registerDecorator, type ValidationArguments } from 'class-validator';

/** Reports cover at most three years, so that a question stays cheap to answer. */
export const REPORT_MAX_YEARS = 3;

/** The day the same date falls on `years` later (29 February → 1 March), as a day number. */
function dayNumberYearsLater(date: string, years: number): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return dayNumberOf({ year: year + years, month, day });
}

/** Reports start no earlier than this (and the previous period stays a date PostgreSQL has). */
const EARLIEST_DATE = '1900-01-01';

/** A calendar date, YYYY-MM-DD, that exists (not 2026-02-30), from 1900 on. */
function IsReportDate(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isReportDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be a date, YYYY-MM-DD, from ${EARLIEST_DATE.slice(0, 4)} on` },
      validator: { validate: (value: unknown) => typeof value === 'string' && isCivilDate(value) && value >= EARLIEST_DATE },
    });
}

/** On or after the start field's date, and the range (both days included) at most three years. */
function EndsWithinThreeYearsOf(startField: string): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'endsWithinThreeYearsOf',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `${String(propertyName)} must be on or after ${startField}, and a report covers at most ${REPORT_MAX_YEARS} years (${String(propertyName)} before the same date ${REPORT_MAX_YEARS} years after ${startField})`,
      },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const start = (args.object as Record<string, unknown>)[startField];
          // A malformed date is reported by its own check.
          if (typeof value !== 'string' || typeof start !== 'string' || !isCivilDate(value) || !isCivilDate(start)) return true;
          return dayNumber(value) >= dayNumber(start) && dayNumber(value) < dayNumberYearsLater(start, REPORT_MAX_YEARS);
        },
      },
    });
}

class ReportRangeDto {
  /** First day (inclusive), YYYY-MM-DD, in the organisation's time zone. */
  @IsReportDate()
  from!: string;

  /** Last day (inclusive), YYYY-MM-DD; on or after `from`, at most 3 years later. */
  @IsReportDate()
  @EndsWithinThreeYearsOf('from')
  to!: string;
}

export class ReportSummaryQueryDto extends ReportRangeDto implements ReportSummaryQuery {
  @IsIn(REPORT_GROUPINGS, { message: `groupBy must be one of: ${REPORT_GROUPINGS.join(', ')}` })
  groupBy!: ReportGrouping;
}

export class ReportPostsQueryDto extends ReportRangeDto implements ReportPostsQuery {
  /** Default `-publishedAt` (newest first); `-engagement` with limit 5 gives the top posts, `engagement` the bottom ones. */
  @OptionalNotNull()
  @IsIn(REPORT_POST_SORTS, { message: `sort must be one of: ${REPORT_POST_SORTS.join(', ')}` })
  sort?: ReportPostSort;

  /** Rows per page, 1–200 (default 50); the CSV holds every row. */
  @OptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @OptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  offset?: number;

  @OptionalNotNull()
  @IsUUID()
  channelId?: string;

  @OptionalNotNull()
  @IsUUID()
  themeId?: string;

  @OptionalNotNull()
  @IsUUID()
  audienceId?: string;

  @OptionalNotNull()
  @IsUUID()
  contentTypeId?: string;

  @OptionalNotNull()
  @IsUUID()
  initiativeId?: string;
}
