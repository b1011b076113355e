import { isISO8601, registerDecorator, type ValidationOptions } from 'class-validator';

/** ISO 8601 with an explicit offset or Z: a time without a zone would be read in the server's zone. */
const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

export function isInstant(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    isISO8601(value, { strict: true, strictSeparator: true }) &&
    HAS_OFFSET.test(value) &&
    !Number.isNaN(Date.parse(value))
  );
}

export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `${String(propertyName)} must be an ISO 8601 date-time with an offset, e.g. 2026-05-17T09:30:00+02:00`,
        ...options,
      },
      validator: { validate: (value: unknown) => isInstant(value) },
    });
}
