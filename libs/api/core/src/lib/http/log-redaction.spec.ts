import { loggableUrl, redactRequestSecrets } from './log-redaction';

describe('log redaction', () => {
  it('leaves the query of a sign-in callback out (a WordPress application password arrives there)', () => {
    expect(loggableUrl('/api/oauth/callback?state=s&site_url=x&user_login=a&password=abcd efgh')).toBe('/api/oauth/callback?[redacted]');
    expect(redactRequestSecrets({ url: '/api/oauth/callback?code=c', query: { code: 'c' } })).toEqual({
      url: '/api/oauth/callback?[redacted]',
      query: {},
    });
  });

  it('keeps every other address as it is', () => {
    expect(loggableUrl('/api/organizations/o1/calendar?from=2026-01-01')).toBe('/api/organizations/o1/calendar?from=2026-01-01');
    expect(loggableUrl('/api/oauth/callback')).toBe('/api/oauth/callback');
    expect(loggableUrl(undefined)).toBeUndefined();
  });
});
