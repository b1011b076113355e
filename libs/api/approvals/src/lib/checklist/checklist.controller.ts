import { OrganizationItemParams } from '@kadens/api/core';
import { CurrentMember, type CurrentMemberValue, RequirePermission } from '@kadens/api/organizations';
import type { ChecklistItemView } from '@kadens/shared/contracts';
import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { CreateChecklistItemDto, ListChecklistQuery, UpdateChecklistItemDto } from './checklist.dto';
import { ChecklistService } from './checklist.service';

@ApiTags('approvals')
@Controller('organizations/:organizationId/checklist')
export class ChecklistController {
  constructor(private readonly checklist: ChecklistService) {}

  /** The review checklist approvers tick before approving. */
  @Get()
  @RequirePermission('posts.read')
  list(@Param('organizationId') organizationId: string, @Query() query: ListChecklistQuery): Promise<ChecklistItemView[]> {
    return this.checklist.list(organizationId, query.includeArchived === 'true');
  }

  @Post()
  @RequirePermission('organization.update')
  create(
    @CurrentMember() member: CurrentMemberValue,
    @Param('organizationId') organizationId: string,
    @Body() body: CreateChecklistItemDto,
  ): Promise<ChecklistItemView> {
    return this.checklist.create(organizationId, member.user.id, body);
  }

  /** Change the wording, whether it is required, its place, or archive it. */
  @Patch(':id')
  @RequirePermission('organization.update')
  update(
    @CurrentMember() member: CurrentMemberValue,
    @Param() params: OrganizationItemParams,
    @Body() body: UpdateChecklistItemDto,
  ): Promise<ChecklistItemView> {
    return this.checklist.update(params.organizationId, member.user.id, params.id, body);
  }
}
