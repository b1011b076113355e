import { Transform } from 'class-transformer';
import { applyDecorators } from '@nestjs/common';
import { IsDefined, ValidateIf } from 'class-validator';

/** Trims surrounding white space from a string field; leaves anything else for the validators to refuse. */
export const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/**
 * May be left out, but when given must be valid: unlike `@IsOptional()`, a `null` is validated (and so
 * refused) rather than waved through to a NOT NULL column.
 */
export const OptionalNotNull = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

/** May be left out or `null` (which clears it); anything else must be valid. */
export const OptionalNullable = () => ValidateIf((_object: object, value: unknown) => value !== undefined && value !== null);

/**
 * Must be sent, but may be `null`: a left-out field is refused (400) instead of silently read as null.
 * Give the property no initializer, or class-transformer fills the missing field in from it.
 */
export const RequiredNullable = () =>
  applyDecorators(
    ValidateIf((_object: object, value: unknown) => value !== null),
    IsDefined(),
  );
