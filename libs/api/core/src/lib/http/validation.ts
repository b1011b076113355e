import type { FieldError } from '@kadens/shared/contracts';
import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

/** Flattens class-validator's tree into one entry per field, with dotted paths (`audiences.0.name`). */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own: FieldError[] = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fieldErrors = toFieldErrors(errors);
      const summary = fieldErrors.map((e) => `${e.field}: ${e.messages.join('; ')}`).join(' | ');
      return new BadRequestException({ message: summary || 'Invalid request', code: 'validation_failed', errors: fieldErrors });
    },
  });
}
