import type { PlatformError } from '@kadens/api/platforms';
import type { ConnectionStatus, ConnectionTestResult } from '@kadens/shared/contracts';

export type ConnectionTestFailure = NonNullable<ConnectionTestResult['error']>;

/**
 * A failed "test connection" in words a person can act on, the platform's own words last. Adapter
 * messages never hold credentials (see libs/api/platforms), so they may be shown and stored.
 */
export function describeTestFailure(error: PlatformError): ConnectionTestFailure {
  return { kind: error.kind, message: explain(error), status: error.status };
}

function explain(error: PlatformError): string {
  switch (error.kind) {
    case 'auth':
      if (error.code?.startsWith('connection.')) return `The connection is incomplete or its address cannot be used: ${error.message}`;
      if (error.status !== null && error.status >= 300 && error.status < 400)
        return `The address answered with a redirect; check the connection's address: ${error.message}`;
      return `The platform refused the credentials: ${error.message}`;
    case 'rate_limited':
      return `The platform is limiting requests right now; test again later: ${error.message}`;
    case 'invalid_content':
      return `The platform refused the request; check the connection's address and settings: ${error.message}`;
    case 'transient':
      return `The platform could not be reached or did not answer properly; test again later: ${error.message}`;
    case 'ambiguous':
      return `No usable answer came back from the platform; test again: ${error.message}`;
  }
}

/**
 * What a failed test says about the connection: refused credentials or a refused request need the
 * person who connected the channel; a busy or unreachable platform proves nothing either way.
 */
export function statusAfterFailure(failure: ConnectionTestFailure): ConnectionStatus | null {
  return failure.kind === 'auth' || failure.kind === 'invalid_content' ? 'reconnect_needed' : null;
}
