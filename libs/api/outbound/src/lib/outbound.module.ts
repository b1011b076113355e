import { APP_CONFIG, type AppConfig } from '@kadens/api/core';
import { Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';

import { OutboundClient } from './outbound-client';

/** Closes the client's pooled connections when the application stops. */
@Injectable()
class OutboundClientCloser implements OnApplicationShutdown {
  constructor(@Inject(OutboundClient) private readonly client: OutboundClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}

/**
 * Provides the process's one `OutboundClient`, configured from OUTBOUND_ALLOW_HOSTS and
 * OUTBOUND_MAX_RESPONSE_KB. Whatever fetches on a user's behalf imports this module and injects it.
 */
@Module({
  providers: [
    {
      provide: OutboundClient,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new OutboundClient({ allowHosts: config.outbound.allowHosts, maxResponseBytes: config.outbound.maxResponseBytes }),
    },
    OutboundClientCloser,
  ],
  exports: [OutboundClient],
})
export class OutboundModule {}
