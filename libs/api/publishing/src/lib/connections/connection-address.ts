import type { OutboundClient } from '@kadens/api/outbound';
import { isConnectionBaseUrl } from '@kadens/shared/contracts';
import { BadRequestException } from '@nestjs/common';

/**
 * Refuses, before anything is stored, an address the outbound guard would refuse (loopback, private,
 * link-local, metadata…), resolving a host name now: a 400 naming `baseUrl` and why. Only a given,
 * well-formed address is judged here (`checkConnectionChange` words the other problems). The check
 * at connect time stays the real guard: a name can point elsewhere tomorrow.
 */
export async function assertAllowedAddress(outbound: OutboundClient, baseUrl: unknown): Promise<void> {
  if (typeof baseUrl !== 'string') return;
  const given = baseUrl.trim();
  if (given === '' || !isConnectionBaseUrl(given)) return;
  const refused = await outbound.refusalFor(given);
  if (refused === null) return;
  throw new BadRequestException({
    message: `baseUrl: ${refused.message}`,
    code: 'validation_failed',
    errors: [{ field: 'baseUrl', messages: [refused.message] }],
  });
}
