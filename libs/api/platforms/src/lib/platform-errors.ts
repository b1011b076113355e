import type { Platform } from '@kadens/shared/contracts';

/**
 * The only failures an adapter throws. The publisher turns each kind into a policy without knowing
 * which platform it came from:
 * - `auth`: the channel needs reconnecting; retrying cannot help.
 * - `rate_limited`: not created; retry after `retryAfterMs`.
 * - `invalid_content`: not created and never will be as it stands; fail with the platform's words.
 * - `transient`: not created (a 5xx, or a network failure before the request left); retry with backoff.
 * - `ambiguous`: the request left and no usable answer came back, so the post may exist. Retry
 *   automatically only when the adapter's `capabilities.idempotentPublish` says a repeat is harmless.
 */
export type PlatformErrorKind = 'auth' | 'rate_limited' | 'invalid_content' | 'transient' | 'ambiguous';

export interface PlatformErrorDetails {
  /** The HTTP status the platform answered with; null when no answer came. */
  status?: number | null;
  /** The platform's own error code (`DUPLICATE_POST`, `190`, `ExpiredToken`…), when it gave one. */
  code?: string | null;
  cause?: unknown;
}

export abstract class PlatformError extends Error {
  abstract readonly kind: PlatformErrorKind;
  readonly status: number | null;
  readonly code: string | null;

  constructor(
    readonly platform: Platform,
    message: string,
    details: PlatformErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.status = details.status ?? null;
    this.code = details.code ?? null;
  }
}

export class PlatformAuthError extends PlatformError {
  readonly kind = 'auth';
}

export class PlatformRateLimitedError extends PlatformError {
  readonly kind = 'rate_limited';

  constructor(
    platform: Platform,
    message: string,
    readonly retryAfterMs: number,
    details: PlatformErrorDetails = {},
  ) {
    super(platform, message, details);
  }
}

export class PlatformInvalidContentError extends PlatformError {
  readonly kind = 'invalid_content';
}

export class PlatformTransientError extends PlatformError {
  readonly kind = 'transient';
}

export class PlatformAmbiguousError extends PlatformError {
  readonly kind = 'ambiguous';
}

export function isPlatformError(error: unknown): error is PlatformError {
  return error instanceof PlatformError;
}
