import { HttpErrorResponse } from '@angular/common/http';
import type { ChannelConnectionView, ConnectionTestResult } from '@kadens/shared/contracts';
import type { ProblemDescription, TranslationParams } from '@kadens/web/ui';

interface Advice {
  key: string;
  params?: TranslationParams;
}

/** What the test's outcome means and what to do next: `strategy.connection.result.<outcome>`. */
export const TEST_OUTCOMES = ['ok', 'auth', 'incomplete', 'rate_limited', 'invalid_content', 'transient', 'ambiguous'] as const;
type TestOutcome = (typeof TEST_OUTCOMES)[number];

export function testOutcome(result: ConnectionTestResult): TestOutcome {
  if (result.ok || !result.error) return 'ok';
  // An auth failure without an HTTP status never reached the platform: a field or the address is missing or unusable.
  if (result.error.kind === 'auth' && result.error.status === null) return 'incomplete';
  return result.error.kind;
}

export function testAdvice(result: ConnectionTestResult): Advice {
  const outcome = testOutcome(result);
  return outcome === 'ok'
    ? { key: 'strategy.connection.result.ok', params: { account: result.accountName ?? '' } }
    : { key: `strategy.connection.result.${outcome}` };
}

/** The states a channel's connection is shown in: `strategy.connection.status.<state>`. */
export const CONNECTION_STATES = ['none', 'untested', 'connected', 'connectedAs', 'reconnect_needed'] as const;

export function connectionState(view: ChannelConnectionView | null): Advice {
  if (!view) return { key: 'strategy.connection.status.none' };
  if (view.status === 'connected' && view.accountName)
    return { key: 'strategy.connection.status.connectedAs', params: { account: view.accountName } };
  return { key: `strategy.connection.status.${view.status}` };
}

/** The API's error codes of connections that the editor explains in its own words. */
export const CONNECTION_ERROR_CODES = ['credentials_key_missing', 'credentials_unreadable'] as const;

/** A connection error the notifier should explain in the editor's words, or null for any other failure. */
export function connectionProblem(error: unknown): ProblemDescription | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const code: unknown = (error.error as { code?: unknown } | null)?.code;
  return (CONNECTION_ERROR_CODES as readonly unknown[]).includes(code)
    ? { reasonKey: `strategy.connection.errors.${String(code)}`, actionKey: null }
    : null;
}
