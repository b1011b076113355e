import type { Platform } from '@kadens/shared/contracts';

import type { ChannelConnection } from './platform-adapter';
import { PlatformAuthError } from './platform-errors';

/*
 * A connection that lacks a field or has an unusable address cannot be fixed by retrying; it needs
 * the person who connected the channel, which is what an auth failure ("reconnect needed") asks for.
 */

export function requireCredential(platform: Platform, connection: ChannelConnection, name: string): string {
  const value = connection.credentials[name];
  if (typeof value !== 'string' || value === '') {
    throw new PlatformAuthError(platform, `The connection has no "${name}" credential`, {
      code: 'connection.incomplete',
    });
  }
  return value;
}

export function requireSetting(platform: Platform, connection: ChannelConnection, name: string): string {
  const value = optionalSetting(connection, name);
  if (value === undefined) {
    throw new PlatformAuthError(platform, `The connection has no "${name}" setting`, {
      code: 'connection.incomplete',
    });
  }
  return value;
}

export function optionalSetting(connection: ChannelConnection, name: string): string | undefined {
  const value = connection.settings[name];
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return typeof value === 'number' ? String(value) : undefined;
}

/**
 * The API's address: the connection's override, else the given default. The default is a setting
 * for platforms that live on the customer's own server (Mastodon instance, WordPress site).
 */
export function baseUrlOf(platform: Platform, connection: ChannelConnection, fallback: string | undefined): string {
  const base = connection.baseUrl?.trim() || fallback;
  if (base === undefined) {
    throw new PlatformAuthError(platform, 'The connection has no address', { code: 'connection.incomplete' });
  }
  return base;
}

/**
 * Joins rather than resolves: a WordPress site in `/blog` or a webhook under a path keeps its path.
 * Only http and https are accepted, so a stored address cannot point fetch at a file or data URL.
 */
export function endpoint(platform: Platform, base: string, path: string, query?: Record<string, string>): URL {
  let url: URL;
  try {
    url = new URL(path === '' ? base : base.replace(/\/+$/, '') + path);
  } catch {
    throw new PlatformAuthError(platform, "The connection's address is not a valid URL", {
      code: 'connection.invalid_url',
    });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new PlatformAuthError(platform, `The connection's address must be http or https, not ${url.protocol}`, {
      code: 'connection.invalid_url',
    });
  }
  for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, value);
  return url;
}
