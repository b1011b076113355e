import { OrganizationItemParams } from '@kadens/api/core';
import { CurrentMember, type CurrentMemberValue, RequirePermission } from '@kadens/api/organizations';
import type { InboxEntry, ReviewSummary } from '@kadens/shared/contracts';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { ReviewService } from './review.service';

@ApiTags('approvals')
@Controller('organizations/:organizationId')
export class ReviewController {
  constructor(private readonly review: ReviewService) {}

  /** Posts waiting for your approval, soonest due first. */
  @Get('approvals/inbox')
  @RequirePermission('posts.approve')
  inbox(@CurrentMember() member: CurrentMemberValue, @Param('organizationId') organizationId: string): Promise<InboxEntry[]> {
    return this.review.inbox(organizationId, member);
  }

  /** The review screen: the post, progress against the policy, every review, the current and the last approved revision, the checklist. */
  @Get('posts/:id/review')
  @RequirePermission('posts.read')
  summary(@Param() params: OrganizationItemParams): Promise<ReviewSummary> {
    return this.review.summary(params.organizationId, params.id);
  }
}
