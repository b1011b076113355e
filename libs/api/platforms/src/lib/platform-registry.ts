import type { Platform } from '@kadens/shared/contracts';

import { BlueskyAdapter } from './bluesky/bluesky-adapter';
import { FacebookAdapter } from './facebook/facebook-adapter';
import { InstagramAdapter, type InstagramAdapterOptions } from './instagram/instagram-adapter';
import { LinkedInAdapter } from './linkedin/linkedin-adapter';
import { MastodonAdapter } from './mastodon/mastodon-adapter';
import type { AdapterOptions, PlatformAdapter } from './platform-adapter';
import { WebhookAdapter } from './webhook/webhook-adapter';
import { WordPressAdapter } from './wordpress/wordpress-adapter';
import { XAdapter } from './x/x-adapter';

export type PlatformAdapters = Readonly<Record<Platform, PlatformAdapter>>;

export interface PlatformAdaptersOptions extends AdapterOptions {
  instagram?: Omit<InstagramAdapterOptions, keyof AdapterOptions>;
}

/**
 * A Record over Platform: a platform added to the contracts does not compile until it has an adapter.
 * Every adapter sends through `options.outbound`, the guarded client.
 */
export function createPlatformAdapters(options: PlatformAdaptersOptions): PlatformAdapters {
  const shared: AdapterOptions = { outbound: options.outbound, now: options.now };
  return {
    facebook: new FacebookAdapter(shared),
    instagram: new InstagramAdapter({ ...shared, ...options.instagram }),
    linkedin: new LinkedInAdapter(shared),
    x: new XAdapter(shared),
    mastodon: new MastodonAdapter(shared),
    bluesky: new BlueskyAdapter(shared),
    wordpress: new WordPressAdapter(shared),
    webhook: new WebhookAdapter(shared),
  };
}

/**
 * The one way the publisher reaches a platform. Adapters live as long as the registry, which matters
 * for Bluesky's session cache, so a process should hold one registry (the Nest module provides it).
 */
export class PlatformRegistry {
  constructor(private readonly adapters: PlatformAdapters) {}

  adapterFor(platform: Platform): PlatformAdapter {
    const adapter = this.adapters[platform];
    // Platform values also arrive from the database, where the type is only a promise.
    if (adapter === undefined) throw new RangeError(`No adapter for platform "${String(platform)}"`);
    return adapter;
  }
}
