import { isAbsolute, resolve } from 'node:path';

import { emailList, type Env, EnvReader } from './env-reader';
import { readResultsConfig, type ResultsConfig } from './results-config';

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
  /** Days an external review link (sign-off by an outside person) works: EXTERNAL_REVIEW_VALID_DAYS, 1–30. */
  externalReviewValidDays: number;
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
  /** Results read back from the platforms after publishing (issue 13); see ResultsConfig. */
  results: ResultsConfig;
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
  media: MediaConfig;
}

/**
 * The media library (libs/api/media). Uploads above `maxImageBytes` / `maxVideoBytes` are refused (413).
 * Files live under `dir` unless `s3` is set (MEDIA_S3_BUCKET), then in that S3-compatible bucket.
 * Signed URLs (for platforms that fetch media by URL) live `signedUrlTtlSeconds`.
 */
export interface MediaConfig {
  maxImageBytes: number;
  maxVideoBytes: number;
  dir: string;
  signedUrlTtlSeconds: number;
  s3: {
    bucket: string;
    endpoint: string | null;
    region: string;
    accessKeyId: string | null;
    secretAccessKey: string | null;
    forcePathStyle: boolean;
  } | null;
}

/**
 * Connect flows. X needs an app of this installation (X_CLIENT_ID; X_CLIENT_SECRET for a confidential
 * client); Mastodon needs none (Kadens registers an app per instance). The X addresses are the
 * platform's own unless a test or a proxy replaces them. The redirect URI is `${publicUrl}/api/oauth/callback`.
 */
export interface OAuthConfig {
  x: { clientId: string | null; clientSecret: string | null; authorizeUrl: string; apiUrl: string };
  /** One Facebook app (FACEBOOK_APP_ID/SECRET) signs in both Facebook Pages and Instagram accounts. */
  facebook: { appId: string | null; appSecret: string | null; dialogUrl: string; graphUrl: string };
  linkedin: { clientId: string | null; clientSecret: string | null; oauthUrl: string; apiUrl: string };
}

export const ORGANIZATION_CREATORS = ['operators', 'everyone'] as const;
export type OrganizationCreators = (typeof ORGANIZATION_CREATORS)[number];

export interface PublishingConfig {
  /** How often the dispatcher claims due targets, and how far ahead it enqueues delayed jobs. */
  dispatchIntervalMs: number;
  lookaheadMs: number;
  /** Platform calls one worker process makes at once. */
  concurrency: number;
  /**
   * Jobs a worker takes beyond `concurrency`: claimed while they wait for a platform call to end, so a
   * slot never waits for a claim or an outcome to be written. 0 claims only when a slot is free.
   */
  claimAhead: number;
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
    externalReviewValidDays: reader.int('EXTERNAL_REVIEW_VALID_DAYS', 7, 1, 30),
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
    media: mediaConfig(env, reader, cwd),
    oauth: {
      x: {
        clientId: env['X_CLIENT_ID']?.trim() || null,
        clientSecret: env['X_CLIENT_SECRET']?.trim() || null,
        authorizeUrl: reader.url('X_AUTHORIZE_URL', ['http:', 'https:'], false) ?? 'https://x.com/i/oauth2/authorize',
        apiUrl: (reader.url('X_API_URL', ['http:', 'https:'], false) ?? 'https://api.x.com').replace(/\/$/, ''),
      },
      facebook: {
        appId: env['FACEBOOK_APP_ID']?.trim() || null,
        appSecret: env['FACEBOOK_APP_SECRET']?.trim() || null,
        dialogUrl: (reader.url('FACEBOOK_DIALOG_URL', ['http:', 'https:'], false) ?? 'https://www.facebook.com').replace(/\/$/, ''),
        graphUrl: (reader.url('FACEBOOK_GRAPH_URL', ['http:', 'https:'], false) ?? 'https://graph.facebook.com').replace(/\/$/, ''),
      },
      linkedin: {
        clientId: env['LINKEDIN_CLIENT_ID']?.trim() || null,
        clientSecret: env['LINKEDIN_CLIENT_SECRET']?.trim() || null,
        oauthUrl: (reader.url('LINKEDIN_OAUTH_URL', ['http:', 'https:'], false) ?? 'https://www.linkedin.com').replace(/\/$/, ''),
        apiUrl: (reader.url('LINKEDIN_API_URL', ['http:', 'https:'], false) ?? 'https://api.linkedin.com').replace(/\/$/, ''),
      },
    },
    publishing: {
      dispatchIntervalMs: reader.int('PUBLISH_DISPATCH_INTERVAL_MS', 5_000, 100, 600_000),
      lookaheadMs: reader.int('PUBLISH_LOOKAHEAD_MS', 120_000, 0, 3_600_000),
      concurrency: reader.int('PUBLISH_CONCURRENCY', 50, 1, 1_000),
      claimAhead: reader.int('PUBLISH_CLAIM_AHEAD', 50, 0, 1_000),
      requestTimeoutMs: reader.int('PUBLISH_REQUEST_TIMEOUT_MS', 30_000, 100, 600_000),
      maxAttempts: reader.int('PUBLISH_MAX_ATTEMPTS', 5, 1, 50),
      retryBaseMs: reader.int('PUBLISH_RETRY_BASE_MS', 30_000, 10, 3_600_000),
      reconcileIntervalMs: reader.int('PUBLISH_RECONCILE_INTERVAL_MS', 30_000, 100, 3_600_000),
      stuckAfterMs: reader.int('PUBLISH_STUCK_AFTER_MS', 15 * 60_000, 1_000, 24 * 3_600_000),
      lostJobAfterMs: reader.int('PUBLISH_LOST_JOB_AFTER_MS', 60_000, 1_000, 3_600_000),
    },
    results: readResultsConfig(env, reader, problems),
  };
  if (config.metrics.port !== null && config.metrics.port === config.port && roles.includes('api')) {
    problems.push(`METRICS_PORT must differ from PORT (${config.port}): metrics are not served on the public port`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function mediaConfig(env: Env, reader: EnvReader, cwd: string): MediaConfig {
  const dir = env['MEDIA_DIR']?.trim() || '.data/media';
  const bucket = env['MEDIA_S3_BUCKET']?.trim();
  const endpoint = reader.url('MEDIA_S3_ENDPOINT', ['http:', 'https:'], false);
  return {
    maxImageBytes: reader.int('MEDIA_MAX_IMAGE_MB', 50, 1, 1024) * 1024 * 1024,
    maxVideoBytes: reader.int('MEDIA_MAX_VIDEO_MB', 1024, 1, 100 * 1024) * 1024 * 1024,
    dir: isAbsolute(dir) ? dir : resolve(cwd, dir),
    signedUrlTtlSeconds: reader.int('MEDIA_SIGNED_URL_TTL_MINUTES', 60, 1, 7 * 24 * 60) * 60,
    s3: bucket
      ? {
          bucket,
          endpoint,
          region: env['MEDIA_S3_REGION']?.trim() || 'us-east-1',
          accessKeyId: env['MEDIA_S3_ACCESS_KEY_ID']?.trim() || null,
          secretAccessKey: env['MEDIA_S3_SECRET_ACCESS_KEY']?.trim() || null,
          forcePathStyle: reader.bool('MEDIA_S3_FORCE_PATH_STYLE', endpoint !== null),
        }
      : null,
  };
}
