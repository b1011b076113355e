import { RequirePermission } from '@kadens/api/organizations';
import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';

import { CalendarEntryDto } from './calendar-entry.dto';
import { CalendarQueryDto } from './calendar-query.dto';
import { streamCalendar } from './calendar-stream';

@ApiTags('calendar')
@Controller('organizations/:organizationId/calendar')
export class CalendarController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Planned posts in a range (at most 370 days), with their targets, filtered by any of the lists. */
  @Get()
  @RequirePermission('posts.read')
  @ApiOkResponse({ type: [CalendarEntryDto], description: 'The planned posts in the range, ordered by plannedAt.' })
  async entries(
    @Param('organizationId') organizationId: string,
    @Query() query: CalendarQueryDto,
    @Res() response: Response,
  ): Promise<void> {
    await streamCalendar(this.db, organizationId, query, response);
  }
}
