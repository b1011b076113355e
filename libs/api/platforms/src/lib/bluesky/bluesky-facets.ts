import { AppBskyRichtextFacet, AtpAgent, RichText } from '@atproto/api';
import type { OutboundClient } from '@kadens/api/outbound';

export type BlueskyFacet = AppBskyRichtextFacet.Main;

/**
 * Links, mentions and hashtags as facets with UTF-8 byte offsets, found by `@atproto/api`'s own
 * `RichText.detectFacets` so they match what Bluesky's apps make. Mentions are resolved to DIDs
 * through the account's PDS, over the guarded client; one that cannot be resolved stays plain text,
 * because a mention facet without a DID is an invalid record.
 */
export async function detectFacets(client: OutboundClient, pds: string, text: string, timeoutMs: number): Promise<BlueskyFacet[]> {
  const agent = new AtpAgent({
    service: pds,
    fetch: (input, init) => client.fetch(input, { ...init, timeoutMs }),
  });
  const richText = new RichText({ text });
  await richText.detectFacets(agent);
  return (richText.facets ?? []).filter((facet) =>
    facet.features.every((feature) => !AppBskyRichtextFacet.isMention(feature) || feature.did.startsWith('did:')),
  );
}
