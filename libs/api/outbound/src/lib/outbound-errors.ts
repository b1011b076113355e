import type { AddressRefusal } from './address-policy';

/** The variable an operator sets to let Kadens reach an address the policy refuses. */
export const OUTBOUND_ALLOW_HOSTS = 'OUTBOUND_ALLOW_HOSTS';

/**
 * Kadens would not connect: the host resolved to (or is) an address the policy refuses. Nothing was
 * sent, so a request that met this cannot have taken effect. The message names the address and the
 * way round it, and nothing the address might have answered.
 */
export class OutboundRefusedError extends Error {
  readonly code = 'EOUTBOUND_REFUSED';

  constructor(
    readonly host: string,
    readonly refusal: AddressRefusal,
  ) {
    super(`${refusalReason(host, refusal)}; an operator can allow it with ${OUTBOUND_ALLOW_HOSTS}`);
    this.name = 'OutboundRefusedError';
  }
}

function refusalReason(host: string, refusal: AddressRefusal): string {
  const shown = host.replace(/^\[|\]$/g, '');
  return shown === refusal.address
    ? `points to ${refusal.description} (${refusal.address})`
    : `${shown} points to ${refusal.description} (${refusal.address})`;
}

/** The answer was longer than the client reads; the rest was not read. */
export class OutboundResponseTooLargeError extends Error {
  readonly code = 'EOUTBOUND_TOO_LARGE';

  constructor(readonly limitBytes: number) {
    super(`The answer was larger than ${limitBytes} bytes`);
    this.name = 'OutboundResponseTooLargeError';
  }
}

/** The refusal behind an error, however deeply the HTTP stack wrapped it (`TypeError('fetch failed', { cause })`). */
export function outboundRefusalOf(error: unknown): OutboundRefusedError | null {
  return findInCauses(error, OutboundRefusedError);
}

export function responseTooLargeOf(error: unknown): OutboundResponseTooLargeError | null {
  return findInCauses(error, OutboundResponseTooLargeError);
}

function findInCauses<T extends Error>(error: unknown, type: abstract new (...args: never[]) => T): T | null {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current !== null && typeof current === 'object'; depth++) {
    if (current instanceof type) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
