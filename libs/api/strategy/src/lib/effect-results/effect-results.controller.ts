import { OrganizationItemParams } from '@kadens/api/core';
import { CurrentMember, type CurrentMemberValue, RequirePermission } from '@kadens/api/organizations';
import type { AudienceEffectResultsView } from '@kadens/shared/contracts';
import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';

import { EffectResultsDto } from './effect-results.dto';
import { EffectResultsService } from './effect-results.service';

/** Each audience's effect goal, measured per period against its target (issue 13). */
@ApiTags('audiences')
@Controller('organizations/:organizationId/audiences/:id/effect-results')
export class EffectResultsController {
  constructor(private readonly results: EffectResultsService) {}

  /** The audience's goal, its measurable target and every entered period, newest first. */
  @Get()
  @RequirePermission('strategy.read')
  @ApiOkResponse({ description: 'The goal, the target and the entered periods.' })
  @ApiNotFoundResponse({ description: 'No such audience in this organisation (audience_not_found).' })
  get(@Param() params: OrganizationItemParams): Promise<AudienceEffectResultsView> {
    return this.results.get(params.organizationId, params.id);
  }

  /**
   * Sets each listed period's value (and note); `value: null` removes that period. Periods are spelled
   * after the target's period ('2026-W48', '2026-11', '2026-Q4', '2026'). Archived audiences stay editable.
   */
  @Put()
  @RequirePermission('results.edit')
  @ApiOkResponse({ description: 'The goal, the target and the entered periods after the change.' })
  @ApiBadRequestResponse({
    description: "Invalid fields; a period that is no period or not of the target's kind names `results.N.period`.",
  })
  @ApiForbiddenResponse({ description: 'Only editors, approvers and admins enter results.' })
  @ApiNotFoundResponse({ description: 'No such audience in this organisation (audience_not_found).' })
  @ApiConflictResponse({ description: 'The audience has no measurable effect target yet (code effect_target_missing).' })
  put(
    @CurrentMember() member: CurrentMemberValue,
    @Param() params: OrganizationItemParams,
    @Body() body: EffectResultsDto,
  ): Promise<AudienceEffectResultsView> {
    return this.results.put(params.organizationId, params.id, member.user.id, body);
  }
}
