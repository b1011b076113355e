import { AuditModule } from '@kadens/api/audit';
import { MediaModule } from '@kadens/api/media';
import { NotificationsModule } from '@kadens/api/notifications';
import { OrganizationsModule } from '@kadens/api/organizations';
import { PostsModule } from '@kadens/api/posts';
import { Module } from '@nestjs/common';

import { ChecklistController } from './checklist/checklist.controller';
import { ChecklistService } from './checklist/checklist.service';
import { CommentsController, CommentsService } from './comments/comments';
import { DecisionsController } from './decisions/decisions.controller';
import { DecisionsService } from './decisions/decisions.service';
import { ExpiryService } from './expiry/expiry.service';
import { ExternalReviewLinkService } from './external-reviews/external-review-link.service';
import { ExternalReviewThrottlerGuard } from './external-reviews/external-review-throttler.guard';
import { ExternalReviewsController, PublicExternalReviewsController } from './external-reviews/external-reviews.controller';
import { ExternalReviewsService } from './external-reviews/external-reviews.service';
import { HistoryController, HistoryService } from './history/history';
import { ReviewController } from './inbox/review.controller';
import { ReviewService } from './inbox/review.service';
import { PolicyController, PolicyService } from './policy/policy';

@Module({
  imports: [OrganizationsModule, PostsModule, AuditModule, NotificationsModule, MediaModule],
  controllers: [
    DecisionsController,
    ReviewController,
    ChecklistController,
    CommentsController,
    HistoryController,
    PolicyController,
    ExternalReviewsController,
    PublicExternalReviewsController,
  ],
  providers: [
    DecisionsService,
    ReviewService,
    ChecklistService,
    CommentsService,
    HistoryService,
    PolicyService,
    ExpiryService,
    ExternalReviewsService,
    ExternalReviewLinkService,
    ExternalReviewThrottlerGuard,
  ],
  exports: [ExpiryService],
})
export class ApprovalsModule {}
