import { Module } from '@nestjs/common';

import { AttentionModule } from './attention/attention.module';
import { ConnectionsModule } from './connections/connections.module';
import { CrisisModule } from './crisis/crisis.module';
import { PublishingEventsModule } from './events/publishing-events.module';
import { PipelineModule } from './pipeline/pipeline.module';

/**
 * Publishing: the dispatcher, workers and reconciler that deliver approved targets exactly once
 * (PipelineModule), the channel connections they publish with (ConnectionsModule), the crisis switch,
 * the needs-attention list and the live delivery stream — each a plain Nest module, depending one way
 * (the pipeline on connections; nothing on the pipeline). Importers get ConnectionsService,
 * ConnectionCredentials, the publish queue, Dispatcher, Reconciler and Publisher.
 */
@Module({
  imports: [ConnectionsModule, CrisisModule, AttentionModule, PublishingEventsModule, PipelineModule],
  exports: [ConnectionsModule, PipelineModule],
})
export class PublishingModule {}
