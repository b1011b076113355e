import { type AmbiguousAttempt, settleAmbiguous, withNote } from './ambiguous-settlement';

const NOW = Date.UTC(2026, 11, 7, 12, 0, 0);
const attempt = (extra: Partial<AmbiguousAttempt> = {}): AmbiguousAttempt => ({
  attempt: 1,
  maxAttempts: 5,
  idempotent: false,
  idempotencyWindowMs: null,
  firstAttemptAt: NOW - 60_000,
  now: NOW,
  retryBaseMs: 1_000,
  ...extra,
});

describe('settleAmbiguous', () => {
  it('publishes what the look-up found', () => {
    expect(settleAmbiguous({ kind: 'found', externalId: 'at://x/1', url: null }, attempt())).toEqual({
      published: { externalId: 'at://x/1', url: null },
      note: 'found on the platform by a look-up',
    });
  });

  it('sends again what is not on the platform while attempts are left, and fails it when none are', () => {
    const absent = { kind: 'absent', because: 'not_on_platform' } as const;
    expect(settleAmbiguous(absent, attempt()).settlement).toEqual({ targetState: 'scheduled', notBefore: NOW + 1_000, reconnect: false });
    expect(settleAmbiguous(absent, attempt({ attempt: 5 })).settlement?.targetState).toBe('failed');
  });

  it('sends again to a deduplicating receiver while attempts are left, else leaves it unconfirmed', () => {
    const safe = { kind: 'absent', because: 'repeat_is_safe' } as const;
    expect(settleAmbiguous(safe, attempt()).settlement?.targetState).toBe('scheduled');
    expect(settleAmbiguous(safe, attempt({ attempt: 5 })).settlement?.targetState).toBe('unconfirmed');
  });

  it('keeps the old rule, with the reason, when the look-up did not tell or cannot be made', () => {
    const unknown = { kind: 'unknown', reason: 'HTTP 503' } as const;
    expect(settleAmbiguous(unknown, attempt())).toEqual({
      settlement: { targetState: 'unconfirmed', notBefore: null, reconnect: false },
      note: 'looking it up did not tell: HTTP 503',
    });
    expect(settleAmbiguous(null, attempt({ idempotent: true })).settlement?.targetState).toBe('scheduled');
    expect(settleAmbiguous(null, attempt()).note).toBeNull();
  });

  it('adds the note to the message within the column', () => {
    expect(withNote('Timed out', null)).toBe('Timed out');
    expect(withNote('Timed out', 'found')).toBe('Timed out; found');
    expect(withNote('x'.repeat(2000), 'more')).toHaveLength(2000);
  });
});
