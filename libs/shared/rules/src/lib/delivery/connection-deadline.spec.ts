import { connectionDeadline, targetAtRisk } from './connection-deadline';

describe('connection deadline and targets at risk', () => {
  const expiresAt = '2027-03-01T12:00:00.000Z';

  it('is the expiry of a connection nothing renews, and none for renewing or unknown ones', () => {
    expect(connectionDeadline({ expiresAt, credentialNames: ['accessToken'] })).toBe(Date.parse(expiresAt));
    expect(connectionDeadline({ expiresAt, credentialNames: ['accessToken', 'refreshToken'] })).toBeNull();
    expect(connectionDeadline({ expiresAt, credentialNames: ['accessJwt', 'refreshJwt'] })).toBeNull();
    expect(connectionDeadline({ expiresAt: null, credentialNames: ['accessToken'] })).toBeNull();
    expect(connectionDeadline(null)).toBeNull();
  });

  it('marks targets still to go out at or after the deadline, not those before it or already on their way out', () => {
    const deadline = Date.parse(expiresAt);
    expect(targetAtRisk('scheduled', expiresAt, deadline)).toBe(true);
    expect(targetAtRisk('pending', '2027-03-02T08:00:00.000Z', deadline)).toBe(true);
    expect(targetAtRisk('queued', '2027-03-01T11:59:59.000Z', deadline)).toBe(false);
    expect(targetAtRisk('publishing', '2027-03-02T08:00:00.000Z', deadline)).toBe(false);
    expect(targetAtRisk('published', '2027-03-02T08:00:00.000Z', deadline)).toBe(false);
    expect(targetAtRisk('scheduled', null, deadline)).toBe(false);
    expect(targetAtRisk('scheduled', expiresAt, null)).toBe(false);
  });
});
