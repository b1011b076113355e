import { isIP } from 'node:net';
import { isAbsolute, resolve } from 'node:path';

import ipaddr from 'ipaddr.js';

export const APP_ROLES = ['api', 'worker', 'scheduler'] as const;
export type AppRole = (typeof APP_ROLES)[number];

export interface AppConfig {
  port: number;
  host: string;
  roles: AppRole[];
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  database: { url: string; migrate: boolean; poolSize: number };
  /** `prefix` namespaces every key, so several installations (or test runs) can share one Redis. */
  redis: { url: string | null; prefix: string };
  auth: {
    sessionTtlHours: number;
    cookieSecure: boolean;
    /** Every login attempt from one address, per minute (429 above it). */
    loginAttemptsPerAddress: number;
    /** Failed logins for one e-mail address within `loginFailureWindowMinutes` before it answers 429. */
    loginFailuresPerAccount: number;
    loginFailureWindowMinutes: number;
    /** Password-reset requests per hour, from one address and for one e-mail address. */
    resetRequestsPerAddress: number;
    resetRequestsPerAccount: number;
  };
  seedDemo: boolean;
  /**
   * Who runs this installation: `operatorEmails` (lower-cased) see the queue dashboard; only they may
   * create organisations unless `organizationCreators` is `everyone`.
   */
  installation: { operatorEmails: string[]; organizationCreators: OrganizationCreators };
  /** Where people reach the web app; links in e-mails point here. */
  publicUrl: string;
  mail: { smtpUrl: string | null; from: string };
  /** The built web app to serve at `/`; null when it is not built (API only). */
  webDist: string | null;
  bodyLimitKb: number;
  /**
   * Express `trust proxy`: which hops may set X-Forwarded-For/-Proto. `false` (the default) trusts none;
   * a number trusts that many hops; a string is a comma-separated list of `loopback`, `linklocal`,
   * `uniquelocal`, addresses or CIDR ranges.
   */
  trustProxy: boolean | number | string;
  /** HSTS on every response: derived from an https PUBLIC_URL. */
  hsts: boolean;
  /** AES-256-GCM key for channel credentials (32 bytes); null means credentials cannot be saved or used. */
  credentialsKey: Buffer | null;
  publishing: PublishingConfig;
  /**
   * Requests made on a user's behalf (libs/api/outbound). `allowHosts`: host names, IP addresses and
   * CIDR ranges Kadens may reach although they are private, loopback, link-local…; `maxResponseBytes`:
   * the longest answer read.
   */
  outbound: { allowHosts: string[]; maxResponseBytes: number };
  /** Prometheus `/metrics` on a port of its own, never the public one; `port` null: off. */
  metrics: { port: number | null; host: string };
  /** A file this process rewrites every few seconds while it is ready (null: none); `healthcheck.mjs` reads it. */
  healthFile: string | null;
  /** The platforms' OAuth apps (installation settings); see OAuthConfig. */
  oauth: OAuthConfig;
}

/**
 * Connect flows. X needs an app of this installation (X_CLIENT_ID; X_CLIENT_SECRET for a confidential
 * client); Mastodon needs none (Kadens registers an app per instance). The X addresses are the
 * platform's own unless a test or a proxy replaces them. The redirect URI is `${publicUrl}/api/oauth/callback`.
 */
export interface OAuthConfig {
  x: { clientId: string | null; clientSecret: string | null; authorizeUrl: string; apiUrl: string };
}

export const ORGANIZATION_CREATORS = ['operators', 'everyone'] as const;
export type OrganizationCreators = (typeof ORGANIZATION_CREATORS)[number];

export interface PublishingConfig {
  /** How often the dispatcher claims due targets, and how far ahead it enqueues delayed jobs. */
  dispatchIntervalMs: number;
  lookaheadMs: number;
  /** Targets one worker process publishes at once. */
  concurrency: number;
  /** Each HTTP call an adapter makes. */
  requestTimeoutMs: number;
  /** Automatic tries of a target before it fails (rate limits and transient errors). */
  maxAttempts: number;
  /** First retry delay; doubles per attempt. */
  retryBaseMs: number;
  reconcileIntervalMs: number;
  /** An attempt silent for this long is settled by the reconciler: retried if the platform deduplicates, else unconfirmed. */
  stuckAfterMs: number;
  /** A queued target whose job is missing this long after its time is enqueued again. */
  lostJobAfterMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Reads and validates the environment once, at boot. Every problem is collected so that one start
 * names every bad variable, instead of failing on them one at a time.
 */
export function loadAppConfig(env: Env, cwd: string): AppConfig {
  const problems: string[] = [];
  const reader = new EnvReader(env, problems);

  const databaseUrl = reader.url('DATABASE_URL', ['postgres:', 'postgresql:'], true);
  const redisUrl = reader.url('REDIS_URL', ['redis:', 'rediss:'], false);
  const roles = reader.list('APP_ROLES', APP_ROLES, ['api', 'worker', 'scheduler']);
  const webDist = env['WEB_DIST'] ?? 'dist/web/browser';
  const publicUrl = (reader.url('PUBLIC_URL', ['http:', 'https:'], false) ?? `http://localhost:${env['PORT'] || 3000}`).replace(/\/$/, '');
  const https = publicUrl.startsWith('https:');

  const config: AppConfig = {
    port: reader.int('PORT', 3000, 1, 65535),
    host: env['HOST'] || '0.0.0.0',
    roles,
    logLevel: reader.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    database: {
      url: databaseUrl ?? '',
      migrate: reader.bool('DATABASE_MIGRATE', true),
      poolSize: reader.int('DATABASE_POOL_SIZE', 10, 1, 200),
    },
    redis: { url: redisUrl, prefix: env['REDIS_PREFIX']?.trim() || 'kadens' },
    auth: {
      sessionTtlHours: reader.int('SESSION_TTL_HOURS', 24 * 14, 1, 24 * 365),
      // Secure whenever people reach Kadens over https; COOKIE_SECURE overrides (e.g. true behind a proxy).
      cookieSecure: reader.bool('COOKIE_SECURE', https),
      loginAttemptsPerAddress: reader.int('LOGIN_ATTEMPTS_PER_ADDRESS', 30, 1, 100_000),
      loginFailuresPerAccount: reader.int('LOGIN_FAILURES_PER_ACCOUNT', 10, 1, 10_000),
      loginFailureWindowMinutes: reader.int('LOGIN_FAILURE_WINDOW_MINUTES', 15, 1, 24 * 60),
      resetRequestsPerAddress: reader.int('PASSWORD_RESET_REQUESTS_PER_ADDRESS', 10, 1, 10_000),
      resetRequestsPerAccount: reader.int('PASSWORD_RESET_REQUESTS_PER_ACCOUNT', 3, 1, 1_000),
    },
    seedDemo: reader.bool('KADENS_SEED_DEMO', false),
    installation: {
      operatorEmails: emailList(env['OPERATOR_EMAILS'], 'OPERATOR_EMAILS', problems),
      organizationCreators: reader.oneOf('ORGANIZATION_CREATORS', ORGANIZATION_CREATORS, 'operators'),
    },
    publicUrl,
    mail: { smtpUrl: reader.url('SMTP_URL', ['smtp:', 'smtps:'], false), from: env['MAIL_FROM']?.trim() || 'Kadens <no-reply@localhost>' },
    webDist: webDist === '' ? null : isAbsolute(webDist) ? webDist : resolve(cwd, webDist),
    bodyLimitKb: reader.int('BODY_LIMIT_KB', 256, 1, 100_000),
    trustProxy: reader.trustProxy('TRUST_PROXY'),
    hsts: https,
    credentialsKey: reader.key('CREDENTIALS_KEY'),
    outbound: {
      allowHosts: reader.hostList('OUTBOUND_ALLOW_HOSTS'),
      maxResponseBytes: reader.int('OUTBOUND_MAX_RESPONSE_KB', 1024, 1, 1024 * 1024) * 1024,
    },
    metrics: {
      port: env['METRICS_PORT']?.trim() ? reader.int('METRICS_PORT', 9464, 1, 65535) : null,
      host: env['METRICS_HOST']?.trim() || '0.0.0.0',
    },
    healthFile: env['HEALTH_FILE']?.trim() || null,
    oauth: {
      x: {
        clientId: env['X_CLIENT_ID']?.trim() || null,
        clientSecret: env['X_CLIENT_SECRET']?.trim() || null,
        authorizeUrl: reader.url('X_AUTHORIZE_URL', ['http:', 'https:'], false) ?? 'https://x.com/i/oauth2/authorize',
        apiUrl: (reader.url('X_API_URL', ['http:', 'https:'], false) ?? 'https://api.x.com').replace(/\/$/, ''),
      },
    },
    publishing: {
      dispatchIntervalMs: reader.int('PUBLISH_DISPATCH_INTERVAL_MS', 5_000, 100, 600_000),
      lookaheadMs: reader.int('PUBLISH_LOOKAHEAD_MS', 120_000, 0, 3_600_000),
      concurrency: reader.int('PUBLISH_CONCURRENCY', 50, 1, 1_000),
      requestTimeoutMs: reader.int('PUBLISH_REQUEST_TIMEOUT_MS', 30_000, 100, 600_000),
      maxAttempts: reader.int('PUBLISH_MAX_ATTEMPTS', 5, 1, 50),
      retryBaseMs: reader.int('PUBLISH_RETRY_BASE_MS', 30_000, 10, 3_600_000),
      reconcileIntervalMs: reader.int('PUBLISH_RECONCILE_INTERVAL_MS', 30_000, 100, 3_600_000),
      stuckAfterMs: reader.int('PUBLISH_STUCK_AFTER_MS', 15 * 60_000, 1_000, 24 * 3_600_000),
      lostJobAfterMs: reader.int('PUBLISH_LOST_JOB_AFTER_MS', 60_000, 1_000, 3_600_000),
    },
  };
  if (config.metrics.port !== null && config.metrics.port === config.port && roles.includes('api')) {
    problems.push(`METRICS_PORT must differ from PORT (${config.port}): metrics are not served on the public port`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

class EnvReader {
  constructor(
    private readonly env: Env,
    private readonly problems: string[],
  ) {}

  private raw(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max} (got "${value}")`);
      return fallback;
    }
    return parsed;
  }

  bool(name: string, fallback: boolean): boolean {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (['true', '1', 'yes'].includes(value)) return true;
    if (['false', '0', 'no'].includes(value)) return false;
    this.problems.push(`${name} must be true or false (got "${value}")`);
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.problems.push(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
    return fallback;
  }

  list<T extends string>(name: string, allowed: readonly T[], fallback: T[]): T[] {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const items = value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
    const unknown = items.filter((item) => !(allowed as readonly string[]).includes(item));
    if (items.length === 0 || unknown.length > 0) {
      this.problems.push(`${name} must be a comma-separated list of ${allowed.join(', ')} (got "${value}")`);
      return fallback;
    }
    return [...new Set(items)] as T[];
  }

  /** `false`/`0`/unset: trust no proxy; a hop count; or a list of `loopback`, `linklocal`, `uniquelocal`, IPs and CIDRs. */
  trustProxy(name: string): boolean | number | string {
    const value = this.raw(name);
    if (value === undefined || ['false', 'no', '0'].includes(value.toLowerCase())) return false;
    if (/^\d+$/.test(value)) return Number(value);
    const items = value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
    const valid = items.every((item) => ['loopback', 'linklocal', 'uniquelocal'].includes(item) || isIpOrCidr(item));
    if (items.length === 0 || !valid || value.toLowerCase() === 'true') {
      this.problems.push(
        `${name} must be a hop count, or a comma-separated list of loopback, linklocal, uniquelocal, IP addresses and CIDR ranges (got "${value}"); "true" (trust everyone) is not allowed`,
      );
      return false;
    }
    return items.join(', ');
  }

  /** A comma-separated list of host names, IP addresses and CIDR ranges (OUTBOUND_ALLOW_HOSTS); empty by default. */
  hostList(name: string): string[] {
    const value = this.raw(name);
    if (value === undefined) return [];
    const items = value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
    const bad = items.filter((item) => !isHostNameIpOrCidr(item));
    if (bad.length > 0) {
      this.problems.push(
        `${name} must be a comma-separated list of host names, IP addresses and CIDR ranges (not ${bad.map((item) => `"${item}"`).join(', ')})`,
      );
      return [];
    }
    return [...new Set(items)];
  }

  /** 32 bytes as base64 or 64 hex digits (`openssl rand -base64 32`). */
  key(name: string): Buffer | null {
    const value = this.raw(name);
    if (value === undefined) return null;
    const bytes = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
    if (bytes.length !== 32) {
      this.problems.push(`${name} must be 32 bytes, as base64 or 64 hex digits (e.g. openssl rand -base64 32)`);
      return null;
    }
    return bytes;
  }

  url(name: string, protocols: string[], required: boolean): string | null {
    const value = this.raw(name);
    if (value === undefined) {
      if (required) this.problems.push(`${name} is required (e.g. postgres://user:password@host:5432/kadens)`);
      return null;
    }
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol)) {
        this.problems.push(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
        return null;
      }
      return value;
    } catch {
      this.problems.push(`${name} is not a valid URL`);
      return null;
    }
  }
}

function isIpOrCidr(item: string): boolean {
  const [address, bits, ...rest] = item.split('/');
  if (rest.length > 0 || !address) return false;
  const version = isIP(address);
  if (version === 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
}

const HOST_NAME = /^(?=.{1,253}\.?$)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*\.?$/i;

function isHostNameIpOrCidr(item: string): boolean {
  const text = item.replace(/^\[(.*)\]$/, '$1');
  if (text.includes('/')) return ipaddr.isValidCIDR(text);
  return ipaddr.isValid(text) || HOST_NAME.test(text);
}

/** A comma-separated list of e-mail addresses, lower-cased (e-mails are stored lower-cased too). */
function emailList(value: string | undefined, name: string, problems: string[]): string[] {
  const items = (value ?? '')
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);
  const bad = items.filter((item) => !/^[^\s@,]+@[^\s@,]+$/.test(item));
  if (bad.length > 0) problems.push(`${name} must be a comma-separated list of e-mail addresses (not "${bad.join('", "')}")`);
  return [...new Set(items.filter((item) => !bad.includes(item)))];
}
