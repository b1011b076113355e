import { OrganizationItemParams } from '@kadens/api/core';
import { CurrentMember, type CurrentMemberValue, RequirePermission } from '@kadens/api/organizations';
import type { PostRevisionView, PostView } from '@kadens/shared/contracts';
import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiForbiddenResponse, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';

import { CreatePostDto, MovePostDto, UpdatePostDto } from './post.dto';
import { PostsService } from './posts.service';

@ApiTags('posts')
@Controller('organizations/:organizationId/posts')
export class PostsController {
  constructor(private readonly posts: PostsService) {}

  /** A new draft; its text is checked against every target platform's limits. */
  @Post()
  @RequirePermission('posts.edit')
  @ApiBadRequestResponse({
    description: 'A field is invalid, names another organisation’s row, or a text breaks a platform’s limit (code platform_rules).',
  })
  @ApiUnprocessableEntityResponse({
    description: 'The planned time breaks a blocking rule of a channel’s promises (code rule_violations, with violations).',
  })
  @ApiForbiddenResponse({ description: 'ruleOverride sent by a role that may not override (code override_not_allowed).' })
  create(
    @CurrentMember() member: CurrentMemberValue,
    @Param('organizationId') organizationId: string,
    @Body() body: CreatePostDto,
  ): Promise<PostView> {
    return this.posts.create(organizationId, member, body);
  }

  @Get(':id')
  @RequirePermission('posts.read')
  get(@Param() params: OrganizationItemParams): Promise<PostView> {
    return this.posts.get(params.organizationId, params.id);
  }

  /** Saves changes; a change of content makes a new revision. */
  @Patch(':id')
  @RequirePermission('posts.edit')
  @ApiConflictResponse({ description: 'Delivery has started on a channel (delivery_started) or the post is cancelled.' })
  @ApiUnprocessableEntityResponse({ description: 'The change breaks a blocking rule (code rule_violations).' })
  update(
    @CurrentMember() member: CurrentMemberValue,
    @Param() params: OrganizationItemParams,
    @Body() body: UpdatePostDto,
  ): Promise<PostView> {
    return this.posts.update(params.organizationId, params.id, member, body);
  }

  /** Moves the post to another time (the calendar's drag); the revision stays. */
  @Post(':id/move')
  @HttpCode(HttpStatus.OK)
  @RequirePermission('posts.edit')
  @ApiConflictResponse({ description: 'Delivery has started on a channel (delivery_started).' })
  @ApiUnprocessableEntityResponse({
    description: 'The new time breaks a blocking rule (code rule_violations); an approver may send ruleOverride.',
  })
  move(@CurrentMember() member: CurrentMemberValue, @Param() params: OrganizationItemParams, @Body() body: MovePostDto): Promise<PostView> {
    return this.posts.move(params.organizationId, params.id, member, body.plannedAt, body.ruleOverride);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequirePermission('posts.edit')
  @ApiConflictResponse({ description: 'Delivery has started on a channel (delivery_started).' })
  remove(@Param() params: OrganizationItemParams): Promise<void> {
    return this.posts.remove(params.organizationId, params.id);
  }

  /** Every saved revision, newest first. */
  @Get(':id/revisions')
  @RequirePermission('posts.read')
  revisions(@Param() params: OrganizationItemParams): Promise<PostRevisionView[]> {
    return this.posts.revisions(params.organizationId, params.id);
  }
}
