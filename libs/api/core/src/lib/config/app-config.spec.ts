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
});
