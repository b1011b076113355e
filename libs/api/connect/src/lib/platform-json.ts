import type { OutboundClient } from '@kadens/api/outbound';

import { type ConnectError, SignInError } from './connect-flow';
import { OAUTH_REQUEST_TIMEOUT_MS } from './oauth-client';

export interface JsonAnswer {
  status: number;
  body: Record<string, unknown>;
}

/**
 * One request of a sign-in after the token exchange (listing pages, organisations), through the
 * guarded client. A network failure or an answer that is not JSON is `platform_unreachable`; the
 * caller reads a refusal from the status and body.
 */
export async function requestJson(
  outbound: OutboundClient,
  url: URL,
  init: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string } = {},
): Promise<JsonAnswer> {
  let response: Response;
  try {
    response = await outbound.fetch(url, {
      method: init.method ?? 'GET',
      headers: { accept: 'application/json', ...init.headers },
      body: init.body,
      redirect: 'manual',
      timeoutMs: OAUTH_REQUEST_TIMEOUT_MS,
    });
  } catch (error) {
    throw new SignInError(
      'platform_unreachable',
      `${url.host} could not be reached: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const body: unknown = await response.json().catch(() => null);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new SignInError('platform_unreachable', `${url.host} answered HTTP ${response.status} without a JSON object`);
  }
  return { status: response.status, body: body as Record<string, unknown> };
}

/** A refusal of the token (4xx) is `token_refused`; anything else the platform could not do is `platform_unreachable`. */
export function refusalOf(answer: JsonAnswer, what: string, detail: string | null): SignInError {
  const problem: ConnectError = answer.status >= 400 && answer.status < 500 ? 'token_refused' : 'platform_unreachable';
  return new SignInError(problem, `${what} failed (HTTP ${answer.status}${detail === null ? '' : `: ${detail}`})`);
}

export function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null;
}

export function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
