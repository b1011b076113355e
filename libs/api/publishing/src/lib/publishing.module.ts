import { AuditModule } from '@kadens/api/audit';
import { OrganizationsModule } from '@kadens/api/organizations';
import { PlatformsModule } from '@kadens/api/platforms';
import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';

import { attentionPart } from './attention/attention.part';
import { connectionsPart } from './connections/connections.part';
import { ConnectionsService } from './connections/connections.service';
import { crisisPart } from './crisis/crisis.part';
import { eventsPart } from './events/events.part';
import { Dispatcher } from './pipeline/dispatcher';
import { pipelinePart } from './pipeline/pipeline.part';
import { PublishQueue } from './pipeline/publish-job';
import { Publisher } from './pipeline/publisher';
import { Reconciler } from './pipeline/reconciler';

const parts = [pipelinePart, connectionsPart, crisisPart, attentionPart, eventsPart];

/**
 * Publishing: the dispatcher, workers and reconciler that deliver approved targets exactly once, the
 * channel connections they publish with, the crisis switch, the needs-attention list and the live
 * delivery stream. Each area lives in its own folder and lists what it adds in its `*.part.ts`.
 */
@Module({
  imports: [ScheduleModule.forRoot(), OrganizationsModule, PlatformsModule, AuditModule],
  controllers: parts.flatMap((part) => part.controllers),
  providers: [ConnectionsService, ...parts.flatMap((part) => part.providers)],
  exports: [ConnectionsService, PublishQueue, Dispatcher, Reconciler, Publisher],
})
export class PublishingModule {}
