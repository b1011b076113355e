import { fetchLinkPreview, LinkPreviewError, OutboundClient } from '@kadens/api/outbound';
import type { LinkPreview } from '@kadens/shared/contracts';
import { BadGatewayException, Inject, Injectable, NotFoundException } from '@nestjs/common';

/** How long a card is kept: a composer asks again as the link is typed, and pages rarely change meanwhile. */
export const LINK_PREVIEW_CACHE_MS = 10 * 60_000;
/** How long a failure is kept, so a typo is not fetched on every keystroke's debounce. */
const FAILURE_CACHE_MS = 60_000;
const MAX_CACHED = 500;
/** The card images the composer may show through Kadens (the web app's CSP allows no other sites' images). */
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);
export const LINK_PREVIEW_MAX_IMAGE_BYTES = 1024 * 1024;

export interface LinkPreviewImage {
  mimeType: string;
  bytes: Uint8Array<ArrayBuffer>;
}

interface Cached {
  expiresAt: number;
  preview?: LinkPreview;
  failure?: LinkPreviewError;
}

/**
 * Link cards for the composer, read through the guarded outbound client (fetchLinkPreview) and kept
 * in memory per URL for ten minutes. The cache is per process and shared by organisations: a card is
 * what the public page says, the same for everyone.
 */
@Injectable()
export class LinkPreviewService {
  private readonly cache = new Map<string, Cached>();
  now: () => number = Date.now;

  constructor(@Inject(OutboundClient) private readonly outbound: OutboundClient) {}

  async preview(url: string): Promise<LinkPreview> {
    const key = new URL(url).href;
    let entry = this.cache.get(key);
    if (entry === undefined || entry.expiresAt <= this.now()) {
      entry = await this.read(key);
      this.remember(key, entry);
    }
    if (entry.failure !== undefined) {
      throw new BadGatewayException({ message: `url: ${entry.failure.message}`, code: entry.failure.code });
    }
    return entry.preview as LinkPreview;
  }

  /**
   * The image of a card this process has read (and still keeps), fetched through the guarded client
   * for the composer: only a card's own `imageUrl` (so this is no open proxy), only JPEG, PNG, WebP or
   * GIF (never SVG), at most 1 MB. 404 for an address no kept card names, 502 when it cannot be read.
   */
  async image(url: string): Promise<LinkPreviewImage> {
    const known = [...this.cache.values()].some((entry) => entry.expiresAt > this.now() && entry.preview?.imageUrl === url);
    if (!known) throw new NotFoundException({ message: 'url: no link preview shows this image', code: 'link_image_unknown' });
    try {
      const response = await this.outbound.fetch(url, { maxResponseBytes: LINK_PREVIEW_MAX_IMAGE_BYTES, timeoutMs: 8_000 });
      const mimeType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      if (response.ok && IMAGE_TYPES.has(mimeType)) return { mimeType, bytes: new Uint8Array(await response.arrayBuffer()) };
    } catch {
      // refused, too large or unreachable: as unreadable
    }
    throw new BadGatewayException({ message: `url: ${url} could not be read as an image`, code: 'link_image_unreadable' });
  }

  private async read(url: string): Promise<Cached> {
    try {
      return { preview: await fetchLinkPreview(this.outbound, url), expiresAt: this.now() + LINK_PREVIEW_CACHE_MS };
    } catch (error) {
      if (!(error instanceof LinkPreviewError)) throw error;
      return { failure: error, expiresAt: this.now() + FAILURE_CACHE_MS };
    }
  }

  private remember(key: string, entry: Cached): void {
    this.cache.delete(key);
    this.cache.set(key, entry);
    // Maps keep insertion order: the first key is the oldest.
    while (this.cache.size > MAX_CACHED) this.cache.delete(this.cache.keys().next().value as string);
  }
}
