import { AuditModule } from '@kadens/api/audit';
import { NotificationsModule } from '@kadens/api/notifications';
import { OrganizationsModule } from '@kadens/api/organizations';
import { PromisesModule } from '@kadens/api/promises';
import { Module } from '@nestjs/common';

import { CalendarController } from './calendar/calendar.controller';
import { ContentTypesController } from './content-types/content-types.controller';
import { ContentTypesService } from './content-types/content-types.service';
import { PostsController } from './posts/posts.controller';
import { PostsService } from './posts/posts.service';
import { WorkflowWriter } from './workflow/apply-workflow-change';

@Module({
  imports: [OrganizationsModule, PromisesModule, AuditModule, NotificationsModule],
  controllers: [ContentTypesController, PostsController, CalendarController],
  providers: [ContentTypesService, PostsService, WorkflowWriter],
  exports: [PostsService, WorkflowWriter],
})
export class PostsModule {}
