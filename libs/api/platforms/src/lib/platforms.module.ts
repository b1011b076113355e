import { Module } from '@nestjs/common';

import { PlatformRegistry } from './platform-registry';

/** Provides the registry; tests of the publisher replace it with one built from fakes' base URLs or stubs. */
@Module({
  providers: [{ provide: PlatformRegistry, useFactory: () => new PlatformRegistry() }],
  exports: [PlatformRegistry],
})
export class PlatformsModule {}
