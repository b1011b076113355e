import { AuditModule } from '@kadens/api/audit';
import { OrganizationsModule } from '@kadens/api/organizations';
import { Module } from '@nestjs/common';

import { CrisisController } from './crisis.controller';
import { CrisisService } from './crisis.service';

/** The crisis switch: pausing and resuming an organisation's or a channel's publishing. */
@Module({
  imports: [OrganizationsModule, AuditModule],
  controllers: [CrisisController],
  providers: [CrisisService],
})
export class CrisisModule {}
