import { backoffMs, type FailedAttempt, settleFailedAttempt } from './attempt-settlement';

const now = Date.UTC(2026, 2, 29, 0, 30); // the night Europe switches to summer time
const base: FailedAttempt = {
  kind: 'transient',
  attempt: 1,
  maxAttempts: 5,
  idempotent: false,
  idempotencyWindowMs: null,
  firstAttemptAt: now,
  now,
  retryBaseMs: 30_000,
};

describe('backoffMs', () => {
  it.each([
    [1, 30_000],
    [2, 60_000],
    [3, 120_000],
    [20, 3_600_000],
  ])('attempt %i waits %i ms', (attempt, expected) => {
    expect(backoffMs(attempt, 30_000)).toBe(expected);
  });
});

describe('settleFailedAttempt', () => {
  it('fails an auth error at once and asks for a reconnect', () => {
    expect(settleFailedAttempt({ ...base, kind: 'auth' })).toEqual({ targetState: 'failed', notBefore: null, reconnect: true });
  });

  it('fails invalid content at once', () => {
    expect(settleFailedAttempt({ ...base, kind: 'invalid_content' })).toEqual({ targetState: 'failed', notBefore: null, reconnect: false });
  });

  it('retries a rate limit after the time the platform signalled', () => {
    expect(settleFailedAttempt({ ...base, kind: 'rate_limited', retryAfterMs: 900_000 })).toEqual({
      targetState: 'scheduled',
      notBefore: now + 900_000,
      reconnect: false,
    });
  });

  it('waits at least a second after a rate limit that said "now"', () => {
    expect(settleFailedAttempt({ ...base, kind: 'rate_limited', retryAfterMs: 0 })).toMatchObject({ notBefore: now + 1_000 });
  });

  it('retries a transient error with backoff until the attempts run out', () => {
    expect(settleFailedAttempt({ ...base, attempt: 2 })).toEqual({ targetState: 'scheduled', notBefore: now + 60_000, reconnect: false });
    expect(settleFailedAttempt({ ...base, attempt: 5 })).toEqual({ targetState: 'failed', notBefore: null, reconnect: false });
    expect(settleFailedAttempt({ ...base, kind: 'rate_limited', attempt: 5, retryAfterMs: 10 })).toMatchObject({ targetState: 'failed' });
  });

  it('never retries an ambiguous outcome on a platform that does not deduplicate', () => {
    expect(settleFailedAttempt({ ...base, kind: 'ambiguous' })).toEqual({ targetState: 'unconfirmed', notBefore: null, reconnect: false });
    expect(settleFailedAttempt({ ...base, kind: 'unknown' })).toMatchObject({ targetState: 'unconfirmed' });
  });

  it('retries an ambiguous outcome where the platform deduplicates, within its memory', () => {
    const idempotent = { ...base, kind: 'ambiguous' as const, idempotent: true };
    expect(settleFailedAttempt(idempotent)).toEqual({ targetState: 'scheduled', notBefore: now + 30_000, reconnect: false });
    expect(settleFailedAttempt({ ...idempotent, idempotencyWindowMs: 3_600_000 })).toMatchObject({ targetState: 'scheduled' });
    expect(settleFailedAttempt({ ...idempotent, idempotencyWindowMs: 3_600_000, firstAttemptAt: now - 3_580_000 })).toMatchObject({
      targetState: 'unconfirmed',
    });
    expect(settleFailedAttempt({ ...idempotent, attempt: 5 })).toMatchObject({ targetState: 'unconfirmed' });
  });
});
