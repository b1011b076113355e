import { Transform } from 'class-transformer';
import { registerDecorator, type ValidationArguments } from 'class-validator';

/** Accepts `?ids=a&ids=b` and `?ids=a,b` alike, as one list. */
export const ToList = () =>
  Transform(({ value }: { value: unknown }) =>
    value === undefined
      ? undefined
      : (Array.isArray(value) ? value : [value])
          .flatMap((item) => String(item).split(','))
          .map((item) => item.trim())
          .filter(Boolean),
  );

/** An end instant after the start field's, at most `days` later (ranges are bounded so queries stay cheap). */
export function EndsWithinDaysOf(startField: string, days: number): PropertyDecorator {
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
