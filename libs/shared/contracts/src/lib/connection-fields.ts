import type { Platform } from './platform';

/*
 * What a channel's connection form asks for, per platform. The names are exactly those the platform
 * adapters read (libs/api/platforms: `requireCredential`, `requireSetting`, `optionalSetting`); the API
 * refuses any other name, and the web builds its form from the same list.
 */

export type ConnectionFieldType = 'text' | 'integer' | 'choice';

export interface ConnectionField {
  name: string;
  required: boolean;
  /** Shown as a password input and never echoed back; only credentials are secret. */
  secret: boolean;
  type: ConnectionFieldType;
  /** For `choice`: the values allowed. */
  choices?: readonly string[];
  /** For `text`: a regular expression (source) the whole value must match. */
  pattern?: string;
  /** For `integer`: inclusive bounds. */
  min?: number;
  max?: number;
  /** What a value looks like, for the input's placeholder. */
  example?: string;
}

/**
 * The platform's address (`baseUrl`): required for platforms that live on the organisation's own
 * server (a Mastodon instance, a WordPress site, a webhook), optional elsewhere, where it replaces the
 * platform's public API address (`defaultUrl`), e.g. a self-hosted Bluesky PDS.
 */
export interface ConnectionAddress {
  required: boolean;
  defaultUrl: string | null;
  example: string;
}

export interface PlatformConnectionFields {
  address: ConnectionAddress;
  /** Stored encrypted; their values never leave the server. */
  credentials: readonly ConnectionField[];
  /** Stored as they are and shown back. */
  settings: readonly ConnectionField[];
}

export const CONNECTION_BASE_URL_MAX_LENGTH = 2048;
export const CONNECTION_VALUE_MAX_LENGTH = 4096;

const secret = (name: string): ConnectionField => ({ name, required: true, secret: true, type: 'text' });
const login = (name: string, example: string): ConnectionField => ({ name, required: true, secret: false, type: 'text', example });
const setting = (name: string, required: boolean, pattern: string, example: string): ConnectionField => ({
  name,
  required,
  secret: false,
  type: 'text',
  pattern,
  example,
});
const maxCharacters: ConnectionField = {
  name: 'maxCharacters',
  required: false,
  secret: false,
  type: 'integer',
  min: 1,
  max: 100_000,
  example: '500',
};
const language = setting('language', false, '[a-z]{2,3}', 'nb');
const graphVersion = setting('graphVersion', false, 'v\\d+\\.\\d+', 'v24.0');

export const CONNECTION_FIELDS: Readonly<Record<Platform, PlatformConnectionFields>> = {
  facebook: {
    address: { required: false, defaultUrl: 'https://graph.facebook.com', example: 'https://graph.facebook.com' },
    credentials: [secret('accessToken')],
    settings: [setting('pageId', true, '\\d+', '104567890123456'), graphVersion],
  },
  instagram: {
    address: { required: false, defaultUrl: 'https://graph.facebook.com', example: 'https://graph.facebook.com' },
    credentials: [secret('accessToken')],
    settings: [setting('igUserId', true, '\\d+', '17841400000000000'), graphVersion],
  },
  linkedin: {
    address: { required: false, defaultUrl: 'https://api.linkedin.com', example: 'https://api.linkedin.com' },
    credentials: [secret('accessToken')],
    settings: [
      setting('authorUrn', true, 'urn:li:(person|organization):[A-Za-z0-9_-]+', 'urn:li:organization:12345678'),
      setting('linkedinVersion', false, '\\d{6}', '202610'),
    ],
  },
  x: {
    address: { required: false, defaultUrl: 'https://api.x.com', example: 'https://api.x.com' },
    credentials: [secret('accessToken')],
    settings: [setting('username', false, '@?\\w{1,15}', 'fjordvik'), maxCharacters],
  },
  mastodon: {
    address: { required: true, defaultUrl: null, example: 'https://mastodon.social' },
    credentials: [secret('accessToken')],
    settings: [
      { name: 'visibility', required: false, secret: false, type: 'choice', choices: ['public', 'unlisted', 'private'] },
      language,
      maxCharacters,
    ],
  },
  bluesky: {
    address: { required: false, defaultUrl: 'https://bsky.social', example: 'https://bsky.social' },
    credentials: [login('identifier', 'fjordvik.bsky.social'), secret('appPassword')],
    settings: [language],
  },
  wordpress: {
    address: { required: true, defaultUrl: null, example: 'https://www.fjordvik.no' },
    credentials: [login('username', 'redaksjonen'), secret('applicationPassword')],
    settings: [],
  },
  webhook: {
    address: { required: true, defaultUrl: null, example: 'https://example.org/kadens-webhook' },
    credentials: [secret('secret')],
    // `yes`: the receiver answers a repeated Idempotency-Key with its first answer, so an ambiguous delivery may be sent again.
    settings: [{ name: 'deduplicates', required: false, secret: false, type: 'choice', choices: ['yes', 'no'] }],
  },
};

export function connectionFieldsOf(platform: Platform): PlatformConnectionFields {
  return CONNECTION_FIELDS[platform];
}

/** Why a value does not fit its field; `required` is left to the caller, which knows what is stored. */
export type ConnectionValueProblem = 'not_text' | 'empty' | 'too_long' | 'pattern' | 'not_integer' | 'out_of_range' | 'not_a_choice';

/** Checks one credential or setting value against its field. Text is judged (and stored) trimmed. */
export function connectionValueProblem(field: ConnectionField, value: unknown): ConnectionValueProblem | null {
  if (field.type === 'integer') {
    if (typeof value !== 'number' || !Number.isInteger(value)) return 'not_integer';
    return value < (field.min ?? 1) || value > (field.max ?? Number.MAX_SAFE_INTEGER) ? 'out_of_range' : null;
  }
  if (typeof value !== 'string') return 'not_text';
  const text = value.trim();
  if (text === '') return 'empty';
  if (text.length > CONNECTION_VALUE_MAX_LENGTH) return 'too_long';
  if (field.type === 'choice') return field.choices?.includes(text) ? null : 'not_a_choice';
  if (field.pattern !== undefined && !new RegExp(`^(?:${field.pattern})$`).test(text)) return 'pattern';
  return null;
}

/** A base URL the adapters accept: an absolute http(s) address. */
export function isConnectionBaseUrl(value: string): boolean {
  if (value.length > CONNECTION_BASE_URL_MAX_LENGTH) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
