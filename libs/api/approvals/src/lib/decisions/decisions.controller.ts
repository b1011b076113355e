import { OrganizationItemParams } from '@kadens/api/core';
import { CurrentMember, type CurrentMemberValue, RequirePermission } from '@kadens/api/organizations';
import type { PostView } from '@kadens/shared/contracts';
import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiForbiddenResponse, ApiTags } from '@nestjs/swagger';

import { ApproveDto, CancelDto, RequestChangesDto } from './decision.dto';
import { DecisionsService } from './decisions.service';

@ApiTags('approvals')
@Controller('organizations/:organizationId/posts/:id')
export class DecisionsController {
  constructor(private readonly decisions: DecisionsService) {}

  /** Sends a draft (or a post with requested changes) to review; approvers are notified. */
  @Post('submit')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('posts.edit')
  @ApiConflictResponse({ description: 'Not possible in the post’s state (not_allowed_in_state).' })
  submit(@CurrentMember() member: CurrentMemberValue, @Param() params: OrganizationItemParams): Promise<PostView> {
    return this.decisions.decide(params.organizationId, params.id, member, { type: 'submit' });
  }

  /** Approves the revision you reviewed, with the checklist ticked. The post is approved when the policy is met. */
  @Post('approve')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('posts.approve')
  @ApiForbiddenResponse({ description: 'Your own post or revision (own_post), or a role that may not approve (permission_denied).' })
  @ApiConflictResponse({
    description: 'A newer revision exists (stale_revision), you already approved it (already_approved), or the state does not allow it.',
  })
  @ApiBadRequestResponse({ description: 'A required checklist item is not ticked (checklist_incomplete).' })
  approve(
    @CurrentMember() member: CurrentMemberValue,
    @Param() params: OrganizationItemParams,
    @Body() body: ApproveDto,
  ): Promise<PostView> {
    return this.decisions.decide(params.organizationId, params.id, member, { type: 'approve', ...body });
  }

  /** Sends the post back to its author with a comment; approvals given so far stop counting. */
  @Post('request-changes')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('posts.approve')
  @ApiForbiddenResponse({ description: 'Your own post (own_post).' })
  @ApiConflictResponse({ description: 'A newer revision exists (stale_revision), or the state does not allow it.' })
  requestChanges(
    @CurrentMember() member: CurrentMemberValue,
    @Param() params: OrganizationItemParams,
    @Body() body: RequestChangesDto,
  ): Promise<PostView> {
    return this.decisions.decide(params.organizationId, params.id, member, { type: 'request_changes', ...body });
  }

  /** Cancels the post before it is published; it stays in the history. */
  @Post('cancel')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('posts.edit')
  @ApiConflictResponse({ description: 'Already published on a channel (delivery_started) or already cancelled.' })
  cancel(@CurrentMember() member: CurrentMemberValue, @Param() params: OrganizationItemParams, @Body() body: CancelDto): Promise<PostView> {
    return this.decisions.decide(params.organizationId, params.id, member, { type: 'cancel', reason: body.reason });
  }
}
