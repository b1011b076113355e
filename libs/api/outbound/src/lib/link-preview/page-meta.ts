import type { LinkPreview } from '@kadens/shared/contracts';
import { Parser } from 'htmlparser2';

const MAX_TITLE = 300;
const MAX_DESCRIPTION = 1000;

/**
 * The card a page describes, read from its HTML with a real parser (htmlparser2: entities decoded,
 * attributes in any order or quoting): `og:title` → `twitter:title` → `<title>`; `og:description` →
 * `twitter:description` → meta description; `og:image` (or `og:image:url`/`og:image:secure_url`) →
 * `twitter:image`, resolved against the page's address (or its `<base href>`); `og:site_name`.
 * Pure: no I/O. Only http(s) image and page addresses are kept.
 */
export function readPageMeta(html: string, pageUrl: string): LinkPreview {
  const meta = new Map<string, string>();
  let title = '';
  let inTitle = false;
  let titleDone = false;
  let base = pageUrl;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'title' && !titleDone) inTitle = true;
        if (name === 'base' && attributes['href'] && base === pageUrl) base = absoluteHttpUrl(attributes['href'], pageUrl) ?? pageUrl;
        if (name !== 'meta') return;
        const key = (attributes['property'] ?? attributes['name'] ?? '').trim().toLowerCase();
        const content = attributes['content'];
        // The first of a repeated tag wins (og:image may list several; the first is the card's).
        if (key !== '' && content !== undefined && !meta.has(key)) meta.set(key, content);
      },
      ontext(text) {
        if (inTitle) title += text;
      },
      onclosetag(name) {
        if (name === 'title' && inTitle) {
          inTitle = false;
          titleDone = true;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();

  const first = (...keys: string[]) => {
    for (const key of keys) {
      const value = clean(meta.get(key) ?? '');
      if (value !== '') return value;
    }
    return null;
  };
  const image = first('og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src');
  const ownUrl = first('og:url');
  return {
    url: (ownUrl === null ? null : absoluteHttpUrl(ownUrl, pageUrl)) ?? pageUrl,
    title: cap(first('og:title', 'twitter:title') ?? (clean(title) || null), MAX_TITLE),
    description: cap(first('og:description', 'twitter:description', 'description'), MAX_DESCRIPTION),
    imageUrl: image === null ? null : absoluteHttpUrl(image, base),
    siteName: cap(first('og:site_name', 'application-name'), MAX_TITLE),
  };
}

/** `value` as an absolute http(s) address, relative ones resolved against `base`; null for anything else. */
export function absoluteHttpUrl(value: string, base: string): string | null {
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The character set a page declares: the Content-Type header's `charset`, else a `<meta charset>` or
 * `<meta http-equiv content="…charset=…">` in its first 1024 bytes (as browsers prescan), else UTF-8.
 */
export function declaredCharset(contentType: string | null, head: Uint8Array): string {
  const fromHeader = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  if (fromHeader !== undefined && isKnownCharset(fromHeader)) return fromHeader.toLowerCase();
  const prescan = Buffer.from(head.subarray(0, 1024)).toString('latin1');
  const fromMeta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(prescan)?.[1];
  if (fromMeta !== undefined && isKnownCharset(fromMeta)) return fromMeta.toLowerCase();
  return 'utf-8';
}

function isKnownCharset(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

function clean(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

function cap(value: string | null, max: number): string | null {
  if (value === null) return null;
  return value.length <= max ? value : `${value.slice(0, max - 1).trimEnd()}…`;
}
