import { OutboundClient, OutboundModule } from '@kadens/api/outbound';
import { Module } from '@nestjs/common';

import { createPlatformAdapters, PlatformRegistry } from './platform-registry';

/**
 * Provides the registry, its adapters sending through the process's one guarded client
 * (`OutboundModule`, configured by OUTBOUND_ALLOW_HOSTS). Tests of the publisher may replace the
 * registry with one built from stubs.
 */
@Module({
  imports: [OutboundModule],
  providers: [
    {
      provide: PlatformRegistry,
      inject: [OutboundClient],
      useFactory: (outbound: OutboundClient) => new PlatformRegistry(createPlatformAdapters({ outbound })),
    },
  ],
  exports: [PlatformRegistry, OutboundModule],
})
export class PlatformsModule {}
