import { OrganizationsModule } from '@kadens/api/organizations';
import { PostsModule } from '@kadens/api/posts';
import { PromisesModule } from '@kadens/api/promises';
import { Module } from '@nestjs/common';

import { CalendarExportController } from './export/calendar-export.controller';
import { CalendarFeedController, MyCalendarFeedsController } from './feeds/calendar-feeds.controller';
import { CalendarFeedsService } from './feeds/calendar-feeds.service';
import { FeedThrottlerGuard } from './feeds/feed-throttler.guard';
import { PostImportController } from './imports/post-import.controller';
import { PostImportService } from './imports/post-import.service';

/** The plan outside Kadens: private calendar feeds, CSV import (preview, then drafts) and CSV export. */
@Module({
  imports: [OrganizationsModule, PostsModule, PromisesModule],
  controllers: [MyCalendarFeedsController, CalendarFeedController, PostImportController, CalendarExportController],
  providers: [CalendarFeedsService, FeedThrottlerGuard, PostImportService],
})
export class ExchangeModule {}
