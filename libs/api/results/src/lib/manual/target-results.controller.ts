import { CurrentMember, type CurrentMemberValue, RequirePermission } from '@kadens/api/organizations';
import type { TargetResultsView } from '@kadens/shared/contracts';
import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';

import { ManualResultsDto, TargetResultsParams } from './target-results.dto';
import { TargetResultsService } from './target-results.service';

const NOT_FOUND = 'No such target in this organisation (code target_not_found).';
const NOT_PUBLISHED = 'The target is not published (yet), so it has no results (code target_not_published).';

/** A published target's results: the dated snapshots read from the platform, and the numbers people enter. */
@ApiTags('results')
@Controller('organizations/:organizationId/publishing/targets/:targetId/results')
export class TargetResultsController {
  constructor(private readonly results: TargetResultsService) {}

  /**
   * The target's snapshots (1 h, 24 h, 7 d, 28 d after publishing by default), its latest collected
   * numbers, the numbers a person entered, and the total reports count (entered where given, else collected).
   */
  @Get()
  @RequirePermission('reports.read')
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: NOT_PUBLISHED })
  view(@Param() params: TargetResultsParams): Promise<TargetResultsView> {
    return this.results.view(params.organizationId, params.targetId);
  }

  /**
   * Replaces the numbers entered by hand for this target (webhook, print, an event — where no API gives
   * them); `numbers: {}` clears them. Audited on the post.
   */
  @Put()
  @RequirePermission('results.edit')
  @ApiBadRequestResponse({
    description:
      'A number is not a whole number from 0 to 10^12, a metric name is unknown (the error names numbers.<name>), or the note is too long.',
  })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  @ApiConflictResponse({ description: NOT_PUBLISHED })
  replace(
    @CurrentMember() member: CurrentMemberValue,
    @Param() params: TargetResultsParams,
    @Body() body: ManualResultsDto,
  ): Promise<TargetResultsView> {
    return this.results.replaceManual(params.organizationId, params.targetId, member.user.id, body);
  }
}
