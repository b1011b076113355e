import type { Request } from 'express';
import { isIPv4, isIPv6 } from 'node:net';

/** Where a request came from, as much as a person's session list needs and no more. */
export interface ClientContext {
  /** Shortened (see `shortenAddress`), so the database never holds a full address. */
  address: string | null;
  userAgent: string | null;
}

/** `request.ip` honours TRUST_PROXY: X-Forwarded-For counts only from the proxies configured there. */
export function clientContext(request: Request): ClientContext {
  const agent = request.headers['user-agent'];
  return {
    address: request.ip ? shortenAddress(request.ip) : null,
    userAgent: typeof agent === 'string' && agent.trim() !== '' ? agent.trim().slice(0, 300) : null,
  };
}

/** IPv4 to its /24 (`192.0.2.x`), IPv6 to its /48 (`2001:db8:1::/48`): enough to recognise a network, not a device. */
export function shortenAddress(ip: string): string | null {
  const address = ip.startsWith('::ffff:') && isIPv4(ip.slice(7)) ? ip.slice(7) : ip;
  if (isIPv4(address)) return `${address.split('.').slice(0, 3).join('.')}.x`;
  if (!isIPv6(address)) return null;
  return `${expandIPv6(address)
    .slice(0, 3)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/48`;
}

/** What attempt limits count by: an IPv4 address, or an IPv6 /64 (one subscriber gets a whole /64). */
export function limitKeyForAddress(ip: string | undefined): string {
  if (!ip) return 'unknown';
  const address = ip.startsWith('::ffff:') && isIPv4(ip.slice(7)) ? ip.slice(7) : ip;
  return isIPv6(address) ? `${expandIPv6(address).slice(0, 4).join(':')}::/64` : address;
}

function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = Math.max(0, 8 - left.length - right.length);
  return [...left, ...Array<string>(missing).fill('0'), ...right];
}

const BROWSERS: Array<[RegExp, string]> = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\bOPR\/|\bOpera\b/, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
  [/Chrome\/|\bCriOS\/|\bChromium\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
  [/^curl\//, 'curl'],
];
const SYSTEMS: Array<[RegExp, string]> = [
  [/\biPhone\b|\biPad\b|\biPod\b/, 'iOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bLinux\b/, 'Linux'],
];

/** "Firefox on Windows", "Safari on iOS"; the first 40 characters when nothing is recognised. */
export function describeUserAgent(agent: string | null): string | null {
  if (!agent) return null;
  const browser = BROWSERS.find(([pattern]) => pattern.test(agent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(agent))?.[1];
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system ?? (agent.length > 40 ? `${agent.slice(0, 40)}…` : agent);
}
