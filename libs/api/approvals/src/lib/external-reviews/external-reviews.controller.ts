import { OrganizationItemParams, Public } from '@kadens/api/core';
import { CurrentMember, type CurrentMemberValue, RequirePermission } from '@kadens/api/organizations';
import type { ExternalReviewDecisionView, ExternalReviewPageView, ExternalReviewView } from '@kadens/shared/contracts';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, UseGuards } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiGoneResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';

import {
  AskExternalReviewDto,
  ExternalReviewDecisionDto,
  ExternalReviewItemParams,
  ExternalReviewTokenParams,
} from './external-review.dto';
import { ExternalReviewLinkService } from './external-review-link.service';
import { ExternalReviewThrottlerGuard } from './external-review-throttler.guard';
import { ExternalReviewsService } from './external-reviews.service';

/** Asking an outside person (no account) to sign off one post, by a link mailed to them. */
@ApiTags('external reviews')
@Controller('organizations/:organizationId/posts/:id/external-reviews')
export class ExternalReviewsController {
  constructor(private readonly reviews: ExternalReviewsService) {}

  /**
   * Mails a review link (in the organisation's language) to the named person. Only for a post in review;
   * a newer request replaces the older one; while a request is live, the post needs that person's approval.
   */
  @Post()
  @RequirePermission('posts.edit')
  @ApiCreatedResponse({ description: 'The request, status `sent`.' })
  @ApiBadRequestResponse({ description: 'A missing name or an invalid e-mail, named by field.' })
  @ApiConflictResponse({ description: 'The post is not in review (not_in_review).' })
  ask(
    @CurrentMember() member: CurrentMemberValue,
    @Param() params: OrganizationItemParams,
    @Body() body: AskExternalReviewDto,
  ): Promise<ExternalReviewView> {
    return this.reviews.ask(params.organizationId, params.id, member, body);
  }

  /** Every request for the post, newest first, with its status (sent, opened, approved, changes_requested, expired, revoked, stale). */
  @Get()
  @RequirePermission('posts.read')
  list(@Param() params: OrganizationItemParams): Promise<ExternalReviewView[]> {
    return this.reviews.list(params.organizationId, params.id);
  }

  /** Revokes the link: it stops working (410) and the post no longer waits for that person's sign-off. */
  @Delete(':reviewId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequirePermission('posts.edit')
  @ApiNoContentResponse({ description: 'Revoked.' })
  @ApiConflictResponse({ description: 'Already revoked or replaced (external_review_revoked).' })
  revoke(@CurrentMember() member: CurrentMemberValue, @Param() params: ExternalReviewItemParams): Promise<void> {
    return this.reviews.revoke(params.organizationId, params.id, params.reviewId, member.user.id);
  }
}

/** The link itself, for someone without an account: no session; the token reaches nothing else. */
@ApiTags('external reviews')
@ApiNotFoundResponse({ description: 'Unknown link (external_review_not_found).' })
@ApiGoneResponse({ description: 'Expired, revoked or replaced, or already used (external_review_expired | _revoked | _used).' })
@ApiConflictResponse({
  description:
    'The post was changed after the person was asked (external_review_stale) or is no longer in review (external_review_not_in_review).',
})
@ApiTooManyRequestsResponse({ description: 'Too many requests from this address; see Retry-After.' })
@Controller('external-reviews')
export class PublicExternalReviewsController {
  constructor(private readonly links: ExternalReviewLinkService) {}

  /** The post, read-only, in the organisation's language and time zone. Records "opened"; consumes nothing. */
  @Public()
  @UseGuards(ExternalReviewThrottlerGuard)
  @Get(':token')
  @ApiOkResponse({ description: 'The post as the outside person reviews it.' })
  view(@Param() params: ExternalReviewTokenParams): Promise<ExternalReviewPageView> {
    return this.links.view(params.token);
  }

  /** Approve, or request changes with a comment. Uses up the link. */
  @Public()
  @UseGuards(ExternalReviewThrottlerGuard)
  @Post(':token/decision')
  @HttpCode(HttpStatus.OK)
  @ApiBadRequestResponse({ description: 'An unknown decision, or request_changes without a comment (named `comment`).' })
  decide(@Param() params: ExternalReviewTokenParams, @Body() body: ExternalReviewDecisionDto): Promise<ExternalReviewDecisionView> {
    return this.links.decide(params.token, body);
  }
}
