import { RequirePermission } from '@kadens/api/organizations';
import type { ReportSummary } from '@kadens/shared/contracts';
import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';

import { ReportPostsQueryDto, ReportSummaryQueryDto } from './report-query.dto';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@Controller('organizations/:organizationId/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('summary')
  @RequirePermission('reports.read')
  @ApiOperation({
    summary: 'Published posts and their results per theme, audience, content type, channel or initiative',
    description:
      'From the daily rollups (brought up to date within about half a minute of new numbers). `from` and `to` are days in the ' +
      'organisation’s time zone, inclusive, at most 3 years apart; each group carries the same figures for the previous period ' +
      'of equal length. Unknown numbers are absent, never 0.',
  })
  @ApiOkResponse({ description: 'ReportSummary.' })
  @ApiBadRequestResponse({
    description: 'A malformed date, `to` before `from`, a range over 3 years or an unknown groupBy (errors name the field).',
  })
  summary(@Param('organizationId') organizationId: string, @Query() query: ReportSummaryQueryDto): Promise<ReportSummary> {
    return this.reports.summary(organizationId, query);
  }

  @Get('posts')
  @RequirePermission('reports.read')
  @ApiOperation({
    summary: 'Published targets with their numbers (a manual number wins over the collected one), sorted and filtered',
    description:
      'Top posts: `sort=-engagement&limit=5`; bottom posts: `sort=engagement&limit=5` (unknown numbers sort last both ways). ' +
      'With `Accept: text/csv` every matching row (no paging) as `;`-separated UTF-8 CSV with a BOM, headers in English.',
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ description: 'ReportPostsPage, or CSV.' })
  @ApiBadRequestResponse({ description: 'A malformed query; errors name the field.' })
  async posts(
    @Param('organizationId') organizationId: string,
    @Query() query: ReportPostsQueryDto,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    if (request.accepts(['application/json', 'text/csv']) !== 'text/csv') {
      response.status(200).json(await this.reports.posts(organizationId, query));
      return;
    }
    response
      .status(200)
      .type('text/csv; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="posts-${query.from}-${query.to}.csv"`)
      .setHeader('Cache-Control', 'private, no-store');
    try {
      await this.reports.writePostsCsv(organizationId, query, response);
    } catch (error) {
      // Once the first rows are out the status cannot change; a cut-off download is the honest answer.
      if (!response.headersSent) throw error;
      response.destroy(error instanceof Error ? error : undefined);
      return;
    }
    response.end();
  }
}
