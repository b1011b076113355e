import { AuditModule } from '@kadens/api/audit';
import { OrganizationsModule } from '@kadens/api/organizations';
import { PlatformsModule } from '@kadens/api/platforms';
import { Module } from '@nestjs/common';

import { ConnectionsModule } from '../connections/connections.module';
import { PublishedLookups } from '../pipeline/settle/published-lookup';

import { AttentionActionsService } from './attention-actions.service';
import { AttentionController } from './attention.controller';
import { DeliveriesService } from './deliveries.service';

/**
 * The needs-attention list, what a person does about a target (check again, retry, reschedule, mark
 * published), and a post's deliveries. "Check again" asks the platform through the pipeline's
 * PublishedLookups (a class, not the pipeline module: nothing depends on the pipeline).
 */
@Module({
  imports: [OrganizationsModule, AuditModule, ConnectionsModule, PlatformsModule],
  controllers: [AttentionController],
  providers: [AttentionActionsService, DeliveriesService, PublishedLookups],
})
export class AttentionModule {}
