import type { LinkPreview } from '@kadens/shared/contracts';

import type { OutboundClient } from '../outbound-client';
import { outboundRefusalOf, responseTooLargeOf } from '../outbound-errors';
import { declaredCharset, readPageMeta } from './page-meta';

/** The most HTML read for a card; a longer page fails with `link_too_large`. */
export const LINK_PREVIEW_MAX_HTML_BYTES = 512 * 1024;
export const LINK_PREVIEW_TIMEOUT_MS = 8_000;
export const LINK_PREVIEW_MAX_REDIRECTS = 3;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const HTML_TYPES = ['text/html', 'application/xhtml+xml'];

export type LinkPreviewFailureCode =
  'link_refused' | 'link_unreachable' | 'link_status' | 'link_too_large' | 'link_not_html' | 'link_too_many_redirects';

/** The page could not be read for a card; `code` says why, the message names the address. */
export class LinkPreviewError extends Error {
  constructor(
    readonly code: LinkPreviewFailureCode,
    message: string,
  ) {
    super(message);
    this.name = 'LinkPreviewError';
  }
}

export interface LinkPreviewLimits {
  maxHtmlBytes?: number;
  timeoutMs?: number;
}

/**
 * Reads the card of an http(s) page through the guarded client: every hop (at most three redirects,
 * followed here so each is counted and each connects through the guard) gets the address check; the
 * HTML is read up to 512 KB within the time limit and decoded by its declared charset. Rejects with
 * `LinkPreviewError` (its `code`) whatever goes wrong — the caller decides whether that matters.
 */
export async function fetchLinkPreview(client: OutboundClient, url: string, limits: LinkPreviewLimits = {}): Promise<LinkPreview> {
  const maxResponseBytes = limits.maxHtmlBytes ?? LINK_PREVIEW_MAX_HTML_BYTES;
  const deadline = Date.now() + (limits.timeoutMs ?? LINK_PREVIEW_TIMEOUT_MS);
  let current = httpUrl(url);
  for (let hop = 0; ; hop++) {
    const response = await attempt(current, () =>
      client.fetch(current, {
        redirect: 'manual',
        maxResponseBytes,
        timeoutMs: Math.max(1, deadline - Date.now()),
        headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1', 'user-agent': 'Kadens link preview' },
      }),
    );
    const location = response.headers.get('location');
    if (REDIRECTS.has(response.status) && location !== null) {
      if (hop >= LINK_PREVIEW_MAX_REDIRECTS)
        throw new LinkPreviewError('link_too_many_redirects', `${url} redirects more than ${LINK_PREVIEW_MAX_REDIRECTS} times`);
      current = httpUrl(new URL(location, current).href);
      continue;
    }
    if (!response.ok) throw new LinkPreviewError('link_status', `${current.href} answered HTTP ${response.status}`);
    const type = response.headers.get('content-type');
    if (!HTML_TYPES.some((html) => (type ?? '').toLowerCase().startsWith(html)))
      throw new LinkPreviewError('link_not_html', `${current.href} is not an HTML page (${type ?? 'no Content-Type'})`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const html = new TextDecoder(declaredCharset(type, bytes)).decode(bytes);
    return readPageMeta(html, current.href);
  }
}

function httpUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new LinkPreviewError('link_unreachable', `${value} is not an address`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new LinkPreviewError('link_unreachable', `Only http and https links have cards, not ${url.protocol}`);
  return url;
}

async function attempt(url: URL, call: () => Promise<Response>): Promise<Response> {
  try {
    return await call();
  } catch (error) {
    const refusal = outboundRefusalOf(error);
    if (refusal !== null) throw new LinkPreviewError('link_refused', `${url.host}: ${refusal.message}`);
    if (responseTooLargeOf(error) !== null) throw new LinkPreviewError('link_too_large', `${url.href} is larger than a card is read`);
    const reason = error instanceof Error && error.name === 'TimeoutError' ? 'did not answer in time' : 'could not be reached';
    throw new LinkPreviewError('link_unreachable', `${url.href} ${reason}`);
  }
}
