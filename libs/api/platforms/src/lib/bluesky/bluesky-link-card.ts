import { fetchLinkPreview, type OutboundClient } from '@kadens/api/outbound';

import type { BlueskyBlob } from './bluesky-media';
import { BLUESKY_MAX_IMAGE_BYTES } from './bluesky-media';
import type { BlueskySession } from './bluesky-sessions';
import { xrpc } from './bluesky-xrpc';

/** How long the card may take (page and thumbnail): a card is a nicety, never a reason to miss the slot. */
const CARD_TIMEOUT_MS = 8_000;
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);

export interface LinkCardCall {
  client: OutboundClient;
  pds: string;
  session: BlueskySession;
  link: string;
  timeoutMs: number;
  now: number;
}

/**
 * `app.bsky.embed.external` for a post's link, as bsky.app would make it: the page's Open Graph
 * title and description (read through the guarded client) and its image uploaded as the `thumb`
 * blob — skipped when it is larger than 1,000,000 bytes, not an image, or unreadable. A page that
 * cannot be read still gets a card with the address as its title (the link is in the text anyway),
 * so publishing never fails for a card.
 */
export async function linkCardEmbed(call: LinkCardCall): Promise<Record<string, unknown>> {
  const timeoutMs = Math.min(call.timeoutMs, CARD_TIMEOUT_MS);
  const preview = await fetchLinkPreview(call.client, call.link, { timeoutMs }).catch(() => null);
  const thumb = preview?.imageUrl ? await uploadThumb(call, preview.imageUrl, timeoutMs) : null;
  return {
    $type: 'app.bsky.embed.external',
    external: {
      uri: call.link,
      title: preview?.title ?? preview?.siteName ?? call.link,
      description: preview?.description ?? '',
      ...(thumb === null ? {} : { thumb }),
    },
  };
}

async function uploadThumb(call: LinkCardCall, imageUrl: string, timeoutMs: number): Promise<BlueskyBlob | null> {
  let bytes: Uint8Array<ArrayBuffer>;
  let mimeType: string;
  try {
    const response = await call.client.fetch(imageUrl, { maxResponseBytes: BLUESKY_MAX_IMAGE_BYTES, timeoutMs });
    mimeType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!response.ok || !IMAGE_TYPES.has(mimeType)) return null;
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch {
    return null; // too large (the client stops reading at the limit), refused or unreachable: no thumbnail
  }
  if (bytes.length === 0 || bytes.length > BLUESKY_MAX_IMAGE_BYTES) return null;
  try {
    const body = await xrpc({
      client: call.client,
      pds: call.pds,
      nsid: 'com.atproto.repo.uploadBlob',
      method: 'POST',
      bearer: call.session.accessJwt,
      raw: { body: new Blob([bytes]).stream(), contentType: mimeType, length: bytes.length },
      timeoutMs,
      effect: 'none',
      now: call.now,
    });
    const blob = body['blob'] as { ref?: { $link?: unknown }; size?: unknown } | undefined;
    if (typeof blob?.ref?.$link !== 'string') return null;
    return { $type: 'blob', ref: { $link: blob.ref.$link }, mimeType, size: typeof blob.size === 'number' ? blob.size : bytes.length };
  } catch {
    return null;
  }
}
