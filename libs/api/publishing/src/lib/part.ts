import type { ModuleMetadata, Provider } from '@nestjs/common';

/** One area of the publishing module (connections, crisis, attention, events, pipeline): what it adds to the module. */
export interface PublishingPart {
  controllers: NonNullable<ModuleMetadata['controllers']>;
  providers: Provider[];
}
