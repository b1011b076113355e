import { isIP } from 'node:net';

import ipaddr from 'ipaddr.js';

/** The environment as the process got it. */
export type Env = Record<string, string | undefined>;

/**
 * Reads one setting at a time from the environment, collecting every problem (so that the operator sees
 * all of them at once in the ConfigError) and answering the fallback for a setting that is wrong.
 */
export class EnvReader {
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
export function emailList(value: string | undefined, name: string, problems: string[]): string[] {
  const items = (value ?? '')
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);
  const bad = items.filter((item) => !/^[^\s@,]+@[^\s@,]+$/.test(item));
  if (bad.length > 0) problems.push(`${name} must be a comma-separated list of e-mail addresses (not "${bad.join('", "')}")`);
  return [...new Set(items.filter((item) => !bad.includes(item)))];
}
