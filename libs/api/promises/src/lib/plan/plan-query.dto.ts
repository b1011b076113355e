import { IsInstant, OptionalNotNull } from '@kadens/api/core';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsUUID, registerDecorator, type ValidationArguments } from 'class-validator';

const toList = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : (Array.isArray(value) ? value : [value]).flatMap((item) => String(item).split(',')).map((item) => item.trim()).filter(Boolean);

function EndsWithinDaysOf(startField: string, days: number): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'endsWithinDaysOf',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: `${String(propertyName)} must be after ${startField} and at most ${days} days later` },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const start = Date.parse(String((args.object as Record<string, unknown>)[startField]));
          const end = Date.parse(String(value));
          return Number.isNaN(start) || Number.isNaN(end) || (end > start && end - start <= days * 86_400_000);
        },
      },
    });
}

/** A stretch of the calendar: at most 370 days for violations. */
export class ViolationsQueryDto {
  @IsInstant()
  from!: string;

  @IsInstant()
  @EndsWithinDaysOf('from', 370)
  to!: string;

  /** Only these channels (comma-separated or repeated); all when absent. */
  @OptionalNotNull()
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  channelIds?: string[];
}

/** Staffed periods are drawn on week views: at most 62 days at a time. */
export class StaffedPeriodsQueryDto {
  @IsInstant()
  from!: string;

  @IsInstant()
  @EndsWithinDaysOf('from', 62)
  to!: string;

  @OptionalNotNull()
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  channelIds?: string[];
}

export class NextFreeSlotQueryDto {
  /** Search from this instant (default: now). */
  @OptionalNotNull()
  @IsInstant()
  from?: string;

  /** The post asks for answers, so service hours apply (default false). */
  @OptionalNotNull()
  @IsIn(['true', 'false'])
  invitesDialogue?: 'true' | 'false';

  /** The post being placed, whose current time is ignored. */
  @OptionalNotNull()
  @IsUUID()
  postId?: string;
}
