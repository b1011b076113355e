import { OrganizationsModule } from '@kadens/api/organizations';
import { PromisesModule } from '@kadens/api/promises';
import { Module } from '@nestjs/common';

import { CalendarController } from './calendar/calendar.controller';
import { ContentTypesController } from './content-types/content-types.controller';
import { ContentTypesService } from './content-types/content-types.service';
import { PostsController } from './posts/posts.controller';
import { PostsService } from './posts/posts.service';

@Module({
  imports: [OrganizationsModule, PromisesModule],
  controllers: [ContentTypesController, PostsController, CalendarController],
  providers: [ContentTypesService, PostsService],
  exports: [PostsService],
})
export class PostsModule {}
