import { AuditModule } from '@kadens/api/audit';
import { OrganizationsModule } from '@kadens/api/organizations';
import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';

import { EvaluationDigest } from './digest/evaluation-digest';
import { EvaluationController } from './evaluation.controller';
import { EvaluationService } from './evaluation.service';

/** The evaluation of a month or quarter: the page's API, the monthly e-mail digest and "promises kept" for the public page. */
@Module({
  imports: [ScheduleModule.forRoot(), OrganizationsModule, AuditModule],
  controllers: [EvaluationController],
  providers: [EvaluationService, EvaluationDigest],
  exports: [EvaluationService],
})
export class EvaluationModule {}
