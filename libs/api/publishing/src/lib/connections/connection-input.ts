import {
  type ConnectionField,
  connectionFieldsOf,
  type ConnectionValueProblem,
  connectionValueProblem,
  type FieldError,
  isConnectionBaseUrl,
  type Platform,
  type SaveChannelConnectionRequest,
} from '@kadens/shared/contracts';
import { BadRequestException } from '@nestjs/common';

export type SettingValue = string | number | boolean;

/** What is stored now, as far as checking a change needs it (credential values are not needed). */
export interface StoredConnection {
  baseUrl: string | null;
  settings: Record<string, SettingValue>;
  credentialNames: readonly string[];
}

/** A checked save: what to store, and which stored credentials to carry over (the caller decrypts them). */
export interface ConnectionChange {
  baseUrl: string | null;
  settings: Record<string, string | number>;
  /** The credentials the request gave, trimmed. */
  givenCredentials: Record<string, string>;
  /** Credentials of the platform the request left out and that are stored: they keep their values. */
  keptCredentialNames: string[];
}

const PROBLEM_MESSAGES: Record<ConnectionValueProblem, (field: ConnectionField) => string> = {
  not_text: () => 'must be a string',
  empty: (field) => (field.secret || field.required ? 'must not be empty; leave it out to keep what is stored' : 'must not be empty'),
  too_long: () => 'is too long',
  pattern: (field) => `does not look right${field.example ? ` (for example ${field.example})` : ''}`,
  not_integer: () => 'must be a whole number',
  out_of_range: (field) => `must be between ${field.min ?? 1} and ${field.max ?? Number.MAX_SAFE_INTEGER}`,
  not_a_choice: (field) => `must be one of: ${(field.choices ?? []).join(', ')}`,
};

/**
 * Checks a save against the platform's fields (see `CONNECTION_FIELDS`) and what is stored. Left out,
 * the address and the settings stay as stored, and so does each credential; given, the settings
 * replace the stored ones (an empty or null value clears an optional one). Unknown names, missing
 * required fields and bad values are one 400 naming every field (`credentials.accessToken`).
 */
export function checkConnectionChange(
  platform: Platform,
  input: SaveChannelConnectionRequest,
  stored: StoredConnection | null,
): ConnectionChange {
  const fields = connectionFieldsOf(platform);
  const errors: FieldError[] = [];
  const refuse = (field: string, message: string) => errors.push({ field, messages: [message] });

  let baseUrl = stored?.baseUrl ?? null;
  if (input.baseUrl !== undefined) {
    const given = typeof input.baseUrl === 'string' ? input.baseUrl.trim() : input.baseUrl;
    if (given === null || given === '') baseUrl = null;
    else if (typeof given === 'string' && isConnectionBaseUrl(given)) baseUrl = given;
    else refuse('baseUrl', 'must be an http or https address (for example https://mastodon.social)');
  }
  if (baseUrl === null && fields.address.required && !errors.some((error) => error.field === 'baseUrl')) {
    refuse('baseUrl', `is required for ${platform} (for example ${fields.address.example})`);
  }

  const settings: Record<string, string | number> = {};
  const givenSettings: Record<string, unknown> = input.settings ?? stored?.settings ?? {};
  for (const [name, value] of Object.entries(givenSettings)) {
    const field = fields.settings.find((candidate) => candidate.name === name);
    if (!field) {
      // A stored setting the platform no longer reads is dropped; a given one is a mistake.
      if (input.settings !== undefined) refuse(`settings.${name}`, unknownName('setting', platform, fields.settings));
      continue;
    }
    if (value === null || value === '') continue;
    const problem = connectionValueProblem(field, value);
    if (problem) refuse(`settings.${name}`, PROBLEM_MESSAGES[problem](field));
    else settings[name] = typeof value === 'string' ? value.trim() : (value as number);
  }
  for (const field of fields.settings) {
    if (field.required && settings[field.name] === undefined && !errors.some((error) => error.field === `settings.${field.name}`)) {
      refuse(`settings.${field.name}`, `is required for ${platform}`);
    }
  }

  const givenCredentials: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.credentials ?? {})) {
    const field = fields.credentials.find((candidate) => candidate.name === name);
    if (!field) {
      refuse(`credentials.${name}`, unknownName('credential', platform, fields.credentials));
      continue;
    }
    const problem = connectionValueProblem(field, value);
    if (problem) refuse(`credentials.${name}`, PROBLEM_MESSAGES[problem](field));
    else givenCredentials[name] = (value as string).trim();
  }
  const keptCredentialNames: string[] = [];
  for (const field of fields.credentials) {
    if (givenCredentials[field.name] !== undefined || errors.some((error) => error.field === `credentials.${field.name}`)) continue;
    if (stored?.credentialNames.includes(field.name)) keptCredentialNames.push(field.name);
    else if (field.required) refuse(`credentials.${field.name}`, `is required for ${platform}`);
  }

  if (errors.length > 0) {
    const summary = errors.map((error) => `${error.field}: ${error.messages.join('; ')}`).join(' | ');
    throw new BadRequestException({ message: summary, code: 'validation_failed', errors });
  }
  return { baseUrl, settings, givenCredentials, keptCredentialNames };
}

function unknownName(kind: 'credential' | 'setting', platform: Platform, fields: readonly ConnectionField[]): string {
  const known = fields.map((field) => field.name);
  return `is not a ${kind} of ${platform}${known.length > 0 ? ` (expected ${known.join(', ')})` : ` (it takes none)`}`;
}
