import type { OutboundClient } from '@kadens/api/outbound';
import { setTimeout as sleep } from 'node:timers/promises';

import { requiredId, stringField } from '../http/http-failure';
import { graphCall } from '../meta-graph/graph-client';
import type { GraphErrorOptions } from '../meta-graph/graph-errors';
import type { ChannelConnection } from '../platform-adapter';
import { PlatformAmbiguousError, PlatformInvalidContentError, PlatformTransientError } from '../platform-errors';

export interface ContainerPolling {
  intervalMs: number;
  timeoutMs: number;
}

export interface ContainerContext {
  client: OutboundClient;
  connection: ChannelConnection;
  igUserId: string;
  accessToken: string;
  timeoutMs: number;
  errors: GraphErrorOptions;
}

const VIDEO = /\.(mp4|mov|m4v)$/i;

/** One medium as Instagram fetches it: a public (or signed) URL, whether it is a video, its alt text. */
export interface ContainerMedium {
  url: string;
  video: boolean;
  altText: string;
}

/** A bare URL of an older post: a video when its path says so. */
export function containerMediumOfUrl(url: string): ContainerMedium {
  return { url, video: VIDEO.test(new URL(url).pathname), altText: '' };
}

/**
 * Phase one of an Instagram post: a media container (a carousel of child containers when there are
 * several media), ready to publish. Containers are invisible until published, so nothing here can
 * duplicate a post and every failure is safe to retry.
 */
export async function prepareContainer(
  context: ContainerContext,
  caption: string,
  media: readonly ContainerMedium[],
  polling: ContainerPolling,
): Promise<string> {
  const [only, ...rest] = media;
  if (only !== undefined && rest.length === 0) {
    const id = await createContainer(context, { ...mediaParams(only, false), caption });
    await waitUntilFinished(context, id, polling);
    return id;
  }
  const children: string[] = [];
  for (const medium of media) {
    const child = await createContainer(context, { ...mediaParams(medium, true), is_carousel_item: 'true' });
    await waitUntilFinished(context, child, polling);
    children.push(child);
  }
  const id = await createContainer(context, { media_type: 'CAROUSEL', children: children.join(','), caption });
  await waitUntilFinished(context, id, polling);
  return id;
}

function mediaParams(medium: ContainerMedium, inCarousel: boolean): Record<string, string> {
  // Images carry their alt text (`alt_text`); a video on its own is a reel, inside a carousel a video item.
  if (!medium.video) return { image_url: medium.url, ...(medium.altText === '' ? {} : { alt_text: medium.altText }) };
  return { media_type: inCarousel ? 'VIDEO' : 'REELS', video_url: medium.url };
}

async function createContainer(context: ContainerContext, params: Record<string, string>): Promise<string> {
  const body = await graphCall(
    context.client,
    'instagram',
    context.connection,
    {
      method: 'POST',
      path: `/${encodeURIComponent(context.igUserId)}/media`,
      params,
      accessToken: context.accessToken,
      timeoutMs: context.timeoutMs,
      effect: 'none',
    },
    context.errors,
  );
  return requiredId('instagram', body, 'id', 'none');
}

/** Instagram fetches and processes the media asynchronously; `status_code` says when it is done. */
async function waitUntilFinished(context: ContainerContext, containerId: string, polling: ContainerPolling): Promise<void> {
  const deadline = Date.now() + polling.timeoutMs;
  for (;;) {
    const body = await graphCall(
      context.client,
      'instagram',
      context.connection,
      {
        method: 'GET',
        path: `/${encodeURIComponent(containerId)}`,
        params: { fields: 'status_code,status' },
        accessToken: context.accessToken,
        timeoutMs: context.timeoutMs,
        effect: 'none',
      },
      context.errors,
    );
    const statusCode = stringField(body, 'status_code');
    const detail = stringField(body, 'status') ?? statusCode ?? 'no status';
    if (statusCode === 'FINISHED') return;
    if (statusCode === 'ERROR') {
      throw new PlatformInvalidContentError('instagram', `Instagram could not process the media: ${detail}`, {
        code: 'container.error',
      });
    }
    if (statusCode === 'EXPIRED') {
      throw new PlatformTransientError('instagram', 'The media container expired before publishing', {
        code: 'container.expired',
      });
    }
    if (statusCode === 'PUBLISHED') {
      throw new PlatformAmbiguousError('instagram', 'A fresh container is already published', {
        code: 'container.published',
      });
    }
    if (Date.now() + polling.intervalMs > deadline) {
      throw new PlatformTransientError('instagram', `The media was not ready within ${polling.timeoutMs} ms (${detail})`, {
        code: 'container.timeout',
      });
    }
    await sleep(polling.intervalMs);
  }
}
