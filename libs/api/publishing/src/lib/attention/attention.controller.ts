import { CurrentMember, type CurrentMemberValue, RequirePermission } from '@kadens/api/organizations';
import type { AttentionItem, PublishAttemptView, TargetCheck, TargetDelivery } from '@kadens/shared/contracts';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { AttentionActionsService } from './attention-actions.service';
import { MarkPublishedDto, PostDeliveriesParams, RescheduleTargetDto, TargetParams } from './attention.dto';
import { DeliveriesService } from './deliveries.service';

const NOT_FOUND = 'No such target in this organisation (code target_not_found).';
const SEND_AGAIN_CONFLICT =
  'Not possible in the target’s state (target_state), the post is not approved (not_approved), or publishing is paused for the organisation or channel (publishing_paused).';

/** The needs-attention list, what a person can do about each target in it, and what happened to each delivery. */
@ApiTags('publishing')
@Controller('organizations/:organizationId')
export class AttentionController {
  constructor(
    private readonly actions: AttentionActionsService,
    private readonly deliveries: DeliveriesService,
  ) {}

  /**
   * Targets that wait for a person, newest first: failed, of unknown outcome, expired, held by a pause,
   * or on a channel whose connection needs reconnecting. Each lists the actions its state allows.
   */
  @Get('publishing/attention')
  @RequirePermission('posts.read')
  attention(@Param('organizationId') organizationId: string): Promise<AttentionItem[]> {
    return this.actions.list(organizationId);
  }

  /**
   * Asks the platform now whether an unconfirmed target's last attempt made its post. Found: the
   * target is published. Otherwise nothing changes, and `result` says whether a retry is safe
   * (`not_found`, `repeat_is_safe`) or the platform could not tell (`unknown`, with `reason`).
   */
  @Post('publishing/targets/:targetId/check-again')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('publishing.manage')
  @ApiOkResponse({ description: '{ result: found | not_found | repeat_is_safe | unknown, reason, delivery }.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({
    description: 'The target is not unconfirmed (any more) (target_state), or its platform cannot be asked (lookup_unsupported).',
  })
  checkAgain(@CurrentMember() member: CurrentMemberValue, @Param() params: TargetParams): Promise<TargetCheck> {
    return this.actions.checkAgain(params.organizationId, params.targetId, member.user.id);
  }

  /** Tries a failed (or unconfirmed, or held) target again, as soon as possible. */
  @Post('publishing/targets/:targetId/retry')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('publishing.manage')
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: SEND_AGAIN_CONFLICT })
  retry(@CurrentMember() member: CurrentMemberValue, @Param() params: TargetParams): Promise<TargetDelivery> {
    return this.actions.sendAgain(params.organizationId, params.targetId, member.user.id, 'retry');
  }

  /** Sends a held (or failed, or unconfirmed) target out as soon as possible. */
  @Post('publishing/targets/:targetId/publish-now')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('publishing.manage')
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: SEND_AGAIN_CONFLICT })
  publishNow(@CurrentMember() member: CurrentMemberValue, @Param() params: TargetParams): Promise<TargetDelivery> {
    return this.actions.sendAgain(params.organizationId, params.targetId, member.user.id, 'publish_now');
  }

  /** Records that the post is out there on this channel (a person checked, or published it by hand). */
  @Post('publishing/targets/:targetId/mark-published')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('publishing.manage')
  @ApiBadRequestResponse({ description: 'url is not an http(s) URL, or note is too long.' })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'Only a failed, unconfirmed or held target can be marked published (target_state).' })
  markPublished(
    @CurrentMember() member: CurrentMemberValue,
    @Param() params: TargetParams,
    @Body() body: MarkPublishedDto,
  ): Promise<TargetDelivery> {
    return this.actions.markPublished(params.organizationId, params.targetId, member.user.id, body);
  }

  /** Gives one channel's target a new earliest time; the post's planned time and other channels stay. */
  @Post('publishing/targets/:targetId/reschedule')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('publishing.manage')
  @ApiBadRequestResponse({
    description: 'at is not an instant with an offset, is not in the future, or is before the post’s planned time.',
  })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: 'Not possible in the target’s state (target_state), or the post is not approved (not_approved).' })
  reschedule(
    @CurrentMember() member: CurrentMemberValue,
    @Param() params: TargetParams,
    @Body() body: RescheduleTargetDto,
  ): Promise<TargetDelivery> {
    return this.actions.reschedule(params.organizationId, params.targetId, member.user.id, body.at);
  }

  /** Every attempt at delivering the target, oldest first. */
  @Get('publishing/targets/:targetId/attempts')
  @RequirePermission('posts.read')
  @ApiNotFoundResponse({ description: NOT_FOUND })
  attempts(@Param() params: TargetParams): Promise<PublishAttemptView[]> {
    return this.deliveries.attempts(params.organizationId, params.targetId);
  }

  /** The delivery of each of the post's targets, for the post page. */
  @Get('posts/:postId/deliveries')
  @RequirePermission('posts.read')
  @ApiNotFoundResponse({ description: 'No such post in this organisation (code post_not_found).' })
  postDeliveries(@Param() params: PostDeliveriesParams): Promise<TargetDelivery[]> {
    return this.deliveries.forPost(params.organizationId, params.postId);
  }
}
