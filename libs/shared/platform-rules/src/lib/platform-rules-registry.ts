import type { Platform } from '@kadens/shared/contracts';

import { blueskyRules } from './bluesky/bluesky-rules';
import { facebookRules } from './facebook/facebook-rules';
import { instagramRules } from './instagram/instagram-rules';
import { linkedinRules } from './linkedin/linkedin-rules';
import { mastodonRules } from './mastodon/mastodon-rules';
import type { PlatformTextRules } from './text-rules';
import { webhookRules } from './webhook/webhook-rules';
import { wordpressRules } from './wordpress/wordpress-rules';
import { xRules } from './x/x-rules';

// A Record over Platform: adding a platform to the contracts does not compile until it has rules.
const RULES: Readonly<Record<Platform, PlatformTextRules>> = {
  facebook: facebookRules,
  instagram: instagramRules,
  linkedin: linkedinRules,
  x: xRules,
  mastodon: mastodonRules,
  bluesky: blueskyRules,
  wordpress: wordpressRules,
  webhook: webhookRules,
};

export function platformRules(platform: Platform): PlatformTextRules {
  const rules = RULES[platform];
  // Platform values also arrive from the database and from requests, where the type is a promise.
  if (rules === undefined) throw new RangeError(`No text rules for platform "${String(platform)}"`);
  return rules;
}
