import { AuditModule } from '@kadens/api/audit';
import { OrganizationsModule } from '@kadens/api/organizations';
import { Module } from '@nestjs/common';

import { AttentionActionsService } from './attention-actions.service';
import { AttentionController } from './attention.controller';
import { DeliveriesService } from './deliveries.service';

/** The needs-attention list, what a person does about a target (retry, reschedule, mark published), and a post's deliveries. */
@Module({
  imports: [OrganizationsModule, AuditModule],
  controllers: [AttentionController],
  providers: [AttentionActionsService, DeliveriesService],
})
export class AttentionModule {}
