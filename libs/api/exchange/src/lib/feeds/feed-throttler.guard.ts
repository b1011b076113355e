import { APP_CONFIG, type AppConfig, PerAddressRateLimitGuard } from '@kadens/api/core';
import { Inject, Injectable } from '@nestjs/common';

/** Calendar clients fetch hourly; a person subscribing in three clients and refreshing by hand stays far below this. */
const FETCHES_PER_MINUTE = 60;

/** The feed answers without a session, so like the invitation and login endpoints it counts requests per address. */
@Injectable()
export class FeedThrottlerGuard extends PerAddressRateLimitGuard {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super(config, {
      name: 'calendar-feed',
      perMinute: FETCHES_PER_MINUTE,
      message: 'Too many requests for calendar feeds. Try again in a minute.',
    });
  }
}
