export * from './lib/platform-adapter';
export * from './lib/platform-errors';
export * from './lib/platform-registry';
export * from './lib/platforms.module';
export { BLUESKY_DEFAULT_PDS, BlueskyAdapter } from './lib/bluesky/bluesky-adapter';
export { blueskyRecordKey } from './lib/bluesky/bluesky-record-key';
export { createSession as createBlueskySession, sessionExpiry as blueskySessionExpiry } from './lib/bluesky/bluesky-sessions';
export { FacebookAdapter } from './lib/facebook/facebook-adapter';
export { GRAPH_DEFAULT_BASE_URL, GRAPH_DEFAULT_VERSION } from './lib/meta-graph/graph-client';
export { INSTAGRAM_DEFAULT_POLLING, InstagramAdapter, type InstagramAdapterOptions } from './lib/instagram/instagram-adapter';
export { LINKEDIN_DEFAULT_BASE_URL, LINKEDIN_DEFAULT_VERSION, LinkedInAdapter } from './lib/linkedin/linkedin-adapter';
export { MastodonAdapter } from './lib/mastodon/mastodon-adapter';
export { WebhookAdapter, type WebhookPayload } from './lib/webhook/webhook-adapter';
export {
  signWebhook,
  verifyWebhook,
  WEBHOOK_ID_HEADER,
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
  WEBHOOK_TOLERANCE_SECONDS,
  type WebhookMessage,
  webhookHeaders,
  webhookSigningKey,
  type WebhookVerdict,
} from './lib/webhook/webhook-signature';
export { WordPressAdapter, wordpressSlug } from './lib/wordpress/wordpress-adapter';
export { XAdapter } from './lib/x/x-adapter';
