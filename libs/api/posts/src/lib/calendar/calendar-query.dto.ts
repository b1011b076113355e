import { CALENDAR_MAX_DAYS, type CalendarQuery, POST_STATES, type PostState } from '@kadens/shared/contracts';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUUID, registerDecorator, type ValidationArguments } from 'class-validator';

import { IsInstant } from '@kadens/api/core';

/** Accepts `?themeIds=a&themeIds=b` and `?themeIds=a,b` alike. */
const toList = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : (Array.isArray(value) ? value : [value]).flatMap((item) => String(item).split(',')).map((item) => item.trim()).filter(Boolean);

/** `to` must come after `from`, at most CALENDAR_MAX_DAYS later. */
function IsWithinRangeOf(startField: string): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isWithinRangeOf',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be after ${startField} and at most ${CALENDAR_MAX_DAYS} days later` },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const start = Date.parse(String((args.object as Record<string, unknown>)[startField]));
          const end = Date.parse(String(value));
          if (Number.isNaN(start) || Number.isNaN(end)) return true;
          return end > start && end - start <= CALENDAR_MAX_DAYS * 86_400_000;
        },
      },
    });
}

export class CalendarQueryDto implements CalendarQuery {
  /** Start of the range (inclusive), ISO 8601 with offset. */
  @IsInstant()
  from!: string;

  /** End of the range (exclusive); after `from`, at most 370 days later. */
  @IsInstant()
  @IsWithinRangeOf('from')
  to!: string;

  @IsOptional()
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  themeIds?: string[];

  @IsOptional()
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  audienceIds?: string[];

  @IsOptional()
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  channelIds?: string[];

  @IsOptional()
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  initiativeIds?: string[];

  @IsOptional()
  @Transform(toList)
  @IsArray()
  @IsIn(POST_STATES, { each: true })
  states?: PostState[];
}
