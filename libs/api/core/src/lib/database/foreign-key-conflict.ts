import { ConflictException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';

const FOREIGN_KEY_VIOLATION = '23503';
const UNIQUE_VIOLATION = '23505';

function pgCode(error: unknown): string | undefined {
  return error instanceof QueryFailedError ? (error.driverError as { code?: string }).code : undefined;
}

/**
 * Deletes with `remove`, and when something still refers to the row answers 409 with `code` (e.g.
 * `theme_in_use`) and the way forward: archive it instead.
 */
export async function deleteUnlessReferenced(remove: () => Promise<unknown>, code: string, message: string): Promise<void> {
  try {
    await remove();
  } catch (error) {
    if (pgCode(error) === FOREIGN_KEY_VIOLATION) throw new ConflictException({ message, code });
    throw error;
  }
}

/** Runs `work`; a unique violation becomes a 409 naming `field`. */
export async function conflictOnDuplicate<T>(work: () => Promise<T>, field: string, code: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (pgCode(error) === UNIQUE_VIOLATION) {
      throw new ConflictException({
        message: `${field}: already used in this organisation`,
        code,
        errors: [{ field, messages: ['is already used'] }],
      });
    }
    throw error;
  }
}
