import type { FakeReply } from './fake-http-server';

/** Meta's Graph error envelope, as both Facebook and Instagram send it. */
export function graphError(
  status: number,
  code: number,
  message: string,
  extra: { subcode?: number; type?: string; isTransient?: boolean; headers?: Record<string, string> } = {},
): FakeReply {
  return {
    status,
    headers: extra.headers,
    json: {
      error: {
        message,
        type: extra.type ?? 'OAuthException',
        code,
        ...(extra.subcode === undefined ? {} : { error_subcode: extra.subcode }),
        ...(extra.isTransient === undefined ? {} : { is_transient: extra.isTransient }),
        fbtrace_id: 'AbCdEfGhIjK',
      },
    },
  };
}

export function expiredGraphToken(): FakeReply {
  return graphError(400, 190, 'Error validating access token: Session has expired on Friday, 20-Nov-26 09:00:00 PST.', {
    subcode: 463,
  });
}

/** A rate limit as Meta sends it: a 400 with code 32 and the business-use-case usage header. */
export function graphRateLimited(code: number, minutesToRegain: number): FakeReply {
  const usage = {
    '1234567890': [
      {
        type: 'pages',
        call_count: 100,
        total_cputime: 30,
        total_time: 40,
        estimated_time_to_regain_access: minutesToRegain,
      },
    ],
  };
  return graphError(400, code, `(#${code}) Page request limit reached`, {
    headers: { 'x-business-use-case-usage': JSON.stringify(usage) },
  });
}

export function graphVersionIsValid(version: string): boolean {
  return /^v\d+\.\d+$/.test(version);
}
