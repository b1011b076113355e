import { RequirePermission } from '@kadens/api/organizations';
import { CalendarQueryDto, PostsReader } from '@kadens/api/posts';
import { isLocale } from '@kadens/shared/contracts';
import { Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';

import { planCsv } from './plan-csv';

/** More than any 370-day plan holds; the import takes 2,000 rows a file. */
const EXPORT_MAX_ROWS = 50_000;

@ApiTags('calendar')
@Controller('organizations/:organizationId')
export class CalendarExportController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The calendar as filtered (the calendar's own range and filters) as CSV: the columns the import reads, so an export re-imports cleanly. */
  @Get('calendar.csv')
  @RequirePermission('posts.read')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: '`;`-separated UTF-8 with BOM, headers in the organisation’s language.' })
  async export(
    @Param('organizationId') organizationId: string,
    @Query() query: CalendarQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    const [organization]: Array<{ slug: string; time_zone: string; default_locale: string }> = await this.db.query(
      `SELECT slug, time_zone, default_locale FROM organizations WHERE id = $1`,
      [organizationId],
    );
    if (!organization) throw new NotFoundException({ message: 'Organisation not found', code: 'organization_not_found' });
    const rows = await new PostsReader(this.db.manager).planRows(organizationId, query, EXPORT_MAX_ROWS);
    const locale = isLocale(organization.default_locale) ? organization.default_locale : 'en';
    const body = planCsv(rows, locale, organization.time_zone);
    response
      .status(200)
      .type('text/csv; charset=utf-8')
      .setHeader('Content-Disposition', `attachment; filename="${organization.slug}-plan.csv"`)
      .setHeader('Cache-Control', 'private, no-store')
      .end(body);
  }
}
