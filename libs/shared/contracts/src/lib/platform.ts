/** Every platform a channel can publish to. Adding one means a rules folder and an adapter folder. */
export const PLATFORMS = ['facebook', 'instagram', 'linkedin', 'x', 'mastodon', 'bluesky', 'wordpress', 'webhook'] as const;
export type Platform = (typeof PLATFORMS)[number];
