import { AuditModule } from '@kadens/api/audit';
import { NotificationsModule } from '@kadens/api/notifications';
import { OutboundModule } from '@kadens/api/outbound';
import { OrganizationsModule } from '@kadens/api/organizations';
import { PromisesModule } from '@kadens/api/promises';
import { Module } from '@nestjs/common';

import { CalendarController } from './calendar/calendar.controller';
import { ContentTypesController } from './content-types/content-types.controller';
import { ContentTypesService } from './content-types/content-types.service';
import { LinkPreviewController } from './link-preview/link-preview.controller';
import { LinkPreviewService } from './link-preview/link-preview.service';
import { PostsController } from './posts/posts.controller';
import { PostsService } from './posts/posts.service';
import { WorkflowWriter } from './workflow/apply-workflow-change';

@Module({
  imports: [OrganizationsModule, PromisesModule, AuditModule, NotificationsModule, OutboundModule],
  controllers: [ContentTypesController, PostsController, CalendarController, LinkPreviewController],
  providers: [ContentTypesService, PostsService, WorkflowWriter, LinkPreviewService],
  exports: [PostsService, WorkflowWriter],
})
export class PostsModule {}
