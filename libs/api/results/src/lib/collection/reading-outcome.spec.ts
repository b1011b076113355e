import {
  PlatformAmbiguousError,
  PlatformAuthError,
  PlatformInvalidContentError,
  PlatformRateLimitedError,
  PlatformTransientError,
} from '@kadens/api/platforms';

import { missingMetricsText, settleReadingFailure } from './reading-outcome';

const policy = { attempts: 0, maxAttempts: 3, retryBaseMs: 1_000, now: 1_000_000 };

describe('settleReadingFailure', () => {
  it('reads again after the platform’s retry-after on a rate limit, without counting a try', () => {
    const outcome = settleReadingFailure(new PlatformRateLimitedError('mastodon', 'Too many requests', 90_000), { ...policy, attempts: 2 });
    expect(outcome).toEqual({
      kind: 'retry',
      notBefore: new Date(1_090_000),
      errorKind: 'rate_limited',
      message: 'Too many requests',
      counted: false,
    });
  });

  it('fails and asks for a reconnect on an auth failure', () => {
    expect(settleReadingFailure(new PlatformAuthError('mastodon', 'The access token is invalid'), policy)).toEqual({
      kind: 'failed',
      errorKind: 'auth',
      message: 'The access token is invalid',
      reconnect: true,
    });
  });

  it('fails with the platform’s words when the request is refused as a whole', () => {
    expect(settleReadingFailure(new PlatformInvalidContentError('facebook', 'Unsupported get request'), policy)).toMatchObject({
      kind: 'failed',
      errorKind: 'invalid_content',
      message: 'Unsupported get request',
      reconnect: false,
    });
  });

  it.each([new PlatformTransientError('x', 'Service Unavailable'), new PlatformAmbiguousError('x', 'socket hang up'), new Error('boom')])(
    'retries %p with a doubling backoff, then fails',
    (error) => {
      expect(settleReadingFailure(error, policy)).toMatchObject({ kind: 'retry', notBefore: new Date(1_001_000), counted: true });
      expect(settleReadingFailure(error, { ...policy, attempts: 1 })).toMatchObject({ kind: 'retry', notBefore: new Date(1_002_000) });
      expect(settleReadingFailure(error, { ...policy, attempts: 2 })).toMatchObject({ kind: 'failed', reconnect: false });
    },
  );
});

describe('missingMetricsText', () => {
  it('names each refused metric with the platform’s reason, and is null when nothing was refused', () => {
    expect(missingMetricsText({ numbers: {}, raw: null })).toBeNull();
    expect(
      missingMetricsText({
        numbers: { reactions: 1 },
        raw: null,
        missing: [
          { metric: 'views', reason: 'retired' },
          { metric: 'saves', reason: 'not allowed' },
        ],
      }),
    ).toBe('views: retired; saves: not allowed');
  });
});
