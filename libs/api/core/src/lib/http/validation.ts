import type { FieldError } from '@kadens/shared/contracts';
import { type ArgumentMetadata, BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

import { findInputProblem } from './input-guard';

/** Flattens class-validator's tree into one entry per field, with dotted paths (`audiences.0.name`). */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own: FieldError[] = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

/**
 * class-validator's pipe, after one check of its own: route params (and, again, query and body) with a
 * NUL, a lone surrogate or too deep nesting are a 400 naming the field before anything reaches a DTO
 * or PostgreSQL. Body and query are checked once already right after parsing (see configure-http-app).
 */
class KadensValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const problem = findInputProblem(value, metadata.data ?? metadata.type);
      if (problem)
        throw new BadRequestException({
          message: `${problem.field}: ${problem.messages.join('; ')}`,
          code: problem.code,
          errors: [{ field: problem.field, messages: problem.messages }],
        });
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new KadensValidationPipe({
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
