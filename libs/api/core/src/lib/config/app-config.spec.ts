import { ConfigError, loadAppConfig } from './app-config';

const base = { DATABASE_URL: 'postgres://kadens@127.0.0.1:5432/kadens' };

describe('loadAppConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadAppConfig(base, '/srv/kadens');
    expect(config.port).toBe(3000);
    expect(config.roles).toEqual(['api', 'worker', 'scheduler']);
    expect(config.redis.url).toBeNull();
    expect(config.database.migrate).toBe(true);
    expect(config.webDist).toBe('/srv/kadens/dist/web/browser');
    expect(config.auth.sessionTtlHours).toBe(336);
  });

  it('reads every variable it documents', () => {
    const config = loadAppConfig(
      { ...base, PORT: '8080', APP_ROLES: 'worker', REDIS_URL: 'redis://127.0.0.1:6379', COOKIE_SECURE: 'true', WEB_DIST: '' },
      '/',
    );
    expect(config).toMatchObject({ port: 8080, roles: ['worker'], redis: { url: 'redis://127.0.0.1:6379' }, webDist: null });
    expect(config.auth.cookieSecure).toBe(true);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ APP_ROLES: 'api,painter' }, 'APP_ROLES'],
    [{ REDIS_URL: 'http://localhost' }, 'REDIS_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ DATABASE_URL: '' }, 'DATABASE_URL'],
    [{ COOKIE_SECURE: 'maybe' }, 'COOKIE_SECURE'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('names the bad variable in %j', (override, variable) => {
    expect(() => loadAppConfig({ ...base, ...override }, '/')).toThrow(new RegExp(variable));
  });

  it('names every bad variable at once', () => {
    const attempt = () => loadAppConfig({ PORT: 'x', APP_ROLES: 'nope' }, '/');
    expect(attempt).toThrow(ConfigError);
    for (const variable of ['PORT', 'APP_ROLES', 'DATABASE_URL']) expect(attempt).toThrow(new RegExp(variable));
  });

  it('reads the X app of the installation; without X_CLIENT_ID there is none, and the X addresses are the platform’s own', () => {
    expect(loadAppConfig(base, '/').oauth.x).toEqual({
      clientId: null,
      clientSecret: null,
      authorizeUrl: 'https://x.com/i/oauth2/authorize',
      apiUrl: 'https://api.x.com',
    });
    expect(
      loadAppConfig({ ...base, X_CLIENT_ID: ' abc ', X_CLIENT_SECRET: 's3cret', X_API_URL: 'http://127.0.0.1:9/' }, '/').oauth.x,
    ).toMatchObject({
      clientId: 'abc',
      clientSecret: 's3cret',
      apiUrl: 'http://127.0.0.1:9',
    });
    expect(() => loadAppConfig({ ...base, X_AUTHORIZE_URL: 'ftp://x.com' }, '/')).toThrow(/X_AUTHORIZE_URL/);
  });

  it('reads the Facebook and LinkedIn apps; without them there are none, and the addresses are the platforms’ own', () => {
    expect(loadAppConfig(base, '/').oauth).toMatchObject({
      facebook: { appId: null, appSecret: null, dialogUrl: 'https://www.facebook.com', graphUrl: 'https://graph.facebook.com' },
      linkedin: { clientId: null, clientSecret: null, oauthUrl: 'https://www.linkedin.com', apiUrl: 'https://api.linkedin.com' },
    });
    const configured = loadAppConfig(
      { ...base, FACEBOOK_APP_ID: ' 123 ', FACEBOOK_APP_SECRET: 'fb', LINKEDIN_CLIENT_ID: 'li', LINKEDIN_API_URL: 'http://127.0.0.1:9/' },
      '/',
    ).oauth;
    expect(configured.facebook).toMatchObject({ appId: '123', appSecret: 'fb' });
    expect(configured.linkedin).toMatchObject({ clientId: 'li', clientSecret: null, apiUrl: 'http://127.0.0.1:9' });
    expect(() => loadAppConfig({ ...base, FACEBOOK_GRAPH_URL: 'file:///etc' }, '/')).toThrow(/FACEBOOK_GRAPH_URL/);
  });

  it('keeps metrics off and no health file unless asked, and never serves metrics on the public port', () => {
    expect(loadAppConfig(base, '/')).toMatchObject({ metrics: { port: null }, healthFile: null });
    expect(
      loadAppConfig({ ...base, METRICS_PORT: '9464', METRICS_HOST: '127.0.0.1', HEALTH_FILE: '/tmp/kadens-health' }, '/'),
    ).toMatchObject({
      metrics: { port: 9464, host: '127.0.0.1' },
      healthFile: '/tmp/kadens-health',
    });
    expect(() => loadAppConfig({ ...base, METRICS_PORT: 'none' }, '/')).toThrow(/METRICS_PORT/);
    expect(() => loadAppConfig({ ...base, METRICS_PORT: '3000' }, '/')).toThrow(/METRICS_PORT must differ from PORT/);
    expect(loadAppConfig({ ...base, METRICS_PORT: '3000', APP_ROLES: 'worker' }, '/').metrics.port).toBe(3000);
  });

  it('allows no outbound exception by default and reads host names, addresses and ranges', () => {
    expect(loadAppConfig(base, '/').outbound).toEqual({ allowHosts: [], maxResponseBytes: 1024 * 1024 });
    const config = loadAppConfig(
      { ...base, OUTBOUND_ALLOW_HOSTS: ' wp.intranet.example , 127.0.0.1,10.0.0.0/8,[::1]', OUTBOUND_MAX_RESPONSE_KB: '64' },
      '/',
    );
    expect(config.outbound).toEqual({
      allowHosts: ['wp.intranet.example', '127.0.0.1', '10.0.0.0/8', '[::1]'],
      maxResponseBytes: 64 * 1024,
    });
    expect(() => loadAppConfig({ ...base, OUTBOUND_ALLOW_HOSTS: 'ok.example,http://x/,10.0.0.0/99' }, '/')).toThrow(
      /OUTBOUND_ALLOW_HOSTS.*"http:\/\/x\/", "10.0.0.0\/99"/,
    );
    expect(() => loadAppConfig({ ...base, OUTBOUND_MAX_RESPONSE_KB: '0' }, '/')).toThrow(/OUTBOUND_MAX_RESPONSE_KB/);
  });

  it('has no operators and lets only operators create organisations by default', () => {
    expect(loadAppConfig(base, '/').installation).toEqual({ operatorEmails: [], organizationCreators: 'operators' });
    const config = loadAppConfig(
      { ...base, OPERATOR_EMAILS: ' Ada@Example.no, ops@example.no,ada@example.no ', ORGANIZATION_CREATORS: 'everyone' },
      '/',
    );
    expect(config.installation).toEqual({ operatorEmails: ['ada@example.no', 'ops@example.no'], organizationCreators: 'everyone' });
    expect(() => loadAppConfig({ ...base, OPERATOR_EMAILS: 'ada@example.no,nobody' }, '/')).toThrow(/OPERATOR_EMAILS.*"nobody"/);
    expect(() => loadAppConfig({ ...base, ORGANIZATION_CREATORS: 'admins' }, '/')).toThrow(/ORGANIZATION_CREATORS/);
  });

  it('limits logins per address and per account, and reset requests', () => {
    expect(loadAppConfig(base, '/').auth).toMatchObject({
      loginAttemptsPerAddress: 30,
      loginFailuresPerAccount: 10,
      loginFailureWindowMinutes: 15,
      resetRequestsPerAddress: 10,
      resetRequestsPerAccount: 3,
    });
    expect(() => loadAppConfig({ ...base, LOGIN_FAILURES_PER_ACCOUNT: '0' }, '/')).toThrow(/LOGIN_FAILURES_PER_ACCOUNT/);
  });

  it('trusts no proxy by default, and reads a hop count or a list of ranges for TRUST_PROXY', () => {
    expect(loadAppConfig(base, '/').trustProxy).toBe(false);
    expect(loadAppConfig({ ...base, TRUST_PROXY: '0' }, '/').trustProxy).toBe(false);
    expect(loadAppConfig({ ...base, TRUST_PROXY: '2' }, '/').trustProxy).toBe(2);
    expect(loadAppConfig({ ...base, TRUST_PROXY: 'loopback, 10.0.0.0/8,fd00::/8, 192.0.2.1' }, '/').trustProxy).toBe(
      'loopback, 10.0.0.0/8, fd00::/8, 192.0.2.1',
    );
    for (const bad of ['true', 'everyone', '10.0.0.0/33', 'loopback,example.com'])
      expect(() => loadAppConfig({ ...base, TRUST_PROXY: bad }, '/')).toThrow(/TRUST_PROXY/);
  });

  it('sends HSTS and marks the cookie Secure when PUBLIC_URL is https; COOKIE_SECURE overrides the cookie', () => {
    expect(loadAppConfig(base, '/')).toMatchObject({ hsts: false, auth: { cookieSecure: false } });
    expect(loadAppConfig({ ...base, PUBLIC_URL: 'https://kadens.example' }, '/')).toMatchObject({
      hsts: true,
      auth: { cookieSecure: true },
    });
    expect(loadAppConfig({ ...base, PUBLIC_URL: 'https://kadens.example', COOKIE_SECURE: 'false' }, '/').auth.cookieSecure).toBe(false);
    expect(loadAppConfig({ ...base, PUBLIC_URL: 'http://kadens.lan', COOKIE_SECURE: 'true' }, '/')).toMatchObject({
      hsts: false,
      auth: { cookieSecure: true },
    });
  });
});
