import { APP_CONFIG, type AppConfig, PerAddressRateLimitGuard } from '@kadens/api/core';
import { Inject, Injectable } from '@nestjs/common';

/** Opening a link and deciding are a handful of requests; a page reloaded a few times stays far below this. */
export const EXTERNAL_REVIEW_REQUESTS_PER_MINUTE = 30;

/**
 * The external review link answers without a session, so like the invitation and feed endpoints it counts
 * requests per address. The token is 256 random bits, so this limits cost and noise, not guessing.
 */
@Injectable()
export class ExternalReviewThrottlerGuard extends PerAddressRateLimitGuard {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super(config, {
      name: 'external-review',
      perMinute: EXTERNAL_REVIEW_REQUESTS_PER_MINUTE,
      message: 'Too many requests. Wait a minute and try again.',
    });
  }
}
